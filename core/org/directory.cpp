#include "directory.h"

#include "oplog/uuidv7.h"
#include "orgvalues.h"
#include "store/entitydef.h"
#include "store/store.h"

#include <QSqlQuery>

namespace baton {

namespace {

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString placeholders(qsizetype n)
{
    QString s;
    for (qsizetype i = 0; i < n; ++i)
        s += i ? QStringLiteral(",?") : QStringLiteral("?");
    return s;
}

void bindAll(QSqlQuery &q, const QVariantList &binds)
{
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
}

} // namespace

Directory::Where Directory::where(const ReadScope &scope, const EmployeeFilter &filter,
                                  Retired retired)
{
    Where w;
    QStringList clauses{retired == Retired::Exclude ? QStringLiteral("e.retired=0")
                                                    : QStringLiteral("1")};
    if (!scope.all) {
        QStringList visible;
        if (!scope.departments.isEmpty()) {
            visible << QStringLiteral("e.department_id IN (%1)")
                           .arg(placeholders(scope.departments.size()));
            for (const QUuid &d : scope.departments)
                w.binds << idString(d);
        }
        if (!scope.ownEmployee.isNull()) {
            visible << QStringLiteral("e.id=?");
            w.binds << idString(scope.ownEmployee);
        }
        if (visible.isEmpty())
            visible << QStringLiteral("0");
        clauses << QLatin1Char('(') + visible.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    if (!filter.departmentId.isNull()) {
        QList<QUuid> departments{filter.departmentId};
        if (filter.includeSubdepartments)
            departments = m_store.orgTree().subtree(filter.departmentId);
        if (departments.isEmpty())
            departments = {filter.departmentId};
        clauses << QStringLiteral("e.department_id IN (%1)").arg(placeholders(departments.size()));
        for (const QUuid &d : std::as_const(departments))
            w.binds << idString(d);
    }
    if (!filter.status.isEmpty()) {
        clauses << QStringLiteral("e.status=?");
        w.binds << filter.status;
    }
    const QString text = filter.text.trimmed();
    if (!text.isEmpty()) {
        // Names match written either way round ("张伟", "Wei Zhang", "Zhang Wei").
        // Case-insensitive on either database (%1: LIKE or ILIKE).
        clauses << QStringLiteral(
                       "(e.number %1 ? ESCAPE '\\' OR (e.family_name || e.given_name) %1 ? ESCAPE "
                       "'\\' OR (e.given_name || ' ' || e.family_name) %1 ? ESCAPE '\\' "
                       "OR (e.family_name || ' ' || e.given_name) %1 ? ESCAPE '\\' "
                       "OR e.english_name %1 ? ESCAPE '\\' OR e.email %1 ? ESCAPE '\\' "
                       "OR e.phone %1 ? ESCAPE '\\')")
                       .arg(m_store.database().dialect().likeCaseInsensitive());
        const QString p = likePattern(text);
        for (int i = 0; i < 7; ++i)
            w.binds << p;
    }
    w.sql = QStringLiteral(" WHERE ") + clauses.join(QStringLiteral(" AND "));
    return w;
}

Result<qint64> Directory::countEmployees(const ReadScope &scope, const EmployeeFilter &filter)
{
    const Where w = where(scope, filter);
    QSqlQuery q(m_store.database().connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM employee e") + w.sql);
    bindAll(q, w.binds);
    if (!q.exec() || !q.next())
        return m_store.database().errorFrom(q, tr("counting employees"));
    return q.value(0).toLongLong();
}

Result<QHash<QString, qint64>> Directory::statusCounts(const ReadScope &scope,
                                                       const EmployeeFilter &filter)
{
    EmployeeFilter any = filter;
    any.status.clear();
    const Where w = where(scope, any);
    QSqlQuery q(m_store.database().connection());
    q.prepare(QStringLiteral("SELECT e.status, count(*) FROM employee e") + w.sql
              + QStringLiteral(" GROUP BY e.status"));
    bindAll(q, w.binds);
    if (!q.exec())
        return m_store.database().errorFrom(q, tr("counting employees"));
    QHash<QString, qint64> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

Result<QList<EmployeeRow>> Directory::employees(const ReadScope &scope,
                                                const EmployeeFilter &filter, EmployeeSort sort,
                                                Qt::SortOrder order, qint64 offset, int limit)
{
    const Where w = where(scope, filter);
    QString orderBy;
    switch (sort) {
    case EmployeeSort::Number:
        orderBy = QStringLiteral("e.number");
        break;
    case EmployeeSort::Name:
        orderBy = QStringLiteral("e.family_name %1, e.given_name");
        break;
    case EmployeeSort::Department:
        orderBy = QStringLiteral("d.name %1, e.number");
        break;
    case EmployeeSort::Position:
        orderBy = QStringLiteral("p.title %1, e.number");
        break;
    case EmployeeSort::EmploymentStatus:
        orderBy = QStringLiteral("e.status %1, e.number");
        break;
    case EmployeeSort::HireDate:
        orderBy = QStringLiteral("e.hire_date %1, e.number");
        break;
    }
    const QString direction =
        order == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC");
    orderBy = orderBy.contains(QStringLiteral("%1")) ? orderBy.arg(direction)
                                                     : orderBy + QLatin1Char(' ') + direction;

    QSqlQuery q(m_store.database().connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT e.id, e.number, e.family_name, e.given_name, e.english_name, "
                             "e.department_id, d.name, p.title, e.status, e.hire_date, "
                             "e.departure_date, e.email, e.phone FROM employee e "
                             "LEFT JOIN department d ON d.id=e.department_id "
                             "LEFT JOIN job_position p ON p.id=e.position_id")
              + w.sql + QStringLiteral(" ORDER BY ") + orderBy
              + QStringLiteral(" LIMIT ? OFFSET ?"));
    QVariantList binds = w.binds;
    binds << limit << offset;
    bindAll(q, binds);
    if (!q.exec())
        return m_store.database().errorFrom(q, tr("reading employees"));
    QList<EmployeeRow> rows;
    rows.reserve(limit);
    while (q.next()) {
        EmployeeRow r;
        r.id = parseId(q.value(0).toString());
        r.number = q.value(1).toString();
        r.name = org::displayName(q.value(2).toString(), q.value(3).toString());
        r.englishName = q.value(4).toString();
        r.departmentId = parseId(q.value(5).toString());
        r.departmentName = q.value(6).toString();
        r.positionTitle = q.value(7).toString();
        r.status = q.value(8).toString();
        r.hireDate = QDate::fromString(q.value(9).toString(), Qt::ISODate);
        r.departureDate = QDate::fromString(q.value(10).toString(), Qt::ISODate);
        r.email = q.value(11).toString();
        r.phone = q.value(12).toString();
        rows.append(r);
    }
    return rows;
}

Result<PersonRef> Directory::person(const QUuid &id)
{
    QSqlQuery q(m_store.database().connection());
    q.prepare(QStringLiteral("SELECT number, family_name, given_name FROM employee WHERE id=?"));
    q.addBindValue(idString(id));
    if (!q.exec())
        return m_store.database().errorFrom(q, tr("reading an employee"));
    if (!q.next())
        return Error(QStringLiteral("employee.not_found"), tr("This employee does not exist."));
    return PersonRef{id, q.value(0).toString(),
                     org::displayName(q.value(1).toString(), q.value(2).toString())};
}

Result<EmployeeDetail> Directory::employee(const QUuid &id, const ReadScope &scope)
{
    // The list's own visibility rule, narrowed to this id; a retired record
    // stays readable for its history.
    const Where visible = where(scope, EmployeeFilter{}, Retired::Include);

    const EntityDef *def = EntityRegistry::instance().find(u"employee");
    QString cols;
    for (const FieldDef &f : def->fields)
        cols += QStringLiteral("e.") + f.name + QLatin1Char(',');
    QSqlQuery q(m_store.database().connection());
    q.prepare(QStringLiteral("SELECT %1 e.retired, d.name, p.title, m.family_name, m.given_name, "
                             "u.login FROM employee e "
                             "LEFT JOIN department d ON d.id=e.department_id "
                             "LEFT JOIN job_position p ON p.id=e.position_id "
                             "LEFT JOIN employee m ON m.id=e.manager_id "
                             "LEFT JOIN app_user u ON u.employee_id=e.id AND u.retired=0 %2")
                  .arg(cols, visible.sql + QStringLiteral(" AND e.id=?")));
    for (const QVariant &b : std::as_const(visible.binds))
        q.addBindValue(b);
    q.addBindValue(idString(id));
    if (!q.exec())
        return m_store.database().errorFrom(q, tr("reading an employee"));
    if (!q.next())
        return Error(QStringLiteral("employee.not_found"), tr("This employee does not exist."));
    EmployeeDetail d;
    int i = 0;
    for (const FieldDef &f : def->fields) {
        const QVariant v = q.value(i++);
        if (v.isNull())
            d.record.insert(f.name, QJsonValue(QJsonValue::Null));
        else if (f.type == FieldType::Bool)
            d.record.insert(f.name, v.toLongLong() != 0);
        else if (f.type == FieldType::Integer || f.type == FieldType::TimeMs)
            d.record.insert(f.name, v.toLongLong());
        else
            d.record.insert(f.name, v.toString());
    }
    d.record.insert(QStringLiteral("id"), idString(id));
    d.record.insert(QStringLiteral("retired"), q.value(i++).toLongLong() != 0);
    d.departmentName = q.value(i++).toString();
    d.positionTitle = q.value(i++).toString();
    const QString mf = q.value(i++).toString();
    const QString mg = q.value(i++).toString();
    d.managerName = org::displayName(mf, mg);
    d.login = q.value(i++).toString();
    q.finish();

    const QString position = d.record.value(QStringLiteral("position_id")).toString();
    if (!position.isEmpty()) {
        QSqlQuery r(m_store.database().connection());
        r.prepare(QStringLiteral("SELECT id, title, detail, sort_order FROM responsibility "
                                 "WHERE position_id=? AND retired=0 ORDER BY sort_order, title"));
        r.addBindValue(position);
        if (!r.exec())
            return m_store.database().errorFrom(r, tr("reading responsibilities"));
        while (r.next())
            d.responsibilities.append({parseId(r.value(0).toString()), parseId(position),
                                       r.value(1).toString(), r.value(2).toString(),
                                       r.value(3).toInt()});
    }
    return d;
}

Result<QList<DepartmentInfo>> Directory::departments()
{
    QSqlQuery q(m_store.database().connection());
    if (!q.exec(QStringLiteral(
            "SELECT d.id, d.parent_id, d.kind, d.code, d.name, d.time_zone, d.currency, d.head_id, "
            "h.family_name, h.given_name, (SELECT count(*) FROM employee e WHERE "
            "e.department_id=d.id AND e.retired=0 AND e.status<>'departed') FROM department d "
            "LEFT JOIN employee h ON h.id=d.head_id WHERE d.retired=0 ORDER BY d.code")))
        return m_store.database().errorFrom(q, tr("reading departments"));
    QList<DepartmentInfo> out;
    while (q.next()) {
        DepartmentInfo d;
        d.id = parseId(q.value(0).toString());
        d.parentId = parseId(q.value(1).toString());
        d.kind = q.value(2).toString();
        d.code = q.value(3).toString();
        d.name = q.value(4).toString();
        d.timeZone = q.value(5).toString();
        d.currency = q.value(6).toString();
        d.headId = parseId(q.value(7).toString());
        d.headName = org::displayName(q.value(8).toString(), q.value(9).toString());
        d.employeeCount = q.value(10).toInt();
        out.append(d);
    }
    return out;
}

Result<QList<PositionInfo>> Directory::positions()
{
    QSqlQuery q(m_store.database().connection());
    if (!q.exec(QStringLiteral("SELECT id, code, title, department_id, grade, summary FROM "
                               "job_position WHERE retired=0 ORDER BY title")))
        return m_store.database().errorFrom(q, tr("reading positions"));
    QList<PositionInfo> out;
    QHash<QUuid, qsizetype> index;
    while (q.next()) {
        PositionInfo p;
        p.id = parseId(q.value(0).toString());
        p.code = q.value(1).toString();
        p.title = q.value(2).toString();
        p.departmentId = parseId(q.value(3).toString());
        p.grade = q.value(4).toString();
        p.summary = q.value(5).toString();
        index.insert(p.id, out.size());
        out.append(p);
    }
    QSqlQuery r(m_store.database().connection());
    if (!r.exec(QStringLiteral("SELECT id, position_id, title, detail, sort_order FROM "
                               "responsibility WHERE retired=0 ORDER BY sort_order, title")))
        return m_store.database().errorFrom(r, tr("reading responsibilities"));
    while (r.next()) {
        const QUuid position = parseId(r.value(1).toString());
        auto it = index.constFind(position);
        if (it == index.constEnd())
            continue;
        out[*it].responsibilities.append({parseId(r.value(0).toString()), position,
                                          r.value(2).toString(), r.value(3).toString(),
                                          r.value(4).toInt()});
    }
    return out;
}

Result<QList<PersonRef>> Directory::managerCandidates(const QUuid &departmentId)
{
    QList<QUuid> chain;
    const OrgTree &tree = m_store.orgTree();
    for (QUuid d = departmentId; !d.isNull() && chain.size() < 64; d = tree.parentOf(d))
        chain.append(d);
    if (chain.isEmpty())
        return QList<PersonRef>{};
    QSqlQuery q(m_store.database().connection());
    q.prepare(QStringLiteral("SELECT id, number, family_name, given_name FROM employee WHERE "
                             "retired=0 AND status<>'departed' AND department_id IN (%1) "
                             "ORDER BY family_name, given_name")
                  .arg(placeholders(chain.size())));
    for (int i = 0; i < chain.size(); ++i)
        q.bindValue(i, idString(chain[i]));
    if (!q.exec())
        return m_store.database().errorFrom(q, tr("reading possible managers"));
    QList<PersonRef> out;
    while (q.next())
        out.append({parseId(q.value(0).toString()), q.value(1).toString(),
                    org::displayName(q.value(2).toString(), q.value(3).toString())});
    return out;
}

Result<QUuid> Directory::employeeByNumber(const QString &number)
{
    QSqlQuery q(m_store.database().connection());
    q.prepare(QStringLiteral("SELECT id FROM employee WHERE number=?"));
    q.addBindValue(number);
    if (!q.exec())
        return m_store.database().errorFrom(q, tr("finding an employee"));
    if (!q.next())
        return Error(QStringLiteral("employee.not_found"),
                     tr("No employee has the number %1.").arg(number));
    return parseId(q.value(0).toString());
}

} // namespace baton
