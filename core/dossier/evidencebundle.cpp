#include "evidencebundle.h"

#include "bundlelayout.h"
#include "dossierdata.h"
#include "evidence/sha256.h"
#include "evidence/timestamp.h"
#include "oplog/canonicaljson.h"
#include "oplog/uuidv7.h"
#include "serverevidence.h"
#include "store/store.h"
#include "sync/serverauthority.h"
#include "sync/syncclient.h"
#include "workflow/signingkeys.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSslCertificate>

#include <algorithm>

namespace baton {

namespace {

using namespace bundle;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size()
           && f.flush();
}

QString howTo(bool withLog)
{
    QString text = QStringLiteral(
        "Baton evidence bundle\n"
        "=====================\n"
        "\n"
        "1. The CA: ca.pem is the organisation's certificate authority. Compare its\n"
        "   fingerprint with the one the organisation publishes:\n"
        "     openssl x509 -in ca.pem -noout -fingerprint -sha256\n"
        "\n"
        "2. The seal: manifest.tsr is an RFC 3161 time stamp over manifest.json:\n"
        "     openssl ts -verify -data manifest.json -in manifest.tsr -CAfile ca.pem\n"
        "\n"
        "3. The files: manifest.json lists every file with its SHA-256; so does\n"
        "   SHA256SUMS, for\n"
        "     sha256sum -c SHA256SUMS\n"
        "\n"
        "4. Each signed decision, from inside signatures/<step>/:\n"
        "     openssl cms -verify -binary -inform DER -in signature.p7s \\\n"
        "         -content content.json -CAfile ../../ca.pem -out /dev/null\n"
        "     openssl ts -verify -data signature.p7s -in timestamp.tsr -CAfile ../../ca.pem\n"
        "   content.json names the request, the decision, the opinion, the signer and\n"
        "   the SHA-256 of the document signed; records/approval_step/<step>.json holds\n"
        "   the same content as its signed_content. A supervisor's confirmation of\n"
        "   progress is checked the same way from inside confirmations/<id>/ (it has\n"
        "   no time stamp of its own); records/task_confirmation/<id>.json holds its\n"
        "   content. So is a supervisor's confirmation or correction of the cause of\n"
        "   an issue, from inside attributions/<id>/; records/attribution/<id>.json\n"
        "   holds its content.\n"
        "\n");
    if (withLog)
        text += QStringLiteral(
            "5. The server log: the server keeps every change it accepts in an\n"
            "   append-only Merkle log (RFC 6962) and signs its state, a checkpoint\n"
            "   (c2sp.org/tlog-checkpoint: origin, size, root) in a signed note with\n"
            "   its Ed25519 log key. log/checkpoint is one such checkpoint;\n"
            "   log/verifier-key is the key as one line, <origin>+<key id>+<key>, and\n"
            "   log/key.pem the same public key as PEM. Compare the verifier key with\n"
            "   the one the organisation publishes (baton-server init prints it as\n"
            "   \"Log key\"). The checkpoint's signature, with stock openssl 3:\n"
            "     head -n 3 log/checkpoint > checkpoint.txt\n"
            "     tail -n 1 log/checkpoint | awk '{print $3}' | base64 -d | tail -c 64 \\\n"
            "         > checkpoint.sig\n"
            "     openssl pkeyutl -verify -pubin -inkey log/key.pem -rawin \\\n"
            "         -in checkpoint.txt -sigfile checkpoint.sig\n"
            "   (the last line is the signature line: a dash, the origin, and base64 of\n"
            "   the 4-byte key id and the 64-byte signature over the first three lines).\n"
            "\n"
            "   log/proofs/<entity>/<id>.json lists the changes that made\n"
            "   records/<entity>/<id>.json, each with its position in the log (index),\n"
            "   the change itself (leaf: base64 of its canonical JSON, the log's entry)\n"
            "   and its audit path (proof: base64 SHA-256 hashes). No stock tool checks\n"
            "   these: any RFC 9162 (section 2.1.3.2) inclusion check does, with the\n"
            "   leaf hash SHA-256(0x00 || leaf) and the checkpoint's size and root.\n"
            "   baton-cli verify bundle checks them, that each change is one of that\n"
            "   record, and that replaying the changes (each field takes the value of\n"
            "   the change with the latest clock reading, hlc) gives the record as\n"
            "   written. A log shows that changes were accepted; it cannot show that\n"
            "   no other change exists. The proofs cover the changes up to the\n"
            "   checkpoint: the log as it was when the bundle was made on the server,\n"
            "   or at the exporting desktop's last sync with it.\n"
            "\n");
    else
        text += QStringLiteral(
            "5. No server log: this bundle was written by an installation without a\n"
            "   server, so its records carry no Merkle proofs; they are sealed by the\n"
            "   manifest's time stamp (step 2) only.\n"
            "\n");
    text += QStringLiteral(
        "baton-cli verify bundle DIR does all of this and prints a verdict per item.\n");
    return text;
}

} // namespace

Result<bool> EvidenceBundle::syncsWithServer(Store &store)
{
    auto server = store.meta(QString::fromLatin1(SigningKeys::ServerUrlMeta));
    if (!server)
        return server.error();
    auto pinned = store.meta(SyncClient::LogKeyKey);
    if (!pinned)
        return pinned.error();
    return !server->isEmpty() || !pinned->isEmpty();
}

Result<EvidenceBundle::Stamper> EvidenceBundle::localStamper(Store &store)
{
    auto ca = store.meta(QLatin1String(ServerAuthority::CaMeta));
    if (!ca)
        return ca.error();
    auto synced = syncsWithServer(store);
    if (!synced)
        return synced.error();
    if (ca->isEmpty() && *synced)
        return Error(QStringLiteral("bundle.no_authority"),
                     tr("This database syncs with a server, whose authority seals evidence: "
                        "export the dossier from Baton while signed in to the server, or with "
                        "baton-cli export dossier --user NAME --password-file F."));
    auto authority = std::make_shared<ServerAuthority>(store);
    if (auto s = authority->open(); !s)
        return s.error();
    return Stamper([authority](const QByteArray &request) {
        return authority->timeStamps().respond(request);
    });
}

Result<EvidenceBundle::Sources> EvidenceBundle::localSources(Store &store)
{
    auto stamper = localStamper(store);
    if (!stamper)
        return stamper.error();
    auto log = LogProofs::onServerDatabase(store);
    if (!log)
        return log.error();
    return Sources{*stamper, *log, {}};
}

Result<EvidenceBundle::Sources>
EvidenceBundle::serverSources(Store &store, SyncTransport &transport, const QByteArray &bearer)
{
    auto server = std::make_shared<ServerEvidence>(store, transport, bearer);
    auto anchor = SigningKeys::trustAnchor(store);
    if (!anchor)
        return anchor.error();
    QByteArray authority;
    if (anchor->isEmpty()) {
        auto fetched = server->authority();
        if (!fetched)
            return fetched.error();
        authority = *fetched;
    }
    // Read last, with no wait after it: the caller reads the records next,
    // before a sync round (run by events) can move the checkpoint on.
    auto log = server->log();
    if (!log)
        return log.error();
    // The evidence source lives as long as the functions that ask it.
    LogEvidence evidence = *log;
    evidence.opsOf = [server, opsOf = log->opsOf](const QString &entity, const QUuid &id) {
        return opsOf(entity, id);
    };
    return Sources{[server](const QByteArray &request) { return server->stamp(request); }, evidence,
                   authority};
}

Status EvidenceBundle::write(Store &store, const DossierData &data, const QByteArray &pdf,
                             const QString &dirPath, const Stamper &stamper,
                             const std::function<void(int, int)> &progress)
{
    return write(store, data, pdf, dirPath, Sources{stamper, std::nullopt, {}}, progress);
}

Status EvidenceBundle::write(Store &store, const DossierData &data, const QByteArray &pdf,
                             const QString &dirPath, const Sources &sources,
                             const std::function<void(int, int)> &progress)
{
    QDir dir(dirPath);
    if (dir.exists() && !dir.isEmpty())
        return Error(QStringLiteral("bundle.not_empty"),
                     tr("The folder %1 is not empty: choose an empty or new folder.")
                         .arg(QDir::toNativeSeparators(dirPath)));
    auto anchor = SigningKeys::trustAnchor(store);
    if (!anchor)
        return anchor.error();
    if (anchor->isEmpty())
        anchor = sources.authorityDer;
    if (anchor->isEmpty())
        return Error(QStringLiteral("bundle.no_authority"),
                     tr("This installation has no certificate authority yet."));

    QList<std::pair<QString, QByteArray>> files;
    files.append({QStringLiteral("dossier.pdf"), pdf});
    files.append({QStringLiteral("ca.pem"), QSslCertificate(*anchor, QSsl::Der).toPem()});
    files.append({QStringLiteral("HOW-TO-VERIFY.txt"), howTo(sources.log.has_value()).toUtf8()});
    struct Written
    {
        QString entity;
        QUuid id;
        QString name; // in file names: the id as the record holds it
        QJsonObject json;
    };
    QList<Written> records;
    auto addRecord = [&](const char *entity, const Record &r) -> Status {
        QJsonObject o = r.toJson();
        o.insert(QStringLiteral("entity"), QLatin1String(entity));
        auto json = canonicalJson(o);
        if (!json)
            return json.error();
        files.append(
            {QStringLiteral("records/%1/%2.json").arg(QLatin1String(entity), r.text(u"id")),
             *json});
        records.append({QLatin1String(entity), r.id(u"id"), r.text(u"id"), o});
        return {};
    };
    const struct
    {
        const char *entity;
        const QList<Record> &list;
    } groups[] = {{"duty", data.duties},
                  {"task", data.tasks},
                  {"task_update", data.taskUpdates},
                  {"task_confirmation", data.confirmations},
                  {"customer", data.customers},
                  {"trail_item", data.trail},
                  {"handover_case", data.cases},
                  {"handover_item", data.caseItems},
                  {"approval_request", data.requests},
                  {"work_report", data.workReports},
                  {"work_comment", data.workComments},
                  {"work_issue", data.issues},
                  {"attribution", data.attributions},
                  {"award", data.awards},
                  {"review_result", data.reviewResults}};
    if (Status s = addRecord("employee", data.employee); !s)
        return s;
    for (const auto &g : groups)
        for (const Record &r : g.list)
            if (Status s = addRecord(g.entity, r); !s)
                return s;
    for (const DossierData::Decision &d : data.decisions) {
        if (Status s = addRecord("approval_step", d.step); !s)
            return s;
        const QString folder = QStringLiteral("signatures/") + d.step.text(u"id");
        files.append(
            {folder + QStringLiteral("/content.json"), d.step.text(u"signed_content").toUtf8()});
        files.append({folder + QStringLiteral("/signature.p7s"),
                      QByteArray::fromBase64(d.step.text(u"signature").toLatin1())});
        if (!d.timestampToken.isEmpty())
            files.append({folder + QStringLiteral("/timestamp.tsr"), d.timestampToken});
    }
    // Each supervisor's confirmation, signed as a decision is (no trusted
    // time of its own: the manifest's seal dates it at the latest).
    for (const Record &c : data.confirmations) {
        const QString folder = QStringLiteral("confirmations/") + c.text(u"id");
        files.append(
            {folder + QStringLiteral("/content.json"), c.text(u"signed_content").toUtf8()});
        files.append({folder + QStringLiteral("/signature.p7s"),
                      QByteArray::fromBase64(c.text(u"signature").toLatin1())});
    }
    // Each supervisor's confirmation or correction of an issue's cause,
    // signed the same way; the employee's own statement is not signed.
    for (const Record &a : data.attributions) {
        if (!DossierData::isSigned(a))
            continue;
        const QString folder = QStringLiteral("attributions/") + a.text(u"id");
        files.append(
            {folder + QStringLiteral("/content.json"), a.text(u"signed_content").toUtf8()});
        files.append({folder + QStringLiteral("/signature.p7s"),
                      QByteArray::fromBase64(a.text(u"signature").toLatin1())});
    }
    // The trail's files this computer keeps (DocumentBlobs), by hash.
    QSet<QString> documents;
    for (const Record &t : data.trail) {
        const QString sha = t.text(u"document_sha256");
        if (sha.isEmpty() || documents.contains(sha))
            continue;
        documents.insert(sha);
        Database &db = store.database();
        SqlStatement &q =
            db.statement(QStringLiteral("SELECT content FROM document_blob WHERE sha256=?"));
        q.bind(0, sha);
        if (!q.exec())
            return db.errorFrom(q, tr("reading a document"));
        if (q.next())
            files.append({QStringLiteral("documents/") + sha, q.blob(0)});
        q.finish();
    }

    // The server log's proofs, each checked as verify will: a record the
    // log does not make (changes not yet synced, say) is refused here rather
    // than written into a bundle that fails.
    if (sources.log) {
        const LogEvidence &log = *sources.log;
        auto verifier = LogVerifier::fromVerifierKey(log.verifierKey);
        if (!verifier)
            return verifier.error();
        files.append({QLatin1String(CheckpointFile), log.checkpoint.note});
        files.append({QLatin1String(VerifierKeyFile), log.verifierKey + '\n'});
        files.append({QLatin1String(LogKeyPemFile), verifier->key().publicPem()});
        for (const Written &r : std::as_const(records)) {
            auto ops = log.opsOf(r.entity, r.id);
            if (!ops)
                return ops.error();
            if (auto check = LogProofs::check(r.entity, r.id, *ops, log.checkpoint, r.json); !check)
                return Error(
                    QStringLiteral("bundle.log_behind"),
                    tr("The %1 %2 cannot be proved by the server's log: %3. %4")
                        .arg(r.entity, idString(r.id), check.error().message, log.whenBehind));
            auto proof = LogProofs::encode(*ops);
            if (!proof)
                return proof.error();
            files.append(
                {QStringLiteral("%1/%2/%3.json").arg(QLatin1String(ProofsDir), r.entity, r.name),
                 *proof});
        }
    }

    // SHA256SUMS covers the files; the manifest covers them and it.
    std::sort(files.begin(), files.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray sums;
    for (const auto &[path, bytes] : std::as_const(files))
        sums += hexHash(bytes).toLatin1() + "  " + path.toUtf8() + '\n';
    files.append({QLatin1String(SumsFile), sums});
    QJsonArray listed;
    for (const auto &[path, bytes] : std::as_const(files))
        listed.append(QJsonObject{{QStringLiteral("path"), path},
                                  {QStringLiteral("sha256"), hexHash(bytes)},
                                  {QStringLiteral("size"), qint64(bytes.size())}});
    const Record &e = data.employee;
    QJsonObject manifest{
        {QStringLiteral("type"), QLatin1String(Type)},
        {QStringLiteral("employee_id"), e.text(u"id")},
        {QStringLiteral("employee_number"), e.text(u"number")},
        {QStringLiteral("employee_name"), data.nameOf(e.id(u"id"))},
        {QStringLiteral("from"), data.from.isValid() ? data.from.toString(Qt::ISODate) : QString()},
        {QStringLiteral("to"), data.to.isValid() ? data.to.toString(Qt::ISODate) : QString()},
        {QStringLiteral("created_ms"), store.nowMs()},
        {QStringLiteral("files"), listed}};
    auto manifestJson = canonicalJson(manifest);
    if (!manifestJson)
        return manifestJson.error();
    auto seal = sources.stamper(TimeStamp::request(*manifestJson));
    if (!seal)
        return seal.error();
    if (auto check = TimeStamp::verify(*seal, *manifestJson, *anchor); !check)
        return check.error();

    // Sealed: only now is anything written.
    if (!QDir().mkpath(dirPath))
        return Error(QStringLiteral("bundle.io"),
                     tr("The folder %1 cannot be made.").arg(QDir::toNativeSeparators(dirPath)));
    files.append({QLatin1String(ManifestFile), *manifestJson});
    files.append({QLatin1String(SealFile), *seal});
    const int total = int(files.size());
    int done = 0;
    for (const auto &[path, bytes] : std::as_const(files)) {
        if (!writeFile(dir.filePath(path), bytes))
            return Error(
                QStringLiteral("bundle.io"),
                tr("Could not write %1.").arg(QDir::toNativeSeparators(dir.filePath(path))));
        if (progress)
            progress(++done, total);
    }
    return {};
}

} // namespace baton
