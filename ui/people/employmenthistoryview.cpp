#include "employmenthistoryview.h"

#include "common/appcontext.h"
#include "employmenthistorymodel.h"

#include <QCheckBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace baton {

EmploymentHistoryView::EmploymentHistoryView(AppContext &context, QWidget *parent)
    : QWidget(parent)
{
    m_model = new EmploymentHistoryModel(context, this);
    m_allFields = new QCheckBox(this);
    m_allFields->setObjectName(QStringLiteral("historyAllFields"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("historyEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_allFields);
    layout->addWidget(m_stack, 1);

    connect(m_allFields, &QCheckBox::toggled, this, [this](bool on) {
        m_model->setAllFields(on);
        updateState();
    });
    connect(&context, &AppContext::dataChanged, this, [this](const QSet<QString> &entities) {
        if (!m_model->employee().isNull()
            && (entities.contains(QStringLiteral("employee"))
                || entities.contains(QStringLiteral("department"))
                || entities.contains(QStringLiteral("job_position")))) {
            m_model->reload();
            updateState();
        }
    });
    m_allFields->setText(tr("Include changes to names and contact details"));
    updateState();
}

void EmploymentHistoryView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_allFields->setText(tr("Include changes to names and contact details"));
        m_model->reload(); // values such as statuses are words too
        updateState();
    }
    QWidget::changeEvent(event);
}

void EmploymentHistoryView::setEmployee(const QUuid &id)
{
    m_model->setEmployee(id);
    m_table->resizeColumnsToContents();
    updateState();
}

void EmploymentHistoryView::updateState()
{
    if (!m_model->lastError().isEmpty())
        m_empty->setText(m_model->lastError());
    else if (m_model->employee().isNull())
        m_empty->setText(tr("Select an employee to see their employment history."));
    else
        m_empty->setText(tr("No changes have been recorded for this employee yet."));
    m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_table) : m_empty);
}

} // namespace baton
