#include "alertsmodel.h"

#include "common/statusmark.h"
#include "work/reportentities.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace baton {

AlertsModel::AlertsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void AlertsModel::setAlerts(const QList<Alert> &alerts)
{
    beginResetModel();
    m_rows = alerts;
    endResetModel();
}

int AlertsModel::rowOf(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].key == key)
            return i;
    return -1;
}

void AlertsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QColor AlertsModel::colorOf(const Alert &a)
{
    switch (a.state) {
    case Alert::State::Resolved:
        return QColor(0x2e, 0x7d, 0x32);
    case Alert::State::Acknowledged:
        return QColor(0x80, 0x80, 0x80);
    case Alert::State::Open:
        break;
    }
    return a.severity == Alert::Severity::Critical ? QColor(0xc6, 0x28, 0x28)
                                                   : QColor(0xb8, 0x6e, 0x00);
}

int AlertsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Alert &a = m_rows.at(index.row());
    if (role == KeyRole)
        return a.key;
    const int column = index.column();
    if (role == SortRole) {
        switch (column) {
        case SeverityColumn:
            return int(a.severity);
        case SinceColumn:
            return a.sinceMs;
        case StateColumn:
            return int(a.state);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::DisplayRole) {
        switch (column) {
        case SeverityColumn:
            return Alert::severityTitle(a.severity);
        case TitleColumn:
            return a.title;
        case AboutColumn:
            return a.aboutName;
        case SinceColumn: {
            // Tasks and reports fall late at midnight: their day says it.
            const QDateTime since = QDateTime::fromMSecsSinceEpoch(a.sinceMs);
            return a.kind == QLatin1String(alert::ApprovalLate)
                       ? QLocale().toString(since, QLocale::ShortFormat)
                       : QLocale().toString(since.date(), QLocale::ShortFormat);
        }
        case StateColumn:
            return Alert::stateTitle(a.state);
        }
    }
    if (role == Qt::DecorationRole && column == SeverityColumn)
        return statusMark(colorOf(a));
    if (role == Qt::ToolTipRole)
        return a.detail;
    if (role == Qt::FontRole && column == TitleColumn && a.isOpen()) {
        QFont bold;
        bold.setWeight(QFont::DemiBold);
        return bold;
    }
    return {};
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case TitleColumn:
        return tr("Warning");
    case AboutColumn:
        return tr("About");
    case SinceColumn:
        return tr("Since");
    case StateColumn:
        return tr("State");
    }
    return {};
}

} // namespace baton
