#include "organisationdialog.h"

#include "departmenteditor.h"
#include "positioneditor.h"

#include <QDialogButtonBox>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

namespace baton {

namespace {
const QString GeometryKey = QStringLiteral("people/organisationDialog");
}

OrganisationDialog::OrganisationDialog(AppContext &context, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("organisationDialog"));
    m_departments = new DepartmentEditor(context, this);
    m_departments->setObjectName(QStringLiteral("departmentEditor"));
    m_positions = new PositionEditor(context, this);
    m_positions->setObjectName(QStringLiteral("positionEditor"));
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_departments, QString());
    m_tabs->addTab(m_positions, QString());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(1000, 640);
    restoreGeometry(QSettings().value(GeometryKey).toByteArray());
    retranslate();
}

void OrganisationDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void OrganisationDialog::retranslate()
{
    setWindowTitle(tr("Organisation"));
    m_tabs->setTabText(0, tr("Departments and stores"));
    m_tabs->setTabText(1, tr("Positions and responsibilities"));
}

OrganisationDialog::~OrganisationDialog()
{
    QSettings().setValue(GeometryKey, saveGeometry());
}

} // namespace baton
