// baton-cli export dossier --employee NUMBER --database FILE --out DIR
// [--from DATE --to DATE] [--user NAME --password-file F]: the
// responsibility dossier (dossier.pdf) inside its evidence bundle; on a
// database that syncs with a server, the server seals it and proves its
// records, for the account signed in. baton-cli verify bundle DIR: checks
// one offline.
#include "clicommand.h"

#include "dossier/dossierdata.h"
#include "dossier/evidencebundle.h"
#include "dossier/serverevidence.h"
#include "dossierpdf.h"
#include "oplog/uuidv7.h"
#include "store/store.h"
#include "sync/httptransport.h"
#include "workflow/signingkeys.h"

#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>
#include <QUrl>

namespace baton {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DossierCommand)
};

std::optional<QDate> dateOption(const QCommandLineParser &parser, const char *name,
                                QTextStream &err, bool *bad)
{
    if (!parser.isSet(QLatin1String(name)))
        return QDate();
    const QString text = parser.value(QLatin1String(name));
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid()) {
        err << Tr::tr("\"%1\" is not a date: write it as YYYY-MM-DD.").arg(text) << Qt::endl;
        *bad = true;
        return std::nullopt;
    }
    return d;
}
} // namespace

int runExportDossier(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CliCommand cli(out, err);
    const QString usage = Tr::tr("Usage: baton-cli export dossier --employee NUMBER --database "
                                 "FILE --out DIR [--from DATE --to DATE] [--user NAME "
                                 "--password-file F]");
    QStringList rest = args;
    rest.removeAt(1); // "dossier"
    QCommandLineParser parser;
    parser.addOption(CliCommand::databaseOption());
    parser.addOption(
        {QStringLiteral("employee"), Tr::tr("Number of the employee."), Tr::tr("NUMBER")});
    parser.addOption({QStringLiteral("out"),
                      Tr::tr("New or empty folder for the dossier and "
                             "its evidence."),
                      Tr::tr("DIR")});
    parser.addOption(
        {QStringLiteral("from"), Tr::tr("First day of the period (YYYY-MM-DD)."), Tr::tr("DATE")});
    parser.addOption(
        {QStringLiteral("to"), Tr::tr("Last day of the period (YYYY-MM-DD)."), Tr::tr("DATE")});
    parser.addOption({QStringLiteral("user"),
                      Tr::tr("On a database that syncs with a server: the account to sign in "
                             "as, so that the server seals the bundle."),
                      Tr::tr("NAME")});
    parser.addOption({QStringLiteral("password-file"),
                      Tr::tr("A file whose first line is that account's password."), Tr::tr("F")});
    if (!cli.parse(parser, rest, usage))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    if (!parser.isSet(QStringLiteral("employee")) || !parser.isSet(QStringLiteral("out"))) {
        err << usage << Qt::endl;
        return ExitUsage;
    }
    bool bad = false;
    const auto from = dateOption(parser, "from", err, &bad);
    const auto to = dateOption(parser, "to", err, &bad);
    if (bad)
        return ExitUsage;
    if (from->isValid() && to->isValid() && *to < *from) {
        err << Tr::tr("The period ends (%1) before it begins (%2).")
                   .arg(to->toString(Qt::ISODate), from->toString(Qt::ISODate))
            << Qt::endl;
        return ExitUsage;
    }
    const QString database = parser.value(QStringLiteral("database"));
    if (!database.isEmpty() && !Database::isPostgresAddress(database)
        && !QFileInfo::exists(database)) {
        err << Tr::tr("Give an existing database file with --database FILE.") << Qt::endl;
        return ExitUsage;
    }
    auto store = cli.openStore(database);
    if (!store)
        return ExitFailed;
    Database &db = store->database();
    SqlStatement &q =
        db.statement(QStringLiteral("SELECT id FROM employee WHERE number=? AND retired=0"));
    q.bind(0, parser.value(QStringLiteral("employee")));
    if (!q.exec())
        return cli.fail(db.errorFrom(q, Tr::tr("finding the employee")));
    const QUuid employee = q.next() ? parseId(q.text(0)) : QUuid();
    q.finish();
    if (employee.isNull())
        return cli.fail(Error(QStringLiteral("cli.no_employee"),
                              Tr::tr("There is no employee with the number %1.")
                                  .arg(parser.value(QStringLiteral("employee")))));
    // Who seals and proves: this installation, or the server it syncs with.
    auto synced = EvidenceBundle::syncsWithServer(*store);
    if (!synced)
        return cli.fail(synced.error());
    std::unique_ptr<HttpTransport> transport;
    QByteArray session;
    std::optional<EvidenceBundle::Sources> sources;
    if (*synced) {
        if (!parser.isSet(QStringLiteral("user"))
            || !parser.isSet(QStringLiteral("password-file"))) {
            err << Tr::tr("This database syncs with a server, which seals the bundle and proves "
                          "its records: give --user NAME --password-file F to sign in to it.")
                << Qt::endl;
            return ExitUsage;
        }
        auto url = store->meta(QString::fromLatin1(SigningKeys::ServerUrlMeta));
        if (!url)
            return cli.fail(url.error());
        if (url->isEmpty())
            return cli.fail(Error(QStringLiteral("sync.url"),
                                  Tr::tr("This database has no server address: run baton-cli sync "
                                         "--server URL first.")));
        const QString password =
            cli.readPasswordFile(parser.value(QStringLiteral("password-file")));
        if (password.isEmpty())
            return ExitFailed;
        transport = std::make_unique<HttpTransport>(QUrl(*url));
        transport->setTimeoutMs(30000);
        const QString certKey = QStringLiteral("sync.server_certificate"); // as baton-cli sync
        auto pinned = store->meta(certKey);
        if (!pinned)
            return cli.fail(pinned.error());
        transport->setPinnedCertificate(pinned->toLatin1());
        QObject::connect(transport.get(), &HttpTransport::certificatePinned,
                         [&](const QByteArray &sha) {
                             (void)store->setMeta(certKey, QString::fromLatin1(sha));
                         });
        QObject::connect(
            transport.get(), &HttpTransport::certificateChanged,
            [&](const QByteArray &was, const QByteArray &now) {
                err << Tr::tr("WARNING: the server's certificate changed (SHA-256 was %1, now %2).")
                           .arg(QString::fromLatin1(was), QString::fromLatin1(now))
                    << Qt::endl;
            });
        auto token = ServerEvidence::signIn(*store, *transport,
                                            parser.value(QStringLiteral("user")), password);
        if (!token)
            return cli.fail(token.error());
        session = *token;
        auto fromServer = EvidenceBundle::serverSources(*store, *transport, session);
        if (!fromServer) {
            ServerEvidence::signOut(*transport, session);
            return cli.fail(fromServer.error());
        }
        sources = *fromServer;
    } else {
        auto local = EvidenceBundle::localSources(*store);
        if (!local)
            return cli.fail(local.error());
        sources = *local;
    }
    // The session ends with the command, whichever way it ends.
    const auto signOut = qScopeGuard([&] {
        if (transport && !session.isEmpty())
            ServerEvidence::signOut(*transport, session);
    });
    auto data = DossierCollector(*store).collect(employee, *from, *to);
    if (!data)
        return cli.fail(data.error());
    const QByteArray pdf = DossierPdf::render(*data);
    if (pdf.isEmpty())
        return cli.fail(Error(QStringLiteral("dossier.pdf"), Tr::tr("The PDF could not be made.")));
    const QString dir = parser.value(QStringLiteral("out"));
    if (Status s = EvidenceBundle::write(*store, *data, pdf, dir, *sources); !s)
        return cli.fail(s.error());
    if (Status s = store->recordEvent(
            QStringLiteral("export"), QStringLiteral("ok"), {}, QStringLiteral("baton-cli"),
            QStringLiteral("responsibility dossier of %1 to %2").arg(data->nameOf(employee), dir),
            QStringLiteral("employee"), employee);
        !s)
        return cli.fail(s.error());
    out << Tr::tr("Wrote the dossier of %1 (%2 items) to %3: dossier.pdf and its evidence.")
               .arg(data->nameOf(employee))
               .arg(data->itemCount())
               .arg(QDir::toNativeSeparators(dir))
        << Qt::endl;
    if (sources->log)
        out << Tr::tr("Its records are proved by the server's log (checkpoint of %1 entries, "
                      "log key %2).")
                   .arg(sources->log->checkpoint.size)
                   .arg(QString::fromLatin1(sources->log->verifierKey))
            << Qt::endl;
    else
        out << Tr::tr("There is no server log here: the records are sealed by the time stamp "
                      "only.")
            << Qt::endl;
    return ExitOk;
}

int runVerifyBundle(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.size() != 3) {
        err << Tr::tr("Usage: baton-cli verify bundle DIR") << Qt::endl;
        return ExitUsage;
    }
    auto verdict = EvidenceBundle::verify(args[2]);
    if (!verdict) {
        err << verdict.error().message << Qt::endl;
        return ExitFailed;
    }
    int failed = 0;
    for (const EvidenceBundle::Item &i : verdict->items) {
        out << (i.informational ? Tr::tr("INFO    ")
                                : (i.ok ? Tr::tr("OK      ") : Tr::tr("FAILED  ")))
            << i.item << ": " << i.detail << Qt::endl;
        failed += i.ok ? 0 : 1;
    }
    if (verdict->ok()) {
        out << Tr::tr("VERIFIED: %n item(s) check out. CA fingerprint (SHA-256): %1", nullptr,
                      int(verdict->items.size()))
                   .arg(verdict->caFingerprint)
            << Qt::endl;
        if (!verdict->logKey.isEmpty())
            out << Tr::tr("Log key: %1 (compare it with the organisation's, as for the CA)")
                       .arg(verdict->logKey)
                << Qt::endl;
        return ExitOk;
    }
    out << Tr::tr("FAILED: %n item(s) do not check out.", nullptr, failed) << Qt::endl;
    return ExitFailed;
}

} // namespace baton
