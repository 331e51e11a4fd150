#pragma once

#include "org/directory.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;

namespace baton {

class AppContext;
class EmployeeArchiveFields;

// The employee archive as a form: loads a record, validates as you type,
// saves one Operation with only what changed (a create for a new employee)
// and shows what core refuses. Fields the viewer may not change are
// read-only. A change made elsewhere is taken in without losing the user's
// unsaved edits, and the user is told.
class EmployeeForm : public QWidget
{
    Q_OBJECT
public:
    explicit EmployeeForm(AppContext &context, QWidget *parent = nullptr);

    void showEmployee(const QUuid &id);
    // A blank archive for a new employee, optionally in a department.
    void startNew(const QUuid &departmentId = {});
    void clear();
    QUuid employeeId() const { return m_id; }
    bool isNew() const { return m_isNew; }
    bool hasUnsavedChanges() const;
    bool canSave() const;
    // Field -> what is wrong with it now.
    const QHash<QString, QString> &errors() const { return m_errors; }
    // The stored record shown (empty for a new employee).
    const EmployeeDetail &detail() const { return m_detail; }

public Q_SLOTS:
    bool save();
    void discardChanges();

Q_SIGNALS:
    void saved(const QUuid &id);
    void loaded();
    void editStateChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    bool confirmDeparture(const QJsonObject &values);
    void retranslate();
    void showStaleText();
    void load(const EmployeeDetail &detail);
    void revalidate();
    void applyAccess();
    bool mayDo(const char *action) const;
    void onDataChanged(const QSet<QString> &entities);
    void takeInOutsideChange();
    void setFormError(const QString &message);

    AppContext &m_context;
    QUuid m_id;
    bool m_isNew = false;
    bool m_saving = false;
    bool m_editable = false;
    QJsonObject m_loaded; // archive fields as stored; empty for a new employee
    EmployeeDetail m_detail;
    QHash<QString, QString> m_errors;

    EmployeeArchiveFields *m_fields = nullptr;
    QLabel *m_formError = nullptr;
    QLabel *m_accessNote = nullptr;
    QWidget *m_staleBanner = nullptr;
    QLabel *m_staleText = nullptr;
    QStringList m_conflicts; // fields both sides changed, for the banner
    QPushButton *m_reload = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_discard = nullptr;
};

} // namespace baton
