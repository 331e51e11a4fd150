// baton-server: the central copy that branch stores and desktops sync with
// (DESIGN.md section 5). Two commands:
//
//   baton-server init --database URL [--tls-dir DIR] [--host NAME ...]
//   baton-server run  --database URL --listen HOST:PORT [--tls-cert F --tls-key F]
//
// URL is a SQLite file path (the default, nothing else to install) or
// postgresql://user:password@host:port/dbname.
#include "evidence/tlscertificate.h"
#include "httpfront.h"
#include "store/postgresaddress.h"
#include "store/store.h"
#include "sync/serverlog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTextStream>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace baton;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(BatonServer)
};

enum { ExitOk = 0, ExitFailed = 1, ExitUsage = 2 };

QString usage()
{
    return Tr::tr("Usage: baton-server COMMAND [options]\n"
                  "\n"
                  "Commands:\n"
                  "  init --database URL [--tls-dir DIR] [--host NAME ...]\n"
                  "        Create (or upgrade) the server's database, its log key and a TLS\n"
                  "        certificate for HTTPS.\n"
                  "  run --database URL --listen HOST:PORT [--tls-cert FILE --tls-key FILE]\n"
                  "        Serve sync. Plain HTTP only on a loopback address; anywhere else\n"
                  "        give the TLS certificate and key (init prints their paths).\n"
                  "\n"
                  "URL is a SQLite file path or postgresql://user:password@host:port/dbname.");
}

QCommandLineOption databaseOption()
{
    return {QStringList{QStringLiteral("database"), QStringLiteral("d")},
            Tr::tr("The server's database: a file path or a postgresql:// URL."), Tr::tr("URL")};
}

// Passwords in a database URL never reach the terminal or a log.
QString withoutPassword(const QString &url)
{
    if (!PostgresAddress::looksLikeUrl(url))
        return url;
    auto address = PostgresAddress::parse(url);
    return address ? address->displayName() : QStringLiteral("postgresql://...");
}

bool parse(QCommandLineParser &parser, const QStringList &args, QTextStream &out, QTextStream &err)
{
    parser.addHelpOption();
    if (!parser.parse(args)) {
        err << parser.errorText() << Qt::endl << usage() << Qt::endl;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << usage() << Qt::endl << parser.helpText();
        return false;
    }
    if (parser.value(QStringLiteral("database")).isEmpty()) {
        err << Tr::tr("Give the database with --database URL.") << Qt::endl;
        return false;
    }
    return true;
}

QString defaultTlsDir(const QString &database)
{
    const QFileInfo file(database);
    if (!database.contains(QLatin1String("://")))
        return file.absolutePath() + QStringLiteral("/baton-server-tls");
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/tls");
}

bool writeFile(const QString &path, const QByteArray &bytes, QFileDevice::Permissions perms)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.setPermissions(perms);
    return f.write(bytes) == bytes.size() && f.flush();
}

int runInit(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    parser.addOption({QStringLiteral("tls-dir"),
                      Tr::tr("Where to write the TLS certificate and key (default: beside the "
                             "database file)."),
                      Tr::tr("DIR")});
    parser.addOption({QStringLiteral("host"),
                      Tr::tr("A name or address clients use to reach the server (repeatable)."),
                      Tr::tr("NAME")});
    if (!parse(parser, args, out, err))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    const QString database = parser.value(QStringLiteral("database"));

    Store::Options options;
    options.path = database;
    auto store = Store::open(options);
    if (!store) {
        err << store.error().message << Qt::endl;
        return ExitFailed;
    }
    ServerLog log(**store);
    if (auto s = log.open(); !s) {
        err << s.error().message << Qt::endl;
        return ExitFailed;
    }

    const QString tlsDir = parser.isSet(QStringLiteral("tls-dir"))
                               ? parser.value(QStringLiteral("tls-dir"))
                               : defaultTlsDir(database);
    const QString certPath = tlsDir + QStringLiteral("/cert.pem");
    const QString keyPath = tlsDir + QStringLiteral("/key.pem");
    if (!QFile::exists(certPath) || !QFile::exists(keyPath)) {
        QStringList hosts = parser.values(QStringLiteral("host"));
        hosts.prepend(QSysInfo::machineHostName());
        auto identity = TlsCertificate::selfSigned(hosts.constFirst(), hosts);
        if (!identity) {
            err << identity.error().message << Qt::endl;
            return ExitFailed;
        }
        if (!QDir().mkpath(tlsDir)
            || !writeFile(certPath, identity->certificatePem,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                              | QFileDevice::ReadOther)
            || !writeFile(keyPath, identity->privateKeyPem,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            err << Tr::tr("Cannot write the TLS files in %1.").arg(tlsDir) << Qt::endl;
            return ExitFailed;
        }
    }
    QFile certFile(certPath);
    certFile.open(QIODevice::ReadOnly);
    const QSslCertificate cert(certFile.readAll(), QSsl::Pem);

    out << Tr::tr("Database: %1 (schema ready)").arg(withoutPassword(database)) << Qt::endl
        << Tr::tr("Log key: %1").arg(QString::fromLatin1(log.verifierKey())) << Qt::endl
        << Tr::tr("TLS certificate: %1").arg(certPath) << Qt::endl
        << Tr::tr("TLS key: %1").arg(keyPath) << Qt::endl
        << Tr::tr("Certificate SHA-256: %1")
               .arg(QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex(':')))
        << Qt::endl
        << Tr::tr("Next: baton-server run --database %1 --listen 0.0.0.0:8443 --tls-cert %2 "
                  "--tls-key %3")
               .arg(withoutPassword(database), certPath, keyPath)
        << Qt::endl;
    return ExitOk;
}

#ifdef Q_OS_UNIX
int signalPipe[2] = {-1, -1};
void onSignal(int)
{
    const char c = 1;
    (void)!::write(signalPipe[1], &c, 1);
}
#endif

int runServer(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    parser.addOption({QStringLiteral("listen"),
                      Tr::tr("Address and port to listen on, e.g. 127.0.0.1:8080 or "
                             "0.0.0.0:8443 (port 0: any free port)."),
                      Tr::tr("HOST:PORT"), QStringLiteral("127.0.0.1:8080")});
    parser.addOption(
        {QStringLiteral("tls-cert"), Tr::tr("TLS certificate (PEM)."), Tr::tr("FILE")});
    parser.addOption({QStringLiteral("tls-key"), Tr::tr("TLS private key (PEM)."), Tr::tr("FILE")});
    if (!parse(parser, args, out, err))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;

    const QString listen = parser.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = listen.mid(colon + 1).toUInt(&portOk);
    QString host = listen.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1")
                                                                  : host);
    if (colon <= 0 || !portOk || port > 65535 || address.isNull()) {
        err << Tr::tr("--listen needs HOST:PORT with an IP address, e.g. 127.0.0.1:8080.")
            << Qt::endl;
        return ExitUsage;
    }

    std::optional<QSslConfiguration> tls;
    const bool certGiven = parser.isSet(QStringLiteral("tls-cert"));
    if (certGiven != parser.isSet(QStringLiteral("tls-key"))) {
        err << Tr::tr("Give both --tls-cert and --tls-key.") << Qt::endl;
        return ExitUsage;
    }
    if (certGiven) {
        QFile certFile(parser.value(QStringLiteral("tls-cert")));
        QFile keyFile(parser.value(QStringLiteral("tls-key")));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            err << Tr::tr("Cannot read the TLS certificate or key.") << Qt::endl;
            return ExitFailed;
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll());
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Ec);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Rsa);
        if (chain.isEmpty() || key.isNull()) {
            err << Tr::tr("The TLS certificate or key is not valid PEM.") << Qt::endl;
            return ExitFailed;
        }
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificateChain(chain);
        config.setPrivateKey(key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        tls = config;
    } else if (!address.isLoopback()) {
        // Passwords and session tokens never cross a network in the clear.
        err << Tr::tr("Plain HTTP is served only on a loopback address. Give --tls-cert and "
                      "--tls-key (see baton-server init) to listen on %1.")
                   .arg(address.toString())
            << Qt::endl;
        return ExitUsage;
    }

    Store::Options storeOptions;
    storeOptions.path = parser.value(QStringLiteral("database"));
    // Many small commits: checkpoint beside them, not inside them.
    storeOptions.backgroundCheckpoint = true;
    HttpFront front(storeOptions, {});
    if (auto s = front.start(); !s) {
        err << s.error().message << Qt::endl;
        return ExitFailed;
    }
    auto bound = front.listen(address, quint16(port), tls);
    if (!bound) {
        err << bound.error().message << Qt::endl;
        return ExitFailed;
    }
    const QString shown = address.protocol() == QAbstractSocket::IPv6Protocol
                              ? QStringLiteral("[%1]").arg(address.toString())
                              : address.toString();
    out << Tr::tr("baton-server listening on %1://%2:%3")
               .arg(tls ? QStringLiteral("https") : QStringLiteral("http"), shown)
               .arg(*bound)
        << Qt::endl;

#ifdef Q_OS_UNIX
    // SIGTERM and SIGINT end the event loop, so the store closes cleanly.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &front);
        QObject::connect(notifier, &QSocketNotifier::activated, qApp, &QCoreApplication::quit);
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
    }
#endif
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Baton"));
    QCoreApplication::setApplicationName(QStringLiteral("baton-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BATON_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = app.arguments();
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h")) {
        (args.size() < 2 ? err : out) << usage() << Qt::endl;
        return args.size() < 2 ? ExitUsage : ExitOk;
    }
    if (args[1] == QLatin1String("--version")) {
        out << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitOk;
    }
    const QString command = args.takeAt(1);
    if (command == QLatin1String("init"))
        return runInit(args, out, err);
    if (command == QLatin1String("run"))
        return runServer(args, out, err);
    err << Tr::tr("Unknown command \"%1\".").arg(command) << Qt::endl << usage() << Qt::endl;
    return ExitUsage;
}
