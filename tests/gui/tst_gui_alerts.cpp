// The Alerts page (issue 6, item 4): the signed-in person's warnings, the
// filter by state, acknowledging with Ctrl+K (out of Open, the badge count
// signalled), resolving with a note; the tray notifier's memory; HR's
// thresholds in the settings.
#include "alerts/alertnotifier.h"
#include "alerts/alertsettingswidget.h"
#include "alerts/alertsmodel.h"
#include "alerts/alertspage.h"
#include "alerts/resolvealertdialog.h"
#include "people/emptystatewidget.h"
#include "shell/messagelabel.h"
#include "tst_gui_peoplefixture.h"
#include "work/alerts.h"
#include "work/tasks.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QTabBar>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>

using namespace baton;

class TestGuiAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void pageListsWarningsAndAcknowledgesWithTheShortcut();
    void resolveSaysHow();
    void managerSeesTheTeamsWarnings();
    void nothingToWarnAbout();
    void clockMovesWarningsIn();
    void notifierAnnouncesEachWarningOnce();
    void hrSetsTheThresholds();

private:
    void setDay(const QDate &day)
    {
        m_f->org.clockMs = QDateTime(day, QTime(12, 0)).toMSecsSinceEpoch();
    }
    QUuid giveTask(const QString &title, const QDate &due);
    std::unique_ptr<AlertsPage> openPage(const QString &login);

    QTemporaryDir m_dir;
    std::unique_ptr<test::PeopleFixture> m_f;
    QUuid m_late, m_veryLate;
};

void TestGuiAlerts::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolatePeopleSettings(m_dir.filePath(QStringLiteral("settings")));
}

void TestGuiAlerts::init()
{
    m_f = std::make_unique<test::PeopleFixture>();
    QVERIFY(m_f->org.build());
    setDay(QDate(2026, 1, 5));
    // Chen Jing gives Zhang Wei two tasks; on the 15th one is three days
    // late, the other ten (critical).
    m_late = giveTask(QStringLiteral("Acceptance report"), QDate(2026, 1, 12));
    m_veryLate = giveTask(QStringLiteral("Delivery item 7"), QDate(2026, 1, 5));
    setDay(QDate(2026, 1, 15));
}

void TestGuiAlerts::cleanup()
{
    m_f.reset();
}

QUuid TestGuiAlerts::giveTask(const QString &title, const QDate &due)
{
    test::TestOrg &org = m_f->org;
    auto chen = org.store->actorFor(org.user.value(QStringLiteral("chenjing")), org.clockMs);
    TaskDraft d;
    d.owner = org.emp.value(QStringLiteral("E002"));
    d.title = title;
    d.due = due;
    org.tick();
    auto id = Tasks(*org.store).create(*chen, d);
    return id ? *id : QUuid();
}

std::unique_ptr<AlertsPage> TestGuiAlerts::openPage(const QString &login)
{
    if (!m_f->signIn(login))
        return nullptr;
    auto page = std::make_unique<AlertsPage>(*m_f->context);
    page->resize(1100, 700);
    page->show();
    if (!QTest::qWaitForWindowActive(page.get()))
        return nullptr;
    return page;
}

void TestGuiAlerts::pageListsWarningsAndAcknowledgesWithTheShortcut()
{
    auto page = openPage(QStringLiteral("zhangwei"));
    QVERIFY(page);
    QAbstractItemModelTester tester(page->model());
    AlertsModel *model = page->model();
    QCOMPARE(page->filter(), AlertsPage::Filter::Open);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(page->openCount(), 2);
    auto *tabs = test::child<QTabBar>(*page, "alertFilterTabs");
    QCOMPARE(tabs->tabText(0), QStringLiteral("Open (2)"));
    // Critical first: the task ten days late, in red.
    QCOMPARE(model->index(0, AlertsModel::TitleColumn).data().toString(),
             QStringLiteral("“Delivery item 7” is 10 day(s) overdue"));
    QCOMPARE(model->index(0, AlertsModel::SeverityColumn).data().toString(),
             QStringLiteral("Critical"));
    QCOMPARE(model->index(1, AlertsModel::SeverityColumn).data().toString(),
             QStringLiteral("Warning"));
    QCOMPARE(model->index(0, AlertsModel::AboutColumn).data().toString(),
             QStringLiteral("Wei Zhang"));
    QCOMPARE(model->index(0, AlertsModel::StateColumn).data().toString(), QStringLiteral("Open"));
    QCOMPARE(AlertsModel::colorOf(model->alertAt(0)), QColor(0xc6, 0x28, 0x28));
    // The first is shown in full.
    QVERIFY(page->detailView()->toPlainText().contains(QStringLiteral("Delivery item 7")));
    QVERIFY(page->detailView()->toPlainText().contains(QStringLiteral("It was due")));

    // Ctrl+K: acknowledged, out of Open, and the badge hears of it.
    const QString key = page->currentKey();
    QVERIFY(!key.isEmpty());
    QSignalSpy counts(page.get(), &AlertsPage::openCountChanged);
    QVERIFY(page->acknowledgeAction()->isEnabled());
    QTest::keyClick(page.get(), Qt::Key_K, Qt::ControlModifier);
    QCOMPARE(counts.size(), 1);
    QCOMPARE(counts.first().first().toInt(), 1);
    QCOMPARE(page->openCount(), 1);
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(model->rowOf(key) < 0);
    QCOMPARE(tabs->tabText(0), QStringLiteral("Open (1)"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Acknowledged (1)"));
    // The next one is selected; acknowledging it empties Open.
    QVERIFY(!page->currentKey().isEmpty());
    page->acknowledgeAction()->trigger();
    QCOMPARE(counts.size(), 2);
    QCOMPARE(counts.last().first().toInt(), 0);
    QVERIFY(test::child<EmptyStateWidget>(*page, "alertsEmptyState")->isVisible());
    QVERIFY(!page->acknowledgeAction()->isEnabled());

    page->setFilter(AlertsPage::Filter::Acknowledged);
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(model->rowOf(key) >= 0);
    QVERIFY(page->selectAlert(key));
    QCOMPARE(model->alertAt(model->rowOf(key)).state, Alert::State::Acknowledged);
    QVERIFY(
        page->detailView()->toPlainText().contains(QStringLiteral("Acknowledged by Wei Zhang")));
    QVERIFY(!page->acknowledgeAction()->isEnabled());
    QVERIFY(page->resolveAction()->isEnabled());
}

void TestGuiAlerts::resolveSaysHow()
{
    auto page = openPage(QStringLiteral("zhangwei"));
    QVERIFY(page);
    const QString key = page->currentKey();
    bool refusedEmpty = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ResolveAlertDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *ok = test::child<QPushButton>(*dialog, "resolveButton");
        refusedEmpty = !ok->isEnabled();
        test::child<QPlainTextEdit>(*dialog, "resolveNoteEdit")
            ->setPlainText(QStringLiteral("客户同意延期到1月20日"));
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    QTest::keyClick(page.get(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(refusedEmpty);
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(page->openCount(), 1);
    page->setFilter(AlertsPage::Filter::Resolved);
    QCOMPARE(page->model()->rowCount(), 1);
    QVERIFY(page->selectAlert(key));
    QVERIFY(page->detailView()->toPlainText().contains(QStringLiteral("客户同意延期到1月20日")));
    QVERIFY(!page->resolveAction()->isEnabled());
    page->setFilter(AlertsPage::Filter::All);
    QCOMPARE(page->model()->rowCount(), 2);
}

void TestGuiAlerts::managerSeesTheTeamsWarnings()
{
    auto page = openPage(QStringLiteral("chenjing"));
    QVERIFY(page);
    QCOMPARE(page->model()->rowCount(), 2);
    for (int r = 0; r < 2; ++r) {
        QCOMPARE(page->model()->index(r, AlertsModel::AboutColumn).data().toString(),
                 QStringLiteral("Wei Zhang"));
        QVERIFY(page->model()
                    ->index(r, AlertsModel::TitleColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Wei Zhang's task")));
    }
    // What he acknowledges is his; hers stay open.
    Alerts alerts(*m_f->org.store);
    auto zw =
        m_f->org.store->actorFor(m_f->org.user.value(QStringLiteral("zhangwei")), m_f->org.clockMs);
    m_f->org.tick();
    QVERIFY(alerts.acknowledge(*zw, alerts.forViewer(*zw)->first().key));
    page->reload();
    QCOMPARE(page->openCount(), 2);
}

void TestGuiAlerts::nothingToWarnAbout()
{
    auto page = openPage(QStringLiteral("liuyang"));
    QVERIFY(page);
    QCOMPARE(page->model()->rowCount(), 0);
    QCOMPARE(page->openCount(), 0);
    QVERIFY(test::child<EmptyStateWidget>(*page, "alertsEmptyState")->isVisible());
    QVERIFY(!page->acknowledgeAction()->isEnabled());
    QVERIFY(!page->resolveAction()->isEnabled());
}

void TestGuiAlerts::clockMovesWarningsIn()
{
    // Due on the 16th: on the 17th nothing, on the 18th a warning, without
    // anything written in between (the page's timer reads again).
    giveTask(QStringLiteral("Training plan"), QDate(2026, 1, 16));
    auto page = openPage(QStringLiteral("zhangwei"));
    QVERIFY(page);
    setDay(QDate(2026, 1, 17));
    page->reload();
    QCOMPARE(page->openCount(), 2);
    QSignalSpy counts(page.get(), &AlertsPage::openCountChanged);
    setDay(QDate(2026, 1, 18));
    page->reload();
    QCOMPARE(page->openCount(), 3);
    QCOMPARE(counts.size(), 1);
}

void TestGuiAlerts::notifierAnnouncesEachWarningOnce()
{
    QVERIFY(m_f->signIn(QStringLiteral("zhangwei")));
    {
        AlertNotifier notifier(*m_f->context);
        notifier.start(); // no system tray offscreen: nothing shown
        QCOMPARE(notifier.isActive(), QSystemTrayIcon::isSystemTrayAvailable());
        QCOMPARE(notifier.check().size(), 2);
        QVERIFY(notifier.check().isEmpty());
    }
    // Remembered across sessions: only what is new is announced.
    giveTask(QStringLiteral("Training plan"), QDate(2026, 1, 10));
    AlertNotifier again(*m_f->context);
    const QStringList fresh = again.check();
    QCOMPARE(fresh.size(), 1);
    QVERIFY(!fresh.first().isEmpty());
}

void TestGuiAlerts::hrSetsTheThresholds()
{
    QVERIFY(m_f->signIn(QStringLiteral("lina")));
    {
        AlertSettingsWidget settings(*m_f->context);
        settings.show();
        auto *days = test::child<QSpinBox>(settings, "taskOverdueDaysSpin");
        QCOMPARE(days->value(), 2);
        QCOMPARE(days->minimum(), 1); // positive whole numbers only
        QVERIFY(days->isEnabled());
        QVERIFY(!settings.saveButton()->isEnabled()); // nothing changed
        days->setValue(5);
        test::child<QSpinBox>(settings, "approvalLateHoursSpin")->setValue(24);
        QVERIFY(settings.saveButton()->isEnabled());
        QTest::mouseClick(settings.saveButton(), Qt::LeftButton);
        QCOMPARE(settings.message()->kind(), MessageLabel::Kind::Success);
        QVERIFY(!settings.saveButton()->isEnabled());
        // Back to the defaults is one click away.
        QTest::mouseClick(test::child<QPushButton>(settings, "alertSettingsDefaultsButton"),
                          Qt::LeftButton);
        QCOMPARE(days->value(), 2);
        QVERIFY(settings.saveButton()->isEnabled());
    }
    auto saved = AlertThresholds::read(*m_f->org.store);
    QCOMPARE(saved->taskOverdueDays, 5);
    QCOMPARE(saved->approvalLateHours, 24);
    // Zhang Wei's Delivery item 7 (10 days late) still warns; the 3-day one
    // no longer.
    auto page = openPage(QStringLiteral("zhangwei"));
    QVERIFY(page);
    QCOMPARE(page->openCount(), 1);
    // Employees see the thresholds, and cannot change them.
    AlertSettingsWidget theirs(*m_f->context);
    QCOMPARE(test::child<QSpinBox>(theirs, "taskOverdueDaysSpin")->value(), 5);
    QVERIFY(!test::child<QSpinBox>(theirs, "taskOverdueDaysSpin")->isEnabled());
    QVERIFY(theirs.saveButton()->isHidden());
}

QTEST_MAIN(TestGuiAlerts)
#include "tst_gui_alerts.moc"
