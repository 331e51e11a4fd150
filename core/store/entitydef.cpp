#include "entitydef.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>

namespace baton {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Fields)
};

Error invalid(const FieldDef &def, const QString &why)
{
    return Error(QStringLiteral("field.invalid"), Tr::tr("%1: %2").arg(fieldLabel(def.name), why));
}

bool hasControlChars(const QString &s, bool allowNewlines)
{
    for (QChar c : s) {
        const char16_t u = c.unicode();
        const bool lineBreakOrTab = u == u'\n' || u == u'\t';
        if (lineBreakOrTab && allowNewlines)
            continue;
        if (u < 0x20 || u == 0x7f)
            return true;
    }
    return false;
}
} // namespace

const FieldDef *EntityDef::field(QStringView fieldName) const
{
    for (const FieldDef &f : fields)
        if (f.name == fieldName)
            return &f;
    return nullptr;
}

EntityRegistry &EntityRegistry::instance()
{
    static EntityRegistry registry;
    return registry;
}

void EntityRegistry::add(EntityDef def)
{
    const QString name = def.name;
    if (!m_defs.contains(name))
        m_order.append(name);
    m_defs.insert(name, std::make_shared<EntityDef>(std::move(def)));
}

const EntityDef *EntityRegistry::find(QStringView name) const
{
    auto it = m_defs.constFind(name.toString());
    return it == m_defs.constEnd() ? nullptr : it->get();
}

QList<const EntityDef *> EntityRegistry::all() const
{
    QList<const EntityDef *> out;
    for (const QString &n : m_order)
        out.append(m_defs.value(n).get());
    return out;
}

namespace fields {

FieldDef ofType(const char *name, FieldType type, bool required)
{
    FieldDef f;
    f.name = QString::fromLatin1(name);
    f.type = type;
    f.required = required;
    return f;
}

FieldDef text(const char *name, int maxLength, bool required)
{
    FieldDef f = ofType(name, FieldType::Text, required);
    f.maxLength = maxLength;
    return f;
}

FieldDef note(const char *name, int maxLength)
{
    FieldDef f = ofType(name, FieldType::Note);
    f.maxLength = maxLength;
    return f;
}

FieldDef ref(const char *name, const char *entity, bool required)
{
    FieldDef f = ofType(name, FieldType::Id, required);
    f.references = QString::fromLatin1(entity);
    return f;
}

FieldDef oneOf(const char *name, QStringList values, bool required)
{
    FieldDef f = ofType(name, FieldType::Enum, required);
    f.values = std::move(values);
    return f;
}

} // namespace fields

namespace {
// Titles of the fields Baton's entities define, for messages and summaries.
struct FieldTitle
{
    const char *name;
    const char *title;
};
constexpr FieldTitle FieldTitles[] = {
    {"active", QT_TRANSLATE_NOOP("Fields", "Active")},
    {"actual_start", QT_TRANSLATE_NOOP("Fields", "Actual start")},
    {"amount", QT_TRANSLATE_NOOP("Fields", "Amount")},
    {"assignee_id", QT_TRANSLATE_NOOP("Fields", "Approver")},
    {"blockers", QT_TRANSLATE_NOOP("Fields", "Blockers")},
    {"body", QT_TRANSLATE_NOOP("Fields", "Document")},
    {"bonus_bp", QT_TRANSLATE_NOOP("Fields", "Bonus adjustment")},
    {"category", QT_TRANSLATE_NOOP("Fields", "Category")},
    {"cause", QT_TRANSLATE_NOOP("Fields", "Cause")},
    {"city", QT_TRANSLATE_NOOP("Fields", "City")},
    {"code", QT_TRANSLATE_NOOP("Fields", "Code")},
    {"comment", QT_TRANSLATE_NOOP("Fields", "Comment")},
    {"contact_name", QT_TRANSLATE_NOOP("Fields", "Contact person")},
    {"content", QT_TRANSLATE_NOOP("Fields", "Content")},
    {"currency", QT_TRANSLATE_NOOP("Fields", "Currency")},
    {"customer_id", QT_TRANSLATE_NOOP("Fields", "Customer")},
    {"cycle_id", QT_TRANSLATE_NOOP("Fields", "Review cycle")},
    {"deadline_ms", QT_TRANSLATE_NOOP("Fields", "Deadline")},
    {"decided_by", QT_TRANSLATE_NOOP("Fields", "Decided by")},
    {"decided_ms", QT_TRANSLATE_NOOP("Fields", "Decided at")},
    {"department_id", QT_TRANSLATE_NOOP("Fields", "Department")},
    {"departure_date", QT_TRANSLATE_NOOP("Fields", "Departure date")},
    {"detail", QT_TRANSLATE_NOOP("Fields", "Detail")},
    {"direction", QT_TRANSLATE_NOOP("Fields", "Direction")},
    {"disabled", QT_TRANSLATE_NOOP("Fields", "Disabled")},
    {"done", QT_TRANSLATE_NOOP("Fields", "Done")},
    {"done_date", QT_TRANSLATE_NOOP("Fields", "Finished on")},
    {"due_date", QT_TRANSLATE_NOOP("Fields", "Due date")},
    {"duty_id", QT_TRANSLATE_NOOP("Fields", "Responsibility")},
    {"email", QT_TRANSLATE_NOOP("Fields", "E-mail")},
    {"employee_id", QT_TRANSLATE_NOOP("Fields", "Employee")},
    {"ends_on", QT_TRANSLATE_NOOP("Fields", "Ends on")},
    {"english_name", QT_TRANSLATE_NOOP("Fields", "English name")},
    {"family_name", QT_TRANSLATE_NOOP("Fields", "Family name")},
    {"given_name", QT_TRANSLATE_NOOP("Fields", "Given name")},
    {"goal_id", QT_TRANSLATE_NOOP("Fields", "Goal")},
    {"grade", QT_TRANSLATE_NOOP("Fields", "Grade")},
    {"head_id", QT_TRANSLATE_NOOP("Fields", "Department head")},
    {"hire_date", QT_TRANSLATE_NOOP("Fields", "Hire date")},
    {"indicator_id", QT_TRANSLATE_NOOP("Fields", "Indicator")},
    {"is_sales", QT_TRANSLATE_NOOP("Fields", "Sales staff")},
    {"kind", QT_TRANSLATE_NOOP("Fields", "Kind")},
    {"level", QT_TRANSLATE_NOOP("Fields", "Level")},
    {"login", QT_TRANSLATE_NOOP("Fields", "Login")},
    {"manager_id", QT_TRANSLATE_NOOP("Fields", "Manager")},
    {"manager_rating_bp", QT_TRANSLATE_NOOP("Fields", "Manager's rating")},
    {"measured_on", QT_TRANSLATE_NOOP("Fields", "Measured on")},
    {"metric", QT_TRANSLATE_NOOP("Fields", "Indicator")},
    {"metric_kind", QT_TRANSLATE_NOOP("Fields", "Kind of measure")},
    {"name", QT_TRANSLATE_NOOP("Fields", "Name")},
    {"nodes", QT_TRANSLATE_NOOP("Fields", "Nodes")},
    {"note", QT_TRANSLATE_NOOP("Fields", "Note")},
    {"number", QT_TRANSLATE_NOOP("Fields", "Employee number")},
    {"opinion", QT_TRANSLATE_NOOP("Fields", "Opinion")},
    {"owner_id", QT_TRANSLATE_NOOP("Fields", "Owner")},
    {"paid_ms", QT_TRANSLATE_NOOP("Fields", "Paid at")},
    {"parent_id", QT_TRANSLATE_NOOP("Fields", "Parent")},
    {"password_hash", QT_TRANSLATE_NOOP("Fields", "Password")},
    {"period", QT_TRANSLATE_NOOP("Fields", "Period")},
    {"period_start", QT_TRANSLATE_NOOP("Fields", "Period start")},
    {"phone", QT_TRANSLATE_NOOP("Fields", "Phone")},
    {"planned", QT_TRANSLATE_NOOP("Fields", "Planned")},
    {"position_id", QT_TRANSLATE_NOOP("Fields", "Position")},
    {"predecessor_id", QT_TRANSLATE_NOOP("Fields", "Comes after")},
    {"progress", QT_TRANSLATE_NOOP("Fields", "Progress")},
    {"project_id", QT_TRANSLATE_NOOP("Fields", "Project")},
    {"relation", QT_TRANSLATE_NOOP("Fields", "Relation")},
    {"respondent_id", QT_TRANSLATE_NOOP("Fields", "Respondent")},
    {"retired", QT_TRANSLATE_NOOP("Fields", "Retired")},
    {"role", QT_TRANSLATE_NOOP("Fields", "Role")},
    {"round", QT_TRANSLATE_NOOP("Fields", "Round")},
    {"score_bp", QT_TRANSLATE_NOOP("Fields", "Score")},
    {"scores", QT_TRANSLATE_NOOP("Fields", "Scores")},
    {"sha256", QT_TRANSLATE_NOOP("Fields", "SHA-256")},
    {"shift_dependents", QT_TRANSLATE_NOOP("Fields", "Move dependent tasks too")},
    {"signature", QT_TRANSLATE_NOOP("Fields", "Signature")},
    {"size", QT_TRANSLATE_NOOP("Fields", "Size")},
    {"sort_order", QT_TRANSLATE_NOOP("Fields", "Order")},
    {"source", QT_TRANSLATE_NOOP("Fields", "Source")},
    {"start_date", QT_TRANSLATE_NOOP("Fields", "Start date")},
    {"starts_on", QT_TRANSLATE_NOOP("Fields", "Starts on")},
    {"state", QT_TRANSLATE_NOOP("Fields", "State")},
    {"statement", QT_TRANSLATE_NOOP("Fields", "Statement")},
    {"status", QT_TRANSLATE_NOOP("Fields", "Status")},
    {"subject", QT_TRANSLATE_NOOP("Fields", "Subject")},
    {"subject_id", QT_TRANSLATE_NOOP("Fields", "About")},
    {"submitted_ms", QT_TRANSLATE_NOOP("Fields", "Submitted at")},
    {"submitter_id", QT_TRANSLATE_NOOP("Fields", "Submitted by")},
    {"successor_id", QT_TRANSLATE_NOOP("Fields", "Comes before")},
    {"summary", QT_TRANSLATE_NOOP("Fields", "Summary")},
    {"target_milli", QT_TRANSLATE_NOOP("Fields", "Target")},
    {"task_id", QT_TRANSLATE_NOOP("Fields", "Task")},
    {"template_id", QT_TRANSLATE_NOOP("Fields", "Workflow")},
    {"threshold_milli", QT_TRANSLATE_NOOP("Fields", "Threshold")},
    {"time_zone", QT_TRANSLATE_NOOP("Fields", "Time zone")},
    {"title", QT_TRANSLATE_NOOP("Fields", "Title")},
    {"token", QT_TRANSLATE_NOOP("Fields", "Time stamp")},
    {"unit", QT_TRANSLATE_NOOP("Fields", "Unit")},
    {"user_id", QT_TRANSLATE_NOOP("Fields", "Account")},
    {"valid_from_ms", QT_TRANSLATE_NOOP("Fields", "Valid from")},
    {"valid_to_ms", QT_TRANSLATE_NOOP("Fields", "Valid until")},
    {"value", QT_TRANSLATE_NOOP("Fields", "Value")},
    {"value_milli", QT_TRANSLATE_NOOP("Fields", "Value")},
    {"version", QT_TRANSLATE_NOOP("Fields", "Version")},
    {"weight_bp", QT_TRANSLATE_NOOP("Fields", "Weight")},
};

const char *titleSource(QStringView name)
{
    for (const FieldTitle &t : FieldTitles)
        if (name == QLatin1StringView(t.name))
            return t.title;
    return nullptr;
}
} // namespace

QString fieldLabel(const QString &name)
{
    if (const char *title = titleSource(name))
        return Tr::tr(title);
    QString s = name;
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    return s;
}

QString fieldTitleEnglish(const QString &name)
{
    if (const char *title = titleSource(name))
        return QString::fromLatin1(title);
    QString s = name;
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    return s;
}

Result<QVariant> validateField(const FieldDef &def, const QJsonValue &value)
{
    if (value.isNull()) {
        if (def.required)
            return invalid(def, Tr::tr("a value is required"));
        return QVariant();
    }
    switch (def.type) {
    case FieldType::Text:
    case FieldType::Note: {
        if (!value.isString())
            return invalid(def, Tr::tr("must be text"));
        QString s = value.toString();
        for (qsizetype i = 0; i < s.size(); ++i) {
            if (s[i].isHighSurrogate() && (i + 1 >= s.size() || !s[i + 1].isLowSurrogate()))
                return invalid(def, Tr::tr("contains an invalid character"));
            if (s[i].isLowSurrogate() && (i == 0 || !s[i - 1].isHighSurrogate()))
                return invalid(def, Tr::tr("contains an invalid character"));
        }
        s = s.normalized(QString::NormalizationForm_C);
        if (def.type == FieldType::Note)
            s.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        if (def.type == FieldType::Text)
            s = s.trimmed();
        if (hasControlChars(s, def.type == FieldType::Note))
            return invalid(def, Tr::tr("contains control characters"));
        if (s.size() > def.maxLength)
            return invalid(def, Tr::tr("is %1 characters long; at most %2 are allowed")
                                    .arg(s.size())
                                    .arg(def.maxLength));
        if (s.isEmpty()) {
            if (def.required)
                return invalid(def, Tr::tr("a value is required"));
            return QVariant();
        }
        return QVariant(s);
    }
    case FieldType::Date: {
        if (!value.isString())
            return invalid(def, Tr::tr("must be a date (YYYY-MM-DD)"));
        static const QRegularExpression re(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        const QString s = value.toString();
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!re.match(s).hasMatch() || !d.isValid())
            return invalid(def, Tr::tr("\"%1\" is not a valid date (YYYY-MM-DD)").arg(s.left(20)));
        if (d.year() < 1900 || d.year() > 2200)
            return invalid(def, Tr::tr("the year %1 is out of range").arg(d.year()));
        return QVariant(s);
    }
    case FieldType::Integer:
    case FieldType::TimeMs: {
        constexpr qint64 sentinel = std::numeric_limits<qint64>::min();
        const qint64 v = value.toInteger(sentinel);
        if (!value.isDouble() || v == sentinel)
            return invalid(def, Tr::tr("must be a whole number"));
        if (def.type == FieldType::TimeMs && v < 0)
            return invalid(def, Tr::tr("must not be negative"));
        return QVariant(v);
    }
    case FieldType::Bool:
        if (!value.isBool())
            return invalid(def, Tr::tr("must be true or false"));
        return QVariant(value.toBool());
    case FieldType::Id: {
        if (!value.isString() || value.toString().size() != 36
            || QUuid::fromString(value.toString()).isNull())
            return invalid(def, Tr::tr("is not a record id"));
        return QVariant(value.toString().toLower());
    }
    case FieldType::Enum:
        if (!value.isString() || !def.values.contains(value.toString()))
            return invalid(def,
                           Tr::tr("must be one of: %1").arg(def.values.join(QStringLiteral(", "))));
        return QVariant(value.toString());
    }
    return invalid(def, Tr::tr("has an unknown type"));
}

} // namespace baton
