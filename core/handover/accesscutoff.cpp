#include "accesscutoff.h"

#include "oplog/uuidv7.h"
#include "store/store.h"

#include <QDateTime>

namespace baton {

Result<int> AccessCutoff::sweep(Store &store,
                                const std::function<Status(const QUuid &userId)> &revoke)
{
    Database &db = store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT u.id, u.login, e.departure_date FROM app_user u JOIN employee e ON "
                       "e.id=u.employee_id WHERE e.departure_date IS NOT NULL AND u.retired=0"));
    if (!q.exec())
        return db.errorFrom(q, tr("reading accounts"));
    struct Account
    {
        QUuid id;
        QString login;
        QString departure;
    };
    QList<Account> accounts;
    while (q.next())
        accounts.append({parseId(q.text(0)), q.text(1), q.text(2)});
    q.finish();
    const qint64 now = store.nowMs();
    int ended = 0;
    for (const Account &a : accounts) {
        auto actor = store.actorFor(a.id, now);
        if (!actor)
            return actor.error();
        if (actor->accessEndsMs == 0 || now < actor->accessEndsMs)
            continue;
        SqlStatement &seen = db.statement(QStringLiteral(
            "SELECT 1 FROM audit_log WHERE record_id=? AND action=? AND summary LIKE ?"));
        seen.bind(0, idString(a.id));
        seen.bind(1, QString::fromLatin1(Action));
        seen.bind(2, QStringLiteral("%") + a.departure + QStringLiteral("%"));
        if (!seen.exec())
            return db.errorFrom(seen, tr("reading the audit trail"));
        const bool recorded = seen.next();
        seen.finish();
        if (recorded)
            continue;
        if (revoke)
            if (Status s = revoke(a.id); !s)
                return s.error();
        if (Status s = store.recordEvent(
                QString::fromLatin1(Action), QStringLiteral("ok"), a.id, a.login,
                QStringLiteral("Access of %1 ended on the departure date %2 (at %3 UTC)")
                    .arg(a.login, a.departure,
                         QDateTime::fromMSecsSinceEpoch(actor->accessEndsMs, Qt::UTC)
                             .toString(Qt::ISODate)),
                QStringLiteral("app_user"), a.id);
            !s)
            return s.error();
        ++ended;
    }
    return ended;
}

} // namespace baton
