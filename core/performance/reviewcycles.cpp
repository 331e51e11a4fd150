#include "reviewcycles.h"

#include "oplog/uuidv7.h"
#include "performance/performanceentities.h"
#include "store/store.h"

#include <QJsonObject>
#include <QLocale>

namespace baton {

QString ReviewCycles::defaultTitle(const QString &kind, const QDate &starts)
{
    const QString year = QString::number(starts.year());
    if (kind == QLatin1String(cycle::Quarter))
        return tr("Q%1 %2").arg((starts.month() - 1) / 3 + 1).arg(year);
    if (kind == QLatin1String(cycle::Year))
        return year;
    return tr("%1 %2", "a month's review cycle: month name, year")
        .arg(QLocale().standaloneMonthName(starts.month()), year);
}

std::pair<QDate, QDate> ReviewCycles::periodOf(const QString &kind, const QDate &day)
{
    if (kind == QLatin1String(cycle::Quarter)) {
        const QDate first(day.year(), (day.month() - 1) / 3 * 3 + 1, 1);
        return {first, first.addMonths(3).addDays(-1)};
    }
    if (kind == QLatin1String(cycle::Year))
        return {QDate(day.year(), 1, 1), QDate(day.year(), 12, 31)};
    const QDate first(day.year(), day.month(), 1);
    return {first, first.addMonths(1).addDays(-1)};
}

Result<QUuid> ReviewCycles::create(const Actor &actor, const QString &kind, const QString &title,
                                   const QDate &starts, const QDate &ends)
{
    if (!cycle::kinds().contains(kind))
        return Error(QStringLiteral("field.invalid"),
                     tr("Choose whether the cycle is a month, a quarter or a year."));
    if (title.trimmed().isEmpty())
        return Error(QStringLiteral("field.required"), tr("Give the review cycle a title."));
    if (!starts.isValid() || !ends.isValid())
        return Error(QStringLiteral("field.required"),
                     tr("Give the review cycle its first and last day."));
    if (ends < starts)
        return Error(QStringLiteral("field.invalid"),
                     tr("A review cycle cannot end before it begins."));
    const QUuid id = createUuidV7();
    const QJsonObject f{{QStringLiteral("kind"), kind},
                        {QStringLiteral("title"), title.trimmed()},
                        {QStringLiteral("starts_on"), starts.toString(Qt::ISODate)},
                        {QStringLiteral("ends_on"), ends.toString(Qt::ISODate)},
                        {QStringLiteral("status"), QLatin1String(cycle::Open)}};
    if (Status s = m_store.submit(
            {m_store.makeOp(QStringLiteral("review_cycle"), id, OpKind::Create, f, actor.userId)});
        !s)
        return s.error();
    return id;
}

Status ReviewCycles::close(const Actor &actor, const QUuid &cycleId)
{
    auto c = m_store.readRecord(QStringLiteral("review_cycle"), cycleId);
    if (!c)
        return c.error();
    if (c->isEmpty() || c->flag(u"retired"))
        return Error(QStringLiteral("ref.missing"), tr("The review cycle does not exist."));
    if (c->text(u"status") == QLatin1String(cycle::Closed))
        return Error(QStringLiteral("cycle.closed"),
                     tr("The review cycle “%1” is closed already.").arg(c->text(u"title")));
    QJsonObject f{{QStringLiteral("status"), QLatin1String(cycle::Closed)},
                  {QStringLiteral("closed_ms"), m_store.nowMs()}};
    if (!actor.employeeId.isNull())
        f.insert(QStringLiteral("closed_by"), idString(actor.employeeId));
    return m_store.submit(
        {m_store.makeOp(QStringLiteral("review_cycle"), cycleId, OpKind::Update, f, actor.userId)});
}

} // namespace baton
