#include "auditexportjob.h"

#include "auditcsvwriter.h"
#include "store/database.h"

#include <QFutureWatcher>
#include <QProgressDialog>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace baton {

namespace {

struct Reply
{
    qint64 written = 0;
    QString error;
    bool cancelled = false;
};

int clampInt(qint64 v)
{
    return int(std::min<qint64>(v, std::numeric_limits<int>::max()));
}

} // namespace

AuditExportJob::AuditExportJob(QString databasePath, AuditQuery query, QString filePath,
                               QWidget *window)
    : QObject(window)
    , m_databasePath(std::move(databasePath))
    , m_query(std::move(query))
    , m_filePath(std::move(filePath))
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    m_progress =
        new QProgressDialog(tr("Exporting the audit trail..."), tr("Cancel"), 0, 0, window);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    // Modal progress dialogs spin the event loop inside setValue(); this one
    // only reports.
    m_progress->setWindowModality(Qt::NonModal);
    m_progress->setMinimumDuration(400);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    auto cancel = m_cancel;
    connect(m_progress, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
}

AuditExportJob::~AuditExportJob()
{
    m_cancel->store(true);
    delete m_progress;
}

void AuditExportJob::start()
{
    auto work = [dbPath = m_databasePath, query = m_query, path = m_filePath,
                 cancel = m_cancel](QPromise<Reply> &promise) {
        Reply reply;
        auto db = Database::openSqlite({dbPath, Database::Mode::ReadOnly, 5000});
        if (!db) {
            reply.error = db.error().message;
            promise.addResult(reply);
            return;
        }
        auto n = AuditCsvWriter::write(**db, query, path, [&](qint64 done, qint64 total) {
            promise.setProgressRange(0, clampInt(total));
            promise.setProgressValue(clampInt(done));
            return !cancel->load();
        });
        if (n)
            reply.written = *n;
        else if (n.error().code == QLatin1String("export.cancelled"))
            reply.cancelled = true;
        else
            reply.error = n.error().message;
        promise.addResult(reply);
    };
    auto *watcher = new QFutureWatcher<Reply>(this);
    connect(watcher, &QFutureWatcher<Reply>::progressRangeChanged, m_progress,
            &QProgressDialog::setRange);
    connect(watcher, &QFutureWatcher<Reply>::progressValueChanged, m_progress,
            &QProgressDialog::setValue);
    connect(watcher, &QFutureWatcher<Reply>::finished, this, [this, watcher] {
        const Reply reply = watcher->future().resultCount() > 0 ? watcher->result() : Reply();
        if (m_progress)
            m_progress->hide();
        Q_EMIT finished(reply.written, reply.error, reply.cancelled);
    });
    watcher->setFuture(QtConcurrent::run(work));
}

} // namespace baton
