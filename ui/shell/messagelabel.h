#pragma once

#include <QLabel>

namespace baton {

// A line of feedback under a form: a neutral hint, an error (red) or a
// confirmation (green), the same colours wherever Baton shows a state.
class MessageLabel : public QLabel
{
    Q_OBJECT
public:
    enum class Kind { Hint, Error, Success };
    Q_ENUM(Kind)

    explicit MessageLabel(QWidget *parent = nullptr);

    // An empty text hides the label.
    void showMessage(const QString &text, Kind kind);
    void clearMessage() { showMessage({}, Kind::Hint); }
    Kind kind() const { return m_kind; }

    static QColor colorFor(Kind kind, const QPalette &palette);

private:
    Kind m_kind = Kind::Hint;
};

} // namespace baton
