#pragma once

#include "work/alertscanner.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QList>

namespace baton {

// The warnings of the signed-in person, as Alerts computes them, in the
// order given (critical first, then the oldest). Read whole: a person has
// few.
class AlertsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, TitleColumn, AboutColumn, SinceColumn, StateColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, KeyRole };

    explicit AlertsModel(QObject *parent = nullptr);

    void setAlerts(const QList<Alert> &alerts);
    const QList<Alert> &alerts() const { return m_rows; }
    const Alert &alertAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &key) const;
    void retranslate();

    // Red for critical, amber for a warning; green once resolved, grey
    // once acknowledged (DESIGN.md section 6).
    static QColor colorOf(const Alert &alert);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Alert> m_rows;
};

} // namespace baton
