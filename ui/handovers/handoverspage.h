#pragma once

#include "handover/handovers.h"
#include "handoverlookup.h"

#include <QSet>
#include <QUuid>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTabBar;
class QTableView;
class QToolBar;

namespace baton {

class AppContext;
class EmptyStateWidget;
class HandoverDetailPane;
class HandoversModel;
class PageHeader;

// Handovers (issue 5): the departures the user may see (open, waiting for
// sign-off, approved, cancelled), searchable; the selected one in full
// beside the list, with its checklist and its sign-off; and the toolbar's
// actions: start departures, add, reassign and remove checklist items,
// submit for sign-off, complete the handover once signed, cancel a
// departure, and open the sign-off in Approvals. Every change goes through
// Handovers.
class HandoversPage : public QWidget
{
    Q_OBJECT
public:
    enum class Filter { Open, Submitted, Approved, Cancelled, All };

    explicit HandoversPage(AppContext &context, QWidget *parent = nullptr);
    ~HandoversPage() override;

    HandoversModel *model() const { return m_model; }
    HandoverDetailPane *detailPane() const { return m_detail; }
    Filter filter() const;
    void setFilter(Filter filter);
    QUuid currentCase() const;
    // Selects the case, switching the filter (and clearing the search) when
    // they hide it; false when the user may not see it.
    bool selectCase(const QUuid &id);
    void reload();

Q_SIGNALS:
    // "Open Sign-off in Approvals": the main window shows the request.
    void openRequest(const QUuid &requestId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildToolBar();
    void retranslate();
    void fillModel();
    void showCurrent();
    void updateActions();
    void updateEmptyState();
    void dataChanged(const QSet<QString> &entities);
    bool shows(const HandoverCase &c) const;
    void showError(const QString &title, const Status &status);
    void startDeparture();
    void addItem();
    void changeReceiver();
    void removeItem();
    void submit();
    void complete();
    void cancelDeparture();
    void openSignOff();

    AppContext &m_context;
    HandoverLookup m_lookup;
    QList<HandoverCase> m_cases; // every case the user may see
    QString m_readError;
    PageHeader *m_header;
    QToolBar *m_toolBar = nullptr;
    QTabBar *m_tabs;
    QLineEdit *m_search;
    QLabel *m_count;
    HandoversModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QStackedWidget *m_stack;
    EmptyStateWidget *m_empty;
    QSplitter *m_splitter;
    QTableView *m_view;
    HandoverDetailPane *m_detail;
    bool m_canManage = false;

    QAction *m_startAction = nullptr;
    QAction *m_addItemAction = nullptr;
    QAction *m_receiverAction = nullptr;
    QAction *m_removeItemAction = nullptr;
    QAction *m_submitAction = nullptr;
    QAction *m_completeAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_openSignOffAction = nullptr;
};

} // namespace baton
