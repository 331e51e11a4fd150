#include "oplog/uuidv7.h"
#include "org/directory.h"
#include "store/store.h"
#include "testorg.h"

#include <QSqlQuery>
#include <QtTest>

using namespace baton;

class TestStoreApply : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buildsOrganisation();
};

void TestStoreApply::buildsOrganisation()
{
    test::TestOrg org;
    QVERIFY(org.build());
    Directory dir(*org.store);
    ReadScope all;
    all.all = true;
    auto n = dir.countEmployees(all, {});
    QVERIFY(n.ok());
    QCOMPARE(*n, 7);
}

QTEST_GUILESS_MAIN(TestStoreApply)
#include "tst_storeapply.moc"
