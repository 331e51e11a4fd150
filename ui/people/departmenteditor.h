#pragma once

#include "org/directory.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;

namespace baton {

class AppContext;
class DepartmentFields;
class DepartmentTreeModel;

// The organisation tree for HR and administrators: create departments and
// branch stores, rename them, move them under another parent, set their
// time zone and currency, retire them. Every change is an Operation; what
// core refuses is shown under the form.
class DepartmentEditor : public QWidget
{
    Q_OBJECT
public:
    explicit DepartmentEditor(AppContext &context, QWidget *parent = nullptr);

    void selectDepartment(const QUuid &id);
    QUuid currentDepartment() const { return m_id; }
    bool hasUnsavedChanges() const;

public Q_SLOTS:
    void newDepartment();
    bool save();
    bool retire();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void reload();
    void onCurrentChanged();
    void load(const QUuid &id);
    void revalidate();
    void setMessage(const QString &text, bool isError);
    const DepartmentInfo *info(const QUuid &id) const;

    AppContext &m_context;
    DepartmentTreeModel *m_model = nullptr;
    QTreeView *m_tree = nullptr;
    DepartmentFields *m_fields = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_retire = nullptr;
    QList<DepartmentInfo> m_departments;
    QUuid m_id;
    bool m_isNew = false;
    bool m_saving = false;
    QJsonObject m_loaded;
};

} // namespace baton
