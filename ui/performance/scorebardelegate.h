#pragma once

#include <QStyledItemDelegate>

#include <optional>

namespace baton {

// Scores of goals and indicators drawn as a bar with its percentage: green
// at or above the target (100%), amber from 80%, red below, scaled to the
// cap of 120% so that over-achievement shows. The score is the item's
// ScoreRole (a double, or nothing: no value yet).
class ScoreBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int ScoreRole = Qt::UserRole + 1;

    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor colorFor(double score);
};

// "82%", "—" when there is no score yet.
QString scoreText(const std::optional<double> &score);

} // namespace baton
