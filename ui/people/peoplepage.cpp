#include "peoplepage.h"

#include "common/appcontext.h"
#include "common/filedialogs.h"
#include "departmentcombobox.h"
#include "employeedetailpane.h"
#include "employeefilterbar.h"
#include "employeeform.h"
#include "employeelistexport.h"
#include "employeetablemodel.h"
#include "emptystatewidget.h"
#include "organisationdialog.h"
#include "policy/roles.h"
#include "trail/casequestionsdialog.h"
#include "trail/dossierexport.h"
#include "trail/traildialog.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace baton {

namespace {
const QString SplitterKey = QStringLiteral("people/splitter");
const QString HeaderKey = QStringLiteral("people/header");
} // namespace

PeoplePage::PeoplePage(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("peoplePage"));
    m_model = new EmployeeTableModel(context, this);
    m_filterBar = new EmployeeFilterBar(this);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("employeeTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setTabKeyNavigation(false);
    // Fixed row heights keep scrolling through thousands of rows cheap.
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const QList<QPair<int, int>> widths = {
        {EmployeeTableModel::Number, 6},     {EmployeeTableModel::Name, 8},
        {EmployeeTableModel::Department, 9}, {EmployeeTableModel::Position, 11},
        {EmployeeTableModel::Status, 9},     {EmployeeTableModel::HireDate, 7},
        {EmployeeTableModel::Email, 14},     {EmployeeTableModel::Phone, 9}};
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width * em);
    header->setSectionHidden(EmployeeTableModel::Email, true);
    header->setSectionHidden(EmployeeTableModel::Phone, true);
    header->setSortIndicator(EmployeeTableModel::Name, Qt::AscendingOrder);
    QSettings settings;
    header->restoreState(settings.value(HeaderKey).toByteArray());
    m_table->setSortingEnabled(true);
    m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());

    m_empty = new EmptyStateWidget(this);
    m_empty->setObjectName(QStringLiteral("employeeEmptyState"));
    m_listStack = new QStackedWidget(this);
    m_listStack->addWidget(m_table);
    m_listStack->addWidget(m_empty);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("employeeCount"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pageMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *list = new QWidget(this);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_listStack, 1);
    listLayout->addWidget(m_count);

    m_export = new EmployeeListExport(context, this);
    connect(m_export, &EmployeeListExport::finished, this, [this](bool ok, const QString &message) {
        m_exportAction->setEnabled(true);
        showMessage(message, !ok);
        Q_EMIT exportFinished(ok, message);
    });

    m_detail = new EmployeeDetailPane(context, this);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("peopleSplitter"));
    m_splitter->addWidget(list);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    if (!m_splitter->restoreState(settings.value(SplitterKey).toByteArray()))
        m_splitter->setSizes({720, 520});

    auto *layout = new QVBoxLayout(this);
    buildToolBar();
    layout->addWidget(m_filterBar);
    layout->addWidget(m_message);
    layout->addWidget(m_splitter, 1);

    if (auto departments = m_context.directory().departments())
        m_filterBar->setDepartments(*departments);

    connect(m_filterBar, &EmployeeFilterBar::filterChanged, this, &PeoplePage::applyFilter);
    connect(m_model, &EmployeeTableModel::totalCountChanged, this, [this] { updateEmptyState(); });
    connect(m_model, &EmployeeTableModel::readFailed, this,
            [this](const QString &message) { showMessage(message, true); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PeoplePage::onCurrentChanged);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this, header](int column) {
        // E-mail and phone have no order in the directory: keep the last one.
        if (!EmployeeTableModel::isSortable(column)) {
            const QSignalBlocker blocker(header);
            header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        }
    });
    connect(header, &QHeaderView::customContextMenuRequested, this, &PeoplePage::showHeaderMenu);
    connect(m_splitter, &QSplitter::splitterMoved, this, &PeoplePage::saveLayout);
    connect(m_empty, &EmptyStateWidget::actionTriggered, this, [this] {
        if (m_filterBar->isFiltering())
            m_filterBar->clear();
        else
            newEmployee();
    });
    connect(m_detail->form(), &EmployeeForm::saved, this, [this](const QUuid &id) {
        m_shown = id;
        reselect();
    });
    connect(&m_context, &AppContext::dataChanged, this, &PeoplePage::onDataChanged);

    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, m_filterBar, &EmployeeFilterBar::focusText);
    auto *escape = new QShortcut(Qt::Key_Escape, m_filterBar->textEdit());
    escape->setContext(Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, m_filterBar, &EmployeeFilterBar::clear);

    refreshCounts();
    retranslate();

    // Someone who may read only their own archive finds it open.
    const ReadScope scope = m_context.readScope(QString::fromLatin1(actions::EmployeeRead));
    if (!scope.all && scope.departments.isEmpty() && !scope.ownEmployee.isNull()
        && m_model->rowOf(scope.ownEmployee) >= 0) {
        m_shown = scope.ownEmployee;
        m_detail->showEmployee(m_shown);
        reselect();
    }
}

PeoplePage::~PeoplePage()
{
    saveLayout();
}

void PeoplePage::buildToolBar()
{
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("peopleToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_newAction = bar->addAction(QIcon::fromTheme(QStringLiteral("contact-new")), QString(), this,
                                 &PeoplePage::newEmployee);
    m_newAction->setObjectName(QStringLiteral("newEmployeeAction"));
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setVisible(m_context.can(QString::fromLatin1(actions::EmployeeCreate)));
    if (QWidget *button = bar->widgetForAction(m_newAction)) {
        QFont bold = button->font();
        bold.setWeight(QFont::DemiBold);
        button->setFont(bold);
    }
    bar->addSeparator();
    m_exportAction = bar->addAction(QIcon::fromTheme(QStringLiteral("document-save-as")), QString(),
                                    this, &PeoplePage::chooseExportFile);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setVisible(m_context.can(QString::fromLatin1(actions::Export)));
    m_organisationAction = bar->addAction(QIcon::fromTheme(QStringLiteral("view-list-tree")),
                                          QString(), this, &PeoplePage::showOrganisation);
    m_organisationAction->setObjectName(QStringLiteral("organisationAction"));
    m_organisationAction->setVisible(m_context.can(QString::fromLatin1(actions::OrgManage)));
    bar->addSeparator();
    const bool mayReadWork = m_context.can(QString::fromLatin1(actions::WorkRead));
    m_trailAction = bar->addAction(QIcon::fromTheme(QStringLiteral("mail-message")), QString(),
                                   this, &PeoplePage::showWorkTrail);
    m_trailAction->setObjectName(QStringLiteral("workTrailAction"));
    m_trailAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_trailAction->setEnabled(mayReadWork);
    m_caseQuestionsAction = bar->addAction(QIcon::fromTheme(QStringLiteral("help-contents")),
                                           QString(), this, &PeoplePage::showCaseQuestions);
    m_caseQuestionsAction->setObjectName(QStringLiteral("caseQuestionsAction"));
    m_caseQuestionsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    m_caseQuestionsAction->setEnabled(mayReadWork);
    m_dossierAction = bar->addAction(QIcon::fromTheme(QStringLiteral("document-export")), QString(),
                                     this, &PeoplePage::exportDossier);
    m_dossierAction->setObjectName(QStringLiteral("exportDossierAction"));
    m_dossierAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_dossierAction->setVisible(mayReadWork && m_context.can(QString::fromLatin1(actions::Export)));
    qobject_cast<QVBoxLayout *>(layout())->addWidget(bar);
}

void PeoplePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PeoplePage::retranslate()
{
    m_newAction->setText(tr("New employee"));
    m_newAction->setToolTip(tr("Add an employee's archive (%1)")
                                .arg(m_newAction->shortcut().toString(QKeySequence::NativeText)));
    m_exportAction->setText(tr("Export list…"));
    m_exportAction->setToolTip(tr("Save the people listed, as filtered, to a CSV file"));
    m_organisationAction->setText(tr("Organisation…"));
    m_organisationAction->setToolTip(tr("Departments, branch stores and positions"));
    m_trailAction->setText(tr("Work trail…"));
    m_trailAction->setToolTip(
        tr("The selected person's emails, chats and documents (%1)")
            .arg(m_trailAction->shortcut().toString(QKeySequence::NativeText)));
    m_caseQuestionsAction->setText(tr("Case questions…"));
    m_caseQuestionsAction->setToolTip(
        tr("Who was responsible on a date, what was handed over and who signed it (%1)")
            .arg(m_caseQuestionsAction->shortcut().toString(QKeySequence::NativeText)));
    m_dossierAction->setText(tr("Export dossier…"));
    m_dossierAction->setToolTip(
        tr("The selected person's responsibility dossier (PDF) with its evidence bundle (%1)")
            .arg(m_dossierAction->shortcut().toString(QKeySequence::NativeText)));
    m_model->retranslate();
    updateEmptyState();
}

void PeoplePage::applyFilter()
{
    m_model->setFilter(m_filterBar->filter());
    refreshCounts();
    updateEmptyState();
    reselect();
}

void PeoplePage::refreshCounts()
{
    // Read by the model with its total (one query for both).
    m_filterBar->setStatusCounts(m_model->statusCounts());
}

void PeoplePage::updateEmptyState()
{
    const qint64 total = m_model->totalCount();
    // No plural in the text: right in every language without a plural catalogue.
    m_count->setText(tr("Employees: %1").arg(QLocale().toString(total)));
    if (total > 0) {
        m_listStack->setCurrentWidget(m_table);
        return;
    }
    if (m_filterBar->isFiltering()) {
        m_empty->setTitle(tr("No one matches"));
        const QString text = m_filterBar->filter().text;
        m_empty->setMessage(text.isEmpty()
                                ? tr("No employee matches the department and status chosen.")
                                : tr("No employee matches \"%1\" with the department and status "
                                     "chosen.")
                                      .arg(text));
        m_empty->setActionText(tr("Clear the filter"));
    } else {
        m_empty->setTitle(tr("No employees yet"));
        m_empty->setMessage(tr("Employee archives you may see are listed here."));
        m_empty->setActionText(m_newAction->isVisible() ? tr("New employee") : QString());
    }
    m_listStack->setCurrentWidget(m_empty);
}

void PeoplePage::reselect()
{
    const int row = m_model->rowOf(m_shown);
    m_restoring = true;
    if (row >= 0)
        m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect
                                                       | QItemSelectionModel::Rows);
    else
        m_table->selectionModel()->clearSelection();
    m_restoring = false;
}

void PeoplePage::onCurrentChanged(const QModelIndex &current, const QModelIndex &)
{
    if (m_restoring || !current.isValid())
        return;
    const QUuid id = current.data(EmployeeTableModel::IdRole).toUuid();
    if (id == m_shown && !m_detail->form()->isNew())
        return;
    if (!confirmLeavingEdits()) {
        reselect();
        return;
    }
    m_shown = id;
    m_detail->showEmployee(id);
}

bool PeoplePage::confirmLeavingEdits()
{
    EmployeeForm *form = m_detail->form();
    if (!form->hasUnsavedChanges())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Unsaved changes"),
                    tr("This archive has changes that are not saved yet."),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(tr("Save them before you leave it?"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return form->save();
    case QMessageBox::Discard:
        form->discardChanges();
        return true;
    default:
        return false;
    }
}

void PeoplePage::newEmployee()
{
    if (!m_context.can(QString::fromLatin1(actions::EmployeeCreate)) || !confirmLeavingEdits())
        return;
    m_shown = {};
    reselect();
    m_detail->startNew(m_filterBar->filter().departmentId);
}

void PeoplePage::showEmployee(const QUuid &id)
{
    if (!confirmLeavingEdits())
        return;
    m_shown = id;
    reselect();
    m_detail->showEmployee(id);
}

void PeoplePage::onDataChanged(const QSet<QString> &entities)
{
    const bool departments = entities.contains(QStringLiteral("department"));
    if (!departments && !entities.contains(QStringLiteral("employee"))
        && !entities.contains(QStringLiteral("job_position")))
        return;
    if (departments) {
        if (auto list = m_context.directory().departments())
            m_filterBar->setDepartments(*list); // may re-filter if the choice went away
    }
    m_model->refresh();
    refreshCounts();
    updateEmptyState();
    reselect();
}

void PeoplePage::chooseExportFile()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    //: Default file name of the employee list export; keep it short and without spaces.
    const QString name = tr("employees-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate));
    const QString path = FileDialogs::saveFile(this, tr("Export the employee list"),
                                               QDir(dir).filePath(name), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void PeoplePage::exportTo(const QString &path)
{
    if (m_export->isRunning())
        return;
    m_exportAction->setEnabled(false);
    m_export->start(path, m_model->filter(), m_model->sortKey(), m_model->sortOrder(),
                    m_filterBar->departmentName());
}

OrganisationDialog *PeoplePage::organisationDialog() const
{
    return m_organisation.data();
}

void PeoplePage::showOrganisation()
{
    if (!m_organisation)
        m_organisation = new OrganisationDialog(m_context, this);
    m_organisation->show();
    m_organisation->raise();
    m_organisation->activateWindow();
}

void PeoplePage::showWorkTrail()
{
    if (!m_context.can(QString::fromLatin1(actions::WorkRead)))
        return;
    if (m_shown.isNull()) {
        showMessage(tr("Choose a person in the list first."), true);
        return;
    }
    // One window per person: asking again brings it forward.
    const QList<TrailDialog *> open = findChildren<TrailDialog *>();
    for (TrailDialog *dialog : open) {
        if (dialog->employee() == m_shown) {
            dialog->show();
            dialog->raise();
            dialog->activateWindow();
            return;
        }
    }
    auto *dialog = new TrailDialog(m_context, m_shown, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void PeoplePage::showCaseQuestions()
{
    if (!m_context.can(QString::fromLatin1(actions::WorkRead)))
        return;
    auto *dialog = new CaseQuestionsDialog(m_context, m_shown, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void PeoplePage::exportDossier()
{
    if (m_shown.isNull()) {
        showMessage(tr("Choose a person in the list first."), true);
        return;
    }
    DossierExport::run(this, m_context, m_shown);
}

void PeoplePage::showHeaderMenu(const QPoint &pos)
{
    QHeaderView *header = m_table->horizontalHeader();
    QMenu menu(this);
    for (int c = 0; c < m_model->columnCount(); ++c) {
        QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        // The name stays: a list nobody can recognise is no list.
        a->setEnabled(c != EmployeeTableModel::Name);
        connect(a, &QAction::toggled, this, [this, header, c](bool on) {
            header->setSectionHidden(c, !on);
            saveLayout();
        });
    }
    menu.exec(header->mapToGlobal(pos));
}

void PeoplePage::saveLayout()
{
    QSettings settings;
    settings.setValue(SplitterKey, m_splitter->saveState());
    settings.setValue(HeaderKey, m_table->horizontalHeader()->saveState());
}

void PeoplePage::showMessage(const QString &text, bool isError)
{
    m_message->setText(text);
    m_message->setStyleSheet(isError ? QStringLiteral("color: #b71c1c;") : QString());
    m_message->setVisible(!text.isEmpty());
}

} // namespace baton
