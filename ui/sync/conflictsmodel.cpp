#include "conflictsmodel.h"

#include "audit/auditactions.h"
#include "store/entitydef.h"
#include "store/recordio.h"
#include "store/sqlstatement.h"
#include "store/store.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

namespace baton {

namespace {

QString shortId(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces).left(8);
}

// A stored or tried value as a person reads it.
QString display(Store &store, const FieldDef &f, const QVariant &v)
{
    if (f.secret)
        return ConflictsModel::tr("(hidden)");
    if (!v.isValid() || v.isNull() || v.toString().isEmpty())
        return ConflictsModel::tr("(empty)");
    switch (f.type) {
    case FieldType::Bool:
        return v.toBool() ? ConflictsModel::tr("yes") : ConflictsModel::tr("no");
    case FieldType::TimeMs:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(v.toLongLong()),
                                  QLocale::ShortFormat);
    case FieldType::Id:
        // The record it points to, by name when this device holds it.
        if (const EntityDef *ref = EntityRegistry::instance().find(f.references)) {
            auto r = RecordIO(store.database()).load(*ref, QUuid::fromString(v.toString()));
            if (r && r->exists())
                return ref->rules->describe(r->values);
        }
        return shortId(QUuid::fromString(v.toString()));
    default:
        return v.toString();
    }
}

QString kindText(const QString &kind)
{
    if (kind == QLatin1String("create"))
        return ConflictsModel::tr("Created");
    if (kind == QLatin1String("retire"))
        return ConflictsModel::tr("Retired");
    if (kind == QLatin1String("append"))
        return ConflictsModel::tr("Added");
    return ConflictsModel::tr("Changed");
}

} // namespace

ConflictsModel::ConflictsModel(Store &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{ }

Status ConflictsModel::reload()
{
    // Read the rows first: loading records below runs other statements.
    QList<std::pair<Conflict, QJsonObject>> raw;
    SqlStatement &q = m_store.database().statement(
        QStringLiteral("SELECT op_id, entity, entity_id, kind, fields, code, message, "
                       "rejected_ms FROM sync_rejected ORDER BY rejected_ms DESC, op_id"));
    if (!q.exec())
        return m_store.database().errorFrom(q, tr("reading the refused changes"));
    while (q.next()) {
        Conflict c;
        c.opId = QUuid::fromString(q.text(0));
        c.entity = q.text(1);
        c.entityId = QUuid::fromString(q.text(2));
        c.kind = q.text(3);
        c.code = q.text(5);
        c.reason = q.text(6);
        c.rejectedMs = q.int64(7);
        raw.append({c, QJsonDocument::fromJson(q.text(4).toUtf8()).object()});
    }
    q.finish();

    QList<Conflict> rows;
    rows.reserve(raw.size());
    for (auto &[c, tried] : raw) {
        const EntityDef *def = EntityRegistry::instance().find(c.entity);
        std::optional<StoredRecord> current;
        if (def) {
            auto r = RecordIO(m_store.database()).load(*def, c.entityId);
            if (!r)
                return r.error();
            if (r->exists())
                current = *r;
        }
        c.recordOnDevice = current.has_value();
        if (def && current)
            c.record = def->rules->describe(current->values);
        if (c.record.isEmpty())
            c.record = tr("%1 %2").arg(AuditActions::entityLabel(c.entity), shortId(c.entityId));
        for (auto it = tried.constBegin(); it != tried.constEnd(); ++it) {
            Conflict::Field field{it.key(), fieldLabel(it.key()), {}, {}};
            if (const FieldDef *f = def ? def->field(it.key()) : nullptr) {
                auto v = validateField(*f, it.value());
                field.tried = display(m_store, *f, v ? *v : it.value().toVariant());
                if (current)
                    field.now = display(m_store, *f, current->values.value(f->name));
            } else {
                field.tried = it.value().toVariant().toString();
            }
            c.fields.append(field);
        }
        rows.append(c);
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
    return {};
}

void ConflictsModel::retranslate()
{
    (void)reload();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

QString ConflictsModel::changeText(const Conflict &c)
{
    if (c.kind != QLatin1String("update") || c.fields.isEmpty())
        return kindText(c.kind);
    QStringList parts;
    for (const Conflict::Field &f : c.fields)
        parts.append(tr("%1: %2").arg(f.label, f.tried));
    return parts.join(tr("; "));
}

QString ConflictsModel::nowText(const Conflict &c)
{
    if (!c.recordOnDevice)
        return c.kind == QLatin1String("create") ? tr("Not created") : tr("Not on this device");
    if (c.kind != QLatin1String("update") || c.fields.isEmpty())
        return tr("As the server has it");
    QStringList parts;
    for (const Conflict::Field &f : c.fields)
        parts.append(tr("%1: %2").arg(f.label, f.now));
    return parts.join(tr("; "));
}

int ConflictsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConflictsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Conflict &c = m_rows.at(index.row());
    if (role == SortRole) {
        if (index.column() == TimeColumn)
            return c.rejectedMs;
        return data(index, Qt::DisplayRole).toString().toLower();
    }
    if (role == Qt::ToolTipRole && index.column() == ReasonColumn)
        return c.reason;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.rejectedMs),
                                  QLocale::ShortFormat);
    case RecordColumn:
        return c.record;
    case ChangeColumn:
        return changeText(c);
    case ReasonColumn:
        return c.reason;
    case NowColumn:
        return nowText(c);
    default:
        return {};
    }
}

QVariant ConflictsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Refused");
    case RecordColumn:
        return tr("Record");
    case ChangeColumn:
        return tr("Your change");
    case ReasonColumn:
        return tr("Server's reason");
    case NowColumn:
        return tr("What won");
    default:
        return {};
    }
}

} // namespace baton
