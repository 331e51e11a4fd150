#include "personfield.h"

#include "approvals/employeepicker.h"
#include "handoverlookup.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace baton {

PersonField::PersonField(AppContext &context, bool several, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_several(several)
    , m_edit(new QLineEdit(this))
    , m_choose(new QPushButton(this))
    , m_clear(new QToolButton(this))
{
    m_edit->setObjectName(QStringLiteral("personEdit"));
    m_choose->setObjectName(QStringLiteral("personChooseButton"));
    m_clear->setObjectName(QStringLiteral("personClearButton"));
    m_edit->setReadOnly(true);
    m_clear->hide();
    setFocusProxy(m_choose);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_choose);
    layout->addWidget(m_clear);
    connect(m_choose, &QPushButton::clicked, this, &PersonField::choose);
    connect(m_clear, &QToolButton::clicked, this, [this] {
        setPeople({});
        Q_EMIT edited();
    });
    retranslate();
}

void PersonField::retranslate()
{
    m_choose->setText(tr("Choose…"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Nobody"));
    setPeople(m_ids); // names are shown in the current language's form
}

void PersonField::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

void PersonField::setClearable(bool clearable)
{
    m_clear->setVisible(clearable);
}

void PersonField::setPeople(const QList<QUuid> &ids)
{
    QList<QUuid> unique;
    for (const QUuid &id : ids)
        if (!id.isNull() && !unique.contains(id))
            unique.append(id);
    const bool differs = unique != m_ids;
    m_ids = unique;
    HandoverLookup lookup(m_context);
    m_edit->setText(lookup.people(m_ids));
    m_edit->setCursorPosition(0);
    m_clear->setEnabled(!m_ids.isEmpty());
    if (differs)
        Q_EMIT changed();
}

void PersonField::choose()
{
    EmployeePicker picker(m_context, m_pickerTitle, m_several, this);
    if (picker.exec() != QDialog::Accepted || picker.selectedIds().isEmpty())
        return;
    QList<QUuid> ids = picker.selectedIds();
    if (m_several) // adds to those chosen already
        ids = m_ids + ids;
    setPeople(ids);
    Q_EMIT edited();
}

} // namespace baton
