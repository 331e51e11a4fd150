#include "clicommand.h"

#include "demo/democompany.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace baton {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DemoCommand)
};
} // namespace

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
    if (!cli.parse(parser, args,
                   Tr::tr("Usage: baton-cli demo --employees N --seed S --database FILE "
                          "[--locale zh_CN|en]")))
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

    auto store = cli.openStore(parser.value(QStringLiteral("database")));
    if (!store)
        return ExitFailed;
    QElapsedTimer timer;
    timer.start();
    auto users = DemoCompany::create(*store, options);
    if (!users)
        return cli.fail(users.error());
    for (const DemoUser &u : std::as_const(*users))
        out << QStringLiteral("login: %1 password: %2 role: %3").arg(u.login, u.password, u.role)
            << Qt::endl;
    err << Tr::tr("Demo company written to %1 in %2 s.")
               .arg(store->database().path())
               .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
        << Qt::endl;
    return ExitOk;
}

} // namespace baton
