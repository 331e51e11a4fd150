#include "departmentfields.h"

#include "common/appcontext.h"
#include "departmentcombobox.h"
#include "employeevalidator.h"
#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "policy/roles.h"

#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTimeZone>

namespace baton {

namespace {

QJsonValue textValue(const QString &s)
{
    return EmployeeValidator::normalisedText(s);
}

} // namespace

DepartmentFields::DepartmentFields(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("departmentKind"));
    for (const QString &k : org::departmentKinds())
        m_kind->addItem(QString(), k);
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("departmentCode"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("departmentName"));
    m_parent = new DepartmentComboBox(this);
    m_parent->setObjectName(QStringLiteral("departmentParent"));

    m_timeZone = new QComboBox(this);
    m_timeZone->setObjectName(QStringLiteral("departmentTimeZone"));
    m_timeZone->setEditable(true);
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &zone : QTimeZone::availableTimeZoneIds())
        m_timeZone->addItem(QString::fromUtf8(zone));
    m_timeZone->completer()->setFilterMode(Qt::MatchContains);
    m_timeZone->completer()->setCompletionMode(QCompleter::PopupCompletion);

    m_currency = new QComboBox(this);
    m_currency->setObjectName(QStringLiteral("departmentCurrency"));
    m_currency->addItems(org::currencyCodes());
    m_head = new QComboBox(this);
    m_head->setObjectName(QStringLiteral("departmentHead"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (QWidget *w : std::initializer_list<QWidget *>{m_kind, m_code, m_name, m_parent, m_timeZone,
                                                       m_currency, m_head})
        form->addRow(new QLabel(this), w); // words set in retranslate()

    auto changed = [this] {
        if (!m_filling)
            Q_EMIT edited();
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, changed);
    connect(m_code, &QLineEdit::textChanged, this, changed);
    connect(m_name, &QLineEdit::textChanged, this, changed);
    connect(m_parent, &DepartmentComboBox::departmentChanged, this, changed);
    connect(m_timeZone, &QComboBox::currentTextChanged, this, changed);
    connect(m_currency, &QComboBox::currentIndexChanged, this, changed);
    connect(m_head, &QComboBox::currentIndexChanged, this, changed);
    retranslate();
}

void DepartmentFields::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DepartmentFields::retranslate()
{
    auto *form = qobject_cast<QFormLayout *>(layout());
    const QList<QPair<QWidget *, QString>> rows = {
        {m_kind, tr("Kind")},         {m_code, tr("Code")},          {m_name, tr("Name")},
        {m_parent, tr("Belongs to")}, {m_timeZone, tr("Time zone")}, {m_currency, tr("Currency")},
        {m_head, tr("Head")}};
    for (const auto &[widget, text] : rows)
        if (auto *label = qobject_cast<QLabel *>(form->labelForField(widget)))
            label->setText(text);
    m_code->setPlaceholderText(tr("For example ST3 or PRJ-E"));
    for (int i = 0; i < m_kind->count(); ++i)
        m_kind->setItemText(i, org::departmentKindTitle(m_kind->itemData(i).toString()));
    // The same choices, in new words, without telling anyone they changed.
    const bool filling = m_filling;
    m_filling = true;
    setDepartments(m_departments);
    m_head->setItemText(0, tr("No head"));
    m_filling = filling;
}

QStringList DepartmentFields::fieldNames()
{
    return {QStringLiteral("kind"),      QStringLiteral("code"),      QStringLiteral("name"),
            QStringLiteral("parent_id"), QStringLiteral("time_zone"), QStringLiteral("currency"),
            QStringLiteral("head_id")};
}

void DepartmentFields::setDepartments(const QList<DepartmentInfo> &departments)
{
    m_departments = departments;
    const bool filling = m_filling;
    m_filling = true;
    QList<DepartmentInfo> others;
    for (const DepartmentInfo &d : departments)
        if (d.id != m_self)
            others.append(d);
    m_parent->setDepartments(others, tr("Nothing: top of the organisation"));
    m_filling = filling;
}

void DepartmentFields::setValues(const QJsonObject &values, const QUuid &self)
{
    m_filling = true;
    m_self = self;
    setDepartments(m_departments);
    auto text = [&](const char *key) { return values.value(QLatin1StringView(key)).toString(); };
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(text("kind"))));
    m_code->setText(text("code"));
    m_name->setText(text("name"));
    m_parent->setCurrentDepartment(parseId(text("parent_id")));
    m_timeZone->setCurrentText(text("time_zone"));
    const int currency = m_currency->findText(text("currency"));
    m_currency->setCurrentIndex(currency >= 0 ? currency
                                              : m_currency->findText(QStringLiteral("CNY")));
    fillHeads(parseId(text("head_id")));
    m_filling = false;
}

void DepartmentFields::fillHeads(const QUuid &keep)
{
    m_head->clear();
    m_head->addItem(tr("No head"), QVariant());
    if (!m_self.isNull()) {
        EmployeeFilter filter;
        filter.departmentId = m_self;
        filter.includeSubdepartments = false;
        auto people = m_context.directory().employees(
            m_context.readScope(QString::fromLatin1(actions::EmployeeRead)), filter,
            EmployeeSort::Name, Qt::AscendingOrder, 0, 1000);
        if (people)
            for (const EmployeeRow &p : *people)
                if (p.status != QLatin1String("departed"))
                    m_head->addItem(tr("%1 (%2)").arg(p.name, p.number), idString(p.id));
    }
    if (!keep.isNull() && m_head->findData(idString(keep)) < 0) {
        // A head from elsewhere stays as it is.
        QString name = tr("Unknown person");
        if (auto p = m_context.directory().person(keep))
            name = p->name;
        m_head->addItem(name, idString(keep));
    }
    m_head->setCurrentIndex(keep.isNull() ? 0 : m_head->findData(idString(keep)));
}

QJsonObject DepartmentFields::values() const
{
    QJsonObject v;
    v.insert(QStringLiteral("kind"), m_kind->currentData().toString());
    v.insert(QStringLiteral("code"), textValue(m_code->text()));
    v.insert(QStringLiteral("name"), textValue(m_name->text()));
    const QUuid parent = m_parent->currentDepartment();
    v.insert(QStringLiteral("parent_id"),
             parent.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(idString(parent)));
    v.insert(QStringLiteral("time_zone"), textValue(m_timeZone->currentText()));
    v.insert(QStringLiteral("currency"), m_currency->currentText());
    const QString head = m_head->currentData().toString();
    v.insert(QStringLiteral("head_id"),
             head.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(head));
    return v;
}

QString DepartmentFields::problem() const
{
    // The same checks, in the same words, as core's department rules.
    static const QRegularExpression code(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"));
    const QJsonObject v = values();
    const QString c = v.value(QStringLiteral("code")).toString();
    if (c.isEmpty())
        return tr("Enter a short code for the department.");
    if (!code.match(c).hasMatch())
        return tr("The department code may hold only letters, digits, '.', '_' and '-' (at most "
                  "32).");
    const QString name = v.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        return tr("Enter the department's name.");
    if (name.size() > 120)
        return tr("The name may be at most 120 characters long.");
    const bool headOffice =
        v.value(QStringLiteral("kind")).toString() == QLatin1String("head_office");
    const QUuid parent = parseId(v.value(QStringLiteral("parent_id")).toString());
    if (headOffice && !parent.isNull())
        return tr("The head office is the top of the organisation and has no parent.");
    if (!headOffice && parent.isNull())
        return tr("Choose the department this one belongs to.");
    if (!m_self.isNull() && !parent.isNull()) {
        if (parent == m_self)
            return tr("A department cannot belong to itself.");
        if (m_context.store().orgTree().isWithin(parent, m_self))
            return tr("A department cannot be moved below one of its own sub-departments.");
    }
    const QString zone = v.value(QStringLiteral("time_zone")).toString();
    if (!QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
        return tr("\"%1\" is not a known time zone (for example Asia/Shanghai).").arg(zone);
    if (!org::currencyCodes().contains(v.value(QStringLiteral("currency")).toString()))
        return tr("Choose the currency the department keeps its money in.");
    return {};
}

} // namespace baton
