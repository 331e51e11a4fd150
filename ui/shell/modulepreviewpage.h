#pragma once

#include "modulepreview.h"
#include "modules.h"

#include <QList>
#include <QWidget>

class QLabel;
class QStandardItemModel;

namespace baton {

class PageHeader;

// The overview page of a module whose records arrive with a later release:
// the real page's shape (title, list columns, empty state) and a plain
// account of what the module will hold and how it works. Data-driven by
// ModulePreview, one class for every such module.
class ModulePreviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit ModulePreviewPage(Module module, QWidget *parent = nullptr);

    Module module() const { return m_module; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Module m_module;
    ModulePreview m_preview;
    PageHeader *m_header;
    QStandardItemModel *m_columns;
    QLabel *m_emptyTitle;
    QLabel *m_emptyText;
    QLabel *m_pointsTitle;
    QList<QLabel *> m_points;
};

} // namespace baton
