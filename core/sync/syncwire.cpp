#include "syncwire.h"

#include "evidence/signedtreehead.h"
#include "oplog/canonicaljson.h"
#include "oplog/uuidv7.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace baton::wire {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SyncWire)
};

// The largest integer a JSON number (an IEEE double) holds exactly.
constexpr qint64 MaxSafeJsonInteger = (qint64(1) << 53) - 1;

Error malformed(const QString &what)
{
    return Error(QStringLiteral("request.malformed"),
                 Tr::tr("The message is not in the expected form: %1.").arg(what));
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<QJsonObject> object(const QByteArray &body)
{
    if (body.size() > MaxBodyBytes)
        return Error(QStringLiteral("request.too_large"),
                     Tr::tr("The message is larger than %1 bytes.").arg(MaxBodyBytes));
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &e);
    if (e.error != QJsonParseError::NoError)
        return malformed(Tr::tr("invalid JSON at byte %1 (%2)").arg(e.offset).arg(e.errorString()));
    if (!doc.isObject())
        return malformed(Tr::tr("a JSON object is expected"));
    return doc.object();
}

// Only these keys, each present.
Status exactKeys(const QJsonObject &o, std::initializer_list<const char *> keys,
                 const QString &where)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool known = false;
        for (const char *k : keys)
            known = known || it.key() == QLatin1StringView(k);
        if (!known)
            return malformed(Tr::tr("unknown key \"%1\" in %2").arg(it.key().left(64), where));
    }
    for (const char *k : keys)
        if (!o.contains(QLatin1StringView(k)))
            return malformed(Tr::tr("missing \"%1\" in %2").arg(QLatin1StringView(k), where));
    return {};
}

Result<QString> text(const QJsonObject &o, const char *key, int maxLength, const QString &where)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (!v.isString())
        return malformed(Tr::tr("\"%1\" in %2 must be text").arg(QLatin1StringView(key), where));
    const QString s = v.toString();
    if (s.size() > maxLength)
        return malformed(Tr::tr("\"%1\" in %2 is longer than %3 characters")
                             .arg(QLatin1StringView(key), where)
                             .arg(maxLength));
    return s;
}

// A whole number in [min, max]; JSON numbers are doubles, so only the exact
// integer range of a double is accepted.
Result<qint64> integer(const QJsonObject &o, const char *key, qint64 min, qint64 max,
                       const QString &where)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    const double d = v.toDouble();
    if (!v.isDouble() || !(d >= double(min) && d <= double(max)) || d > double(MaxSafeJsonInteger)
        || d != double(qint64(d)))
        return malformed(Tr::tr("\"%1\" in %2 must be a whole number from %3 to %4")
                             .arg(QLatin1StringView(key), where)
                             .arg(min)
                             .arg(max));
    return qint64(d);
}

Result<QList<Operation>> operations(const QJsonValue &v, int maxCount)
{
    if (!v.isArray())
        return malformed(Tr::tr("\"ops\" must be a list"));
    const QJsonArray a = v.toArray();
    if (a.size() > maxCount)
        return Error(QStringLiteral("request.too_many"),
                     Tr::tr("A batch holds at most %1 changes; this one holds %2.")
                         .arg(maxCount)
                         .arg(a.size()));
    QList<Operation> out;
    out.reserve(a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a.at(i).isObject())
            return malformed(Tr::tr("change %1 is not an object").arg(i + 1));
        auto op = Operation::fromJson(a.at(i).toObject());
        if (!op)
            return malformed(Tr::tr("change %1: %2").arg(i + 1).arg(op.error().message));
        out.append(*op);
    }
    return out;
}

QString statusName(PushResult::Status s)
{
    switch (s) {
    case PushResult::Status::Accepted:
        return QStringLiteral("accepted");
    case PushResult::Status::Duplicate:
        return QStringLiteral("duplicate");
    case PushResult::Status::Rejected:
        break;
    }
    return QStringLiteral("rejected");
}

Result<QList<QByteArray>> hashList(const QJsonValue &v)
{
    // A proof has at most one hash per level of a tree of 2^63 leaves.
    if (!v.isArray() || v.toArray().size() > 126)
        return malformed(Tr::tr("\"proof\" must be a short list of hashes"));
    QList<QByteArray> out;
    for (const QJsonValue &h : v.toArray()) {
        const QByteArray raw = h.toString().toLatin1();
        const QByteArray decoded = QByteArray::fromHex(raw);
        if (!h.isString() || raw.size() != 64 || decoded.size() != 32
            || decoded.toHex() != raw.toLower())
            return malformed(Tr::tr("a proof hash is not 32 bytes of hexadecimal"));
        out.append(decoded);
    }
    return out;
}

} // namespace

QByteArray errorBody(const Error &error)
{
    return compact(
        {{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), error.code},
                                               {QStringLiteral("message"), error.message}}}});
}

Error errorFromBody(int httpStatus, const QByteArray &body)
{
    const Error fallback(QStringLiteral("http.%1").arg(httpStatus),
                         Tr::tr("The server answered with HTTP status %1.").arg(httpStatus));
    auto o = object(body);
    if (!o)
        return fallback;
    const QJsonObject e = o->value(QStringLiteral("error")).toObject();
    const QString code = e.value(QStringLiteral("code")).toString().left(64);
    const QString message = e.value(QStringLiteral("message")).toString().left(1000);
    if (code.isEmpty())
        return fallback;
    return Error(code, message.isEmpty() ? fallback.message : message);
}

QByteArray loginRequestBody(const LoginRequest &r)
{
    return compact({{QStringLiteral("login"), r.login},
                    {QStringLiteral("password"), r.password},
                    {QStringLiteral("device"), r.device}});
}

Result<LoginRequest> parseLoginRequest(const QByteArray &body)
{
    const QString where = QStringLiteral("the sign-in");
    auto o = object(body);
    if (!o)
        return o.error();
    if (auto s = exactKeys(*o, {"login", "password", "device"}, where); !s)
        return s.error();
    LoginRequest r;
    auto login = text(*o, "login", 64, where);
    auto password = text(*o, "password", 1024, where);
    auto device = text(*o, "device", 64, where);
    for (const auto *t : {&login, &password, &device})
        if (!*t)
            return t->error();
    r.login = *login;
    r.password = *password;
    r.device = *device;
    if (r.device.isEmpty())
        return malformed(Tr::tr("the sign-in does not name the device"));
    return r;
}

namespace {
// Base64 DER of at most maxBytes, under key.
Result<QByteArray> der(const QJsonObject &o, const char *key, int maxBytes, const QString &where)
{
    auto b64 = text(o, key, (maxBytes + 2) / 3 * 4, where);
    if (!b64)
        return b64.error();
    const QByteArray raw = b64->toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(raw, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty() || decoded.decoded.toBase64() != raw)
        return malformed(Tr::tr("\"%1\" must be Base64").arg(QLatin1StringView(key)));
    return decoded.decoded;
}
} // namespace

QByteArray certificateRequestBody(const QByteArray &publicKeyDer)
{
    return compact({{QStringLiteral("publicKey"), QString::fromLatin1(publicKeyDer.toBase64())}});
}

Result<QByteArray> parseCertificateRequest(const QByteArray &body)
{
    const QString where = QStringLiteral("the certificate request");
    auto o = object(body);
    if (!o)
        return o.error();
    if (auto s = exactKeys(*o, {"publicKey"}, where); !s)
        return s.error();
    return der(*o, "publicKey", 1024, where);
}

QByteArray certificateReplyBody(const CertificateReply &reply)
{
    return compact(
        {{QStringLiteral("certificate"), QString::fromLatin1(reply.certificateDer.toBase64())},
         {QStringLiteral("authority"), QString::fromLatin1(reply.authorityDer.toBase64())}});
}

Result<CertificateReply> parseCertificateReply(const QByteArray &body)
{
    const QString where = QStringLiteral("the certificate reply");
    auto o = object(body);
    if (!o)
        return o.error();
    if (auto s = exactKeys(*o, {"certificate", "authority"}, where); !s)
        return s.error();
    auto cert = der(*o, "certificate", 16384, where);
    if (!cert)
        return cert.error();
    auto authority = der(*o, "authority", 16384, where);
    if (!authority)
        return authority.error();
    return CertificateReply{*cert, *authority};
}

QByteArray loginReplyBody(const LoginReply &r)
{
    return compact({{QStringLiteral("token"), r.token},
                    {QStringLiteral("expires_ms"), r.expiresMs},
                    {QStringLiteral("user_id"), idString(r.userId)},
                    {QStringLiteral("server_time_ms"), r.serverTimeMs},
                    {QStringLiteral("log_key"), r.logKey}});
}

Result<LoginReply> parseLoginReply(const QByteArray &body)
{
    const QString where = QStringLiteral("the sign-in reply");
    auto o = object(body);
    if (!o)
        return o.error();
    if (auto s =
            exactKeys(*o, {"token", "expires_ms", "user_id", "server_time_ms", "log_key"}, where);
        !s)
        return s.error();
    auto token = text(*o, "token", 256, where);
    auto user = text(*o, "user_id", 36, where);
    auto key = text(*o, "log_key", 4096, where);
    auto expires = integer(*o, "expires_ms", 0, MaxSafeJsonInteger, where);
    auto time = integer(*o, "server_time_ms", 0, MaxSafeJsonInteger, where);
    for (const auto *t : {&token, &user, &key})
        if (!*t)
            return t->error();
    for (const auto *n : {&expires, &time})
        if (!*n)
            return n->error();
    LoginReply r;
    r.token = *token;
    r.userId = parseId(*user);
    if (r.token.isEmpty() || r.userId.isNull())
        return malformed(Tr::tr("the sign-in reply has no token or account"));
    r.logKey = *key;
    r.expiresMs = *expires;
    r.serverTimeMs = *time;
    return r;
}

QByteArray pushRequestBody(const QList<Operation> &ops)
{
    QJsonArray a;
    for (const Operation &op : ops)
        a.append(op.toJson());
    return compact({{QStringLiteral("ops"), a}});
}

Result<QList<Operation>> parsePushRequest(const QByteArray &body)
{
    auto o = object(body);
    if (!o)
        return o.error();
    if (auto s = exactKeys(*o, {"ops"}, QStringLiteral("the push")); !s)
        return s.error();
    return operations(o->value(QStringLiteral("ops")), MaxOpsPerPush);
}

QByteArray pushReplyBody(const QList<PushResult> &results)
{
    // Written straight out, members in the order QJsonDocument gives them:
    // the server answers every push with one.
    QByteArray out;
    out.reserve(16 + results.size() * 96);
    out.append("{\"results\":[");
    for (qsizetype i = 0; i < results.size(); ++i) {
        const PushResult &r = results[i];
        out.append(i ? ",{" : "{");
        if (r.status == PushResult::Status::Rejected) {
            out.append("\"code\":");
            appendJsonString(out, QStringView(r.reason.code));
            out.append(',');
        }
        out.append("\"id\":\"");
        out.append(idString(r.opId).toLatin1());
        out.append('"');
        if (r.status == PushResult::Status::Rejected) {
            out.append(",\"message\":");
            appendJsonString(out, QStringView(r.reason.message));
        } else {
            out.append(",\"index\":");
            out.append(QByteArray::number(r.index));
        }
        out.append(",\"status\":\"");
        out.append(statusName(r.status).toLatin1());
        out.append("\"}");
    }
    out.append("]}");
    return out;
}

Result<QList<PushResult>> parsePushReply(const QByteArray &body)
{
    auto o = object(body);
    if (!o)
        return o.error();
    if (auto s = exactKeys(*o, {"results"}, QStringLiteral("the push reply")); !s)
        return s.error();
    const QJsonValue v = o->value(QStringLiteral("results"));
    if (!v.isArray() || v.toArray().size() > MaxOpsPerPush)
        return malformed(Tr::tr("\"results\" must be a list of at most %1").arg(MaxOpsPerPush));
    QList<PushResult> out;
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString where = Tr::tr("result %1").arg(i + 1);
        if (!a.at(i).isObject())
            return malformed(Tr::tr("%1 is not an object").arg(where));
        const QJsonObject r = a.at(i).toObject();
        auto status = text(r, "status", 16, where);
        auto id = text(r, "id", 36, where);
        if (!status)
            return status.error();
        if (!id)
            return id.error();
        PushResult p;
        p.opId = parseId(*id);
        if (p.opId.isNull())
            return malformed(Tr::tr("%1 has no valid id").arg(where));
        if (*status == QLatin1String("rejected")) {
            if (auto s = exactKeys(r, {"id", "status", "code", "message"}, where); !s)
                return s.error();
            auto code = text(r, "code", 64, where);
            auto message = text(r, "message", 1000, where);
            if (!code)
                return code.error();
            if (!message)
                return message.error();
            p.status = PushResult::Status::Rejected;
            p.reason = Error(*code, *message);
        } else if (*status == QLatin1String("accepted") || *status == QLatin1String("duplicate")) {
            if (auto s = exactKeys(r, {"id", "status", "index"}, where); !s)
                return s.error();
            auto index = integer(r, "index", 0, MaxSafeJsonInteger, where);
            if (!index)
                return index.error();
            p.status = *status == QLatin1String("accepted") ? PushResult::Status::Accepted
                                                            : PushResult::Status::Duplicate;
            p.index = *index;
        } else {
            return malformed(Tr::tr("%1 has an unknown status").arg(where));
        }
        out.append(p);
    }
    return out;
}

QByteArray pullReplyBody(const PullReply &reply)
{
    // Written straight out: a page holds up to MaxPullLimit ops, and building
    // a QJsonObject of each was most of the server's work in a first sync.
    // Each op goes as its canonical JSON (the bytes its leaf hash is over),
    // which holds the same members as Operation::toJson().
    QByteArray out;
    out.reserve(128 + reply.leaves.size() * 48 + reply.ops.size() * 400 + reply.forget.size() * 80
                + reply.head.size());
    auto number = [&out](qint64 n) { out.append(QByteArray::number(n)); };
    out.append("{\"forget\":[");
    for (qsizetype i = 0; i < reply.forget.size(); ++i) {
        out.append(i ? ",{\"entity\":" : "{\"entity\":");
        appendJsonString(out, QStringView(reply.forget[i].entity));
        out.append(",\"id\":\"");
        out.append(idString(reply.forget[i].id).toLatin1());
        out.append("\"}");
    }
    out.append("],\"from\":");
    number(reply.from);
    out.append(",\"head\":");
    appendJsonString(out, QString::fromUtf8(reply.head).toUtf8());
    out.append(",\"leaves\":[");
    for (qsizetype i = 0; i < reply.leaves.size(); ++i) {
        out.append(i ? ",\"" : "\"");
        out.append(reply.leaves[i].toBase64());
        out.append('"');
    }
    out.append("],\"more\":");
    out.append(reply.more ? "true" : "false");
    out.append(",\"next\":");
    number(reply.next);
    out.append(",\"ops\":[");
    for (qsizetype i = 0; i < reply.ops.size(); ++i) {
        out.append(i ? ",{\"index\":" : "{\"index\":");
        number(reply.ops[i].index);
        out.append(",\"op\":");
        const PulledOp &p = reply.ops[i];
        const QByteArray op = p.canonical.isEmpty() ? p.op.canonical() : p.canonical;
        // Only an op holding an unpaired surrogate has no canonical form.
        out.append(op.isEmpty() ? compact(p.op.toJson()) : op);
        out.append('}');
    }
    out.append("]}");
    return out;
}

Result<PullReply> parsePullReply(const QByteArray &body)
{
    const QString where = QStringLiteral("the pull reply");
    auto o = object(body);
    if (!o)
        return o.error();
    if (auto s = exactKeys(*o, {"ops", "forget", "from", "leaves", "next", "more", "head"}, where);
        !s)
        return s.error();
    PullReply reply;
    auto from = integer(*o, "from", 0, MaxSafeJsonInteger, where);
    auto next = integer(*o, "next", 0, MaxSafeJsonInteger, where);
    if (!from)
        return from.error();
    if (!next)
        return next.error();
    reply.from = *from;
    reply.next = *next;
    const QJsonValue leaves = o->value(QStringLiteral("leaves"));
    if (reply.next < reply.from || reply.next - reply.from > MaxPullLimit || !leaves.isArray()
        || leaves.toArray().size() != reply.next - reply.from)
        return malformed(Tr::tr("\"leaves\" must hold one hash per entry from the cursor on"));
    for (const QJsonValue &leaf : leaves.toArray()) {
        const QByteArray raw = leaf.toString().toLatin1();
        const QByteArray decoded = QByteArray::fromBase64(raw);
        if (!leaf.isString() || decoded.size() != 32 || decoded.toBase64() != raw)
            return malformed(Tr::tr("a leaf hash is not 32 bytes of Base64"));
        reply.leaves.append(decoded);
    }
    if (!o->value(QStringLiteral("more")).isBool())
        return malformed(Tr::tr("\"more\" must be true or false"));
    reply.more = o->value(QStringLiteral("more")).toBool();
    auto head = text(*o, "head", int(MaxCheckpointNoteSize), where);
    if (!head)
        return head.error();
    reply.head = head->toUtf8();
    const QJsonValue ops = o->value(QStringLiteral("ops"));
    if (!ops.isArray() || ops.toArray().size() > MaxPullLimit)
        return malformed(Tr::tr("\"ops\" must be a list of at most %1").arg(MaxPullLimit));
    const QJsonArray a = ops.toArray();
    qint64 previous = -1;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString item = Tr::tr("item %1").arg(i + 1);
        if (!a.at(i).isObject())
            return malformed(Tr::tr("%1 is not an object").arg(item));
        const QJsonObject p = a.at(i).toObject();
        if (auto s = exactKeys(p, {"index", "op"}, item); !s)
            return s.error();
        auto index = integer(p, "index", 0, MaxSafeJsonInteger, item);
        if (!index)
            return index.error();
        // In log order, within what the reply says it covered and the head.
        if (*index <= previous || *index < reply.from || *index >= reply.next)
            return malformed(Tr::tr("%1 is out of order or beyond the log").arg(item));
        previous = *index;
        if (!p.value(QStringLiteral("op")).isObject())
            return malformed(Tr::tr("%1 has no change").arg(item));
        auto op = Operation::fromJson(p.value(QStringLiteral("op")).toObject());
        if (!op)
            return malformed(Tr::tr("%1: %2").arg(item, op.error().message));
        reply.ops.append({*index, *op, {}});
    }
    const QJsonValue forget = o->value(QStringLiteral("forget"));
    // At most one per entry examined.
    if (!forget.isArray() || forget.toArray().size() > reply.next - reply.from)
        return malformed(Tr::tr("\"forget\" must be a list of at most one record per entry"));
    for (const QJsonValue &v : forget.toArray()) {
        const QString item = Tr::tr("a record to forget");
        if (!v.isObject())
            return malformed(Tr::tr("%1 is not an object").arg(item));
        const QJsonObject r = v.toObject();
        if (auto s = exactKeys(r, {"entity", "id"}, item); !s)
            return s.error();
        auto entity = text(r, "entity", 64, item);
        if (!entity)
            return entity.error();
        auto id = text(r, "id", 64, item);
        if (!id)
            return id.error();
        const QUuid uuid = parseId(*id);
        if (entity->isEmpty() || uuid.isNull())
            return malformed(Tr::tr("%1 names no record").arg(item));
        reply.forget.append({*entity, uuid});
    }
    return reply;
}

QByteArray historyReplyBody(const HistoryReply &reply)
{
    QJsonArray a;
    for (const HistoryEntry &e : reply.entries) {
        QJsonArray proof;
        for (const QByteArray &h : e.proof)
            proof.append(QString::fromLatin1(h.toHex()));
        a.append(QJsonObject{{QStringLiteral("index"), e.index},
                             {QStringLiteral("op"), e.op.toJson()},
                             {QStringLiteral("proof"), proof}});
    }
    return compact({{QStringLiteral("entries"), a}, {QStringLiteral("more"), reply.more}});
}

Result<HistoryReply> parseHistoryReply(const QByteArray &body)
{
    const QString where = QStringLiteral("the history reply");
    auto o = object(body);
    if (!o)
        return o.error();
    if (auto s = exactKeys(*o, {"entries", "more"}, where); !s)
        return s.error();
    HistoryReply reply;
    if (!o->value(QStringLiteral("more")).isBool())
        return malformed(Tr::tr("\"more\" must be true or false"));
    reply.more = o->value(QStringLiteral("more")).toBool();
    const QJsonValue entries = o->value(QStringLiteral("entries"));
    if (!entries.isArray() || entries.toArray().size() > MaxHistoryEntries)
        return malformed(Tr::tr("\"entries\" must be a list of at most %1").arg(MaxHistoryEntries));
    const QJsonArray a = entries.toArray();
    qint64 previous = -1;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString item = Tr::tr("item %1").arg(i + 1);
        if (!a.at(i).isObject())
            return malformed(Tr::tr("%1 is not an object").arg(item));
        const QJsonObject e = a.at(i).toObject();
        if (auto s = exactKeys(e, {"index", "op", "proof"}, item); !s)
            return s.error();
        auto index = integer(e, "index", 0, MaxSafeJsonInteger, item);
        if (!index)
            return index.error();
        if (*index <= previous)
            return malformed(Tr::tr("%1 is out of order").arg(item));
        previous = *index;
        if (!e.value(QStringLiteral("op")).isObject())
            return malformed(Tr::tr("%1 has no change").arg(item));
        auto op = Operation::fromJson(e.value(QStringLiteral("op")).toObject());
        if (!op)
            return malformed(Tr::tr("%1: %2").arg(item, op.error().message));
        auto proof = hashList(e.value(QStringLiteral("proof")));
        if (!proof)
            return proof.error();
        reply.entries.append({*index, *op, *proof});
    }
    return reply;
}

QByteArray proofReplyBody(const QList<QByteArray> &proof)
{
    QJsonArray a;
    for (const QByteArray &h : proof)
        a.append(QString::fromLatin1(h.toHex()));
    return compact({{QStringLiteral("proof"), a}});
}

Result<QList<QByteArray>> parseProofReply(const QByteArray &body)
{
    auto o = object(body);
    if (!o)
        return o.error();
    if (auto s = exactKeys(*o, {"proof"}, QStringLiteral("the proof")); !s)
        return s.error();
    return hashList(o->value(QStringLiteral("proof")));
}

} // namespace baton::wire
