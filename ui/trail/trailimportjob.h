#pragma once

#include "oplog/hlc.h"
#include "trail/trailimporter.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QWidget;

namespace baton {

class AppContext;

// The import's progress (bytes of the files named) with Cancel. Modal to
// the whole application while the import runs: see TrailImportJob. Unlike
// a modal QProgressDialog it never spins the event loop itself.
class ImportProgressDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ImportProgressDialog(QWidget *parent = nullptr);
    void setProgress(qint64 done, qint64 total);
    void setLabelText(const QString &text);

public Q_SLOTS:
    void reject() override; // Esc: cancel

Q_SIGNALS:
    void canceled();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QLabel *m_label;
    QProgressBar *m_bar;
};

// One import into a person's work trail on a worker thread. The worker
// writes through a store of its own on the same database file, as the
// signed-in user with the session's policy and clock; Store::apply judges
// every item as it would on the window's connection.
//
// Both connections stamp ops as this one device, and the server refuses a
// device's op dated before one it already has (hlc.backdated). So the
// import is exclusive: its progress dialog is application-modal (no edit
// made meanwhile can be committed out of clock order), the worker starts
// after the session clock's latest reading, and the session clock resumes
// after the worker's last.
class TrailImportJob : public QObject
{
    Q_OBJECT
public:
    TrailImportJob(AppContext &context, const QUuid &employee, TrailImporter::Kind kind,
                   QStringList paths, QWidget *window);
    // Cancels a running import and waits for it (each batch stays whole).
    ~TrailImportJob() override;

    void start();
    bool isRunning() const;
    void cancel();
    ImportProgressDialog *progressDialog() const { return m_progress; }

Q_SIGNALS:
    // error is translated and empty when the import ran (the report says how
    // it went, cancelled included).
    void finished(const baton::ImportReport &report, const QString &error);

private:
    struct Reply
    {
        ImportReport report;
        QString error;
        Hlc last; // the worker clock's last reading
    };

    AppContext &m_context;
    QUuid m_employee;
    TrailImporter::Kind m_kind;
    QStringList m_paths;
    QPointer<ImportProgressDialog> m_progress; // a child of the window too
    QFutureWatcher<Reply> *m_watcher;
    // Shared with the worker.
    std::shared_ptr<std::atomic_bool> m_cancel;
    // Written by the worker, read by the window between progress signals.
    std::shared_ptr<std::atomic<qint64>> m_done;
    std::shared_ptr<std::atomic<qint64>> m_total;
};

} // namespace baton
