#include "clicommand.h"

#include "store/store.h"
#include "sync/httptransport.h"
#include "sync/syncclient.h"

#include <QEventLoop>
#include <QUrl>

namespace baton {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SyncCommand)
};

const QString CertKey = QStringLiteral("sync.server_certificate");
const QString ServerKey = QStringLiteral("sync.server_url");
} // namespace

// The server address a user typed, or an error message.
Result<QUrl> serverUrl(const QString &text)
{
    const QUrl url = QUrl::fromUserInput(text);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return Error(
            QStringLiteral("sync.url"),
            Tr::tr("\"%1\" is not a server address such as https://baton.example:8443.").arg(text));
    return url;
}

int runSync(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CliCommand cli(out, err);
    QCommandLineParser parser;
    parser.addOption(CliCommand::databaseOption());
    parser.addOption({QStringLiteral("server"),
                      Tr::tr("The server, e.g. https://baton.example:8443."), Tr::tr("URL")});
    parser.addOption({QStringLiteral("user"), Tr::tr("The account to sync as."), Tr::tr("NAME")});
    parser.addOption({QStringLiteral("password-file"),
                      Tr::tr("A file whose first line is the account's password."), Tr::tr("F")});
    if (!cli.parse(parser, args,
                   Tr::tr("Usage: baton-cli sync --database FILE --server URL --user NAME "
                          "--password-file F")))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    for (const char *required : {"server", "user", "password-file"})
        if (!parser.isSet(QLatin1String(required))) {
            err << Tr::tr("--%1 is required.").arg(QLatin1String(required)) << Qt::endl;
            return ExitUsage;
        }
    auto url = serverUrl(parser.value(QStringLiteral("server")));
    if (!url)
        return cli.fail(url.error());
    const QString password = cli.readPasswordFile(parser.value(QStringLiteral("password-file")));
    if (password.isEmpty())
        return ExitFailed;
    auto store = cli.openStore(parser.value(QStringLiteral("database")));
    if (!store)
        return ExitFailed;

    HttpTransport transport(*url);
    auto pinned = store->meta(CertKey);
    if (!pinned)
        return cli.fail(pinned.error());
    transport.setPinnedCertificate(pinned->toLatin1());
    QObject::connect(&transport, &HttpTransport::certificatePinned, [&](const QByteArray &sha) {
        (void)store->setMeta(CertKey, QString::fromLatin1(sha));
        err << Tr::tr("Pinned the server's certificate (SHA-256 %1).").arg(QString::fromLatin1(sha))
            << Qt::endl;
    });
    QObject::connect(&transport, &HttpTransport::certificateChanged,
                     [&](const QByteArray &was, const QByteArray &now) {
                         err << Tr::tr("WARNING: the server's certificate changed (SHA-256 was %1, "
                                       "now %2).")
                                    .arg(QString::fromLatin1(was), QString::fromLatin1(now))
                             << Qt::endl;
                     });
    (void)store->setMeta(ServerKey, url->toString());

    SyncClient client(*store, transport);
    client.setCredentials(parser.value(QStringLiteral("user")), password);
    QEventLoop loop;
    SyncOutcome outcome;
    QObject::connect(&client, &SyncClient::finished, &loop, [&](const SyncOutcome &o) {
        outcome = o;
        loop.quit();
    });
    QObject::connect(&client, &SyncClient::progress, [&](qint64 done, qint64 total) {
        if (total > 10000)
            err << Tr::tr("Pulled %1 of %2 log entries").arg(done).arg(total) << Qt::endl;
    });
    client.start();
    if (client.isRunning())
        loop.exec();

    if (!outcome.ok) {
        if (outcome.error.code.startsWith(QLatin1String("log."))
            || outcome.error.code == QLatin1String("sync.alarm")) {
            err << Tr::tr("ALARM: the server's history does not add up. %1")
                       .arg(outcome.error.message)
                << Qt::endl
                << Tr::tr("Sync is stopped on this device. Keep this database as evidence and "
                          "tell the administrator.")
                << Qt::endl;
            return 3;
        }
        err << outcome.error.message << Qt::endl;
        return ExitFailed;
    }
    out << Tr::tr("In step with %1: sent %2, refused %3, received %4 (%5 not for this device's "
                  "records); the server's log of %6 entries checks out.")
               .arg(url->toString())
               .arg(outcome.pushed)
               .arg(outcome.refused)
               .arg(outcome.pulled)
               .arg(outcome.skipped)
               .arg(outcome.logSize)
        << Qt::endl;
    if (outcome.refused > 0)
        out << Tr::tr("Refused changes were taken back on this device and are listed under "
                      "Conflicts.")
            << Qt::endl;
    return ExitOk;
}

} // namespace baton
