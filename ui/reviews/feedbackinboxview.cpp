#include "feedbackinboxview.h"

#include "answerfeedbackdialog.h"
#include "common/appcontext.h"
#include "feedbackhtml.h"
#include "people/emptystatewidget.h"
#include "performance/reviewentities.h"
#include "reviewformat.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace baton {

namespace {

enum Column { Subject, Relation, Cycle, AskedBy, AskedOn, Columns };

} // namespace

FeedbackInboxView::FeedbackInboxView(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_waitingTitle(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyStateWidget(this))
    , m_requests(
          reviewformat::makeTree(this, "feedbackRequestsView", QStringList(Columns, QString())))
    , m_ownTitle(new QLabel(this))
    , m_cycles(new CyclePicker(context, this))
    , m_own(new QTextBrowser(this))
    , m_answer(new QAction(this))
{
    setObjectName(QStringLiteral("feedbackInboxView"));
    m_own->setObjectName(QStringLiteral("ownFeedbackView"));
    m_own->setOpenLinks(false);
    m_empty->setObjectName(QStringLiteral("feedbackInboxEmpty"));
    m_answer->setObjectName(QStringLiteral("answerFeedbackAction"));
    m_answer->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_answer->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_answer);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_waitingTitle, 1);
    auto *answerButton = new QToolButton(this);
    answerButton->setDefaultAction(m_answer);
    answerButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(answerButton);
    m_stack->addWidget(m_requests);
    m_stack->addWidget(m_empty);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_stack);

    auto *ownBar = new QHBoxLayout;
    ownBar->addWidget(m_ownTitle, 1);
    ownBar->addWidget(m_cycles);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 4, 0, 0);
    bottomLayout->addLayout(ownBar);
    bottomLayout->addWidget(m_own);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_answer, &QAction::triggered, this, &FeedbackInboxView::answer);
    connect(m_requests, &QTreeWidget::currentItemChanged, this,
            [this] { m_answer->setEnabled(current() != nullptr); });
    connect(m_requests, &QTreeWidget::itemActivated, this, &FeedbackInboxView::answer);
    connect(m_cycles, &CyclePicker::cycleChanged, this, &FeedbackInboxView::showOwn);
    connect(&context, &AppContext::dataChanged, this, [this](const QSet<QString> &entities) {
        static const QSet<QString> mine{
            QStringLiteral("feedback_request"), QStringLiteral("feedback_answer"),
            QStringLiteral("review_cycle"), QStringLiteral("performance_setting")};
        if (!entities.intersects(mine))
            return;
        if (entities.contains(QStringLiteral("review_cycle")))
            m_cycles->reload();
        reload();
    });
    retranslate();
    reload();
}

void FeedbackInboxView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_cycles->reload();
        reload();
    }
    QWidget::changeEvent(event);
}

void FeedbackInboxView::retranslate()
{
    m_requests->setHeaderLabels(
        {tr("About"), tr("You answer as"), tr("Cycle"), tr("Asked by"), tr("Asked on")});
    m_waitingTitle->setText(m_waiting.isEmpty()
                                ? tr("<b>Asked of you</b>")
                                : tr("<b>Asked of you (%1)</b>").arg(m_waiting.size()));
    m_answer->setText(tr("&Answer…"));
    m_answer->setToolTip(tr("Answer the selected request (%1)")
                             .arg(m_answer->shortcut().toString(QKeySequence::NativeText)));
    m_ownTitle->setText(tr("<b>Your 360 feedback</b>"));
    m_empty->setTitle(tr("Nothing waiting on you"));
    m_empty->setMessage(tr("When you are asked for feedback on a colleague, or to enter a "
                           "customer's answer, the request appears here."));
}

void FeedbackInboxView::reload()
{
    const FeedbackRequestView *was = current();
    const QUuid selected = was ? was->id : QUuid();
    m_waiting.clear();
    const QUuid me = m_context.actor().employeeId;
    if (!me.isNull())
        if (auto w = Feedback(m_context.store()).waitingOn(me))
            m_waiting = *w;
    {
        const QSignalBlocker block(m_requests);
        m_requests->clear();
        for (const FeedbackRequestView &r : std::as_const(m_waiting)) {
            auto *item = new QTreeWidgetItem(m_requests);
            item->setText(Subject, r.customer.isNull()
                                       ? r.subjectName
                                       : tr("%1, for %2").arg(r.subjectName, r.customerName));
            item->setText(Relation, feedback::relationTitle(r.relation));
            item->setText(Cycle, r.cycleTitle);
            item->setText(AskedBy, r.requestedByName);
            item->setText(AskedOn, reviewformat::timeText(r.requestedMs));
            item->setData(Subject, Qt::UserRole, r.id);
        }
    }
    m_stack->setCurrentIndex(m_waiting.isEmpty() ? 1 : 0);
    if (!selected.isNull())
        selectRequest(selected);
    if (!current() && m_requests->topLevelItemCount() > 0)
        m_requests->setCurrentItem(m_requests->topLevelItem(0));
    m_answer->setEnabled(current() != nullptr);
    retranslate();
    showOwn();
    Q_EMIT waitingCountChanged(waitingCount());
}

void FeedbackInboxView::showOwn()
{
    const QUuid me = m_context.actor().employeeId;
    const QUuid cycle = m_cycles->cycle();
    if (me.isNull() || cycle.isNull()) {
        m_own->setHtml(QStringLiteral("<p style='color:gray'>%1</p>")
                           .arg(tr("Your feedback appears here once a review cycle is open.")));
        return;
    }
    Feedback fb(m_context.store());
    auto dims = fb.dimensions();
    auto view = fb.visibleView(me, cycle);
    if (!view || !dims) {
        m_own->setHtml((view ? dims.error() : view.error()).message.toHtmlEscaped());
        return;
    }
    QHash<QUuid, QString> names;
    for (const performance::RoleFeedback &role : view->view.roles)
        for (const performance::VisibleComment &c : role.comments)
            if (!c.author.isNull())
                if (auto p = m_context.directory().person(c.author))
                    names.insert(c.author, p->name);
    m_own->setHtml(FeedbackHtml::subjectView(*view, *dims, names));
}

const FeedbackRequestView *FeedbackInboxView::current() const
{
    const QTreeWidgetItem *item = m_requests->currentItem();
    const QUuid id = item ? item->data(Subject, Qt::UserRole).toUuid() : QUuid();
    for (const FeedbackRequestView &r : m_waiting)
        if (r.id == id)
            return &r;
    return nullptr;
}

bool FeedbackInboxView::selectRequest(const QUuid &id)
{
    for (int i = 0; i < m_requests->topLevelItemCount(); ++i)
        if (m_requests->topLevelItem(i)->data(Subject, Qt::UserRole).toUuid() == id) {
            m_requests->setCurrentItem(m_requests->topLevelItem(i));
            return true;
        }
    return false;
}

void FeedbackInboxView::answer()
{
    const FeedbackRequestView *r = current();
    if (!r)
        return;
    const FeedbackRequestView request = *r;
    AnswerFeedbackDialog dialog(m_context, request, this);
    dialog.exec();
}

} // namespace baton
