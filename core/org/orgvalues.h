#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace baton {

// The fixed vocabularies of the organisation, with their translated names.
namespace org {

QStringList departmentKinds(); // head_office, department, branch_store
QString departmentKindTitle(const QString &key);

QStringList employeeStatuses(); // active, on_leave, departing, departed
QString employeeStatusTitle(const QString &key);

// ISO 4217 currency codes in current use.
const QStringList &currencyCodes();

// "张伟" for Chinese names, "Wei Zhang" for others.
QString displayName(const QString &familyName, const QString &givenName);

} // namespace org
} // namespace baton
