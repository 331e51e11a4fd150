#include "auditdetailpane.h"

#include "auditactions.h"
#include "evidence/auditentry.h"
#include "oplog/uuidv7.h"

#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace baton {

namespace {

QString idText(const QUuid &id)
{
    return id.isNull() ? AuditDetailPane::tr("none") : idString(id);
}

QString orNone(const QString &text)
{
    return text.isEmpty() ? AuditDetailPane::tr("none") : text;
}

void setColor(QLabel *label, const QColor &color)
{
    if (!color.isValid()) {
        label->setPalette(QPalette()); // back to the inherited text colour
        return;
    }
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, color);
    label->setPalette(p);
}

QString timeText(qint64 ms)
{
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
    : QWidget(parent)
{
    setObjectName(QStringLiteral("auditDetail"));
    m_stack = new QStackedWidget(this);

    m_message = new QLabel(m_stack);
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

    m_form = new QFormLayout;
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_time = addRow("detailTime");
    m_user = addRow("detailUser");
    m_userId = addCodeRow("detailUserId");
    m_action = addRow("detailAction");
    m_outcome = addRow("detailOutcome");
    m_summary = addRow("detailSummary");
    m_record = addRow("detailRecord");
    m_recordId = addCodeRow("detailRecordId");
    m_opId = addCodeRow("detailOpId");
    m_device = addRow("detailDevice");
    m_ip = addRow("detailIp");
    m_prevHash = addCodeRow("detailPrevHash");
    m_hash = addCodeRow("detailHash");
    m_hashCheck = addRow("detailHashCheck");
    column->addLayout(m_form);
    column->addStretch(1);
    scroll->setWidget(content);
    m_stack->addWidget(scroll);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    retranslate();
}

void AuditDetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AuditDetailPane::retranslate()
{
    setRowLabel(m_time, tr("Time"));
    setRowLabel(m_user, tr("User"));
    setRowLabel(m_userId, tr("Account ID"));
    setRowLabel(m_action, tr("Action"));
    setRowLabel(m_outcome, tr("Outcome"));
    setRowLabel(m_summary, tr("Summary"));
    setRowLabel(m_record, tr("Record"));
    setRowLabel(m_recordId, tr("Record ID"));
    setRowLabel(m_opId, tr("Operation ID"));
    setRowLabel(m_device, tr("Device"));
    setRowLabel(m_ip, tr("IP addresses"));
    setRowLabel(m_prevHash, tr("Previous hash"));
    setRowLabel(m_hash, tr("Hash"));
    setRowLabel(m_hashCheck, tr("Hash check"));
    render();
}

QLabel *AuditDetailPane::addRow(const char *objectName)
{
    auto *value = new QLabel(this);
    value->setObjectName(QLatin1String(objectName));
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setTextFormat(Qt::PlainText); // stored text is shown, never interpreted
    addField(value);
    return value;
}

QLineEdit *AuditDetailPane::addCodeRow(const char *objectName)
{
    auto *value = new QLineEdit(this);
    value->setObjectName(QLatin1String(objectName));
    value->setReadOnly(true);
    value->setFrame(false);
    value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    QPalette p = value->palette();
    p.setColor(QPalette::Base, Qt::transparent);
    value->setPalette(p);
    addField(value);
    return value;
}

void AuditDetailPane::addField(QWidget *field)
{
    // The label is worded by retranslate(), as QFormLayout's own would not be.
    auto *label = new QLabel(this);
    label->setBuddy(field);
    m_form->addRow(label, field);
}

void AuditDetailPane::setRowLabel(QWidget *field, const QString &text)
{
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(field)))
        label->setText(text);
}

void AuditDetailPane::showEntry(const AuditEntry &e)
{
    m_entry = e;
    m_seq = e.seq;
    // Only this entry against its own hash; the chain needs "Verify chain".
    m_hashMatches = e.computeHash() == e.hash;
    render();
}

void AuditDetailPane::showMessage(const QString &message)
{
    m_seq = 0;
    m_entry = {};
    m_messageText = message;
    render();
}

void AuditDetailPane::render()
{
    if (m_seq <= 0) {
        m_message->setText(m_messageText.isEmpty()
                               ? tr("Select an entry to see everything it records.")
                               : m_messageText);
        m_stack->setCurrentIndex(0);
        return;
    }
    const AuditEntry &e = m_entry;
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
    m_hashCheck->setText(m_hashMatches
                             ? tr("The hash matches this entry's content.")
                             : tr("The hash does not match this entry's content: the entry "
                                  "was changed after it was written."));
    setColor(m_hashCheck, m_hashMatches ? AuditActions::okColor() : AuditActions::errorColor());
    m_stack->setCurrentIndex(1);
}

} // namespace baton
