#pragma once

#include "work/duties.h"

#include "shell/formdialog.h"

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace baton {

class AppContext;
class OptionalDateEdit;

// Gives a person a responsibility of their own for a period: its name, what
// it covers, the customer and project it concerns, from when and until
// when. OK records it; a refusal is shown and the dialog stays open.
class AddDutyDialog : public FormDialog
{
    Q_OBJECT
public:
    AddDutyDialog(AppContext &context, const QUuid &employee, const QString &name,
                  QWidget *parent = nullptr);

    DutyDraft draft() const;
    QString problem() const override;

protected:
    Status save() override;

private:
    AppContext &m_context;
    QUuid m_employee;
    QLineEdit *m_title;
    QPlainTextEdit *m_detail;
    QComboBox *m_customer;
    QLineEdit *m_project;
    QDateEdit *m_from;
    OptionalDateEdit *m_to;
};

// Ends a responsibility on a day: it stays in the archive with its period.
class EndDutyDialog : public FormDialog
{
    Q_OBJECT
public:
    EndDutyDialog(AppContext &context, const QUuid &duty, const QString &title, const QDate &from,
                  QWidget *parent = nullptr);

    void setLastDay(const QDate &day);
    QString problem() const override { return {}; }

protected:
    Status save() override;

private:
    AppContext &m_context;
    QUuid m_duty;
    QDateEdit *m_last;
};

} // namespace baton
