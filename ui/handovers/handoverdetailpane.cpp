#include "handoverdetailpane.h"

#include "approvals/approvalformat.h"
#include "common/appcontext.h"
#include "handover/handoverentities.h"
#include "handoverlookup.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace baton {

namespace {

QLabel *sectionTitle(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont f = label->font();
    f.setWeight(QFont::DemiBold);
    label->setFont(f);
    return label;
}

QTableWidget *table(int columns, QWidget *parent)
{
    auto *t = new QTableWidget(0, columns, parent);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}

} // namespace

HandoverDetailPane::HandoverDetailPane(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_leaver(new QLabel(this))
    , m_departureLabel(new QLabel(this))
    , m_departure(new QLabel(this))
    , m_successorsLabel(new QLabel(this))
    , m_successors(new QLabel(this))
    , m_supervisorLabel(new QLabel(this))
    , m_supervisor(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_status(new QLabel(this))
    , m_reasonLabel(new QLabel(this))
    , m_reason(new QLabel(this))
    , m_checklistTitle(sectionTitle(this))
    , m_checklist(table(ChecklistColumnCount, this))
    , m_signOffTitle(sectionTitle(this))
    , m_signOffState(new QLabel(this))
    , m_steps(table(StepColumnCount, this))
{
    setObjectName(QStringLiteral("handoverDetail"));
    m_leaver->setObjectName(QStringLiteral("handoverLeaver"));
    m_departure->setObjectName(QStringLiteral("handoverDeparture"));
    m_successors->setObjectName(QStringLiteral("handoverSuccessors"));
    m_supervisor->setObjectName(QStringLiteral("handoverSupervisor"));
    m_status->setObjectName(QStringLiteral("handoverStatus"));
    m_reason->setObjectName(QStringLiteral("handoverReason"));
    m_checklist->setObjectName(QStringLiteral("handoverChecklist"));
    m_signOffState->setObjectName(QStringLiteral("handoverSignOffState"));
    m_steps->setObjectName(QStringLiteral("handoverSignOffSteps"));

    QFont big = m_leaver->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setWeight(QFont::DemiBold);
    m_leaver->setFont(big);
    for (QLabel *l :
         {m_leaver, m_departure, m_successors, m_supervisor, m_status, m_reason, m_signOffState}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_departureLabel, m_departure);
    form->addRow(m_successorsLabel, m_successors);
    form->addRow(m_supervisorLabel, m_supervisor);
    form->addRow(m_statusLabel, m_status);
    form->addRow(m_reasonLabel, m_reason);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addWidget(m_leaver);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(m_checklistTitle);
    layout->addWidget(m_checklist, 3);
    layout->addSpacing(8);
    layout->addWidget(m_signOffTitle);
    layout->addWidget(m_signOffState);
    layout->addWidget(m_steps, 2);

    connect(m_checklist, &QTableWidget::currentCellChanged, this,
            &HandoverDetailPane::currentItemChanged);
    retranslate();
    clear();
}

void HandoverDetailPane::clear()
{
    m_case = {};
    m_request = {};
    m_requestError.clear();
    for (QLabel *l :
         {m_leaver, m_departure, m_successors, m_supervisor, m_status, m_reason, m_signOffState})
        l->clear();
    m_status->setStyleSheet(QString());
    m_checklist->setRowCount(0);
    m_steps->setRowCount(0);
    m_checklistTitle->setText(tr("Checklist"));
    setEnabled(false);
    Q_EMIT currentItemChanged();
}

void HandoverDetailPane::showCase(const HandoverCase &handover, HandoverLookup &lookup)
{
    const QUuid item = handover.id == m_case.id ? currentItem() : QUuid();
    m_case = handover;
    setEnabled(true);
    QString leaver = lookup.person(handover.leaver);
    if (const QString department = lookup.departmentOf(handover.leaver); !department.isEmpty())
        leaver = tr("%1 · %2").arg(leaver, department);
    m_leaver->setText(leaver);
    m_departure->setText(HandoverLookup::date(handover.departureDate));
    m_successors->setText(lookup.people(handover.successors));
    m_supervisor->setText(lookup.person(handover.supervisor));
    QString status = HandoverLookup::statusText(handover.status);
    if (handover.completedMs > 0)
        status = tr("%1 on %2").arg(status, ApprovalFormat::time(handover.completedMs));
    const QString startedBy = lookup.person(handover.startedBy);
    status +=
        QStringLiteral(" · ")
        + (startedBy.isEmpty()
               ? tr("started %1").arg(ApprovalFormat::time(handover.startedMs))
               : tr("started %1 by %2").arg(ApprovalFormat::time(handover.startedMs), startedBy));
    m_status->setText(status);
    const QColor color = HandoverLookup::statusColor(handover.status);
    m_status->setStyleSheet(color.isValid()
                                ? QStringLiteral("color: %1; font-weight: 600;").arg(color.name())
                                : QString());
    m_reason->setText(handover.reason);
    m_reasonLabel->setVisible(!handover.reason.isEmpty());
    m_reason->setVisible(!handover.reason.isEmpty());

    m_request = {};
    m_requestError.clear();
    if (!handover.requestId.isNull()) {
        auto v = Approvals(m_context.store()).detail(m_context.actor(), handover.requestId);
        if (v)
            m_request = *v;
        else
            m_requestError = v.error().message;
    }
    fillChecklist(lookup);
    fillSignOff();
    if (!item.isNull())
        selectItem(item);
    Q_EMIT currentItemChanged();
}

void HandoverDetailPane::fillChecklist(HandoverLookup &lookup)
{
    const QSignalBlocker blocker(m_checklist);
    const QList<ChecklistItem> &items = m_case.items;
    m_checklistTitle->setText(tr("Checklist (%1)").arg(items.size()));
    m_checklist->setRowCount(int(items.size()));
    for (int row = 0; row < items.size(); ++row) {
        const ChecklistItem &i = items.at(row);
        const QString receiver = lookup.person(i.receiver);
        const QStringList cells = {handover::itemKindTitle(i.kind), i.title, i.detail,
                                   receiver.isEmpty() ? tr("Nobody") : receiver};
        for (int column = 0; column < ChecklistColumnCount; ++column) {
            auto *cell = new QTableWidgetItem(cells.at(column));
            cell->setData(Qt::UserRole, i.id);
            cell->setToolTip(cells.at(column));
            m_checklist->setItem(row, column, cell);
        }
        if (receiver.isEmpty())
            m_checklist->item(row, ReceiverColumn)->setForeground(palette().placeholderText());
    }
    m_checklist->resizeColumnsToContents();
    m_checklist->setCurrentCell(-1, -1);
}

void HandoverDetailPane::fillSignOff()
{
    const Approvals::RequestView &v = m_request;
    m_steps->setRowCount(0);
    m_signOffState->setStyleSheet(QString());
    if (m_case.requestId.isNull()) {
        m_signOffState->setText(
            m_case.status == QLatin1String(handover::Cancelled)
                ? tr("Cancelled before it was submitted for sign-off.")
                : tr("Not submitted yet: the checklist can still change. Once submitted, the "
                     "leaver, the successors and the supervisor each sign it."));
        return;
    }
    if (v.id.isNull()) {
        m_signOffState->setText(m_requestError);
        return;
    }
    const qint64 now = m_context.store().nowMs();
    QString state = ApprovalFormat::stateText(v, now);
    if (v.progress.state == RequestProgress::State::InProgress && !v.waitingOn.isEmpty())
        state = tr("%1 — waiting on %2 (%3)").arg(state, v.waitingOn, v.waitingTitle);
    m_signOffState->setText(state);
    m_signOffState->setStyleSheet(ApprovalFormat::styleSheet(ApprovalFormat::stateTone(v, now)));
    int rounds = 1;
    for (const Approvals::StepView &s : v.steps)
        rounds = qMax(rounds, s.round);
    m_steps->setRowCount(int(v.steps.size()));
    for (int row = 0; row < v.steps.size(); ++row) {
        const Approvals::StepView &s = v.steps.at(row);
        QString who = s.whoActs();
        if (!s.decidedByName.isEmpty() && s.decidedByName != who)
            who = tr("%1 (decided by %2)").arg(who, s.decidedByName);
        const bool pending = s.state == QLatin1String(approval::Pending);
        const bool waiting = v.progress.waitingSteps.contains(s.id);
        const QString decision =
            pending && !waiting ? tr("Not reached") : ApprovalFormat::stepStateTitle(s.state);
        const QStringList cells = {rounds > 1 ? tr("Round %1: %2").arg(s.round).arg(s.title)
                                              : s.title,
                                   who, decision, s.opinion, ApprovalFormat::time(s.decidedMs)};
        for (int column = 0; column < StepColumnCount; ++column) {
            auto *cell = new QTableWidgetItem(cells.at(column));
            cell->setData(Qt::UserRole, s.id);
            cell->setToolTip(cells.at(column));
            m_steps->setItem(row, column, cell);
        }
        const QColor color = pending && !waiting
                                 ? QColor()
                                 : ApprovalFormat::color(ApprovalFormat::stepTone(s.state));
        if (color.isValid()) {
            m_steps->item(row, DecisionColumn)->setForeground(color);
            m_steps->item(row, DecisionColumn)
                ->setIcon(ApprovalFormat::icon(ApprovalFormat::stepTone(s.state)));
        }
    }
    m_steps->resizeColumnsToContents();
}

bool HandoverDetailPane::signOffApproved() const
{
    return !m_request.id.isNull() && m_request.id == m_case.requestId
           && m_request.progress.state == RequestProgress::State::Approved;
}

QUuid HandoverDetailPane::currentItem() const
{
    const int row = m_checklist->currentRow();
    if (row < 0 || !m_checklist->item(row, 0))
        return {};
    return m_checklist->item(row, 0)->data(Qt::UserRole).toUuid();
}

bool HandoverDetailPane::selectItem(const QUuid &itemId)
{
    for (int row = 0; row < m_checklist->rowCount(); ++row)
        if (m_checklist->item(row, 0)->data(Qt::UserRole).toUuid() == itemId) {
            m_checklist->setCurrentCell(row, 0);
            return true;
        }
    return false;
}

void HandoverDetailPane::retranslate()
{
    m_departureLabel->setText(tr("Departure:"));
    m_successorsLabel->setText(tr("Successors:"));
    m_supervisorLabel->setText(tr("Supervisor:"));
    m_statusLabel->setText(tr("Status:"));
    m_reasonLabel->setText(tr("Reason:"));
    m_signOffTitle->setText(tr("Sign-off"));
    m_checklist->setHorizontalHeaderLabels({tr("Kind"), tr("Item"), tr("Detail"), tr("Receiver")});
    m_steps->setHorizontalHeaderLabels(
        {tr("Step"), tr("Who"), tr("Decision"), tr("Opinion"), tr("Decided")});
    if (m_case.id.isNull())
        m_checklistTitle->setText(tr("Checklist"));
    else
        m_checklistTitle->setText(tr("Checklist (%1)").arg(m_case.items.size()));
}

} // namespace baton
