#include "clicommand.h"

#include "auth/accounts.h"
#include "store/store.h"
#include "workflow/approvals.h"

#include <QFile>

namespace baton {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(InitCommand)
};
} // namespace

int runInit(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CliCommand cli(out, err);
    QCommandLineParser parser;
    parser.addOption(CliCommand::databaseOption());
    parser.addOption({QStringLiteral("admin"), Tr::tr("Login of the first administrator."),
                      Tr::tr("NAME"), QStringLiteral("admin")});
    parser.addOption({QStringLiteral("password-file"),
                      Tr::tr("Read the administrator's password from the first line of FILE."),
                      Tr::tr("FILE")});
    parser.addOption({QStringLiteral("password"),
                      Tr::tr("The administrator's password (visible to other users of this "
                             "computer; prefer --password-file)."),
                      Tr::tr("PASSWORD")});
    if (!cli.parse(parser, args,
                   Tr::tr("Usage: baton-cli init --database FILE --admin NAME "
                          "(--password-file F | --password P)")))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;

    QString password = parser.value(QStringLiteral("password"));
    if (parser.isSet(QStringLiteral("password-file"))) {
        password = cli.readPasswordFile(parser.value(QStringLiteral("password-file")));
        if (password.isEmpty())
            return ExitFailed;
    }
    if (password.isEmpty()) {
        err << Tr::tr("Give the administrator's password with --password-file FILE.") << Qt::endl;
        return ExitUsage;
    }
    auto store = cli.openStore(parser.value(QStringLiteral("database")));
    if (!store)
        return ExitFailed;
    Accounts accounts(*store);
    auto admin = accounts.createFirstAdmin(parser.value(QStringLiteral("admin")), password);
    if (!admin)
        return cli.fail(admin.error());
    // The shipped workflow templates, for the organisation to adapt.
    auto actor = store->actorFor(*admin, store->nowMs());
    if (!actor)
        return cli.fail(actor.error());
    if (auto s = Approvals(*store).installDefaultTemplates(*actor); !s)
        return cli.fail(s.error());
    out << Tr::tr("Created %1 with administrator \"%2\".")
               .arg(store->database().displayName(),
                    Accounts::normaliseLogin(parser.value(QStringLiteral("admin"))))
        << Qt::endl;
    return ExitOk;
}

} // namespace baton
