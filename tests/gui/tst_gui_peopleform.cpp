// The employee archive form driven like a user: as-you-type checks that save
// nothing (dates), core's refusals shown in the form, what an employee may
// change in their own archive, a new employee, and changes made elsewhere
// while someone is editing.
#include "people/employeedetailpane.h"
#include "people/employeeform.h"
#include "people/employeetablemodel.h"
#include "people/peoplepage.h"
#include "store/history.h"
#include "tst_gui_peoplefixture.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTimer>
#include <QtTest>

using namespace baton;
using baton::test::auditFor;
using baton::test::child;
using baton::test::openEmployee;
using baton::test::replaceText;

class TestPeopleForm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void invalidDatesSaveNothing();
    void coreRefusalIsShownInTheForm();
    void employeeMayChangeOnlyTheirContacts();
    void markingDepartedAsksFirst();
    void addsANewEmployee();
    void changeElsewhereKeepsUnsavedEdits();

private:
    QTemporaryDir m_settings;
};

void TestPeopleForm::initTestCase()
{
    test::isolatePeopleSettings(m_settings.path());
}

void TestPeopleForm::invalidDatesSaveNothing()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    PeoplePage page(*f.context);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(openEmployee(page, QStringLiteral("E002")));
    const QUuid id = f.org.emp.value(QStringLiteral("E002"));
    const qsizetype opsBefore =
        History(*f.org.store).forRecord(QStringLiteral("employee"), id)->size();

    auto *check = child<QCheckBox>(page, "departureDateCheck");
    auto *date = child<QDateEdit>(page, "departureDateEdit");
    auto *error = child<QLabel>(page, "departureDateError");
    auto *save = child<QPushButton>(page, "saveButton");
    QVERIFY(check && date && error && save);
    QVERIFY(!error->isVisible());
    check->click();
    date->setDate(QDate(2019, 12, 31)); // hired 2020-03-01
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("before the hire date")),
             qPrintable(error->text()));
    QVERIFY(!save->isEnabled());
    QVERIFY(!page.detailPane()->form()->save());

    // Departing without a date is the other half of the rule.
    check->click();
    auto *status = child<QComboBox>(page, "statusCombo");
    status->setCurrentIndex(status->findData(QStringLiteral("departing")));
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("needs a departure date")));
    QVERIFY(!save->isEnabled());

    // Fixing it clears the message.
    check->click();
    date->setDate(QDate(2026, 3, 31));
    QVERIFY(!error->isVisible());
    QVERIFY(save->isEnabled());
    QCOMPARE(History(*f.org.store).forRecord(QStringLiteral("employee"), id)->size(), opsBefore);
    QVERIFY(f.context->directory()
                .employee(id, ReadScope::everything())
                ->record.value(QStringLiteral("departure_date"))
                .isNull());
}

void TestPeopleForm::coreRefusalIsShownInTheForm()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    PeoplePage page(*f.context);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *newAction = page.findChild<QAction *>(QStringLiteral("newEmployeeAction"));
    QVERIFY(newAction && newAction->isVisible());
    newAction->trigger();
    EmployeeForm *form = page.detailPane()->form();
    QVERIFY(form->isNew());
    // The number is already Chen Jing's: only core knows.
    QTest::keyClicks(child<QLineEdit>(page, "numberEdit"), QStringLiteral("E001"));
    // QTest types Latin-1 only; an input method delivers Chinese as a commit.
    child<QLineEdit>(page, "familyNameEdit")->insert(QStringLiteral("王"));
    child<QLineEdit>(page, "givenNameEdit")->insert(QStringLiteral("小明"));
    auto *department = child<QComboBox>(page, "departmentCombo");
    department->setCurrentIndex(1);
    auto *save = child<QPushButton>(page, "saveButton");
    QVERIFY2(save->isEnabled(), qPrintable(form->errors().values().join(u'|')));
    QTest::mouseClick(save, Qt::LeftButton);

    auto *error = child<QLabel>(page, "formError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("already in use")), qPrintable(error->text()));
    QVERIFY(form->isNew());
    QVERIFY(form->hasUnsavedChanges()); // the user's typing is still there
    ReadScope all;
    all.all = true;
    QCOMPARE(*f.context->directory().countEmployees(all, {}), 7);
}

void TestPeopleForm::markingDepartedAsksFirst()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    PeoplePage page(*f.context);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(openEmployee(page, QStringLiteral("E002")));
    const QUuid id = f.org.emp.value(QStringLiteral("E002"));
    auto *status = child<QComboBox>(page, "statusCombo");
    auto *statuses = qobject_cast<QStandardItemModel *>(status->model());
    QVERIFY(statuses);
    for (int i = 0; i < statuses->rowCount(); ++i)
        QVERIFY(statuses->item(i)->isEnabled()); // from active, every move is allowed
    status->setCurrentIndex(status->findData(QStringLiteral("departed")));
    child<QCheckBox>(page, "departureDateCheck")->click();
    child<QDateEdit>(page, "departureDateEdit")->setDate(QDate(2026, 1, 31));
    auto *save = child<QPushButton>(page, "saveButton");
    QVERIFY(save->isEnabled());

    // Cancel: nothing is saved and the edits stay.
    QString question;
    auto answer = [&question](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, qApp, [&question, button] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                question = box->text();
                box->button(button)->click();
            }
        });
    };
    answer(QMessageBox::Cancel);
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY2(question.contains(QStringLiteral("Wei Zhang")), qPrintable(question));
    QCOMPARE(f.context->directory()
                 .employee(id, ReadScope::everything())
                 ->record.value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("active"));
    QVERIFY(page.detailPane()->form()->hasUnsavedChanges());

    // Yes: saved.
    answer(QMessageBox::Yes);
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(f.context->directory()
                 .employee(id, ReadScope::everything())
                 ->record.value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("departed"));
    QVERIFY(!page.detailPane()->form()->hasUnsavedChanges());

    // Departed is final (the status's state machine): nothing else is offered.
    auto *model = qobject_cast<QStandardItemModel *>(status->model());
    QVERIFY(model);
    QVERIFY(model->item(status->findData(QStringLiteral("departed")))->isEnabled());
    for (const char *other : {"active", "on_leave", "departing"})
        QVERIFY2(!model->item(status->findData(QLatin1String(other)))->isEnabled(), other);
}

void TestPeopleForm::employeeMayChangeOnlyTheirContacts()
{
    test::PeopleFixture f;
    QVERIFY(f.open(QStringLiteral("zhangwei")));
    PeoplePage page(*f.context);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.model()->rowCount(), 1); // only his own archive, open from the start
    QCOMPARE(page.detailPane()->form()->employeeId(), f.org.emp.value(QStringLiteral("E002")));
    QVERIFY(child<QTableView>(page, "employeeTable")->selectionModel()->isRowSelected(0, {}));
    QVERIFY(!page.findChild<QAction *>(QStringLiteral("newEmployeeAction"))->isVisible());
    QVERIFY(!page.findChild<QAction *>(QStringLiteral("organisationAction"))->isVisible());
    QVERIFY(!page.findChild<QAction *>(QStringLiteral("exportAction"))->isVisible());
    QVERIFY(openEmployee(page, QStringLiteral("E002")));

    QVERIFY(!child<QComboBox>(page, "departmentCombo")->isEnabled());
    QVERIFY(!child<QComboBox>(page, "managerCombo")->isEnabled());
    QVERIFY(!child<QComboBox>(page, "statusCombo")->isEnabled());
    QVERIFY(child<QLineEdit>(page, "familyNameEdit")->isReadOnly());
    QVERIFY(child<QLineEdit>(page, "numberEdit")->isReadOnly());
    // Read-only fields look it: not the white of an editable field.
    QVERIFY(child<QLineEdit>(page, "familyNameEdit")->palette().color(QPalette::Base)
            != child<QLineEdit>(page, "phoneEdit")->palette().color(QPalette::Base));
    QVERIFY(child<QLabel>(page, "accessNote")->isVisible());

    // His own phone he may change, and it is saved as a contact update.
    auto *phone = child<QLineEdit>(page, "phoneEdit");
    QVERIFY(!phone->isReadOnly());
    replaceText(phone, QStringLiteral("13800138000"));
    QTest::mouseClick(child<QPushButton>(page, "saveButton"), Qt::LeftButton);
    QVERIFY2(!child<QLabel>(page, "formError")->isVisible(),
             qPrintable(child<QLabel>(page, "formError")->text()));
    const QUuid id = f.org.emp.value(QStringLiteral("E002"));
    QCOMPARE(f.context->directory()
                 .employee(id, ReadScope::everything())
                 ->record.value(QStringLiteral("phone"))
                 .toString(),
             QStringLiteral("13800138000"));
    QCOMPARE(auditFor(f, QStringLiteral("employee.update_contact"), id).size(), 1);
}

void TestPeopleForm::addsANewEmployee()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    PeoplePage page(*f.context);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.findChild<QAction *>(QStringLiteral("newEmployeeAction"))->trigger();
    auto *save = child<QPushButton>(page, "saveButton");
    QVERIFY(!save->isEnabled());
    QVERIFY(!child<QLabel>(page, "familyNameError")->isVisible()); // not before typing
    QTest::keyClicks(child<QLineEdit>(page, "numberEdit"), QStringLiteral("E100"));
    child<QLineEdit>(page, "familyNameEdit")->insert(QStringLiteral("刘"));
    child<QLineEdit>(page, "givenNameEdit")->insert(QStringLiteral("洋洋"));
    QTest::keyClicks(child<QLineEdit>(page, "emailEdit"), QStringLiteral("liu.yy@"));
    QVERIFY(child<QLabel>(page, "emailError")->isVisible());
    QTest::keyClicks(child<QLineEdit>(page, "emailEdit"), QStringLiteral("example.com"));
    QVERIFY(!child<QLabel>(page, "emailError")->isVisible());
    auto *department = child<QComboBox>(page, "departmentCombo");
    department->setCurrentIndex(
        department->findData(idString(f.org.dept.value(QStringLiteral("PRJ")))));
    // Managers offered are people of Projects or above.
    auto *manager = child<QComboBox>(page, "managerCombo");
    QVERIFY(manager->findText(QStringLiteral("Jing Chen (E001)")) > 0);
    QCOMPARE(manager->findText(QStringLiteral("Wei Zhang (E002)")), -1); // in Projects East
    manager->setCurrentIndex(manager->findText(QStringLiteral("Jing Chen (E001)")));
    auto *position = child<QComboBox>(page, "positionCombo");
    position->setCurrentIndex(1);
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY2(!child<QLabel>(page, "formError")->isVisible(),
             qPrintable(child<QLabel>(page, "formError")->text()));

    auto id = f.context->directory().employeeByNumber(QStringLiteral("E100"));
    QVERIFY(id.ok());
    auto stored = f.context->directory().employee(*id, ReadScope::everything());
    QCOMPARE(stored->record.value(QStringLiteral("family_name")).toString(), QStringLiteral("刘"));
    QCOMPARE(stored->managerName, QStringLiteral("Jing Chen"));
    QCOMPARE(stored->record.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    EmployeeForm *form = page.detailPane()->form();
    QVERIFY(!form->isNew());
    QCOMPARE(form->employeeId(), *id);
    QCOMPARE(page.model()->totalCount(), 8);
    QVERIFY(child<QLineEdit>(page, "numberEdit")->isReadOnly()); // fixed from now on
}

void TestPeopleForm::changeElsewhereKeepsUnsavedEdits()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    PeoplePage page(*f.context);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(openEmployee(page, QStringLiteral("E002")));
    const QUuid id = f.org.emp.value(QStringLiteral("E002"));
    auto *phone = child<QLineEdit>(page, "phoneEdit");
    auto *english = child<QLineEdit>(page, "englishNameEdit");
    auto *banner = child<QWidget>(page, "staleBanner");
    replaceText(phone, QStringLiteral("+86 21 1111 2222"));

    // Someone else sets his English name: taken in, the phone edit stays.
    QVERIFY(f.org.submitAs(QStringLiteral("admin"), QStringLiteral("employee"), id, OpKind::Update,
                           {{QStringLiteral("english_name"), QStringLiteral("David")}}));
    QCOMPARE(english->text(), QStringLiteral("David"));
    QCOMPARE(phone->text(), QStringLiteral("+86 21 1111 2222"));
    QVERIFY(banner->isVisible());

    // And then the phone too: the user is told which field collides.
    QVERIFY(f.org.submitAs(QStringLiteral("admin"), QStringLiteral("employee"), id, OpKind::Update,
                           {{QStringLiteral("phone"), QStringLiteral("+86 10 0000 0000")}}));
    QCOMPARE(phone->text(), QStringLiteral("+86 21 1111 2222"));
    auto *bannerText = banner->findChild<QLabel *>();
    QVERIFY2(bannerText->text().contains(QStringLiteral("Phone")), qPrintable(bannerText->text()));

    // Saving sends only the phone, over theirs.
    QTest::mouseClick(child<QPushButton>(page, "saveButton"), Qt::LeftButton);
    auto history = History(*f.org.store).forRecord(QStringLiteral("employee"), id);
    QCOMPARE(history->last().fields.keys(), QStringList{QStringLiteral("phone")});
    auto stored = f.context->directory().employee(id, ReadScope::everything());
    QCOMPARE(stored->record.value(QStringLiteral("phone")).toString(),
             QStringLiteral("+86 21 1111 2222"));
    QCOMPARE(stored->record.value(QStringLiteral("english_name")).toString(),
             QStringLiteral("David"));
    QVERIFY(!banner->isVisible());

    // Without unsaved edits, a change elsewhere simply shows.
    QVERIFY(f.org.submitAs(QStringLiteral("admin"), QStringLiteral("employee"), id, OpKind::Update,
                           {{QStringLiteral("english_name"), QStringLiteral("Dave")}}));
    QCOMPARE(english->text(), QStringLiteral("Dave"));
    QVERIFY(!banner->isVisible());
}

QTEST_MAIN(TestPeopleForm)
#include "tst_gui_peopleform.moc"
