// Checking an evidence bundle offline (EvidenceBundle::verify): the seal,
// every file, each signature and time stamp, and the server log's proofs.
#include "evidencebundle.h"

#include "bundlelayout.h"
#include "evidence/cmssignature.h"
#include "evidence/timestamp.h"
#include "logproofs.h"
#include "oplog/uuidv7.h"
#include "performance/attributions.h"
#include "performance/reviewentities.h"
#include "work/taskconfirmation.h"
#include "workflow/decisioncontent.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>

namespace baton {

using namespace bundle;

bool EvidenceBundle::Verdict::ok() const
{
    return !items.isEmpty()
           && std::all_of(items.begin(), items.end(), [](const Item &i) { return i.ok; });
}

Result<EvidenceBundle::Verdict> EvidenceBundle::verify(const QString &bundlePath)
{
    const QString dirPath = QFileInfo(bundlePath).absoluteFilePath();
    const QDir dir(dirPath);
    const auto manifestBytes = readFile(dir.filePath(QLatin1String(ManifestFile)));
    if (!manifestBytes)
        return Error(QStringLiteral("bundle.not_bundle"),
                     tr("%1 is not an evidence bundle: it has no manifest.json.")
                         .arg(QDir::toNativeSeparators(dirPath)));
    Verdict v;
    auto add = [&](const QString &item, bool ok, const QString &detail) {
        v.items.append({item, ok, detail, false});
    };
    const QJsonDocument doc = QJsonDocument::fromJson(*manifestBytes);
    const QJsonObject manifest = doc.object();
    if (!doc.isObject()
        || manifest.value(QLatin1String("type")).toString() != QLatin1String(Type)) {
        add(QLatin1String(ManifestFile), false, tr("not a Baton evidence manifest"));
        return v;
    }
    const auto ca = readFile(dir.filePath(QStringLiteral("ca.pem")));
    const QList<QSslCertificate> certs =
        ca ? QSslCertificate::fromData(*ca, QSsl::Pem) : QList<QSslCertificate>();
    const QByteArray caDer = certs.isEmpty() ? QByteArray() : certs.first().toDer();
    v.caFingerprint = caDer.isEmpty() ? QString() : hexHash(caDer);
    add(QStringLiteral("ca.pem"), !caDer.isEmpty(),
        caDer.isEmpty() ? tr("missing or unreadable")
                        : tr("SHA-256 fingerprint %1: compare it with the organisation's")
                              .arg(v.caFingerprint));

    // The seal over the manifest.
    const auto seal = readFile(dir.filePath(QLatin1String(SealFile)));
    if (!seal) {
        add(QLatin1String(SealFile), false, tr("missing: the manifest is not sealed"));
    } else {
        auto stamped = TimeStamp::verify(*seal, *manifestBytes, caDer);
        add(QLatin1String(SealFile), bool(stamped),
            stamped ? tr("manifest sealed at %1 by %2")
                          .arg(stamped->time.toString(Qt::ISODate), stamped->authority)
                    : stamped.error().message);
    }

    // Every listed file, and nothing else.
    QSet<QString> listed{QLatin1String(ManifestFile), QLatin1String(SealFile)};
    for (const QJsonValue &f : manifest.value(QLatin1String("files")).toArray()) {
        const QString path = f.toObject().value(QLatin1String("path")).toString();
        const QString want = f.toObject().value(QLatin1String("sha256")).toString();
        if (path.isEmpty() || path.contains(QLatin1String("..")) || QDir::isAbsolutePath(path)) {
            add(path, false, tr("not a path inside the bundle"));
            continue;
        }
        listed.insert(path);
        const auto bytes = readFile(dir.filePath(path));
        if (!bytes)
            add(path, false, tr("missing"));
        else if (hexHash(*bytes) != want)
            add(path, false, tr("changed: its SHA-256 is not the one in the manifest"));
        else
            add(path, true, tr("SHA-256 matches"));
    }
    QDirIterator it(dirPath, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = dir.relativeFilePath(it.next());
        if (!listed.contains(path))
            add(path, false, tr("not in the manifest"));
    }

    // A signed folder (decisions' signatures/<step>/, confirmations'
    // confirmations/<id>/): the content signed and its CMS signature, and
    // whether the record beside it holds that same content.
    struct Signed
    {
        QByteArray content;
        QByteArray signature;
    };
    auto readSigned = [&](const QDir &root, const QString &name,
                          const QString &item) -> std::optional<Signed> {
        const auto content = readFile(root.filePath(name + QStringLiteral("/content.json")));
        const auto signature = readFile(root.filePath(name + QStringLiteral("/signature.p7s")));
        if (!content || !signature) {
            add(item, false, tr("content.json or signature.p7s is missing"));
            return std::nullopt;
        }
        return Signed{*content, *signature};
    };
    auto recordHolds = [&](const char *entity, const QString &name, const QByteArray &content) {
        const auto record = readFile(
            dir.filePath(QStringLiteral("records/%1/%2.json").arg(QLatin1String(entity), name)));
        return record
               && QJsonDocument::fromJson(*record)
                          .object()
                          .value(QLatin1String("signed_content"))
                          .toString()
                          .toUtf8()
                      == content;
    };
    auto conclude = [&](const QString &item, const QStringList &problems,
                        const QStringList &facts) {
        add(item, problems.isEmpty(),
            problems.isEmpty() ? facts.join(QStringLiteral("; "))
                               : problems.join(QStringLiteral("; ")));
    };
    auto utc = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
    };

    // Each signed decision: its signature, its trusted time, and that it
    // signed what the step's record says.
    QDir signatures(dir.filePath(QStringLiteral("signatures")));
    for (const QString &step :
         signatures.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString item = tr("decision %1").arg(step);
        const auto folder = readSigned(signatures, step, item);
        if (!folder)
            continue;
        auto decided = DecisionContent::parse(folder->content);
        auto signedBy = CmsSignature::verify(folder->content, folder->signature, caDer,
                                             decided ? decided->decidedMs : 0);
        QStringList problems, facts;
        if (!decided)
            problems.append(decided.error().message);
        if (!signedBy)
            problems.append(signedBy.error().message);
        else
            facts.append(tr("signed by %1").arg(signedBy->signerCommonName));
        if (decided)
            facts.append(
                tr("%1 at %2 (signer's clock)").arg(decided->decision, utc(decided->decidedMs)));
        if (const auto token =
                readFile(signatures.filePath(step + QStringLiteral("/timestamp.tsr")))) {
            auto stamped = TimeStamp::verify(*token, folder->signature, caDer);
            if (!stamped)
                problems.append(stamped.error().message);
            else
                facts.append(tr("trusted time %1").arg(stamped->time.toString(Qt::ISODate)));
        } else {
            facts.append(tr("no trusted time yet"));
        }
        if (!recordHolds("approval_step", step, folder->content))
            problems.append(tr("the step's record does not hold this signed content"));
        conclude(item, problems, facts);
    }

    // Each signed confirmation: its signature, and that it signed what the
    // confirmation's record says.
    QDir confirmations(dir.filePath(QStringLiteral("confirmations")));
    for (const QString &id :
         confirmations.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString item = tr("confirmation %1").arg(id);
        const auto folder = readSigned(confirmations, id, item);
        if (!folder)
            continue;
        auto confirmed = ConfirmationContent::parse(folder->content);
        auto signedBy = CmsSignature::verify(folder->content, folder->signature, caDer,
                                             confirmed ? confirmed->confirmedMs : 0);
        QStringList problems, facts;
        if (!confirmed)
            problems.append(confirmed.error().message);
        if (!signedBy)
            problems.append(signedBy.error().message);
        else
            facts.append(tr("signed by %1").arg(signedBy->signerCommonName));
        if (confirmed)
            facts.append(tr("%1% confirmed at %2 (signer's clock)")
                             .arg(confirmed->progress)
                             .arg(utc(confirmed->confirmedMs)));
        if (!recordHolds("task_confirmation", id, folder->content))
            problems.append(tr("the confirmation's record does not hold this signed content"));
        conclude(item, problems, facts);
    }

    // Each signed attribution of an issue's cause: its signature by the
    // supervisor it names, and that the attribution's record holds the
    // content and says what was signed (as WorkIssues::verify checks it).
    QDir attributions(dir.filePath(QStringLiteral("attributions")));
    for (const QString &id :
         attributions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString item = tr("attribution %1").arg(id);
        const auto folder = readSigned(attributions, id, item);
        if (!folder)
            continue;
        auto decided = AttributionContent::parse(folder->content);
        auto signedBy = CmsSignature::verify(folder->content, folder->signature, caDer,
                                             decided ? decided->atMs : 0);
        QStringList problems, facts;
        if (!decided)
            problems.append(decided.error().message);
        if (!signedBy)
            problems.append(signedBy.error().message);
        else if (decided && signedBy->signerCommonName != decided->actorLogin)
            problems.append(tr("signed with %1's certificate, not with %2's")
                                .arg(signedBy->signerCommonName, decided->actorLogin));
        else
            facts.append(tr("signed by %1").arg(signedBy->signerCommonName));
        if (decided)
            facts.append(tr("%1: %2, at %3 (signer's clock)")
                             .arg(attribution::stageTitle(decided->stage),
                                  attribution::causeTitle(decided->cause), utc(decided->atMs)));
        if (!recordHolds("attribution", id, folder->content))
            problems.append(tr("the attribution's record does not hold this signed content"));
        const auto record =
            readFile(dir.filePath(QStringLiteral("records/attribution/%1.json").arg(id)));
        const QJsonObject r = record ? QJsonDocument::fromJson(*record).object() : QJsonObject();
        auto text = [&](const char *field) { return r.value(QLatin1String(field)).toString(); };
        if (decided
            && (parseId(text("issue_id")) != decided->issueId || text("stage") != decided->stage
                || text("cause") != decided->cause || text("statement") != decided->statement
                || r.value(QLatin1String("at_ms")).toInteger() != decided->atMs
                || parseId(text("by_id")) != decided->actorEmployee))
            problems.append(tr("the attribution's record does not say what was signed"));
        conclude(item, problems, facts);
    }

    // The server log: its checkpoint under the included key, and each
    // record proved by its logged changes.
    if (!QFileInfo(dir.filePath(QLatin1String(LogDir))).exists()) {
        v.items.append({tr("server log"), true,
                        tr("no server log: the records are sealed by the manifest's time stamp "
                           "only"),
                        true});
        return v;
    }
    std::optional<SignedTreeHead> checkpoint;
    const auto keyLine = readFile(dir.filePath(QLatin1String(VerifierKeyFile)));
    std::optional<LogVerifier> verifier;
    if (!keyLine) {
        add(QLatin1String(VerifierKeyFile), false, tr("missing"));
    } else {
        // One line, as the organisation publishes it.
        const QByteArray line = keyLine->endsWith('\n') ? keyLine->chopped(1) : *keyLine;
        auto parsed = LogVerifier::fromVerifierKey(line);
        if (!parsed) {
            add(QLatin1String(VerifierKeyFile), false, parsed.error().message);
        } else {
            verifier = *parsed;
            v.logKey = QString::fromLatin1(line);
        }
    }
    if (const auto note = readFile(dir.filePath(QLatin1String(CheckpointFile))); !note) {
        add(QLatin1String(CheckpointFile), false, tr("missing"));
    } else if (!verifier) {
        add(QLatin1String(CheckpointFile), false, tr("no valid log key to check it against"));
    } else {
        auto head = parseSignedTreeHead(*note, *verifier);
        if (head)
            checkpoint = *head;
        add(QLatin1String(CheckpointFile), bool(head),
            head ? tr("signed by the log key %1 for %2 entries: compare the key with the "
                      "organisation's")
                       .arg(v.logKey)
                       .arg(head->size)
                 : head.error().message);
    }
    if (const auto pem = readFile(dir.filePath(QLatin1String(LogKeyPemFile))); pem && verifier) {
        const bool same = *pem == verifier->key().publicPem();
        add(QLatin1String(LogKeyPemFile), same,
            same ? tr("the same key as log/verifier-key") : tr("not the key of log/verifier-key"));
    }
    // Every record has a proof, and every proof a record.
    auto listedIn = [&](const QString &folder) {
        QSet<QString> out; // "<entity>/<id>"
        const QDir root(dir.filePath(folder));
        QDirIterator files(root.path(), {QStringLiteral("*.json")}, QDir::Files,
                           QDirIterator::Subdirectories);
        while (files.hasNext())
            out.insert(root.relativeFilePath(files.next()).chopped(5));
        return out;
    };
    const QSet<QString> recordFiles = listedIn(QStringLiteral("records"));
    const QSet<QString> proofFiles = listedIn(QLatin1String(ProofsDir));
    QStringList all = (recordFiles + proofFiles).values();
    all.sort();
    for (const QString &name : std::as_const(all)) {
        const QString item = tr("log proof %1").arg(name);
        if (!proofFiles.contains(name)) {
            add(item, false, tr("the record has no proof"));
            continue;
        }
        if (!recordFiles.contains(name)) {
            add(item, false, tr("a proof of a record the bundle does not hold"));
            continue;
        }
        if (!checkpoint) {
            add(item, false, tr("no valid checkpoint to check it against"));
            continue;
        }
        const QString entity = name.section(QLatin1Char('/'), 0, 0);
        const QUuid id = parseId(name.section(QLatin1Char('/'), 1));
        const auto proofBytes = readFile(dir.filePath(QLatin1String(ProofsDir) + QLatin1Char('/')
                                                      + name + QStringLiteral(".json")));
        const auto recordBytes =
            readFile(dir.filePath(QStringLiteral("records/") + name + QStringLiteral(".json")));
        auto ops = LogProofs::decode(proofBytes.value_or(QByteArray()));
        const QJsonDocument record = QJsonDocument::fromJson(recordBytes.value_or(QByteArray()));
        if (!ops) {
            add(item, false, ops.error().message);
        } else if (id.isNull() || !record.isObject()) {
            add(item, false, tr("the record is not a record file"));
        } else {
            auto checked = LogProofs::check(entity, id, *ops, *checkpoint, record.object());
            add(item, bool(checked), checked ? *checked : checked.error().message);
        }
    }
    return v;
}

} // namespace baton
