#include "departmentcombobox.h"

#include "oplog/uuidv7.h"
#include "org/orgvalues.h"

#include <QCollator>
#include <QSet>
#include <QStyledItemDelegate>

namespace baton {

namespace {

constexpr int DepthRole = Qt::UserRole + 1;

// Indents entries in the open list by their depth in the tree; the closed
// combo shows the plain name.
class IndentDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const int depth = index.data(DepthRole).toInt();
        option->rect.adjust(depth * option->fontMetrics.horizontalAdvance(QLatin1Char('M')) * 3 / 2,
                            0, 0, 0);
    }
};

} // namespace

DepartmentComboBox::DepartmentComboBox(QWidget *parent)
    : QComboBox(parent)
{
    setItemDelegate(new IndentDelegate(this));
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(14);
    connect(this, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT departmentChanged(currentDepartment()); });
}

void DepartmentComboBox::setDepartments(const QList<DepartmentInfo> &departments,
                                        const QString &noneText)
{
    const QUuid keep = currentDepartment();
    {
        const QSignalBlocker blocker(this);
        clear();
        if (!noneText.isEmpty())
            addItem(noneText, QVariant());
        for (const auto &[d, depth] : treeOrder(departments)) {
            addItem(d.name, idString(d.id));
            setItemData(count() - 1, depth, DepthRole);
            setItemData(
                count() - 1,
                tr("%1 · %2 · %3").arg(d.code, org::departmentKindTitle(d.kind), d.timeZone),
                Qt::ToolTipRole);
        }
        if (!setCurrentDepartment(keep))
            setCurrentIndex(count() > 0 ? 0 : -1);
    }
    if (currentDepartment() != keep)
        Q_EMIT departmentChanged(currentDepartment());
}

QUuid DepartmentComboBox::currentDepartment() const
{
    return parseId(currentData().toString());
}

bool DepartmentComboBox::setCurrentDepartment(const QUuid &id)
{
    const int i = id.isNull() ? findData(QVariant()) : findData(idString(id));
    if (i < 0)
        return false;
    setCurrentIndex(i);
    return true;
}

QList<QPair<DepartmentInfo, int>>
DepartmentComboBox::treeOrder(const QList<DepartmentInfo> &departments)
{
    QHash<QUuid, QList<DepartmentInfo>> children;
    QSet<QUuid> known;
    for (const DepartmentInfo &d : departments)
        known.insert(d.id);
    for (const DepartmentInfo &d : departments)
        children[known.contains(d.parentId) ? d.parentId : QUuid()].append(d);
    QCollator collator;
    collator.setNumericMode(true);
    for (auto &list : children)
        std::sort(list.begin(), list.end(), [&](const DepartmentInfo &a, const DepartmentInfo &b) {
            // The head office first, then by name.
            if ((a.kind == QLatin1String("head_office"))
                != (b.kind == QLatin1String("head_office")))
                return a.kind == QLatin1String("head_office");
            return collator.compare(a.name, b.name) < 0;
        });
    QList<QPair<DepartmentInfo, int>> out;
    QSet<QUuid> seen;
    std::function<void(const QUuid &, int)> walk = [&](const QUuid &parent, int depth) {
        for (const DepartmentInfo &d : children.value(parent)) {
            if (seen.contains(d.id) || depth > 64)
                continue;
            seen.insert(d.id);
            out.append({d, depth});
            walk(d.id, depth + 1);
        }
    };
    walk(QUuid(), 0);
    return out;
}

} // namespace baton
