// libFuzzer target for the sync protocol's parsers (core/sync/syncwire),
// which read what a client or a server sends. The first byte chooses the
// parser (as a digit: '0' to '9'; any other byte maps onto one of them), the
// rest is the body:
//   0 parseLoginRequest   POST /v1/session body
//   1 parseLoginReply     POST /v1/session reply
//   2 parsePushRequest    POST /v1/ops and /v1/setup body
//   3 parsePushReply      POST /v1/ops reply
//   4 parsePullReply      GET /v1/ops reply
//   5 parseProofReply     GET /v1/proof/... reply
//   6 errorFromBody       any 4xx/5xx reply
//   7 parseHistoryReply   GET /v1/history reply
//   8 parseCertificateRequest  POST /v1/certificates body
//   9 parseCertificateReply    POST /v1/certificates reply
// Nothing may crash; whatever a parser accepts must respect the protocol's
// limits, and writing it back and parsing that again must give the same.
#include "oplog/uuidv7.h"
#include "sync/syncwire.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace baton;
using namespace baton::wire;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

bool sameOps(const QList<Operation> &a, const QList<Operation> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i].toJson() != b[i].toJson() || a[i].canonical() != b[i].canonical())
            return false;
    return true;
}

void loginRequest(const QByteArray &body)
{
    const auto r = parseLoginRequest(body);
    if (!r)
        return;
    require(r->login.size() <= 64 && r->password.size() <= 1024);
    require(!r->device.isEmpty() && r->device.size() <= 64);
    const auto again = parseLoginRequest(loginRequestBody(*r));
    require(again.ok());
    require(again->login == r->login && again->password == r->password
            && again->device == r->device);
}

void loginReply(const QByteArray &body)
{
    const auto r = parseLoginReply(body);
    if (!r)
        return;
    require(!r->token.isEmpty() && !r->userId.isNull());
    require(r->expiresMs >= 0 && r->serverTimeMs >= 0);
    const auto again = parseLoginReply(loginReplyBody(*r));
    require(again.ok());
    require(again->token == r->token && again->expiresMs == r->expiresMs
            && again->userId == r->userId && again->serverTimeMs == r->serverTimeMs
            && again->logKey == r->logKey);
}

void pushRequest(const QByteArray &body)
{
    const auto ops = parsePushRequest(body);
    if (!ops)
        return;
    require(ops->size() <= MaxOpsPerPush);
    for (const Operation &op : *ops) {
        require(isUuidV7(op.id) && !op.entityId.isNull());
        require(!op.entity.isEmpty() && op.device == op.hlc.deviceId);
        require(!op.canonical().isEmpty());
    }
    const auto again = parsePushRequest(pushRequestBody(*ops));
    require(again.ok());
    require(sameOps(*ops, *again));
}

bool sameResults(const QList<PushResult> &a, const QList<PushResult> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].opId != b[i].opId || a[i].status != b[i].status || a[i].index != b[i].index
            || a[i].reason.code != b[i].reason.code || a[i].reason.message != b[i].reason.message)
            return false;
    }
    return true;
}

void pushReply(const QByteArray &body)
{
    const auto results = parsePushReply(body);
    if (!results)
        return;
    require(results->size() <= MaxOpsPerPush);
    for (const PushResult &r : *results) {
        require(!r.opId.isNull());
        if (r.status == PushResult::Status::Rejected)
            require(r.index == -1);
        else
            require(r.index >= 0);
    }
    const auto again = parsePushReply(pushReplyBody(*results));
    require(again.ok());
    require(sameResults(*results, *again));
}

void pullReply(const QByteArray &body)
{
    const auto r = parsePullReply(body);
    if (!r)
        return;
    require(r->from >= 0 && r->next >= r->from && r->next - r->from <= MaxPullLimit);
    require(r->leaves.size() == r->next - r->from);
    for (const QByteArray &leaf : r->leaves)
        require(leaf.size() == 32);
    require(r->ops.size() <= MaxPullLimit);
    require(r->forget.size() <= r->next - r->from);
    for (const RecordRef &f : r->forget)
        require(!f.entity.isEmpty() && !f.id.isNull());
    qint64 previous = -1;
    for (const PulledOp &p : r->ops) {
        require(p.index > previous && p.index >= r->from && p.index < r->next);
        previous = p.index;
    }
    const auto again = parsePullReply(pullReplyBody(*r));
    require(again.ok());
    require(again->from == r->from && again->next == r->next && again->more == r->more
            && again->head == r->head && again->leaves == r->leaves && again->forget == r->forget
            && again->ops.size() == r->ops.size());
    QList<Operation> ops, opsAgain;
    for (qsizetype i = 0; i < r->ops.size(); ++i) {
        require(again->ops[i].index == r->ops[i].index);
        ops.append(r->ops[i].op);
        opsAgain.append(again->ops[i].op);
    }
    require(sameOps(ops, opsAgain));
}

void proofReply(const QByteArray &body)
{
    const auto proof = parseProofReply(body);
    if (!proof)
        return;
    require(proof->size() <= 126);
    for (const QByteArray &h : *proof)
        require(h.size() == 32);
    const auto again = parseProofReply(proofReplyBody(*proof));
    require(again.ok());
    require(*again == *proof);
}

void historyReply(const QByteArray &body)
{
    const auto r = parseHistoryReply(body);
    if (!r)
        return;
    require(r->entries.size() <= MaxHistoryEntries);
    qint64 previous = -1;
    QList<Operation> ops;
    for (const HistoryEntry &e : r->entries) {
        require(e.index > previous && e.proof.size() <= 126);
        previous = e.index;
        for (const QByteArray &h : e.proof)
            require(h.size() == 32);
        ops.append(e.op);
    }
    const auto again = parseHistoryReply(historyReplyBody(*r));
    require(again.ok());
    require(again->more == r->more && again->entries.size() == r->entries.size());
    QList<Operation> opsAgain;
    for (qsizetype i = 0; i < r->entries.size(); ++i) {
        require(again->entries[i].index == r->entries[i].index);
        require(again->entries[i].proof == r->entries[i].proof);
        opsAgain.append(again->entries[i].op);
    }
    require(sameOps(ops, opsAgain));
}

void errorReply(const QByteArray &body)
{
    const Error e = errorFromBody(400, body);
    require(!e.code.isEmpty() && e.code.size() <= 64);
    require(!e.message.isEmpty() && e.message.size() <= 1000);
    const Error again = errorFromBody(400, errorBody(e));
    require(again.code == e.code && again.message == e.message);
}

void certificateRequest(const QByteArray &body)
{
    const auto key = parseCertificateRequest(body);
    if (!key)
        return;
    require(!key->isEmpty() && key->size() <= 1024);
    const auto again = parseCertificateRequest(certificateRequestBody(*key));
    require(again.ok() && *again == *key);
}

void certificateReply(const QByteArray &body)
{
    const auto r = parseCertificateReply(body);
    if (!r)
        return;
    require(!r->certificateDer.isEmpty() && !r->authorityDer.isEmpty());
    const auto again = parseCertificateReply(certificateReplyBody(*r));
    require(again.ok() && again->certificateDer == r->certificateDer
            && again->authorityDer == r->authorityDer);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    switch (uint8_t(data[0] - '0') % 10) {
    case 0:
        loginRequest(body);
        break;
    case 1:
        loginReply(body);
        break;
    case 2:
        pushRequest(body);
        break;
    case 3:
        pushReply(body);
        break;
    case 4:
        pullReply(body);
        break;
    case 5:
        proofReply(body);
        break;
    case 6:
        errorReply(body);
        break;
    case 7:
        historyReply(body);
        break;
    case 8:
        certificateRequest(body);
        break;
    default:
        certificateReply(body);
        break;
    }
    return 0;
}
