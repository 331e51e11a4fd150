#pragma once

#include "oplog/operation.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

namespace baton {

// The sync protocol's bodies (docs/SYNC.md), written and parsed in one place
// for both ends. Every parser here reads outside input: strict, bounded,
// never trusting a count or a size it was given, and fuzzed
// (tests/fuzz/fuzz_syncwire.cpp).
namespace wire {

inline constexpr qsizetype MaxBodyBytes = 8 * 1024 * 1024; // one request or response
inline constexpr int MaxOpsPerPush = 2500;
inline constexpr int DefaultPullLimit = 1000;
inline constexpr int MaxPullLimit = 10000;
inline constexpr int MaxHistoryEntries = 500; // one page of GET /v1/history

// {"error":{"code":..., "message":...}}
QByteArray errorBody(const Error &error);
// The error a 4xx/5xx body names; a generic one when the body is not ours.
Error errorFromBody(int httpStatus, const QByteArray &body);

// POST /v1/session
struct LoginRequest
{
    QString login;
    QString password;
    QString device;
};
QByteArray loginRequestBody(const LoginRequest &request);
Result<LoginRequest> parseLoginRequest(const QByteArray &body);

// POST /v1/certificates: a certificate for the signing key of the signed-in
// account on the session's device.
QByteArray certificateRequestBody(const QByteArray &publicKeyDer);
Result<QByteArray> parseCertificateRequest(const QByteArray &body); // the key, DER
struct CertificateReply
{
    QByteArray certificateDer; // issued for the key
    QByteArray authorityDer;   // the CA certificate it chains to
};
QByteArray certificateReplyBody(const CertificateReply &reply);
Result<CertificateReply> parseCertificateReply(const QByteArray &body);

struct LoginReply
{
    QString token;
    qint64 expiresMs = 0;
    QUuid userId;
    qint64 serverTimeMs = 0;
    QString logKey; // the server's log verifier key line, for pinning
};
QByteArray loginReplyBody(const LoginReply &reply);
Result<LoginReply> parseLoginReply(const QByteArray &body);

// POST /v1/ops and /v1/setup: {"ops":[...]}
QByteArray pushRequestBody(const QList<Operation> &ops);
Result<QList<Operation>> parsePushRequest(const QByteArray &body);

struct PushResult
{
    enum class Status { Accepted, Duplicate, Rejected };
    QUuid opId;
    Status status = Status::Rejected;
    qint64 index = -1; // log index, when accepted or duplicate
    Error reason;      // when rejected
};
QByteArray pushReplyBody(const QList<PushResult> &results);
Result<QList<PushResult>> parsePushReply(const QByteArray &body);

// GET /v1/ops?after=N&limit=M
struct PulledOp
{
    qint64 index = 0;
    Operation op;
    // The server's side: the op's canonical JSON as the log gives it, sent
    // as it is (then op is not filled). Empty: op.canonical() is sent.
    QByteArray canonical;
};
// A record, named without its content.
struct RecordRef
{
    QString entity;
    QUuid id;
    friend bool operator==(const RecordRef &, const RecordRef &) = default;
};
struct PullReply
{
    qint64 from = 0; // the cursor asked for
    qint64 next = 0; // cursor for the next request: log entries examined so far
    // The leaf hash of every log entry in [from, next), seen or not: a leaf
    // hash tells nothing of its op, and lets the client check the whole log
    // against the signed head (merkle::CompactRange).
    QList<QByteArray> leaves;
    QList<PulledOp> ops; // the entries this account may see, in log order
    // Records changed in [from, next) that this account may no longer see
    // (DESIGN.md, "Visibility moves"): the client forgets its copies.
    QList<RecordRef> forget;
    bool more = false;
    // The server's signed checkpoint of its log (a C2SP signed note), read
    // and checked by the client against its pinned key.
    QByteArray head;
};
QByteArray pullReplyBody(const PullReply &reply);
Result<PullReply> parsePullReply(const QByteArray &body);

// GET /v1/history?entity=E&id=ID&size=N&after=I: the log entries of one
// record the account may now see, each with its inclusion proof in the tree
// of size N, so that a record entering the account's view arrives whole.
struct HistoryEntry
{
    qint64 index = 0;
    Operation op;
    QList<QByteArray> proof;
};
struct HistoryReply
{
    QList<HistoryEntry> entries; // in log order, all below the tree size
    bool more = false;           // ask again with after = the last index
};
QByteArray historyReplyBody(const HistoryReply &reply);
Result<HistoryReply> parseHistoryReply(const QByteArray &body);

// GET /v1/proof/consistency?from=M&to=N and /v1/proof/inclusion?index=I&size=N
QByteArray proofReplyBody(const QList<QByteArray> &proof);
Result<QList<QByteArray>> parseProofReply(const QByteArray &body);

} // namespace wire

} // namespace baton
