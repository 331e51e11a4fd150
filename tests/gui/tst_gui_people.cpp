// The People page driven like a user: find people by typing, edit and save
// an archive (the store and the audit trail change), the empty state, status
// chips, Ctrl+F, CSV export, remembered layout and a language switch at run
// time. The archive form's own cases are in tst_gui_peopleform.cpp.
#include "evidence/audittrail.h"
#include "people/employeedetailpane.h"
#include "people/employeeform.h"
#include "people/employeetablemodel.h"
#include "people/organisationdialog.h"
#include "people/peoplepage.h"
#include "store/history.h"
#include "tst_gui_peoplefixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTranslator>
#include <QtTest>

using namespace baton;
using baton::test::auditFor;
using baton::test::child;
using baton::test::openEmployee;
using baton::test::replaceText;

namespace {

// Marks every string it is asked for: "[Save]". A stand-in for a real
// catalogue that proves each text is translated again when the language changes.
class BracketTranslator : public QTranslator
{
public:
    QString translate(const char *, const char *source, const char *, int) const override
    {
        return QLatin1Char('[') + QString::fromUtf8(source) + QLatin1Char(']');
    }
    bool isEmpty() const override { return false; }
};

bool hasLabel(QWidget &root, const QString &text)
{
    const QList<QLabel *> labels = root.findChildren<QLabel *>();
    return std::any_of(labels.cbegin(), labels.cend(),
                       [&](const QLabel *l) { return l->text() == text; });
}

} // namespace

class TestPeoplePage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void findsByTypingNameOrNumber();
    void editsPhoneAndSaves();
    void emptyStateOffersToClearTheFilter();
    void statusChipsCountAndFilter();
    void ctrlFFocusesTheFilter();
    void exportsTheListAndAuditsIt();
    void remembersTheSplitter();
    void switchesLanguageAtRuntime();
    void screenshots();
    void screenshotsOfDemoCompany();

private:
    QTemporaryDir m_settings;
};

void TestPeoplePage::initTestCase()
{
    test::isolatePeopleSettings(m_settings.path());
}

void TestPeoplePage::findsByTypingNameOrNumber()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    PeoplePage page(*f.context);
    page.resize(1280, 720);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *filter = child<QLineEdit>(page, "employeeFilter");
    auto *count = child<QLabel>(page, "employeeCount");
    QVERIFY(filter && count);
    QCOMPARE(page.model()->rowCount(), 7);
    QCOMPARE(count->text(), QStringLiteral("Employees: 7"));

    QTest::keyClicks(filter, QStringLiteral("zhan"));
    QTRY_COMPARE(page.model()->rowCount(), 1);
    QCOMPARE(page.model()->index(0, EmployeeTableModel::Number).data().toString(),
             QStringLiteral("E002"));
    QCOMPARE(count->text(), QStringLiteral("Employees: 1"));

    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("E00"));
    QTRY_COMPARE(page.model()->rowCount(), 7);
    QTest::keyClicks(filter, QStringLiteral("5"));
    QTRY_COMPARE(page.model()->rowCount(), 1);
    QCOMPARE(page.model()->index(0, EmployeeTableModel::Name).data().toString(),
             QStringLiteral("Lei Zhao"));
}

void TestPeoplePage::editsPhoneAndSaves()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    PeoplePage page(*f.context);
    page.resize(1280, 720);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(openEmployee(page, QStringLiteral("E002")));
    auto *phone = child<QLineEdit>(page, "phoneEdit");
    auto *save = child<QPushButton>(page, "saveButton");
    QVERIFY(phone && save);
    QVERIFY(!phone->isReadOnly());
    QVERIFY(!save->isEnabled()); // nothing changed yet

    replaceText(phone, QStringLiteral("+86 138 0013 8000"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);

    const QUuid id = f.org.emp.value(QStringLiteral("E002"));
    auto stored = f.context->directory().employee(id, ReadScope::everything());
    QVERIFY(stored.ok());
    QCOMPARE(stored->record.value(QStringLiteral("phone")).toString(),
             QStringLiteral("+86 138 0013 8000"));
    QVERIFY(!save->isEnabled());
    QVERIFY(!page.detailPane()->form()->hasUnsavedChanges());
    // The list shows it too (after a change the rows are read again).
    const int row = page.model()->rowOf(id);
    QCOMPARE(page.model()->index(row, EmployeeTableModel::Phone).data().toString(),
             QStringLiteral("+86 138 0013 8000"));

    // One op with only the phone, and an audit entry by lina.
    auto history = History(*f.org.store).forRecord(QStringLiteral("employee"), id);
    QVERIFY(history.ok());
    QCOMPARE(history->last().fields.keys(), QStringList{QStringLiteral("phone")});
    QCOMPARE(history->last().authorLogin, QStringLiteral("lina"));
    const QList<AuditRow> audit = auditFor(f, QStringLiteral("employee."), id);
    QVERIFY(!audit.isEmpty());
    QCOMPARE(audit.first().userName, QStringLiteral("lina"));
    QCOMPARE(audit.first().outcome, QStringLiteral("ok"));
    QVERIFY2(audit.first().summary.contains(QStringLiteral("+86 138 0013 8000")),
             qPrintable(audit.first().summary));
}

void TestPeoplePage::emptyStateOffersToClearTheFilter()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    PeoplePage page(*f.context);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *filter = child<QLineEdit>(page, "employeeFilter");
    auto *table = child<QTableView>(page, "employeeTable");
    auto *empty = child<QWidget>(page, "employeeEmptyState");
    QVERIFY(table->isVisible() && !empty->isVisible());
    QTest::keyClicks(filter, QStringLiteral("nobody by this name"));
    QTRY_VERIFY(empty->isVisible());
    QVERIFY(!table->isVisible());
    auto *message = child<QLabel>(*empty, "emptyStateMessage");
    QVERIFY2(message->text().contains(QStringLiteral("nobody by this name")),
             qPrintable(message->text()));
    auto *clear = child<QPushButton>(*empty, "emptyStateAction");
    QVERIFY(clear->isVisible());
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(filter->text().isEmpty());
    QCOMPARE(page.model()->rowCount(), 7);
    QVERIFY(table->isVisible());
}

void TestPeoplePage::statusChipsCountAndFilter()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    QVERIFY(f.org.submitAs(QStringLiteral("admin"), QStringLiteral("employee"),
                           f.org.emp.value(QStringLiteral("E006")), OpKind::Update,
                           {{QStringLiteral("status"), QStringLiteral("on_leave")}}));
    PeoplePage page(*f.context);
    auto *all = child<QAbstractButton>(page, "statusChip_all");
    auto *onLeave = child<QAbstractButton>(page, "statusChip_on_leave");
    QCOMPARE(all->text(), QStringLiteral("All (7)"));
    QCOMPARE(onLeave->text(), QStringLiteral("On leave (1)"));
    onLeave->click();
    QCOMPARE(page.model()->rowCount(), 1);
    QCOMPARE(page.model()->index(0, EmployeeTableModel::Number).data().toString(),
             QStringLiteral("E006"));
    // Counts follow the department filter; the chips keep their choice.
    auto *department = child<QComboBox>(page, "departmentFilter");
    department->setCurrentIndex(
        department->findData(idString(f.org.dept.value(QStringLiteral("ST3")))));
    QCOMPARE(all->text(), QStringLiteral("All (1)"));
    QCOMPARE(onLeave->text(), QStringLiteral("On leave (0)"));
    QCOMPARE(page.model()->rowCount(), 0);
}

void TestPeoplePage::ctrlFFocusesTheFilter()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    PeoplePage page(*f.context);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    auto *table = child<QTableView>(page, "employeeTable");
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(child<QLineEdit>(page, "employeeFilter")->hasFocus());
}

void TestPeoplePage::exportsTheListAndAuditsIt()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    PeoplePage page(*f.context);
    QTest::keyClicks(child<QLineEdit>(page, "employeeFilter"), QStringLiteral("Projects"));
    QTRY_COMPARE(page.model()->rowCount(), 0); // the text filter does not search departments
    child<QLineEdit>(page, "employeeFilter")->clear();
    auto *department = child<QComboBox>(page, "departmentFilter");
    department->setCurrentIndex(
        department->findData(idString(f.org.dept.value(QStringLiteral("PRJ")))));
    QTRY_COMPARE(page.model()->totalCount(), 3);

    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("people.csv"));
    QSignalSpy finished(&page, &PeoplePage::exportFinished);
    page.exportTo(path);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4); // header and three people
    QVERIFY(lines.at(0).contains(QStringLiteral("Number,Name")));

    const QList<AuditRow> audit = auditFor(f, QStringLiteral("export"));
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().userName, QStringLiteral("lina"));
    QVERIFY2(audit.first().summary.contains(QStringLiteral("to people.csv; people listed: 3")),
             qPrintable(audit.first().summary));
    QVERIFY(audit.first().summary.contains(QStringLiteral("Projects")));
}

void TestPeoplePage::remembersTheSplitter()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    QList<int> sizes;
    {
        PeoplePage page(*f.context);
        page.resize(1280, 720);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *splitter = child<QSplitter>(page, "peopleSplitter");
        splitter->setSizes({900, 300});
        sizes = splitter->sizes();
    }
    PeoplePage again(*f.context);
    again.resize(1280, 720);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(child<QSplitter>(again, "peopleSplitter")->sizes(), sizes);
}

void TestPeoplePage::switchesLanguageAtRuntime()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    PeoplePage page(*f.context);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(openEmployee(page, QStringLiteral("E002")));
    page.findChild<QAction *>(QStringLiteral("organisationAction"))->trigger();
    OrganisationDialog *dialog = page.organisationDialog();
    QVERIFY(dialog);
    auto *newAction = page.findChild<QAction *>(QStringLiteral("newEmployeeAction"));
    QCOMPARE(newAction->text(), QStringLiteral("New employee"));

    BracketTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QTRY_COMPARE(newAction->text(), QStringLiteral("[New employee]"));
    QCOMPARE(page.model()->headerData(EmployeeTableModel::Name, Qt::Horizontal).toString(),
             QStringLiteral("[Name]"));
    QCOMPARE(page.model()->index(0, EmployeeTableModel::Status).data().toString(),
             QStringLiteral("[Active]"));
    QCOMPARE(child<QLineEdit>(page, "employeeFilter")->placeholderText(),
             QStringLiteral("[Find by name, number, e-mail or phone]"));
    QVERIFY(
        child<QAbstractButton>(page, "statusChip_all")->text().contains(QStringLiteral("[All]")));
    QVERIFY(child<QLabel>(page, "employeeCount")->text().startsWith(QStringLiteral("[Employees")));
    QCOMPARE(child<QTabWidget>(page, "detailTabs")->tabText(0), QStringLiteral("[Archive]"));
    QVERIFY(hasLabel(page, QStringLiteral("[Phone]")));
    QVERIFY(hasLabel(page, QStringLiteral("[Responsibilities]")));
    QCOMPARE(child<QComboBox>(page, "statusCombo")->currentText(), QStringLiteral("[Active]"));
    QCOMPARE(child<QPushButton>(page, "saveButton")->text(), QStringLiteral("[Save]"));
    QCOMPARE(child<QComboBox>(page, "departmentFilter")->itemText(0),
             QStringLiteral("[All departments]"));
    QCOMPARE(dialog->windowTitle(), QStringLiteral("[Organisation]"));
    QCOMPARE(child<QPushButton>(*dialog, "newDepartmentButton")->text(),
             QStringLiteral("[New department]"));
    QCOMPARE(child<QPushButton>(*dialog, "newPositionButton")->text(),
             QStringLiteral("[New position]"));
    QCOMPARE(child<QPushButton>(*dialog, "moveResponsibilityUp")->text(),
             QStringLiteral("[Move up]"));
    QVERIFY(hasLabel(*dialog, QStringLiteral("[Belongs to]")));
    // Switching did not count as an edit.
    QVERIFY(!page.detailPane()->form()->hasUnsavedChanges());

    QVERIFY(QCoreApplication::removeTranslator(&translator));
    QTRY_COMPARE(newAction->text(), QStringLiteral("New employee"));
    QVERIFY(hasLabel(page, QStringLiteral("Phone")));
}

// Pictures of the page for people to look at: set BATON_SCREENSHOT_DIR.
void TestPeoplePage::screenshots()
{
    const QString dir = qEnvironmentVariable("BATON_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("Set BATON_SCREENSHOT_DIR to write screenshots of the People page.");
    test::PeopleFixture f;
    QVERIFY(f.open());
    int order = 0;
    for (const char *title : {"Requirements and delivery of project A",
                              "Customer acceptance records", "Supplier portal account"})
        QVERIFY(f.org.submitAs(QStringLiteral("admin"), QStringLiteral("responsibility"),
                               createUuidV7(f.org.clockMs), OpKind::Create,
                               {{QStringLiteral("position_id"), idString(f.org.position)},
                                {QStringLiteral("title"), QLatin1String(title)},
                                {QStringLiteral("sort_order"), order += 10}}));
    const QUuid zhang = f.org.emp.value(QStringLiteral("E002"));
    QVERIFY(f.org.submitAs(
        QStringLiteral("lina"), QStringLiteral("employee"), zhang, OpKind::Update,
        {{QStringLiteral("department_id"), idString(f.org.dept.value(QStringLiteral("PRJ")))}}));
    QVERIFY(f.org.submitAs(QStringLiteral("lina"), QStringLiteral("employee"), zhang,
                           OpKind::Update,
                           {{QStringLiteral("status"), QStringLiteral("departing")},
                            {QStringLiteral("departure_date"), QStringLiteral("2026-01-31")}}));
    QVERIFY(f.addPeople(2000, 42));
    PeoplePage page(*f.context);
    page.resize(1280, 720);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto shoot = [&](QWidget &w, const char *name) {
        QCoreApplication::processEvents();
        QVERIFY(w.grab().save(dir + QLatin1Char('/') + QLatin1String(name)));
    };
    page.showEmployee(zhang);
    shoot(page, "people-list.png");
    child<QTabWidget>(page, "detailTabs")->setCurrentIndex(1);
    shoot(page, "people-history.png");
    child<QTabWidget>(page, "detailTabs")->setCurrentIndex(0);

    child<QLineEdit>(page, "employeeFilter")->insert(QStringLiteral("张"));
    QTRY_VERIFY(page.model()->totalCount() < 2000);
    QVERIFY(openEmployee(page, page.model()->index(3, 0).data().toString()));
    child<QLineEdit>(page, "emailEdit")->setText(QStringLiteral("not-an-address"));
    shoot(page, "people-chinese.png");
    page.detailPane()->form()->discardChanges();

    child<QLineEdit>(page, "employeeFilter")->setText(QStringLiteral("nobody"));
    QTRY_COMPARE(page.model()->totalCount(), 0);
    shoot(page, "people-empty.png");

    page.findChild<QAction *>(QStringLiteral("organisationAction"))->trigger();
    OrganisationDialog *dialog = page.organisationDialog();
    dialog->resize(1000, 640);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    shoot(*dialog, "people-departments.png");
    dialog->tabs()->setCurrentIndex(1);
    shoot(*dialog, "people-positions.png");
}

// The page over a company made by `baton-cli demo`: set BATON_SCREENSHOT_DIR,
// BATON_DEMO_DATABASE, BATON_DEMO_LOGIN and BATON_DEMO_PASSWORD.
void TestPeoplePage::screenshotsOfDemoCompany()
{
    const QString dir = qEnvironmentVariable("BATON_SCREENSHOT_DIR");
    const QString database = qEnvironmentVariable("BATON_DEMO_DATABASE");
    if (dir.isEmpty() || database.isEmpty())
        QSKIP("Set BATON_SCREENSHOT_DIR and BATON_DEMO_DATABASE to picture a demo company.");
    Store::Options options;
    options.path = database;
    auto store = Store::open(options);
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
    auto session = Authenticator(**store).login(qEnvironmentVariable("BATON_DEMO_LOGIN"),
                                                qEnvironmentVariable("BATON_DEMO_PASSWORD"));
    QVERIFY2(session.ok(), session.ok() ? "" : qPrintable(session.error().message));
    AppContext context(**store, *session);
    PeoplePage page(context);
    page.resize(1280, 720);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *table = child<QTableView>(page, "employeeTable");
    table->selectRow(5);
    QCoreApplication::processEvents();
    QVERIFY(page.grab().save(dir + QStringLiteral("/people-demo.png")));
    child<QTabWidget>(page, "detailTabs")->setCurrentIndex(1);
    QCoreApplication::processEvents();
    QVERIFY(page.grab().save(dir + QStringLiteral("/people-demo-history.png")));
}

QTEST_MAIN(TestPeoplePage)
#include "tst_gui_people.moc"
