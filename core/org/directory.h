#pragma once

#include "policy/policy.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QUuid>

namespace baton {

class Store;

struct EmployeeFilter
{
    QString text;       // part of a name, number, e-mail or phone
    QUuid departmentId; // null: every department
    bool includeSubdepartments = true;
    QString status; // empty: every status
};

enum class EmployeeSort { Number, Name, Department, Position, EmploymentStatus, HireDate };

struct EmployeeRow
{
    QUuid id;
    QString number;
    QString name; // display form
    QString englishName;
    QUuid departmentId;
    QString departmentName;
    QString positionTitle;
    QString status;
    QDate hireDate;
    QDate departureDate;
    QString email;
    QString phone;
};

struct DepartmentInfo
{
    QUuid id;
    QUuid parentId;
    QString kind;
    QString code;
    QString name;
    QString timeZone;
    QString currency;
    QUuid headId;
    QString headName;
    int employeeCount = 0; // active and departing, this department only
};

struct ResponsibilityInfo
{
    QUuid id;
    QUuid positionId;
    QString title;
    QString detail;
    int sortOrder = 0;
};

struct PositionInfo
{
    QUuid id;
    QString code;
    QString title;
    QUuid departmentId;
    QString grade;
    QString summary;
    QList<ResponsibilityInfo> responsibilities;
};

struct PersonRef
{
    QUuid id;
    QString number;
    QString name;
};

struct EmployeeDetail
{
    QJsonObject record; // every field, as stored
    QString departmentName;
    QString positionTitle;
    QString managerName;
    QList<ResponsibilityInfo> responsibilities; // from the position description
    QString login;                              // account, if any
};

// Reads of the organisation for views: SQL queries behind a small API, with
// the viewer's read scope applied in SQL so nobody sees rows they may not.
class Directory
{
    Q_DECLARE_TR_FUNCTIONS(Directory)
public:
    explicit Directory(Store &store)
        : m_store(store)
    { }

    Result<qint64> countEmployees(const ReadScope &scope, const EmployeeFilter &filter);
    Result<QList<EmployeeRow>> employees(const ReadScope &scope, const EmployeeFilter &filter,
                                         EmployeeSort sort, Qt::SortOrder order, qint64 offset,
                                         int limit);
    // Counts by status for the list's filter chips.
    Result<QHash<QString, qint64>> statusCounts(const ReadScope &scope,
                                                const EmployeeFilter &filter);

    // The full archive of one employee, if scope lets the viewer see it
    // (employee.not_found otherwise: no hint that the record exists).
    Result<EmployeeDetail> employee(const QUuid &id, const ReadScope &scope);
    // Name and number only, as on a company phone list: what any signed-in
    // user sees of a colleague named in a record they may read.
    Result<PersonRef> person(const QUuid &id);
    Result<QList<DepartmentInfo>> departments();
    Result<QList<PositionInfo>> positions();
    // Possible managers for an employee of department: people in it or above.
    Result<QList<PersonRef>> managerCandidates(const QUuid &departmentId);
    // Quick lookup by employee number (CLI, tests).
    Result<QUuid> employeeByNumber(const QString &number);

private:
    struct Where
    {
        QString sql;
        QVariantList binds;
    };
    enum class Retired { Exclude, Include };
    Where where(const ReadScope &scope, const EmployeeFilter &filter,
                Retired retired = Retired::Exclude);

    Store &m_store;
};

} // namespace baton
