#include "audittrail.h"

#include "oplog/uuidv7.h"
#include "store/database.h"

#include <QSqlQuery>

namespace baton {

namespace {

struct Where
{
    QString sql;
    QVariantList binds;
};

Where makeWhere(const AuditFilter &f, qint64 beforeSeq, const SqlDialect &dialect)
{
    Where w;
    QStringList c;
    if (beforeSeq > 0) {
        c << QStringLiteral("seq < ?");
        w.binds << beforeSeq;
    }
    if (!f.text.trimmed().isEmpty()) {
        QString p = f.text.trimmed();
        p.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        p.replace(QLatin1Char('%'), QStringLiteral("\\%"));
        p.replace(QLatin1Char('_'), QStringLiteral("\\_"));
        p = QLatin1Char('%') + p + QLatin1Char('%');
        c << QStringLiteral("(summary %1 ? ESCAPE '\\' OR user_name %1 ? ESCAPE '\\')")
                 .arg(dialect.likeCaseInsensitive());
        w.binds << p << p;
    }
    if (!f.action.isEmpty()) {
        if (f.action.endsWith(QLatin1Char('.'))) {
            c << QStringLiteral("substr(action, 1, ?) = ?");
            w.binds << f.action.size() << f.action;
        } else {
            c << QStringLiteral("action = ?");
            w.binds << f.action;
        }
    }
    if (!f.outcome.isEmpty()) {
        c << QStringLiteral("outcome = ?");
        w.binds << f.outcome;
    }
    if (!f.recordId.isNull()) {
        c << QStringLiteral("record_id = ?");
        w.binds << idString(f.recordId);
    }
    if (f.fromMs > 0) {
        c << QStringLiteral("time_ms >= ?");
        w.binds << f.fromMs;
    }
    if (f.toMs > 0) {
        c << QStringLiteral("time_ms < ?");
        w.binds << f.toMs;
    }
    if (!c.isEmpty())
        w.sql = QStringLiteral(" WHERE ") + c.join(QStringLiteral(" AND "));
    return w;
}

} // namespace

Result<qint64> AuditTrail::count(const AuditFilter &filter)
{
    const Where w = makeWhere(filter, 0, m_db.dialect());
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM audit_log") + w.sql);
    for (int i = 0; i < w.binds.size(); ++i)
        q.bindValue(i, w.binds[i]);
    if (!q.exec() || !q.next())
        return m_db.errorFrom(q, tr("counting audit entries"));
    return q.value(0).toLongLong();
}

Result<QList<AuditRow>> AuditTrail::page(const AuditFilter &filter, qint64 beforeSeq, int limit)
{
    const Where w = makeWhere(filter, beforeSeq, m_db.dialect());
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT seq, time_ms, user_name, device, ip, action, outcome, entity, "
                             "record_id, summary FROM audit_log")
              + w.sql + QStringLiteral(" ORDER BY seq DESC LIMIT ?"));
    int i = 0;
    for (; i < w.binds.size(); ++i)
        q.bindValue(i, w.binds[i]);
    q.bindValue(i, limit);
    if (!q.exec())
        return m_db.errorFrom(q, tr("reading the audit trail"));
    QList<AuditRow> rows;
    rows.reserve(limit);
    while (q.next()) {
        AuditRow r;
        r.seq = q.value(0).toLongLong();
        r.timeMs = q.value(1).toLongLong();
        r.userName = q.value(2).toString();
        r.device = q.value(3).toString();
        r.ip = q.value(4).toString();
        r.action = q.value(5).toString();
        r.outcome = q.value(6).toString();
        r.entity = q.value(7).toString();
        r.recordId = parseId(q.value(8).toString());
        r.summary = q.value(9).toString();
        rows.append(r);
    }
    return rows;
}

} // namespace baton
