// baton-cli import mail|chat|docs PATH... --employee NUMBER --database FILE:
// brings emails, chat exports and documents into one person's work trail.
#include "clicommand.h"

#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "store/store.h"
#include "trail/trailimporter.h"

namespace baton {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)
};

// The command line is an administrator's tool on the database's own
// computer: it acts as the database's first active administrator, whose
// name the audit trail records against every item.
Result<Actor> administrator(Store &store)
{
    Database &db = store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT g.user_id FROM role_grant g JOIN app_user u ON u.id=g.user_id WHERE "
        "g.role='admin' AND g.retired=0 AND u.retired=0 AND u.disabled=0 ORDER BY u.login"));
    if (!q.exec())
        return db.errorFrom(q, Tr::tr("finding the administrator"));
    QList<QUuid> users;
    while (q.next())
        users.append(parseId(q.text(0)));
    q.finish();
    for (const QUuid &user : users) {
        auto actor = store.actorFor(user, store.nowMs());
        if (actor && actor->activeAt(store.nowMs()))
            return actor;
    }
    return Error(QStringLiteral("cli.no_admin"),
                 Tr::tr("The database has no active administrator to import as."));
}

Result<std::pair<QUuid, QString>> employeeByNumber(Store &store, const QString &number)
{
    Database &db = store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT id, family_name, given_name FROM employee WHERE number=? AND retired=0"));
    q.bind(0, number);
    if (!q.exec())
        return db.errorFrom(q, Tr::tr("finding the employee"));
    if (!q.next()) {
        q.finish();
        return Error(QStringLiteral("cli.no_employee"),
                     Tr::tr("There is no employee with the number %1.").arg(number));
    }
    std::pair<QUuid, QString> found{
        parseId(q.text(0)),
        QStringLiteral("%1 (%2)").arg(org::displayName(q.text(1), q.text(2)), number)};
    q.finish();
    return found;
}
} // namespace

int runImport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CliCommand cli(out, err);
    const QString usage =
        Tr::tr("Usage: baton-cli import mail|chat|docs PATH... --employee NUMBER --database FILE");
    QStringList rest = args;
    if (rest.size() < 2) {
        err << usage << Qt::endl;
        return ExitUsage;
    }
    const QString what = rest.takeAt(1);
    TrailImporter::Kind kind;
    if (what == QLatin1String("mail"))
        kind = TrailImporter::Kind::Mail;
    else if (what == QLatin1String("chat"))
        kind = TrailImporter::Kind::Chat;
    else if (what == QLatin1String("docs"))
        kind = TrailImporter::Kind::Documents;
    else {
        err << Tr::tr("Import what? \"%1\" is not mail, chat or docs.").arg(what) << Qt::endl
            << usage << Qt::endl;
        return ExitUsage;
    }
    QCommandLineParser parser;
    parser.addOption(CliCommand::databaseOption());
    parser.addOption({QStringLiteral("employee"),
                      Tr::tr("Number of the employee whose trail it is."), Tr::tr("NUMBER")});
    parser.addOption({QStringLiteral("time-zone"),
                      Tr::tr("Time zone of chat exports' local times (default: this "
                             "computer's)."),
                      Tr::tr("ZONE")});
    parser.addPositionalArgument(QStringLiteral("PATH"), Tr::tr("Files or folders to import."),
                                 QStringLiteral("PATH..."));
    if (!cli.parse(parser, rest, usage))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        err << Tr::tr("Name at least one file or folder to import.") << Qt::endl;
        return ExitUsage;
    }
    if (!parser.isSet(QStringLiteral("employee"))) {
        err << Tr::tr("Give the employee's number with --employee NUMBER.") << Qt::endl;
        return ExitUsage;
    }
    QTimeZone zone = QTimeZone::systemTimeZone();
    if (parser.isSet(QStringLiteral("time-zone"))) {
        zone = QTimeZone(parser.value(QStringLiteral("time-zone")).toUtf8());
        if (!zone.isValid()) {
            err << Tr::tr("\"%1\" is not a time zone (for example Asia/Shanghai).")
                       .arg(parser.value(QStringLiteral("time-zone")))
                << Qt::endl;
            return ExitUsage;
        }
    }
    auto store = cli.openStore(parser.value(QStringLiteral("database")));
    if (!store)
        return ExitFailed;
    auto actor = administrator(*store);
    if (!actor)
        return cli.fail(actor.error());
    auto employee = employeeByNumber(*store, parser.value(QStringLiteral("employee")));
    if (!employee)
        return cli.fail(employee.error());

    TrailImporter importer(*store, *actor, employee->first);
    importer.setTimeZone(zone);
    auto report = importer.run(kind, paths);
    if (!report)
        return cli.fail(report.error());
    out << Tr::tr("Imported %n item(s) into the work trail of %1", nullptr, report->imported)
               .arg(employee->second);
    if (report->documents)
        out << Tr::tr(", %n of them file(s)", nullptr, report->documents);
    out << '.' << Qt::endl;
    if (!report->skipped.isEmpty()) {
        out << Tr::tr("Skipped %n:", nullptr, int(report->skipped.size())) << Qt::endl;
        for (const ImportReport::Skip &s : report->skipped)
            out << "  " << s.source << ": " << s.reason << Qt::endl;
    }
    return ExitOk;
}

} // namespace baton
