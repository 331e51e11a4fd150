#pragma once

#include "evidence/signedtreehead.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QUuid>

#include <functional>
#include <optional>

namespace baton {

class Store;

// One change of a record as the server's log holds it (DESIGN.md section 4):
// its position in the log, the log's entry itself (the op's canonical JSON,
// whose leaf hash is SHA-256(0x00 || leaf)) and the RFC 6962 audit path that
// puts it in a checkpoint's tree.
struct LoggedOp
{
    qint64 index = 0;
    QByteArray leaf;
    QList<QByteArray> proof;
};

// The log's part of an evidence bundle: one signed checkpoint, the key that
// signs it, and where each record's logged changes come from.
struct LogEvidence
{
    SignedTreeHead checkpoint;
    QByteArray verifierKey; // "<origin>+<key id hex>+<base64 key>" (LogVerifier)
    // A record's entries below the checkpoint's size, in log order, each
    // with its proof against the checkpoint.
    std::function<Result<QList<LoggedOp>>(const QString &entity, const QUuid &id)> opsOf;
    // What the person exporting can do when a record holds changes the log
    // does not (yet): sync first, say.
    QString whenBehind;
};

// Merkle proofs of a bundle's records: where they come from on the server's
// database, their file form, and the check `baton-cli verify bundle` makes.
class LogProofs
{
    Q_DECLARE_TR_FUNCTIONS(LogProofs)
public:
    // The log this database keeps, when it is baton-server's (nullopt
    // otherwise: nothing is made on a database that keeps no log).
    static Result<std::optional<LogEvidence>> onServerDatabase(Store &store);

    // The proof file, log/proofs/<entity>/<id>.json: a canonical JSON array
    // of {"index": n, "leaf": base64, "proof": [base64, ...]}.
    static Result<QByteArray> encode(const QList<LoggedOp> &ops);
    static Result<QList<LoggedOp>> decode(const QByteArray &json);

    // That ops prove record (its JSON as the bundle holds it): each is in
    // the checkpoint's tree (RFC 9162 section 2.1.3.2), in log order, in
    // canonical form and a change of this very record (entity and id); and
    // replaying them as the store merges changes (a create sets every
    // field, later changes win per field by clock reading, a retire sets
    // retired) gives exactly the record's fields. A log cannot prove that
    // no other change exists: what it shows is that these were accepted,
    // and that the record is what they make. Returns a one-line summary.
    static Result<QString> check(const QString &entity, const QUuid &id, const QList<LoggedOp> &ops,
                                 const SignedTreeHead &checkpoint, const QJsonObject &record);
};

} // namespace baton
