#include "attributiondialogs.h"

#include "common/appcontext.h"
#include "performance/reviewentities.h"
#include "reviewformat.h"
#include "shell/messagelabel.h"
#include "workflow/signingkeys.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>

namespace baton {

namespace {

QLabel *issueHeading(const IssueView &issue, QWidget *parent)
{
    QString text = QStringLiteral("<b>%1</b><br>%2 · %3 · %4")
                       .arg(issue.title.toHtmlEscaped(), issue.employeeName.toHtmlEscaped(),
                            issue::categoryTitle(issue.category).toHtmlEscaped(),
                            QLocale().toString(issue.occurredOn, QLocale::ShortFormat));
    if (!issue.detail.isEmpty())
        text += QStringLiteral("<br>") + issue.detail.toHtmlEscaped();
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

void fillCauses(QComboBox *box)
{
    for (const QString &c : attribution::causes())
        box->addItem(attribution::causeTitle(c), c);
}

} // namespace

StateCauseDialog::StateCauseDialog(AppContext &context, const IssueView &issue, QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_issue(issue)
    , m_cause(new QComboBox(this))
    , m_statement(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("stateCauseDialog"));
    setWindowTitle(tr("State Cause"));
    m_cause->setObjectName(QStringLiteral("causeCombo"));
    m_statement->setObjectName(QStringLiteral("causeStatementEdit"));
    message()->setObjectName(QStringLiteral("causeMessage"));
    fillCauses(m_cause);
    m_statement->setTabChangesFocus(true);
    m_statement->setMinimumHeight(70);
    auto *note = new QLabel(tr("Your supervisor confirms the cause or corrects it; both stay "
                               "in your archive."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *form = new QFormLayout;
    form->addRow(tr("&Cause:"), m_cause);
    form->addRow(tr("&What happened:"), m_statement);
    form->addRow(note);
    setUp(issueHeading(issue, this), form, tr("State cause"), "stateCauseButton");
    setMinimumWidth(440);
    connect(m_statement, &QPlainTextEdit::textChanged, this, &StateCauseDialog::validate);
    m_cause->setFocus();
}

QString StateCauseDialog::problem() const
{
    if (m_statement->toPlainText().trimmed().isEmpty())
        return tr("Say briefly what caused it.");
    return {};
}

Status StateCauseDialog::save()
{
    auto id = WorkIssues(m_context.store())
                  .state(m_context.actor(), m_issue.id, m_cause->currentData().toString(),
                         m_statement->toPlainText());
    if (!id)
        return id.error();
    return {};
}

DecideCauseDialog::DecideCauseDialog(AppContext &context, const IssueView &issue, Mode mode,
                                     QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_issue(issue)
    , m_mode(mode)
    , m_cause(new QComboBox(this))
    , m_statement(new QLineEdit(this))
    , m_password(new QLineEdit(this))
{
    const bool confirm = mode == Mode::Confirm;
    setObjectName(QStringLiteral("decideCauseDialog"));
    setWindowTitle(confirm ? tr("Confirm Cause") : tr("Correct Cause"));
    m_cause->setObjectName(QStringLiteral("causeCombo"));
    m_statement->setObjectName(QStringLiteral("decisionStatementEdit"));
    m_password->setObjectName(QStringLiteral("signPasswordEdit"));
    message()->setObjectName(QStringLiteral("decisionMessage"));
    m_password->setEchoMode(QLineEdit::Password);
    m_statement->setMaxLength(2000);
    const AttributionView *stated = issue.stated();
    const QString statedCause = stated ? stated->cause : QString();
    fillCauses(m_cause);
    if (confirm) {
        m_cause->setCurrentIndex(m_cause->findData(statedCause));
        m_cause->setEnabled(false);
        m_statement->setText(tr("Confirmed: %1").arg(attribution::causeTitle(statedCause)));
    } else {
        // Another cause than the one stated.
        m_cause->removeItem(m_cause->findData(statedCause));
    }
    auto *said =
        new QLabel(stated ? tr("%1 stated: <b>%2</b> — %3")
                                .arg(issue.employeeName.toHtmlEscaped(),
                                     attribution::causeTitle(stated->cause).toHtmlEscaped(),
                                     stated->statement.toHtmlEscaped())
                          : tr("No cause stated yet."),
                   this);
    said->setWordWrap(true);
    auto *note = new QLabel(confirm ? tr("Your signature says that, as their supervisor, you "
                                         "agree with this cause.")
                                    : tr("Your signature says that, as their supervisor, you "
                                         "name another cause; their statement stays beside it."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *form = new QFormLayout;
    form->addRow(said);
    form->addRow(confirm ? tr("Cause:") : tr("&Cause that stands:"), m_cause);
    form->addRow(tr("&Statement:"), m_statement);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(note);
    setUp(issueHeading(issue, this), form, tr("Sign"), "signButton");
    setMinimumWidth(460);
    connect(m_statement, &QLineEdit::textChanged, this, &DecideCauseDialog::validate);
    connect(m_password, &QLineEdit::textChanged, this, &DecideCauseDialog::validate);
    if (confirm)
        m_password->setFocus();
    else
        m_cause->setFocus();
}

QString DecideCauseDialog::problem() const
{
    if (m_statement->text().trimmed().isEmpty())
        return m_mode == Mode::Confirm ? tr("Say what you confirm.")
                                       : tr("Say why the cause is another.");
    if (m_password->text().isEmpty())
        return tr("Type your password to sign.");
    return {};
}

Status DecideCauseDialog::save()
{
    auto signer = SigningKeys(m_context.store()).unlock(m_context.userId(), m_password->text());
    if (!signer) {
        m_password->selectAll();
        m_password->setFocus();
        return signer.error();
    }
    WorkIssues issues(m_context.store());
    auto id = m_mode == Mode::Confirm
                  ? issues.confirm(m_context.actor(), m_issue.id, m_statement->text(), *signer)
                  : issues.correct(m_context.actor(), m_issue.id, m_cause->currentData().toString(),
                                   m_statement->text(), *signer);
    if (!id)
        return id.error();
    return {};
}

} // namespace baton
