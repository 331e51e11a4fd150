#include "sidebardelegate.h"

#include <QApplication>
#include <QPainter>

namespace baton {

namespace {
constexpr int Padding = 12;
constexpr int IconSize = 20;
} // namespace

void SidebarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const bool enabled = opt.state & QStyle::State_Enabled;
    const QPalette::ColorGroup group = enabled ? QPalette::Active : QPalette::Disabled;
    QRect r = opt.rect.adjusted(Padding, 0, -Padding, 0);

    const QIcon::Mode mode = !enabled   ? QIcon::Disabled
                             : selected ? QIcon::Selected
                                        : QIcon::Normal;
    const QRect iconRect(r.left(), r.center().y() - IconSize / 2 + 1, IconSize, IconSize);
    opt.icon.paint(painter, iconRect, Qt::AlignCenter, mode);
    r.setLeft(iconRect.right() + Padding);

    painter->save();
    const int badge = index.data(BadgeRole).toInt();
    if (badge > 0) {
        QFont small = opt.font;
        small.setPointSizeF(small.pointSizeF() * 0.85);
        small.setBold(true);
        const QString text = badge > 999 ? QStringLiteral("999+") : QString::number(badge);
        const QFontMetrics fm(small);
        const int h = fm.height() + 2;
        const int w = qMax(h, fm.horizontalAdvance(text) + h / 2 + 4);
        const QRect pill(r.right() - w + 1, r.center().y() - h / 2 + 1, w, h);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        // On a selected row the badge inverts, so it stays visible on the
        // highlight colour.
        painter->setBrush(selected ? opt.palette.color(group, QPalette::HighlightedText)
                                   : opt.palette.color(group, QPalette::Highlight));
        painter->drawRoundedRect(pill, h / 2.0, h / 2.0);
        painter->setPen(selected ? opt.palette.color(group, QPalette::Highlight)
                                 : opt.palette.color(group, QPalette::HighlightedText));
        painter->setFont(small);
        painter->drawText(pill, Qt::AlignCenter, text);
        r.setRight(pill.left() - Padding / 2);
    }
    painter->setFont(opt.font);
    painter->setPen(
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    const QString title = opt.fontMetrics.elidedText(opt.text, Qt::ElideRight, r.width());
    painter->drawText(r, Qt::AlignVCenter | Qt::AlignLeft, title);
    painter->restore();
}

QSize SidebarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int textWidth = opt.fontMetrics.horizontalAdvance(opt.text);
    const int height = qMax(IconSize, opt.fontMetrics.height()) + 16;
    return {Padding * 3 + IconSize + textWidth + 48, height};
}

} // namespace baton
