#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace baton {

// What a list shows instead of an empty table: what goes here, why nothing
// is shown, and the one action that helps.
class EmptyStateWidget : public QWidget
{
    Q_OBJECT
public:
    explicit EmptyStateWidget(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setMessage(const QString &message);
    // Empty text hides the button.
    void setActionText(const QString &text);

Q_SIGNALS:
    void actionTriggered();

private:
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_action = nullptr;
};

} // namespace baton
