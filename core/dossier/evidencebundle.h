#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace baton {

class Store;
struct DossierData;

// An evidence bundle (DESIGN.md section 4): a folder a third party can check
// without trusting Baton.
//
//   dossier.pdf                      the readable report
//   records/<entity>/<id>.json       each record, canonical JSON
//   signatures/<step id>/            each signed decision: content.json (what
//     content.json signature.p7s     was signed), signature.p7s (detached CMS,
//     timestamp.tsr                  DER), timestamp.tsr (RFC 3161 token)
//   documents/<sha256>               the trail's files kept on this computer
//   ca.pem                           the organisation's certificate authority
//   SHA256SUMS, HOW-TO-VERIFY.txt
//   manifest.json                    every file above with its SHA-256
//   manifest.tsr                     RFC 3161 token over manifest.json
//
// A change to any byte of any file shows: a listed file no longer matches
// its hash, the manifest no longer matches its time stamp, or a changed CA
// no longer verifies the stamp. Which CA to trust is the reader's to check
// (its SHA-256 fingerprint against the organisation's).
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

    // Writes the bundle into dir (created; must be empty). progress: files
    // written of total.
    static Status write(Store &store, const DossierData &data, const QByteArray &pdf,
                        const QString &dir, const Stamper &stamper,
                        const std::function<void(int, int)> &progress = {});

    struct Item
    {
        QString item; // what was checked: a file, a signature, the seal
        bool ok = false;
        QString detail; // why not, or what it says (time, signer)
    };
    struct Verdict
    {
        QList<Item> items;
        QString caFingerprint; // SHA-256 of the CA certificate (DER), hex
        bool ok() const;
    };
    // Checks a bundle offline. An error only when dir is not a bundle at all.
    static Result<Verdict> verify(const QString &dir);
};

} // namespace baton
