#include "clicommand.h"

#include "demo/democompany.h"
#include "store/store.h"
#include "sync/httptransport.h"
#include "sync/syncwire.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUrl>

#include <atomic>
#include <memory>

namespace baton {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DemoCommand)
};
} // namespace

Result<QUrl> serverUrl(const QString &text); // synccommand.cpp

// Sends everything a new demo store holds to an empty server, as its
// first-run setup (POST /v1/setup), in batches.
Status loadIntoServer(Store &store, const QUrl &url, QTextStream &err)
{
    HttpTransport transport(url);
    qint64 sent = 0;
    const qint64 total = store.pendingOutboxCount();
    for (;;) {
        auto ops = store.pendingOps(wire::MaxOpsPerPush);
        if (!ops)
            return ops.error();
        if (ops->isEmpty())
            return {};
        HttpCall call;
        call.method = "POST";
        call.path = QStringLiteral("/v1/setup");
        call.body = wire::pushRequestBody(*ops);
        HttpReply reply;
        QEventLoop loop;
        transport.send(call, [&](const HttpReply &r) {
            reply = r;
            loop.quit();
        });
        loop.exec();
        if (reply.status == 0)
            return Error(
                QStringLiteral("sync.offline"),
                Tr::tr("The server %1 could not be reached: %2").arg(url.toString(), reply.error));
        if (reply.status != 200)
            return wire::errorFromBody(reply.status, reply.body);
        auto results = wire::parsePushReply(reply.body);
        if (!results)
            return results.error();
        QList<QUuid> taken;
        for (const wire::PushResult &r : std::as_const(*results)) {
            if (r.status == wire::PushResult::Status::Rejected)
                return Error(r.reason.code,
                             Tr::tr("The server refused part of the demo company: %1")
                                 .arg(r.reason.message));
            taken.append(r.opId);
        }
        if (auto s = store.markPushed(taken); !s)
            return s;
        sent += taken.size();
        err << Tr::tr("%1 of %2 changes loaded into the server").arg(sent).arg(total) << Qt::endl;
    }
}

int runDemo(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CliCommand cli(out, err);
    QCommandLineParser parser;
    parser.addOption(CliCommand::databaseOption());
    parser.addOption({QStringLiteral("employees"), Tr::tr("Number of employees (20 to 200000)."),
                      Tr::tr("N"), QStringLiteral("300")});
    parser.addOption({QStringLiteral("seed"), Tr::tr("Seed: the same seed gives the same company."),
                      Tr::tr("S"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("locale"), Tr::tr("Names and texts: zh_CN or en."),
                      Tr::tr("LOCALE"), QStringLiteral("zh_CN")});
    parser.addOption({QStringLiteral("today"),
                      Tr::tr("Build the company as of this date (YYYY-MM-DD) instead of today."),
                      Tr::tr("DATE")});
    parser.addOption({QStringLiteral("audit-entries"),
                      Tr::tr("Add routine history until the audit trail holds N entries "
                             "(benchmark data)."),
                      Tr::tr("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("server"),
                      Tr::tr("Load the company into this running, empty baton-server instead "
                             "(from the server's own machine)."),
                      Tr::tr("URL")});
    if (!cli.parse(parser, args,
                   Tr::tr("Usage: baton-cli demo --employees N --seed S (--database FILE | "
                          "--server URL) [--locale zh_CN|en]")))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;

    DemoOptions options;
    bool ok = false;
    options.employees = parser.value(QStringLiteral("employees")).toInt(&ok);
    if (!ok) {
        err << Tr::tr("--employees needs a whole number.") << Qt::endl;
        return ExitUsage;
    }
    options.seed = parser.value(QStringLiteral("seed")).toUInt(&ok);
    if (!ok) {
        err << Tr::tr("--seed needs a whole number.") << Qt::endl;
        return ExitUsage;
    }
    options.locale = parser.value(QStringLiteral("locale"));
    if (options.locale != QLatin1String("zh_CN") && options.locale != QLatin1String("en")) {
        err << Tr::tr("--locale is zh_CN or en.") << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("today"))) {
        options.today = QDate::fromString(parser.value(QStringLiteral("today")), Qt::ISODate);
        if (!options.today.isValid()) {
            err << Tr::tr("--today needs a date as YYYY-MM-DD.") << Qt::endl;
            return ExitUsage;
        }
    }
    options.auditEntries = parser.value(QStringLiteral("audit-entries")).toLongLong(&ok);
    if (!ok || options.auditEntries < 0) {
        err << Tr::tr("--audit-entries needs a whole number.") << Qt::endl;
        return ExitUsage;
    }
    options.progress = [&err](const QString &text) { err << text << Qt::endl; };

    // With --server the company is made in a scratch database (or the one
    // given) and then loaded into the running server.
    std::optional<QUrl> server;
    if (parser.isSet(QStringLiteral("server"))) {
        auto url = serverUrl(parser.value(QStringLiteral("server")));
        if (!url)
            return cli.fail(url.error());
        server = *url;
        // Decisions are signed under the CA of the server they reach, which
        // certifies keys only for accounts it knows: the requests go in
        // waiting, and people decide them from their desktops.
        options.signedDecisions = false;
    }
    QTemporaryDir scratch;
    QString path = parser.value(QStringLiteral("database"));
    if (server && path.isEmpty())
        path = scratch.filePath(QStringLiteral("demo.db"));
    // The demo's history includes a departure signed weeks ago: the store's
    // clock is set back while the builder makes it (DemoOptions::shiftClock).
    auto clockOffset = std::make_shared<std::atomic<qint64>>(0);
    options.shiftClock = [clockOffset](qint64 ms) { clockOffset->store(ms); };
    auto store = cli.openStore(
        path, [clockOffset] { return QDateTime::currentMSecsSinceEpoch() - clockOffset->load(); });
    if (!store)
        return ExitFailed;
    QElapsedTimer timer;
    timer.start();
    auto users = DemoCompany::create(*store, options);
    if (!users)
        return cli.fail(users.error());
    if (server)
        if (auto s = loadIntoServer(*store, *server, err); !s)
            return cli.fail(s.error());
    for (const DemoUser &u : std::as_const(*users))
        out << QStringLiteral("login: %1 password: %2 role: %3").arg(u.login, u.password, u.role)
            << Qt::endl;
    err << Tr::tr("Demo company written to %1 in %2 s.")
               .arg(server ? server->toString() : store->database().displayName())
               .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
        << Qt::endl;
    return ExitOk;
}

} // namespace baton
