#include "scorebardelegate.h"

#include "performance/indicatorscore.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace baton {

QString scoreText(const std::optional<double> &score)
{
    return score ? performance::percentText(*score) : QStringLiteral("—");
}

QColor ScoreBarDelegate::colorFor(double score)
{
    if (score >= 100.0)
        return QColor(0x2e, 0x7d, 0x32);
    if (score >= 80.0)
        return QColor(0xef, 0x8f, 0x00);
    return QColor(0xc6, 0x28, 0x28);
}

void ScoreBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QVariant value = index.data(ScoreRole);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    const std::optional<double> score =
        value.isValid() ? std::optional<double>(value.toDouble()) : std::nullopt;
    const QString text = scoreText(score);
    const QRect area = opt.rect.adjusted(4, 3, -4, -3);
    const int textWidth = opt.fontMetrics.horizontalAdvance(QStringLiteral("120.0%")) + 6;
    QRect bar = area.adjusted(0, 2, -textWidth, -2);
    painter->save();
    if (score && bar.width() > 8) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(opt.palette.color(QPalette::Midlight));
        painter->drawRoundedRect(bar, 2, 2);
        const double share = std::clamp(*score / performance::DefaultScoreCap, 0.0, 1.0);
        QRect filled = bar;
        filled.setWidth(int(bar.width() * share));
        painter->setBrush(colorFor(*score));
        painter->drawRoundedRect(filled, 2, 2);
        // Where the target lies: 100 of 120.
        const int target = bar.left() + int(bar.width() * 100.0 / performance::DefaultScoreCap);
        painter->setPen(opt.palette.color(QPalette::Text));
        painter->drawLine(target, bar.top() - 1, target, bar.bottom() + 1);
    }
    painter->setPen(opt.state & QStyle::State_Selected
                        ? opt.palette.color(QPalette::HighlightedText)
                        : opt.palette.color(QPalette::Text));
    painter->drawText(area, Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();
}

QSize ScoreBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(std::max(s.width(), 160));
    return s;
}

} // namespace baton
