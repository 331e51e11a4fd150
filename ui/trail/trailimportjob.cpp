#include "trailimportjob.h"

#include "common/appcontext.h"
#include "store/store.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace baton {

ImportProgressDialog::ImportProgressDialog(QWidget *parent)
    : QDialog(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
{
    setObjectName(QStringLiteral("trailImportProgress"));
    setWindowTitle(tr("Import"));
    setWindowModality(Qt::ApplicationModal);
    m_label->setMinimumWidth(360);
    m_label->setWordWrap(true);
    m_bar->setRange(0, 0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &ImportProgressDialog::reject);
}

void ImportProgressDialog::setProgress(qint64 done, qint64 total)
{
    // Per mille: files together may pass what an int holds.
    m_bar->setRange(0, total > 0 ? 1000 : 0);
    m_bar->setValue(total > 0 ? int(done * 1000 / total) : 0);
    const QLocale locale;
    m_label->setText(tr("Importing into the work trail: %1 of %2")
                         .arg(locale.formattedDataSize(done), locale.formattedDataSize(total)));
}

void ImportProgressDialog::setLabelText(const QString &text)
{
    m_label->setText(text);
}

void ImportProgressDialog::reject()
{
    setLabelText(tr("Cancelling after the items being written…"));
    Q_EMIT canceled();
}

void ImportProgressDialog::closeEvent(QCloseEvent *event)
{
    event->ignore(); // the import ends first; Cancel asks it to
    reject();
}

TrailImportJob::TrailImportJob(AppContext &context, const QUuid &employee, TrailImporter::Kind kind,
                               QStringList paths, QWidget *window)
    : QObject(window)
    , m_context(context)
    , m_employee(employee)
    , m_kind(kind)
    , m_paths(std::move(paths))
    , m_progress(new ImportProgressDialog(window))
    , m_watcher(new QFutureWatcher<Reply>(this))
    , m_cancel(std::make_shared<std::atomic_bool>(false))
    , m_done(std::make_shared<std::atomic<qint64>>(0))
    , m_total(std::make_shared<std::atomic<qint64>>(0))
{
    connect(m_progress, &ImportProgressDialog::canceled, this, &TrailImportJob::cancel);
    // The worker reports through the future; the numbers travel beside it.
    connect(m_watcher, &QFutureWatcher<Reply>::progressValueChanged, this, [this] {
        if (m_progress)
            m_progress->setProgress(m_done->load(), m_total->load());
    });
    connect(m_watcher, &QFutureWatcher<Reply>::finished, this, [this] {
        const Reply reply = m_watcher->future().resultCount() > 0 ? m_watcher->result() : Reply();
        // The session's next change orders after everything the import wrote.
        if (!reply.last.isNull())
            m_context.store().clock().restore(reply.last);
        if (m_progress)
            m_progress->hide();
        Q_EMIT finished(reply.report, reply.error);
    });
}

TrailImportJob::~TrailImportJob()
{
    // The worker reads the session's clock: it must end before the session.
    m_cancel->store(true);
    m_watcher->waitForFinished();
    delete m_progress;
}

bool TrailImportJob::isRunning() const
{
    return m_watcher->isRunning();
}

void TrailImportJob::cancel()
{
    m_cancel->store(true);
}

void TrailImportJob::start()
{
    if (isRunning())
        return;
    Store &store = m_context.store();
    Store::Options options;
    options.path = store.path();
    options.grants = store.policy().grants();
    // The session's clock (a test's fake one too): the import's changes are
    // timed and judged like the window's. HlcClock is thread-safe.
    HlcClock &clock = store.clock();
    options.wallClock = [&clock] { return clock.wallMs(); };
    const Hlc after = clock.now();
    auto work = [options, after, actor = m_context.actor(), employee = m_employee, kind = m_kind,
                 paths = m_paths, cancel = m_cancel, done = m_done,
                 total = m_total](QPromise<Reply> &promise) {
        Reply reply;
        auto worker = Store::open(options);
        if (!worker) {
            reply.error = worker.error().message;
            promise.addResult(reply);
            return;
        }
        (*worker)->clock().restore(after);
        TrailImporter importer(**worker, actor, employee);
        importer.setCancelFlag(cancel.get());
        int step = 0;
        importer.setProgress([&](qint64 d, qint64 t) {
            done->store(d);
            total->store(t);
            promise.setProgressValue(++step);
        });
        auto report = importer.run(kind, paths);
        if (report)
            reply.report = *report;
        else
            reply.error = report.error().message;
        reply.last = (*worker)->clock().now();
        promise.addResult(reply);
    };
    m_cancel->store(false);
    m_progress->setLabelText(tr("Importing into the work trail…"));
    m_progress->show();
    m_watcher->setFuture(QtConcurrent::run(work));
}

} // namespace baton
