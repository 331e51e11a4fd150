#pragma once

#include <QDialog>
#include <QUuid>

class QDialogButtonBox;
class QLineEdit;
class QListWidget;

namespace baton {

class AppContext;

// Finds colleagues by name or number among the employees the user may see
// (active and departing; not those who left).
class EmployeePicker : public QDialog
{
    Q_OBJECT
public:
    EmployeePicker(AppContext &context, const QString &title, bool several,
                   QWidget *parent = nullptr);

    QList<QUuid> selectedIds() const;
    QStringList selectedNames() const;
    // For tests and callers that know whom to suggest.
    void setFilterText(const QString &text);

private:
    void search();

    AppContext &m_context;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QDialogButtonBox *m_buttons;
};

} // namespace baton
