#include "decisioncontent.h"

#include "evidence/sha256.h"
#include "oplog/canonicaljson.h"
#include "oplog/uuidv7.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace baton {

namespace {

QJsonObject toJson(const DecisionContent &c)
{
    QJsonArray attachments;
    for (const auto &a : c.attachments)
        attachments.append(
            QJsonObject{{QStringLiteral("name"), a.name}, {QStringLiteral("sha256"), a.sha256}});
    return QJsonObject{
        {QStringLiteral("type"), QLatin1String(DecisionContent::Type)},
        {QStringLiteral("request_id"), idString(c.requestId)},
        {QStringLiteral("template_id"), idString(c.templateId)},
        {QStringLiteral("template_version"), c.templateVersion},
        {QStringLiteral("round"), c.round},
        {QStringLiteral("node_index"), c.nodeIndex},
        {QStringLiteral("node_key"), c.nodeKey},
        {QStringLiteral("step_id"), idString(c.stepId)},
        {QStringLiteral("decision"), c.decision},
        {QStringLiteral("opinion"), c.opinion},
        {QStringLiteral("decided_ms"), c.decidedMs},
        {QStringLiteral("actor_employee_id"), idString(c.actorEmployee)},
        {QStringLiteral("actor_user_id"), idString(c.actorUser)},
        {QStringLiteral("actor_login"), c.actorLogin},
        {QStringLiteral("device"), c.device},
        {QStringLiteral("document_sha256"), c.documentSha256},
        {QStringLiteral("attachments"), attachments},
    };
}

} // namespace

QByteArray DecisionContent::canonical() const
{
    // Fails only on an unpaired surrogate, which no stored text holds; the
    // empty result then matches no signature.
    auto bytes = canonicalJson(toJson(*this));
    return bytes ? *bytes : QByteArray();
}

Result<DecisionContent> DecisionContent::parse(const QByteArray &bytes)
{
    const Error bad(QStringLiteral("approval.content"),
                    tr("The signed content of the decision is damaged or of an unknown kind."));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return bad;
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("type")).toString() != QLatin1String(Type))
        return bad;
    DecisionContent c;
    c.requestId = parseId(o.value(QLatin1String("request_id")).toString());
    c.templateId = parseId(o.value(QLatin1String("template_id")).toString());
    c.templateVersion = o.value(QLatin1String("template_version")).toInteger();
    c.round = o.value(QLatin1String("round")).toInteger();
    c.nodeIndex = o.value(QLatin1String("node_index")).toInteger();
    c.nodeKey = o.value(QLatin1String("node_key")).toString();
    c.stepId = parseId(o.value(QLatin1String("step_id")).toString());
    c.decision = o.value(QLatin1String("decision")).toString();
    c.opinion = o.value(QLatin1String("opinion")).toString();
    c.decidedMs = o.value(QLatin1String("decided_ms")).toInteger();
    c.actorEmployee = parseId(o.value(QLatin1String("actor_employee_id")).toString());
    c.actorUser = parseId(o.value(QLatin1String("actor_user_id")).toString());
    c.actorLogin = o.value(QLatin1String("actor_login")).toString();
    c.device = o.value(QLatin1String("device")).toString();
    c.documentSha256 = o.value(QLatin1String("document_sha256")).toString();
    for (const QJsonValue &v : o.value(QLatin1String("attachments")).toArray())
        c.attachments.append({v.toObject().value(QLatin1String("name")).toString(),
                              v.toObject().value(QLatin1String("sha256")).toString()});
    // What parses must be exactly what canonical() writes: no other keys, no
    // other types, the same bytes.
    if (bytes.isEmpty() || c.canonical() != bytes)
        return bad;
    return c;
}

QString DecisionContent::documentDigest(const Record &request)
{
    const QJsonObject document{
        {QStringLiteral("subject"), request.text(u"subject")},
        {QStringLiteral("body"), request.text(u"body")},
        {QStringLiteral("amount"), request.value(u"amount").toLongLong()},
        {QStringLiteral("currency"), request.text(u"currency")},
        {QStringLiteral("template_id"), request.text(u"template_id")},
    };
    auto bytes = canonicalJson(document);
    return bytes ? QString::fromLatin1(Sha256::hash(*bytes).toHex()) : QString();
}

QList<DecisionContent::Attachment>
DecisionContent::attachmentsOf(const QList<Record> &attachmentRecords)
{
    QList<Attachment> out;
    for (const Record &r : attachmentRecords)
        out.append({r.text(u"name"), r.text(u"sha256")});
    std::sort(out.begin(), out.end(), [](const Attachment &a, const Attachment &b) {
        return a.sha256 != b.sha256 ? a.sha256 < b.sha256 : a.name < b.name;
    });
    return out;
}

} // namespace baton
