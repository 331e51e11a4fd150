#include "approvaldetailpane.h"

#include "approvalformat.h"
#include "common/appcontext.h"
#include "common/filedialogs.h"
#include "signaturecheck.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUrl>
#include <QVBoxLayout>

namespace baton {

namespace {

QLabel *sectionTitle(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont f = label->font();
    f.setWeight(QFont::DemiBold);
    label->setFont(f);
    return label;
}

// A file name without folders or characters file systems refuse.
QString safeFileName(const QString &name)
{
    QString out = QFileInfo(name).fileName();
    static const QString bad = QStringLiteral("\\/:*?\"<>|");
    for (QChar &c : out)
        if (bad.contains(c) || c.unicode() < 0x20)
            c = QLatin1Char('_');
    return out.isEmpty() ? QStringLiteral("attachment") : out;
}

} // namespace

ApprovalDetailPane::ApprovalDetailPane(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_subject(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_state(new QLabel(this))
    , m_body(new QLabel(this))
    , m_attachmentsTitle(sectionTitle(this))
    , m_attachments(new QListWidget(this))
    , m_open(new QPushButton(this))
    , m_save(new QPushButton(this))
    , m_stepsTitle(sectionTitle(this))
    , m_steps(new QTableWidget(0, StepColumnCount, this))
    , m_check(new QPushButton(this))
    , m_checkResult(new QLabel(this))
    , m_checker(new SignatureCheck(this))
{
    setObjectName(QStringLiteral("approvalDetail"));
    m_subject->setObjectName(QStringLiteral("approvalSubject"));
    m_state->setObjectName(QStringLiteral("approvalState"));
    m_body->setObjectName(QStringLiteral("approvalBody"));
    m_attachments->setObjectName(QStringLiteral("approvalAttachments"));
    m_open->setObjectName(QStringLiteral("openAttachmentButton"));
    m_save->setObjectName(QStringLiteral("saveAttachmentButton"));
    m_steps->setObjectName(QStringLiteral("approvalSteps"));
    m_check->setObjectName(QStringLiteral("checkSignaturesButton"));
    m_checkResult->setObjectName(QStringLiteral("checkResult"));

    QFont big = m_subject->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setWeight(QFont::DemiBold);
    m_subject->setFont(big);
    for (QLabel *l : {m_subject, m_meta, m_body, m_checkResult}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_attachments->setMaximumHeight(90);
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_steps->verticalHeader()->hide();
    m_steps->horizontalHeader()->setStretchLastSection(true);
    m_steps->setWordWrap(false);

    auto *fileButtons = new QHBoxLayout;
    fileButtons->addWidget(m_open);
    fileButtons->addWidget(m_save);
    fileButtons->addStretch(1);
    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_check);
    checkRow->addWidget(m_checkResult, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addWidget(m_subject);
    layout->addWidget(m_meta);
    layout->addWidget(m_state);
    layout->addWidget(m_body);
    layout->addSpacing(8);
    layout->addWidget(m_attachmentsTitle);
    layout->addWidget(m_attachments);
    layout->addLayout(fileButtons);
    layout->addSpacing(8);
    layout->addWidget(m_stepsTitle);
    layout->addWidget(m_steps, 1);
    layout->addLayout(checkRow);

    connect(m_open, &QPushButton::clicked, this, &ApprovalDetailPane::openAttachment);
    connect(m_save, &QPushButton::clicked, this, &ApprovalDetailPane::saveAttachment);
    connect(m_attachments, &QListWidget::itemActivated, this, &ApprovalDetailPane::openAttachment);
    connect(m_attachments, &QListWidget::currentRowChanged, this, [this](int row) {
        m_open->setEnabled(row >= 0);
        m_save->setEnabled(row >= 0);
    });
    connect(m_check, &QPushButton::clicked, this, &ApprovalDetailPane::startCheck);
    connect(m_checker, &SignatureCheck::finished, this, &ApprovalDetailPane::checkDone);
    retranslate();
    clear();
}

ApprovalDetailPane::~ApprovalDetailPane() = default;

bool ApprovalDetailPane::isChecking() const
{
    return m_checker->isRunning();
}

void ApprovalDetailPane::clear()
{
    m_request = {};
    m_checks.clear();
    m_subject->clear();
    m_meta->clear();
    m_state->clear();
    m_body->clear();
    m_attachments->clear();
    m_steps->setRowCount(0);
    m_checkResult->clear();
    m_open->setEnabled(false);
    m_save->setEnabled(false);
    m_check->setEnabled(false);
    setEnabled(false);
}

void ApprovalDetailPane::showRequest(const Approvals::RequestView &request)
{
    if (request.id != m_request.id) {
        m_checks.clear();
        m_checkResult->clear();
    }
    m_request = request;
    setEnabled(true);
    const qint64 now = m_context.store().nowMs();
    m_subject->setText(request.subject);
    QStringList meta = {request.templateName,
                        tr("submitted by %1 on %2")
                            .arg(request.submitterName, ApprovalFormat::time(request.submittedMs))};
    if (request.amount != 0)
        meta.prepend(ApprovalFormat::money(request.amount, request.currency));
    m_meta->setText(meta.join(QStringLiteral(" · ")));
    QString state = ApprovalFormat::stateText(request, now);
    if (request.progress.state == RequestProgress::State::InProgress
        && !request.waitingOn.isEmpty())
        state = tr("%1 — waiting on %2 (%3)").arg(state, request.waitingOn, request.waitingTitle);
    if (request.deadlineMs > 0 && request.progress.state == RequestProgress::State::InProgress)
        state += QLatin1Char(' ') + tr("due %1").arg(ApprovalFormat::time(request.deadlineMs));
    if (request.paidMs > 0)
        state += QLatin1Char(' ') + tr("on %1").arg(ApprovalFormat::time(request.paidMs));
    m_state->setText(state);
    m_state->setStyleSheet(ApprovalFormat::styleSheet(ApprovalFormat::stateTone(request, now)));
    m_body->setText(request.body);

    m_attachments->clear();
    for (const Approvals::AttachmentView &a : request.attachments) {
        QString text = tr("%1 (%2)").arg(a.name, ApprovalFormat::fileSize(a.size));
        if (!a.stepId.isNull())
            text += QLatin1Char(' ') + tr("— added at a decision, round %1").arg(a.round);
        auto *item = new QListWidgetItem(text, m_attachments);
        item->setData(Qt::UserRole, a.id);
        item->setToolTip(tr("SHA-256: %1").arg(a.sha256));
    }
    m_attachmentsTitle->setVisible(!request.attachments.isEmpty());
    m_attachments->setVisible(!request.attachments.isEmpty());
    m_open->setVisible(!request.attachments.isEmpty());
    m_save->setVisible(!request.attachments.isEmpty());
    m_open->setEnabled(false);
    m_save->setEnabled(false);
    fillSteps();
}

QString ApprovalDetailPane::signatureText(const Approvals::StepView &step, int *tone) const
{
    using Tone = ApprovalFormat::Tone;
    *tone = int(Tone::Neutral);
    if (step.signature.isEmpty())
        return step.state == QLatin1String(approval::Pending) ? QString() : tr("Not signed");
    if (auto it = m_checks.constFind(step.id); it != m_checks.constEnd()) {
        if (!it->ok()) {
            *tone = int(Tone::Bad);
            return tr("Check failed: %1").arg(it->problems.join(QStringLiteral("; ")));
        }
        if (it->hasTimestamp) {
            *tone = int(Tone::Done);
            return tr("Signature and time stamp verified");
        }
        *tone = int(Tone::Waiting);
        return tr("Signature verified, waiting for trusted time");
    }
    if (!step.timestampToken.isEmpty()) {
        *tone = int(Tone::Done);
        return tr("Signed and time-stamped");
    }
    *tone = int(Tone::Waiting);
    return tr("Signed, waiting for trusted time");
}

void ApprovalDetailPane::fillSteps()
{
    const QList<Approvals::StepView> &steps = m_request.steps;
    m_steps->setRowCount(int(steps.size()));
    bool anySigned = false;
    for (int row = 0; row < steps.size(); ++row) {
        const Approvals::StepView &s = steps.at(row);
        anySigned = anySigned || !s.signature.isEmpty();
        QString who = s.whoActs();
        if (!s.decidedByName.isEmpty() && s.decidedByName != who)
            who = tr("%1 (decided by %2)").arg(who, s.decidedByName);
        QString title = s.title;
        if (!s.addedBy.isNull())
            title = tr("%1 (added)").arg(title);
        int tone = 0;
        const QString signature = signatureText(s, &tone);
        // A pending step the request does not wait on now was not reached
        // (or no longer will be, once the request is settled).
        const bool pending = s.state == QLatin1String(approval::Pending);
        const bool waiting = m_request.progress.waitingSteps.contains(s.id);
        const QString state =
            pending && !waiting ? tr("Not reached") : ApprovalFormat::stepStateTitle(s.state);
        const QStringList cells = {QString::number(s.round),
                                   title,
                                   who,
                                   state,
                                   ApprovalFormat::time(s.decidedMs),
                                   ApprovalFormat::time(s.timestampMs),
                                   signature,
                                   s.decidedFrom,
                                   s.opinion};
        for (int column = 0; column < StepColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setData(Qt::UserRole, s.id);
            item->setToolTip(cells.at(column));
            m_steps->setItem(row, column, item);
        }
        const QColor stateColor = pending && !waiting
                                      ? QColor()
                                      : ApprovalFormat::color(ApprovalFormat::stepTone(s.state));
        if (stateColor.isValid())
            m_steps->item(row, DecisionColumn)->setForeground(stateColor);
        const auto signatureTone = ApprovalFormat::Tone(tone);
        if (ApprovalFormat::color(signatureTone).isValid()) {
            m_steps->item(row, SignatureColumn)
                ->setForeground(ApprovalFormat::color(signatureTone));
            m_steps->item(row, SignatureColumn)->setIcon(ApprovalFormat::icon(signatureTone));
        }
        if (s.deadlineMs > 0 && s.state == QLatin1String(approval::Pending)
            && s.deadlineMs < m_context.store().nowMs())
            m_steps->item(row, StepTitleColumn)
                ->setForeground(ApprovalFormat::color(ApprovalFormat::Tone::Bad));
    }
    m_steps->resizeColumnsToContents();
    m_check->setEnabled(anySigned && !m_checker->isRunning());
}

Result<QByteArray> ApprovalDetailPane::currentAttachment(Approvals::AttachmentView *which)
{
    const int row = m_attachments->currentRow();
    if (row < 0 || row >= m_request.attachments.size())
        return Error(QStringLiteral("ui.no_attachment"), tr("Choose an attachment first."));
    *which = m_request.attachments.at(row);
    Approvals approvals(m_context.store());
    return approvals.attachmentContent(m_context.actor(), which->id);
}

void ApprovalDetailPane::openAttachment()
{
    Approvals::AttachmentView a;
    auto bytes = currentAttachment(&a);
    if (!bytes)
        return (void)QMessageBox::warning(this, tr("Open Attachment"), bytes.error().message);
    if (!m_openedFiles || !m_openedFiles->isValid())
        m_openedFiles =
            std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/baton-XXXXXX"));
    // One folder per attachment: two attachments may have the same name.
    const QString folder = m_openedFiles->filePath(a.id.toString(QUuid::WithoutBraces));
    QDir().mkpath(folder);
    const QString path = folder + QLatin1Char('/') + safeFileName(a.name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(*bytes) != bytes->size())
        return (void)QMessageBox::warning(
            this, tr("Open Attachment"),
            tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    file.close();
    // Read-only: what is opened is a copy; changing it changes nothing here.
    file.setPermissions(QFileDevice::ReadOwner);
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        QMessageBox::information(
            this, tr("Open Attachment"),
            tr("No program is set up to open %1. Use Save As to keep a copy.").arg(a.name));
}

void ApprovalDetailPane::saveAttachment()
{
    Approvals::AttachmentView a;
    auto bytes = currentAttachment(&a);
    if (!bytes)
        return (void)QMessageBox::warning(this, tr("Save Attachment"), bytes.error().message);
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = FileDialogs::saveFile(this, tr("Save Attachment"),
                                               folder + QLatin1Char('/') + safeFileName(a.name),
                                               tr("All files (*)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size() || !file.commit())
        QMessageBox::warning(
            this, tr("Save Attachment"),
            tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
}

void ApprovalDetailPane::startCheck()
{
    if (m_request.id.isNull() || m_checker->isRunning())
        return;
    m_check->setEnabled(false);
    m_checkResult->setStyleSheet(QString());
    m_checkResult->setText(tr("Checking the signatures, time stamps and audit trail…"));
    m_checker->start(m_context.store().path(), m_request.id);
}

void ApprovalDetailPane::checkDone(const QUuid &requestId, const RequestCheck &check,
                                   const QString &error)
{
    if (requestId != m_request.id) {
        fillSteps(); // another request is shown now: just re-enable the button
        return;
    }
    bool ok = false;
    if (!error.isEmpty()) {
        m_checkResult->setText(tr("Could not check: %1").arg(error));
        m_checkResult->setStyleSheet(ApprovalFormat::styleSheet(ApprovalFormat::Tone::Bad));
    } else {
        m_checks.clear();
        for (const DecisionCheck &d : check.decisions)
            m_checks.insert(d.stepId, d);
        ok = check.ok();
        int stamped = 0;
        for (const DecisionCheck &d : check.decisions)
            stamped += d.hasTimestamp ? 1 : 0;
        QString text;
        if (ok)
            text = tr("All %1 signed decisions check out (%2 with trusted time); the audit trail "
                      "is complete and intact.")
                       .arg(check.decisions.size())
                       .arg(stamped);
        else {
            QStringList problems = check.problems;
            for (const DecisionCheck &d : check.decisions)
                for (const QString &p : d.problems)
                    problems.append(tr("%1: %2").arg(d.title, p));
            text = tr("The check failed: %1").arg(problems.join(QStringLiteral("; ")));
        }
        m_checkResult->setText(text);
        m_checkResult->setStyleSheet(ApprovalFormat::styleSheet(ok ? ApprovalFormat::Tone::Done
                                                                   : ApprovalFormat::Tone::Bad));
    }
    fillSteps();
    Q_EMIT checkFinished(ok);
}

void ApprovalDetailPane::retranslate()
{
    m_attachmentsTitle->setText(tr("Attachments"));
    m_open->setText(tr("&Open"));
    m_save->setText(tr("Save &As…"));
    m_stepsTitle->setText(tr("Steps"));
    m_check->setText(tr("Check Signatures"));
    m_check->setToolTip(tr("Verify every signed decision against the organisation's certificate, "
                           "its trusted time stamp and the audit trail."));
    m_steps->setHorizontalHeaderLabels({tr("Round"), tr("Step"), tr("Who acts"), tr("Decision"),
                                        tr("Local time"), tr("Trusted time"), tr("Signature"),
                                        tr("From address"), tr("Opinion")});
    if (!m_request.id.isNull())
        showRequest(m_request);
}

} // namespace baton
