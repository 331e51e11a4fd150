#include "employeefilterbar.h"

#include "departmentcombobox.h"
#include "employeestatusstyle.h"
#include "org/orgvalues.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace baton {

EmployeeFilterBar::EmployeeFilterBar(QWidget *parent)
    : QWidget(parent)
{
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("employeeFilter"));
    m_text->setClearButtonEnabled(true);
    m_text->setMinimumWidth(220);

    m_department = new DepartmentComboBox(this);
    m_department->setObjectName(QStringLiteral("departmentFilter"));
    m_subdepartments = new QCheckBox(this);
    m_subdepartments->setObjectName(QStringLiteral("subdepartmentFilter"));
    m_subdepartments->setChecked(true);

    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(TypingDelayMs);
    connect(m_text, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, &EmployeeFilterBar::filterChanged);
    connect(m_department, &DepartmentComboBox::departmentChanged, this, [this] {
        m_subdepartments->setEnabled(!m_department->currentDepartment().isNull());
        Q_EMIT filterChanged();
    });
    connect(m_subdepartments, &QCheckBox::toggled, this, &EmployeeFilterBar::filterChanged);
    m_subdepartments->setEnabled(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_text, 3);
    top->addWidget(m_department, 2);
    top->addWidget(m_subdepartments);

    m_chips = new QButtonGroup(this);
    m_chips->setExclusive(true);
    auto *chips = new QHBoxLayout;
    chips->setSpacing(4);
    addChip(QString());
    for (const QString &status : org::employeeStatuses())
        addChip(status);
    m_chipByStatus.value(QString())->setChecked(true);
    for (QAbstractButton *b : m_chips->buttons())
        chips->addWidget(b);
    chips->addStretch(1);
    connect(m_chips, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool on) {
        if (on)
            Q_EMIT filterChanged();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(chips);
    retranslate();
}

void EmployeeFilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EmployeeFilterBar::retranslate()
{
    m_text->setPlaceholderText(tr("Find by name, number, e-mail or phone"));
    m_department->setToolTip(tr("Show the people of one department"));
    m_subdepartments->setText(tr("Include sub-departments"));
    {
        // The same choice in new words: no new filter.
        const QSignalBlocker blocker(m_department);
        m_department->setDepartments(m_departments, tr("All departments"));
    }
    updateChipTexts();
}

void EmployeeFilterBar::addChip(const QString &status)
{
    auto *chip = new QToolButton(this);
    chip->setObjectName(status.isEmpty() ? QStringLiteral("statusChip_all")
                                         : QStringLiteral("statusChip_") + status);
    chip->setCheckable(true);
    chip->setAutoRaise(true);
    chip->setProperty("status", status);
    chip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    chip->setIcon(EmployeeStatusStyle::icon(status));
    m_chips->addButton(chip);
    m_chipByStatus.insert(status, chip);
}

void EmployeeFilterBar::updateChipTexts()
{
    const QLocale locale;
    qint64 total = 0;
    for (auto it = m_counts.constBegin(); it != m_counts.constEnd(); ++it)
        total += it.value();
    for (auto it = m_chipByStatus.constBegin(); it != m_chipByStatus.constEnd(); ++it) {
        const QString &status = it.key();
        const qint64 n = status.isEmpty() ? total : m_counts.value(status);
        const QString title = status.isEmpty() ? tr("All") : EmployeeStatusStyle::title(status);
        //: A status filter chip: status title and how many people have it, e.g. "Active (120)".
        it.value()->setText(tr("%1 (%2)").arg(title, locale.toString(n)));
    }
}

EmployeeFilter EmployeeFilterBar::filter() const
{
    EmployeeFilter f;
    f.text = m_text->text().trimmed();
    f.departmentId = m_department->currentDepartment();
    f.includeSubdepartments = m_subdepartments->isChecked();
    if (QAbstractButton *chip = m_chips->checkedButton())
        f.status = chip->property("status").toString();
    return f;
}

void EmployeeFilterBar::setDepartments(const QList<DepartmentInfo> &departments)
{
    m_departments = departments;
    m_department->setDepartments(departments, tr("All departments"));
}

void EmployeeFilterBar::setStatusCounts(const QHash<QString, qint64> &counts)
{
    m_counts = counts;
    updateChipTexts();
}

bool EmployeeFilterBar::isFiltering() const
{
    const EmployeeFilter f = filter();
    return !f.text.isEmpty() || !f.departmentId.isNull() || !f.status.isEmpty();
}

QString EmployeeFilterBar::departmentName() const
{
    return m_department->currentDepartment().isNull() ? QString() : m_department->currentText();
}

void EmployeeFilterBar::clear()
{
    {
        // One filterChanged for the whole reset, not one per control.
        const QSignalBlocker b1(m_text);
        const QSignalBlocker b2(m_department);
        const QSignalBlocker b3(m_chips);
        m_text->clear();
        m_department->setCurrentDepartment({});
        m_subdepartments->setEnabled(false);
        m_chipByStatus.value(QString())->setChecked(true);
    }
    m_typing->stop();
    Q_EMIT filterChanged();
}

void EmployeeFilterBar::focusText()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

} // namespace baton
