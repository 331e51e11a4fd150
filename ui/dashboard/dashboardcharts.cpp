#include "dashboardcharts.h"

#include "performance/indicatorscore.h"
#include "performance/reviewentities.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>

#include <algorithm>

namespace baton {

namespace {

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

// The nearest cycle to a click on a line chart over cycle indexes.
int nearestIndex(const QPointF &point, qsizetype count)
{
    return std::clamp(int(std::lround(point.x())), 0, int(count) - 1);
}

} // namespace

DashboardCharts::DashboardCharts(QObject *parent)
    : QObject(parent)
{ }

QString DashboardCharts::shareLabel(const QString &title, double percent)
{
    return tr("%1 %2").arg(title, performance::percentText(percent));
}

QChart *DashboardCharts::scoreDistribution(const dashboard::Data &data)
{
    QChart *chart = newChart(tr("Score distribution (%1 reviewed)").arg(data.reviewed));
    auto *set = new QBarSet(tr("People"));
    QStringList labels;
    for (const dashboard::ScoreBin &bin : data.histogram) {
        *set << bin.people.size();
        labels << (bin.toBp >= 10000 && &bin == &data.histogram.constLast()
                       ? tr("%1+").arg(bin.fromBp / 100)
                       : tr("%1–%2").arg(bin.fromBp / 100).arg(bin.toBp / 100));
    }
    auto *series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    chart->legend()->hide();
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    int most = 0;
    for (const dashboard::ScoreBin &bin : data.histogram)
        most = std::max(most, int(bin.people.size()));
    y->setRange(0, std::max(1, most));
    y->setTickCount(std::min(most, 5) + 1);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    const QList<dashboard::ScoreBin> bins = data.histogram;
    connect(set, &QBarSet::clicked, this, [this, bins, labels](int index) {
        if (index < 0 || index >= bins.size())
            return;
        Q_EMIT drillDown({DrillDown::Kind::People,
                          tr("Score %1: %n people", nullptr, int(bins.at(index).people.size()))
                              .arg(labels.at(index)),
                          bins.at(index).people});
    });
    return chart;
}

QChart *DashboardCharts::issueCategories(const dashboard::Data &data)
{
    int total = 0;
    for (const dashboard::Share &s : data.issueCategories)
        total += s.count;
    QChart *chart = newChart(tr("Issue categories (%n issues)", nullptr, total));
    auto *series = new QPieSeries;
    for (const dashboard::Share &s : data.issueCategories) {
        const QString title = issue::categoryTitle(s.key);
        QPieSlice *slice = series->append(shareLabel(title, s.percent), s.count);
        slice->setLabelVisible(true);
        const QList<QUuid> records = s.records;
        connect(slice, &QPieSlice::clicked, this, [this, title, records] {
            Q_EMIT drillDown({DrillDown::Kind::Issues,
                              tr("%1: %n issues", nullptr, int(records.size())).arg(title),
                              records});
        });
    }
    chart->addSeries(series);
    chart->legend()->hide();
    return chart;
}

QChart *DashboardCharts::attribution(const dashboard::Data &data)
{
    QChart *chart =
        newChart(tr("Causes of misses (%n not yet attributed)", nullptr, data.unattributedIssues));
    auto *set = new QBarSet(tr("Issues"));
    QStringList labels;
    for (const dashboard::Share &s : data.attributionCauses) {
        *set << s.count;
        labels << shareLabel(attribution::causeTitle(s.key), s.percent);
    }
    auto *series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    chart->legend()->hide();
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    int most = 0;
    for (const dashboard::Share &s : data.attributionCauses)
        most = std::max(most, s.count);
    y->setRange(0, std::max(1, most));
    y->setTickCount(std::min(most, 5) + 1);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    const QList<dashboard::Share> shares = data.attributionCauses;
    connect(set, &QBarSet::clicked, this, [this, shares](int index) {
        if (index < 0 || index >= shares.size())
            return;
        const dashboard::Share &s = shares.at(index);
        Q_EMIT drillDown({DrillDown::Kind::Issues,
                          tr("%1: %n issues", nullptr, s.count).arg(attribution::causeTitle(s.key)),
                          s.records});
    });
    return chart;
}

QChart *DashboardCharts::indicatorTrends(const dashboard::Data &data)
{
    QChart *chart = newChart(tr("Indicator scores over cycles (mean, % of target)"));
    auto *x = new QBarCategoryAxis;
    if (!data.indicatorTrends.isEmpty())
        for (const dashboard::TrendPoint &p : data.indicatorTrends.constFirst().points)
            x->append(p.cycleTitle);
    chart->addAxis(x, Qt::AlignBottom);
    auto *y = new QValueAxis;
    y->setRange(0, performance::DefaultScoreCap);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(y, Qt::AlignLeft);
    for (const dashboard::IndicatorTrend &t : data.indicatorTrends) {
        auto *series = new QLineSeries;
        series->setName(t.metric);
        series->setPointsVisible(true);
        for (int i = 0; i < t.points.size(); ++i)
            if (t.points.at(i).samples > 0)
                series->append(i, t.points.at(i).value);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    return chart;
}

QChart *DashboardCharts::overdueRate(const dashboard::Data &data)
{
    QChart *chart = newChart(tr("Overdue rate (% of tasks due in the cycle)"));
    auto *x = new QBarCategoryAxis;
    auto *series = new QLineSeries;
    series->setName(tr("Late"));
    series->setPointsVisible(true);
    for (int i = 0; i < data.overdue.size(); ++i) {
        x->append(data.overdue.at(i).cycleTitle);
        series->append(i, data.overdue.at(i).percent());
    }
    chart->addSeries(series);
    chart->legend()->hide();
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d%%"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    const QList<dashboard::OverduePoint> points = data.overdue;
    connect(series, &QLineSeries::clicked, this, [this, points](const QPointF &at) {
        if (points.isEmpty())
            return;
        const dashboard::OverduePoint &p = points.at(nearestIndex(at, points.size()));
        Q_EMIT drillDown({DrillDown::Kind::Tasks,
                          tr("%1: %2 of %n tasks late", nullptr, p.due)
                              .arg(p.cycleTitle)
                              .arg(p.lateTasks.size()),
                          p.lateTasks});
    });
    return chart;
}

} // namespace baton
