// The People module's models and pure helpers: EmployeeTableModel (lazy
// paging, SQL sorting and filtering, read scope, status display) under
// QAbstractItemModelTester with 10,000 rows; DepartmentTreeModel;
// EmploymentHistoryModel; the archive's change and validation rules; CSV cells.
#include "org/orgvalues.h"
#include "people/departmenttreemodel.h"
#include "people/employeechanges.h"
#include "people/employeecsvexporter.h"
#include "people/employeestatusstyle.h"
#include "people/employeetablemodel.h"
#include "people/employeevalidator.h"
#include "people/employmenthistorymodel.h"
#include "tst_gui_peoplefixture.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace baton;

class TestPeopleModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pagesLazilyThroughTenThousandRows();
    void viewScrollingFetchesMore();
    void sortsAndFiltersInSql();
    void appliesReadScope();
    void showsStatusTheSameWay();
    void refreshKeepsRowsWhenOnlyCellsChange();
    void departmentTree();
    void historyResolvesNames();
    void changesOnlyWhatDiffers();
    void validatorMirrorsCoreRules();
    void csvCellsAreSafe();

private:
    QTemporaryDir m_settings;
};

void TestPeopleModel::initTestCase()
{
    test::isolatePeopleSettings(m_settings.path());
}

void TestPeopleModel::pagesLazilyThroughTenThousandRows()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    QVERIFY(f.addPeople(10000, 7));
    EmployeeTableModel model(*f.context);
    QCOMPARE(model.totalCount(), 10007);
    QCOMPARE(model.rowCount(), EmployeeTableModel::PageSize);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 2 * EmployeeTableModel::PageSize);

    // The tester fetches more itself as it checks.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 10007);

    // Every row is a distinct employee: pages neither overlap nor skip.
    QSet<QUuid> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.insert(model.index(r, 0).data(EmployeeTableModel::IdRole).toUuid());
    QCOMPARE(ids.size(), 10007);

    // Sorting and filtering reset to the first page, under the tester.
    model.sort(EmployeeTableModel::HireDate, Qt::DescendingOrder);
    QVERIFY(model.rowCount() < 10007);
    const QString newest = model.index(0, EmployeeTableModel::HireDate).data().toString();
    const QString next = model.index(1, EmployeeTableModel::HireDate).data().toString();
    QVERIFY(newest >= next);
    EmployeeFilter filter;
    filter.text = QStringLiteral("G0999");
    model.setFilter(filter);
    QCOMPARE(model.totalCount(), 10); // G09990 .. G09999
    QCOMPARE(model.rowCount(), 10);
    QVERIFY(!model.canFetchMore({}));
}

void TestPeopleModel::viewScrollingFetchesMore()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    QVERIFY(f.addPeople(1000, 3));
    EmployeeTableModel model(*f.context);
    QTableView view;
    view.setModel(&model);
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(model.rowCount(), EmployeeTableModel::PageSize);
    view.scrollToBottom();
    QTRY_VERIFY(model.rowCount() > EmployeeTableModel::PageSize);
}

void TestPeopleModel::sortsAndFiltersInSql()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    EmployeeTableModel model(*f.context);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.sort(EmployeeTableModel::Number, Qt::DescendingOrder);
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.index(0, EmployeeTableModel::Number).data().toString(), QStringLiteral("E007"));
    QCOMPARE(model.index(6, EmployeeTableModel::Number).data().toString(), QStringLiteral("E001"));
    QCOMPARE(model.sortColumn(), int(EmployeeTableModel::Number));

    // E-mail has no order in the directory: the request is ignored.
    QVERIFY(!EmployeeTableModel::isSortable(EmployeeTableModel::Email));
    model.sort(EmployeeTableModel::Email, Qt::AscendingOrder);
    QCOMPARE(model.sortColumn(), int(EmployeeTableModel::Number));

    EmployeeFilter filter;
    filter.text = QStringLiteral("wei zhang"); // written the other way round
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, EmployeeTableModel::Name).data().toString(),
             QStringLiteral("Wei Zhang"));

    filter = {};
    filter.departmentId = f.org.dept.value(QStringLiteral("PRJ"));
    model.setFilter(filter);
    QCOMPARE(model.totalCount(), 3); // Chen Jing, Liu Yang and Zhang Wei below in PRJ-E
    filter.includeSubdepartments = false;
    model.setFilter(filter);
    QCOMPARE(model.totalCount(), 2);
}

void TestPeopleModel::appliesReadScope()
{
    test::PeopleFixture f;
    QVERIFY(f.open(QStringLiteral("zhangwei")));
    {
        EmployeeTableModel model(*f.context);
        QCOMPARE(model.totalCount(), 1);
        QCOMPARE(model.index(0, EmployeeTableModel::Number).data().toString(),
                 QStringLiteral("E002"));
    }
    QVERIFY(f.signIn(QStringLiteral("chenjing")));
    EmployeeTableModel model(*f.context);
    model.sort(EmployeeTableModel::Number, Qt::AscendingOrder);
    QCOMPARE(model.totalCount(), 3);
    QStringList numbers;
    for (int r = 0; r < model.rowCount(); ++r)
        numbers << model.index(r, EmployeeTableModel::Number).data().toString();
    QCOMPARE(numbers,
             (QStringList{QStringLiteral("E001"), QStringLiteral("E002"), QStringLiteral("E006")}));
}

void TestPeopleModel::showsStatusTheSameWay()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    QVERIFY(f.org.submitAs(QStringLiteral("admin"), QStringLiteral("employee"),
                           f.org.emp.value(QStringLiteral("E006")), OpKind::Update,
                           {{QStringLiteral("status"), QStringLiteral("departed")},
                            {QStringLiteral("departure_date"), QStringLiteral("2025-12-31")}}));
    QVERIFY(f.org.submitAs(QStringLiteral("admin"), QStringLiteral("employee"),
                           f.org.emp.value(QStringLiteral("E002")), OpKind::Update,
                           {{QStringLiteral("status"), QStringLiteral("departing")},
                            {QStringLiteral("departure_date"), QStringLiteral("2026-02-01")}}));
    EmployeeTableModel model(*f.context);
    const int departed = model.rowOf(f.org.emp.value(QStringLiteral("E006")));
    const int departing = model.rowOf(f.org.emp.value(QStringLiteral("E002")));
    const int active = model.rowOf(f.org.emp.value(QStringLiteral("E001")));
    QVERIFY(departed >= 0 && departing >= 0 && active >= 0);
    const auto cell = [&](int row, int column, int role) {
        return model.index(row, column).data(role);
    };

    QCOMPARE(cell(departed, EmployeeTableModel::Status, Qt::DisplayRole).toString(),
             org::employeeStatusTitle(QStringLiteral("departed")));
    // A departed person's whole row is grey; departing only marks the status.
    QCOMPARE(cell(departed, EmployeeTableModel::Name, Qt::ForegroundRole).value<QColor>(),
             EmployeeStatusStyle::color(QStringLiteral("departed")));
    QCOMPARE(cell(departing, EmployeeTableModel::Status, Qt::ForegroundRole).value<QColor>(),
             EmployeeStatusStyle::color(QStringLiteral("departing")));
    QVERIFY(!cell(departing, EmployeeTableModel::Name, Qt::ForegroundRole).isValid());
    QVERIFY(!cell(active, EmployeeTableModel::Status, Qt::ForegroundRole).isValid());
    QVERIFY(cell(departing, EmployeeTableModel::Status, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("2026-02-01")));
    QVERIFY(EmployeeStatusStyle::color(QStringLiteral("on_leave")).isValid());
    QVERIFY(!EmployeeStatusStyle::icon(QStringLiteral("on_leave")).isNull());
}

void TestPeopleModel::refreshKeepsRowsWhenOnlyCellsChange()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    EmployeeTableModel model(*f.context);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy cells(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(f.org.submitAs(QStringLiteral("admin"), QStringLiteral("employee"),
                           f.org.emp.value(QStringLiteral("E003")), OpKind::Update,
                           {{QStringLiteral("phone"), QStringLiteral("+86 21 5555 0100")}}));
    model.refresh();
    QCOMPARE(resets.count(), 0);
    QCOMPARE(cells.count(), 1);
    const int row = model.rowOf(f.org.emp.value(QStringLiteral("E003")));
    QCOMPARE(model.index(row, EmployeeTableModel::Phone).data().toString(),
             QStringLiteral("+86 21 5555 0100"));

    // A new person changes the rows: a reset, and the count follows.
    QSignalSpy total(&model, &EmployeeTableModel::totalCountChanged);
    QVERIFY(f.addPeople(1, 1));
    model.refresh();
    QCOMPARE(resets.count(), 1);
    QCOMPARE(total.count(), 1);
    QCOMPARE(model.rowCount(), 8);
}

void TestPeopleModel::departmentTree()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    DepartmentTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto departments = f.context->directory().departments();
    QVERIFY(departments.ok());
    model.setDepartments(*departments);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex hq = model.index(0, 0);
    QCOMPARE(hq.data().toString(), QStringLiteral("Head office"));
    QCOMPARE(model.rowCount(hq), 2); // Branch store 3, Projects
    const QModelIndex projects = model.indexOf(f.org.dept.value(QStringLiteral("PRJ")));
    QCOMPARE(projects.parent(), hq);
    QCOMPARE(model.rowCount(projects), 1);
    QCOMPARE(model.index(0, 0, projects).data().toString(), QStringLiteral("Projects East"));
    QCOMPARE(model.index(0, DepartmentTreeModel::People, projects).data().toString(),
             QStringLiteral("1"));
}

void TestPeopleModel::historyResolvesNames()
{
    test::PeopleFixture f;
    QVERIFY(f.open());
    const QUuid zhang = f.org.emp.value(QStringLiteral("E002"));
    QVERIFY(f.org.submitAs(
        QStringLiteral("lina"), QStringLiteral("employee"), zhang, OpKind::Update,
        {{QStringLiteral("department_id"), idString(f.org.dept.value(QStringLiteral("PRJ")))},
         {QStringLiteral("phone"), QStringLiteral("+86 10 1234 5678")}}));
    // A department retired later keeps its name in the history.
    const QUuid east = f.org.dept.value(QStringLiteral("PRJ-E"));
    QVERIFY(f.org.submitAs(QStringLiteral("admin"), QStringLiteral("department"), east,
                           OpKind::Retire, {}));

    EmploymentHistoryModel model(*f.context);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEmployee(zhang);
    QVERIFY(model.lastError().isEmpty());
    // Newest first: the move, by lina, from Projects East to Projects.
    QCOMPARE(model.index(0, EmploymentHistoryModel::ChangedBy).data().toString(),
             QStringLiteral("lina"));
    QCOMPARE(model.index(0, EmploymentHistoryModel::What).data().toString(),
             QStringLiteral("Department"));
    QCOMPARE(model.index(0, EmploymentHistoryModel::From).data().toString(),
             QStringLiteral("Projects East (retired)"));
    QCOMPARE(model.index(0, EmploymentHistoryModel::To).data().toString(),
             QStringLiteral("Projects"));
    // The hiring: manager and position by name; the phone change is hidden.
    QStringList created;
    for (int r = 1; r < model.rowCount(); ++r)
        created << model.index(r, EmploymentHistoryModel::To).data().toString();
    QVERIFY2(created.contains(QStringLiteral("Jing Chen (E001)")), qPrintable(created.join(u'|')));
    QVERIFY(created.contains(QStringLiteral("Senior project manager")));
    QVERIFY(!created.contains(QStringLiteral("+86 10 1234 5678")));
    const int employmentRows = model.rowCount();
    model.setAllFields(true);
    QVERIFY(model.rowCount() > employmentRows);
}

void TestPeopleModel::changesOnlyWhatDiffers()
{
    const QJsonObject base{{QStringLiteral("phone"), QStringLiteral("1")},
                           {QStringLiteral("email"), QJsonValue(QJsonValue::Null)},
                           {QStringLiteral("status"), QStringLiteral("active")}};
    QJsonObject mine = base;
    mine.insert(QStringLiteral("phone"), QStringLiteral("2"));
    mine.insert(QStringLiteral("email"), QString()); // empty is the same as null
    QCOMPARE(EmployeeChanges::diff(base, mine),
             (QJsonObject{{QStringLiteral("phone"), QStringLiteral("2")}}));

    QJsonObject theirs = base;
    theirs.insert(QStringLiteral("phone"), QStringLiteral("3"));
    theirs.insert(QStringLiteral("status"), QStringLiteral("on_leave"));
    QCOMPARE(EmployeeChanges::conflicts(base, mine, theirs), QStringList{QStringLiteral("phone")});
    const QJsonObject merged = EmployeeChanges::merge(base, mine, theirs);
    QCOMPARE(merged.value(QStringLiteral("phone")).toString(), QStringLiteral("2"));
    QCOMPARE(merged.value(QStringLiteral("status")).toString(), QStringLiteral("on_leave"));

    // A new record carries every field that has a value.
    QCOMPARE(EmployeeChanges::diff({}, mine).keys(),
             (QStringList{QStringLiteral("phone"), QStringLiteral("status")}));
}

void TestPeopleModel::validatorMirrorsCoreRules()
{
    test::PeopleFixture f; // registers the entities whose limits are read
    QVERIFY(f.open());
    QJsonObject v{{QStringLiteral("number"), QStringLiteral("E100")},
                  {QStringLiteral("family_name"), QStringLiteral("张")},
                  {QStringLiteral("given_name"), QStringLiteral("伟")},
                  {QStringLiteral("department_id"), QStringLiteral("x")},
                  {QStringLiteral("hire_date"), QStringLiteral("2020-03-01")},
                  {QStringLiteral("status"), QStringLiteral("active")}};
    QVERIFY(EmployeeValidator::check(v, true).isEmpty());

    QJsonObject bad = v;
    bad.insert(QStringLiteral("departure_date"), QStringLiteral("2020-02-29"));
    QVERIFY(EmployeeValidator::check(bad, true).contains(QStringLiteral("departure_date")));
    bad = v;
    bad.insert(QStringLiteral("status"), QStringLiteral("departing"));
    QVERIFY(EmployeeValidator::check(bad, true).contains(QStringLiteral("departure_date")));
    bad = v;
    bad.insert(QStringLiteral("email"), QStringLiteral("zhang.example.com"));
    bad.insert(QStringLiteral("phone"), QStringLiteral("call me"));
    bad.insert(QStringLiteral("number"), QStringLiteral("E 100"));
    bad.insert(QStringLiteral("given_name"), QString(61, QLatin1Char('x')));
    bad.insert(QStringLiteral("family_name"), QJsonValue(QJsonValue::Null));
    const auto errors = EmployeeValidator::check(bad, true);
    for (const char *field : {"email", "phone", "number", "given_name", "family_name"})
        QVERIFY2(errors.contains(QLatin1String(field)), field);
    // The number is fixed once the archive exists, so it is not checked then.
    QVERIFY(!EmployeeValidator::check(bad, false).contains(QStringLiteral("number")));
    QCOMPARE(EmployeeValidator::maxLength(QStringLiteral("email")), 254);
}

void TestPeopleModel::csvCellsAreSafe()
{
    QCOMPARE(EmployeeCsvExporter::cell(QStringLiteral("=HYPERLINK(\"x\")")),
             QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\""));
    QCOMPARE(EmployeeCsvExporter::cell(QStringLiteral("+86 138 0000 0000")),
             QStringLiteral("+86 138 0000 0000"));
    QCOMPARE(EmployeeCsvExporter::cell(QStringLiteral("-1+2")), QStringLiteral("'-1+2"));
    QCOMPARE(EmployeeCsvExporter::cell(QStringLiteral("Projects, East")),
             QStringLiteral("\"Projects, East\""));

    EmployeeRow row;
    row.number = QStringLiteral("E1");
    row.name = QStringLiteral("张伟");
    row.status = QStringLiteral("active");
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(EmployeeCsvExporter::write(buffer, {row}).ok());
    const QByteArray data = buffer.data();
    QVERIFY(data.startsWith("\xEF\xBB\xBF"));
    QCOMPARE(data.count("\r\n"), 2);
    QVERIFY(QString::fromUtf8(data).contains(QStringLiteral("E1,张伟,")));
}

QTEST_MAIN(TestPeopleModel)
#include "tst_gui_peoplemodel.moc"
