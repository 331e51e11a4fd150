#include "auditentryreader.h"

#include "oplog/uuidv7.h"
#include "store/database.h"

#include <QSqlQuery>

namespace baton {

Result<std::optional<AuditEntry>> AuditEntryReader::entry(qint64 seq)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "SELECT seq, time_ms, user_id, user_name, device, ip, action, outcome, entity, "
        "record_id, summary, op_id, prev_hash, hash FROM audit_log WHERE seq=?"));
    q.bindValue(0, seq);
    if (!q.exec())
        return m_db.errorFrom(q, tr("reading an audit entry"));
    std::optional<AuditEntry> found;
    if (q.next()) {
        AuditEntry e;
        e.seq = q.value(0).toLongLong();
        e.timeMs = q.value(1).toLongLong();
        e.userId = parseId(q.value(2).toString());
        e.userName = q.value(3).toString();
        e.device = q.value(4).toString();
        e.ip = q.value(5).toString();
        e.action = q.value(6).toString();
        e.outcome = q.value(7).toString();
        e.entity = q.value(8).toString();
        e.recordId = parseId(q.value(9).toString());
        e.summary = q.value(10).toString();
        e.opId = parseId(q.value(11).toString());
        e.prevHash = q.value(12).toByteArray();
        e.hash = q.value(13).toByteArray();
        found = e;
    }
    q.finish(); // a cached statement left open would hold a read transaction
    return found;
}

} // namespace baton
