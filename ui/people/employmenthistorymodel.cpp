#include "employmenthistorymodel.h"

#include "common/appcontext.h"
#include "employeechanges.h"
#include "employeestatusstyle.h"
#include "oplog/uuidv7.h"
#include "store/entitydef.h"
#include "store/history.h"

#include <QLocale>

namespace baton {

EmploymentHistoryModel::EmploymentHistoryModel(AppContext &context, QObject *parent)
    : QAbstractTableModel(parent)
    , m_context(context)
    , m_names(context)
{ }

int EmploymentHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_changes.size());
}

int EmploymentHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EmploymentHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Change &c = m_changes.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case When:
            // Shown in the viewer's time zone.
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.timeMs).toLocalTime(),
                                      QLocale::ShortFormat);
        case ChangedBy:
            return c.author;
        case What:
            return EmployeeChanges::title(c.field);
        case From:
            return c.from;
        case To:
            return c.to;
        default:
            return {};
        }
    }
    if (c.field == QLatin1String("status") && (index.column() == To || index.column() == From)) {
        // Status looks the same here as in the list.
        const QString status = index.column() == To ? c.toStatus : c.fromStatus;
        if (role == Qt::ForegroundRole && EmployeeStatusStyle::color(status).isValid())
            return EmployeeStatusStyle::color(status);
        if (role == Qt::DecorationRole && !EmployeeStatusStyle::icon(status).isNull())
            return EmployeeStatusStyle::icon(status);
    }
    return {};
}

QVariant EmploymentHistoryModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When");
    case ChangedBy:
        return tr("Changed by");
    case What:
        return tr("What");
    case From:
        return tr("From");
    case To:
        return tr("To");
    default:
        return {};
    }
}

bool EmploymentHistoryModel::isEmploymentField(const QString &field)
{
    static const QStringList employment = {
        QStringLiteral("department_id"), QStringLiteral("position_id"),
        QStringLiteral("manager_id"),    QStringLiteral("status"),
        QStringLiteral("hire_date"),     QStringLiteral("departure_date"),
        QStringLiteral("is_sales"),      QStringLiteral("retired")};
    return employment.contains(field);
}

void EmploymentHistoryModel::setEmployee(const QUuid &id)
{
    m_employee = id;
    reload();
}

void EmploymentHistoryModel::setAllFields(bool all)
{
    if (m_allFields == all)
        return;
    m_allFields = all;
    reload();
}

QString EmploymentHistoryModel::display(const QString &field, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty()))
        return tr("(none)");
    if (field == QLatin1String("department_id"))
        return m_names.department(parseId(value.toString()));
    if (field == QLatin1String("position_id"))
        return m_names.position(parseId(value.toString()));
    if (field == QLatin1String("manager_id"))
        return m_names.employee(parseId(value.toString()));
    if (field == QLatin1String("status"))
        return EmployeeStatusStyle::title(value.toString());
    if (value.isBool())
        return value.toBool() ? tr("Yes") : tr("No");
    return value.toVariant().toString();
}

void EmploymentHistoryModel::reload()
{
    beginResetModel();
    m_changes.clear();
    m_error.clear();
    m_names.reset();
    if (!m_employee.isNull()) {
        auto entries = History(m_context.store()).forRecord(QStringLiteral("employee"), m_employee);
        if (!entries) {
            m_error = entries.error().message;
        } else {
            // Walk forward keeping the state, so each change knows its "from".
            QJsonObject state;
            const EntityDef *def = EntityRegistry::instance().find(u"employee");
            for (const HistoryEntry &e : *entries) {
                QJsonObject fields = e.fields;
                const bool created = e.kind == QLatin1String("create");
                if (e.kind == QLatin1String("retire"))
                    fields.insert(QStringLiteral("retired"), true);
                // Fields left out of a create took their defaults (an active
                // employee): the history shows them as set then.
                if (created && def)
                    for (const FieldDef &fd : def->fields)
                        if (!fields.contains(fd.name) && !fd.defaultValue.isNull())
                            fields.insert(fd.name,
                                          QJsonValue::fromVariant(QVariant(fd.defaultValue)));
                for (const QString &f :
                     EmployeeChanges::fields() + QStringList{QStringLiteral("retired")}) {
                    if (!fields.contains(f))
                        continue;
                    const QJsonValue before = state.value(f);
                    const QJsonValue after = fields.value(f);
                    state.insert(f, after);
                    if (EmployeeChanges::same(before, after))
                        continue;
                    if (!m_allFields && !isEmploymentField(f))
                        continue;
                    if (created && after.isBool() && !after.toBool())
                        continue; // "not sales staff" at hiring says nothing
                    Change c{e.timeMs,
                             e.authorLogin,
                             f,
                             created ? QString() : display(f, before),
                             display(f, after),
                             {},
                             {}};
                    if (f == QLatin1String("status")) {
                        c.fromStatus = before.toString();
                        c.toStatus = after.toString();
                    }
                    m_changes.append(c);
                }
            }
            // Newest first; the changes of one op keep their form order.
            std::stable_sort(m_changes.begin(), m_changes.end(),
                             [](const Change &a, const Change &b) { return a.timeMs > b.timeMs; });
        }
    }
    endResetModel();
}

} // namespace baton
