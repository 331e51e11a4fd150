#include "employeechanges.h"

#include <QHash>

namespace baton {

namespace {

bool isEmpty(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty());
}

} // namespace

const QStringList &EmployeeChanges::fields()
{
    static const QStringList names = {
        QStringLiteral("number"),        QStringLiteral("family_name"),
        QStringLiteral("given_name"),    QStringLiteral("english_name"),
        QStringLiteral("email"),         QStringLiteral("phone"),
        QStringLiteral("department_id"), QStringLiteral("position_id"),
        QStringLiteral("manager_id"),    QStringLiteral("hire_date"),
        QStringLiteral("status"),        QStringLiteral("departure_date"),
        QStringLiteral("is_sales")};
    return names;
}

QString EmployeeChanges::title(const QString &field)
{
    static const QHash<QString, const char *> titles = {
        {QStringLiteral("number"), QT_TR_NOOP("Employee number")},
        {QStringLiteral("family_name"), QT_TR_NOOP("Family name")},
        {QStringLiteral("given_name"), QT_TR_NOOP("Given name")},
        {QStringLiteral("english_name"), QT_TR_NOOP("English name")},
        {QStringLiteral("email"), QT_TR_NOOP("E-mail")},
        {QStringLiteral("phone"), QT_TR_NOOP("Phone")},
        {QStringLiteral("department_id"), QT_TR_NOOP("Department")},
        {QStringLiteral("position_id"), QT_TR_NOOP("Position")},
        {QStringLiteral("manager_id"), QT_TR_NOOP("Manager")},
        {QStringLiteral("hire_date"), QT_TR_NOOP("Hire date")},
        {QStringLiteral("status"), QT_TR_NOOP("Status")},
        {QStringLiteral("departure_date"), QT_TR_NOOP("Departure date")},
        {QStringLiteral("is_sales"), QT_TR_NOOP("Sales staff")},
        {QStringLiteral("retired"), QT_TR_NOOP("Archived")}};
    const char *title = titles.value(field);
    return title ? tr(title) : field;
}

bool EmployeeChanges::same(const QJsonValue &a, const QJsonValue &b)
{
    // Core stores an empty optional field as null; "" and null are the same.
    if (isEmpty(a) || isEmpty(b))
        return isEmpty(a) && isEmpty(b);
    if (a.isBool() || b.isBool())
        return a.toBool() == b.toBool();
    return a == b;
}

QJsonObject EmployeeChanges::diff(const QJsonObject &before, const QJsonObject &after)
{
    QJsonObject out;
    const bool create = before.isEmpty();
    for (const QString &f : fields()) {
        if (!after.contains(f))
            continue;
        const QJsonValue v = after.value(f);
        if (create) {
            if (!isEmpty(v))
                out.insert(f, v);
        } else if (!same(before.value(f), v)) {
            out.insert(f, isEmpty(v) ? QJsonValue(QJsonValue::Null) : v);
        }
    }
    return out;
}

QStringList EmployeeChanges::conflicts(const QJsonObject &base, const QJsonObject &mine,
                                       const QJsonObject &theirs)
{
    QStringList out;
    for (const QString &f : fields()) {
        const bool mineChanged = !same(base.value(f), mine.value(f));
        const bool theirsChanged = !same(base.value(f), theirs.value(f));
        if (mineChanged && theirsChanged && !same(mine.value(f), theirs.value(f)))
            out.append(f);
    }
    return out;
}

QJsonObject EmployeeChanges::merge(const QJsonObject &base, const QJsonObject &mine,
                                   const QJsonObject &theirs)
{
    QJsonObject out = theirs;
    for (const QString &f : fields())
        if (!same(base.value(f), mine.value(f)))
            out.insert(f, mine.value(f));
    return out;
}

QJsonObject EmployeeChanges::archiveOf(const QJsonObject &record)
{
    QJsonObject out;
    for (const QString &f : fields())
        out.insert(f,
                   record.value(f).isUndefined() ? QJsonValue(QJsonValue::Null) : record.value(f));
    return out;
}

} // namespace baton
