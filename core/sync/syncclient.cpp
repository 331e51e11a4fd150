#include "syncclient.h"

#include "oplog/uuidv7.h"
#include "util/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace baton {

const QString SyncClient::CursorKey = QStringLiteral("sync.cursor");
const QString SyncClient::RangeKey = QStringLiteral("sync.range");
const QString SyncClient::HeadKey = QStringLiteral("sync.head");
const QString SyncClient::LogKeyKey = QStringLiteral("sync.log_key");
const QString SyncClient::AlarmKey = QStringLiteral("sync.alarm");
const QString SyncClient::LastSyncKey = QStringLiteral("sync.last_success_ms");
const QString SyncClient::ServerUserKey = QStringLiteral("sync.user_id");

namespace {

// Writes the cursor, the compact range and the head beside a pulled page,
// in its transaction.
class CursorObserver : public ApplyObserver
{
public:
    CursorObserver(Store &store, qint64 next, const merkle::CompactRange &range,
                   const SignedTreeHead &head, const QList<wire::RecordRef> &forget)
        : m_store(store)
        , m_next(next)
        , m_range(range)
        , m_head(head)
        , m_forget(forget)
    { }
    Status beforeCommit() override
    {
        // Latest first: a record made after (and pointing to) another goes
        // before the one it points to.
        for (auto r = m_forget.crbegin(); r != m_forget.crend(); ++r)
            if (auto s = m_store.forgetRecord(r->entity, r->id); !s)
                return s;
        if (auto s = m_store.setMeta(SyncClient::CursorKey, QString::number(m_next)); !s)
            return s;
        if (auto s =
                m_store.setMeta(SyncClient::RangeKey, QString::fromLatin1(m_range.serialize()));
            !s)
            return s;
        return m_store.setMeta(SyncClient::HeadKey, QString::fromUtf8(m_head.note));
    }

private:
    Store &m_store;
    qint64 m_next;
    const merkle::CompactRange &m_range;
    const SignedTreeHead &m_head;
    const QList<wire::RecordRef> &m_forget;
};

// Codes of refusals that say nothing about the op: try again later.
bool isTransient(const Error &e)
{
    return e.code.startsWith(QLatin1String("store.")) || e.code.startsWith(QLatin1String("batch."))
           || e.code.startsWith(QLatin1String("server."));
}

Error networkError(const HttpReply &reply)
{
    return Error(QStringLiteral("sync.offline"),
                 SyncClient::tr("The server could not be reached: %1")
                     .arg(reply.error.isEmpty() ? SyncClient::tr("no answer") : reply.error));
}

// A pull page as decoded, with the first op that does not hash to its leaf
// (-1: none): work on the body alone, done where the reply arrives.
struct DecodedPage
{
    Result<wire::PullReply> page;
    qint64 badLeaf = -1;
    qint64 headSize = -1; // as the head says, before its signature is checked: a hint
};

DecodedPage decodePage(const QByteArray &body)
{
    DecodedPage d{wire::parsePullReply(body), -1, -1};
    if (!d.page)
        return d;
    // A signed note: origin, then size, then root, one per line.
    const QList<QByteArray> lines = d.page->head.split('\n');
    bool ok = false;
    if (lines.size() > 2)
        d.headSize = lines.at(1).toLongLong(&ok);
    if (!ok)
        d.headSize = -1;
    for (const wire::PulledOp &p : d.page->ops)
        if (merkle::leafHash(p.op.canonical()) != d.page->leaves.at(p.index - d.page->from)) {
            d.badLeaf = p.index;
            break;
        }
    return d;
}

std::any decodePageBody(const QByteArray &body)
{
    return decodePage(body);
}

} // namespace

struct SyncClient::CheckedPage
{
    wire::PullReply page;
    SignedTreeHead head;
    merkle::CompactRange range;
    QList<wire::RecordRef> entering; // records this page brings into view
    qsizetype nextEntering = 0;
    qint64 after = -1;        // the last history entry received for entering[nextEntering]
    QList<Operation> history; // their entries from before the page
};

SyncClient::SyncClient(Store &store, SyncTransport &transport, Options options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_transport(transport)
    , m_options(options)
    , m_signatures(std::make_unique<SignatureSync>(store, transport))
{
    qRegisterMetaType<baton::SyncOutcome>();
}

SyncClient::~SyncClient() = default;

void SyncClient::setCredentials(const QString &login, const QString &password)
{
    m_login = login;
    m_password = password;
}

Result<QString> SyncClient::alarm(Store &store)
{
    return store.meta(AlarmKey);
}

Result<SyncClient::CheckpointState> SyncClient::checkpointState(Store &store)
{
    CheckpointState state;
    auto alarm = store.meta(AlarmKey);
    auto head = store.meta(HeadKey);
    auto pinned = store.meta(LogKeyKey);
    auto last = store.meta(LastSyncKey);
    for (const auto *r : {&alarm, &head, &pinned, &last})
        if (!*r)
            return r->error();
    state.alarm = *alarm;
    state.lastSyncMs = last->toLongLong();
    if (head->isEmpty() || pinned->isEmpty())
        return state;
    state.synced = true;
    auto key = LogVerifier::fromVerifierKey(pinned->toLatin1());
    if (!key)
        return state;
    auto checkpoint = parseSignedTreeHead(head->toUtf8(), *key);
    state.signatureOk = checkpoint.ok();
    if (checkpoint)
        state.size = checkpoint->size;
    return state;
}

HttpCall SyncClient::call(const QByteArray &method, const QString &path) const
{
    HttpCall c;
    c.method = method;
    c.path = path;
    c.bearer = m_token.toLatin1();
    return c;
}

void SyncClient::start()
{
    if (m_running)
        return;
    m_running = true;
    m_renewed = false;
    ++m_round;
    m_prefetches.clear();
    m_outcome = SyncOutcome{};
    m_createdThisRound.clear();
    m_pullLimit = std::min(m_options.pullLimit, wire::DefaultPullLimit);
    auto alarm = SyncClient::alarm(m_store);
    if (!alarm)
        return finish(alarm.error());
    if (!alarm->isEmpty())
        return finish(Error(QStringLiteral("sync.alarm"), tr("Sync is stopped: %1").arg(*alarm)));
    auto pinned = m_store.meta(LogKeyKey);
    if (!pinned)
        return finish(pinned.error());
    if (!pinned->isEmpty()) {
        auto key = LogVerifier::fromVerifierKey(pinned->toLatin1());
        if (!key)
            return finish(key.error());
        m_logKey = *key;
    }
    if (m_token.isEmpty() || !m_logKey)
        return signIn();
    prepareSignatures();
}

void SyncClient::signIn()
{
    if (m_login.isEmpty())
        return finish(Error(QStringLiteral("auth.required"),
                            tr("Sign in to the server to sync this device.")));
    HttpCall c = call("POST", QStringLiteral("/v1/session"));
    c.bearer.clear();
    c.body = wire::loginRequestBody({m_login, m_password, m_store.deviceId()});
    QPointer<SyncClient> self(this);
    m_transport.send(c, [self, this](const HttpReply &reply) {
        if (!self)
            return;
        if (reply.status == 0)
            return finish(networkError(reply));
        if (reply.status != 200)
            return finish(wire::errorFromBody(reply.status, reply.body));
        auto login = wire::parseLoginReply(reply.body);
        if (!login)
            return finish(login.error());
        // The replica belongs to one account: another one's data must not
        // mix into it.
        auto owner = m_store.meta(ServerUserKey);
        if (!owner)
            return finish(owner.error());
        if (!owner->isEmpty() && parseId(*owner) != login->userId)
            return finish(Error(QStringLiteral("sync.other_account"),
                                tr("This database syncs for another account; sign in as that "
                                   "account or use a new database.")));
        auto pinned = m_store.meta(LogKeyKey);
        if (!pinned)
            return finish(pinned.error());
        if (pinned->isEmpty()) {
            auto key = LogVerifier::fromVerifierKey(login->logKey.toLatin1());
            if (!key)
                return finish(key.error());
            // Trust on first use: the key is pinned from now on.
            const Status saved = m_store.transact([&]() -> Status {
                if (auto s = m_store.setMeta(LogKeyKey, login->logKey); !s)
                    return s;
                return m_store.setMeta(ServerUserKey, idString(login->userId));
            });
            if (!saved)
                return finish(saved.error());
            m_logKey = *key;
        } else if (*pinned != login->logKey) {
            return raiseAlarm(Error(QStringLiteral("log.key_changed"),
                                    tr("The server signs its log with a different key than the "
                                       "one this device pinned.")));
        } else if (!m_logKey) {
            auto key = LogVerifier::fromVerifierKey(pinned->toLatin1());
            if (!key)
                return finish(key.error());
            m_logKey = *key;
        }
        m_token = login->token;
        Q_EMIT tokenChanged(m_token);
        prepareSignatures();
    });
}

void SyncClient::prepareSignatures()
{
    auto owner = m_store.meta(ServerUserKey);
    if (!owner)
        return finish(owner.error());
    const QUuid user = parseId(*owner);
    if (user.isNull())
        return pushNext();
    const quint64 round = m_round;
    // Its failures are logged and tried again next round: data still syncs.
    m_signatures->run(user, m_token.toLatin1(), [this, round](const Status &) {
        if (round == m_round && m_running)
            pushNext();
    });
}

bool SyncClient::renewSession(const HttpReply &reply, void (SyncClient::*retry)())
{
    Q_UNUSED(retry)
    if (reply.status != 401)
        return false;
    m_token.clear();
    Q_EMIT tokenChanged(m_token);
    if (m_renewed || m_login.isEmpty()) {
        finish(wire::errorFromBody(reply.status, reply.body));
        return true;
    }
    m_renewed = true;
    m_prefetches.clear(); // asked for with the old token
    signIn();             // continues with the push, which is safe to repeat
    return true;
}

void SyncClient::pushNext()
{
    auto ops = m_store.pendingOps(m_options.pushBatch);
    if (!ops)
        return finish(ops.error());
    if (ops->isEmpty())
        return pullNext();
    HttpCall c = call("POST", QStringLiteral("/v1/ops"));
    c.body = wire::pushRequestBody(*ops);
    // Ops with long notes can make a full batch larger than a request may
    // be: send the first half, and so on, until it fits.
    while (c.body.size() > wire::MaxBodyBytes && ops->size() > 1) {
        ops->resize(ops->size() / 2);
        c.body = wire::pushRequestBody(*ops);
    }
    QPointer<SyncClient> self(this);
    const QList<Operation> sent = *ops;
    m_transport.send(c, [self, this, sent](const HttpReply &reply) {
        if (self)
            onPushReply(reply, sent);
    });
}

void SyncClient::onPushReply(const HttpReply &reply, const QList<Operation> &sent)
{
    if (reply.status == 0)
        return finish(networkError(reply));
    if (renewSession(reply, &SyncClient::pushNext))
        return;
    if (reply.status != 200)
        return finish(wire::errorFromBody(reply.status, reply.body));
    auto results = wire::parsePushReply(reply.body);
    if (!results)
        return finish(results.error());
    QSet<QUuid> asked;
    for (const Operation &op : sent)
        asked.insert(op.id);
    QList<QUuid> taken;
    QList<Store::Refusal> refused;
    bool transient = false;
    for (const wire::PushResult &r : std::as_const(*results)) {
        if (!asked.contains(r.opId))
            continue; // not ours to act on
        if (r.status != wire::PushResult::Status::Rejected)
            taken.append(r.opId);
        else if (isTransient(r.reason))
            transient = true;
        else
            refused.append({r.opId, r.reason});
    }
    if (auto s = m_store.markPushed(taken); !s)
        return finish(s.error());
    if (!refused.isEmpty())
        if (auto s = m_store.retract(refused); !s)
            return finish(s.error());
    m_outcome.pushed += int(taken.size());
    m_outcome.refused += int(refused.size());
    if (transient || taken.size() + refused.size() < sent.size())
        // The server could not take some ops now: keep them for the next
        // round and still bring this replica up to date.
        return pullNext();
    pushNext();
}

void SyncClient::pullNext()
{
    auto cursor = m_store.meta(CursorKey);
    if (!cursor)
        return finish(cursor.error());
    const qint64 after = cursor->toLongLong();
    // A page asked for ahead and now due is this one; those behind the
    // cursor are not needed any more.
    m_prefetches.removeIf([after](const Prefetch &p) { return p.after < after; });
    for (qsizetype i = 0; i < m_prefetches.size(); ++i) {
        if (m_prefetches[i].after != after)
            continue;
        if (!m_prefetches[i].reply) {
            m_prefetches[i].waiting = true;
            return;
        }
        // Queued, so that a long run of pages does not deepen the stack.
        const HttpReply reply = *m_prefetches.takeAt(i).reply;
        QMetaObject::invokeMethod(
            this,
            [this, reply, round = m_round] {
                if (round == m_round && m_running)
                    onPullReply(reply);
            },
            Qt::QueuedConnection);
        return;
    }
    const HttpCall c = pullCall(after, m_pullLimit);
    QPointer<SyncClient> self(this);
    m_transport.send(c, [self, this, round = m_round](const HttpReply &reply) {
        if (self && round == m_round)
            onPullReply(reply);
    });
}

HttpCall SyncClient::pullCall(qint64 after, int limit) const
{
    HttpCall c = call("GET", QStringLiteral("/v1/ops"));
    c.query.addQueryItem(QStringLiteral("after"), QString::number(after));
    c.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    c.decode = decodePageBody;
    return c;
}

void SyncClient::prefetchPage(qint64 after, int limit)
{
    for (const Prefetch &p : std::as_const(m_prefetches))
        if (p.after == after)
            return;
    m_prefetches.append(Prefetch{after, false, std::nullopt});
    const HttpCall c = pullCall(after, limit);
    QPointer<SyncClient> self(this);
    m_transport.send(c, [self, this, after, round = m_round](const HttpReply &reply) {
        if (!self || round != m_round)
            return;
        for (qsizetype i = 0; i < m_prefetches.size(); ++i) {
            if (m_prefetches[i].after != after)
                continue;
            if (m_prefetches[i].waiting) {
                m_prefetches.removeAt(i);
                return onPullReply(reply);
            }
            m_prefetches[i].reply = reply;
            return;
        }
    });
}

void SyncClient::onPullReply(const HttpReply &reply)
{
    if (reply.status == 0)
        return finish(networkError(reply));
    if (renewSession(reply, &SyncClient::pullNext))
        return;
    if (reply.status == 409) {
        const Error e = wire::errorFromBody(reply.status, reply.body);
        if (e.code == QLatin1String("cursor.beyond_log"))
            return raiseAlarm(Error(QStringLiteral("log.shrunk"),
                                    tr("The server's log is shorter than what this device has "
                                       "already received: its history was cut.")));
        return finish(e);
    }
    if (reply.status != 200)
        return finish(wire::errorFromBody(reply.status, reply.body));
    const auto *decoded = std::any_cast<DecodedPage>(&reply.decoded);
    const DecodedPage page = decoded ? *decoded : decodePage(reply.body);
    if (!page.page)
        return finish(page.page.error());
    auto cursor = m_store.meta(CursorKey);
    if (!cursor)
        return finish(cursor.error());
    if (page.page->from != cursor->toLongLong())
        return finish(Error(QStringLiteral("sync.protocol"),
                            tr("The server answered for another position in its log.")));
    if (!page.page->more || page.page->next <= page.page->from)
        return checkHeadThenApply(*page.page, page.badLeaf);
    // Pages grow while the log keeps giving full ones, so the first comes
    // back quickly. Two are asked for ahead, as far as the head says the log
    // reaches: while one page is applied here the next is on its way and the
    // server makes the one after.
    m_pullLimit = std::min(m_pullLimit * 2, m_options.pullLimit);
    prefetchPage(page.page->next, m_pullLimit);
    const qint64 beyond = page.page->next + m_pullLimit;
    if (beyond < page.headSize)
        prefetchPage(beyond, std::min(m_pullLimit * 2, m_options.pullLimit));
    // The transport may send a request only once control is back in the
    // event loop (Qt's network access does): apply after that.
    QMetaObject::invokeMethod(
        this,
        [this, page, round = m_round] {
            if (round == m_round && m_running)
                checkHeadThenApply(*page.page, page.badLeaf);
        },
        Qt::QueuedConnection);
}

void SyncClient::checkHeadThenApply(const wire::PullReply &page, qint64 badLeaf)
{
    auto signedHead = parseSignedTreeHead(page.head, *m_logKey);
    if (!signedHead)
        return raiseAlarm(Error(QStringLiteral("log.bad_signature"),
                                tr("The server's log head is not signed by its pinned key: %1")
                                    .arg(signedHead.error().message)));
    const SignedTreeHead head = *signedHead;
    if (page.next > head.size)
        return finish(Error(QStringLiteral("sync.protocol"),
                            tr("The server sent entries beyond its signed log.")));

    auto stored = m_store.meta(HeadKey);
    if (!stored)
        return finish(stored.error());
    std::optional<SignedTreeHead> previous;
    if (!stored->isEmpty()) {
        auto p = parseSignedTreeHead(stored->toUtf8(), *m_logKey);
        if (!p)
            return finish(Error(QStringLiteral("sync.state"),
                                tr("This device's record of the server's log is damaged.")));
        previous = *p;
    }
    auto judge = [this, page, badLeaf, head, previous](const QList<QByteArray> &proof) {
        switch (checkTreeHead(*m_logKey, previous, head, proof)) {
        case TreeHeadCheck::Accepted:
            return applyPage(page, head, badLeaf);
        case TreeHeadCheck::BadSignature:
            return raiseAlarm(Error(QStringLiteral("log.bad_signature"),
                                    tr("The server's log head is not signed by its pinned key.")));
        case TreeHeadCheck::OtherLog:
            return raiseAlarm(Error(QStringLiteral("log.other"),
                                    tr("The server now shows another log than the one this "
                                       "device synced with.")));
        case TreeHeadCheck::Shrunk:
            return raiseAlarm(Error(QStringLiteral("log.shrunk"),
                                    tr("The server's log is shorter than one it showed before "
                                       "(%1 entries, now %2): its history was cut.")
                                        .arg(previous ? previous->size : 0)
                                        .arg(head.size)));
        case TreeHeadCheck::Rewritten:
            return raiseAlarm(Error(QStringLiteral("log.rewritten"),
                                    tr("The server's log does not extend the one it showed "
                                       "before: its history was rewritten.")));
        }
    };
    // A proof is needed only when the log grew since the head kept here.
    if (!previous || previous->size == 0 || previous->size >= head.size)
        return judge({});
    HttpCall c = call("GET", QStringLiteral("/v1/proof/consistency"));
    c.query.addQueryItem(QStringLiteral("from"), QString::number(previous->size));
    c.query.addQueryItem(QStringLiteral("to"), QString::number(head.size));
    QPointer<SyncClient> self(this);
    m_transport.send(c, [self, this, judge](const HttpReply &reply) {
        if (!self)
            return;
        if (reply.status == 0)
            return finish(networkError(reply));
        if (reply.status != 200)
            return finish(wire::errorFromBody(reply.status, reply.body));
        auto proof = wire::parseProofReply(reply.body);
        if (!proof)
            return finish(proof.error());
        judge(*proof);
    });
}

void SyncClient::applyPage(const wire::PullReply &page, const SignedTreeHead &head, qint64 badLeaf)
{
    auto rangeText = m_store.meta(RangeKey);
    if (!rangeText)
        return finish(rangeText.error());
    std::optional<merkle::CompactRange> range =
        rangeText->isEmpty() ? merkle::CompactRange()
                             : merkle::CompactRange::parse(rangeText->toLatin1());
    if (!range || range->size() != page.from)
        return finish(Error(QStringLiteral("sync.state"),
                            tr("This device's record of the server's log is damaged.")));
    for (const QByteArray &leaf : page.leaves)
        range->append(leaf);
    if (badLeaf >= 0)
        return raiseAlarm(Error(QStringLiteral("log.leaf_mismatch"),
                                tr("A change the server sent (entry %1) is not the one its "
                                   "log holds: the server's data was altered.")
                                    .arg(badLeaf)));
    if (page.next == head.size && range->root() != head.root)
        return raiseAlarm(Error(QStringLiteral("log.rewritten"),
                                tr("The server's log entries do not add up to its signed head: "
                                   "its history was altered.")));

    // Records this page brings into view arrive whole first: their earlier
    // entries went by while this account could not see them.
    m_page = std::make_unique<CheckedPage>(CheckedPage{page, head, *range, {}, 0, -1, {}});
    // A record the page itself creates has no earlier history to fetch.
    QSet<QUuid> checked;
    for (const wire::PulledOp &p : page.ops) {
        const bool creates = p.op.kind == OpKind::Create || p.op.kind == OpKind::Append;
        if (creates || checked.contains(p.op.entityId)) {
            checked.insert(p.op.entityId);
            continue;
        }
        checked.insert(p.op.entityId);
        if (m_createdThisRound.contains(p.op.entityId))
            continue;
        auto holds = m_store.holdsRecord(p.op.entity, p.op.entityId);
        if (!holds)
            return finish(holds.error());
        if (!*holds)
            m_page->entering.append({p.op.entity, p.op.entityId});
    }
    fetchEntering();
}

void SyncClient::fetchEntering()
{
    if (m_page->nextEntering >= m_page->entering.size())
        return commitPage();
    const wire::RecordRef &record = m_page->entering.at(m_page->nextEntering);
    HttpCall c = call("GET", QStringLiteral("/v1/history"));
    c.query.addQueryItem(QStringLiteral("entity"), record.entity);
    c.query.addQueryItem(QStringLiteral("id"), idString(record.id));
    c.query.addQueryItem(QStringLiteral("size"), QString::number(m_page->head.size));
    if (m_page->after >= 0)
        c.query.addQueryItem(QStringLiteral("after"), QString::number(m_page->after));
    QPointer<SyncClient> self(this);
    m_transport.send(c, [self, this](const HttpReply &reply) {
        if (self)
            onHistoryReply(reply);
    });
}

void SyncClient::onHistoryReply(const HttpReply &reply)
{
    if (reply.status == 0)
        return finish(networkError(reply));
    if (renewSession(reply, &SyncClient::pullNext))
        return;
    CheckedPage &work = *m_page;
    auto nextRecord = [this, &work] {
        ++work.nextEntering;
        work.after = -1;
        fetchEntering();
    };
    if (reply.status == 404) {
        // Out of sight again since the page was read: the next page says so.
        if (wire::errorFromBody(reply.status, reply.body).code == QLatin1String("record.unknown"))
            return nextRecord();
    }
    if (reply.status != 200)
        return finish(wire::errorFromBody(reply.status, reply.body));
    auto history = wire::parseHistoryReply(reply.body);
    if (!history)
        return finish(history.error());
    const wire::RecordRef record = work.entering.at(work.nextEntering);
    for (const wire::HistoryEntry &e : history->entries) {
        if (e.index <= work.after || e.index >= work.head.size || e.op.entity != record.entity
            || e.op.entityId != record.id)
            return finish(Error(QStringLiteral("sync.protocol"),
                                tr("The server answered with another record's history.")));
        if (!merkle::verifyInclusion(merkle::leafHash(e.op.canonical()), e.index, work.head.size,
                                     e.proof, work.head.root))
            return raiseAlarm(Error(QStringLiteral("log.leaf_mismatch"),
                                    tr("A change the server sent (entry %1) is not the one its "
                                       "log holds: the server's data was altered.")
                                        .arg(e.index)));
        if (e.index < work.page.from) // the page itself brings the rest
            work.history.append(e.op);
    }
    if (!history->more)
        return nextRecord();
    if (history->entries.isEmpty())
        return finish(Error(QStringLiteral("sync.protocol"),
                            tr("The server promised more of a record's history and sent none.")));
    work.after = history->entries.constLast().index;
    fetchEntering();
}

void SyncClient::commitPage()
{
    const CheckedPage &work = *m_page;
    QList<Operation> ops = work.history;
    ops.reserve(ops.size() + work.page.ops.size());
    for (const wire::PulledOp &p : work.page.ops)
        ops.append(p.op);
    CursorObserver observer(m_store, work.page.next, work.range, work.head, work.page.forget);
    ApplyContext context;
    context.fromServer = true;
    context.observer = &observer;
    const QList<ApplyOutcome> outcomes = m_store.apply(ops, Origin::Remote, context);
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        const ApplyOutcome &o = outcomes[i];
        if (o.rejected() && isTransient(o.error))
            return finish(o.error); // nothing committed: the page comes again
        if (o.applied() && (ops[i].kind == OpKind::Create || ops[i].kind == OpKind::Append))
            m_createdThisRound.insert(ops[i].entityId);
        if (o.applied())
            ++m_outcome.pulled;
        else if (o.rejected())
            ++m_outcome.skipped;
    }
    for (const wire::RecordRef &gone : work.page.forget)
        m_createdThisRound.remove(gone.id);
    m_outcome.logSize = work.head.size;
    m_outcome.forgotten += work.page.forget.size();
    Q_EMIT progress(work.page.next, work.head.size);
    const bool more = work.page.more;
    m_page.reset();
    if (more)
        return pullNext();
    finish();
}

void SyncClient::raiseAlarm(const Error &error)
{
    qCWarning(lcStore) << "sync alarm:" << error.code;
    (void)m_store.setMeta(AlarmKey, error.message);
    (void)m_store.recordEvent(
        QStringLiteral("sync.alarm"), QStringLiteral("failed"), {}, {},
        QStringLiteral("Sync stopped: %1 (%2)").arg(error.code, error.message));
    finish(error);
}

void SyncClient::finish(const Error &error)
{
    m_outcome.ok = error.code.isEmpty();
    m_outcome.error = error;
    if (m_outcome.ok) {
        // In step means nothing left to send, as well as nothing to fetch.
        const qint64 pending = m_store.pendingOutboxCount();
        if (pending > 0) {
            m_outcome.ok = false;
            m_outcome.error =
                Error(QStringLiteral("sync.behind"),
                      tr("%n change(s) could not be sent yet.", nullptr, int(pending)));
        }
    }
    if (m_outcome.ok)
        (void)m_store.setMeta(LastSyncKey, QString::number(m_store.nowMs()));
    m_page.reset();
    m_prefetches.clear();
    ++m_round;
    m_running = false;
    Q_EMIT finished(m_outcome);
}

} // namespace baton
