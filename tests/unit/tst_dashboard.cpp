// The numbers behind a department's dashboard, from a known data set
// (tests/common/performancedataset.h): score histogram, grades, issue categories with
// their shares, the cause that stands for each issue, indicator trends over
// cycles (each person's latest value scored against its target) and the
// overdue rate, each keeping the records behind it for drill-down.

#include "performance/dashboard.h"
#include "performancedataset.h"

#include <QTest>

using namespace baton;
using namespace baton::dashboard;
using namespace baton::test;

class TstDashboard : public QObject
{
    Q_OBJECT

    TestOrg org;
    PerformanceDataSet set;

    Data compute(const QUuid &department, int trendCycles = 2)
    {
        Query q;
        q.department = department;
        q.cycle = set.cycle.value(QStringLiteral("mar"));
        q.trendCycles = trendCycles;
        q.today = PerformanceDataSet::today();
        auto d = Dashboard(*org.store).compute(q);
        if (!d)
            qWarning() << d.error().message;
        return d ? *d : Data();
    }

    static const Share *share(const QList<Share> &list, const char *key)
    {
        for (const Share &s : list)
            if (s.key == QLatin1String(key))
                return &s;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestOrg::lowCost();
        QVERIFY(org.open());
        QVERIFY(org.build());
        QVERIFY(set.write(org));
    }

    void histogramAndGradesCountTheDepartmentsPeople()
    {
        const Data d = compute(org.dept.value(QStringLiteral("PRJ")));
        QCOMPARE(d.people.size(), 3);
        QCOMPARE(d.reviewed, 3);
        QCOMPARE(d.histogram.size(), 10);
        QCOMPARE(d.histogram.at(9).people, QList<QUuid>{org.emp.value(QStringLiteral("E001"))});
        QCOMPARE(d.histogram.at(7).people.size(), 2); // 72 and 78
        QCOMPARE(d.histogram.at(3).people.size(), 0); // February's 30 is not March's
        QCOMPARE(d.histogram.at(5).people.size(), 0); // Wang Fang is elsewhere
        QCOMPARE(d.grades.size(), 3);
        QCOMPARE(d.grades.at(0).key, QStringLiteral("A"));
        QCOMPARE(d.grades.at(2).key, QStringLiteral("C"));
    }

    void issueCategoriesHaveShares()
    {
        const Data d = compute(org.dept.value(QStringLiteral("PRJ")));
        QCOMPARE(d.issueCategories.size(), 3);
        const Share *doc = share(d.issueCategories, "document_missing");
        QVERIFY(doc);
        QCOMPARE(doc->count, 2);
        QCOMPARE(doc->percent, 40.0);
        QCOMPARE(doc->records.size(), 2);
        QVERIFY(doc->records.contains(set.issue.value(QStringLiteral("i1"))));
        QCOMPARE(share(d.issueCategories, "delivery_late")->percent, 20.0);
        QVERIFY(!share(d.issueCategories, "quality"));
        // Ties keep a stable order: by key.
        QCOMPARE(d.issueCategories.at(0).key, QStringLiteral("communication"));
        QCOMPARE(d.issueCategories.at(1).key, QStringLiteral("document_missing"));
    }

    void theCauseThatStandsIsTheSupervisors()
    {
        const Data d = compute(org.dept.value(QStringLiteral("PRJ")));
        QCOMPARE(d.unattributedIssues, 2); // i4, i5
        QCOMPARE(d.attributionCauses.size(), 3);
        const Share *ability = share(d.attributionCauses, "ability");
        QVERIFY(ability);
        QCOMPARE(ability->records, QList<QUuid>{set.issue.value(QStringLiteral("i1"))});
        QVERIFY(!share(d.attributionCauses, "process")); // corrected away
        QCOMPARE(share(d.attributionCauses, "resources")->count, 1);
        QCOMPARE(share(d.attributionCauses, "external")->count, 1);
        QVERIFY(qAbs(share(d.attributionCauses, "external")->percent - 100.0 / 3) < 1e-9);
        QVERIFY(!share(d.attributionCauses, "equipment"));
    }

    void indicatorTrendsAverageLatestScoresByMetric()
    {
        const Data d = compute(org.dept.value(QStringLiteral("PRJ")));
        QCOMPARE(d.indicatorTrends.size(), 2);
        const IndicatorTrend &bug = d.indicatorTrends.at(0);
        QCOMPARE(bug.metric, QStringLiteral("Bug rate"));
        QCOMPARE(bug.points.size(), 2);
        QCOMPARE(bug.points.at(0).samples, 0); // none in February
        QCOMPARE(bug.points.at(1).value, 50.0);
        const IndicatorTrend &retention = d.indicatorTrends.at(1);
        QCOMPARE(retention.points.at(0).cycleTitle, QStringLiteral("2026-02"));
        QCOMPARE(retention.points.at(0).value, 90.0);
        QCOMPARE(retention.points.at(1).samples, 2);
        QCOMPARE(retention.points.at(1).value, 105.0); // (100 + 110) / 2
    }

    void overdueRateCountsOnlyTasksThatWereDue()
    {
        const Data d = compute(org.dept.value(QStringLiteral("PRJ")));
        QCOMPARE(d.overdue.size(), 2);
        QCOMPARE(d.overdue.at(0).due, 2);
        QCOMPARE(d.overdue.at(0).lateTasks,
                 QList<QUuid>{set.task.value(QStringLiteral("feb-late"))});
        QCOMPARE(d.overdue.at(0).percent(), 50.0);
        QCOMPARE(d.overdue.at(1).due, 1); // not yet due, cancelled and outside left out
        QCOMPARE(d.overdue.at(1).percent(), 100.0);
    }

    void theWholeCompanyAndLongerTrends()
    {
        const Data d = compute({}, 8);
        QCOMPARE(d.reviewed, 4);
        QCOMPARE(d.histogram.at(5).people.size(), 1); // Wang Fang's 50
        QCOMPARE(d.issueCategories.size(), 4);
        QCOMPARE(d.overdue.size(), 3);
        QCOMPARE(d.overdue.at(2).due, 2); // Wang Fang's open task since 2 March
        QCOMPARE(d.indicatorTrends.at(1).points.size(), 3);
        QCOMPARE(d.indicatorTrends.at(1).points.at(0).value, 100.0); // January
        QCOMPARE(d.indicatorTrends.at(1).points.at(2).value, (100.0 + 110.0 + 50.0) / 3);
    }

    void cyclesLatestFirst()
    {
        auto cycles = Dashboard(*org.store).cycles();
        QVERIFY(cycles);
        QCOMPARE(cycles->size(), 3);
        QCOMPARE(cycles->at(0).title, QStringLiteral("2026-03"));
        QVERIFY(cycles->at(0).closed);
        QCOMPARE(cycles->at(2).starts, QDate(2026, 1, 1));
    }

    void anUnknownCycleIsAClearError()
    {
        Query q;
        q.cycle = QUuid::createUuid();
        auto d = Dashboard(*org.store).compute(q);
        QVERIFY(!d);
        QCOMPARE(d.error().code, QStringLiteral("ref.missing"));
    }

    void csvHasEverySectionAndIsSafeForSpreadsheets()
    {
        Data d = compute(org.dept.value(QStringLiteral("PRJ")));
        d.indicatorTrends[0].metric = QStringLiteral("=HYPERLINK(\"x\")");
        const QByteArray csv = Dashboard::toCsv(d);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(csv.mid(3));
        QVERIFY(text.contains(QStringLiteral("document_missing,Document missing,2,40.0,")));
        QVERIFY(text.contains(QStringLiteral("2026-02,2026-02-01,2,1,50.0,")));
        QVERIFY(text.contains(QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"")));
        QVERIFY(!text.contains(QStringLiteral(",=HYPERLINK")));
    }
};

QTEST_GUILESS_MAIN(TstDashboard)
#include "tst_dashboard.moc"
