#pragma once

#include "auditquery.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

class QProgressDialog;
class QWidget;

namespace baton {

// One CSV export of the audit trail on a worker thread, with a progress
// dialog and Cancel. The worker reads through its own connection.
class AuditExportJob : public QObject
{
    Q_OBJECT
public:
    AuditExportJob(QString databasePath, AuditQuery query, QString filePath, QWidget *window);
    ~AuditExportJob() override;

    void start();
    const QString &filePath() const { return m_filePath; }

Q_SIGNALS:
    // error is translated and empty on success; a cancelled export leaves
    // no file.
    void finished(qint64 written, const QString &error, bool cancelled);

private:
    QString m_databasePath;
    AuditQuery m_query;
    QString m_filePath;
    QPointer<QProgressDialog> m_progress; // a child of the window too
    // Shared with the worker, which may outlive this job by a moment.
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace baton
