#pragma once

#include "org/directory.h"

#include <QCoreApplication>

class QIODevice;

namespace baton {

class AppContext;

// The employee list as a CSV file for spreadsheets: UTF-8 with a byte-order
// mark (so spreadsheet programs read Chinese names right), RFC 4180 quoting,
// and cells that a spreadsheet would run as formulas defused.
class EmployeeCsvExporter
{
    Q_DECLARE_TR_FUNCTIONS(EmployeeCsvExporter)
public:
    // Every row the viewer may read that matches filter, in the list's order.
    static Result<QList<EmployeeRow>> collect(AppContext &context, const EmployeeFilter &filter,
                                              EmployeeSort sort, Qt::SortOrder order);
    // Writes rows to out; safe to call from a worker thread.
    static Status write(QIODevice &out, const QList<EmployeeRow> &rows);
    // Writes rows to path atomically (nothing is left behind on failure).
    static Status writeFile(const QString &path, const QList<EmployeeRow> &rows);
    // One CSV cell, quoted when needed.
    static QString cell(const QString &value);
    // The audit summary of an export.
    static QString summary(qint64 rows, const QString &fileName, const EmployeeFilter &filter,
                           const QString &departmentName);
};

} // namespace baton
