#include "employeepicker.h"

#include "common/appcontext.h"
#include "policy/roles.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace baton {

EmployeePicker::EmployeePicker(AppContext &context, const QString &title, bool several,
                               QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("employeePicker"));
    setWindowTitle(title);
    m_filter->setObjectName(QStringLiteral("employeePickerFilter"));
    m_list->setObjectName(QStringLiteral("employeePickerList"));
    m_filter->setPlaceholderText(tr("Name or employee number"));
    m_filter->setClearButtonEnabled(true);
    m_list->setSelectionMode(several ? QAbstractItemView::ExtendedSelection
                                     : QAbstractItemView::SingleSelection);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_buttons);
    resize(420, 480);
    connect(m_filter, &QLineEdit::textChanged, this, &EmployeePicker::search);
    connect(m_list, &QListWidget::itemSelectionChanged, this, [this] {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_list->selectedItems().isEmpty());
    });
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    search();
}

void EmployeePicker::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

void EmployeePicker::search()
{
    m_list->clear();
    EmployeeFilter filter;
    filter.text = m_filter->text().trimmed();
    auto rows = m_context.directory().employees(
        m_context.readScope(QString::fromLatin1(actions::EmployeeRead)), filter, EmployeeSort::Name,
        Qt::AscendingOrder, 0, 200);
    if (rows) {
        for (const EmployeeRow &r : *rows) {
            if (r.status == QLatin1String("departed"))
                continue;
            QString text = tr("%1 (%2)").arg(r.name, r.number);
            if (!r.departmentName.isEmpty())
                text += QStringLiteral(" · ") + r.departmentName;
            auto *item = new QListWidgetItem(text, m_list);
            item->setData(Qt::UserRole, r.id);
            item->setData(Qt::UserRole + 1, r.name);
        }
    }
    if (m_list->count() == 1)
        m_list->setCurrentRow(0);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_list->selectedItems().isEmpty());
}

QList<QUuid> EmployeePicker::selectedIds() const
{
    QList<QUuid> out;
    for (QListWidgetItem *item : m_list->selectedItems())
        out.append(item->data(Qt::UserRole).toUuid());
    return out;
}

QStringList EmployeePicker::selectedNames() const
{
    QStringList out;
    for (QListWidgetItem *item : m_list->selectedItems())
        out.append(item->data(Qt::UserRole + 1).toString());
    return out;
}

} // namespace baton
