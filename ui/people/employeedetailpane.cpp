#include "employeedetailpane.h"

#include "employeeform.h"
#include "employeestatusstyle.h"
#include "employmenthistoryview.h"
#include "emptystatewidget.h"
#include "org/orgvalues.h"
#include "reviews/employeereviewsview.h"
#include "work/employeeworkview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace baton {

EmployeeDetailPane::EmployeeDetailPane(AppContext &context, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("employeeDetail"));
    m_name = new QLabel(this);
    m_name->setObjectName(QStringLiteral("detailName"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setWeight(QFont::DemiBold);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("detailStatus"));
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("detailSubtitle"));
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setWordWrap(true);

    m_form = new EmployeeForm(context, this);
    m_history = new EmploymentHistoryView(context, this);
    m_work = new EmployeeWorkView(context, this);
    m_reviews = new EmployeeReviewsView(context, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_form, QString());
    m_tabs->addTab(m_history, QString());
    m_tabs->addTab(m_work, QString());
    m_tabs->addTab(m_reviews, QString());

    auto *details = new QWidget(this);
    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(m_name);
    headerRow->addWidget(m_status);
    headerRow->addStretch(1);
    auto *detailLayout = new QVBoxLayout(details);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addLayout(headerRow);
    detailLayout->addWidget(m_subtitle);
    detailLayout->addWidget(m_tabs, 1);

    m_placeholder = new EmptyStateWidget(this);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(details);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_form, &EmployeeForm::loaded, this, &EmployeeDetailPane::updateHeader);
    connect(m_form, &EmployeeForm::saved, this, [this](const QUuid &id) {
        m_history->setEmployee(id);
        m_work->setEmployee(id);
        m_reviews->setEmployee(id);
        m_tabs->setTabEnabled(m_tabs->indexOf(m_history), true);
        m_tabs->setTabEnabled(m_tabs->indexOf(m_work), true);
        m_tabs->setTabEnabled(m_tabs->indexOf(m_reviews), true);
    });
    clear();
    retranslate();
}

void EmployeeDetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EmployeeDetailPane::retranslate()
{
    m_tabs->setTabText(m_tabs->indexOf(m_form), tr("Archive"));
    m_tabs->setTabText(m_tabs->indexOf(m_history), tr("Employment history"));
    m_tabs->setTabText(m_tabs->indexOf(m_work), tr("Responsibilities and tasks"));
    m_tabs->setTabText(m_tabs->indexOf(m_reviews), tr("Reviews"));
    m_placeholder->setTitle(tr("No one selected"));
    m_placeholder->setMessage(tr("Select a person in the list to see their archive, "
                                 "employment history, responsibilities, tasks and reviews."));
    if (m_stack->currentIndex() == 1)
        updateHeader();
}

void EmployeeDetailPane::showEmployee(const QUuid &id)
{
    m_form->showEmployee(id);
    m_history->setEmployee(id);
    m_work->setEmployee(id);
    m_reviews->setEmployee(id);
    m_tabs->setTabEnabled(m_tabs->indexOf(m_history), true);
    m_tabs->setTabEnabled(m_tabs->indexOf(m_work), true);
    m_tabs->setTabEnabled(m_tabs->indexOf(m_reviews), true);
    m_stack->setCurrentIndex(1);
}

void EmployeeDetailPane::startNew(const QUuid &departmentId)
{
    m_form->startNew(departmentId);
    m_history->setEmployee({});
    m_work->setEmployee({});
    m_reviews->setEmployee({});
    m_tabs->setTabEnabled(m_tabs->indexOf(m_history), false);
    m_tabs->setTabEnabled(m_tabs->indexOf(m_work), false);
    m_tabs->setTabEnabled(m_tabs->indexOf(m_reviews), false);
    m_tabs->setCurrentWidget(m_form);
    m_stack->setCurrentIndex(1);
}

void EmployeeDetailPane::clear()
{
    m_form->clear();
    m_history->setEmployee({});
    m_work->setEmployee({});
    m_reviews->setEmployee({});
    m_stack->setCurrentIndex(0);
}

void EmployeeDetailPane::updateHeader()
{
    if (m_form->isNew()) {
        m_name->setText(tr("New employee"));
        m_status->clear();
        m_subtitle->setText(tr("Fill in the archive and choose Add employee."));
        return;
    }
    const QJsonObject &r = m_form->detail().record;
    const QString status = r.value(QStringLiteral("status")).toString();
    m_name->setText(org::displayName(r.value(QStringLiteral("family_name")).toString(),
                                     r.value(QStringLiteral("given_name")).toString()));
    m_status->setText(EmployeeStatusStyle::title(status));
    m_status->setStyleSheet(EmployeeStatusStyle::labelStyleSheet(status));
    const QString number = r.value(QStringLiteral("number")).toString();
    const QString &position = m_form->detail().positionTitle;
    const QString &department = m_form->detail().departmentName;
    const QString &login = m_form->detail().login;
    QString subtitle = position.isEmpty() ? tr("%1 · %2").arg(number, department)
                                          : tr("%1 · %2 · %3").arg(number, position, department);
    if (!login.isEmpty())
        subtitle = tr("%1 · signs in as %2").arg(subtitle, login);
    m_subtitle->setText(subtitle);
}

} // namespace baton
