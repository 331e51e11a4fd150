#pragma once

#include "logproofs.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace baton {

class Store;
class SyncTransport;
struct DossierData;

// An evidence bundle (DESIGN.md section 4): a folder a third party can check
// without trusting Baton.
//
//   dossier.pdf                      the readable report
//   records/<entity>/<id>.json       each record, canonical JSON
//   signatures/<step id>/            each signed decision: content.json (what
//     content.json signature.p7s     was signed), signature.p7s (detached CMS,
//     timestamp.tsr                  DER), timestamp.tsr (RFC 3161 token)
//   confirmations/<id>/              a supervisor's signed confirmation of
//   attributions/<id>/               a task's progress or of an issue's
//                                    cause: content.json, signature.p7s
//   documents/<sha256>               the trail's files kept on this computer
//   ca.pem                           the organisation's certificate authority
//   log/checkpoint                   the server log's signed checkpoint (C2SP
//   log/verifier-key                 note), the key that signs it as a
//   log/key.pem                      verifier key line and as PEM, and per
//   log/proofs/<entity>/<id>.json    record the changes that made it with
//                                    their inclusion proofs (LogProofs);
//                                    no log/ without a server
//   SHA256SUMS, HOW-TO-VERIFY.txt
//   manifest.json                    every file above with its SHA-256
//   manifest.tsr                     RFC 3161 token over manifest.json
//
// A change to any byte of any file shows: a listed file no longer matches
// its hash, the manifest no longer matches its time stamp, or a changed CA
// no longer verifies the stamp. The proofs show more: that each record is
// what changes the server accepted into its append-only log make, so that
// whoever exports cannot write records of their own making. Which CA and
// which log key to trust is the reader's to check (their fingerprint and
// verifier key against the organisation's).
class EvidenceBundle
{
    Q_DECLARE_TR_FUNCTIONS(EvidenceBundle)
public:
    static constexpr const char *Type = "baton.evidence-bundle/1";

    // Answers a TimeStampReq (DER) with a TimeStampResp (DER).
    using Stamper = std::function<Result<QByteArray>(const QByteArray &requestDer)>;
    // The installation's own time-stamping authority: a desktop without a
    // server, or baton-server's database. A desktop that syncs with a server
    // has none (its trusted time is the server's), and gets an error.
    static Result<Stamper> localStamper(Store &store);

    // What seals a bundle and proves its records.
    struct Sources
    {
        Stamper stamper;
        std::optional<LogEvidence> log; // none: no server, no log
        // The CA (DER) when the installation holds none of its own yet:
        // the server's, on a replica that never certified a key.
        QByteArray authorityDer;
    };
    // Does this database sync with a server (registered with one, or has
    // pinned its log)? Then only the server can seal its bundles.
    static Result<bool> syncsWithServer(Store &store);
    // This installation's own: on baton-server's database its authority and
    // its log; on a desktop without a server its authority and no log. A
    // desktop that syncs gets an error (serverSources is for it).
    static Result<Sources> localSources(Store &store);
    // A desktop that syncs: the server's time stamps and log proofs, asked
    // over transport with the session bearer (ServerEvidence). The
    // transport must outlive the sources. The proofs are against the
    // checkpoint this replica holds now: read the dossier's records right
    // after, with no event processed in between (a sync round would move
    // both on).
    static Result<Sources> serverSources(Store &store, SyncTransport &transport,
                                         const QByteArray &bearer);

    // Writes the bundle into dir (created; must be empty). Everything is
    // gathered and sealed first: when the server cannot be asked, nothing
    // is written. progress: files written of total.
    static Status write(Store &store, const DossierData &data, const QByteArray &pdf,
                        const QString &dir, const Sources &sources,
                        const std::function<void(int, int)> &progress = {});
    // Without a log: sealed by stamper only.
    static Status write(Store &store, const DossierData &data, const QByteArray &pdf,
                        const QString &dir, const Stamper &stamper,
                        const std::function<void(int, int)> &progress = {});

    struct Item
    {
        QString item; // what was checked: a file, a signature, the seal
        bool ok = false;
        QString detail;             // why not, or what it says (time, signer)
        bool informational = false; // says what the bundle lacks, fails nothing
    };
    struct Verdict
    {
        QList<Item> items;
        QString caFingerprint; // SHA-256 of the CA certificate (DER), hex
        QString logKey;        // the log's verifier key line, when it has proofs
        bool ok() const;
    };
    // Checks a bundle offline. An error only when dir is not a bundle at all.
    static Result<Verdict> verify(const QString &dir);
};

} // namespace baton
