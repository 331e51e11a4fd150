#pragma once

#include "auth/accounts.h"
#include "auth/passwordhash.h"
#include "oplog/uuidv7.h"
#include "store/store.h"
#include "testdatabase.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace baton::test {

// A store in a temporary folder with a small organisation:
//
//   Head office (HQ, Asia/Shanghai, CNY)
//   ├── Projects (PRJ)
//   │   └── Projects East (PRJ-E)
//   └── Branch store 3 (ST3, Asia/Shanghai)
//
// People (employee number, account login / password "password-<login>"):
//   E001 Chen Jing   dept_manager of PRJ   chenjing
//   E002 Zhang Wei   in PRJ-E, reports to Chen Jing    zhangwei (employee)
//   E003 Wang Fang   dept_manager of ST3   wangfang
//   E004 Li Na       hr_officer in HQ      lina
//   E005 Zhao Lei    finance in HQ         zhaolei
//   E006 Liu Yang    in PRJ                liuyang (employee)
//   admin (no employee)                    admin
//   gm               general_manager in HQ (E007 Sun Hao)
struct TestOrg
{
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    qint64 clockMs = 1767225600000; // 2026-01-01T00:00:00Z, advanced by tick()
    QHash<QString, QUuid> dept;     // by code
    QHash<QString, QUuid> emp;      // by number
    QHash<QString, QUuid> user;     // by login
    QUuid position;

    // Set before open(): the store lives where BATON_TEST_BACKEND says (a
    // fresh PostgreSQL database under the _pg tests) instead of path().
    bool onTestBackend = false;
    std::unique_ptr<TestDatabase> database;

    ~TestOrg() { store.reset(); } // before its database is dropped

    QString path() const { return dir.filePath(QStringLiteral("baton.db")); }
    // What the store was opened on: path(), or a postgresql:// URL.
    QString address() const { return database ? database->address() : path(); }
    bool onPostgres() const { return database && database->isPostgres(); }

    // Opens the store with a fake clock and low scrypt cost, and builds the
    // organisation above. Both return false, with the reason in the log, on
    // error; callers QVERIFY them.
    bool open();
    bool build();

    Operation op(const QString &login, const QString &entity, const QUuid &id, OpKind kind,
                 const QJsonObject &fields);
    Status submitAs(const QString &login, const QString &entity, const QUuid &id, OpKind kind,
                    const QJsonObject &fields);
    void tick(qint64 ms = 1000) { clockMs += ms; }

    static void lowCost() { PasswordHash::setDefaultCost({10, 8, 1}); }
};

} // namespace baton::test
