#include "employeelistexport.h"

#include "common/appcontext.h"
#include "employeecsvexporter.h"
#include "policy/roles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent>

namespace baton {

EmployeeListExport::EmployeeListExport(AppContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

void EmployeeListExport::start(const QString &path, const EmployeeFilter &filter, EmployeeSort sort,
                               Qt::SortOrder order, const QString &departmentName)
{
    if (m_running)
        return;
    if (!m_context.can(QString::fromLatin1(actions::Export))) {
        fail(tr("You are not permitted to export the employee list."));
        return;
    }
    // Reading is quick and shares the store's connection, so it runs here;
    // the file is written on a worker thread.
    auto rows = EmployeeCsvExporter::collect(m_context, filter, sort, order);
    if (!rows) {
        fail(rows.error().message);
        return;
    }
    m_running = true;
    const qint64 count = rows->size();
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this,
            [this, watcher, path, count, filter, departmentName] {
                watcher->deleteLater();
                m_running = false;
                written(watcher->result(), path, count, filter, departmentName);
            });
    watcher->setFuture(QtConcurrent::run([path, list = std::move(rows).value()] {
        return EmployeeCsvExporter::writeFile(path, list);
    }));
}

void EmployeeListExport::written(const Status &status, const QString &path, qint64 count,
                                 const EmployeeFilter &filter, const QString &departmentName)
{
    if (!status) {
        fail(tr("The export failed: %1").arg(status.error().message));
        return;
    }
    const Session &session = m_context.session();
    const QString summary =
        EmployeeCsvExporter::summary(count, QFileInfo(path).fileName(), filter, departmentName);
    if (auto s = m_context.store().recordEvent(QStringLiteral("export"), QStringLiteral("ok"),
                                               session.userId, session.login, summary,
                                               QStringLiteral("employee"));
        !s) {
        // An export the trail does not record must not leave the building.
        QFile::remove(path);
        fail(tr("The export could not be recorded in the audit trail, so the file was removed: "
                "%1")
                 .arg(s.error().message));
        return;
    }
    Q_EMIT finished(true, tr("The list was saved to %1 (people listed: %2).")
                              .arg(QDir::toNativeSeparators(path), QLocale().toString(count)));
}

void EmployeeListExport::fail(const QString &message)
{
    Q_EMIT finished(false, message);
}

} // namespace baton
