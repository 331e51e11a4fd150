#pragma once

#include "org/directory.h"

#include <QObject>

namespace baton {

class AppContext;

// One export of the employee list to a CSV file: rows read here, the file
// written on a worker thread, the export recorded in the audit trail (and
// the file removed if it cannot be recorded).
class EmployeeListExport : public QObject
{
    Q_OBJECT
public:
    explicit EmployeeListExport(AppContext &context, QObject *parent = nullptr);

    bool isRunning() const { return m_running; }
    // departmentName: how the audit summary names the department filter.
    void start(const QString &path, const EmployeeFilter &filter, EmployeeSort sort,
               Qt::SortOrder order, const QString &departmentName);

Q_SIGNALS:
    // message says what happened, for people.
    void finished(bool ok, const QString &message);

private:
    void fail(const QString &message);
    void written(const Status &status, const QString &path, qint64 count,
                 const EmployeeFilter &filter, const QString &departmentName);

    AppContext &m_context;
    bool m_running = false;
};

} // namespace baton
