#pragma once

#include "org/directory.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace baton {

class AppContext;
class DepartmentComboBox;
class OptionalDateEdit;

// The editors of an employee archive with a message line under each: what
// the user sees and types. Knows nothing of saving; EmployeeForm does that.
class EmployeeArchiveFields : public QWidget
{
    Q_OBJECT
public:
    enum class Access { ReadOnly, ContactOnly, All };

    explicit EmployeeArchiveFields(AppContext &context, QWidget *parent = nullptr);

    // Every archive field as it would be saved (null when empty).
    QJsonObject values() const;
    // managerName names a manager who is not among the department's
    // candidates, so a stored value is shown as it is.
    void setValues(const QJsonObject &values, const QString &managerName = {});
    void setErrors(const QHash<QString, QString> &errors);
    void setAccess(Access access, bool numberEditable);
    // The employee being edited, who cannot be their own manager.
    void setEmployeeId(const QUuid &id) { m_employeeId = id; }
    // True when the chosen manager is in the department's reporting line.
    bool managerInLine() const;
    // Reads departments and positions again, keeping the choices.
    void reloadLists();

Q_SIGNALS:
    void edited();

protected:
    void changeEvent(QEvent *event) override;

private:
    void offerStatusMovesFrom(const QString &current);
    void retranslate();
    QFormLayout *newSection();
    void addRow(QFormLayout *form, const QString &field, QWidget *editor);
    QLineEdit *addLine(QFormLayout *form, const QString &field);
    void fillManagers(const QUuid &keep);
    void showResponsibilities();

    struct FieldUi
    {
        QWidget *editor = nullptr;
        QLabel *error = nullptr;
        QFormLayout *form = nullptr;
    };

    AppContext &m_context;
    QUuid m_employeeId;
    QList<PositionInfo> m_positions;
    QList<QUuid> m_candidates;
    QHash<QUuid, QString> m_managerNames;
    QHash<QString, FieldUi> m_fields;
    QList<QGroupBox *> m_sections;
    bool m_filling = false;

    QLineEdit *m_number = nullptr;
    QLineEdit *m_familyName = nullptr;
    QLineEdit *m_givenName = nullptr;
    QLineEdit *m_englishName = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_phone = nullptr;
    DepartmentComboBox *m_department = nullptr;
    QComboBox *m_position = nullptr;
    QLabel *m_responsibilities = nullptr;
    QComboBox *m_manager = nullptr;
    QDateEdit *m_hireDate = nullptr;
    QComboBox *m_status = nullptr;
    OptionalDateEdit *m_departureDate = nullptr;
    QCheckBox *m_sales = nullptr;
};

} // namespace baton
