#include "dashboardview.h"

#include "common/appcontext.h"
#include "common/filedialogs.h"
#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "people/departmentcombobox.h"
#include "performance/indicatorscore.h"
#include "performance/reviewentities.h"
#include "policy/roles.h"
#include "work/workentities.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSet>
#include <QShortcut>
#include <QSplitter>
#include <QStandardPaths>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace baton {

namespace {
constexpr int ClosedRole = Qt::UserRole + 1;
} // namespace

DashboardView::DashboardView(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_department(new DepartmentComboBox(this))
    , m_cycle(new QComboBox(this))
    , m_subtree(new QCheckBox(tr("&Include sub-departments"), this))
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this))
    , m_board(new QWidget(this))
    , m_drill(new QTreeWidget(this))
    , m_drillTitle(new QLabel(this))
    , m_charts(new DashboardCharts(this))
{
    m_department->setObjectName(QStringLiteral("dashboardDepartment"));
    m_cycle->setObjectName(QStringLiteral("dashboardCycle"));
    m_cycle->setMinimumContentsLength(10);
    m_subtree->setChecked(true);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("dashboardMessage"));
    m_drill->setObjectName(QStringLiteral("dashboardDrill"));
    m_drill->setRootIsDecorated(false);
    m_drill->setAlternatingRowColors(true);
    m_drill->header()->setStretchLastSection(true);
    m_drillTitle->setText(tr("Click a bar, slice or point to see the people and items behind it."));
    m_drillTitle->setWordWrap(true);

    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("&Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    QAction *png = menu->addAction(tr("Dashboard as PNG image…"));
    QAction *pdf = menu->addAction(tr("Dashboard as PDF…"));
    QAction *csvAction = menu->addAction(tr("Data as CSV…"));
    pdf->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    addActions({png, pdf, csvAction});
    exportButton->setMenu(menu);
    connect(png, &QAction::triggered, this, [this] { chooseExport(QStringLiteral("png")); });
    connect(pdf, &QAction::triggered, this, [this] { chooseExport(QStringLiteral("pdf")); });
    connect(csvAction, &QAction::triggered, this, [this] { chooseExport(QStringLiteral("csv")); });

    auto *bar = new QHBoxLayout;
    auto *departmentLabel = new QLabel(tr("Dep&artment:"), this);
    departmentLabel->setBuddy(m_department);
    auto *cycleLabel = new QLabel(tr("C&ycle:"), this);
    cycleLabel->setBuddy(m_cycle);
    bar->addWidget(departmentLabel);
    bar->addWidget(m_department);
    bar->addWidget(m_subtree);
    bar->addSpacing(12);
    bar->addWidget(cycleLabel);
    bar->addWidget(m_cycle);
    bar->addStretch(1);
    bar->addWidget(m_summary);
    bar->addWidget(exportButton);

    auto *grid = new QGridLayout(m_board);
    grid->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < 5; ++i) {
        auto *view = new QChartView(m_board);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(320, 220);
        m_views.append(view);
        grid->addWidget(view, i / 3, i % 3);
    }

    auto *drillPane = new QWidget(this);
    auto *drillLayout = new QVBoxLayout(drillPane);
    drillLayout->setContentsMargins(0, 0, 0, 0);
    drillLayout->addWidget(m_drillTitle);
    drillLayout->addWidget(m_drill, 1);
    grid->addWidget(drillPane, 1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_board, 1);

    connect(m_charts, &DashboardCharts::drillDown, this, &DashboardView::showDrill);
    connect(m_department, &DepartmentComboBox::departmentChanged, this, &DashboardView::refresh);
    connect(m_cycle, &QComboBox::currentIndexChanged, this, &DashboardView::refresh);
    connect(m_subtree, &QCheckBox::toggled, this, &DashboardView::refresh);
    connect(&m_context, &AppContext::dataChanged, this, [this](const QSet<QString> &entities) {
        static const QSet<QString> shown{
            QStringLiteral("review_cycle"),    QStringLiteral("review_result"),
            QStringLiteral("work_issue"),      QStringLiteral("attribution"),
            QStringLiteral("indicator_value"), QStringLiteral("task")};
        if (entities.contains(QStringLiteral("review_cycle"))
            || entities.contains(QStringLiteral("department")))
            loadPickers();
        if (entities.intersects(shown))
            refresh();
    });
    loadPickers();
    refresh();
}

void DashboardView::loadPickers()
{
    const QSignalBlocker departmentBlocker(m_department);
    const QSignalBlocker cycleBlocker(m_cycle);
    const ReadScope scope = m_context.readScope(QString::fromLatin1(actions::PerformanceRead));
    m_wholeCompany = scope.all;
    QList<DepartmentInfo> shown;
    if (auto all = m_context.directory().departments()) {
        const QSet<QUuid> mine(scope.departments.cbegin(), scope.departments.cend());
        for (const DepartmentInfo &d : *all)
            if (scope.all || mine.contains(d.id))
                shown.append(d);
    }
    m_department->setDepartments(shown, scope.all ? tr("Whole company") : QString());

    const QUuid keep = m_cycle->currentData().toUuid();
    m_cycle->clear();
    if (auto cycles = dashboard::Dashboard(m_context.store()).cycles())
        for (const dashboard::CycleRef &c : *cycles) {
            m_cycle->addItem(c.closed ? c.title : tr("%1 (open)").arg(c.title), c.id);
            m_cycle->setItemData(m_cycle->count() - 1, c.closed, ClosedRole);
        }
    // The latest closed cycle first: an open one has no results yet.
    int pick = m_cycle->findData(keep);
    for (int i = 0; pick < 0 && i < m_cycle->count(); ++i)
        if (m_cycle->itemData(i, ClosedRole).toBool())
            pick = i;
    m_cycle->setCurrentIndex(std::max(pick, 0));
}

void DashboardView::showDepartment(const QUuid &department, const QUuid &cycle)
{
    {
        const QSignalBlocker a(m_department);
        const QSignalBlocker b(m_cycle);
        m_department->setCurrentDepartment(department);
        m_cycle->setCurrentIndex(m_cycle->findData(cycle));
    }
    refresh();
}

void DashboardView::refresh()
{
    const bool allowed = m_wholeCompany || m_department->count() > 0;
    if (!allowed || m_cycle->count() == 0) {
        m_message->setText(!allowed ? tr("Dashboards show a department's results: they are for "
                                         "its managers and for HR.")
                                    : tr("There are no review cycles yet. HR opens one under "
                                         "Performance → Goals."));
        m_message->show();
        m_board->setEnabled(false);
        m_data = {};
        return;
    }
    dashboard::Query query;
    query.department = m_department->currentDepartment();
    query.subtree = m_subtree->isChecked();
    query.cycle = m_cycle->currentData().toUuid();
    query.today = QDateTime::fromMSecsSinceEpoch(m_context.store().nowMs()).date();
    auto data = dashboard::Dashboard(m_context.store()).compute(query);
    if (!data) {
        m_message->setText(data.error().message);
        m_message->show();
        return;
    }
    m_data = *data;
    m_message->setVisible(m_data.reviewed == 0);
    m_message->setText(tr("No one in this department has a review result for %1 yet: the "
                          "score distribution fills in when the cycle's reviews are done.")
                           .arg(m_data.cycleTitle));
    m_board->setEnabled(true);
    m_summary->setText(tr("%n people", nullptr, int(m_data.people.size())));
    QChart *charts[] = {m_charts->scoreDistribution(m_data), m_charts->issueCategories(m_data),
                        m_charts->attribution(m_data), m_charts->indicatorTrends(m_data),
                        m_charts->overdueRate(m_data)};
    for (int i = 0; i < m_views.size(); ++i) {
        QChart *old = m_views.at(i)->chart();
        m_views.at(i)->setChart(charts[i]);
        delete old;
    }
    m_drill->clear();
}

QString DashboardView::personName(const QUuid &id)
{
    auto e = m_context.store().readRecord(QStringLiteral("employee"), id);
    if (!e || e->isEmpty())
        return tr("(not in this copy)");
    return org::displayName(e->text(u"family_name"), e->text(u"given_name"));
}

void DashboardView::showDrill(const DrillDown &drill)
{
    m_drillTitle->setText(drill.title);
    m_drill->clear();
    Store &store = m_context.store();
    switch (drill.kind) {
    case DrillDown::Kind::People: {
        m_drill->setHeaderLabels({tr("Person"), tr("Department"), tr("Score"), tr("Grade")});
        for (const QUuid &id : drill.records) {
            auto e = store.readRecord(QStringLiteral("employee"), id);
            QString department;
            if (e && !e->isEmpty())
                if (auto d =
                        store.readRecord(QStringLiteral("department"), e->id(u"department_id"));
                    d && !d->isEmpty())
                    department = d->text(u"name");
            QString score, grade;
            Database &db = store.database();
            SqlStatement &q = db.statement(QStringLiteral(
                "SELECT score_bp, grade FROM review_result WHERE cycle_id=? AND employee_id=? "
                "AND retired=0"));
            q.bind(0, idString(m_data.cycle));
            q.bind(1, idString(id));
            if (q.exec() && q.next()) {
                score = performance::percentText(q.int64(0) / 100.0);
                grade = q.text(1);
            }
            q.finish();
            auto *item = new QTreeWidgetItem({personName(id), department, score, grade});
            item->setData(0, Qt::UserRole, id);
            m_drill->addTopLevelItem(item);
        }
        break;
    }
    case DrillDown::Kind::Issues:
        m_drill->setHeaderLabels({tr("Issue"), tr("Person"), tr("Category"), tr("Date")});
        for (const QUuid &id : drill.records) {
            auto r = store.readRecord(QStringLiteral("work_issue"), id);
            if (!r || r->isEmpty())
                continue;
            auto *item = new QTreeWidgetItem({r->text(u"title"), personName(r->id(u"employee_id")),
                                              issue::categoryTitle(r->text(u"category")),
                                              r->text(u"occurred_on")});
            item->setData(0, Qt::UserRole, id);
            m_drill->addTopLevelItem(item);
        }
        break;
    case DrillDown::Kind::Tasks:
        m_drill->setHeaderLabels({tr("Task"), tr("Owner"), tr("Due"), tr("Finished")});
        for (const QUuid &id : drill.records) {
            auto r = store.readRecord(QStringLiteral("task"), id);
            if (!r || r->isEmpty())
                continue;
            const QString done = r->text(u"done_date");
            auto *item = new QTreeWidgetItem(
                {r->text(u"title"), personName(r->id(u"owner_id")), r->text(u"due_date"),
                 done.isEmpty() ? task::statusTitle(r->text(u"status")) : done});
            item->setData(0, Qt::UserRole, id);
            m_drill->addTopLevelItem(item);
        }
        break;
    }
    for (int c = 0; c < m_drill->columnCount(); ++c)
        m_drill->resizeColumnToContents(c);
}

void DashboardView::chooseExport(const QString &kind)
{
    const QString department = m_department->currentText();
    const QString base = tr("Dashboard %1 %2").arg(department, m_data.cycleTitle).trimmed();
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString filter = kind == QLatin1String("png")   ? tr("PNG images (*.png)")
                           : kind == QLatin1String("pdf") ? tr("PDF documents (*.pdf)")
                                                          : tr("CSV files (*.csv)");
    const QString path =
        FileDialogs::saveFile(this, tr("Export dashboard"),
                              QDir(folder).filePath(base + QLatin1Char('.') + kind), filter);
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = kind == QLatin1String("png")   ? exportPng(path, &error)
                    : kind == QLatin1String("pdf") ? exportPdf(path, &error)
                                                   : exportCsv(path, &error);
    m_message->setText(ok ? tr("Exported to %1.").arg(QDir::toNativeSeparators(path)) : error);
    m_message->show();
}

bool DashboardView::exportPng(const QString &path, QString *error)
{
    QImage image(m_board->size() * 2, QImage::Format_ARGB32);
    image.setDevicePixelRatio(2);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        m_board->render(&painter);
    }
    if (!image.save(path, "PNG")) {
        if (error)
            *error = tr("Could not write %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

bool DashboardView::exportPdf(const QString &path, QString *error)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setResolution(144);
    writer.setTitle(tr("Performance dashboard"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = tr("Could not write %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    const QRect page = painter.viewport();
    QFont heading = font();
    heading.setPointSizeF(heading.pointSizeF() * 1.4);
    heading.setBold(true);
    painter.setFont(heading);
    const QString title = tr("%1 — %2").arg(m_department->currentText(), m_data.cycleTitle);
    const int headingHeight = painter.fontMetrics().height() * 2;
    painter.drawText(QRect(page.left(), page.top(), page.width(), headingHeight),
                     Qt::AlignLeft | Qt::AlignVCenter, title);
    // The charts as laid out on screen, scaled to the page's width.
    const QSize size = m_board->size();
    const double scale = std::min(double(page.width()) / size.width(),
                                  double(page.height() - headingHeight) / size.height());
    painter.translate(page.left(), page.top() + headingHeight);
    painter.scale(scale, scale);
    m_board->render(&painter);
    painter.end();
    return true;
}

bool DashboardView::exportCsv(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(dashboard::Dashboard::toCsv(m_data)) < 0
        || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace baton
