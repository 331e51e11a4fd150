#pragma once

#include <QString>

namespace baton::test {

// Where a test keeps a server's store. By default a SQLite file; with
// BATON_TEST_BACKEND=postgres a database of its own, created fresh (C
// collation, as Baton needs) on the cluster at BATON_TEST_POSTGRES_URL, or
// at the URL written in the file BATON_TEST_POSTGRES_URL_FILE (the pg_cluster
// CTest fixture writes one), and dropped when this object goes.
class TestDatabase
{
public:
    static bool usePostgres();

    explicit TestDatabase(QString sqlitePath);
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    // The address to give Store::Options::path or --database; empty when the
    // PostgreSQL database could not be made (the reason is in the log).
    const QString &address() const { return m_address; }
    bool isPostgres() const { return !m_name.isEmpty(); }

private:
    QString m_address;
    QString m_adminUrl;
    QString m_name;
};

} // namespace baton::test
