#include "traildialog.h"

#include "addnotedialog.h"

#include "common/appcontext.h"
#include "common/filedialogs.h"
#include "importsummarydialog.h"
#include "people/optionaldateedit.h"
#include "policy/roles.h"
#include "trailimportjob.h"
#include "trailitempane.h"
#include "trailmodel.h"
#include "workaccess.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace baton {

namespace {
constexpr int TypingDelayMs = 250;
} // namespace

TrailDialog::TrailDialog(AppContext &context, const QUuid &employee, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_employee(employee)
    , m_timeline(context.store())
    , m_header(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_from(new OptionalDateEdit(QString(), this))
    , m_to(new OptionalDateEdit(QString(), this))
    , m_importMail(new QPushButton(this))
    , m_importChat(new QPushButton(this))
    , m_importDocuments(new QPushButton(this))
    , m_addNote(new QPushButton(this))
    , m_count(new QLabel(this))
    , m_message(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_view(new QTableView(this))
    , m_model(new TrailModel(this))
    , m_pane(new TrailItemPane(context, this))
    , m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("trailDialog"));
    setModal(false);
    m_header->setObjectName(QStringLiteral("trailEmployee"));
    m_search->setObjectName(QStringLiteral("trailSearch"));
    m_kind->setObjectName(QStringLiteral("trailKindFilter"));
    m_from->setObjectName(QStringLiteral("trailFrom"));
    m_to->setObjectName(QStringLiteral("trailTo"));
    m_importMail->setObjectName(QStringLiteral("importMailButton"));
    m_importChat->setObjectName(QStringLiteral("importChatButton"));
    m_importDocuments->setObjectName(QStringLiteral("importDocumentsButton"));
    m_addNote->setObjectName(QStringLiteral("addNoteButton"));
    m_count->setObjectName(QStringLiteral("trailCount"));
    m_message->setObjectName(QStringLiteral("trailMessage"));
    m_view->setObjectName(QStringLiteral("trailTable"));
    m_splitter->setObjectName(QStringLiteral("trailSplitter"));

    m_mayRead = WorkAccess::reaches(context, actions::WorkRead, employee, &m_name);
    m_mayImport = m_mayRead && WorkAccess::reaches(context, actions::TrailAdd, employee);
    QFont bold = m_header->font();
    bold.setWeight(QFont::DemiBold);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_header->setFont(bold);

    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_kind->addItem(QString(), QString());
    for (const QString &k : WorkTimeline::allKinds())
        m_kind->addItem(QString(), k);
    for (OptionalDateEdit *d : {m_from, m_to})
        d->setMaximumWidth(200);
    // Ticking "From" looks back a month unless a date is chosen.
    m_from->dateEdit()->setDate(QDate::currentDate().addMonths(-1));

    auto *documents = new QMenu(m_importDocuments);
    m_documentFiles = documents->addAction(QString(), this,
                                           [this] { chooseFiles(TrailImporter::Kind::Documents); });
    m_documentFiles->setObjectName(QStringLiteral("importDocumentFilesAction"));
    m_documentFolder = documents->addAction(QString(), this, &TrailDialog::chooseFolder);
    m_documentFolder->setObjectName(QStringLiteral("importDocumentFolderAction"));
    m_importDocuments->setMenu(documents);
    for (QPushButton *b : {m_importMail, m_importChat, m_importDocuments, m_addNote})
        b->setVisible(m_mayImport);
    auto *addNote = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this);
    connect(addNote, &QShortcut::activated, this, [this] {
        if (m_addNote->isVisible() && m_addNote->isEnabled())
            this->addNote();
    });

    m_view->setModel(m_model);
    TrailModel::setUpView(m_view);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_pane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({620, 420});

    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_kind);
    filters->addWidget(m_from);
    filters->addWidget(m_to);
    auto *actionsRow = new QHBoxLayout;
    actionsRow->addWidget(m_importMail);
    actionsRow->addWidget(m_importChat);
    actionsRow->addWidget(m_importDocuments);
    actionsRow->addWidget(m_addNote);
    actionsRow->addStretch(1);
    actionsRow->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addLayout(filters);
    layout->addLayout(actionsRow);
    layout->addWidget(m_message);
    layout->addWidget(m_splitter, 1);
    resize(1100, 680);

    // Typing waits for a pause; choices search at once.
    m_typing->setSingleShot(true);
    m_typing->setInterval(TypingDelayMs);
    connect(m_typing, &QTimer::timeout, this, &TrailDialog::search);
    connect(m_search, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &TrailDialog::search);
    connect(m_from, &OptionalDateEdit::dateChanged, this, &TrailDialog::search);
    connect(m_to, &OptionalDateEdit::dateChanged, this, &TrailDialog::search);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TrailDialog::showCurrent);
    connect(m_pane, &TrailItemPane::message, this, &TrailDialog::showMessage);
    connect(m_importMail, &QPushButton::clicked, this,
            [this] { chooseFiles(TrailImporter::Kind::Mail); });
    connect(m_importChat, &QPushButton::clicked, this,
            [this] { chooseFiles(TrailImporter::Kind::Chat); });
    connect(m_addNote, &QPushButton::clicked, this, &TrailDialog::addNote);
    connect(&m_context, &AppContext::dataChanged, this, &TrailDialog::onDataChanged);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    retranslate();
    if (!m_mayRead) {
        for (QWidget *w : std::initializer_list<QWidget *>{m_search, m_kind, m_from, m_to, m_view})
            w->setEnabled(false);
        showMessage(tr("You may not see this person's work trail."), true);
        return;
    }
    search();
    m_search->setFocus();
}

TrailDialog::~TrailDialog()
{
    delete m_job; // cancels and waits for a running import
}

void TrailDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void TrailDialog::retranslate()
{
    setWindowTitle(m_name.isEmpty() ? tr("Work trail") : tr("Work trail: %1").arg(m_name));
    m_header->setText(m_name.isEmpty() ? tr("Work trail") : tr("Work trail of %1").arg(m_name));
    m_search->setPlaceholderText(
        tr("Search titles, text, senders and sources (%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    m_kind->setItemText(0, tr("All kinds"));
    for (int i = 1; i < m_kind->count(); ++i)
        m_kind->setItemText(i, WorkTimeline::kindTitle(m_kind->itemData(i).toString()));
    m_from->checkBox()->setText(tr("From"));
    m_to->checkBox()->setText(tr("To"));
    m_importMail->setText(tr("Import mail…"));
    m_importMail->setToolTip(tr("Emails saved as .eml files or mbox mailboxes"));
    m_importChat->setText(tr("Import chat…"));
    m_importChat->setToolTip(tr("Chat exports (WeCom, DingTalk) as CSV or JSON"));
    m_importDocuments->setText(tr("Import documents"));
    m_importDocuments->setToolTip(tr("Any files, or every file in a folder"));
    m_addNote->setText(tr("Add note…"));
    m_addNote->setToolTip(
        tr("A call, a meeting or an arrangement, written down (%1)")
            .arg(
                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N).toString(QKeySequence::NativeText)));
    m_documentFiles->setText(tr("Files…"));
    m_documentFolder->setText(tr("Folder…"));
    m_model->retranslate();
    updateCount();
}

bool TrailDialog::isImporting() const
{
    return m_importing;
}

void TrailDialog::search()
{
    m_typing->stop();
    // The import holds the write lock in turns; the search (which brings its
    // index up to date) runs again when it is done.
    if (!m_mayRead || isImporting())
        return;
    TrailQuery q;
    q.text = m_search->text().trimmed();
    q.employee = m_employee;
    q.limit = m_limit;
    const QString kind = m_kind->currentData().toString();
    if (!kind.isEmpty())
        q.kinds = {kind};
    if (m_from->date().isValid())
        q.fromMs = m_from->date().startOfDay().toMSecsSinceEpoch();
    if (m_to->date().isValid())
        q.toMs = m_to->date().addDays(1).startOfDay().toMSecsSinceEpoch();
    const TimelineScope scope = WorkAccess::timelineScope(m_context);
    auto hits = m_timeline.search(q, scope);
    if (!hits) {
        showMessage(hits.error().message, true);
        return;
    }
    if (m_message->isVisible() && m_message->property("error").toBool())
        showMessage({}, false);
    const QUuid current = m_pane->itemId();
    m_model->setHits(*hits);
    const int row = m_model->rowOf(current);
    if (row >= 0)
        m_view->selectRow(row);
    else
        m_pane->showItem({});
    updateCount();
    Q_EMIT searched(int(hits->size()));
}

void TrailDialog::updateCount()
{
    const int n = m_model->rowCount();
    m_count->setText(n >= m_limit ? tr("The newest %1 items; narrow the search to see older ones.")
                                        .arg(QLocale().toString(n))
                                  : tr("Items: %1").arg(QLocale().toString(n)));
}

bool TrailDialog::selectItem(const QUuid &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    m_view->selectRow(row);
    return true;
}

void TrailDialog::showCurrent()
{
    const QModelIndex index = m_view->currentIndex();
    if (index.isValid())
        m_pane->showHit(m_model->hitAt(index.row()));
    else
        m_pane->showItem({});
}

void TrailDialog::chooseFiles(TrailImporter::Kind kind)
{
    QString caption, filter;
    switch (kind) {
    case TrailImporter::Kind::Mail:
        caption = tr("Import mail");
        filter = tr("Email (*.eml *.mbox *.mbx);;All files (*)");
        break;
    case TrailImporter::Kind::Chat:
        caption = tr("Import a chat export");
        filter = tr("Chat exports (*.csv *.json);;All files (*)");
        break;
    case TrailImporter::Kind::Documents:
        caption = tr("Import documents");
        filter = tr("All files (*)");
        break;
    }
    QFileDialog dialog(this, caption,
                       QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), filter);
    FileDialogs::prepare(dialog);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setFileMode(QFileDialog::ExistingFiles);
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty())
        importFiles(kind, dialog.selectedFiles());
}

void TrailDialog::chooseFolder()
{
    QFileDialog dialog(this, tr("Import every file in a folder"),
                       QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    FileDialogs::prepare(dialog);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setFileMode(QFileDialog::Directory);
    dialog.setOption(QFileDialog::ShowDirsOnly);
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty())
        importFiles(TrailImporter::Kind::Documents, dialog.selectedFiles());
}

void TrailDialog::importFiles(TrailImporter::Kind kind, const QStringList &paths)
{
    if (!m_mayImport || isImporting() || paths.isEmpty())
        return;
    delete m_job;
    if (m_summary)
        m_summary->close();
    m_summary = nullptr;
    m_importing = true; // until its summary is up
    m_job = new TrailImportJob(m_context, m_employee, kind, paths, this);
    connect(m_job, &TrailImportJob::finished, this, &TrailDialog::importDone);
    showMessage({}, false);
    m_job->start();
    updateButtons();
}

void TrailDialog::importDone(const ImportReport &report, const QString &error)
{
    m_importing = false;
    updateButtons();
    // The import wrote through its own connection: views of the window's
    // store hear of it here (this window's list among them).
    if (error.isEmpty())
        Q_EMIT m_context.dataChanged({QStringLiteral("trail_item"), QStringLiteral("audit")});
    else
        search();
    auto *summary = new ImportSummaryDialog(report, error, this);
    summary->setAttribute(Qt::WA_DeleteOnClose);
    m_summary = summary;
    summary->open();
    Q_EMIT importFinished(report, error);
}

void TrailDialog::updateButtons()
{
    const bool idle = !isImporting();
    for (QPushButton *b : {m_importMail, m_importChat, m_importDocuments, m_addNote})
        b->setEnabled(idle);
}

void TrailDialog::addNote()
{
    AddNoteDialog dialog(m_context, m_employee, m_name, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    search();
    selectItem(dialog.createdId());
}

void TrailDialog::onDataChanged(const QSet<QString> &entities)
{
    // What the trail lists: its items, and the records WorkTimeline adds.
    static const QStringList listed = {QStringLiteral("trail_item"),
                                       QStringLiteral("approval_request"),
                                       QStringLiteral("approval_step"),
                                       QStringLiteral("task_update"),
                                       QStringLiteral("task_confirmation"),
                                       QStringLiteral("task"),
                                       QStringLiteral("work_report"),
                                       QStringLiteral("work_comment"),
                                       QStringLiteral("work_issue"),
                                       QStringLiteral("attribution"),
                                       QStringLiteral("award")};
    bool touched = entities.isEmpty();
    for (const QString &e : listed)
        touched = touched || entities.contains(e);
    if (touched)
        search();
}

void TrailDialog::reject()
{
    // Esc or Close during an import stops the import first; the summary
    // then says what came in.
    if (isImporting()) {
        m_job->cancel();
        return;
    }
    QDialog::reject();
}

void TrailDialog::closeEvent(QCloseEvent *event)
{
    if (isImporting()) {
        m_job->cancel();
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void TrailDialog::showMessage(const QString &text, bool isError)
{
    m_message->setText(text);
    m_message->setProperty("error", isError);
    m_message->setStyleSheet(isError ? QStringLiteral("color: #b71c1c;") : QString());
    m_message->setVisible(!text.isEmpty());
}

} // namespace baton
