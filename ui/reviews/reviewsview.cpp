#include "reviewsview.h"

#include "closecycledialog.h"
#include "common/appcontext.h"
#include "feedbackhtml.h"
#include "issuetree.h"
#include "people/emptystatewidget.h"
#include "performance/attributions.h"
#include "performance/cycleclose.h"
#include "performance/feedback.h"
#include "performance/indicatorscore.h"
#include "ratedialog.h"
#include "recordissuedialog.h"
#include "requestfeedbackdialog.h"
#include "reviewformat.h"

#include <QAction>
#include <QEvent>
#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace baton {

namespace {

enum Column {
    Person,
    Department,
    Indicators,
    FeedbackPart,
    Manager,
    Score,
    Grade,
    Issues,
    Columns
};

} // namespace

ReviewsView::ReviewsView(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_cycles(new CyclePicker(context, this))
    , m_filter(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyStateWidget(this))
    , m_people(reviewformat::makeTree(this, "reviewPeopleView", QStringList(Columns, QString())))
    , m_tabs(new QTabWidget(this))
    , m_issues(new IssueTree(context, true, this))
    , m_feedback(new QTextBrowser(this))
    , m_rate(new QAction(this))
    , m_recordIssue(new QAction(this))
    , m_requestFeedback(new QAction(this))
    , m_closeCycle(new QAction(this))
{
    setObjectName(QStringLiteral("reviewsView"));
    m_filter->setObjectName(QStringLiteral("reviewFilterEdit"));
    m_filter->setClearButtonEnabled(true);
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_feedback->setObjectName(QStringLiteral("reviewFeedbackView"));
    m_feedback->setOpenLinks(false);
    m_tabs->setObjectName(QStringLiteral("reviewTabs"));
    m_tabs->setDocumentMode(true);
    m_empty->setObjectName(QStringLiteral("reviewsEmpty"));
    for (int c = Indicators; c < Columns; ++c)
        m_people->headerItem()->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);

    // Shortcuts act where the reviews are: this page.
    const std::pair<QAction *, QKeySequence> actions[] = {
        {m_rate, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
        {m_recordIssue, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I)},
        {m_requestFeedback, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)},
        {m_closeCycle, QKeySequence()}};
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Cycle:"), this));
    bar->addWidget(m_cycles);
    bar->addWidget(m_filter, 1);
    for (const auto &[action, keys] : actions) {
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        auto *b = new QToolButton(this);
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        bar->addWidget(b);
    }
    m_rate->setObjectName(QStringLiteral("rateAction"));
    m_recordIssue->setObjectName(QStringLiteral("recordIssueAction"));
    m_requestFeedback->setObjectName(QStringLiteral("requestFeedbackAction"));
    m_closeCycle->setObjectName(QStringLiteral("closeCycleAction"));
    for (QAction *a : {m_issues->confirmAction(), m_issues->correctAction()})
        addAction(a);

    auto *issuesBox = new QWidget(this);
    auto *issueBar = new QHBoxLayout;
    for (QAction *a : {m_issues->confirmAction(), m_issues->correctAction()}) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        issueBar->addWidget(b);
    }
    issueBar->addStretch(1);
    auto *issuesLayout = new QVBoxLayout(issuesBox);
    issuesLayout->setContentsMargins(0, 4, 0, 0);
    issuesLayout->addLayout(issueBar);
    issuesLayout->addWidget(m_issues);
    m_tabs->addTab(issuesBox, QString());
    m_tabs->addTab(m_feedback, QString());

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_people);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    m_stack->addWidget(split);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_stack, 1);

    connect(m_rate, &QAction::triggered, this, &ReviewsView::rate);
    connect(m_recordIssue, &QAction::triggered, this, &ReviewsView::recordIssue);
    connect(m_requestFeedback, &QAction::triggered, this, &ReviewsView::requestFeedback);
    connect(m_closeCycle, &QAction::triggered, this, qOverload<>(&ReviewsView::closeCycle));
    connect(m_cycles, &CyclePicker::cycleChanged, this, &ReviewsView::reload);
    connect(m_filter, &QLineEdit::textChanged, this, &ReviewsView::showPeople);
    connect(m_people, &QTreeWidget::currentItemChanged, this, [this] {
        showFeedback();
        updateActions();
    });
    connect(m_people, &QTreeWidget::itemActivated, this, [this] {
        if (m_rate->isEnabled())
            rate();
    });
    connect(m_empty, &EmptyStateWidget::actionTriggered, this, [this] { m_filter->clear(); });
    connect(&context, &AppContext::dataChanged, this, [this](const QSet<QString> &entities) {
        static const QSet<QString> mine{QStringLiteral("review_cycle"),
                                        QStringLiteral("review_result"),
                                        QStringLiteral("work_issue"),
                                        QStringLiteral("attribution"),
                                        QStringLiteral("award"),
                                        QStringLiteral("feedback_request"),
                                        QStringLiteral("feedback_answer"),
                                        QStringLiteral("performance_setting"),
                                        QStringLiteral("employee"),
                                        QStringLiteral("indicator_value"),
                                        QStringLiteral("goal"),
                                        QStringLiteral("indicator")};
        if (!entities.intersects(mine))
            return;
        if (entities.contains(QStringLiteral("review_cycle")))
            m_cycles->reload(); // reloads the view when the cycle changes
        reload();
    });
    retranslate();
    reload();
}

void ReviewsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_cycles->reload();
        reload();
    }
    QWidget::changeEvent(event);
}

void ReviewsView::retranslate()
{
    m_people->setHeaderLabels({tr("Person"), tr("Department"), tr("Indicators"), tr("Feedback"),
                               tr("Manager"), tr("Score"), tr("Grade"), tr("Issues")});
    m_filter->setPlaceholderText(tr("Filter by name or number"));
    const auto withKeys = [](QAction *a, const QString &text, const QString &tip) {
        a->setText(text);
        a->setToolTip(a->shortcut().isEmpty()
                          ? tip
                          : tip
                                + QStringLiteral(" (%1)").arg(
                                    a->shortcut().toString(QKeySequence::NativeText)));
    };
    withKeys(m_rate, tr("&Rate…"), tr("Give the selected person your rating for the cycle"));
    withKeys(m_recordIssue, tr("Record &issue…"),
             tr("Record something that went wrong in the selected person's work"));
    withKeys(m_requestFeedback, tr("Request &feedback…"),
             tr("Ask peers, the manager, people reporting to them or customers about the "
                "selected person"));
    withKeys(m_closeCycle, tr("&Close cycle…"),
             tr("Record every review, give the rewards and penalties of the rules, and close "
                "the cycle"));
    m_issues->retranslate();
    m_tabs->setTabText(0, m_issues->issues().isEmpty()
                              ? tr("Issues")
                              : tr("Issues (%1)").arg(m_issues->issues().size()));
    m_tabs->setTabText(1, tr("360 feedback"));
}

void ReviewsView::reload()
{
    const QUuid selected = currentPerson();
    m_rows.clear();
    if (auto s = ReviewSettings::load(m_context.store()))
        m_settings = *s;
    const ReviewCycleInfo *c = m_cycles->current();
    const ReadScope scope = m_context.readScope(u"performance.read");
    QList<IssueView> issues;
    if (c) {
        Reviews reviews(m_context.store());
        if (auto rows = reviews.cycleRows(c->id, scope, c->open))
            m_rows = *rows;
        QSet<QUuid> people;
        for (const ReviewRow &r : std::as_const(m_rows))
            people.insert(r.employee);
        if (auto all = WorkIssues(m_context.store()).issuesIn(c->id))
            for (const IssueView &i : std::as_const(*all))
                if (people.contains(i.employee))
                    issues.append(i);
    }
    m_issues->setIssues(issues);
    showPeople();
    if (!selected.isNull())
        selectPerson(selected);
    retranslate(); // the tabs' counts
    showFeedback();
    updateActions();
}

void ReviewsView::showPeople()
{
    const QUuid selected = currentPerson();
    const ReviewCycleInfo *c = m_cycles->current();
    const QString filter = m_filter->text().trimmed();
    {
        const QSignalBlocker block(m_people);
        m_people->clear();
        QList<QTreeWidgetItem *> items;
        int reviewed = 0, unrated = 0;
        for (const ReviewRow &r : std::as_const(m_rows)) {
            if (!filter.isEmpty() && !r.name.contains(filter, Qt::CaseInsensitive)
                && !r.number.contains(filter, Qt::CaseInsensitive))
                continue;
            auto *item = new QTreeWidgetItem;
            item->setText(Person, r.number.isEmpty()
                                      ? r.name
                                      : QStringLiteral("%1 (%2)").arg(r.name, r.number));
            item->setText(Department, r.departmentName);
            item->setText(Indicators, reviewformat::bpText(r.score.indicatorBp));
            item->setText(FeedbackPart, reviewformat::bpText(r.score.feedbackBp));
            item->setText(Manager, reviewformat::bpText(r.score.managerBp));
            item->setText(Score, reviewformat::bpText(r.score.scoreBp));
            item->setText(Grade, r.score.grade);
            item->setText(Issues, r.issues ? QString::number(r.issues) : QString());
            for (int col = Indicators; col < Columns; ++col)
                item->setTextAlignment(col, Qt::AlignRight | Qt::AlignVCenter);
            if (m_settings) {
                const QColor color = reviewformat::gradeColor(*m_settings, r.score.grade);
                if (color.isValid())
                    item->setForeground(Grade, color);
            }
            if (r.provisional) {
                // As it stands now: not recorded until rated or closed.
                QFont italic = item->font(Score);
                italic.setItalic(true);
                item->setFont(Score, italic);
                item->setFont(Grade, italic);
                item->setToolTip(Score, tr("As it stands now; recorded when the cycle closes."));
            }
            if (r.score.partlyMeasured()) {
                item->setText(Indicators, item->text(Indicators) + QStringLiteral(" *"));
                item->setToolTip(Indicators,
                                 tr("%1 of the goals' weight measured: the indicator part rests "
                                    "on that part only.")
                                     .arg(performance::percentText(*r.score.indicatorCoverage)));
            }
            if (r.unattributedIssues > 0)
                item->setToolTip(Issues,
                                 tr("%n without a stated cause", nullptr, r.unattributedIssues));
            if (r.score.scoreBp)
                ++reviewed;
            if (!r.score.managerBp)
                ++unrated;
            item->setData(Person, Qt::UserRole, r.employee);
            items.append(item);
        }
        m_people->addTopLevelItems(items);
        m_summary->setText(
            !c ? QString()
               : tr("%1 · %n person(s)", nullptr, int(items.size())).arg(c->title)
                     + (items.isEmpty()
                            ? QString()
                            : tr(" · %n with a score", nullptr, reviewed)
                                  + tr(" · %n not rated by their manager", nullptr, unrated)));
    }
    if (!c) {
        m_empty->setTitle(tr("No review cycles yet"));
        m_empty->setMessage(tr("HR opens review cycles (a month, a quarter, a year); the "
                               "people's reviews, feedback and issues belong to one."));
        m_empty->setActionText({});
        m_stack->setCurrentWidget(m_empty);
    } else if (m_people->topLevelItemCount() == 0) {
        m_empty->setTitle(filter.isEmpty() ? tr("No one to review here")
                                           : tr("No one matches “%1”").arg(filter));
        m_empty->setMessage(filter.isEmpty()
                                ? tr("Reviews show the people your role lets you see who worked "
                                     "during the cycle.")
                                : tr("Try another name or employee number."));
        m_empty->setActionText(filter.isEmpty() ? QString() : tr("Clear the filter"));
        m_stack->setCurrentWidget(m_empty);
    } else
        m_stack->setCurrentIndex(0);
    if (!selected.isNull())
        selectPerson(selected);
}

const ReviewRow *ReviewsView::current() const
{
    const QUuid id = currentPerson();
    for (const ReviewRow &r : m_rows)
        if (r.employee == id)
            return &r;
    return nullptr;
}

QUuid ReviewsView::currentPerson() const
{
    const QTreeWidgetItem *item = m_people->currentItem();
    return item ? item->data(Person, Qt::UserRole).toUuid() : QUuid();
}

bool ReviewsView::selectPerson(const QUuid &employee)
{
    for (int i = 0; i < m_people->topLevelItemCount(); ++i)
        if (m_people->topLevelItem(i)->data(Person, Qt::UserRole).toUuid() == employee) {
            m_people->setCurrentItem(m_people->topLevelItem(i));
            return true;
        }
    return false;
}

void ReviewsView::showFeedback()
{
    const ReviewRow *r = current();
    if (!r) {
        m_feedback->setHtml(QStringLiteral("<p style='color:gray'>%1</p>")
                                .arg(tr("Select a person to see their 360 feedback.")));
        return;
    }
    Feedback fb(m_context.store());
    auto dims = fb.dimensions();
    const QList<performance::FeedbackDimension> dimensions =
        dims ? *dims : QList<performance::FeedbackDimension>();
    // Their own: the anonymous view. Others': who said what when the role
    // allows it, else who was asked.
    if (r->employee == m_context.actor().employeeId) {
        auto view = fb.visibleView(r->employee, r->cycle);
        QHash<QUuid, QString> names;
        if (view)
            for (const performance::RoleFeedback &role : view->view.roles)
                for (const performance::VisibleComment &c : role.comments)
                    if (!c.author.isNull())
                        if (auto p = m_context.directory().person(c.author))
                            names.insert(c.author, p->name);
        m_feedback->setHtml(view ? FeedbackHtml::subjectView(*view, dimensions, names)
                                 : view.error().message.toHtmlEscaped());
        return;
    }
    auto requests = fb.requestsAbout(r->employee, r->cycle);
    const QList<FeedbackRequestView> asked = requests ? *requests : QList<FeedbackRequestView>();
    auto answers = fb.answersFor(m_context.actor(), r->employee, r->cycle);
    m_feedback->setHtml(answers ? FeedbackHtml::fullView(asked, *answers, dimensions)
                                : FeedbackHtml::requestsOnly(asked));
}

void ReviewsView::updateActions()
{
    const ReviewRow *r = current();
    const ReviewCycleInfo *c = m_cycles->current();
    const bool open = c && c->open;
    const bool other = r && r->employee != m_context.actor().employeeId;
    const bool manage = m_context.can(u"performance.manage");
    m_rate->setEnabled(open && other && manage);
    m_recordIssue->setEnabled(open && other && manage);
    m_requestFeedback->setEnabled(open && other && manage);
    m_closeCycle->setEnabled(open && m_context.can(u"performance.configure"));
}

void ReviewsView::rate()
{
    const ReviewRow *r = current();
    if (!r || !m_rate->isEnabled())
        return;
    const ReviewRow row = *r;
    RateDialog dialog(m_context, row, this);
    if (dialog.exec() == QDialog::Accepted)
        selectPerson(row.employee);
}

void ReviewsView::recordIssue()
{
    const ReviewRow *r = current();
    if (!r || !m_recordIssue->isEnabled())
        return;
    const ReviewRow row = *r;
    RecordIssueDialog dialog(m_context, row.employee, row.name, row.cycle, this);
    if (dialog.exec() == QDialog::Accepted) {
        selectPerson(row.employee);
        m_tabs->setCurrentIndex(0);
        m_issues->select(dialog.createdId());
    }
}

void ReviewsView::requestFeedback()
{
    const ReviewRow *r = current();
    if (!r || !m_requestFeedback->isEnabled())
        return;
    const ReviewRow row = *r;
    RequestFeedbackDialog dialog(m_context, row.cycle, row.employee, row.name, this);
    if (dialog.exec() == QDialog::Accepted) {
        selectPerson(row.employee);
        m_tabs->setCurrentIndex(1);
    }
}

void ReviewsView::closeCycle()
{
    const ReviewCycleInfo *c = m_cycles->current();
    if (c && m_closeCycle->isEnabled())
        closeCycle(c->id);
}

void ReviewsView::closeCycle(const QUuid &cycle)
{
    auto plan = CycleClose(m_context.store()).plan(m_context.actor(), cycle);
    if (!plan) {
        QMessageBox::warning(this, tr("Close Review Cycle"), plan.error().message);
        return;
    }
    CloseCycleDialog dialog(m_context, *plan, this);
    dialog.exec();
}

} // namespace baton
