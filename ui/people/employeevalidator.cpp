#include "employeevalidator.h"

#include "store/entitydef.h"

#include <QDate>
#include <QRegularExpression>

namespace baton {

namespace {

QString text(const QJsonObject &values, const char *key)
{
    return values.value(QLatin1StringView(key)).toString();
}

bool hasControlChars(const QString &s)
{
    for (QChar c : s)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    return false;
}

} // namespace

int EmployeeValidator::maxLength(const QString &field)
{
    if (const EntityDef *def = EntityRegistry::instance().find(u"employee"))
        if (const FieldDef *f = def->field(field))
            return f->maxLength;
    return 200;
}

QJsonValue EmployeeValidator::normalisedText(const QString &value)
{
    const QString s = value.normalized(QString::NormalizationForm_C).trimmed();
    if (s.isEmpty())
        return QJsonValue(QJsonValue::Null);
    return s;
}

QHash<QString, QString> EmployeeValidator::check(const QJsonObject &values, bool isNew)
{
    QHash<QString, QString> errors;
    auto checkText = [&](const char *key, bool required, const QString &missing) {
        const QString field = QLatin1String(key);
        const QString v = text(values, key);
        if (v.isEmpty()) {
            if (required)
                errors.insert(field, missing);
            return;
        }
        if (hasControlChars(v))
            errors.insert(field, tr("Remove the control characters (such as tabs) from this "
                                    "field."));
        else if (v.size() > maxLength(field))
            errors.insert(field, tr("At most %1 characters are allowed; this has %2.")
                                     .arg(maxLength(field))
                                     .arg(v.size()));
    };

    if (isNew) {
        static const QRegularExpression number(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"));
        const QString v = text(values, "number");
        if (v.isEmpty())
            errors.insert(QStringLiteral("number"), tr("Enter the employee number."));
        else if (!number.match(v).hasMatch())
            errors.insert(QStringLiteral("number"),
                          tr("Use letters, digits, '.', '_' and '-' only, starting with a letter "
                             "or digit (at most 32)."));
    }
    checkText("family_name", true, tr("Enter the family name."));
    checkText("given_name", true, tr("Enter the given name."));
    checkText("english_name", false, {});
    checkText("email", false, {});
    checkText("phone", false, {});

    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    static const QRegularExpression phone(QStringLiteral("^\\+?[0-9][0-9 ()-]{4,24}$"));
    const QString e = text(values, "email");
    if (!e.isEmpty() && !errors.contains(QStringLiteral("email")) && !email.match(e).hasMatch())
        errors.insert(QStringLiteral("email"),
                      tr("This is not an e-mail address (for example name@example.com)."));
    const QString p = text(values, "phone");
    if (!p.isEmpty() && !errors.contains(QStringLiteral("phone")) && !phone.match(p).hasMatch())
        errors.insert(QStringLiteral("phone"),
                      tr("Use digits, spaces, +, - and brackets only, 5 to 26 characters, "
                         "starting with + or a digit."));

    if (text(values, "department_id").isEmpty())
        errors.insert(QStringLiteral("department_id"), tr("Choose a department."));

    const QDate hire = QDate::fromString(text(values, "hire_date"), Qt::ISODate);
    const QDate departure = QDate::fromString(text(values, "departure_date"), Qt::ISODate);
    const QString status = text(values, "status");
    if (!hire.isValid())
        errors.insert(QStringLiteral("hire_date"), tr("Enter the hire date."));
    if (departure.isValid() && hire.isValid() && departure < hire)
        errors.insert(
            QStringLiteral("departure_date"),
            tr("The departure date is before the hire date (%1).").arg(hire.toString(Qt::ISODate)));
    else if ((status == QLatin1String("departing") || status == QLatin1String("departed"))
             && !departure.isValid())
        errors.insert(QStringLiteral("departure_date"),
                      tr("A departing or departed employee needs a departure date."));
    return errors;
}

} // namespace baton
