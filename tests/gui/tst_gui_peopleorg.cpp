// Keeping the organisation from People: departments (create a branch store
// with its time zone, rename, move, a move that would make a cycle, a retire
// core refuses) and positions with their responsibilities (add, edit,
// reorder, retire), all through the real dialog.
#include "people/departmenteditor.h"
#include "people/organisationdialog.h"
#include "people/peoplepage.h"
#include "people/positioneditor.h"
#include "people/responsibilityeditor.h"
#include "people/responsibilitylistmodel.h"
#include "tst_gui_peoplefixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTreeView>
#include <QtTest>

using namespace baton;

namespace {

template<typename T>
T *child(QWidget &root, const char *name)
{
    T *w = root.findChild<T *>(QLatin1String(name));
    if (!w)
        qWarning() << "no widget named" << name;
    return w;
}

// Answers the next confirmation box with button.
void answerNextBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, qApp, [button] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(button)->click();
    });
}

void selectComboData(QComboBox *combo, const QString &data)
{
    combo->setCurrentIndex(combo->findData(data));
}

struct OrgFixture : test::PeopleFixture
{
    std::unique_ptr<PeoplePage> page;
    OrganisationDialog *dialog = nullptr;

    bool openDialog(const QString &login = QStringLiteral("lina"))
    {
        if (!open(login))
            return false;
        page = std::make_unique<PeoplePage>(*context);
        QAction *action = page->findChild<QAction *>(QStringLiteral("organisationAction"));
        if (!action || !action->isVisible())
            return false;
        action->trigger();
        dialog = page->organisationDialog();
        return dialog && dialog->isVisible();
    }
    QUuid parentOf(const char *code)
    {
        return org.store->orgTree().parentOf(org.dept.value(QLatin1String(code)));
    }
};

} // namespace

class TestPeopleOrganisation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void onlyOrganisationKeepersSeeIt();
    void createsABranchStore();
    void renamesAndMovesADepartment();
    void refusesAMoveThatMakesACycle();
    void showsWhatCoreRefuses();
    void editsPositionsAndResponsibilities();

private:
    QTemporaryDir m_settings;
};

void TestPeopleOrganisation::initTestCase()
{
    test::isolatePeopleSettings(m_settings.path());
}

void TestPeopleOrganisation::onlyOrganisationKeepersSeeIt()
{
    test::PeopleFixture f;
    QVERIFY(f.open(QStringLiteral("chenjing")));
    PeoplePage page(*f.context);
    QVERIFY(!page.findChild<QAction *>(QStringLiteral("organisationAction"))->isVisible());
}

void TestPeopleOrganisation::createsABranchStore()
{
    OrgFixture f;
    QVERIFY(f.openDialog());
    DepartmentEditor *editor = f.dialog->departments();
    // Start below the head office.
    editor->selectDepartment(f.org.dept.value(QStringLiteral("HQ")));
    QTest::mouseClick(child<QPushButton>(*editor, "newDepartmentButton"), Qt::LeftButton);
    auto *save = child<QPushButton>(*editor, "saveDepartmentButton");
    QVERIFY(!save->isEnabled());
    selectComboData(child<QComboBox>(*editor, "departmentKind"), QStringLiteral("branch_store"));
    QTest::keyClicks(child<QLineEdit>(*editor, "departmentCode"), QStringLiteral("ST9"));
    child<QLineEdit>(*editor, "departmentName")->insert(QStringLiteral("成都 9 号店"));
    auto *zone = child<QComboBox>(*editor, "departmentTimeZone");
    QCOMPARE(zone->currentText(), QStringLiteral("Asia/Shanghai")); // from the parent
    zone->setCurrentText(QStringLiteral("Asia/Nowhere"));
    auto *message = child<QLabel>(*editor, "departmentError");
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(QStringLiteral("not a known time zone")));
    QVERIFY(!save->isEnabled());
    zone->setCurrentText(QStringLiteral("Asia/Urumqi"));
    QVERIFY(!message->isVisible());
    QTest::mouseClick(save, Qt::LeftButton);

    auto departments = f.context->directory().departments();
    QVERIFY(departments.ok());
    const auto it =
        std::find_if(departments->cbegin(), departments->cend(),
                     [](const DepartmentInfo &d) { return d.code == QLatin1String("ST9"); });
    QVERIFY(it != departments->cend());
    QCOMPARE(it->kind, QStringLiteral("branch_store"));
    QCOMPARE(it->timeZone, QStringLiteral("Asia/Urumqi"));
    QCOMPARE(it->parentId, f.org.dept.value(QStringLiteral("HQ")));
    QCOMPARE(editor->currentDepartment(), it->id);
    // The list's department filter offers it at once.
    auto *filter = child<QComboBox>(*f.page, "departmentFilter");
    QVERIFY(filter->findData(idString(it->id)) >= 0);
}

void TestPeopleOrganisation::renamesAndMovesADepartment()
{
    OrgFixture f;
    QVERIFY(f.openDialog());
    DepartmentEditor *editor = f.dialog->departments();
    editor->selectDepartment(f.org.dept.value(QStringLiteral("PRJ-E")));
    auto *name = child<QLineEdit>(*editor, "departmentName");
    QCOMPARE(name->text(), QStringLiteral("Projects East"));
    name->setText(QStringLiteral("Projects East China"));
    selectComboData(child<QComboBox>(*editor, "departmentParent"),
                    idString(f.org.dept.value(QStringLiteral("ST3"))));
    QTest::mouseClick(child<QPushButton>(*editor, "saveDepartmentButton"), Qt::LeftButton);
    QCOMPARE(f.parentOf("PRJ-E"), f.org.dept.value(QStringLiteral("ST3")));
    QCOMPARE(name->text(), QStringLiteral("Projects East China"));
    // Zhang Wei's archive shows the new name.
    auto zhang = f.context->directory().employee(f.org.emp.value(QStringLiteral("E002")),
                                                 ReadScope::everything());
    QCOMPARE(zhang->departmentName, QStringLiteral("Projects East China"));
}

void TestPeopleOrganisation::refusesAMoveThatMakesACycle()
{
    OrgFixture f;
    QVERIFY(f.openDialog());
    DepartmentEditor *editor = f.dialog->departments();
    editor->selectDepartment(f.org.dept.value(QStringLiteral("PRJ")));
    QCOMPARE(child<QLineEdit>(*editor, "departmentName")->text(), QStringLiteral("Projects"));
    // Projects under its own sub-department Projects East.
    selectComboData(child<QComboBox>(*editor, "departmentParent"),
                    idString(f.org.dept.value(QStringLiteral("PRJ-E"))));
    auto *message = child<QLabel>(*editor, "departmentError");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(
                 QStringLiteral("cannot be moved below one of its own sub-departments")),
             qPrintable(message->text()));
    auto *save = child<QPushButton>(*editor, "saveDepartmentButton");
    QVERIFY(!save->isEnabled());
    QVERIFY(!editor->save());
    QCOMPARE(f.parentOf("PRJ"), f.org.dept.value(QStringLiteral("HQ")));
    // The department cannot be its own parent: it is not even offered.
    QCOMPARE(child<QComboBox>(*editor, "departmentParent")
                 ->findData(idString(f.org.dept.value(QStringLiteral("PRJ")))),
             -1);

    // Core says the same if the op gets there anyway.
    const Status s = f.context->submit({f.context->makeOp(
        QStringLiteral("department"), f.org.dept.value(QStringLiteral("PRJ")), OpKind::Update,
        {{QStringLiteral("parent_id"), idString(f.org.dept.value(QStringLiteral("PRJ-E")))}})});
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("org.cycle"));
    QVERIFY(message->text().contains(s.error().message));
}

void TestPeopleOrganisation::showsWhatCoreRefuses()
{
    OrgFixture f;
    QVERIFY(f.openDialog());
    DepartmentEditor *editor = f.dialog->departments();
    // Projects East still has Zhang Wei: core refuses to retire it.
    editor->selectDepartment(f.org.dept.value(QStringLiteral("PRJ-E")));
    answerNextBox(QMessageBox::Yes);
    QTest::mouseClick(child<QPushButton>(*editor, "retireDepartmentButton"), Qt::LeftButton);
    auto *message = child<QLabel>(*editor, "departmentError");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("Employees still in this department: 1. Move "
                                                     "them to another department first.")),
             qPrintable(message->text()));
    QVERIFY(f.org.store->orgTree().contains(f.org.dept.value(QStringLiteral("PRJ-E"))));
    auto departments = f.context->directory().departments();
    QCOMPARE(departments->size(), 4);

    // A duplicate code is core's to find too.
    editor->selectDepartment(f.org.dept.value(QStringLiteral("ST3")));
    auto *code = child<QLineEdit>(*editor, "departmentCode");
    code->setText(QStringLiteral("PRJ"));
    QTest::mouseClick(child<QPushButton>(*editor, "saveDepartmentButton"), Qt::LeftButton);
    QVERIFY2(message->text().contains(QStringLiteral("already in use")),
             qPrintable(message->text()));

    // Leaving the refused edit asks first; the edit is dropped.
    answerNextBox(QMessageBox::Discard);
    editor->selectDepartment(f.org.dept.value(QStringLiteral("PRJ-E")));
    QCOMPARE(editor->currentDepartment(), f.org.dept.value(QStringLiteral("PRJ-E")));
    QVERIFY(!editor->hasUnsavedChanges());

    // Cancelling the confirmation retires nothing.
    answerNextBox(QMessageBox::Cancel);
    QVERIFY(!editor->retire());
}

void TestPeopleOrganisation::editsPositionsAndResponsibilities()
{
    OrgFixture f;
    QVERIFY(f.openDialog());
    PositionEditor *editor = f.dialog->positions();
    f.dialog->tabs()->setCurrentWidget(editor);

    // A new position.
    QTest::mouseClick(child<QPushButton>(*editor, "newPositionButton"), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(*editor, "positionCode"), QStringLiteral("PM"));
    QTest::keyClicks(child<QLineEdit>(*editor, "positionTitle"), QStringLiteral("Project manager"));
    selectComboData(child<QComboBox>(*editor, "positionDepartment"),
                    idString(f.org.dept.value(QStringLiteral("PRJ"))));
    QTest::keyClicks(child<QLineEdit>(*editor, "positionGrade"), QStringLiteral("P6"));
    child<QPlainTextEdit>(*editor, "positionSummary")
        ->setPlainText(QStringLiteral("Leads customer projects from requirements to acceptance."));
    QTest::mouseClick(child<QPushButton>(*editor, "savePositionButton"), Qt::LeftButton);
    const QUuid pm = editor->currentPosition();
    auto find = [&]() -> PositionInfo {
        const auto positions = f.context->directory().positions();
        for (const PositionInfo &p : *positions)
            if (p.id == pm)
                return p;
        return {};
    };
    QCOMPARE(find().code, QStringLiteral("PM"));
    QCOMPARE(find().grade, QStringLiteral("P6"));
    QCOMPARE(find().departmentId, f.org.dept.value(QStringLiteral("PRJ")));

    // Its responsibilities: add three, reorder, edit, retire.
    ResponsibilityEditor *r = editor->responsibilities();
    QVERIFY(r->isEnabled());
    auto *title = child<QLineEdit>(*r, "responsibilityTitle");
    auto *detail = child<QPlainTextEdit>(*r, "responsibilityDetail");
    auto *saveR = child<QPushButton>(*r, "saveResponsibilityButton");
    const QStringList titles = {QStringLiteral("Requirements and delivery of project A"),
                                QStringLiteral("Customer acceptance records"),
                                QStringLiteral("Supplier portal account")};
    for (const QString &t : titles) {
        QTest::mouseClick(child<QPushButton>(*r, "newResponsibilityButton"), Qt::LeftButton);
        QTest::keyClicks(title, t);
        if (t == titles.first())
            detail->setPlainText(QStringLiteral("Owns the requirements document and the delivery "
                                                "plan of project A."));
        QTest::mouseClick(saveR, Qt::LeftButton);
        QVERIFY2(!child<QLabel>(*r, "responsibilityError")->isVisible(),
                 qPrintable(child<QLabel>(*r, "responsibilityError")->text()));
    }
    auto order = [&] {
        QStringList out;
        for (const ResponsibilityInfo &i : find().responsibilities)
            out << i.title;
        return out;
    };
    QCOMPARE(order(), titles);
    QCOMPARE(find().responsibilities.first().detail,
             QStringLiteral("Owns the requirements document and the delivery plan of project A."));

    // The last one up: selected after the move.
    auto *list = child<QListView>(*r, "responsibilityView");
    list->setCurrentIndex(r->model()->index(2));
    QTest::mouseClick(child<QPushButton>(*r, "moveResponsibilityUp"), Qt::LeftButton);
    QCOMPARE(order(), (QStringList{titles.at(0), titles.at(2), titles.at(1)}));
    QCOMPARE(list->currentIndex().row(), 1);

    // Rename the selected one.
    QCOMPARE(title->text(), titles.at(2));
    title->setText(QStringLiteral("Supplier portal account and its password safe"));
    QTest::mouseClick(saveR, Qt::LeftButton);
    QCOMPARE(order().at(1), QStringLiteral("Supplier portal account and its password safe"));

    // Retire it.
    answerNextBox(QMessageBox::Yes);
    QTest::mouseClick(child<QPushButton>(*r, "retireResponsibilityButton"), Qt::LeftButton);
    QCOMPARE(order(), (QStringList{titles.at(0), titles.at(1)}));

    // An employee's archive lists the responsibilities of their position.
    QVERIFY(f.org.submitAs(QStringLiteral("lina"), QStringLiteral("employee"),
                           f.org.emp.value(QStringLiteral("E006")), OpKind::Update,
                           {{QStringLiteral("position_id"), idString(pm)}}));
    f.page->showEmployee(f.org.emp.value(QStringLiteral("E006")));
    auto *listed = child<QLabel>(*f.page, "responsibilityList");
    QVERIFY2(listed->text().contains(titles.at(0)), qPrintable(listed->text()));
    QVERIFY(listed->text().contains(titles.at(1)));

    // Retiring the position takes it off the list.
    answerNextBox(QMessageBox::Yes);
    QTest::mouseClick(child<QPushButton>(*editor, "retirePositionButton"), Qt::LeftButton);
    QVERIFY(find().id.isNull());
}

QTEST_MAIN(TestPeopleOrganisation)
#include "tst_gui_peopleorg.moc"
