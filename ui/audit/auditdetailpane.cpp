#include "auditdetailpane.h"

#include "auditactions.h"
#include "evidence/auditentry.h"
#include "oplog/uuidv7.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace baton {

namespace {

QString idText(const QUuid &id) {
    return id.isNull() ? AuditDetailPane::tr("none") : idString(id);
}

QString orNone(const QString &text) {
    return text.isEmpty() ? AuditDetailPane::tr("none") : text;
}

void setColor(QLabel *label, const QColor &color) {
    if (!color.isValid()) {
        label->setPalette(QPalette()); // back to the inherited text colour
        return;
    }
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, color);
    label->setPalette(p);
}

QString timeText(qint64 ms) {
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz");
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    const int offset = local.offsetFromUtc();
    const QString zone = QStringLiteral("UTC%1%2:%3")
                             .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                             .arg(std::abs(offset) / 3600, 2, 10, QLatin1Char('0'))
                             .arg(std::abs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    if (offset == 0)
        //: A moment in UTC, e.g. "2026-01-01 08:00:00.000 UTC"
        return AuditDetailPane::tr("%1 UTC").arg(local.toString(format));
    //: %1 local time, %2 its UTC offset, %3 the same moment in UTC
    return AuditDetailPane::tr("%1 (%2)\n%3 UTC")
        .arg(local.toString(format), zone, local.toUTC().toString(format));
}

} // namespace

AuditDetailPane::AuditDetailPane(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("auditDetail"));
    m_stack = new QStackedWidget(this);

    m_message = new QLabel(tr("Select an entry to see everything it records."), m_stack);
    m_message->setObjectName(QStringLiteral("detailMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(16);
    m_stack->addWidget(m_message);

    auto *scroll = new QScrollArea(m_stack);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *column = new QVBoxLayout(content);
    m_title = new QLabel(content);
    m_title->setObjectName(QStringLiteral("detailTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    column->addWidget(m_title);

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_time = addRow(form, tr("Time"), "detailTime");
    m_user = addRow(form, tr("User"), "detailUser");
    m_userId = addCodeRow(form, tr("Account ID"), "detailUserId");
    m_action = addRow(form, tr("Action"), "detailAction");
    m_outcome = addRow(form, tr("Outcome"), "detailOutcome");
    m_summary = addRow(form, tr("Summary"), "detailSummary");
    m_record = addRow(form, tr("Record"), "detailRecord");
    m_recordId = addCodeRow(form, tr("Record ID"), "detailRecordId");
    m_opId = addCodeRow(form, tr("Operation ID"), "detailOpId");
    m_device = addRow(form, tr("Device"), "detailDevice");
    m_ip = addRow(form, tr("IP addresses"), "detailIp");
    m_prevHash = addCodeRow(form, tr("Previous hash"), "detailPrevHash");
    m_hash = addCodeRow(form, tr("Hash"), "detailHash");
    m_hashCheck = addRow(form, tr("Hash check"), "detailHashCheck");
    column->addLayout(form);
    column->addStretch(1);
    scroll->setWidget(content);
    m_stack->addWidget(scroll);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

QLabel *AuditDetailPane::addRow(QFormLayout *form, const QString &label, const char *objectName) {
    auto *value = new QLabel(this);
    value->setObjectName(QLatin1String(objectName));
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setTextFormat(Qt::PlainText); // stored text is shown, never interpreted
    form->addRow(label, value);
    return value;
}

QLineEdit *AuditDetailPane::addCodeRow(QFormLayout *form, const QString &label,
                                       const char *objectName) {
    auto *value = new QLineEdit(this);
    value->setObjectName(QLatin1String(objectName));
    value->setReadOnly(true);
    value->setFrame(false);
    value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    QPalette p = value->palette();
    p.setColor(QPalette::Base, Qt::transparent);
    value->setPalette(p);
    form->addRow(label, value);
    return value;
}

void AuditDetailPane::showEntry(const AuditEntry &e) {
    m_seq = e.seq;
    m_title->setText(tr("Entry %1").arg(e.seq));
    m_time->setText(timeText(e.timeMs));
    m_user->setText(orNone(e.userName));
    m_userId->setText(idText(e.userId));
    const QString label = AuditActions::actionLabel(e.action);
    //: An action's readable label and its stored code, e.g. "Sign in (login)"
    m_action->setText(label == e.action ? e.action : tr("%1 (%2)").arg(label, e.action));
    m_outcome->setText(AuditActions::outcomeLabel(e.outcome));
    setColor(m_outcome, AuditActions::outcomeColor(e.outcome));
    m_summary->setText(orNone(e.summary));
    m_record->setText(orNone(AuditActions::entityLabel(e.entity)));
    m_recordId->setText(idText(e.recordId));
    m_opId->setText(idText(e.opId));
    m_device->setText(orNone(e.device));
    m_ip->setText(orNone(e.ip));
    m_prevHash->setText(QString::fromLatin1(e.prevHash.toHex()));
    m_hash->setText(QString::fromLatin1(e.hash.toHex()));
    for (QLineEdit *code : {m_userId, m_recordId, m_opId, m_prevHash, m_hash})
        code->setCursorPosition(0); // show the start; a long value scrolls
    // Only this entry against its own hash; the chain needs "Verify chain".
    const bool matches = e.computeHash() == e.hash;
    m_hashCheck->setText(matches ? tr("The hash matches this entry's content.")
                                 : tr("The hash does not match this entry's content: the entry "
                                      "was changed after it was written."));
    setColor(m_hashCheck, matches ? AuditActions::okColor() : AuditActions::errorColor());
    m_stack->setCurrentIndex(1);
}

void AuditDetailPane::showMessage(const QString &message) {
    m_seq = 0;
    m_message->setText(message.isEmpty() ? tr("Select an entry to see everything it records.")
                                         : message);
    m_stack->setCurrentIndex(0);
}

} // namespace baton
