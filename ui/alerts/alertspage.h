#pragma once

#include "work/alertscanner.h"

#include <QWidget>

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTabBar;
class QTableView;
class QTextBrowser;
class QTimer;
class QToolBar;

namespace baton {

class AlertsModel;
class AppContext;
class EmptyStateWidget;
class PageHeader;

// Alerts (issue 6, item 4): the signed-in person's warnings (their overdue
// tasks and those of the people they answer for, their missing weekly
// reports, approval steps late for their decision), filtered by state, one
// in full beside the list; acknowledge (Ctrl+K) and resolve with a note
// (Ctrl+Shift+E). Warnings are computed, so the page reads them again when
// the data changes and as the clock moves (every few minutes and at
// midnight, when tasks fall overdue).
class AlertsPage : public QWidget
{
    Q_OBJECT
public:
    enum class Filter { Open, Acknowledged, Resolved, All };

    explicit AlertsPage(AppContext &context, QWidget *parent = nullptr);
    ~AlertsPage() override;

    AlertsModel *model() const { return m_model; }
    Filter filter() const;
    void setFilter(Filter filter);
    // Warnings neither acknowledged nor resolved (the sidebar badge).
    int openCount() const { return m_openCount; }
    QString currentKey() const;
    bool selectAlert(const QString &key);
    QAction *acknowledgeAction() const { return m_acknowledge; }
    QAction *resolveAction() const { return m_resolve; }
    QTextBrowser *detailView() const { return m_detail; }

public Q_SLOTS:
    void reload();
    void acknowledge();
    void resolve();

Q_SIGNALS:
    void openCountChanged(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildToolBar();
    void retranslate();
    void showCurrent();
    void updateActions();
    void updateEmptyState();
    void scheduleMidnight();
    const Alert *current() const;

    AppContext &m_context;
    PageHeader *m_header;
    QToolBar *m_toolBar = nullptr;
    QTabBar *m_tabs;
    QLabel *m_count;
    AlertsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QStackedWidget *m_stack;
    EmptyStateWidget *m_empty;
    QSplitter *m_splitter;
    QTableView *m_view;
    QTextBrowser *m_detail;
    QTimer *m_tick;
    QTimer *m_midnight;
    QList<Alert> m_all;
    int m_openCount = 0;
    QAction *m_acknowledge = nullptr;
    QAction *m_resolve = nullptr;
};

} // namespace baton
