#pragma once

#include "org/directory.h"

#include <QHash>
#include <QWidget>

class QButtonGroup;
class QCheckBox;
class QLineEdit;
class QTimer;
class QToolButton;

namespace baton {

class DepartmentComboBox;

// The filters above the employee list: text (answers as you type, after a
// short pause), department with or without its sub-departments, and status
// chips that show how many people each one would list.
class EmployeeFilterBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int TypingDelayMs = 180;

    explicit EmployeeFilterBar(QWidget *parent = nullptr);

    EmployeeFilter filter() const;
    void setDepartments(const QList<DepartmentInfo> &departments);
    // Counts by status for the current text and department; total is the sum.
    void setStatusCounts(const QHash<QString, qint64> &counts);
    bool isFiltering() const;
    // The name of the department chosen, empty for every department.
    QString departmentName() const;
    QLineEdit *textEdit() const { return m_text; }

public Q_SLOTS:
    void clear();
    void focusText();

Q_SIGNALS:
    void filterChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void addChip(const QString &status);
    void updateChipTexts();

    QLineEdit *m_text = nullptr;
    DepartmentComboBox *m_department = nullptr;
    QCheckBox *m_subdepartments = nullptr;
    QButtonGroup *m_chips = nullptr;
    QHash<QString, QToolButton *> m_chipByStatus; // "" = every status
    QHash<QString, qint64> m_counts;
    QList<DepartmentInfo> m_departments;
    QTimer *m_typing = nullptr;
};

} // namespace baton
