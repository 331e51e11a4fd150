#include "trailmodel.h"

#include "trail/worktimeline.h"

#include <QDateTime>
#include <QHeaderView>
#include <QTableView>

namespace baton {

TrailModel::TrailModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void TrailModel::setHits(const QList<TrailHit> &hits)
{
    beginResetModel();
    m_hits = hits;
    endResetModel();
}

int TrailModel::rowOf(const QUuid &id) const
{
    for (int row = 0; row < m_hits.size(); ++row)
        if (m_hits.at(row).id == id)
            return row;
    return -1;
}

void TrailModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_hits.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int TrailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int TrailModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TrailModel::shortTime(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(
        QStringLiteral("yyyy-MM-dd HH:mm"));
}

void TrailModel::setUpView(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(true);
    const QFontMetrics metrics = view->fontMetrics();
    const int em = metrics.horizontalAdvance(QLatin1Char('M'));
    int kindWidth = 0;
    for (const QString &k : WorkTimeline::allKinds())
        kindWidth = std::max(kindWidth, metrics.horizontalAdvance(WorkTimeline::kindTitle(k)));
    header->resizeSection(TimeColumn,
                          metrics.horizontalAdvance(QStringLiteral("2024-03-01 14:05")) + em);
    header->resizeSection(KindColumn, kindWidth + em);
    header->resizeSection(TitleColumn, 20 * em);
    header->resizeSection(SenderColumn, 9 * em);
}

QVariant TrailModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_hits.size())
        return {};
    const TrailHit &h = m_hits.at(index.row());
    switch (role) {
    case IdRole:
        return h.id;
    case DocumentRole:
        return h.documentSha256;
    case Qt::ToolTipRole:
        return index.column() == TitleColumn && !h.excerpt.isEmpty() ? QVariant(h.excerpt)
                                                                     : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return shortTime(h.occurredMs);
        case KindColumn:
            return WorkTimeline::kindTitle(h.kind);
        case TitleColumn:
            return h.title;
        case SenderColumn:
            return h.sender;
        case SourceColumn:
            return h.source;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant TrailModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Kind");
    case TitleColumn:
        return tr("Title");
    case SenderColumn:
        return tr("Sender");
    case SourceColumn:
        return tr("Source");
    default:
        return {};
    }
}

} // namespace baton
