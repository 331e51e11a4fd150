// Audit chain verification, as "baton-cli audit verify" runs it: every entry
// of the trail read and its hash recomputed. Prints "name: value unit".
//
//   bench_auditverify [--database FILE] [--employees N] [--audit-entries N]
#include "benchdatabase.h"
#include "evidence/auditverifier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cstdio>

using namespace baton;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    bench::BenchDatabase::addOptions(parser, 1000000);
    parser.process(app);
    bench::BenchDatabase database;
    if (!database.prepare(parser))
        return 1;

    QElapsedTimer timer;
    timer.start();
    auto report = AuditVerifier::verify(database.path());
    const qint64 ns = timer.nsecsElapsed();
    if (!report) {
        std::fprintf(stderr, "%s\n", qPrintable(report.error().message));
        return 1;
    }
    if (!report->intact) {
        std::fprintf(stderr, "The chain is broken at entry %lld: %s\n",
                     static_cast<long long>(report->firstBrokenSeq), qPrintable(report->problem));
        return 1;
    }
    const double seconds = double(ns) / 1e9;
    QTextStream out(stdout);
    out << "audit_verify_entries: " << report->checked << " entries" << Qt::endl;
    out << "audit_verify_rate: " << qRound64(double(report->checked) / seconds) << " entries/s"
        << Qt::endl;
    out << "audit_verify_seconds: " << QString::number(seconds, 'f', 2) << " s" << Qt::endl;
    return 0;
}
