// The performance dashboard on a known data set (tests/common/
// performancedataset.h): the charts carry the computed numbers, a click on a
// bar, slice or point lists the records behind it, the exports write real
// files, and who may see which department.

#include "dashboard/dashboardview.h"
#include "people/departmentcombobox.h"
#include "performancedataset.h"
#include "tst_gui_peoplefixture.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTreeWidget>

using namespace baton;

class TestGuiDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void chartsShowTheNumbers();
    void clicksDrillDownToTheRecords();
    void exportsWriteRealFiles();
    void aManagerSeesTheirDepartmentsOnly();
    void anEmployeeIsToldDashboardsAreForManagers();

private:
    std::unique_ptr<DashboardView> openAs(const QString &login);
    QChart *chart(DashboardView &view, int index);
    QStringList drillColumn(DashboardView &view, int column);

    QTemporaryDir m_dir;
    std::unique_ptr<test::PeopleFixture> m_f;
    test::PerformanceDataSet m_set;
};

void TestGuiDashboard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolatePeopleSettings(m_dir.filePath(QStringLiteral("settings")));
}

void TestGuiDashboard::init()
{
    m_f = std::make_unique<test::PeopleFixture>();
    QVERIFY(m_f->org.build());
    m_set = {};
    QVERIFY(m_set.write(m_f->org));
    m_f->org.clockMs = QDateTime(test::PerformanceDataSet::today(), QTime(12, 0), QTimeZone::utc())
                           .toMSecsSinceEpoch();
}

void TestGuiDashboard::cleanup()
{
    m_f.reset();
}

std::unique_ptr<DashboardView> TestGuiDashboard::openAs(const QString &login)
{
    if (!m_f->signIn(login))
        return nullptr;
    auto view = std::make_unique<DashboardView>(*m_f->context);
    view->resize(1400, 900);
    return view;
}

QChart *TestGuiDashboard::chart(DashboardView &view, int index)
{
    const auto views = view.findChildren<QChartView *>();
    return index < views.size() ? views.at(index)->chart() : nullptr;
}

QStringList TestGuiDashboard::drillColumn(DashboardView &view, int column)
{
    QStringList out;
    for (int i = 0; i < view.drillList()->topLevelItemCount(); ++i)
        out.append(view.drillList()->topLevelItem(i)->text(column));
    out.sort();
    return out;
}

void TestGuiDashboard::chartsShowTheNumbers()
{
    auto view = openAs(QStringLiteral("lina"));
    QVERIFY(view);
    view->showDepartment(m_f->org.dept.value(QStringLiteral("PRJ")),
                         m_set.cycle.value(QStringLiteral("mar")));
    QCOMPARE(view->data().reviewed, 3);

    auto *histogram = qobject_cast<QBarSeries *>(chart(*view, 0)->series().value(0));
    QVERIFY(histogram);
    QBarSet *people = histogram->barSets().value(0);
    QCOMPARE(people->count(), 10);
    QCOMPARE(people->at(9), 1.0);
    QCOMPARE(people->at(7), 2.0);
    QCOMPARE(people->at(5), 0.0);

    auto *categories = qobject_cast<QPieSeries *>(chart(*view, 1)->series().value(0));
    QVERIFY(categories);
    QStringList labels;
    for (QPieSlice *slice : categories->slices())
        labels.append(slice->label());
    QVERIFY2(labels.contains(QStringLiteral("Document missing 40%")),
             qPrintable(labels.join(u'|')));
    QVERIFY(labels.contains(QStringLiteral("Delivery late 20%")));

    auto *overdue = qobject_cast<QLineSeries *>(chart(*view, 4)->series().value(0));
    QVERIFY(overdue);
    QCOMPARE(overdue->count(), 3); // January (nothing due), February, March
    QCOMPARE(overdue->at(0).y(), 0.0);
    QCOMPARE(overdue->at(1).y(), 50.0);
    QCOMPARE(overdue->at(2).y(), 100.0);

    // The whole company: Wang Fang's 50 joins the histogram.
    view->showDepartment({}, m_set.cycle.value(QStringLiteral("mar")));
    QCOMPARE(view->data().reviewed, 4);
    histogram = qobject_cast<QBarSeries *>(chart(*view, 0)->series().value(0));
    QCOMPARE(histogram->barSets().value(0)->at(5), 1.0);
}

void TestGuiDashboard::clicksDrillDownToTheRecords()
{
    auto view = openAs(QStringLiteral("lina"));
    QVERIFY(view);
    view->showDepartment(m_f->org.dept.value(QStringLiteral("PRJ")),
                         m_set.cycle.value(QStringLiteral("mar")));

    auto *histogram = qobject_cast<QBarSeries *>(chart(*view, 0)->series().value(0));
    Q_EMIT histogram->barSets().value(0)->clicked(7);
    QCOMPARE(view->drillList()->topLevelItemCount(), 2);
    QCOMPARE(drillColumn(*view, 2), (QStringList{QStringLiteral("72%"), QStringLiteral("78%")}));
    QCOMPARE(drillColumn(*view, 3), (QStringList{QStringLiteral("B"), QStringLiteral("C")}));

    auto *categories = qobject_cast<QPieSeries *>(chart(*view, 1)->series().value(0));
    QPieSlice *documents = nullptr;
    for (QPieSlice *slice : categories->slices())
        if (slice->label().startsWith(QStringLiteral("Document missing")))
            documents = slice;
    QVERIFY(documents);
    Q_EMIT documents->clicked();
    QCOMPARE(drillColumn(*view, 0),
             (QStringList{QStringLiteral("issue i1"), QStringLiteral("issue i2")}));

    auto *overdue = qobject_cast<QLineSeries *>(chart(*view, 4)->series().value(0));
    Q_EMIT overdue->clicked(QPointF(1.2, 48)); // February
    QCOMPARE(drillColumn(*view, 0), QStringList{QStringLiteral("feb-late")});
    QCOMPARE(drillColumn(*view, 3), QStringList{QStringLiteral("2026-02-12")});
}

void TestGuiDashboard::exportsWriteRealFiles()
{
    auto view = openAs(QStringLiteral("lina"));
    QVERIFY(view);
    view->showDepartment(m_f->org.dept.value(QStringLiteral("PRJ")),
                         m_set.cycle.value(QStringLiteral("mar")));
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));

    const QString csvPath = m_dir.filePath(QStringLiteral("dashboard.csv"));
    QString error;
    QVERIFY2(view->exportCsv(csvPath, &error), qPrintable(error));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.contains("document_missing,Document missing,2,40.0,"));

    const QString pngPath = m_dir.filePath(QStringLiteral("dashboard.png"));
    QVERIFY2(view->exportPng(pngPath, &error), qPrintable(error));
    QImage png(pngPath);
    QVERIFY(!png.isNull());
    QVERIFY(png.width() >= 640);

    const QString pdfPath = m_dir.filePath(QStringLiteral("dashboard.pdf"));
    QVERIFY2(view->exportPdf(pdfPath, &error), qPrintable(error));
    QFile pdf(pdfPath);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(pdf.size() > 2000);

    QVERIFY(!view->exportCsv(m_dir.filePath(QStringLiteral("missing/folder/x.csv")), &error));
    QVERIFY(!error.isEmpty());
}

void TestGuiDashboard::aManagerSeesTheirDepartmentsOnly()
{
    auto view = openAs(QStringLiteral("chenjing"));
    QVERIFY(view);
    auto *departments = view->findChild<DepartmentComboBox *>();
    QVERIFY(departments);
    QStringList names;
    for (int i = 0; i < departments->count(); ++i)
        names.append(departments->itemText(i));
    names.sort();
    QCOMPARE(names.size(), 2); // PRJ and PRJ-E, no "whole company", no branch store
    QVERIFY(departments->setCurrentDepartment(m_f->org.dept.value(QStringLiteral("PRJ"))));
    QVERIFY(!departments->setCurrentDepartment(m_f->org.dept.value(QStringLiteral("ST3"))));
}

void TestGuiDashboard::anEmployeeIsToldDashboardsAreForManagers()
{
    auto view = openAs(QStringLiteral("zhangwei"));
    QVERIFY(view);
    auto *message = view->findChild<QLabel *>(QStringLiteral("dashboardMessage"));
    QVERIFY(message);
    QVERIFY(message->text().contains(QStringLiteral("managers")));
    QCOMPARE(view->data().people.size(), 0);
}

QTEST_MAIN(TestGuiDashboard)
#include "tst_gui_dashboard.moc"
