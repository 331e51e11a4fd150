#include "employeecsvexporter.h"

#include "common/appcontext.h"
#include "employeestatusstyle.h"
#include "policy/roles.h"

#include <QIODevice>
#include <QRegularExpression>
#include <QSaveFile>

namespace baton {

Result<QList<EmployeeRow>> EmployeeCsvExporter::collect(AppContext &context,
                                                        const EmployeeFilter &filter,
                                                        EmployeeSort sort, Qt::SortOrder order)
{
    const ReadScope scope = context.readScope(QString::fromLatin1(actions::EmployeeRead));
    constexpr int Page = 2000;
    QList<EmployeeRow> all;
    for (qint64 offset = 0;; offset += Page) {
        auto rows = context.directory().employees(scope, filter, sort, order, offset, Page);
        if (!rows)
            return rows.error();
        all.append(*rows);
        if (rows->size() < Page)
            return all;
    }
}

QString EmployeeCsvExporter::cell(const QString &value)
{
    QString v = value;
    // A leading =, +, -, @ makes spreadsheets evaluate the cell; a phone
    // number such as "+86 ..." is left as it is.
    static const QRegularExpression phone(QStringLiteral("^\\+?[0-9][0-9 ()-]*$"));
    if (!v.isEmpty() && QStringLiteral("=+-@\t\r").contains(v.front())
        && !phone.match(v).hasMatch())
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"'))
        || v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r'))) {
        v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        v = QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v;
}

Status EmployeeCsvExporter::write(QIODevice &out, const QList<EmployeeRow> &rows)
{
    auto line = [](const QStringList &cells) {
        QStringList quoted;
        quoted.reserve(cells.size());
        for (const QString &c : cells)
            quoted << cell(c);
        return (quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8();
    };
    QByteArray data("\xEF\xBB\xBF");
    data += line({tr("Number"), tr("Name"), tr("English name"), tr("Department"), tr("Position"),
                  tr("Status"), tr("Hire date"), tr("Departure date"), tr("E-mail"), tr("Phone")});
    for (const EmployeeRow &r : rows) {
        data += line({r.number, r.name, r.englishName, r.departmentName, r.positionTitle,
                      EmployeeStatusStyle::title(r.status), r.hireDate.toString(Qt::ISODate),
                      r.departureDate.toString(Qt::ISODate), r.email, r.phone});
        if (data.size() > (1 << 20)) {
            if (out.write(data) != data.size())
                return Error(QStringLiteral("export.write"), out.errorString());
            data.clear();
        }
    }
    if (out.write(data) != data.size())
        return Error(QStringLiteral("export.write"), out.errorString());
    return {};
}

Status EmployeeCsvExporter::writeFile(const QString &path, const QList<EmployeeRow> &rows)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("export.open"),
                     tr("%1 could not be opened for writing: %2").arg(path, file.errorString()));
    if (auto s = write(file, rows); !s)
        return Error(s.error().code,
                     tr("%1 could not be written: %2").arg(path, s.error().message));
    if (!file.commit())
        return Error(QStringLiteral("export.write"),
                     tr("%1 could not be written: %2").arg(path, file.errorString()));
    return {};
}

QString EmployeeCsvExporter::summary(qint64 rows, const QString &fileName,
                                     const EmployeeFilter &filter, const QString &departmentName)
{
    QStringList parts;
    if (!filter.text.isEmpty())
        parts << tr("text \"%1\"").arg(filter.text);
    if (!filter.departmentId.isNull())
        parts << (filter.includeSubdepartments ? tr("department %1 and below").arg(departmentName)
                                               : tr("department %1 only").arg(departmentName));
    if (!filter.status.isEmpty())
        parts << tr("status %1").arg(filter.status);
    const QString count = QString::number(rows);
    if (parts.isEmpty())
        return tr("Exported the employee list to %1; people listed: %2").arg(fileName, count);
    //: %3 lists the filters, e.g. text "zhang"; status active
    return tr("Exported the employee list to %1; people listed: %2; filtered by %3")
        .arg(fileName, count, parts.join(QStringLiteral("; ")));
}

} // namespace baton
