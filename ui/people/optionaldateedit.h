#pragma once

#include <QDate>
#include <QWidget>

class QCheckBox;
class QDateEdit;

namespace baton {

// A date that may be left empty (a departure date): a check box that says
// whether there is one, and the date.
class OptionalDateEdit : public QWidget
{
    Q_OBJECT
public:
    explicit OptionalDateEdit(const QString &checkText, QWidget *parent = nullptr);

    // Invalid when no date is set.
    QDate date() const;
    void setDate(const QDate &date);
    void setReadOnly(bool readOnly);
    QCheckBox *checkBox() const { return m_check; }
    QDateEdit *dateEdit() const { return m_edit; }

Q_SIGNALS:
    void dateChanged();

private:
    QCheckBox *m_check = nullptr;
    QDateEdit *m_edit = nullptr;
};

} // namespace baton
