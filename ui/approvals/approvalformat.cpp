#include "approvalformat.h"

#include "common/statusmark.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace baton {

QString ApprovalFormat::money(qint64 minorUnits, const QString &currency)
{
    if (minorUnits == 0)
        return {};
    static const QHash<QString, QString> symbols = {{QStringLiteral("CNY"), QStringLiteral("¥")},
                                                    {QStringLiteral("USD"), QStringLiteral("$")},
                                                    {QStringLiteral("EUR"), QStringLiteral("€")},
                                                    {QStringLiteral("GBP"), QStringLiteral("£")},
                                                    {QStringLiteral("HKD"), QStringLiteral("HK$")}};
    const QString symbol = symbols.value(currency, currency + QLatin1Char(' '));
    const QString number = QLocale().toString(double(minorUnits) / 100.0, 'f', 2);
    return symbol + number;
}

qint64 ApprovalFormat::parseMajorUnits(const QString &text)
{
    QString t = text.trimmed();
    t.remove(QLocale().groupSeparator());
    t.remove(QLatin1Char(','));
    static const QRegularExpression amount(QStringLiteral("^(\\d{1,13})(?:[.](\\d{1,2}))?$"));
    const auto m = amount.match(t);
    if (!m.hasMatch())
        return -1;
    QString cents = m.captured(2);
    while (cents.size() < 2)
        cents += QLatin1Char('0');
    return m.captured(1).toLongLong() * 100 + cents.toLongLong();
}

QString ApprovalFormat::majorUnits(qint64 minorUnits)
{
    return QStringLiteral("%1.%2")
        .arg(minorUnits / 100)
        .arg(minorUnits % 100, 2, 10, QLatin1Char('0'));
}

bool ApprovalFormat::isOverdue(const Approvals::RequestView &v, qint64 nowMs)
{
    return v.progress.state == RequestProgress::State::InProgress && v.deadlineMs > 0
           && v.deadlineMs < nowMs;
}

QString ApprovalFormat::stateText(const Approvals::RequestView &v, qint64 nowMs)
{
    QString text = RequestProgress::stateTitle(v.progress.state);
    if (v.progress.state == RequestProgress::State::Approved && v.paidMs > 0)
        text = tr("Paid");
    if (isOverdue(v, nowMs))
        text = tr("%1, overdue").arg(text);
    return text;
}

ApprovalFormat::Tone ApprovalFormat::stateTone(const Approvals::RequestView &v, qint64 nowMs)
{
    if (isOverdue(v, nowMs))
        return Tone::Bad;
    switch (v.progress.state) {
    case RequestProgress::State::InProgress:
    case RequestProgress::State::Returned:
        return Tone::Waiting;
    case RequestProgress::State::Approved:
        return Tone::Done;
    case RequestProgress::State::Rejected:
        return Tone::Bad;
    case RequestProgress::State::Withdrawn:
        return Tone::Neutral;
    }
    return Tone::Neutral;
}

QString ApprovalFormat::stepStateTitle(const QString &state)
{
    if (state == QLatin1String(approval::Pending))
        return tr("Waiting");
    if (state == QLatin1String(approval::Approved))
        return tr("Approved");
    if (state == QLatin1String(approval::Rejected))
        return tr("Rejected");
    if (state == QLatin1String(approval::Returned))
        return tr("Returned");
    return state;
}

ApprovalFormat::Tone ApprovalFormat::stepTone(const QString &state)
{
    if (state == QLatin1String(approval::Pending) || state == QLatin1String(approval::Returned))
        return Tone::Waiting;
    if (state == QLatin1String(approval::Approved))
        return Tone::Done;
    if (state == QLatin1String(approval::Rejected))
        return Tone::Bad;
    return Tone::Neutral;
}

QString ApprovalFormat::decisionTitle(Approvals::Decision decision)
{
    switch (decision) {
    case Approvals::Decision::Approve:
        return tr("Approve");
    case Approvals::Decision::Reject:
        return tr("Reject");
    case Approvals::Decision::Return:
        return tr("Return for more information");
    }
    return {};
}

QString ApprovalFormat::nodeActorTitle(NodeActor actor)
{
    switch (actor) {
    case NodeActor::Manager:
        return tr("Submitter's manager");
    case NodeActor::Role:
        return tr("Role");
    case NodeActor::Person:
        return tr("Named people");
    case NodeActor::Chosen:
        return tr("Chosen by the submitter");
    case NodeActor::Submitter:
        return tr("The submitter");
    }
    return {};
}

QColor ApprovalFormat::color(Tone tone)
{
    // The same mid tones as employee statuses and the audit verdicts.
    switch (tone) {
    case Tone::Waiting:
        return QColor(0xb8, 0x6e, 0x00);
    case Tone::Done:
        return QColor(0x2e, 0x7d, 0x32);
    case Tone::Bad:
        return QColor(0xc6, 0x28, 0x28);
    case Tone::Neutral:
        break;
    }
    return {};
}

QIcon ApprovalFormat::icon(Tone tone)
{
    return statusMark(color(tone));
}

QString ApprovalFormat::styleSheet(Tone tone)
{
    const QColor c = color(tone);
    if (!c.isValid())
        return {};
    return QStringLiteral("color: %1; font-weight: 600;").arg(c.name());
}

QString ApprovalFormat::time(qint64 ms)
{
    if (ms <= 0)
        return {};
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    return QLocale().toString(local, QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QLatin1Char(' ')
           + local.timeZoneAbbreviation();
}

QString ApprovalFormat::fileSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

} // namespace baton
