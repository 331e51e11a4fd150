#include "history.h"

#include "entitydef.h"
#include "oplog/uuidv7.h"
#include "store.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace baton {

Result<QList<HistoryEntry>> History::forRecord(const QString &entity, const QUuid &id)
{
    const EntityDef *def = EntityRegistry::instance().find(entity);
    QSqlQuery q(m_store.database().connection());
    q.prepare(QStringLiteral("SELECT o.id, o.hlc, o.kind, o.fields, o.device, u.login FROM oplog o "
                             "LEFT JOIN app_user u ON u.id=o.author WHERE o.entity_id=? AND "
                             "o.entity=? ORDER BY o.hlc"));
    q.addBindValue(idString(id));
    q.addBindValue(entity);
    if (!q.exec())
        return m_store.database().errorFrom(q, tr("reading a record's history"));
    QList<HistoryEntry> out;
    while (q.next()) {
        HistoryEntry h;
        h.opId = parseId(q.value(0).toString());
        h.timeMs = Hlc::parse(q.value(1).toString()).value_or(Hlc{}).wallMs;
        h.kind = q.value(2).toString();
        h.fields = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        h.device = q.value(4).toString();
        h.authorLogin = q.isNull(5) ? tr("setup") : q.value(5).toString();
        if (def) {
            for (const FieldDef &f : def->fields)
                if (f.secret && h.fields.contains(f.name))
                    h.fields.insert(f.name, tr("(changed)"));
        }
        out.append(h);
    }
    return out;
}

} // namespace baton
