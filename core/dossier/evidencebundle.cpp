#include "evidencebundle.h"

#include "dossierdata.h"
#include "evidence/cmssignature.h"
#include "evidence/sha256.h"
#include "evidence/timestamp.h"
#include "oplog/canonicaljson.h"
#include "oplog/uuidv7.h"
#include "store/store.h"
#include "sync/serverauthority.h"
#include "workflow/decisioncontent.h"
#include "workflow/signingkeys.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslCertificate>

#include <algorithm>

namespace baton {

namespace {

constexpr char ManifestFile[] = "manifest.json";
constexpr char SealFile[] = "manifest.tsr";
constexpr char SumsFile[] = "SHA256SUMS";

QString hexHash(const QByteArray &bytes)
{
    return QString::fromLatin1(Sha256::hash(bytes).toHex());
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size()
           && f.flush();
}

std::optional<QByteArray> readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return f.readAll();
}

QString howTo()
{
    return QStringLiteral(
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
        "   the same content as its signed_content.\n"
        "\n"
        "baton-cli verify bundle DIR does all of this and prints a verdict per item.\n");
}

} // namespace

bool EvidenceBundle::Verdict::ok() const
{
    return !items.isEmpty()
           && std::all_of(items.begin(), items.end(), [](const Item &i) { return i.ok; });
}

Result<EvidenceBundle::Stamper> EvidenceBundle::localStamper(Store &store)
{
    auto ca = store.meta(QLatin1String(ServerAuthority::CaMeta));
    if (!ca)
        return ca.error();
    auto server = store.meta(QStringLiteral("sync.server_url"));
    if (!server)
        return server.error();
    if (ca->isEmpty() && !server->isEmpty())
        return Error(QStringLiteral("bundle.no_authority"),
                     tr("This database syncs with a server, whose authority seals evidence: "
                        "export the dossier on the server's database, or from Baton while "
                        "signed in."));
    auto authority = std::make_shared<ServerAuthority>(store);
    if (auto s = authority->open(); !s)
        return s.error();
    return Stamper([authority](const QByteArray &request) {
        return authority->timeStamps().respond(request);
    });
}

Status EvidenceBundle::write(Store &store, const DossierData &data, const QByteArray &pdf,
                             const QString &dirPath, const Stamper &stamper,
                             const std::function<void(int, int)> &progress)
{
    QDir dir(dirPath);
    if (dir.exists() && !dir.isEmpty())
        return Error(QStringLiteral("bundle.not_empty"),
                     tr("The folder %1 is not empty: choose an empty or new folder.")
                         .arg(QDir::toNativeSeparators(dirPath)));
    if (!QDir().mkpath(dirPath))
        return Error(QStringLiteral("bundle.io"),
                     tr("The folder %1 cannot be made.").arg(QDir::toNativeSeparators(dirPath)));
    auto anchor = SigningKeys::trustAnchor(store);
    if (!anchor)
        return anchor.error();
    if (anchor->isEmpty())
        return Error(QStringLiteral("bundle.no_authority"),
                     tr("This installation has no certificate authority yet."));

    QList<std::pair<QString, QByteArray>> files;
    files.append({QStringLiteral("dossier.pdf"), pdf});
    files.append({QStringLiteral("ca.pem"), QSslCertificate(*anchor, QSsl::Der).toPem()});
    files.append({QStringLiteral("HOW-TO-VERIFY.txt"), howTo().toUtf8()});
    auto addRecord = [&](const char *entity, const Record &r) -> Status {
        QJsonObject o = r.toJson();
        o.insert(QStringLiteral("entity"), QLatin1String(entity));
        auto json = canonicalJson(o);
        if (!json)
            return json.error();
        files.append(
            {QStringLiteral("records/%1/%2.json").arg(QLatin1String(entity), r.text(u"id")),
             *json});
        return {};
    };
    const struct
    {
        const char *entity;
        const QList<Record> &list;
    } groups[] = {{"duty", data.duties},
                  {"task", data.tasks},
                  {"task_update", data.taskUpdates},
                  {"customer", data.customers},
                  {"trail_item", data.trail},
                  {"handover_case", data.cases},
                  {"handover_item", data.caseItems},
                  {"approval_request", data.requests}};
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

    // SHA256SUMS covers the files; the manifest covers them and it.
    std::sort(files.begin(), files.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray sums;
    for (const auto &[path, bytes] : std::as_const(files))
        sums += hexHash(bytes).toLatin1() + "  " + path.toUtf8() + '\n';
    files.append({QLatin1String(SumsFile), sums});
    QJsonArray listed;
    const int total = int(files.size()) + 2;
    int done = 0;
    for (const auto &[path, bytes] : std::as_const(files)) {
        if (!writeFile(dir.filePath(path), bytes))
            return Error(
                QStringLiteral("bundle.io"),
                tr("Could not write %1.").arg(QDir::toNativeSeparators(dir.filePath(path))));
        listed.append(QJsonObject{{QStringLiteral("path"), path},
                                  {QStringLiteral("sha256"), hexHash(bytes)},
                                  {QStringLiteral("size"), qint64(bytes.size())}});
        if (progress)
            progress(++done, total);
    }
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
    auto seal = stamper(TimeStamp::request(*manifestJson));
    if (!seal)
        return seal.error();
    if (auto check = TimeStamp::verify(*seal, *manifestJson, *anchor); !check)
        return check.error();
    if (!writeFile(dir.filePath(QLatin1String(ManifestFile)), *manifestJson)
        || !writeFile(dir.filePath(QLatin1String(SealFile)), *seal))
        return Error(QStringLiteral("bundle.io"), tr("Could not write the manifest."));
    if (progress)
        progress(total, total);
    return {};
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
        v.items.append({item, ok, detail});
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

    // Each signed decision: its signature, its trusted time, and that it
    // signed what the step's record says.
    QDir signatures(dir.filePath(QStringLiteral("signatures")));
    for (const QString &step :
         signatures.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString item = tr("decision %1").arg(step);
        const auto content = readFile(signatures.filePath(step + QStringLiteral("/content.json")));
        const auto signature =
            readFile(signatures.filePath(step + QStringLiteral("/signature.p7s")));
        if (!content || !signature) {
            add(item, false, tr("content.json or signature.p7s is missing"));
            continue;
        }
        auto decided = DecisionContent::parse(*content);
        auto signedBy =
            CmsSignature::verify(*content, *signature, caDer, decided ? decided->decidedMs : 0);
        QStringList problems, facts;
        if (!decided)
            problems.append(decided.error().message);
        if (!signedBy)
            problems.append(signedBy.error().message);
        else
            facts.append(tr("signed by %1").arg(signedBy->signerCommonName));
        if (decided)
            facts.append(tr("%1 at %2 (signer's clock)")
                             .arg(decided->decision,
                                  QDateTime::fromMSecsSinceEpoch(decided->decidedMs, Qt::UTC)
                                      .toString(Qt::ISODate)));
        if (const auto token =
                readFile(signatures.filePath(step + QStringLiteral("/timestamp.tsr")))) {
            auto stamped = TimeStamp::verify(*token, *signature, caDer);
            if (!stamped)
                problems.append(stamped.error().message);
            else
                facts.append(tr("trusted time %1").arg(stamped->time.toString(Qt::ISODate)));
        } else {
            facts.append(tr("no trusted time yet"));
        }
        const auto record = readFile(dir.filePath(QStringLiteral("records/approval_step/") + step
                                                  + QStringLiteral(".json")));
        const QString recorded = record ? QJsonDocument::fromJson(*record)
                                              .object()
                                              .value(QLatin1String("signed_content"))
                                              .toString()
                                        : QString();
        if (recorded.toUtf8() != *content)
            problems.append(tr("the step's record does not hold this signed content"));
        add(item, problems.isEmpty(),
            problems.isEmpty() ? facts.join(QStringLiteral("; "))
                               : problems.join(QStringLiteral("; ")));
    }
    return v;
}

} // namespace baton
