#pragma once

#include <QStyledItemDelegate>

namespace baton {

// Paints a sidebar entry: icon, title and, when the item's BadgeRole holds a
// positive count, a badge at the right edge.
class SidebarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int BadgeRole = Qt::UserRole + 1;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace baton
