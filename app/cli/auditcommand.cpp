#include "clicommand.h"

#include "evidence/auditverifier.h"
#include "store/database.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace baton {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AuditCommand)
};
} // namespace

int runAudit(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QStringList rest = args;
    if (rest.size() < 2 || rest[1] != QLatin1String("verify")) {
        err << Tr::tr("Usage: baton-cli audit verify --database FILE|URL") << Qt::endl;
        return ExitUsage;
    }
    rest.removeAt(1);
    CliCommand cli(out, err);
    QCommandLineParser parser;
    parser.addOption(CliCommand::databaseOption());
    if (!cli.parse(parser, rest, Tr::tr("Usage: baton-cli audit verify --database FILE|URL")))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    const QString path = parser.value(QStringLiteral("database"));
    if (path.isEmpty() || (!Database::isPostgresAddress(path) && !QFileInfo::exists(path))) {
        err << Tr::tr("Give an existing database file with --database FILE.") << Qt::endl;
        return ExitUsage;
    }
    QElapsedTimer timer;
    timer.start();
    auto report = AuditVerifier::verify(path);
    if (!report)
        return cli.fail(report.error());
    const double seconds = double(timer.elapsed()) / 1000.0;
    if (!report->intact) {
        out << Tr::tr("BROKEN: entry %1: %2").arg(report->firstBrokenSeq).arg(report->problem)
            << Qt::endl;
        if (!report->brokenSummary.isEmpty())
            out << Tr::tr("  entry %1 reads: %2")
                       .arg(report->firstBrokenSeq)
                       .arg(report->brokenSummary)
                << Qt::endl;
        return ExitFailed;
    }
    out << Tr::tr("OK: all %1 audit entries check out (%2 s).")
               .arg(report->checked)
               .arg(seconds, 0, 'f', 2)
        << Qt::endl;
    return ExitOk;
}

} // namespace baton
