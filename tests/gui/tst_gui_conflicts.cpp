// The Conflicts view: local changes a real server refused, with the reason,
// what the user tried and what won; sortable, a detail pane, and an empty
// state when there is nothing to show.
#include "auth/authenticator.h"
#include "common/appcontext.h"
#include "people/emptystatewidget.h"
#include "sync/conflictsmodel.h"
#include "sync/conflictspage.h"
#include "syncnet.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

using namespace baton;
using namespace baton::test;

namespace {

Status edit(Store &client, const QString &entity, const QUuid &id, const QJsonObject &fields)
{
    auto user = client.meta(SyncClient::ServerUserKey);
    if (!user)
        return user.error();
    return client.submit({client.makeOp(entity, id, OpKind::Update, fields, parseId(*user))});
}

QString scalarOf(Store &store, const QString &sql, const QString &bind)
{
    QSqlQuery q(store.database().connection());
    q.prepare(sql);
    q.addBindValue(bind);
    if (!q.exec() || !q.next())
        return QStringLiteral("error: ") + q.lastError().text();
    return q.value(0).toString();
}

} // namespace

class TestGuiConflicts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { TestOrg::lowCost(); }
    void emptyStateWhenNothingWasRefused();
    void refusedChangeIsListedWithReasonAndWinner();
};

void TestGuiConflicts::emptyStateWhenNothingWasRefused()
{
    TestOrg org;
    QVERIFY(org.build());
    auto session =
        Authenticator(*org.store).login(QStringLiteral("lina"), QStringLiteral("password-lina"));
    QVERIFY(session.ok());
    AppContext context(*org.store, *session);
    ConflictsPage page(context);
    QCOMPARE(page.count(), 0);
    auto *stack = page.findChild<QStackedWidget *>();
    auto *empty = page.findChild<EmptyStateWidget *>(QStringLiteral("conflictsEmptyState"));
    QVERIFY(stack && empty);
    QCOMPARE(stack->currentWidget(), empty);
    QVERIFY(empty->findChild<QLabel *>(QStringLiteral("emptyStateTitle"))
                ->text()
                .contains(QStringLiteral("No conflicts")));
}

void TestGuiConflicts::refusedChangeIsListedWithReasonAndWinner()
{
    // The scenario of tst_sync: HR edits offline while an administrator
    // revokes HR's role on the server, effective before the edit.
    SyncNet net;
    QVERIFY(net.start());
    Store *hr = net.openClient(QStringLiteral("hr"));
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    const QUuid e3 = net.seed.emp.value(QStringLiteral("E003"));
    QVERIFY(edit(*hr, QStringLiteral("employee"), e3,
                 {{QStringLiteral("phone"), QStringLiteral("+86 755 1234 0000")}})
                .ok());
    net.clockMs += 10;
    QVERIFY(edit(*hr, QStringLiteral("employee"), e3,
                 {{QStringLiteral("email"), QStringLiteral("wang.fang@example.com")}})
                .ok());
    const QUuid grant = parseId(scalarOf(*net.server,
                                         QStringLiteral("SELECT id FROM role_grant WHERE user_id=? "
                                                        "AND role='hr_officer'"),
                                         idString(net.seed.user.value(QStringLiteral("lina")))));
    QVERIFY(!grant.isNull());
    net.clockMs -= 15;
    Store *admin = net.openClient(QStringLiteral("admin"));
    QVERIFY(net.sync(*admin, QStringLiteral("admin")).ok);
    QVERIFY(edit(*admin, QStringLiteral("role_grant"), grant,
                 {{QStringLiteral("valid_to_ms"), net.clockMs - 100}})
                .ok());
    net.clockMs += 50;
    QVERIFY(net.sync(*admin, QStringLiteral("admin")).ok);

    // The page is open while the sync happens: it picks the refusal up.
    auto session =
        Authenticator(*hr).login(QStringLiteral("lina"), QStringLiteral("password-lina"));
    QVERIFY(session.ok());
    AppContext context(*hr, *session);
    ConflictsPage page(context);
    QAbstractItemModelTester tester(page.model());
    QSignalSpy counted(&page, &ConflictsPage::countChanged);
    const SyncOutcome o = net.sync(*hr, QStringLiteral("lina"));
    QVERIFY2(o.ok, qPrintable(o.error.message));
    QCOMPARE(o.refused, 2);
    QVERIFY(!counted.isEmpty());
    QCOMPARE(page.count(), 2);

    int phoneRow = -1;
    for (int row = 0; row < page.count(); ++row)
        if (page.model()->conflictAt(row).fields.value(0).name == QLatin1String("phone"))
            phoneRow = row;
    QVERIFY(phoneRow >= 0);
    const Conflict c = page.model()->conflictAt(phoneRow);
    QCOMPARE(c.code, QStringLiteral("policy.denied"));
    QVERIFY(!c.reason.isEmpty());
    QVERIFY2(c.record.contains(QStringLiteral("E003")), qPrintable(c.record));
    QCOMPARE(c.fields.size(), 1);
    QCOMPARE(c.fields.constFirst().tried, QStringLiteral("+86 755 1234 0000"));
    // What won: the phone the server holds, now back on this device.
    const QString serverPhone = scalarOf(
        *net.server, QStringLiteral("SELECT phone FROM employee WHERE id=?"), idString(e3));
    QCOMPARE(c.fields.constFirst().now,
             serverPhone.isEmpty() ? QStringLiteral("(empty)") : serverPhone);

    auto *view = page.findChild<QTableView *>(QStringLiteral("conflictsView"));
    QVERIFY(view);
    const QAbstractItemModel *shown = view->model();
    // Sortable: by the change, either way.
    view->sortByColumn(ConflictsModel::ChangeColumn, Qt::DescendingOrder);
    QVERIFY(shown->index(0, ConflictsModel::ChangeColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("Phone")));
    view->sortByColumn(ConflictsModel::ChangeColumn, Qt::AscendingOrder);
    QVERIFY(shown->index(0, ConflictsModel::ChangeColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("E-mail")));
    view->setCurrentIndex(shown->index(1, 0)); // the phone
    QCOMPARE(shown->index(1, ConflictsModel::ReasonColumn).data().toString(), c.reason);
    QVERIFY(shown->index(1, ConflictsModel::ChangeColumn)
                .data()
                .toString()
                .contains(QStringLiteral("+86 755 1234 0000")));
    // The detail pane shows the selected refusal in full.
    QCOMPARE(page.findChild<QLabel *>(QStringLiteral("conflictRecord"))->text(), c.record);
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("conflictReason"))->text().contains(c.reason));
    auto *fields = page.findChild<QTableWidget *>(QStringLiteral("conflictFields"));
    QCOMPARE(fields->rowCount(), 1);
    QCOMPARE(fields->item(0, 1)->text(), QStringLiteral("+86 755 1234 0000"));
    QCOMPARE(fields->item(0, 2)->text(), c.fields.constFirst().now);
}

QTEST_MAIN(TestGuiConflicts)
#include "tst_gui_conflicts.moc"
