#include "reportsview.h"

#include "commentdialog.h"
#include "common/appcontext.h"
#include "common/statusmark.h"
#include "work/reportentities.h"
#include "writereportdialog.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace baton {

namespace {

enum MineColumn { MineReport, MineSubmitted, MineColumns };
enum TeamColumn { TeamPerson, TeamReport, TeamComments, TeamColumns };
enum Role { IdRole = Qt::UserRole, KindRole };

const QColor missingColor(0xc6, 0x28, 0x28);
const QColor writtenColor(0x2e, 0x7d, 0x32);

QString dateText(const QDate &d)
{
    return QLocale().toString(d, QLocale::ShortFormat);
}

QString timeText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

QTreeWidget *makeTree(QWidget *parent, const char *name, int columns)
{
    auto *t = new QTreeWidget(parent);
    t->setObjectName(QLatin1String(name));
    t->setColumnCount(columns);
    t->setUniformRowHeights(false);
    t->setAlternatingRowColors(true);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->header()->setStretchLastSection(false);
    t->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    return t;
}

// A report in full, its comments under it.
QString reportHtml(const WorkReport &r)
{
    QString html =
        QStringLiteral("<h3>%1</h3><p style='color:gray'>%2</p>")
            .arg(r.title().toHtmlEscaped(), ReportsView::tr("%1, submitted %2")
                                                .arg(r.authorName, timeText(r.submittedMs))
                                                .toHtmlEscaped());
    const std::pair<QString, QString> parts[] = {{ReportsView::tr("Done"), r.done},
                                                 {ReportsView::tr("Planned"), r.planned},
                                                 {ReportsView::tr("Blockers"), r.blockers}};
    for (const auto &[heading, text] : parts)
        if (!text.isEmpty())
            html +=
                QStringLiteral("<p><b>%1</b><br>%2</p>")
                    .arg(heading.toHtmlEscaped(),
                         text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    if (r.comments.isEmpty())
        return html
               + QStringLiteral("<p style='color:gray'>%1</p>")
                     .arg(ReportsView::tr("No comments yet.").toHtmlEscaped());
    html += QStringLiteral("<hr><p><b>%1</b></p>").arg(ReportsView::tr("Comments").toHtmlEscaped());
    for (const WorkComment &c : r.comments)
        html += QStringLiteral("<p><span style='color:gray'>%1, %2</span><br>%3</p>")
                    .arg(c.authorName.toHtmlEscaped(), timeText(c.writtenMs).toHtmlEscaped(),
                         c.body.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    return html;
}

QWidget *splitPane(QWidget *parent, QWidget *list, QWidget *detail)
{
    auto *split = new QSplitter(Qt::Horizontal, parent);
    split->addWidget(list);
    split->addWidget(detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    return split;
}

} // namespace

ReportsView::ReportsView(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_me(context.actor().employeeId)
    , m_reminder(new QFrame(this))
    , m_reminderText(new QLabel(m_reminder))
    , m_reminderButton(new QPushButton(m_reminder))
    , m_tabs(new QTabWidget(this))
    , m_mine(makeTree(this, "myReportsView", MineColumns))
    , m_mineDetail(new QTextBrowser(this))
    , m_teamPage(new QWidget(this))
    , m_previousWeek(new QPushButton(m_teamPage))
    , m_nextWeek(new QPushButton(m_teamPage))
    , m_weekLabel(new QLabel(m_teamPage))
    , m_team(makeTree(this, "teamReportsView", TeamColumns))
    , m_teamDetail(new QTextBrowser(this))
    , m_write(new QAction(this))
    , m_comment(new QAction(this))
{
    setObjectName(QStringLiteral("reportsView"));
    m_reminder->setObjectName(QStringLiteral("reportReminder"));
    m_reminderButton->setObjectName(QStringLiteral("writeMissingReportButton"));
    m_mineDetail->setObjectName(QStringLiteral("myReportDetail"));
    m_teamDetail->setObjectName(QStringLiteral("teamReportDetail"));
    m_tabs->setObjectName(QStringLiteral("reportTabs"));
    m_weekLabel->setObjectName(QStringLiteral("teamWeekLabel"));
    m_previousWeek->setObjectName(QStringLiteral("previousWeekButton"));
    m_nextWeek->setObjectName(QStringLiteral("nextWeekButton"));
    m_write->setObjectName(QStringLiteral("writeReportAction"));
    m_comment->setObjectName(QStringLiteral("commentReportAction"));
    m_mineDetail->setOpenLinks(false);
    m_teamDetail->setOpenLinks(false);
    m_team->setRootIsDecorated(false);

    // The reminder: amber, like everything waiting (DESIGN.md section 6).
    m_reminder->setFrameShape(QFrame::StyledPanel);
    m_reminder->setAutoFillBackground(true);
    QPalette amber = m_reminder->palette();
    amber.setColor(QPalette::Window, QColor(0xff, 0xf3, 0xe0));
    amber.setColor(QPalette::WindowText, QColor(0x5d, 0x40, 0x37));
    m_reminder->setPalette(amber);
    m_reminderText->setWordWrap(true);
    auto *reminderLayout = new QHBoxLayout(m_reminder);
    reminderLayout->addWidget(m_reminderText, 1);
    reminderLayout->addWidget(m_reminderButton);

    // Shortcuts act on this tab only: the Performance module has others.
    const std::pair<QAction *, QKeySequence> shortcuts[] = {
        {m_write, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
        {m_comment, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)}};
    auto *buttons = new QHBoxLayout;
    for (const auto &[action, keys] : shortcuts) {
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        auto *b = new QToolButton(this);
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);

    auto *weekRow = new QHBoxLayout;
    weekRow->addWidget(m_previousWeek);
    weekRow->addWidget(m_weekLabel);
    weekRow->addWidget(m_nextWeek);
    weekRow->addStretch(1);
    auto *teamLayout = new QVBoxLayout(m_teamPage);
    teamLayout->setContentsMargins(0, 4, 0, 0);
    teamLayout->addLayout(weekRow);
    teamLayout->addWidget(splitPane(m_teamPage, m_team, m_teamDetail), 1);

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(splitPane(this, m_mine, m_mineDetail), QString());
    m_tabs->addTab(m_teamPage, QString());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_reminder);
    layout->addLayout(buttons);
    layout->addWidget(m_tabs, 1);

    connect(m_write, &QAction::triggered, this, &ReportsView::writeReport);
    connect(m_comment, &QAction::triggered, this, &ReportsView::comment);
    connect(m_reminderButton, &QPushButton::clicked, this, &ReportsView::writeReport);
    connect(m_mine, &QTreeWidget::currentItemChanged, this, &ReportsView::showMineDetail);
    connect(m_team, &QTreeWidget::currentItemChanged, this, [this] {
        showTeamDetail();
        updateActions();
    });
    connect(m_team, &QTreeWidget::itemActivated, this, [this] {
        if (m_comment->isEnabled())
            comment();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &ReportsView::updateActions);
    connect(m_previousWeek, &QPushButton::clicked, this,
            [this] { setTeamWeek(m_week.addDays(-7)); });
    connect(m_nextWeek, &QPushButton::clicked, this, [this] { setTeamWeek(m_week.addDays(7)); });
    connect(&context, &AppContext::dataChanged, this, [this](const QSet<QString> &entities) {
        static const QSet<QString> ours{QStringLiteral("work_report"),
                                        QStringLiteral("work_comment"), QStringLiteral("employee"),
                                        QStringLiteral("department")};
        if (entities.isEmpty() || entities.intersects(ours))
            reload();
    });
    // A supervisor opens on last week: the one to read and comment on.
    m_week = report::weekStart(Reports(context.store()).today()).addDays(-7);
    reload();
}

void ReportsView::setTeamWeek(const QDate &day)
{
    const QDate monday = report::weekStart(day);
    const QDate thisWeek = report::weekStart(Reports(m_context.store()).today());
    if (!monday.isValid() || monday > thisWeek)
        return;
    m_week = monday;
    showTeam();
    retranslate();
}

void ReportsView::reload()
{
    Reports reports(m_context.store());
    m_mineList.clear();
    if (!m_me.isNull())
        if (auto mine = reports.reportsOf(m_me))
            m_mineList = *mine;
    auto missing =
        m_me.isNull() ? Result<bool>(false) : reports.lastWeekMissing(m_me, reports.today());
    m_lastWeekMissing = missing && *missing;
    showMine();
    showTeam();
    retranslate();
}

void ReportsView::showMine()
{
    const WorkReport *was = currentMine();
    const QUuid selected = was ? was->id : QUuid();
    const QSignalBlocker block(m_mine);
    m_mine->clear();
    for (const WorkReport &r : std::as_const(m_mineList)) {
        auto *item = new QTreeWidgetItem(m_mine);
        item->setText(MineReport, r.title());
        item->setText(MineSubmitted, timeText(r.submittedMs));
        item->setData(MineReport, IdRole, r.id);
        item->setToolTip(MineReport, r.done.isEmpty() ? r.planned : r.done);
        // The supervisors' comments under each report.
        for (const WorkComment &c : r.comments) {
            auto *child = new QTreeWidgetItem(item);
            child->setText(MineReport, tr("%1: %2").arg(c.authorName, c.body.simplified()));
            child->setText(MineSubmitted, timeText(c.writtenMs));
            child->setToolTip(MineReport, c.body);
            child->setData(MineReport, IdRole, r.id);
            child->setForeground(MineReport, palette().brush(QPalette::PlaceholderText));
        }
        item->setExpanded(true);
    }
    if (!selected.isNull())
        selectReport(selected);
    if (!m_mine->currentItem() && m_mine->topLevelItemCount() > 0)
        m_mine->setCurrentItem(m_mine->topLevelItem(0));
    showMineDetail();
}

void ReportsView::showTeam()
{
    const TeamWeekRow *was = currentTeamRow();
    const QUuid selected = was ? was->member.id : QUuid();
    m_teamRows.clear();
    if (!m_me.isNull())
        if (auto rows = Reports(m_context.store()).teamWeek(m_me, m_week))
            m_teamRows = *rows;
    // The tab stays once shown: a week with nobody in it is still a week.
    m_teamShown = m_teamShown || !m_teamRows.isEmpty();
    m_tabs->setTabVisible(1, m_teamShown);
    const QSignalBlocker block(m_team);
    m_team->clear();
    for (const TeamWeekRow &row : std::as_const(m_teamRows)) {
        auto *item = new QTreeWidgetItem(m_team);
        item->setText(TeamPerson, row.member.name);
        item->setData(TeamPerson, IdRole, row.member.id);
        if (row.report) {
            item->setText(TeamReport, tr("Submitted %1").arg(timeText(row.report->submittedMs)));
            item->setIcon(TeamReport, statusMark(writtenColor));
            item->setText(TeamComments,
                          row.report->comments.isEmpty()
                              ? QString()
                              : tr("%n comment(s)", nullptr, int(row.report->comments.size())));
        } else if (row.missing) {
            item->setText(TeamReport, tr("Missing"));
            item->setIcon(TeamReport, statusMark(missingColor));
            item->setForeground(TeamReport, missingColor);
        } else {
            item->setText(TeamReport, row.owed ? tr("Not in yet") : tr("Does not report weekly"));
            item->setForeground(TeamReport, palette().brush(QPalette::PlaceholderText));
        }
    }
    if (!selected.isNull())
        selectTeamMember(selected);
    if (!m_team->currentItem() && m_team->topLevelItemCount() > 0)
        m_team->setCurrentItem(m_team->topLevelItem(0));
    showTeamDetail();
    updateActions();
}

const WorkReport *ReportsView::currentMine() const
{
    const QTreeWidgetItem *item = m_mine->currentItem();
    const QUuid id = item ? item->data(MineReport, IdRole).toUuid() : QUuid();
    for (const WorkReport &r : m_mineList)
        if (r.id == id)
            return &r;
    return nullptr;
}

const TeamWeekRow *ReportsView::currentTeamRow() const
{
    const QTreeWidgetItem *item = m_team->currentItem();
    const QUuid id = item ? item->data(TeamPerson, IdRole).toUuid() : QUuid();
    for (const TeamWeekRow &r : m_teamRows)
        if (r.member.id == id)
            return &r;
    return nullptr;
}

bool ReportsView::selectReport(const QUuid &id)
{
    for (int i = 0; i < m_mine->topLevelItemCount(); ++i)
        if (m_mine->topLevelItem(i)->data(MineReport, IdRole).toUuid() == id) {
            m_mine->setCurrentItem(m_mine->topLevelItem(i));
            return true;
        }
    return false;
}

bool ReportsView::selectTeamMember(const QUuid &employee)
{
    for (int i = 0; i < m_team->topLevelItemCount(); ++i)
        if (m_team->topLevelItem(i)->data(TeamPerson, IdRole).toUuid() == employee) {
            m_team->setCurrentItem(m_team->topLevelItem(i));
            return true;
        }
    return false;
}

void ReportsView::showMineDetail()
{
    const WorkReport *r = currentMine();
    if (r)
        return m_mineDetail->setHtml(reportHtml(*r));
    m_mineDetail->setHtml(
        QStringLiteral("<p style='color:gray'>%1</p>")
            .arg(m_mineList.isEmpty()
                     ? tr("You have written no reports yet. Write one each week (%1): what was "
                          "done, what is planned, what is in the way. Your supervisor reads it "
                          "and may comment.")
                           .arg(m_write->shortcut().toString(QKeySequence::NativeText))
                           .toHtmlEscaped()
                     : QString()));
}

void ReportsView::showTeamDetail()
{
    const TeamWeekRow *row = currentTeamRow();
    if (!row)
        return m_teamDetail->clear();
    if (row->report)
        return m_teamDetail->setHtml(reportHtml(*row->report));
    const QString why = row->missing ? tr("%1 has not written the report for the week of %2.")
                                     : tr("%1 has no report for the week of %2.");
    m_teamDetail->setHtml(QStringLiteral("<p>%1</p>")
                              .arg(why.arg(row->member.name, dateText(m_week)).toHtmlEscaped()));
}

void ReportsView::updateActions()
{
    const TeamWeekRow *row = currentTeamRow();
    m_write->setEnabled(!m_me.isNull() && m_context.can(QString::fromLatin1(actions::ReportWrite)));
    m_comment->setEnabled(m_tabs->currentIndex() == 1 && row && row->report
                          && m_context.can(QString::fromLatin1(actions::ReportComment)));
}

void ReportsView::writeReport()
{
    if (!m_write->isEnabled())
        return;
    Reports reports(m_context.store());
    const QDate today = reports.today();
    const QDate thisWeek = report::weekStart(today);
    WriteReportDialog dialog(m_context, this);
    auto written = [&](const QString &period, const QDate &start) {
        auto r = reports.find(m_me, period, start);
        return r && r->has_value();
    };
    const QString weekly = QLatin1String(report::Weekly);
    if (m_lastWeekMissing)
        dialog.setStart(thisWeek.addDays(-7));
    else if (written(weekly, thisWeek)) {
        dialog.setPeriod(QLatin1String(report::Daily));
        dialog.setStart(today);
    }
    if (dialog.exec() == QDialog::Accepted) {
        m_tabs->setCurrentIndex(0);
        selectReport(dialog.createdId());
    }
}

void ReportsView::comment()
{
    const TeamWeekRow *row = currentTeamRow();
    if (!row || !row->report || !m_comment->isEnabled())
        return;
    const QUuid person = row->member.id;
    CommentDialog dialog(m_context, QLatin1String(comment::OnReport), row->report->id,
                         tr("%1's %2").arg(row->member.name, row->report->title()), this);
    if (dialog.exec() == QDialog::Accepted)
        selectTeamMember(person);
}

void ReportsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        reload();
    QWidget::changeEvent(event);
}

void ReportsView::retranslate()
{
    const QDate lastWeek = report::weekStart(Reports(m_context.store()).today()).addDays(-7);
    m_reminder->setVisible(m_lastWeekMissing);
    m_reminderText->setText(tr("Your weekly report for the week of %1 to %2 is missing.")
                                .arg(dateText(lastWeek), dateText(lastWeek.addDays(6))));
    m_reminderButton->setText(tr("Write It Now"));
    m_tabs->setTabText(0, m_mineList.isEmpty() ? tr("My reports")
                                               : tr("My reports (%1)").arg(m_mineList.size()));
    int missing = 0;
    for (const TeamWeekRow &r : std::as_const(m_teamRows))
        missing += r.missing;
    m_tabs->setTabText(1, missing > 0 ? tr("Team reports (%1 missing)").arg(missing)
                                      : tr("Team reports"));
    m_mine->setHeaderLabels({tr("Report"), tr("Submitted")});
    m_team->setHeaderLabels({tr("Person"), tr("Weekly report"), tr("Comments")});
    m_weekLabel->setText(tr("Week of %1 to %2").arg(dateText(m_week), dateText(m_week.addDays(6))));
    m_previousWeek->setText(tr("◀ Earlier"));
    m_nextWeek->setText(tr("Later ▶"));
    m_nextWeek->setEnabled(m_week < report::weekStart(Reports(m_context.store()).today()));
    m_write->setText(tr("&Write Report…"));
    m_write->setToolTip(tr("Write your daily or weekly report (%1)")
                            .arg(m_write->shortcut().toString(QKeySequence::NativeText)));
    m_comment->setText(tr("&Comment…"));
    m_comment->setToolTip(tr("Comment on the selected report; comments are kept as written (%1)")
                              .arg(m_comment->shortcut().toString(QKeySequence::NativeText)));
    updateActions();
}

} // namespace baton
