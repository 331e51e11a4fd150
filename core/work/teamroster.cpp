#include "teamroster.h"

#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "store/store.h"
#include "workflow/approvalentities.h"

#include <algorithm>

namespace baton {

namespace {

TeamMember memberFrom(const Record &e)
{
    return {e.id(u"id"),
            org::displayName(e.text(u"family_name"), e.text(u"given_name")),
            e.text(u"number"),
            QDate::fromString(e.text(u"hire_date"), Qt::ISODate),
            QDate::fromString(e.text(u"departure_date"), Qt::ISODate),
            e.text(u"status")};
}

} // namespace

Result<TeamMember> TeamRoster::member(const QUuid &employee)
{
    auto e = m_store.readRecord(QStringLiteral("employee"), employee);
    if (!e)
        return e.error();
    if (e->isEmpty())
        return Error(QStringLiteral("ref.missing"), tr("The employee is not on this computer."));
    return memberFrom(*e);
}

Result<QList<TeamMember>> TeamRoster::directReports(const QUuid &supervisor)
{
    QList<TeamMember> out;
    if (supervisor.isNull())
        return out;
    // Candidates: managed by them, or in a department they head or just
    // below one; the manager chain then decides whom they answer for first.
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT id FROM employee WHERE retired=0 AND status<>'departed' AND id<>? AND "
        "(manager_id=? OR department_id IN (SELECT id FROM department WHERE retired=0 AND "
        "(head_id=? OR parent_id IN (SELECT id FROM department WHERE retired=0 AND head_id=?))))"));
    const QString me = idString(supervisor);
    for (int i = 0; i < 4; ++i)
        q.bind(i, me);
    if (!q.exec())
        return db.errorFrom(q, tr("reading the team"));
    QList<QUuid> candidates;
    while (q.next())
        candidates.append(parseId(q.text(0)));
    q.finish();
    const RecordLookup lookup = [this](const QString &entity, const QUuid &id) {
        auto r = m_store.readRecord(entity, id);
        return r ? *r : Record();
    };
    for (const QUuid &id : std::as_const(candidates)) {
        const QList<QUuid> chain = managerChain(lookup, id);
        if (chain.isEmpty() || chain.first() != supervisor)
            continue;
        const Record e = lookup(QStringLiteral("employee"), id);
        if (!e.isEmpty())
            out.append(memberFrom(e));
    }
    std::sort(out.begin(), out.end(), [](const TeamMember &a, const TeamMember &b) {
        const int c = a.name.localeAwareCompare(b.name);
        return c != 0 ? c < 0 : a.number < b.number;
    });
    return out;
}

} // namespace baton
