#pragma once

#include "org/directory.h"

#include <QComboBox>

namespace baton {

// A department picker that shows the organisation as an indented tree
// (head office, its departments, their sub-departments and branch stores).
class DepartmentComboBox : public QComboBox
{
    Q_OBJECT
public:
    explicit DepartmentComboBox(QWidget *parent = nullptr);

    // noneText non-empty: a first entry standing for "no department".
    void setDepartments(const QList<DepartmentInfo> &departments, const QString &noneText = {});
    QUuid currentDepartment() const;
    // Keeps the choice when possible; returns false if id is not listed.
    bool setCurrentDepartment(const QUuid &id);

    // Departments in tree order with their depth (parents before children,
    // siblings by name): also used by the other organisation views.
    static QList<QPair<DepartmentInfo, int>> treeOrder(const QList<DepartmentInfo> &departments);

Q_SIGNALS:
    void departmentChanged(const QUuid &id);
};

} // namespace baton
