#pragma once

#include "performance/goals.h"

#include <QWidget>

class QTableWidget;

namespace baton {

// The indicators of a goal being written: metric, unit, kind (quantity or
// rate), direction, target, threshold, weight and source, one row each.
// Weights left at 0 are shared equally.
class IndicatorsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit IndicatorsEditor(QWidget *parent = nullptr);

    QList<IndicatorDraft> indicators() const;
    void addIndicator(const IndicatorDraft &draft = {});
    void removeCurrent();
    int count() const;
    QStringList metrics() const;
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void changed();

private:
    QTableWidget *m_table;
};

} // namespace baton
