#include "benchdatabase.h"

#include "demo/democompany.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>

namespace baton::bench {

namespace {

void say(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

} // namespace

void BenchDatabase::addOptions(QCommandLineParser &parser, qint64 defaultAuditEntries)
{
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("Run on this database file (default: generate a demo "
                                     "company in a temporary folder)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("employees"),
                      QStringLiteral("Employees of the generated company."), QStringLiteral("N"),
                      QStringLiteral("10000")});
    parser.addOption({QStringLiteral("audit-entries"),
                      QStringLiteral("Audit entries of the generated company."),
                      QStringLiteral("N"), QString::number(defaultAuditEntries)});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed of the generated company."),
                      QStringLiteral("S"), QStringLiteral("7")});
    parser.addOption({QStringLiteral("login"), QStringLiteral("Sign in as LOGIN (--database)."),
                      QStringLiteral("LOGIN"), QStringLiteral("admin")});
    parser.addOption({QStringLiteral("password"),
                      QStringLiteral("Password of LOGIN (--database; baton-cli demo prints it)."),
                      QStringLiteral("PASSWORD")});
}

bool BenchDatabase::prepare(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("database"))) {
        m_path = parser.value(QStringLiteral("database"));
        m_login = parser.value(QStringLiteral("login"));
        m_password = parser.value(QStringLiteral("password"));
        if (!QFileInfo::exists(m_path)) {
            say(QStringLiteral("No database file %1.").arg(m_path));
            return false;
        }
        return true;
    }
    bool okEmployees = false;
    bool okEntries = false;
    bool okSeed = false;
    const int employees = parser.value(QStringLiteral("employees")).toInt(&okEmployees);
    const qint64 entries = parser.value(QStringLiteral("audit-entries")).toLongLong(&okEntries);
    const quint32 seed = parser.value(QStringLiteral("seed")).toUInt(&okSeed);
    if (!okEmployees || !okEntries || !okSeed || entries < 0) {
        say(QStringLiteral("--employees, --audit-entries and --seed need whole numbers."));
        return false;
    }
    return generate(employees, entries, seed);
}

bool BenchDatabase::generate(int employees, qint64 auditEntries, quint32 seed)
{
    m_dir.emplace();
    if (!m_dir->isValid()) {
        say(QStringLiteral("Cannot create a temporary folder: %1").arg(m_dir->errorString()));
        return false;
    }
    m_path = m_dir->filePath(QStringLiteral("bench.db"));
    Store::Options options;
    options.path = m_path;
    auto store = Store::open(options);
    if (!store) {
        say(store.error().message);
        return false;
    }
    DemoOptions demo;
    demo.employees = employees;
    demo.seed = seed;
    demo.auditEntries = auditEntries;
    demo.progress = say;
    say(QStringLiteral("Generating %1 employees and %2 audit entries in %3")
            .arg(employees)
            .arg(auditEntries)
            .arg(m_path));
    QElapsedTimer timer;
    timer.start();
    auto users = DemoCompany::create(**store, demo);
    if (!users) {
        say(users.error().message);
        return false;
    }
    say(QStringLiteral("Generated in %1 s").arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    m_login = users->first().login; // the administrator comes first
    m_password = users->first().password;
    return true; // the store closes here, as the app's session opens it anew
}

} // namespace baton::bench
