#include "mainwindow.h"

#include "alerts/alertnotifier.h"
#include "alerts/alertspage.h"
#include "approvals/approvalspage.h"
#include "audit/auditpage.h"
#include "common/appcontext.h"
#include "gantt/projectspage.h"
#include "handovers/handoverspage.h"
#include "people/peoplepage.h"
#include "performancepage.h"
#include "settings/settingspage.h"
#include "shellstatusbar.h"
#include "sidebardelegate.h"
#include "svgiconengine.h"
#include "sync/conflictspage.h"
#include "sync/syncalerts.h"
#include "sync/synccontroller.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace baton {

namespace {
const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");
const QString moduleKey = QStringLiteral("mainWindow/module");
constexpr int BadgeMeaningRole = SidebarDelegate::BadgeRole + 1;
} // namespace

MainWindow::MainWindow(AppContext &context, LanguageManager &languages, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_sidebar(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_status(new ShellStatusBar(context, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/baton.svg")));

    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setItemDelegate(new SidebarDelegate(m_sidebar));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sidebar->setBackgroundRole(QPalette::Window);
    m_sidebar->setAutoFillBackground(true);
    m_sidebar->viewport()->setBackgroundRole(QPalette::Window);
    m_stack->setObjectName(QStringLiteral("pages"));

    createPages(languages);
    createActions();
    // The Alerts page counted once already, inside its constructor.
    if (auto *alerts = qobject_cast<AlertsPage *>(page(Module::Alerts)))
        setAlertsBadge(alerts->openCount());

    auto *separator = new QFrame(this);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    // The sidebar sits in a holder of the same colour, for some air above
    // its first entry.
    auto *sidebarHolder = new QWidget(this);
    auto *sidebarLayout = new QVBoxLayout(sidebarHolder);
    sidebarLayout->setContentsMargins(0, 8, 0, 0);
    sidebarLayout->addWidget(m_sidebar);
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sidebarHolder);
    layout->addWidget(separator);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    setStatusBar(m_status);

    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        const Module module = Modules::all().value(row);
        if (QWidget *page = m_pageByModule.value(module))
            m_stack->setCurrentWidget(page);
    });
    connect(&context, &AppContext::dataChanged, this, &MainWindow::refreshBadges);
    // The alarm comes back at every sign-in and on every click on the red
    // warning: it cannot be dismissed into silence.
    connect(&context.sync(), &SyncController::alarmRaised, this,
            [this](const QString &why) { SyncAlerts::showAlarm(this, why); });
    connect(m_status, &ShellStatusBar::alarmClicked, this,
            [this] { SyncAlerts::showAlarm(this, m_context.sync().alarm()); });
    connect(&context.sync(), &SyncController::certificateChangeDetected, this,
            [this] { SyncAlerts::reviewCertificate(this, m_context.sync()); });

    retranslate();
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages(LanguageManager &languages)
{
    for (Module module : Modules::all()) {
        auto *entry = new QListWidgetItem(SvgIconEngine::icon(Modules::iconName(module)), QString(),
                                          m_sidebar);
        entry->setData(Qt::UserRole, Modules::key(module));
        const QString action = Modules::requiredAction(module);
        if (!action.isEmpty() && !m_context.can(action)) {
            // No page at all: a page would query what the user may not read.
            entry->setHidden(true);
            continue;
        }
        QWidget *page = nullptr;
        switch (module) {
        case Module::People:
            page = new PeoplePage(m_context, m_stack);
            break;
        case Module::Handovers: {
            auto *handovers = new HandoversPage(m_context, m_stack);
            // A handover's sign-off is an approval request: shown in Approvals.
            connect(handovers, &HandoversPage::openRequest, this, [this](const QUuid &request) {
                auto *approvals = qobject_cast<ApprovalsPage *>(this->page(Module::Approvals));
                if (!approvals || !showModule(Module::Approvals))
                    return;
                if (!approvals->selectRequest(request)) {
                    approvals->setView(ApprovalsPage::View::All);
                    approvals->selectRequest(request);
                }
            });
            page = handovers;
            break;
        }
        case Module::Approvals: {
            auto *approvals = new ApprovalsPage(m_context, m_stack);
            connect(approvals, &ApprovalsPage::waitingCountChanged, this,
                    &MainWindow::refreshApprovalsBadge);
            page = approvals;
            break;
        }
        case Module::Audit:
            page = new AuditPage(m_context, m_stack);
            break;
        case Module::Conflicts: {
            auto *conflicts = new ConflictsPage(m_context, m_stack);
            connect(conflicts, &ConflictsPage::countChanged, this, [this] { refreshBadges({}); });
            page = conflicts;
            break;
        }
        case Module::Settings:
            m_settings = new SettingsPage(m_context, languages, m_stack);
            connect(m_settings, &SettingsPage::openDatabaseRequested, this,
                    &MainWindow::openDatabaseRequested);
            page = m_settings;
            break;
        case Module::Performance:
            page = new PerformancePage(m_context, m_stack);
            break;
        case Module::Projects:
            page = new ProjectsPage(m_context, m_stack);
            break;
        case Module::Alerts: {
            auto *alerts = new AlertsPage(m_context, m_stack);
            connect(alerts, &AlertsPage::openCountChanged, this, &MainWindow::setAlertsBadge);
            page = alerts;
            // Warnings reach the desktop's notification area too, where
            // there is one; a click there opens them.
            m_alertNotifier = new AlertNotifier(m_context, this);
            connect(m_alertNotifier, &AlertNotifier::openRequested, this,
                    [this] { showModule(Module::Alerts); });
            m_alertNotifier->start();
            break;
        }
        }
        if (page->objectName().isEmpty())
            page->setObjectName(Modules::key(module) + QStringLiteral("Page"));
        m_stack->addWidget(page);
        m_pageByModule.insert(module, page);
    }
    // Wide enough for the longest title and a badge in either language.
    m_sidebar->setFixedWidth(qMax(200, m_sidebar->sizeHintForColumn(0)));
}

void MainWindow::createActions()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_openDatabase = m_fileMenu->addAction(SvgIconEngine::icon(QStringLiteral("database")),
                                           QString(), QKeySequence::Open);
    connect(m_openDatabase, &QAction::triggered, this,
            [this] { m_settings->chooseDatabaseToOpen(); });
    m_newDatabase = m_fileMenu->addAction(QString());
    connect(m_newDatabase, &QAction::triggered, this, [this] { m_settings->chooseNewDatabase(); });
    // F5: nothing else in Baton uses it, and it is "refresh" elsewhere.
    m_syncNow = m_fileMenu->addAction(QString(), QKeySequence(Qt::Key_F5));
    m_syncNow->setObjectName(QStringLiteral("syncNowAction"));
    connect(m_syncNow, &QAction::triggered, this, [this] {
        SyncController &sync = m_context.sync();
        if (sync.isRegistered() || sync.certificateChange())
            sync.syncNow();
        else
            showModule(Module::Settings); // where a server is registered
    });
    m_fileMenu->addSeparator();
    // Ctrl+L, as in password managers: step away and leave Baton locked.
    m_signOut = m_fileMenu->addAction(SvgIconEngine::icon(QStringLiteral("signout")), QString(),
                                      QKeySequence(Qt::CTRL | Qt::Key_L));
    m_signOut->setObjectName(QStringLiteral("signOutAction"));
    connect(m_signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    m_quit = m_fileMenu->addAction(QString(), QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(QString());
    const QList<Module> modules = Modules::all();
    for (int i = 0; i < modules.size(); ++i) {
        const Module module = modules.at(i);
        QAction *a =
            m_viewMenu->addAction(SvgIconEngine::icon(Modules::iconName(module)), QString());
        a->setObjectName(Modules::key(module) + QStringLiteral("Action"));
        a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        a->setVisible(isModuleAvailable(module));
        connect(a, &QAction::triggered, this, [this, module] { showModule(module); });
        m_moduleActions.insert(module, a);
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_about = m_helpMenu->addAction(QString());
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Baton"),
            tr("<h3>Baton %1</h3><p>Traceable responsibility for HR: archives, handovers and "
               "approvals, on- and offline.</p><p>When someone leaves, what they were responsible "
               "for, what they handed over and who approved it can be shown later, and "
               "proven.</p>")
                .arg(QApplication::applicationVersion()));
    });
    m_aboutQt = m_helpMenu->addAction(QString());
    m_aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

QListWidgetItem *MainWindow::item(Module module) const
{
    return m_sidebar->item(Modules::indexOf(module));
}

bool MainWindow::isModuleAvailable(Module module) const
{
    return m_pageByModule.contains(module);
}

Module MainWindow::currentModule() const
{
    return Modules::all().value(qMax(0, m_sidebar->currentRow()));
}

bool MainWindow::showModule(Module module)
{
    if (!isModuleAvailable(module))
        return false;
    m_sidebar->setCurrentRow(Modules::indexOf(module));
    return true;
}

void MainWindow::setBadge(Module module, int count, const QString &meaning)
{
    QListWidgetItem *entry = item(module);
    entry->setData(SidebarDelegate::BadgeRole, qMax(0, count));
    entry->setData(BadgeMeaningRole, count > 0 ? meaning : QString());
    updateEntry(module);
}

int MainWindow::badge(Module module) const
{
    return item(module)->data(SidebarDelegate::BadgeRole).toInt();
}

void MainWindow::updateEntry(Module module)
{
    QListWidgetItem *entry = item(module);
    const QString title = Modules::title(module);
    entry->setText(title);
    const QKeySequence shortcut = m_moduleActions.value(module)->shortcut();
    QString tip = tr("%1 (%2)").arg(title, shortcut.toString(QKeySequence::NativeText));
    const QString meaning = entry->data(BadgeMeaningRole).toString();
    if (!meaning.isEmpty())
        tip += QLatin1Char('\n') + meaning;
    entry->setToolTip(tip);
    entry->setData(Qt::AccessibleTextRole,
                   meaning.isEmpty() ? title : title + QStringLiteral(", ") + meaning);
}

void MainWindow::refreshBadges(const QSet<QString> &entities)
{
    refreshConflictsBadge();
    refreshApprovalsBadge();
    // People: the employees who are leaving, the ones HR acts on now.
    if (isModuleAvailable(Module::People) && entities.contains(QStringLiteral("employee"))) {
        auto counts = m_context.directory().statusCounts(
            m_context.readScope(QString::fromLatin1(actions::EmployeeRead)), {});
        if (counts) {
            const int departing = static_cast<int>(counts->value(QStringLiteral("departing")));
            // Two strings, not %n: English plurals would need an English catalogue.
            setBadge(Module::People, departing,
                     departing == 1 ? tr("1 employee is leaving")
                                    : tr("%1 employees are leaving").arg(departing));
        }
    }
}

void MainWindow::refreshConflictsBadge()
{
    auto *conflicts = qobject_cast<ConflictsPage *>(page(Module::Conflicts));
    if (!conflicts)
        return;
    const int count = conflicts->count();
    setBadge(Module::Conflicts, count,
             count == 1 ? tr("1 change was refused by the server")
                        : tr("%1 changes were refused by the server").arg(count));
}

void MainWindow::setAlertsBadge(int open)
{
    setBadge(Module::Alerts, open,
             open == 1 ? tr("1 warning is open") : tr("%1 warnings are open").arg(open));
}

void MainWindow::refreshApprovalsBadge()
{
    // The page reads its queues again on every approval change; the badge
    // shows what it counted.
    auto *approvals = qobject_cast<ApprovalsPage *>(page(Module::Approvals));
    if (!approvals)
        return;
    const int count = approvals->waitingCount();
    setBadge(Module::Approvals, count,
             count == 1 ? tr("1 request waits on you") : tr("%1 requests wait on you").arg(count));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("%1 - Baton").arg(QFileInfo(m_context.store().database().path()).fileName()));
    m_fileMenu->setTitle(tr("&File"));
    m_openDatabase->setText(tr("&Open Another Database..."));
    m_newDatabase->setText(tr("&New Database..."));
    m_syncNow->setText(tr("S&ync Now"));
    m_signOut->setText(tr("&Sign Out"));
    m_quit->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_helpMenu->setTitle(tr("&Help"));
    m_about->setText(tr("&About Baton"));
    m_aboutQt->setText(tr("About &Qt"));
    for (Module module : Modules::all()) {
        updateEntry(module);
        m_moduleActions.value(module)->setText(Modules::title(module));
    }
    refreshBadges({QStringLiteral("employee")}); // badge meanings are translated too
    m_sidebar->setFixedWidth(qMax(200, m_sidebar->sizeHintForColumn(0)));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray())) {
        // First start: as large as a 1280x720 screen allows, centred.
        const QRect available = screen()->availableGeometry();
        resize(qMin(1280, available.width()), qMin(800, available.height()));
        move(available.center() - rect().center());
    }
    restoreState(settings.value(stateKey).toByteArray());
    const auto saved = Modules::fromKey(settings.value(moduleKey).toString());
    if (saved && showModule(*saved))
        return;
    if (!showModule(Module::People))
        showModule(Module::Settings);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    settings.setValue(moduleKey, Modules::key(currentModule()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
    Q_EMIT closed();
}

} // namespace baton
