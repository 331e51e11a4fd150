#pragma once

#include "work/duties.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace baton {

class AppContext;
class MessageLabel;
class OptionalDateEdit;

// Gives a person a responsibility of their own for a period: its name, what
// it covers, the customer and project it concerns, from when and until
// when. OK records it; a refusal is shown and the dialog stays open.
class AddDutyDialog : public QDialog
{
    Q_OBJECT
public:
    AddDutyDialog(AppContext &context, const QUuid &employee, const QString &name,
                  QWidget *parent = nullptr);

    DutyDraft draft() const;
    QString problem() const; // translated; empty when it may be saved
    void accept() override;

private:
    void validate();

    AppContext &m_context;
    QUuid m_employee;
    QLineEdit *m_title;
    QPlainTextEdit *m_detail;
    QComboBox *m_customer;
    QLineEdit *m_project;
    QDateEdit *m_from;
    OptionalDateEdit *m_to;
    MessageLabel *m_message;
    QDialogButtonBox *m_buttons;
};

// Ends a responsibility on a day: it stays in the archive with its period.
class EndDutyDialog : public QDialog
{
    Q_OBJECT
public:
    EndDutyDialog(AppContext &context, const QUuid &duty, const QString &title, const QDate &from,
                  QWidget *parent = nullptr);

    void setLastDay(const QDate &day);
    void accept() override;

private:
    AppContext &m_context;
    QUuid m_duty;
    QDateEdit *m_last;
    MessageLabel *m_message;
};

} // namespace baton
