#pragma once

#include "performance/goals.h"

#include <QWidget>

class QTableWidget;

namespace baton {

// The consequence rules of a goal being written (consequences.h): which
// indicator a rule watches, when it applies (the indicator scores below a
// percentage, or an issue occurs so many times) and what it brings (a
// bonus adjustment, no promotion, a training, a title). Issues are counted
// in the categories they are recorded in (reviewentities.h).
class ConsequencesEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ConsequencesEditor(QWidget *parent = nullptr);

    // The goal's indicators by metric, in order, for the rules to watch.
    void setMetrics(const QStringList &metrics);
    QList<ConsequenceDraft> consequences() const;
    void addRule(const ConsequenceDraft &draft = {});
    void removeCurrent();
    int count() const;
    QTableWidget *table() const { return m_table; }

private:
    void fillIndicators(int row, int current);

    QTableWidget *m_table;
    QStringList m_metrics;
};

} // namespace baton
