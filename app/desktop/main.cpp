#include "shell/desktopsession.h"
#include "shell/languagemanager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {
// --help and --version need no screen: answered without a QApplication, which
// aborts where there is no display.
bool asksForInformationOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        for (const char *flag : {"-h", "--help", "--help-all", "-?", "-v", "--version"})
            if (std::strcmp(argv[i], flag) == 0)
                return true;
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    Q_INIT_RESOURCE(baton);
    std::unique_ptr<QCoreApplication> application;
    if (asksForInformationOnly(argc, argv))
        application = std::make_unique<QCoreApplication>(argc, argv);
    else
        application = std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Baton"));
    QCoreApplication::setApplicationName(QStringLiteral("Baton"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BATON_VERSION));
    baton::LanguageManager languages;
    languages.restore();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Baton: traceable responsibility for HR."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(
        QStringLiteral("database"),
        QCoreApplication::translate("main", "Open the database FILE (created when missing)."),
        QCoreApplication::translate("main", "FILE"));
    const QCommandLineOption language(
        QStringLiteral("language"),
        QCoreApplication::translate("main", "Use the interface language LANG (en or zh_CN)."),
        QCoreApplication::translate("main", "LANG"));
    parser.addOptions({database, language});
    parser.process(app); // answers --help and --version, and exits

    QGuiApplication::setDesktopFileName(QStringLiteral("baton"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/baton.svg")));
    // The session decides when Baton ends: signing out hides the last window.
    QGuiApplication::setQuitOnLastWindowClosed(false);

    if (parser.isSet(language)
        && !languages.setLanguage(parser.value(language), baton::LanguageManager::Persist::No)) {
        const QString message =
            QCoreApplication::translate("main", "Unknown language: %1 (use en or zh_CN).")
                .arg(parser.value(language));
        std::fprintf(stderr, "%s\n", qPrintable(message));
        return 2;
    }

    baton::DesktopSession session(languages);
    QObject::connect(&session, &baton::DesktopSession::finished, &app,
                     [](int code) { QCoreApplication::exit(code); });
    const QString path = parser.isSet(database) ? parser.value(database)
                                                : baton::DesktopSession::defaultDatabasePath();
    if (const baton::Status started = session.start(path); !started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error().message));
        if (baton::DesktopSession::isHeadless())
            return 1; // nobody can answer the message box
    }
    return app.exec();
}
