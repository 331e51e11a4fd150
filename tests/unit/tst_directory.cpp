// Directory reads apply the viewer's read scope: an employee sees their own
// archive, a department manager their department subtree, HR everyone; a
// colleague's name card is visible to all.
#include "org/directory.h"
#include "policy/roles.h"
#include "testorg.h"

#include <QTest>

using namespace baton;

class TestDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void archiveFollowsReadScope_data();
    void archiveFollowsReadScope();
    void listAndArchiveAgree();
    void nameCardForEveryone();

private:
    ReadScope scopeOf(const QString &login);
    std::unique_ptr<test::TestOrg> m_org;
};

void TestDirectory::init()
{
    m_org = std::make_unique<test::TestOrg>();
    QVERIFY(m_org->build());
}

void TestDirectory::cleanup()
{
    m_org.reset();
}

ReadScope TestDirectory::scopeOf(const QString &login)
{
    Store &s = *m_org->store;
    const auto actor = s.actorFor(m_org->user.value(login), s.nowMs());
    if (!actor)
        return {};
    return s.policy().readScope(*actor, QString::fromLatin1(actions::EmployeeRead), s.orgTree(),
                                s.nowMs());
}

void TestDirectory::archiveFollowsReadScope_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("visible");
    QTest::newRow("employee: own") << "liuyang"
                                   << "E006" << true;
    QTest::newRow("employee: a colleague") << "liuyang"
                                           << "E002" << false;
    QTest::newRow("employee: own manager") << "liuyang"
                                           << "E001" << false;
    QTest::newRow("manager: own department") << "chenjing"
                                             << "E006" << true;
    QTest::newRow("manager: department below") << "chenjing"
                                               << "E002" << true;
    QTest::newRow("manager: another branch") << "chenjing"
                                             << "E003" << false;
    QTest::newRow("manager: head office") << "chenjing"
                                          << "E004" << false;
    QTest::newRow("hr: anyone") << "lina"
                                << "E003" << true;
    QTest::newRow("gm: anyone") << "gm"
                                << "E002" << true;
}

void TestDirectory::archiveFollowsReadScope()
{
    QFETCH(QString, login);
    QFETCH(QString, number);
    QFETCH(bool, visible);
    Directory directory(*m_org->store);
    const auto detail = directory.employee(m_org->emp.value(number), scopeOf(login));
    QCOMPARE(bool(detail), visible);
    if (visible)
        QCOMPARE(detail->record.value(QStringLiteral("number")).toString(), number);
    else // the same answer as for a record that does not exist
        QCOMPARE(detail.error().code, QStringLiteral("employee.not_found"));
}

// The list and the archive use one visibility rule.
void TestDirectory::listAndArchiveAgree()
{
    Directory directory(*m_org->store);
    for (const char *name : {"liuyang", "chenjing", "wangfang", "lina"}) {
        const QString login = QString::fromLatin1(name);
        const ReadScope scope = scopeOf(login);
        const auto rows =
            directory.employees(scope, {}, EmployeeSort::Number, Qt::AscendingOrder, 0, 1000);
        QVERIFY(rows);
        QSet<QUuid> listed;
        for (const EmployeeRow &r : *rows)
            listed.insert(r.id);
        for (const QUuid &id : std::as_const(m_org->emp))
            QCOMPARE(bool(directory.employee(id, scope)), listed.contains(id));
    }
}

void TestDirectory::nameCardForEveryone()
{
    Directory directory(*m_org->store);
    const auto chen = directory.person(m_org->emp.value(QStringLiteral("E001")));
    QVERIFY(chen);
    QCOMPARE(chen->number, QStringLiteral("E001"));
    QVERIFY(chen->name.contains(QStringLiteral("Chen")));
    QCOMPARE(directory.person(createUuidV7()).error().code, QStringLiteral("employee.not_found"));
}

QTEST_GUILESS_MAIN(TestDirectory)
#include "tst_directory.moc"
