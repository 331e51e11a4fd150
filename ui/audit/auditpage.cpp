#include "auditpage.h"

#include "auditactions.h"
#include "auditdetailpane.h"
#include "auditexportjob.h"
#include "auditfilterbar.h"
#include "audittablemodel.h"
#include "audittableview.h"
#include "auditverifypanel.h"
#include "common/appcontext.h"
#include "common/filedialogs.h"
#include "evidence/auditentryreader.h"
#include "policy/roles.h"
#include "sync/syncclient.h"

#include <QDate>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <limits>

namespace baton {

namespace {

// Rows shown above an entry reached by "Show entry", for context.
constexpr qint64 JumpContext = 10;

QString settingsKey(const char *name)
{
    return QStringLiteral("audit/") + QLatin1String(name);
}

} // namespace

AuditPage::AuditPage(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("auditPage"));
    m_model = new AuditTableModel(context, this);

    m_filters = new AuditFilterBar(this);
    m_exportButton = new QPushButton(this);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_verifyButton = new QPushButton(this);
    m_verifyButton->setObjectName(QStringLiteral("verifyButton"));
    m_canVerify = context.can(QString::fromLatin1(actions::AuditVerify));
    m_canExport = context.can(QString::fromLatin1(actions::Export));
    m_verifyButton->setEnabled(m_canVerify);
    m_exportButton->setEnabled(m_canExport);
    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filters, 1);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_exportButton);
    toolbar->addWidget(m_verifyButton);

    m_verify = new AuditVerifyPanel(this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("auditMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setVisible(false);

    m_fromNotice = new QWidget(this);
    m_fromLabel = new QLabel(m_fromNotice);
    m_fromLabel->setObjectName(QStringLiteral("auditFromNotice"));
    m_showNewest = new QPushButton(m_fromNotice);
    m_showNewest->setObjectName(QStringLiteral("showNewestButton"));
    auto *noticeRow = new QHBoxLayout(m_fromNotice);
    noticeRow->setContentsMargins(0, 0, 0, 0);
    noticeRow->addWidget(m_fromLabel, 1);
    noticeRow->addWidget(m_showNewest);
    m_fromNotice->setVisible(false);

    m_table = new AuditTableView(this);
    m_table->setAuditModel(m_model);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("auditEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_clearFilters = new QPushButton(this);
    m_clearFilters->setObjectName(QStringLiteral("clearFiltersButton"));
    auto *emptyPage = new QWidget(this);
    auto *emptyColumn = new QVBoxLayout(emptyPage);
    emptyColumn->addStretch(1);
    emptyColumn->addWidget(m_empty);
    emptyColumn->addWidget(m_clearFilters, 0, Qt::AlignHCenter);
    emptyColumn->addStretch(1);
    m_listStack = new QStackedWidget(this);
    m_listStack->addWidget(m_table);
    m_listStack->addWidget(emptyPage);

    m_detail = new AuditDetailPane(this);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("auditSplitter"));
    m_splitter->addWidget(m_listStack);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({800, 320});

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("auditCount"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_verify);
    layout->addWidget(m_message);
    layout->addWidget(m_fromNotice);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_count);

    connect(m_filters, &AuditFilterBar::queryChanged, this, &AuditPage::applyFilters);
    connect(m_clearFilters, &QPushButton::clicked, m_filters, &AuditFilterBar::clear);
    connect(m_showNewest, &QPushButton::clicked, this, &AuditPage::applyFilters);
    connect(m_model, &AuditTableModel::countChanged, this, &AuditPage::updateCount);
    connect(m_model, &AuditTableModel::pageLoaded, this, &AuditPage::pageLoaded);
    connect(m_model, &AuditTableModel::modelReset, this, [this] {
        showDetailMessage({}); // a reset drops the selection silently
        updateState();
    });
    connect(m_model, &AuditTableModel::errorOccurred, this,
            [this](const QString &error) { showMessage([error] { return error; }, true); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditPage::currentChanged);
    connect(m_exportButton, &QPushButton::clicked, this, &AuditPage::chooseExportFile);
    connect(m_verifyButton, &QPushButton::clicked, this, [this] {
        showCentralHistory();
        m_verify->start(m_context.store().database().path());
    });
    connect(m_verify, &AuditVerifyPanel::runningChanged, m_verifyButton,
            [this](bool running) { m_verifyButton->setEnabled(!running); });
    connect(m_verify, &AuditVerifyPanel::jumpRequested, this, &AuditPage::showEntry);
    connect(m_verify, &AuditVerifyPanel::finished, this, [this] {
        recordVerification(m_verify->report());
        // A broken chain means stored rows changed under the list: show
        // what the file holds now.
        if (m_verify->report().firstBrokenSeq > 0)
            m_model->setQuery(m_model->query(), m_model->fromSeq());
    });
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, m_filters, [this] { m_filters->focusSearch(); });

    restoreState();
    retranslate();
}

void AuditPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

// The children reword themselves on the same event; the model is no widget.
void AuditPage::retranslate()
{
    m_exportButton->setText(tr("Export CSV..."));
    m_exportButton->setToolTip(
        m_canExport ? QString()
                    : tr("Exporting needs a role that may export. Ask an administrator."));
    m_verifyButton->setText(tr("Verify chain"));
    m_verifyButton->setToolTip(
        m_canVerify ? tr("Recompute every entry's hash and check that none was changed, removed or "
                         "inserted")
                    : tr("Verifying the audit trail needs a role that may verify it. Ask an "
                         "administrator."));
    m_showNewest->setText(tr("Show newest entries"));
    m_clearFilters->setText(tr("Clear filters"));
    m_model->retranslate();
    updateCount(m_model->count());
    updateState();
    if (m_messageText)
        m_message->setText(m_messageText());
    if (m_detailText)
        m_detail->showMessage(m_detailText());
}

AuditPage::~AuditPage()
{
    saveState();
}

void AuditPage::applyFilters()
{
    m_pendingSeq = 0;
    m_model->setQuery(m_filters->query());
}

void AuditPage::showEntry(qint64 seq)
{
    if (seq <= 0)
        return;
    const int row = m_model->rowOfSeq(seq);
    if (row >= 0) {
        m_table->showRow(row);
        return;
    }
    // Filters could hide it; the view then starts just above it.
    {
        const QSignalBlocker quiet(m_filters);
        m_filters->clear();
    }
    m_pendingSeq = seq;
    m_model->setQuery(m_filters->query(), seq + JumpContext);
}

void AuditPage::pageLoaded()
{
    if (m_pendingSeq > 0 && !m_model->isLoading()) {
        // The entry itself, or the nearest older one when it is missing.
        int row = m_model->rowOfSeq(m_pendingSeq);
        for (int r = 0; row < 0 && r < m_model->rowCount(); ++r)
            if (m_model->entryAt(r).seq < m_pendingSeq)
                row = r;
        m_pendingSeq = 0;
        m_table->showRow(row);
    }
    updateState();
}

void AuditPage::updateCount(qint64 count)
{
    // No English catalogue ships, so plurals are spelled out here.
    if (count < 0)
        m_count->setText(tr("Counting entries..."));
    else if (count == 1)
        m_count->setText(tr("1 entry"));
    else
        m_count->setText(tr("%1 entries").arg(QLocale().toString(count)));
}

void AuditPage::updateState()
{
    const bool empty =
        m_model->rowCount() == 0 && !m_model->isLoading() && !m_model->canFetchMore({});
    if (empty) {
        const bool filtering = !m_model->query().isEmpty();
        m_empty->setText(filtering ? tr("No audit entries match these filters.")
                                   : tr("The audit trail is empty. Sign-ins, changes to records "
                                        "and exports are recorded here as they happen."));
        m_clearFilters->setVisible(filtering);
    }
    m_listStack->setCurrentIndex(empty ? 1 : 0);
    const qint64 from = m_model->fromSeq();
    m_fromNotice->setVisible(from > 0);
    if (from > 0)
        m_fromLabel->setText(
            tr("Showing entries from %1 back; newer entries are not listed.").arg(from));
}

void AuditPage::currentChanged(const QModelIndex &current)
{
    if (!current.isValid()) {
        showDetailMessage({});
        return;
    }
    const qint64 seq = current.data(AuditTableModel::SeqRole).toLongLong();
    AuditEntryReader reader(m_context.store().database());
    auto entry = reader.entry(seq);
    if (!entry) {
        showDetailMessage([error = entry.error().message] { return error; });
    } else if (!entry->has_value()) {
        showDetailMessage(
            [seq] { return tr("Entry %1 is no longer in the audit trail.").arg(seq); });
    } else {
        m_detailText = {};
        m_detail->showEntry(**entry);
    }
}

void AuditPage::showDetailMessage(const Text &text)
{
    m_detailText = text;
    m_detail->showMessage(text ? text() : QString());
}

// A finished check is itself evidence: who verified the trail, when, and
// what they found. (Summaries are stored in English, as every summary.)
void AuditPage::recordVerification(const AuditVerifyReport &report)
{
    if (report.cancelled || (!report.intact && report.firstBrokenSeq == 0))
        return; // nothing was concluded
    const QString summary =
        report.firstBrokenSeq > 0
            ? QStringLiteral("Verified the audit chain: entry %1 of %2 does not check out")
                  .arg(report.firstBrokenSeq)
                  .arg(report.total)
            : QStringLiteral("Verified the audit chain: all %1 entries check out")
                  .arg(report.total);
    const Session &session = m_context.session();
    if (auto s = m_context.store().recordEvent(QStringLiteral("audit.verify"), QStringLiteral("ok"),
                                               session.userId, session.login, summary);
        !s)
        showMessage(
            [error = s.error().message] {
                return tr("The verification could not be recorded in the audit trail: %1")
                    .arg(error);
            },
            true);
}

void AuditPage::chooseExportFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    //: Default file name of an audit export; %1 is today's date
    const QString name = tr("audit-trail-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate));
    QFileDialog dialog(this, tr("Export audit trail"), QDir(folder).filePath(name),
                       tr("CSV files (*.csv)"));
    dialog.setObjectName(QStringLiteral("auditExportDialog"));
    FileDialogs::prepare(dialog);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("csv"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    startExport(dialog.selectedFiles().constFirst());
}

void AuditPage::startExport(const QString &path)
{
    if (m_exportJob)
        return; // one export at a time
    m_exportJob =
        new AuditExportJob(m_context.store().database().path(), m_model->query(), path, this);
    const QString filters = m_filters->description();
    connect(m_exportJob, &AuditExportJob::finished, this,
            [this, path, filters](qint64 written, const QString &error, bool cancelled) {
                m_exportJob->deleteLater();
                m_exportJob = nullptr;
                m_exportButton->setEnabled(true);
                if (cancelled)
                    showMessage([] { return tr("The export was cancelled; no file was written."); },
                                false);
                else
                    exportFinished(written, error, path, filters);
            });
    m_exportButton->setEnabled(false);
    m_exportJob->start();
}

void AuditPage::exportFinished(qint64 written, const QString &error, const QString &path,
                               const QString &filters)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (!error.isEmpty()) {
        showMessage([error] { return tr("The export failed: %1").arg(error); }, true);
        return;
    }
    const QString fileName = QFileInfo(path).fileName();
    const QLocale locale;
    const QString summary =
        filters.isEmpty()
            ? tr("Exported %1 audit entries to %2").arg(locale.toString(written), fileName)
            //: %3 lists the filters, e.g. "outcome: Denied; period: Today"
            : tr("Exported %1 audit entries to %2, filtered by %3")
                  .arg(locale.toString(written), fileName, filters);
    const Session &session = m_context.session();
    if (auto s = m_context.store().recordEvent(QStringLiteral("export"), QStringLiteral("ok"),
                                               session.userId, session.login, summary);
        !s) {
        // An export the trail does not record must not leave the building.
        QFile::remove(path);
        showMessage(
            [error = s.error().message] {
                return tr("The export could not be recorded in the audit trail, so the file was "
                          "removed: %1")
                    .arg(error);
            },
            true);
        return;
    }
    showMessage(
        [written, shown] {
            return tr("Exported %1 entries to %2.").arg(QLocale().toString(written), shown);
        },
        false);
}

void AuditPage::showMessage(const Text &text, bool isError)
{
    m_messageText = text;
    const QString shown = text();
    m_message->setText(shown);
    QPalette p;
    if (isError)
        p.setColor(QPalette::WindowText, AuditActions::errorColor());
    m_message->setPalette(p);
    m_message->setVisible(!shown.isEmpty());
}

void AuditPage::saveState() const
{
    QSettings settings;
    settings.setValue(settingsKey("splitter"), m_splitter->saveState());
    settings.setValue(settingsKey("columns"), m_table->saveColumns());
}

void AuditPage::restoreState()
{
    QSettings settings;
    m_splitter->restoreState(settings.value(settingsKey("splitter")).toByteArray());
    m_table->restoreColumns(settings.value(settingsKey("columns")).toByteArray());
}

void AuditPage::showCentralHistory()
{
    auto state = SyncClient::checkpointState(m_context.store());
    if (!state || (!state->synced && state->alarm.isEmpty())) {
        m_verify->setCentralHistory({}, false);
        return;
    }
    const QLocale locale;
    if (!state->alarm.isEmpty())
        m_verify->setCentralHistory(
            tr("Server history: sync stopped because the server's history does not add up: %1")
                .arg(state->alarm),
            true);
    else if (!state->signatureOk)
        m_verify->setCentralHistory(
            tr("Server history: the last checkpoint kept here is not signed by the server's "
               "pinned key."),
            true);
    else
        m_verify->setCentralHistory(
            tr("Server history: %1 entries, each checked against the server's signed "
               "checkpoints, which only ever extended the history seen before (last sync %2).")
                .arg(locale.toString(state->size),
                     state->lastSyncMs > 0 ? locale.toString(
                         QDateTime::fromMSecsSinceEpoch(state->lastSyncMs), QLocale::ShortFormat)
                                           : tr("not yet in step")),
            false);
}

} // namespace baton
