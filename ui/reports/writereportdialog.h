#pragma once

#include "shell/formdialog.h"

#include <QDate>
#include <QUuid>

class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;

namespace baton {

class AppContext;

// Writes the signed-in person's daily or weekly report: the period (a day,
// or the week of the day chosen), what was done, what is planned and what
// is in the way. Checked as typed (the period has begun, is not written
// yet, something is said); OK submits it, in one's own name.
class WriteReportDialog : public FormDialog
{
    Q_OBJECT
public:
    WriteReportDialog(AppContext &context, QWidget *parent = nullptr);

    void setPeriod(const QString &period); // report::Daily or report::Weekly
    void setStart(const QDate &day);       // for a weekly report, any day of the week
    QString period() const;
    QDate start() const; // the day, or the week's Monday
    void setDone(const QString &text);
    void setPlanned(const QString &text);
    void setBlockers(const QString &text);
    QUuid createdId() const { return m_created; }
    QString problem() const override;

protected:
    Status save() override;

private:
    void periodChanged();

    AppContext &m_context;
    QDate m_today;
    QUuid m_created;
    QComboBox *m_period;
    QDateEdit *m_date;
    QLabel *m_range;
    QPlainTextEdit *m_done;
    QPlainTextEdit *m_planned;
    QPlainTextEdit *m_blockers;
};

} // namespace baton
