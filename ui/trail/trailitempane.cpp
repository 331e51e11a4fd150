#include "trailitempane.h"

#include "approvals/approvalformat.h"
#include "common/appcontext.h"
#include "common/filedialogs.h"
#include "trail/documentblobs.h"
#include "work/workentities.h"
#include "workaccess.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace baton {

namespace {

// The captions of the item's fields, translated when shown.
const char *const Captions[] = {QT_TRANSLATE_NOOP("baton::TrailItemPane", "Kind:"),
                                QT_TRANSLATE_NOOP("baton::TrailItemPane", "Time:"),
                                QT_TRANSLATE_NOOP("baton::TrailItemPane", "From:"),
                                QT_TRANSLATE_NOOP("baton::TrailItemPane", "To:"),
                                QT_TRANSLATE_NOOP("baton::TrailItemPane", "Conversation:"),
                                QT_TRANSLATE_NOOP("baton::TrailItemPane", "Source:"),
                                QT_TRANSLATE_NOOP("baton::TrailItemPane", "Document:")};

// A file name made from a title: no folders, nothing a file system refuses.
QString safeFileName(QString name, const QString &mime)
{
    static const QString bad = QStringLiteral("/\\:*?\"<>|");
    for (QChar &c : name)
        if (bad.contains(c) || c.unicode() < 0x20)
            c = QLatin1Char('_');
    name = name.trimmed();
    if (name.isEmpty())
        name = QStringLiteral("document");
    if (QFileInfo(name).suffix().isEmpty() && !mime.isEmpty()) {
        const QString suffix = QMimeDatabase().mimeTypeForName(mime).preferredSuffix();
        if (!suffix.isEmpty())
            name += QLatin1Char('.') + suffix;
    }
    return name.left(200);
}

} // namespace

TrailItemPane::TrailItemPane(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_title(new QLabel(this))
    , m_fields(new QWidget(this))
    , m_eventFields(new QWidget(this))
    , m_body(new QPlainTextEdit(this))
    , m_save(new QPushButton(this))
{
    setObjectName(QStringLiteral("trailItemPane"));
    m_title->setObjectName(QStringLiteral("trailItemTitle"));
    m_body->setObjectName(QStringLiteral("trailItemBody"));
    m_save->setObjectName(QStringLiteral("saveDocumentButton"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setWeight(QFont::DemiBold);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_body->setReadOnly(true);

    auto *form = new QFormLayout(m_fields);
    form->setContentsMargins(0, 0, 0, 0);
    m_kind = addRow("trailItemKind");
    m_time = addRow("trailItemTime");
    m_sender = addRow("trailItemSender");
    m_recipients = addRow("trailItemRecipients");
    m_conversation = addRow("trailItemConversation");
    m_source = addRow("trailItemSource");
    m_document = addRow("trailItemDocument");
    m_eventFields->setObjectName(QStringLiteral("trailEventFields"));
    auto *eventForm = new QFormLayout(m_eventFields);
    eventForm->setContentsMargins(0, 0, 0, 0);
    m_eventFields->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_fields);
    layout->addWidget(m_eventFields);
    layout->addWidget(m_body, 1);
    layout->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, &TrailItemPane::chooseFile);
    retranslate();
    showItem({});
}

QLabel *TrailItemPane::addRow(const char *name)
{
    auto *form = static_cast<QFormLayout *>(m_fields->layout());
    auto *caption = new QLabel(m_fields);
    auto *value = new QLabel(m_fields);
    value->setObjectName(QLatin1String(name));
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setTextFormat(Qt::PlainText);
    form->addRow(caption, value);
    m_captions.append(caption);
    return value;
}

void TrailItemPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (m_entity.isEmpty() || m_entity == QLatin1String("trail_item"))
            showItem(m_id);
        else
            showRecord(m_entity, m_id);
    }
    QWidget::changeEvent(event);
}

void TrailItemPane::retranslate()
{
    for (int i = 0; i < m_captions.size(); ++i)
        m_captions[i]->setText(tr(Captions[i]));
    m_save->setText(tr("Save document…"));
    m_save->setToolTip(tr("Save the document's file as it was imported"));
}

QString TrailItemPane::bodyText() const
{
    return m_body->toPlainText();
}

void TrailItemPane::showHit(const TrailHit &hit)
{
    if (hit.entity.isEmpty() || hit.entity == QLatin1String("trail_item"))
        showItem(hit.id);
    else
        showRecord(hit.entity, hit.id);
}

void TrailItemPane::showItem(const QUuid &id)
{
    m_id = {};
    m_entity.clear();
    m_sha256.clear();
    m_fileName.clear();
    clearEventRows();
    m_eventFields->hide();
    Record r;
    if (!id.isNull()) {
        auto read = m_context.store().readRecord(QStringLiteral("trail_item"), id);
        if (!read)
            Q_EMIT message(read.error().message, true);
        else
            r = *read;
    }
    auto *form = static_cast<QFormLayout *>(m_fields->layout());
    if (r.isEmpty()) {
        m_title->setText(id.isNull() ? tr("Choose an item to read it in full.")
                                     : tr("This item is not on this computer."));
        m_fields->hide();
        m_body->clear();
        m_body->setPlaceholderText({});
        m_save->setEnabled(false);
        return;
    }
    m_id = id;
    m_entity = QStringLiteral("trail_item");
    m_title->setText(r.text(u"title"));
    const QString sha = r.text(u"document_sha256");
    QString document;
    if (!sha.isEmpty()) {
        const qint64 size = r.value(u"document_size").toLongLong();
        document = r.text(u"mime").isEmpty()
                       ? ApprovalFormat::fileSize(size)
                       : tr("%1, %2").arg(ApprovalFormat::fileSize(size), r.text(u"mime"));
    }
    const QString values[] = {trail::kindTitle(r.text(u"kind")),
                              ApprovalFormat::time(r.value(u"occurred_ms").toLongLong()),
                              r.text(u"sender"),
                              r.text(u"recipients"),
                              r.text(u"conversation"),
                              r.text(u"source"),
                              document};
    QLabel *labels[] = {m_kind,         m_time,   m_sender,  m_recipients,
                        m_conversation, m_source, m_document};
    for (int i = 0; i < 7; ++i) {
        labels[i]->setText(values[i]);
        form->setRowVisible(i, !values[i].isEmpty());
    }
    m_fields->show();
    m_body->setPlainText(r.text(u"body"));
    m_body->setPlaceholderText(sha.isEmpty()
                                   ? tr("(no text)")
                                   : tr("No text could be read from this document; save it to "
                                        "open it with another program."));
    m_sha256 = sha;
    m_fileName = safeFileName(r.text(u"title"), r.text(u"mime"));
    m_save->setEnabled(!m_sha256.isEmpty());
}

void TrailItemPane::clearEventRows()
{
    auto *form = static_cast<QFormLayout *>(m_eventFields->layout());
    while (form->rowCount() > 0)
        form->removeRow(0);
}

void TrailItemPane::addEventRow(const QString &caption, const char *name, const QString &value)
{
    if (value.isEmpty())
        return;
    auto *label = new QLabel(value, m_eventFields);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    static_cast<QFormLayout *>(m_eventFields->layout())->addRow(caption, label);
}

// An approval, a progress report, a confirmation, a report or comment, an
// issue, the cause of one or an award: its rows differ by kind, so they are
// made afresh for each.
void TrailItemPane::showRecord(const QString &entity, const QUuid &id)
{
    m_id = {};
    m_entity.clear();
    m_sha256.clear();
    m_fileName.clear();
    m_save->setEnabled(false);
    m_fields->hide();
    clearEventRows();
    const TimelineScope scope = WorkAccess::timelineScope(m_context);
    auto read = WorkTimeline(m_context.store()).entry(entity, id, scope);
    if (!read) {
        m_title->setText(read.error().message);
        m_eventFields->hide();
        m_body->clear();
        m_body->setPlaceholderText({});
        return;
    }
    const TimelineEntry &e = *read;
    m_id = id;
    m_entity = entity;
    const QString time = ApprovalFormat::time(e.occurredMs);
    const QString progress = e.progress >= 0 ? tr("%1%").arg(e.progress) : QString();
    QString signature;
    if (!e.isSigned)
        signature = tr("Not signed");
    else if (e.signatureValid)
        signature = tr("Signed with %1's certificate; verified").arg(e.signer);
    else
        signature = tr("Signed, but the signature does not check out: %1").arg(e.signatureProblem);
    QString empty;
    if (entity == QLatin1String("approval_request")) {
        m_title->setText(e.subject);
        addEventRow(tr("Kind:"), "trailEventKind", tr("Approval request"));
        addEventRow(tr("Workflow:"), "trailEventWorkflow", e.workflow);
        addEventRow(tr("Submitted by:"), "trailEventWho", e.whoName);
        addEventRow(tr("Time:"), "trailEventTime", time);
        addEventRow(tr("Amount:"), "trailEventAmount", ApprovalFormat::money(e.amount, e.currency));
        addEventRow(tr("State:"), "trailEventState", e.state);
        empty = tr("(no text)");
    } else if (entity == QLatin1String("approval_step")) {
        m_title->setText(tr("%1: %2").arg(e.state, e.subject));
        addEventRow(tr("Kind:"), "trailEventKind", tr("Approval decision"));
        addEventRow(tr("Request:"), "trailEventSubject", e.subject);
        addEventRow(tr("Node:"), "trailEventNode", e.node);
        addEventRow(tr("Decision:"), "trailEventDecision", e.state);
        addEventRow(tr("Decided by:"), "trailEventWho", e.whoName);
        addEventRow(tr("Time:"), "trailEventTime", time);
        addEventRow(tr("Trusted time:"), "trailEventTrustedTime",
                    ApprovalFormat::time(e.trustedMs));
        addEventRow(tr("From address:"), "trailEventAddress", e.decidedFrom);
        addEventRow(tr("Signature:"), "trailEventSignature", signature);
        empty = tr("(no opinion)");
    } else if (entity == QLatin1String("task_update")) {
        m_title->setText(tr("Progress report on \"%1\"").arg(e.subject));
        addEventRow(tr("Kind:"), "trailEventKind", WorkTimeline::kindTitle(e.kind));
        addEventRow(tr("Task:"), "trailEventSubject", e.subject);
        addEventRow(tr("Progress:"), "trailEventProgress", progress);
        addEventRow(tr("Status:"), "trailEventState", e.state);
        addEventRow(tr("Reported by:"), "trailEventWho", e.whoName);
        addEventRow(tr("Time:"), "trailEventTime", time);
        empty = tr("(no note)");
    } else if (entity == QLatin1String("work_report")) {
        m_title->setText(e.subject);
        addEventRow(tr("Kind:"), "trailEventKind", WorkTimeline::kindTitle(e.kind));
        addEventRow(tr("Written by:"), "trailEventWho", e.whoName);
        addEventRow(tr("Time:"), "trailEventTime", time);
        empty = tr("(empty report)");
    } else if (entity == QLatin1String("work_comment")) {
        m_title->setText(tr("Comment on \"%1\"").arg(e.subject));
        addEventRow(tr("Kind:"), "trailEventKind", WorkTimeline::kindTitle(e.kind));
        addEventRow(tr("On the work of:"), "trailEventOwner", e.taskOwnerName);
        addEventRow(tr("Written by:"), "trailEventWho", e.whoName);
        addEventRow(tr("Time:"), "trailEventTime", time);
        empty = tr("(no text)");
    } else if (entity == QLatin1String("work_issue")) {
        m_title->setText(tr("%1: %2").arg(e.state, e.subject));
        addEventRow(tr("Kind:"), "trailEventKind", WorkTimeline::kindTitle(e.kind));
        addEventRow(tr("Category:"), "trailEventState", e.state);
        addEventRow(tr("In the work of:"), "trailEventOwner", e.taskOwnerName);
        addEventRow(tr("Happened on:"), "trailEventOccurredOn",
                    QLocale().toString(e.occurredOn, QLocale::ShortFormat));
        addEventRow(tr("Task:"), "trailEventSubject", e.relatedTitle);
        addEventRow(tr("Review cycle:"), "trailEventCycle", e.cycle);
        addEventRow(tr("Cause:"), "trailEventCause",
                    e.cause.isEmpty() ? tr("Not stated yet") : e.cause);
        addEventRow(tr("Recorded by:"), "trailEventWho", e.whoName);
        addEventRow(tr("Time:"), "trailEventTime", time);
        empty = tr("(no detail)");
    } else if (entity == QLatin1String("attribution")) {
        m_title->setText(tr("Cause of \"%1\"").arg(e.subject));
        addEventRow(tr("Kind:"), "trailEventKind", WorkTimeline::kindTitle(e.kind));
        addEventRow(tr("Issue:"), "trailEventSubject", e.subject);
        addEventRow(tr("In the work of:"), "trailEventOwner", e.taskOwnerName);
        addEventRow(tr("Step:"), "trailEventState", e.state);
        addEventRow(tr("Cause stated:"), "trailEventStatedCause", e.statedCause);
        addEventRow(tr("Cause:"), "trailEventCause", e.cause);
        addEventRow(tr("By:"), "trailEventWho", e.whoName);
        addEventRow(tr("Time:"), "trailEventTime", time);
        if (e.isSigned)
            addEventRow(tr("Signature:"), "trailEventSignature", signature);
        empty = tr("(no statement)");
    } else if (entity == QLatin1String("award")) {
        m_title->setText(e.subject);
        addEventRow(tr("Kind:"), "trailEventKind", WorkTimeline::kindTitle(e.kind));
        addEventRow(tr("What:"), "trailEventState", e.state);
        addEventRow(tr("For:"), "trailEventOwner", e.taskOwnerName);
        addEventRow(tr("Review cycle:"), "trailEventCycle", e.cycle);
        addEventRow(tr("Rule:"), "trailEventRule", e.rule);
        addEventRow(tr("Granted by:"), "trailEventWho", e.whoName);
        addEventRow(tr("Time:"), "trailEventTime", time);
        empty = tr("(no reason)");
    } else {
        m_title->setText(tr("Confirmation of \"%1\"").arg(e.subject));
        addEventRow(tr("Kind:"), "trailEventKind", WorkTimeline::kindTitle(e.kind));
        addEventRow(tr("Task:"), "trailEventSubject", e.subject);
        addEventRow(tr("Work of:"), "trailEventOwner", e.taskOwnerName);
        addEventRow(tr("Statement:"), "trailEventStatement", e.text);
        addEventRow(tr("Progress:"), "trailEventProgress", progress);
        addEventRow(tr("Confirmed by:"), "trailEventWho", e.whoName);
        addEventRow(tr("Time:"), "trailEventTime", time);
        addEventRow(tr("Signature:"), "trailEventSignature", signature);
        empty = tr("(no statement)");
    }
    m_eventFields->show();
    m_body->setPlainText(e.text);
    m_body->setPlaceholderText(empty);
}

void TrailItemPane::chooseFile()
{
    if (m_sha256.isEmpty())
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = FileDialogs::saveFile(this, tr("Save the document"),
                                               QDir(dir).filePath(m_fileName), tr("All files (*)"));
    if (path.isEmpty())
        return;
    const QString error = saveDocumentTo(path);
    if (error.isEmpty())
        Q_EMIT message(tr("The document was saved to %1.").arg(QDir::toNativeSeparators(path)),
                       false);
    else
        Q_EMIT message(error, true);
}

QString TrailItemPane::saveDocumentTo(const QString &path)
{
    if (m_sha256.isEmpty())
        return tr("This item has no document.");
    auto bytes = DocumentBlobs(m_context.store()).get(m_sha256);
    if (!bytes)
        return bytes.error().message;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size() || !file.commit())
        return tr("The file could not be written: %1").arg(file.errorString());
    const Session &session = m_context.session();
    const QString summary = tr("Saved the document \"%1\" of the work trail as %2")
                                .arg(m_title->text(), QFileInfo(path).fileName());
    if (auto s = m_context.store().recordEvent(QStringLiteral("export"), QStringLiteral("ok"),
                                               session.userId, session.login, summary,
                                               QStringLiteral("trail_item"), m_id);
        !s) {
        // A file the audit trail does not record must not leave the building.
        QFile::remove(path);
        return tr("The save could not be recorded in the audit trail, so the file was removed: "
                  "%1")
            .arg(s.error().message);
    }
    return {};
}

TrailItemDialog::TrailItemDialog(AppContext &context, const QUuid &id, QWidget *parent)
    : TrailItemDialog(
        context, TrailHit{id, {}, {}, 0, {}, {}, {}, {}, {}, QStringLiteral("trail_item")}, parent)
{ }

TrailItemDialog::TrailItemDialog(AppContext &context, const TrailHit &hit, QWidget *parent)
    : QDialog(parent)
    , m_pane(new TrailItemPane(context, this))
{
    setObjectName(QStringLiteral("trailItemDialog"));
    setWindowTitle(tr("Work trail item"));
    auto *message = new QLabel(this);
    message->setObjectName(QStringLiteral("trailItemMessage"));
    message->setWordWrap(true);
    message->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pane, 1);
    layout->addWidget(message);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pane, &TrailItemPane::message, this, [message](const QString &text, bool isError) {
        message->setText(text);
        message->setStyleSheet(isError ? QStringLiteral("color: #b71c1c;") : QString());
        message->setVisible(!text.isEmpty());
    });
    m_pane->showHit(hit);
    resize(640, 520);
}

} // namespace baton
