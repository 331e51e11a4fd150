// baton-cli verify request ID / export request ID --out DIR: an approval
// request's evidence, checked here or written out for stock openssl.
#include "clicommand.h"

#include "oplog/uuidv7.h"
#include "policy/policy.h"
#include "store/database.h"
#include "store/store.h"
#include "workflow/approvals.h"
#include "workflow/approvalverifier.h"
#include "workflow/decisioncontent.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSslCertificate>

namespace baton {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RequestCommand)
};

QString utc(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs)
              : Tr::tr("(none)");
}

// Parses "COMMAND request ID [options]"; returns the id and the store.
struct Target
{
    QUuid id;
    QString database;
    QString out;
};

std::optional<Target> parseTarget(const QStringList &args, CliCommand &cli, bool wantsOut,
                                  const QString &usage, int *exit)
{
    QStringList rest = args;
    if (rest.size() < 3 || rest[1] != QLatin1String("request")) {
        cli.err() << usage << Qt::endl;
        *exit = ExitUsage;
        return std::nullopt;
    }
    const QUuid id = parseId(rest[2]);
    rest.remove(1, 2);
    QCommandLineParser parser;
    parser.addOption(CliCommand::databaseOption());
    if (wantsOut)
        parser.addOption(
            {QStringLiteral("out"), Tr::tr("Folder to write the evidence to."), Tr::tr("DIR")});
    if (!cli.parse(parser, rest, usage)) {
        *exit = parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
        return std::nullopt;
    }
    Target t{id, parser.value(QStringLiteral("database")),
             wantsOut ? parser.value(QStringLiteral("out")) : QString()};
    if (id.isNull()) {
        cli.err() << Tr::tr("\"%1\" is not a request id.").arg(args[2]) << Qt::endl;
        *exit = ExitUsage;
        return std::nullopt;
    }
    if (t.database.isEmpty()
        || (!Database::isPostgresAddress(t.database) && !QFileInfo::exists(t.database))) {
        cli.err() << Tr::tr("Give an existing database file with --database FILE.") << Qt::endl;
        *exit = ExitUsage;
        return std::nullopt;
    }
    if (wantsOut && t.out.isEmpty()) {
        cli.err() << Tr::tr("Give the folder to write to with --out DIR.") << Qt::endl;
        *exit = ExitUsage;
        return std::nullopt;
    }
    return t;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size()
           && f.flush();
}

QString fileSafe(QString name)
{
    // Letters of any script stay; what a file system or shell reads
    // specially does not.
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f\\s]"));
    name.replace(unsafe, QStringLiteral("_"));
    return name.left(80);
}

} // namespace

int runVerify(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CliCommand cli(out, err);
    int exit = ExitOk;
    const QString usage = Tr::tr("Usage: baton-cli verify request ID --database FILE|URL");
    auto target = parseTarget(args, cli, false, usage, &exit);
    if (!target)
        return exit;
    auto store = cli.openStore(target->database);
    if (!store)
        return ExitFailed;
    auto check = ApprovalVerifier::verify(*store, target->id);
    if (!check)
        return cli.fail(check.error());
    out << Tr::tr("Request \"%1\" (%2)").arg(check->subject, idString(check->requestId))
        << Qt::endl;
    for (const DecisionCheck &d : check->decisions) {
        out << Tr::tr("  round %1, %2: %3 by %4")
                   .arg(d.round)
                   .arg(d.title, d.decision, d.signer.isEmpty() ? Tr::tr("(unknown)") : d.signer)
            << Qt::endl;
        out << Tr::tr("    signature: %1").arg(d.signatureOk ? Tr::tr("OK") : Tr::tr("FAILED"))
            << Qt::endl;
        out << Tr::tr("    signed content matches the records: %1")
                   .arg(d.contentOk ? Tr::tr("OK") : Tr::tr("FAILED"))
            << Qt::endl;
        if (d.hasTimestamp)
            out << Tr::tr("    trusted time: %1 (%2); signer's clock: %3")
                       .arg(d.timestampOk ? Tr::tr("OK") : Tr::tr("FAILED"), utc(d.trustedMs),
                            utc(d.decidedMs))
                << Qt::endl;
        else
            out << Tr::tr("    trusted time: not yet (it is added when the decision reaches the "
                          "server); signer's clock: %1")
                       .arg(utc(d.decidedMs))
                << Qt::endl;
        for (const QString &p : d.problems)
            out << QStringLiteral("    ! ") << p << Qt::endl;
    }
    out << Tr::tr("  audit entries of every change: %1")
               .arg(check->auditComplete ? Tr::tr("OK") : Tr::tr("FAILED"))
        << Qt::endl;
    out << Tr::tr("  audit chain: %1").arg(check->chainIntact ? Tr::tr("OK") : Tr::tr("BROKEN"))
        << Qt::endl;
    for (const QString &p : check->problems)
        out << QStringLiteral("  ! ") << p << Qt::endl;
    out << (check->ok() ? Tr::tr("VERIFIED") : Tr::tr("FAILED")) << Qt::endl;
    return check->ok() ? ExitOk : ExitFailed;
}

int runExport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CliCommand cli(out, err);
    int exit = ExitOk;
    const QString usage =
        Tr::tr("Usage: baton-cli export request ID --out DIR --database FILE|URL");
    auto target = parseTarget(args, cli, true, usage, &exit);
    if (!target)
        return exit;
    auto store = cli.openStore(target->database);
    if (!store)
        return ExitFailed;
    // The export is the evidence as this replica holds it: read with the
    // whole view, as the verifier does.
    Actor everyone;
    everyone.roles.append(RoleAssignment{Role::Admin, {}, 0, 0});
    everyone.login = QStringLiteral("baton-cli");
    everyone.userId = QUuid::createUuid();
    Approvals approvals(*store);
    auto v = approvals.detail(everyone, target->id);
    if (!v)
        return cli.fail(v.error());
    auto anchor = SigningKeys::trustAnchor(*store);
    if (!anchor)
        return cli.fail(anchor.error());
    QDir dir(target->out);
    if (!dir.mkpath(QStringLiteral("."))) {
        err << Tr::tr("Cannot create the folder %1.").arg(target->out) << Qt::endl;
        return ExitFailed;
    }
    bool ok = true;
    if (!anchor->isEmpty())
        ok = writeFile(dir.filePath(QStringLiteral("ca.pem")),
                       QSslCertificate(*anchor, QSsl::Der).toPem());

    QJsonArray decisions;
    dir.mkpath(QStringLiteral("attachments"));
    for (const auto &a : v->attachments) {
        auto content = approvals.attachmentContent(everyone, a.id);
        if (!content)
            return cli.fail(content.error());
        ok = ok
             && writeFile(
                 dir.filePath(
                     QStringLiteral("attachments/%1-%2").arg(a.sha256.left(12), fileSafe(a.name))),
                 *content);
    }
    int n = 0;
    for (const auto &s : v->steps) {
        if (s.signature.isEmpty())
            continue;
        const QString name = QStringLiteral("decision-%1-r%2-%3")
                                 .arg(++n, 2, 10, QLatin1Char('0'))
                                 .arg(s.round)
                                 .arg(fileSafe(s.nodeKey));
        dir.mkpath(name);
        ok = ok && writeFile(dir.filePath(name + QStringLiteral("/content.json")), s.signedContent)
             && writeFile(dir.filePath(name + QStringLiteral("/signature.p7s")), s.signature);
        if (!s.timestampToken.isEmpty())
            ok = ok
                 && writeFile(dir.filePath(name + QStringLiteral("/timestamp.tsr")),
                              s.timestampToken);
        decisions.append(QJsonObject{
            {QStringLiteral("folder"), name},
            {QStringLiteral("step_id"), idString(s.id)},
            {QStringLiteral("round"), s.round},
            {QStringLiteral("node"), s.title},
            {QStringLiteral("decision"), s.state},
            {QStringLiteral("decided_by"), s.decidedByName},
            {QStringLiteral("opinion"), s.opinion},
            {QStringLiteral("signer_time_utc"), utc(s.decidedMs)},
            {QStringLiteral("trusted_time_utc"), s.timestampMs ? utc(s.timestampMs) : QString()},
        });
    }
    QJsonArray files;
    for (const auto &a : v->attachments)
        files.append(QJsonObject{{QStringLiteral("name"), a.name},
                                 {QStringLiteral("sha256"), a.sha256},
                                 {QStringLiteral("size"), a.size},
                                 {QStringLiteral("round"), a.round}});
    const QJsonObject summary{
        {QStringLiteral("request_id"), idString(v->id)},
        {QStringLiteral("subject"), v->subject},
        {QStringLiteral("body"), v->body},
        {QStringLiteral("amount_minor_units"), v->amount},
        {QStringLiteral("currency"), v->currency},
        {QStringLiteral("workflow"), v->templateName},
        {QStringLiteral("workflow_version"), v->templateVersion},
        {QStringLiteral("submitted_by"), v->submitterName},
        {QStringLiteral("submitted_utc"), utc(v->submittedMs)},
        {QStringLiteral("state"), RequestProgress::stateKey(v->progress.state)},
        {QStringLiteral("decisions"), decisions},
        {QStringLiteral("attachments"), files},
    };
    ok = ok
         && writeFile(dir.filePath(QStringLiteral("request.json")),
                      QJsonDocument(summary).toJson(QJsonDocument::Indented));
    // The commands a third party runs, without Baton.
    const QByteArray howTo =
        "Each decision-* folder holds the exact content that was signed (content.json),\n"
        "its detached CMS signature (signature.p7s, DER) and, once the decision reached\n"
        "the server, an RFC 3161 time-stamp token over the signature (timestamp.tsr).\n"
        "ca.pem is the organisation's certificate authority. From inside a folder:\n"
        "\n"
        "  openssl cms -verify -binary -inform DER -in signature.p7s \\\n"
        "      -content content.json -CAfile ../ca.pem -out /dev/null\n"
        "  openssl ts -verify -data signature.p7s -in timestamp.tsr -CAfile ../ca.pem\n"
        "\n"
        "content.json names the SHA-256 of the document and of every attached file;\n"
        "the files are in attachments/ under the first 12 hex digits of their SHA-256.\n";
    ok = ok && writeFile(dir.filePath(QStringLiteral("HOW-TO-VERIFY.txt")), howTo);
    if (!ok) {
        err << Tr::tr("Could not write the evidence to %1.").arg(target->out) << Qt::endl;
        return ExitFailed;
    }
    out << Tr::tr("Wrote %n signed decision(s) of \"%1\" to %2.", nullptr, n)
               .arg(v->subject, QDir::toNativeSeparators(dir.absolutePath()))
        << Qt::endl;
    return ExitOk;
}

} // namespace baton
