#pragma once

#include <QPersistentModelIndex>
#include <QTableView>

namespace baton {

class AuditTableModel;

// The audit list: sensible column widths, a header menu to show or hide
// columns, and a steady view while new entries arrive on top.
class AuditTableView : public QTableView
{
    Q_OBJECT
public:
    explicit AuditTableView(QWidget *parent = nullptr);

    void setAuditModel(AuditTableModel *auditModel);
    // Selects a row and brings it to the middle of the view.
    void showRow(int row);

    QByteArray saveColumns() const;
    void restoreColumns(const QByteArray &state);

private:
    void showHeaderMenu(const QPoint &pos);

    QPersistentModelIndex m_topBeforeInsert;
};

} // namespace baton
