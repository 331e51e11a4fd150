#include "issuetree.h"

#include "attributiondialogs.h"
#include "common/appcontext.h"
#include "common/statusmark.h"
#include "performance/reviewentities.h"
#include "reviewformat.h"

#include <QAction>
#include <QHeaderView>
#include <QLocale>

namespace baton {

namespace {

enum Column { Title, Person, Category, Day, Cause };

} // namespace

IssueTree::IssueTree(AppContext &context, bool withPerson, QWidget *parent)
    : QTreeWidget(parent)
    , m_context(context)
    , m_withPerson(withPerson)
    , m_state(new QAction(this))
    , m_confirm(new QAction(this))
    , m_correct(new QAction(this))
{
    setObjectName(QStringLiteral("issueTree"));
    setColumnCount(5);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(Title, QHeaderView::Stretch);
    setColumnHidden(Person, !withPerson);

    // Shortcuts where the issues are: this list and the page around it.
    m_state->setObjectName(QStringLiteral("stateCauseAction"));
    m_confirm->setObjectName(QStringLiteral("confirmCauseAction"));
    m_correct->setObjectName(QStringLiteral("correctCauseAction"));
    m_state->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_confirm->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
    m_correct->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    for (QAction *a : {m_state, m_confirm, m_correct}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_state, &QAction::triggered, this, &IssueTree::stateCause);
    connect(m_confirm, &QAction::triggered, this, &IssueTree::confirmCause);
    connect(m_correct, &QAction::triggered, this, &IssueTree::correctCause);
    connect(this, &QTreeWidget::currentItemChanged, this, &IssueTree::updateActions);
    connect(this, &QTreeWidget::itemActivated, this, [this] {
        if (m_state->isEnabled())
            stateCause();
        else if (m_confirm->isEnabled())
            confirmCause();
    });
    retranslate();
    updateActions();
}

void IssueTree::retranslate()
{
    setHeaderLabels({tr("Issue"), tr("Person"), tr("Kind"), tr("On"), tr("Cause")});
    m_state->setText(tr("&State cause…"));
    m_state->setToolTip(tr("Say what caused this issue in your work (%1)")
                            .arg(m_state->shortcut().toString(QKeySequence::NativeText)));
    m_confirm->setText(tr("C&onfirm cause…"));
    m_confirm->setToolTip(tr("Agree with the cause stated, signed (%1)")
                              .arg(m_confirm->shortcut().toString(QKeySequence::NativeText)));
    m_correct->setText(tr("Co&rrect cause…"));
    m_correct->setToolTip(tr("Name another cause, signed; the statement stays (%1)")
                              .arg(m_correct->shortcut().toString(QKeySequence::NativeText)));
}

void IssueTree::setIssues(const QList<IssueView> &issues)
{
    const IssueView *was = current();
    const QUuid selected = was ? was->id : QUuid();
    m_issues = issues;
    {
        const QSignalBlocker block(this);
        clear();
        QList<QTreeWidgetItem *> items;
        for (const IssueView &i : std::as_const(m_issues)) {
            auto *item = new QTreeWidgetItem;
            item->setText(Title, i.title);
            item->setToolTip(Title, i.detail.isEmpty() ? i.title : i.detail);
            item->setText(Person, i.employeeName);
            item->setText(Category, issue::categoryTitle(i.category));
            item->setText(Day, QLocale().toString(i.occurredOn, QLocale::ShortFormat));
            const AttributionView *d = i.decision();
            item->setText(
                Cause, reviewformat::attributionText(i.stage(), i.cause(), d && d->signatureValid));
            // Waiting on someone amber, settled green, a bad signature red.
            QColor mark(0xf9, 0xa8, 0x25);
            if (d)
                mark = d->signatureValid ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28);
            item->setIcon(Cause, statusMark(mark));
            if (d && !d->signatureValid)
                item->setToolTip(Cause, d->signatureProblem);
            else if (const AttributionView *s = i.stated())
                item->setToolTip(Cause, tr("%1: %2").arg(s->byName, s->statement));
            item->setData(Title, Qt::UserRole, i.id);
            items.append(item);
        }
        addTopLevelItems(items);
    }
    if (!selected.isNull())
        select(selected);
    updateActions();
}

const IssueView *IssueTree::current() const
{
    const QTreeWidgetItem *item = currentItem();
    const QUuid id = item ? item->data(Title, Qt::UserRole).toUuid() : QUuid();
    for (const IssueView &i : m_issues)
        if (i.id == id)
            return &i;
    return nullptr;
}

bool IssueTree::select(const QUuid &issue)
{
    for (int r = 0; r < topLevelItemCount(); ++r)
        if (topLevelItem(r)->data(Title, Qt::UserRole).toUuid() == issue) {
            setCurrentItem(topLevelItem(r));
            return true;
        }
    return false;
}

void IssueTree::updateActions()
{
    const IssueView *i = current();
    const QUuid me = m_context.actor().employeeId;
    const bool mine = i && !me.isNull() && i->employee == me;
    m_state->setEnabled(mine && !i->stated() && m_context.can(u"attribution.state"));
    // Whether this person answers for the employee, the rules judge and say.
    const bool decidable =
        i && !mine && i->stated() && !i->decision() && m_context.can(u"attribution.confirm");
    m_confirm->setEnabled(decidable);
    m_correct->setEnabled(decidable);
}

void IssueTree::stateCause()
{
    const IssueView *i = current();
    if (!i || !m_state->isEnabled())
        return;
    StateCauseDialog dialog(m_context, *i, this);
    dialog.exec();
}

void IssueTree::confirmCause()
{
    const IssueView *i = current();
    if (!i || !m_confirm->isEnabled())
        return;
    DecideCauseDialog dialog(m_context, *i, DecideCauseDialog::Mode::Confirm, this);
    dialog.exec();
}

void IssueTree::correctCause()
{
    const IssueView *i = current();
    if (!i || !m_correct->isEnabled())
        return;
    DecideCauseDialog dialog(m_context, *i, DecideCauseDialog::Mode::Correct, this);
    dialog.exec();
}

} // namespace baton
