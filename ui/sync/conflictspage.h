#pragma once

#include <QWidget>

class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace baton {

class AppContext;
class ConflictDetailPane;
class ConflictsModel;
class EmptyStateWidget;
class PageHeader;

// Conflicts: this device's changes that the server refused (DESIGN.md
// section 5), with the server's reason and what won. They were taken back
// here; this page is where the user learns so and decides what to do.
class ConflictsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ConflictsPage(AppContext &context, QWidget *parent = nullptr);

    ConflictsModel *model() const { return m_model; }
    int count() const;
    void reload();

Q_SIGNALS:
    void countChanged(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showCurrent();

    AppContext &m_context;
    PageHeader *m_header;
    ConflictsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QStackedWidget *m_stack;
    EmptyStateWidget *m_empty;
    QTableView *m_view;
    ConflictDetailPane *m_detail;
};

} // namespace baton
