#pragma once

#include <QString>
#include <QTemporaryDir>

#include <optional>

class QCommandLineParser;

namespace baton::bench {

// The database a benchmark runs on: the file given with --database, or a
// demo company generated into a temporary folder (--employees people,
// --audit-entries entries in the audit trail). A given file is used as it
// is; signing in to it adds the entries the app adds.
class BenchDatabase
{
public:
    // Adds --database, --employees, --audit-entries, --seed, --login and
    // --password to parser.
    static void addOptions(QCommandLineParser &parser, qint64 defaultAuditEntries);

    // Checks the given file, or generates the demo company (progress on
    // stderr). False: the reason is on stderr.
    bool prepare(const QCommandLineParser &parser);

    QString path() const { return m_path; }
    // Who signs in: the demo administrator when generated, else --login and
    // --password.
    QString login() const { return m_login; }
    QString password() const { return m_password; }
    bool generated() const { return m_dir.has_value(); }

private:
    bool generate(int employees, qint64 auditEntries, quint32 seed);

    std::optional<QTemporaryDir> m_dir;
    QString m_path;
    QString m_login;
    QString m_password;
};

} // namespace baton::bench
