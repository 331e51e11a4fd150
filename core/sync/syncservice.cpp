#include "syncservice.h"

#include "auth/authenticator.h"
#include "evidence/merkletree.h"
#include "evidence/sha256.h"
#include "handover/accesscutoff.h"
#include "oplog/uuidv7.h"
#include "store/entitydef.h"
#include "syncwire.h"
#include "util/logging.h"

#include <QHostAddress>
#include <QSslCertificate>

namespace baton {

namespace {

HttpReply json(int status, const QByteArray &body)
{
    HttpReply r;
    r.status = status;
    r.body = body;
    return r;
}

HttpReply failure(const Error &e, int retryAfter = 0)
{
    HttpReply r = json(httpStatusFor(e.code), wire::errorBody(e));
    r.retryAfterSeconds = retryAfter;
    return r;
}

// Refusals worth remembering per op: the op itself is at fault, so a retry
// gets the same answer. A failure of the server's own store is not.
bool isDefinitive(const Error &e)
{
    return !e.code.startsWith(QLatin1String("store."))
           && !e.code.startsWith(QLatin1String("batch."))
           && !e.code.startsWith(QLatin1String("server."));
}

// Writes the server's bookkeeping of a push inside its transaction: the
// Merkle log for accepted ops, the refusals for the others.
class PushObserver : public ApplyObserver
{
public:
    PushObserver(Store &store, ServerLog &log, const QUuid &pusher)
        : m_store(store)
        , m_log(log)
        , m_pusher(pusher)
    { }
    Status batchStarted() override { return m_log.batchStarted(); }
    Status opApplied(const Operation &op, qint64 seq) override { return m_log.opApplied(op, seq); }
    Status opRefused(const Operation &op, const Error &reason) override
    {
        if (!isDefinitive(reason))
            return {};
        Database &db = m_store.database();
        SqlStatement &q =
            db.statement(QStringLiteral("INSERT INTO push_refusal (op_id, user_id, code, message) "
                                        "VALUES (?,?,?,?) ON CONFLICT(op_id, user_id) DO NOTHING"));
        q.bind(0, idString(op.id));
        q.bind(1, idString(m_pusher));
        q.bind(2, reason.code.left(64));
        q.bind(3, reason.message.left(1000));
        if (!q.exec())
            return db.errorFrom(q, QStringLiteral("recording a refusal"));
        return {};
    }

private:
    Store &m_store;
    ServerLog &m_log;
    QUuid m_pusher;
};

// A whole number from the query string, or an error naming the parameter.
Result<qint64> queryNumber(const QUrlQuery &query, const QString &key, qint64 fallback, qint64 min,
                           qint64 max)
{
    if (!query.hasQueryItem(key))
        return fallback;
    bool ok = false;
    const qint64 v = query.queryItemValue(key).toLongLong(&ok);
    if (!ok || v < min || v > max)
        return Error(QStringLiteral("request.malformed"),
                     SyncService::tr("The parameter \"%1\" must be a whole number from %2 to %3.")
                         .arg(key)
                         .arg(min)
                         .arg(max));
    return v;
}

} // namespace

int httpStatusFor(const QString &code)
{
    static const QHash<QString, int> exact = {
        {QStringLiteral("auth.failed"), 401},       {QStringLiteral("auth.required"), 401},
        {QStringLiteral("auth.expired"), 401},      {QStringLiteral("auth.revoked"), 401},
        {QStringLiteral("auth.departed"), 403},     {QStringLiteral("auth.disabled"), 403},
        {QStringLiteral("auth.locked"), 429},       {QStringLiteral("auth.rate_limited"), 429},
        {QStringLiteral("request.too_large"), 413}, {QStringLiteral("request.too_many"), 413},
        {QStringLiteral("setup.closed"), 409},      {QStringLiteral("setup.remote"), 403},
        {QStringLiteral("cursor.beyond_log"), 409}, {QStringLiteral("route.unknown"), 404},
        {QStringLiteral("route.method"), 405},      {QStringLiteral("store.locked"), 503},
        {QStringLiteral("record.unknown"), 404},
    };
    if (auto it = exact.constFind(code); it != exact.constEnd())
        return *it;
    if (code.startsWith(QLatin1String("store.")) || code.startsWith(QLatin1String("log."))
        || code.startsWith(QLatin1String("server.")))
        return 500;
    return 400; // request.*, op.*, field.*, hlc.*: the client sent something wrong
}

SyncService::SyncService(Store &store, Options options)
    : m_store(store)
    , m_options(options)
    , m_log(store)
    , m_authority(store)
    , m_sessions(store, options.sessionLifetimeMs)
{ }

SyncService::~SyncService() = default;

Status SyncService::start()
{
    if (auto s = m_log.open(); !s)
        return s;
    if (auto s = m_authority.open(); !s)
        return s;
    if (auto ended = endDepartedAccess(); !ended)
        return ended.error();
    return {};
}

Result<int> SyncService::endDepartedAccess()
{
    return AccessCutoff::sweep(m_store,
                               [this](const QUuid &user) { return m_sessions.revokeAll(user); });
}

void SyncService::parsePushBody(HttpCall &call)
{
    call.parsedOps = wire::parsePushRequest(call.body);
}

QList<HttpReply> SyncService::handleTogether(const QList<HttpCall> &calls)
{
    QList<HttpReply> replies;
    replies.reserve(calls.size());
    if (calls.size() == 1) {
        replies.append(handle(calls.first()));
        return replies;
    }
    const Status committed = m_store.groupCommit([&] {
        for (const HttpCall &call : calls)
            replies.append(handle(call));
    });
    if (!committed) {
        qCWarning(lcStore) << "a group of" << calls.size()
                           << "requests failed at commit:" << committed.error().code;
        for (HttpReply &r : replies)
            r = failure(committed.error(), 2);
    }
    return replies;
}

HttpReply SyncService::handle(const HttpCall &call)
{
    m_store.setEventPeer(call.peer);
    struct Route
    {
        const char *method;
        const char *path;
        HttpReply (SyncService::*handler)(const HttpCall &);
    };
    static const Route routes[] = {
        {"POST", "/v1/session", &SyncService::login},
        {"DELETE", "/v1/session", &SyncService::logout},
        {"POST", "/v1/ops", &SyncService::push},
        {"GET", "/v1/ops", &SyncService::pull},
        {"GET", "/v1/history", &SyncService::history},
        {"POST", "/v1/setup", &SyncService::setup},
        {"GET", "/v1/proof/consistency", &SyncService::proof},
        {"GET", "/v1/proof/inclusion", &SyncService::proof},
        {"GET", "/v1/authority/certificate", &SyncService::authorityCertificate},
        {"POST", "/v1/timestamp", &SyncService::timeStamp},
        {"POST", "/v1/certificates", &SyncService::issueCertificate},
    };
    HttpReply reply;
    bool pathKnown = false;
    if (call.path == QLatin1String("/healthz")) {
        pathKnown = true;
        if (call.method == "GET")
            reply = health();
    }
    for (const Route &r : routes) {
        if (call.path != QLatin1StringView(r.path))
            continue;
        pathKnown = true;
        if (call.method == r.method) {
            reply = (this->*r.handler)(call);
            break;
        }
    }
    if (reply.status == 0)
        reply = pathKnown ? failure(
                    Error(QStringLiteral("route.method"),
                          tr("%1 is not allowed on %2.")
                              .arg(QString::fromLatin1(call.method.left(16)), call.path.left(100))))
                          : failure(Error(QStringLiteral("route.unknown"),
                                          tr("There is nothing at %1.").arg(call.path.left(100))));
    m_store.setEventPeer({});
    return reply;
}

HttpReply SyncService::authorityCertificate(const HttpCall &)
{
    // Public, as a CA certificate is: what a signature or time stamp is
    // checked against, by Baton or by openssl.
    HttpReply r = json(200, m_authority.certificateAuthority().certificatePem());
    r.contentType = QByteArrayLiteral("application/x-pem-file");
    return r;
}

HttpReply SyncService::timeStamp(const HttpCall &call)
{
    // For signed-in accounts only: a time stamp is the server's word.
    auto who = authorize(call);
    if (!who)
        return failure(who.error());
    if (call.body.size() > MaxTimeStampRequestBytes)
        return failure(
            Error(QStringLiteral("request.too_large"),
                  tr("A time-stamp request is at most %1 bytes.").arg(MaxTimeStampRequestBytes)));
    // A request that cannot be granted gets a response saying so (RFC 3161).
    auto response = m_authority.timeStamps().respond(call.body);
    if (!response)
        return failure(response.error());
    HttpReply r = json(200, *response);
    r.contentType = QByteArrayLiteral("application/timestamp-reply");
    return r;
}

HttpReply SyncService::issueCertificate(const HttpCall &call)
{
    // For the account and device of the session, whatever the body says:
    // a key is vouched for only as the one who signed in from there.
    auto who = authorize(call);
    if (!who)
        return failure(who.error());
    auto publicKey = wire::parseCertificateRequest(call.body);
    if (!publicKey)
        return failure(publicKey.error());
    const CertificateAuthority &ca = m_authority.certificateAuthority();
    auto cert = ca.issue(*publicKey, {who->actor.login, who->actor.userId, who->session.device},
                         m_store.nowMs());
    if (!cert) // the client's key is at fault (400); the authority's own failure is a 500
        return failure(cert.error().code == QLatin1String("ca.key")
                           ? Error(QStringLiteral("request.malformed"), cert.error().message)
                           : Error(QStringLiteral("server.authority"), cert.error().message));
    const QSslCertificate issued(*cert, QSsl::Der);
    if (auto s = m_store.recordEvent(
            QStringLiteral("certificate.issue"), QStringLiteral("ok"), who->actor.userId,
            who->actor.login,
            QStringLiteral("Issued a signing certificate for device %1 (serial %2, key SHA-256 "
                           "%3)")
                .arg(who->session.device, QString::fromLatin1(issued.serialNumber()),
                     QString::fromLatin1(Sha256::hash(*publicKey).toHex())));
        !s)
        return failure(s.error());
    return json(200, wire::certificateReplyBody({*cert, ca.certificateDer()}));
}

HttpReply SyncService::health()
{
    auto size = m_log.size();
    if (!size)
        return failure(size.error());
    return json(200, QByteArrayLiteral("{\"status\":\"ok\",\"log_size\":")
                         + QByteArray::number(*size) + '}');
}

Result<SyncService::Authorized> SyncService::authorize(const HttpCall &call)
{
    ServerSession known;
    auto session = m_sessions.check(call.bearer, &known);
    if (!session) {
        const QString code = session.error().code;
        // A real session that has ended is worth a line in the trail; a
        // missing or made-up token is noise and writes nothing.
        if (code == QLatin1String("auth.expired") || code == QLatin1String("auth.revoked"))
            (void)m_store.recordEvent(QStringLiteral("sync.request"), QStringLiteral("denied"),
                                      known.userId, {},
                                      QStringLiteral("Refused %1 %2: %3")
                                          .arg(QString::fromLatin1(call.method), call.path, code));
        return session.error();
    }
    const qint64 now = m_store.nowMs();
    auto actor = m_store.actorFor(session->userId, now);
    if (!actor) {
        if (actor.error().code == QLatin1String("policy.unknown_actor"))
            return Error(QStringLiteral("auth.required"), tr("The account no longer exists."));
        return actor.error();
    }
    if (!actor->activeAt(now)) {
        // Access ends on the departure day: every session of the account ends.
        (void)m_sessions.revokeAll(actor->userId);
        const bool departed = !actor->disabled;
        (void)m_store.recordEvent(
            QStringLiteral("sync.request"), QStringLiteral("denied"), actor->userId, actor->login,
            QStringLiteral("Refused %1 %2: %3")
                .arg(QString::fromLatin1(call.method), call.path,
                     departed ? QStringLiteral("departed") : QStringLiteral("disabled")));
        return departed
                   ? Error(QStringLiteral("auth.departed"),
                           tr("This account's access ended on the departure date."))
                   : Error(QStringLiteral("auth.disabled"), tr("This account is switched off."));
    }
    return Authorized{*session, *actor};
}

bool SyncService::tooManyFailures(const QString &peer)
{
    const qint64 cutoff = m_store.nowMs() - 60 * 1000;
    auto it = m_failuresByPeer.find(peer);
    if (it == m_failuresByPeer.end())
        return false;
    it->removeIf([cutoff](qint64 t) { return t < cutoff; });
    if (it->isEmpty()) {
        m_failuresByPeer.erase(it);
        return false;
    }
    return it->size() >= m_options.maxFailedLoginsPerAddress;
}

void SyncService::countFailure(const QString &peer)
{
    // Bounded: an address table that only grows is a way to exhaust memory.
    if (m_failuresByPeer.size() > 100000)
        m_failuresByPeer.clear();
    m_failuresByPeer[peer].append(m_store.nowMs());
}

HttpReply SyncService::login(const HttpCall &call)
{
    if (tooManyFailures(call.peer))
        return failure(Error(QStringLiteral("auth.rate_limited"),
                             tr("Too many failed sign-ins from this address. Wait a minute.")),
                       60);
    auto request = wire::parseLoginRequest(call.body);
    if (!request)
        return failure(request.error());
    Authenticator auth(m_store);
    auto session = auth.login(request->login, request->password);
    if (!session) {
        if (session.error().code == QLatin1String("auth.failed"))
            countFailure(call.peer);
        // A lock lasts at most LockoutMs; asking again sooner is pointless.
        return failure(session.error(), session.error().code == QLatin1String("auth.locked")
                                            ? int(Authenticator::LockoutMs / 1000)
                                            : 0);
    }
    wire::LoginReply reply;
    auto token = m_sessions.open(session->userId, request->device, call.peer, &reply.expiresMs);
    if (!token)
        return failure(token.error());
    reply.token = *token;
    reply.userId = session->userId;
    reply.serverTimeMs = m_store.nowMs();
    reply.logKey = QString::fromLatin1(m_log.verifierKey());
    return json(200, wire::loginReplyBody(reply));
}

HttpReply SyncService::logout(const HttpCall &call)
{
    auto who = authorize(call);
    if (!who)
        return failure(who.error());
    if (auto s = m_sessions.revoke(call.bearer); !s)
        return failure(s.error());
    (void)m_store.recordEvent(QStringLiteral("logout"), QStringLiteral("ok"), who->actor.userId,
                              who->actor.login,
                              QStringLiteral("Signed out of the server from device %1")
                                  .arg(who->session.device.left(64)));
    return json(200, QByteArrayLiteral("{\"status\":\"signed_out\"}"));
}

Status SyncService::checkShapes(const QList<Operation> &ops)
{
    const qint64 horizon = m_store.nowMs() + m_store.clock().maxDriftMs();
    for (qsizetype i = 0; i < ops.size(); ++i) {
        const Operation &op = ops.at(i);
        auto bad = [&](const QString &code, const QString &what) {
            return Error(code, tr("Change %1 (%2): %3").arg(i + 1).arg(idString(op.id), what));
        };
        const EntityDef *def = EntityRegistry::instance().find(op.entity);
        if (!def)
            return bad(QStringLiteral("op.unknown_entity"),
                       tr("unknown kind of record \"%1\".").arg(op.entity.left(64)));
        for (auto it = op.fields.constBegin(); it != op.fields.constEnd(); ++it) {
            const FieldDef *f = def->field(it.key());
            if (!f)
                return bad(QStringLiteral("op.unknown_field"),
                           tr("a record of kind \"%1\" has no field \"%2\".")
                               .arg(def->name, it.key().left(64)));
            if (auto v = validateField(*f, it.value()); !v)
                return bad(v.error().code, v.error().message);
        }
        if (op.hlc.wallMs > horizon)
            return bad(QStringLiteral("hlc.drift"),
                       tr("it is dated %1 ms ahead of the server's clock.")
                           .arg(op.hlc.wallMs - m_store.nowMs()));
    }
    return {};
}

HttpReply SyncService::push(const HttpCall &call)
{
    auto who = authorize(call);
    if (!who)
        return failure(who.error());
    const auto *parsed = std::any_cast<Result<QList<Operation>>>(&call.parsedOps);
    const Result<QList<Operation>> ops = parsed ? *parsed : wire::parsePushRequest(call.body);
    if (!ops)
        return failure(ops.error());
    if (auto s = checkShapes(*ops); !s)
        return failure(s.error());
    return applyPushed(*ops, call, &*who);
}

HttpReply SyncService::setup(const HttpCall &call)
{
    // The first history of an empty organisation (`baton-cli demo --server`,
    // or an import): only from this machine, and only until anyone signs in.
    if (!QHostAddress(call.peer).isLoopback())
        return failure(Error(QStringLiteral("setup.remote"),
                             tr("Setting up the organisation is allowed only from the server's "
                                "own machine.")));
    auto any = m_sessions.anyEver();
    if (!any)
        return failure(any.error());
    if (*any)
        return failure(Error(QStringLiteral("setup.closed"),
                             tr("This server is already in use; setup is closed.")));
    const auto *parsed = std::any_cast<Result<QList<Operation>>>(&call.parsedOps);
    const Result<QList<Operation>> ops = parsed ? *parsed : wire::parsePushRequest(call.body);
    if (!ops)
        return failure(ops.error());
    if (auto s = checkShapes(*ops); !s)
        return failure(s.error());
    return applyPushed(*ops, call, nullptr);
}

HttpReply SyncService::applyPushed(const QList<Operation> &ops, const HttpCall &call,
                                   const Authorized *by)
{
    const QUuid pusher = by ? by->actor.userId : QUuid();
    QList<wire::PushResult> results(ops.size());
    QList<Operation> toApply;
    QList<qsizetype> positions;
    // Refusals remembered from earlier tries of these ops: one query per
    // chunk rather than one per op.
    Database &db = m_store.database();
    QHash<QUuid, Error> earlier;
    constexpr qsizetype Chunk = 250;
    for (qsizetype start = 0; start < ops.size(); start += Chunk) {
        const qsizetype n = std::min(Chunk, ops.size() - start);
        SqlStatement &q =
            db.statement(QStringLiteral("SELECT op_id, code, message FROM "
                                        "push_refusal WHERE user_id = ? AND op_id IN (%1)")
                             .arg(sqlPlaceholders(n)));
        q.bind(0, idString(pusher));
        for (qsizetype i = 0; i < n; ++i)
            q.bind(static_cast<int>(i + 1), idString(ops[start + i].id));
        if (!q.exec())
            return failure(db.errorFrom(q, tr("reading earlier refusals")));
        while (q.next())
            earlier.insert(parseId(q.text(0)), Error(q.text(1), q.text(2)));
        q.finish();
    }
    for (qsizetype i = 0; i < ops.size(); ++i) {
        results[i].opId = ops[i].id;
        if (auto it = earlier.constFind(ops[i].id); it != earlier.constEnd()) {
            results[i].status = wire::PushResult::Status::Rejected;
            results[i].reason = *it;
            continue;
        }
        toApply.append(ops[i]);
        positions.append(i);
    }

    PushObserver observer(m_store, m_log, pusher);
    m_log.setPeer(call.peer);
    ApplyContext context;
    context.peerAddress = call.peer;
    context.observer = &observer;
    if (by) {
        context.pushedBy = by->actor.userId;
        context.pushedFrom = by->session.device;
    } else {
        context.firstRun = true;
    }
    const QList<ApplyOutcome> outcomes = m_store.apply(toApply, Origin::Remote, context);
    for (qsizetype k = 0; k < outcomes.size(); ++k) {
        wire::PushResult &r = results[positions[k]];
        const ApplyOutcome &o = outcomes[k];
        if (o.rejected()) {
            if (o.error.code == QLatin1String("store.locked"))
                return failure(o.error, 2);
            r.status = wire::PushResult::Status::Rejected;
            r.reason = o.error;
            continue;
        }
        // Appended just now, or (a duplicate) by an earlier push.
        Result<qint64> index = o.applied() ? m_log.appendedIndex(r.opId) : m_log.indexOf(r.opId);
        if (!index)
            return failure(index.error());
        if (*index < 0) {
            r.status = wire::PushResult::Status::Rejected;
            r.reason = Error(QStringLiteral("server.not_logged"),
                             tr("The server holds this change but not in its log."));
            continue;
        }
        r.status =
            o.applied() ? wire::PushResult::Status::Accepted : wire::PushResult::Status::Duplicate;
        r.index = *index;
    }
    return json(200, wire::pushReplyBody(results));
}

HttpReply SyncService::pull(const HttpCall &call)
{
    auto who = authorize(call);
    if (!who)
        return failure(who.error());
    auto after = queryNumber(call.query, QStringLiteral("after"), 0, 0, qint64(1) << 53);
    if (!after)
        return failure(after.error());
    auto limit = queryNumber(call.query, QStringLiteral("limit"), wire::DefaultPullLimit, 1,
                             wire::MaxPullLimit);
    if (!limit)
        return failure(limit.error());
    auto head = m_log.head();
    if (!head)
        return failure(head.error());
    if (*after > head->size)
        return failure(Error(QStringLiteral("cursor.beyond_log"),
                             tr("The cursor %1 is beyond the end of the server's log (%2 "
                                "entries).")
                                 .arg(*after)
                                 .arg(head->size)));

    wire::PullReply reply;
    reply.from = *after;
    reply.head = head->note;
    const qint64 end = std::min(head->size, *after + *limit);
    Database &db = m_store.database();
    SqlStatement &q =
        db.statement(QStringLiteral("SELECT l.idx, n.hash, %1 FROM server_log l "
                                    "JOIN merkle_node n ON n.level = 0 AND n.idx = l.idx "
                                    "JOIN oplog o ON o.seq = l.op_seq "
                                    "WHERE l.idx >= ? AND l.idx < ? ORDER BY l.idx")
                         .arg(QLatin1StringView(OpLogColumns)));
    q.bind(0, *after);
    q.bind(1, end);
    if (!q.exec())
        return failure(db.errorFrom(q, tr("reading the server log")));
    struct Row
    {
        qint64 index;
        QString entity;
        QUuid entityId;
        QByteArray canonical; // what the leaf hash is over
    };
    QList<Row> rows;
    rows.reserve(end - *after);
    reply.leaves.reserve(end - *after);
    qint64 expected = *after;
    while (q.next()) {
        const qint64 index = q.int64(0);
        QByteArray leaf = q.blob(1);
        // Made from the row as it is stored; a row that does not give back
        // its leaf goes through the parser, and the client sees the rest.
        QByteArray canonical = canonicalOpFromLogRow(q, 2);
        if (canonical.isEmpty() || merkle::leafHash(canonical) != leaf) {
            const std::optional<Operation> op = operationFromLogRow(q, 2);
            canonical = op ? op->canonical() : QByteArray();
        }
        const QUuid entityId = parseId(q.text(4));
        if (index != expected || canonical.isEmpty() || entityId.isNull()) {
            q.finish();
            return failure(Error(QStringLiteral("log.damaged"),
                                 tr("The server log is damaged at entry %1.").arg(expected)));
        }
        ++expected;
        reply.leaves.append(std::move(leaf));
        rows.append({index, q.text(3), entityId, std::move(canonical)});
    }
    q.finish();
    if (expected != end)
        return failure(Error(QStringLiteral("log.damaged"),
                             tr("The server log is damaged at entry %1.").arg(expected)));

    // Only what this account may see now, judged once per record.
    const qint64 now = m_store.nowMs();
    QHash<QUuid, bool> visible;
    for (const Row &row : std::as_const(rows)) {
        if (visible.contains(row.entityId))
            continue;
        auto may = m_store.maySee(who->actor, row.entity, row.entityId, now);
        if (!may)
            return failure(may.error());
        visible.insert(row.entityId, *may);
    }
    // The page, of the first count entries read.
    auto page = [&](qsizetype count) {
        reply.leaves = reply.leaves.mid(0, count);
        reply.ops.clear();
        reply.forget.clear();
        QSet<QUuid> forgotten;
        for (qsizetype i = 0; i < count; ++i) {
            const Row &row = rows.at(i);
            if (visible.value(row.entityId)) {
                reply.ops.append({row.index, {}, row.canonical});
            } else if (!forgotten.contains(row.entityId)) {
                // What changed here out of this account's sight may be what
                // took a record out of it: the client forgets its copy.
                forgotten.insert(row.entityId);
                reply.forget.append({row.entity, row.entityId});
            }
        }
        reply.next = *after + count;
        reply.more = reply.next < head->size;
        return wire::pullReplyBody(reply);
    };
    // Ops with long notes can make a page larger than a reply may be: then
    // fewer entries, and the client asks on from where this page ends.
    qsizetype count = rows.size();
    QByteArray body = page(count);
    while (body.size() > wire::MaxBodyBytes && count > 1) {
        count /= 2;
        body = page(count);
    }
    return json(200, body);
}

HttpReply SyncService::history(const HttpCall &call)
{
    auto who = authorize(call);
    if (!who)
        return failure(who.error());
    const QString entity = call.query.queryItemValue(QStringLiteral("entity"));
    const QUuid id = parseId(call.query.queryItemValue(QStringLiteral("id")));
    if (!EntityRegistry::instance().find(entity) || id.isNull())
        return failure(Error(QStringLiteral("request.malformed"),
                             tr("The parameters \"entity\" and \"id\" must name a record.")));
    auto logSize = m_log.size();
    if (!logSize)
        return failure(logSize.error());
    auto size = queryNumber(call.query, QStringLiteral("size"), *logSize, 1, *logSize);
    if (!size)
        return failure(size.error());
    auto after = queryNumber(call.query, QStringLiteral("after"), -1, -1, *size);
    if (!after)
        return failure(after.error());
    // The same answer for a record that does not exist as for one out of
    // sight: the reply must not tell which.
    auto may = m_store.maySee(who->actor, entity, id, m_store.nowMs());
    if (!may)
        return failure(may.error());
    if (!*may)
        return failure(Error(QStringLiteral("record.unknown"),
                             tr("There is no such record that this account may see.")));

    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT l.idx, %1 FROM server_log l JOIN oplog o ON o.seq = l.op_seq "
                       "WHERE l.entity_id = ? AND l.entity = ? AND l.idx > ? AND l.idx < ? "
                       "ORDER BY l.idx LIMIT ?")
            .arg(QLatin1StringView(OpLogColumns)));
    q.bind(0, idString(id));
    q.bind(1, entity);
    q.bind(2, *after);
    q.bind(3, *size);
    q.bind(4, qint64(wire::MaxHistoryEntries + 1));
    if (!q.exec())
        return failure(db.errorFrom(q, tr("reading a record's history")));
    wire::HistoryReply reply;
    while (q.next()) {
        const qint64 index = q.int64(0);
        const std::optional<Operation> op = operationFromLogRow(q, 1);
        if (!op) {
            q.finish();
            return failure(Error(QStringLiteral("log.damaged"),
                                 tr("The server log is damaged at entry %1.").arg(index)));
        }
        reply.entries.append({index, *op, {}});
    }
    q.finish();
    if (reply.entries.size() > wire::MaxHistoryEntries) {
        reply.entries.removeLast();
        reply.more = true;
    }
    for (wire::HistoryEntry &e : reply.entries) {
        auto proof = m_log.inclusionProof(e.index, *size);
        if (!proof)
            return failure(proof.error());
        e.proof = *proof;
    }
    // As with pull pages: fewer entries when long notes would make the
    // reply too large; the client asks on after the last one.
    QByteArray body = wire::historyReplyBody(reply);
    while (body.size() > wire::MaxBodyBytes && reply.entries.size() > 1) {
        reply.entries.resize(reply.entries.size() / 2);
        reply.more = true;
        body = wire::historyReplyBody(reply);
    }
    return json(200, body);
}

HttpReply SyncService::proof(const HttpCall &call)
{
    auto who = authorize(call);
    if (!who)
        return failure(who.error());
    auto size = m_log.size();
    if (!size)
        return failure(size.error());
    Result<QList<QByteArray>> proof = QList<QByteArray>();
    if (call.path.endsWith(QLatin1String("/consistency"))) {
        auto to = queryNumber(call.query, QStringLiteral("to"), *size, 1, *size);
        if (!to)
            return failure(to.error());
        auto from = queryNumber(call.query, QStringLiteral("from"), -1, 1, *to);
        if (!from)
            return failure(from.error());
        if (*from < 0)
            return failure(Error(QStringLiteral("request.malformed"),
                                 tr("The parameter \"from\" is required.")));
        proof = m_log.consistencyProof(*from, *to);
    } else {
        auto treeSize = queryNumber(call.query, QStringLiteral("size"), *size, 1, *size);
        if (!treeSize)
            return failure(treeSize.error());
        auto index = queryNumber(call.query, QStringLiteral("index"), -1, 0, *treeSize - 1);
        if (!index)
            return failure(index.error());
        if (*index < 0)
            return failure(Error(QStringLiteral("request.malformed"),
                                 tr("The parameter \"index\" is required.")));
        proof = m_log.inclusionProof(*index, *treeSize);
    }
    if (!proof)
        return failure(proof.error());
    return json(200, wire::proofReplyBody(*proof));
}

} // namespace baton
