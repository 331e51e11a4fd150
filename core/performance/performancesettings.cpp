#include "performancesettings.h"

#include "oplog/uuidv7.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace baton {

namespace {

Result<QUuid> settingId(Store &store, const QString &name)
{
    Database &db = store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT id FROM performance_setting WHERE name=? AND retired=0"));
    q.bind(0, name);
    if (!q.exec())
        return db.errorFrom(q, PerformanceSettings::tr("reading performance settings"));
    QUuid id;
    if (q.next())
        id = parseId(q.text(0));
    q.finish();
    return id;
}

} // namespace

QStringList PerformanceSettings::names()
{
    return {QLatin1String(AlertThresholds), QLatin1String(GradeScale),
            QLatin1String(FeedbackDimensions), QLatin1String(RewardRules),
            QLatin1String(ReviewWeights)};
}

Result<QJsonValue> PerformanceSettings::value(const QString &name) const
{
    auto id = settingId(m_store, name);
    if (!id)
        return id.error();
    if (id->isNull())
        return QJsonValue();
    auto r = m_store.readRecord(QStringLiteral("performance_setting"), *id);
    if (!r)
        return r.error();
    const QJsonDocument doc = QJsonDocument::fromJson(r->text(u"value").toUtf8());
    if (doc.isObject())
        return QJsonValue(doc.object());
    if (doc.isArray())
        return QJsonValue(doc.array());
    return QJsonValue();
}

Status PerformanceSettings::set(const Actor &actor, const QString &name, const QJsonValue &value)
{
    if (!names().contains(name))
        return Error(QStringLiteral("field.invalid"),
                     tr("There is no setting named “%1”.").arg(name));
    if (!value.isObject() && !value.isArray())
        return Error(QStringLiteral("field.invalid"),
                     tr("The setting “%1” is a JSON object or array.").arg(name));
    const QByteArray json = value.isObject()
                                ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    auto id = settingId(m_store, name);
    if (!id)
        return id.error();
    const QString text = QString::fromUtf8(json);
    if (id->isNull())
        return m_store.submit({m_store.makeOp(
            QStringLiteral("performance_setting"), createUuidV7(), OpKind::Create,
            {{QStringLiteral("name"), name}, {QStringLiteral("value"), text}}, actor.userId)});
    return m_store.submit(
        {m_store.makeOp(QStringLiteral("performance_setting"), *id, OpKind::Update,
                        {{QStringLiteral("value"), text}}, actor.userId)});
}

} // namespace baton
