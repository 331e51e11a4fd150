#pragma once

#include "performance/dashboard.h"

#include <QObject>

class QChart;

namespace baton {

// What a click on a chart points at: the records behind a bar, a slice or a
// point, for the drill-down list.
struct DrillDown
{
    enum class Kind { People, Issues, Tasks };
    Kind kind = Kind::People;
    QString title; // "Score 70–80: 2 people"
    QList<QUuid> records;
};

// Builds the dashboard's charts from its numbers (QtCharts) and reports
// clicks as drill-downs. The charts are owned by the caller.
class DashboardCharts : public QObject
{
    Q_OBJECT
public:
    explicit DashboardCharts(QObject *parent = nullptr);

    QChart *scoreDistribution(const dashboard::Data &data);
    QChart *issueCategories(const dashboard::Data &data);
    QChart *attribution(const dashboard::Data &data);
    QChart *indicatorTrends(const dashboard::Data &data);
    QChart *overdueRate(const dashboard::Data &data);

    // "Document missing 40%": a share's label, as the slices show it.
    static QString shareLabel(const QString &title, double percent);

Q_SIGNALS:
    void drillDown(const baton::DrillDown &drill);
};

} // namespace baton
