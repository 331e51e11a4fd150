// baton-cli: administration from the command line (first set-up, the demo
// company, audit verification). It writes only through core's operations.
#include "clicommand.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

using namespace baton;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(BatonCli)
};

QString usage()
{
    return Tr::tr("Usage: baton-cli COMMAND [options]\n"
                  "\n"
                  "Commands:\n"
                  "  init --database FILE --admin NAME (--password-file F | --password P)\n"
                  "        Create a database and its first administrator.\n"
                  "  demo --employees N --seed S (--database FILE | --server URL)\n"
                  "        Create the demo company in a new database (or load it into an\n"
                  "        empty baton-server) and print its logins.\n"
                  "  sync --database FILE --server URL --user NAME --password-file F\n"
                  "        Sync a database with the server once; exit 0 when in step.\n"
                  "  audit verify --database FILE\n"
                  "        Check the audit trail's hash chain; name the first broken entry.\n"
                  "  verify request ID --database FILE\n"
                  "        Check a request's signatures, certificates, time stamps and audit\n"
                  "        entries.\n"
                  "  export request ID --out DIR --database FILE\n"
                  "        Write a request's signed content, signatures (CMS, DER), time-stamp\n"
                  "        tokens and the CA certificate, for stock openssl.\n"
                  "  export dossier --employee NUMBER --database FILE --out DIR\n"
                  "         [--from DATE --to DATE]\n"
                  "        Write an employee's responsibility dossier (dossier.pdf) with its\n"
                  "        evidence bundle.\n"
                  "  verify bundle DIR\n"
                  "        Check an evidence bundle offline; print a verdict per item.\n"
                  "  import mail|chat|docs PATH... --employee NUMBER --database FILE\n"
                  "        Add emails (.eml, mbox), chat exports (CSV, JSON) or documents to\n"
                  "        an employee's work trail; print what was imported, skipped and why.\n"
                  "\n"
                  "Run baton-cli COMMAND --help for the options of a command.");
}
} // namespace

int main(int argc, char *argv[])
{
    // The dossier's PDF lays out text with QtGui's fonts, which want a
    // QGuiApplication; without a display, the offscreen platform does.
    const bool printing =
        argc > 2 && qstrcmp(argv[1], "export") == 0 && qstrcmp(argv[2], "dossier") == 0;
    if (printing && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")
        && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application =
        printing ? std::make_unique<QGuiApplication>(argc, argv)
                 : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Baton"));
    QCoreApplication::setApplicationName(QStringLiteral("baton-cli"));
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
    if (command == QLatin1String("demo"))
        return runDemo(args, out, err);
    if (command == QLatin1String("audit"))
        return runAudit(args, out, err);
    if (command == QLatin1String("sync"))
        return runSync(args, out, err);
    if (command == QLatin1String("verify"))
        return args.value(1) == QLatin1String("bundle") ? runVerifyBundle(args, out, err)
                                                        : runVerify(args, out, err);
    if (command == QLatin1String("export"))
        return args.value(1) == QLatin1String("dossier") ? runExportDossier(args, out, err)
                                                         : runExport(args, out, err);
    if (command == QLatin1String("import"))
        return runImport(args, out, err);
    err << Tr::tr("Unknown command \"%1\".").arg(command) << Qt::endl << usage() << Qt::endl;
    return ExitUsage;
}
