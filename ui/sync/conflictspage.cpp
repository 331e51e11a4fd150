#include "conflictspage.h"

#include "common/appcontext.h"
#include "conflictdetailpane.h"
#include "conflictsmodel.h"
#include "people/emptystatewidget.h"
#include "shell/pageheader.h"

#include <QEvent>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace baton {

ConflictsPage::ConflictsPage(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_header(new PageHeader(QStringLiteral("conflicts"), this))
    , m_model(new ConflictsModel(context.store(), this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyStateWidget(this))
    , m_view(new QTableView(this))
    , m_detail(new ConflictDetailPane(this))
{
    setObjectName(QStringLiteral("conflictsPage"));
    m_empty->setObjectName(QStringLiteral("conflictsEmptyState"));
    m_view->setObjectName(QStringLiteral("conflictsView"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ConflictsModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ConflictsModel::TimeColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(splitter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(16);
    layout->addWidget(m_header);
    layout->addWidget(m_stack, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ConflictsPage::showCurrent);
    // Any change may alter what won; the list is short, so read it again.
    connect(&context, &AppContext::dataChanged, this, &ConflictsPage::reload);
    retranslate();
    reload();
}

int ConflictsPage::count() const
{
    return m_model->rowCount();
}

void ConflictsPage::reload()
{
    const QUuid current =
        m_view->currentIndex().isValid()
            ? m_model->conflictAt(m_proxy->mapToSource(m_view->currentIndex()).row()).opId
            : QUuid();
    (void)m_model->reload();
    m_stack->setCurrentIndex(m_model->rowCount() == 0 ? 0 : 1);
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->conflictAt(row).opId == current)
            m_view->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, 0));
    m_view->resizeColumnsToContents();
    showCurrent();
    Q_EMIT countChanged(count());
}

void ConflictsPage::showCurrent()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return m_detail->clear();
    m_detail->showConflict(m_model->conflictAt(m_proxy->mapToSource(index).row()));
}

void ConflictsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ConflictsPage::retranslate()
{
    m_header->setTitle(tr("Conflicts"));
    m_header->setSubtitle(tr("Changes made on this computer that the server refused, why, and "
                             "what the record holds instead."));
    m_empty->setTitle(tr("No conflicts"));
    m_empty->setMessage(tr("Every change made on this computer was accepted by the server, or "
                           "is still waiting to be sent. A change the server refuses (say, two "
                           "people decided the same approval) is listed here with the reason."));
    m_empty->setActionText(QString());
    m_model->retranslate();
    m_detail->retranslate();
    showCurrent();
}

} // namespace baton
