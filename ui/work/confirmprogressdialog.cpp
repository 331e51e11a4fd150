#include "confirmprogressdialog.h"

#include "common/appcontext.h"
#include "shell/messagelabel.h"
#include "work/taskconfirmation.h"
#include "work/workentities.h"
#include "workflow/signingkeys.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

namespace baton {

ConfirmProgressDialog::ConfirmProgressDialog(AppContext &context, const TaskSummary &task,
                                             const QList<ProgressReport> &reports, QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_task(task)
    , m_reports(reports)
    , m_report(new QComboBox(this))
    , m_statement(new QLineEdit(this))
    , m_password(new QLineEdit(this))
{
    setObjectName(QStringLiteral("confirmProgressDialog"));
    setWindowTitle(tr("Confirm Progress"));
    m_report->setObjectName(QStringLiteral("reportCombo"));
    m_statement->setObjectName(QStringLiteral("statementEdit"));
    m_password->setObjectName(QStringLiteral("signPasswordEdit"));
    message()->setObjectName(QStringLiteral("confirmMessage"));
    m_password->setEchoMode(QLineEdit::Password);
    m_statement->setMaxLength(300);

    const QLocale locale;
    for (const ProgressReport &r : reports) {
        const QString when =
            locale.toString(QDateTime::fromMSecsSinceEpoch(r.reportedMs), QLocale::ShortFormat);
        QString text = tr("%1%, reported by %2 on %3").arg(r.progress).arg(r.reporterName, when);
        if (!r.note.isEmpty())
            text += QStringLiteral(": ") + r.note.left(60);
        m_report->addItem(text, r.id);
    }
    m_report->addItem(tr("The task as it stands (%1%)").arg(task.progress), QUuid());

    auto *summary = new QLabel(this);
    summary->setWordWrap(true);
    summary->setText(tr("<b>%1</b><br>%2 · %3% · %4")
                         .arg(task.title.toHtmlEscaped(), task.ownerName.toHtmlEscaped())
                         .arg(task.progress)
                         .arg(task::statusTitle(task.status).toHtmlEscaped()));
    auto *note = new QLabel(tr("Your signature says that you, as their supervisor, confirm this "
                               "progress. It is kept with the task and in the person's dossier."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *form = new QFormLayout;
    form->addRow(tr("&Report:"), m_report);
    form->addRow(tr("&Statement:"), m_statement);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(note);
    setUp(summary, form, tr("Sign"), "signButton");
    setMinimumWidth(460);

    connect(m_report, &QComboBox::currentIndexChanged, this,
            &ConfirmProgressDialog::suggestStatement);
    connect(m_statement, &QLineEdit::textChanged, this, &ConfirmProgressDialog::validate);
    connect(m_password, &QLineEdit::textChanged, this, &ConfirmProgressDialog::validate);
    suggestStatement();
    m_statement->setFocus();
    m_statement->selectAll();
}

QUuid ConfirmProgressDialog::reportId() const
{
    return m_report->currentData().toUuid();
}

void ConfirmProgressDialog::suggestStatement()
{
    // A statement the supervisor edits rather than types from nothing; one
    // they wrote themselves is left alone.
    if (!m_statement->text().isEmpty() && m_statement->text() != m_suggested)
        return;
    qint64 progress = m_task.progress;
    for (const ProgressReport &r : std::as_const(m_reports))
        if (r.id == reportId())
            progress = r.progress;
    m_suggested = progress == 100 ? tr("%1: done").arg(m_task.title)
                                  : tr("%1: %2% done").arg(m_task.title).arg(progress);
    m_statement->setText(m_suggested.left(300));
    validate();
}

QString ConfirmProgressDialog::problem() const
{
    if (m_statement->text().trimmed().isEmpty())
        return tr("Say what you confirm.");
    if (m_password->text().isEmpty())
        return tr("Type your password to sign.");
    return {};
}

Status ConfirmProgressDialog::save()
{
    auto signer = SigningKeys(m_context.store()).unlock(m_context.userId(), m_password->text());
    if (!signer) {
        m_password->selectAll();
        m_password->setFocus();
        return signer.error();
    }
    auto confirmed =
        TaskConfirmations(m_context.store())
            .confirm(m_context.actor(), m_task.id, reportId(), m_statement->text(), *signer);
    if (!confirmed)
        return confirmed.error();
    return {};
}

} // namespace baton
