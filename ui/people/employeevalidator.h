#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

namespace baton {

// The archive form's as-you-type checks. They mirror the rules core applies
// on save (orgentities.cpp, entitydef.cpp), so people learn what is wrong
// next to the field instead of after pressing Save; core still decides.
class EmployeeValidator
{
    Q_DECLARE_TR_FUNCTIONS(EmployeeValidator)
public:
    // values: every archive field as it would be saved (null when empty).
    // Returns a message per field that is wrong.
    static QHash<QString, QString> check(const QJsonObject &values, bool isNew);

    // A text field's value as core stores it: NFC, trimmed; null when empty.
    static QJsonValue normalisedText(const QString &text);
    // The longest text core accepts for an employee field.
    static int maxLength(const QString &field);
};

} // namespace baton
