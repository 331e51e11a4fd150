#include "audittableview.h"

#include "audittablemodel.h"

#include <QHeaderView>
#include <QMenu>
#include <QScrollBar>

namespace baton {

AuditTableView::AuditTableView(QWidget *parent)
    : QTableView(parent)
{
    setObjectName(QStringLiteral("auditTable"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &AuditTableView::showHeaderMenu);
}

void AuditTableView::setAuditModel(AuditTableModel *auditModel)
{
    setModel(auditModel);
    const struct
    {
        int column, width;
    } widths[] = {{AuditTableModel::SeqColumn, 56},      {AuditTableModel::TimeColumn, 140},
                  {AuditTableModel::UserColumn, 90},     {AuditTableModel::ActionColumn, 140},
                  {AuditTableModel::OutcomeColumn, 72},  {AuditTableModel::RecordColumn, 140},
                  {AuditTableModel::SummaryColumn, 200}, {AuditTableModel::DeviceColumn, 120},
                  {AuditTableModel::IpColumn, 140}};
    for (const auto &w : widths)
        horizontalHeader()->resizeSection(w.column, w.width);
    // The detail pane shows these; the list keeps room for the summary.
    setColumnHidden(AuditTableModel::DeviceColumn, true);
    setColumnHidden(AuditTableModel::IpColumn, true);

    // New entries arrive on top. Someone reading further down keeps their
    // place; someone at the top sees the new entries.
    connect(auditModel, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first) {
                if (first == 0 && model()->rowCount() > 0 && verticalScrollBar()->value() > 0)
                    m_topBeforeInsert = indexAt(QPoint(0, 0));
            });
    connect(auditModel, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_topBeforeInsert.isValid())
            scrollTo(m_topBeforeInsert, QAbstractItemView::PositionAtTop);
        m_topBeforeInsert = QPersistentModelIndex();
    });
}

void AuditTableView::showRow(int row)
{
    if (row < 0 || row >= model()->rowCount())
        return;
    selectRow(row);
    scrollTo(model()->index(row, 0), QAbstractItemView::PositionAtCenter);
}

QByteArray AuditTableView::saveColumns() const
{
    return horizontalHeader()->saveState();
}

void AuditTableView::restoreColumns(const QByteArray &state)
{
    if (!state.isEmpty())
        horizontalHeader()->restoreState(state);
}

void AuditTableView::showHeaderMenu(const QPoint &pos)
{
    QMenu menu(this);
    for (int c = AuditTableModel::TimeColumn; c < AuditTableModel::ColumnCount; ++c) {
        QAction *a = menu.addAction(model()->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!isColumnHidden(c));
        connect(a, &QAction::toggled, this, [this, c](bool on) { setColumnHidden(c, !on); });
    }
    menu.exec(horizontalHeader()->mapToGlobal(pos));
}

} // namespace baton
