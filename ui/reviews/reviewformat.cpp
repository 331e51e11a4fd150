#include "reviewformat.h"

#include "common/appcontext.h"
#include "performance/performanceentities.h"
#include "performance/reviewentities.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <QTreeWidget>

namespace baton {

namespace reviewformat {

QString bpText(const std::optional<int> &bp)
{
    if (!bp)
        return QStringLiteral("—");
    return QLocale().toString(*bp / 100.0, 'f', *bp % 100 ? 1 : 0) + QLatin1Char('%');
}

QColor gradeColor(const ReviewSettings &settings, const QString &grade)
{
    const int rank = settings.scale().rank(grade);
    const int top = int(settings.scale().grades().size()) - 1;
    if (rank < 0)
        return {};
    if (rank == top)
        return QColor(0x2e, 0x7d, 0x32); // done green
    if (rank == 0)
        return QColor(0xc6, 0x28, 0x28); // overdue red
    return {};
}

QString attributionText(const QString &stage, const QString &cause, bool signatureValid)
{
    if (stage.isEmpty())
        return QCoreApplication::translate("ReviewFormat", "Cause not stated");
    const QString causeTitle = attribution::causeTitle(cause);
    if (stage == QLatin1String(attribution::Stated))
        return QCoreApplication::translate("ReviewFormat", "Stated: %1").arg(causeTitle);
    const QString seal = signatureValid
                             ? QCoreApplication::translate("ReviewFormat", "signed")
                             : QCoreApplication::translate("ReviewFormat", "signature not valid");
    if (stage == QLatin1String(attribution::Confirmed))
        return QCoreApplication::translate("ReviewFormat", "Confirmed: %1 (%2)")
            .arg(causeTitle, seal);
    return QCoreApplication::translate("ReviewFormat", "Corrected: %1 (%2)").arg(causeTitle, seal);
}

QString timeText(qint64 ms)
{
    return ms ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat)
              : QString();
}

QTreeWidget *makeTree(QWidget *parent, const char *name, const QStringList &headers)
{
    auto *t = new QTreeWidget(parent);
    t->setObjectName(QLatin1String(name));
    t->setColumnCount(int(headers.size()));
    t->setHeaderLabels(headers);
    t->setRootIsDecorated(false);
    t->setUniformRowHeights(true);
    t->setAlternatingRowColors(true);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->header()->setStretchLastSection(false);
    t->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    return t;
}

} // namespace reviewformat

CyclePicker::CyclePicker(AppContext &context, QWidget *parent)
    : QComboBox(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("cyclePicker"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(this, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT cycleChanged(cycle()); });
    reload();
}

void CyclePicker::reload()
{
    const QUuid chosen = cycle();
    const QSignalBlocker block(this);
    clear();
    auto cycles = Reviews(m_context.store()).cycles();
    m_cycles = cycles ? *cycles : QList<ReviewCycleInfo>();
    int preferred = -1;
    for (int i = 0; i < m_cycles.size(); ++i) {
        const ReviewCycleInfo &c = m_cycles.at(i);
        addItem(c.open ? tr("%1 (%2, open)").arg(c.title, cycle::kindTitle(c.kind))
                       : tr("%1 (%2, closed)").arg(c.title, cycle::kindTitle(c.kind)),
                c.id);
        if (c.id == chosen)
            preferred = i;
    }
    if (preferred < 0)
        for (int i = 0; i < m_cycles.size() && preferred < 0; ++i)
            if (m_cycles.at(i).open && m_cycles.at(i).kind == QLatin1String(cycle::Month))
                preferred = i;
    setCurrentIndex(preferred < 0 ? (m_cycles.isEmpty() ? -1 : 0) : preferred);
    if (cycle() != chosen)
        Q_EMIT cycleChanged(cycle());
}

QUuid CyclePicker::cycle() const
{
    return currentData().toUuid();
}

bool CyclePicker::select(const QUuid &id)
{
    const int i = findData(id);
    if (i < 0)
        return false;
    setCurrentIndex(i);
    return true;
}

const ReviewCycleInfo *CyclePicker::current() const
{
    for (const ReviewCycleInfo &c : m_cycles)
        if (c.id == cycle())
            return &c;
    return nullptr;
}

} // namespace baton
