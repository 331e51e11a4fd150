#include "projectdialog.h"

#include "common/appcontext.h"
#include "handovers/personfield.h"
#include "work/projects.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace baton {

ProjectDialog::ProjectDialog(AppContext &context, QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_code(new QLineEdit(this))
    , m_title(new QLineEdit(this))
    , m_owner(new PersonField(context, false, this))
    , m_department(new QComboBox(this))
    , m_start(new QDateEdit(this))
    , m_due(new QDateEdit(this))
    , m_shift(new QCheckBox(tr("Moving a task moves the tasks that depend on it"), this))
    , m_detail(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("projectDialog"));
    setWindowTitle(tr("New Project"));
    m_code->setObjectName(QStringLiteral("projectCodeEdit"));
    m_title->setObjectName(QStringLiteral("projectTitleEdit"));
    m_owner->setObjectName(QStringLiteral("projectOwnerField"));
    m_department->setObjectName(QStringLiteral("projectDepartmentCombo"));
    m_start->setObjectName(QStringLiteral("projectStartEdit"));
    m_due->setObjectName(QStringLiteral("projectDueEdit"));
    m_shift->setObjectName(QStringLiteral("projectShiftCheck"));
    m_code->setMaxLength(20);
    m_title->setMaxLength(200);
    m_owner->setPickerTitle(tr("Who Is Responsible"));
    m_owner->setPerson(context.actor().employeeId);
    m_detail->setTabChangesFocus(true);
    m_detail->setMinimumHeight(60);
    m_shift->setChecked(true);

    const QDate today = QDateTime::fromMSecsSinceEpoch(context.store().nowMs()).date();
    for (QDateEdit *edit : {m_start, m_due}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_start->setDate(today);
    m_due->setDate(today.addMonths(3));

    m_department->addItem(tr("(choose)"), QUuid());
    if (auto departments = context.directory().departments()) {
        for (const DepartmentInfo &d : std::as_const(*departments))
            m_department->addItem(d.code.isEmpty() ? d.name : tr("%1 (%2)").arg(d.name, d.code),
                                  d.id);
    }
    const int own = m_department->findData(context.actor().departmentId);
    m_department->setCurrentIndex(own > 0 ? own : 0);

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("C&ode:"), m_code);
    form->addRow(tr("&Responsible:"), m_owner);
    form->addRow(tr("De&partment:"), m_department);
    form->addRow(tr("&Starts:"), m_start);
    form->addRow(tr("&Due:"), m_due);
    form->addRow(QString(), m_shift);
    form->addRow(tr("D&etail:"), m_detail);
    setUp(nullptr, form, tr("Create project"), "createProjectButton");
    setMinimumWidth(460);

    connect(m_title, &QLineEdit::textChanged, this, &ProjectDialog::validate);
    connect(m_owner, &PersonField::changed, this, &ProjectDialog::validate);
    connect(m_department, &QComboBox::currentIndexChanged, this, &ProjectDialog::validate);
    connect(m_start, &QDateEdit::dateChanged, this, &ProjectDialog::validate);
    connect(m_due, &QDateEdit::dateChanged, this, &ProjectDialog::validate);
}

ProjectDraft ProjectDialog::draft() const
{
    ProjectDraft d;
    d.code = m_code->text();
    d.title = m_title->text();
    d.detail = m_detail->toPlainText();
    d.owner = m_owner->person();
    d.department = m_department->currentData().toUuid();
    d.start = m_start->date();
    d.due = m_due->date();
    d.shiftDependents = m_shift->isChecked();
    return d;
}

QString ProjectDialog::problem() const
{
    if (m_title->text().trimmed().isEmpty())
        return tr("Give the project a title.");
    if (m_owner->person().isNull())
        return tr("Choose who is responsible for the project.");
    if (m_department->currentData().toUuid().isNull())
        return tr("Choose the project's department.");
    if (m_due->date() < m_start->date())
        return tr("A project cannot be due before it starts.");
    return {};
}

Status ProjectDialog::save()
{
    auto created = Projects(m_context.store()).create(m_context.actor(), draft());
    if (!created)
        return created.error();
    m_created = created.value();
    return {};
}

} // namespace baton
