#include "auditverifypanel.h"

#include "auditactions.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace baton {

namespace {

int progressInt(qint64 v)
{
    return int(std::min<qint64>(v, std::numeric_limits<int>::max()));
}

} // namespace

AuditVerifyPanel::AuditVerifyPanel(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("verifyPanel"));
    setFrameShape(QFrame::StyledPanel);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("verifyResult"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("verifyProgress"));
    m_progress->setVisible(false);

    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("verifyCancel"));
    m_cancel->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, &AuditVerifyPanel::cancel);

    m_jump = new QPushButton(this);
    m_jump->setObjectName(QStringLiteral("verifyJumpButton"));
    m_jump->setVisible(false);
    connect(m_jump, &QPushButton::clicked, this, [this] { Q_EMIT jumpRequested(m_jumpSeq); });

    m_central = new QLabel(this);
    m_central->setObjectName(QStringLiteral("centralHistory"));
    m_central->setWordWrap(true);
    m_central->setTextFormat(Qt::PlainText);
    m_central->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_central->setVisible(false);

    auto *column = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    row->addWidget(m_status, 1);
    row->addWidget(m_progress, 1);
    row->addWidget(m_cancel);
    row->addWidget(m_jump);
    column->addLayout(row);
    column->addWidget(m_central);

    m_watcher = new QFutureWatcher<Reply>(this);
    connect(m_watcher, &QFutureWatcher<Reply>::progressRangeChanged, m_progress,
            &QProgressBar::setRange);
    connect(m_watcher, &QFutureWatcher<Reply>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(m_watcher, &QFutureWatcher<Reply>::finished, this,
            [this] { done(m_watcher->future().resultCount() ? m_watcher->result() : Reply()); });
    retranslate();
    setVisible(false);
}

AuditVerifyPanel::~AuditVerifyPanel()
{
    // The worker holds its own copy of the flag and of the file name, so it
    // stops soon and needs nothing of ours; the window does not wait for it.
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

void AuditVerifyPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void AuditVerifyPanel::retranslate()
{
    m_progress->setFormat(tr("%v of %m entries"));
    m_cancel->setText(tr("Cancel"));
    showStatus();
}

void AuditVerifyPanel::start(const QString &databasePath)
{
    if (m_running)
        return;
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    auto flag = m_cancelFlag;
    auto work = [databasePath, flag](QPromise<Reply> &promise) {
        auto progress = [&promise](qint64 done, qint64 total) {
            promise.setProgressRange(0, progressInt(total));
            promise.setProgressValue(progressInt(done));
        };
        Reply reply;
        auto report = AuditVerifier::verify(databasePath, progress, flag.get());
        if (report)
            reply.report = *report;
        else
            reply.error = report.error().message;
        promise.addResult(reply);
    };
    m_report = {};
    m_error.clear();
    m_phase = Phase::Running;
    m_jumpSeq = 0;
    m_jump->setVisible(false);
    m_progress->setRange(0, 0); // busy until the verifier knows the total
    m_progress->setValue(0);
    showStatus();
    setVisible(true);
    setRunning(true);
    m_watcher->setFuture(QtConcurrent::run(work));
}

void AuditVerifyPanel::setCentralHistory(const QString &text, bool alarm)
{
    m_central->setText(text);
    QPalette p;
    p.setColor(QPalette::WindowText, alarm ? AuditActions::errorColor() : AuditActions::okColor());
    m_central->setPalette(p);
    m_central->setVisible(!text.isEmpty());
}

void AuditVerifyPanel::cancel()
{
    if (!m_running || !m_cancelFlag)
        return;
    m_cancelFlag->store(true);
    m_cancel->setEnabled(false);
    m_phase = Phase::Cancelling;
    showStatus();
}

void AuditVerifyPanel::setRunning(bool running)
{
    m_running = running;
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
    m_cancel->setEnabled(running);
    Q_EMIT runningChanged(running);
}

void AuditVerifyPanel::done(const Reply &reply)
{
    setRunning(false);
    m_cancelFlag.reset();
    m_report = reply.report;
    m_error = reply.error;
    m_phase = Phase::Done;
    showStatus();
    Q_EMIT finished();
}

void AuditVerifyPanel::showStatus()
{
    switch (m_phase) {
    case Phase::Idle:
        return;
    case Phase::Running:
        m_status->setText(tr("Verifying the audit chain..."));
        m_status->setPalette(QPalette());
        return;
    case Phase::Cancelling:
        m_status->setText(tr("Cancelling..."));
        return;
    case Phase::Done:
        break;
    }
    const AuditVerifyReport &r = m_report;
    const QLocale locale;
    if (!m_error.isEmpty()) {
        showVerdict(tr("The audit chain could not be verified: %1").arg(m_error),
                    AuditActions::errorColor(), 0);
    } else if (r.firstBrokenSeq != 0) {
        // The problem comes worded by the verifier, in the language of the run.
        const QString text =
            r.brokenSummary.isEmpty()
                ? r.problem
                //: %1 what is wrong (a sentence), %2 time, user and action of the entry
                : tr("%1\nEntry: %2").arg(r.problem, r.brokenSummary);
        showVerdict(text, AuditActions::errorColor(), r.firstBrokenSeq);
    } else if (r.cancelled) {
        showVerdict(tr("Verification cancelled after %1 of %2 entries; nothing was concluded.")
                        .arg(locale.toString(r.checked), locale.toString(r.total)),
                    QColor(), 0);
    } else if (r.intact && r.total == 0) {
        showVerdict(tr("The audit trail is empty: there is nothing to verify yet."), QColor(), 0);
    } else if (r.intact) {
        showVerdict(tr("All %1 entries check out: none was changed, removed or inserted.")
                        .arg(locale.toString(r.total)),
                    AuditActions::okColor(), 0);
    } else {
        // Should not happen: neither intact nor a broken entry named.
        showVerdict(tr("Only %1 of %2 entries could be checked; the chain is not proven intact.")
                        .arg(locale.toString(r.checked), locale.toString(r.total)),
                    AuditActions::errorColor(), 0);
    }
}

void AuditVerifyPanel::showVerdict(const QString &text, const QColor &color, qint64 jumpSeq)
{
    m_status->setText(text);
    QPalette p;
    if (color.isValid())
        p.setColor(QPalette::WindowText, color);
    m_status->setPalette(p);
    m_jumpSeq = jumpSeq;
    m_jump->setText(tr("Show entry %1").arg(jumpSeq));
    m_jump->setVisible(jumpSeq > 0);
}

} // namespace baton
