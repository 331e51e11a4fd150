#include "operation.h"

#include "canonicaljson.h"
#include "uuidv7.h"

#include <QCoreApplication>

namespace baton {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Operation)
};

Error bad(const QString &what)
{
    return Error(QStringLiteral("op.malformed"), Tr::tr("Malformed change: %1").arg(what));
}

// A kind of record is named in lower-case ASCII ("employee", "job_position"),
// 64 characters at most. Anything else would not even have canonical bytes to
// hash (a lone surrogate, say), and no such kind exists.
bool isEntityName(QStringView name)
{
    if (name.isEmpty() || name.size() > 64 || !(name[0] >= u'a' && name[0] <= u'z'))
        return false;
    for (QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'_'))
            return false;
    }
    return true;
}
} // namespace

QString opKindName(OpKind kind)
{
    switch (kind) {
    case OpKind::Create:
        return QStringLiteral("create");
    case OpKind::Update:
        return QStringLiteral("update");
    case OpKind::Append:
        return QStringLiteral("append");
    case OpKind::Retire:
        return QStringLiteral("retire");
    }
    return {};
}

std::optional<OpKind> parseOpKind(QStringView name)
{
    if (name == u"create")
        return OpKind::Create;
    if (name == u"update")
        return OpKind::Update;
    if (name == u"append")
        return OpKind::Append;
    if (name == u"retire")
        return OpKind::Retire;
    return std::nullopt;
}

QJsonObject Operation::toJson() const
{
    QJsonObject o{
        {QStringLiteral("id"), idString(id)},
        {QStringLiteral("entity"), entity},
        {QStringLiteral("entityId"), idString(entityId)},
        {QStringLiteral("kind"), opKindName(kind)},
        {QStringLiteral("fields"), fields},
        {QStringLiteral("hlc"), hlc.toString()},
        {QStringLiteral("author"), idString(author)},
        {QStringLiteral("device"), device},
    };
    if (!base.isEmpty())
        o.insert(QStringLiteral("base"), base);
    return o;
}

QByteArray Operation::canonical() const
{
    // The bytes of canonicalJson(toJson()), written straight out rather than
    // through a QJsonObject built for each op (leaf hashes on both ends of a
    // sync hash every op): the members of toJson() in canonical key order.
    auto fieldBytes = canonicalJson(fields);
    if (!fieldBytes)
        return {};
    QByteArray out;
    out.reserve(fieldBytes->size() + 240);
    bool ok = true;
    auto member = [&](QByteArrayView key, QStringView value) {
        out.append(key);
        ok = appendCanonicalString(out, value) && ok;
    };
    member("{\"author\":", idString(author));
    if (!base.isEmpty()) { // only present when given (toJson())
        auto baseBytes = canonicalJson(base);
        if (!baseBytes)
            return {};
        out.append(",\"base\":");
        out.append(*baseBytes);
    }
    member(",\"device\":", device);
    member(",\"entity\":", entity);
    member(",\"entityId\":", idString(entityId));
    out.append(",\"fields\":");
    out.append(*fieldBytes);
    member(",\"hlc\":", hlc.toString());
    member(",\"id\":", idString(id));
    member(",\"kind\":", opKindName(kind));
    out.append('}');
    return ok ? out : QByteArray();
}

Result<Operation> Operation::fromJson(const QJsonObject &json)
{
    static const QStringList known = {QStringLiteral("id"),       QStringLiteral("entity"),
                                      QStringLiteral("entityId"), QStringLiteral("kind"),
                                      QStringLiteral("fields"),   QStringLiteral("hlc"),
                                      QStringLiteral("author"),   QStringLiteral("device")};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()) && it.key() != QLatin1StringView("base"))
            return bad(Tr::tr("unknown key \"%1\"").arg(it.key().left(64)));
    }
    for (const QString &k : known) {
        if (!json.contains(k))
            return bad(Tr::tr("missing \"%1\"").arg(k));
    }
    auto str = [&](const char *key) { return json.value(QLatin1StringView(key)); };
    for (const char *k : {"id", "entity", "entityId", "kind", "hlc", "author", "device"}) {
        if (!str(k).isString())
            return bad(Tr::tr("\"%1\" must be text").arg(QLatin1StringView(k)));
    }
    if (!str("fields").isObject())
        return bad(Tr::tr("\"fields\" must be an object"));

    Operation op;
    op.id = parseId(str("id").toString());
    if (!isUuidV7(op.id))
        return bad(Tr::tr("\"id\" is not a version 7 UUID"));
    op.entity = str("entity").toString();
    if (!isEntityName(op.entity))
        return bad(Tr::tr("\"entity\" is not the name of a kind of record"));
    op.entityId = parseId(str("entityId").toString());
    if (op.entityId.isNull())
        return bad(Tr::tr("\"entityId\" is not a UUID"));
    const auto kind = parseOpKind(str("kind").toString());
    if (!kind)
        return bad(Tr::tr("unknown kind \"%1\"").arg(str("kind").toString().left(32)));
    op.kind = *kind;
    op.fields = str("fields").toObject();
    const auto hlc = Hlc::parse(str("hlc").toString());
    if (!hlc)
        return bad(Tr::tr("\"hlc\" is not a clock reading"));
    op.hlc = *hlc;
    const QString author = str("author").toString();
    op.author = parseId(author);
    if (op.author.isNull() && author != QStringLiteral("00000000-0000-0000-0000-000000000000"))
        return bad(Tr::tr("\"author\" is not a UUID"));
    op.device = str("device").toString();
    if (op.device.isEmpty() || op.device.size() > 64 || op.device != op.hlc.deviceId)
        return bad(Tr::tr("\"device\" is empty or does not match the clock reading"));
    if (!canonicalJson(op.fields).ok())
        return bad(Tr::tr("\"fields\" holds a value that cannot be stored"));
    if (json.contains(QLatin1StringView("base"))) {
        const QJsonValue base = str("base");
        if (!base.isObject() || base.toObject().isEmpty() || base.toObject().size() > 64)
            return bad(Tr::tr("\"base\" must name from 1 to 64 fields"));
        op.base = base.toObject();
        for (auto it = op.base.constBegin(); it != op.base.constEnd(); ++it)
            if (!isEntityName(it.key()) || !it.value().isString() // field names have that form
                || !Hlc::parse(it.value().toString()))
                return bad(Tr::tr("\"base\" must give a clock reading for each field"));
    }
    return op;
}

} // namespace baton
