#include "approvalsmodel.h"

#include "approvalformat.h"

#include <QFont>

namespace baton {

ApprovalsModel::ApprovalsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ApprovalsModel::setRequests(const QList<Approvals::RequestView> &requests, qint64 nowMs,
                                 bool blockedView)
{
    beginResetModel();
    m_rows = requests;
    m_nowMs = nowMs;
    m_blocked = blockedView;
    endResetModel();
}

int ApprovalsModel::rowOf(const QUuid &id) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == id)
            return row;
    return -1;
}

void ApprovalsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ApprovalsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ApprovalsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApprovalsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Approvals::RequestView &v = m_rows.at(index.row());
    if (role == IdRole)
        return v.id;
    const auto tone = ApprovalFormat::stateTone(v, m_nowMs);
    switch (index.column()) {
    case SubjectColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return v.subject;
        if (role == Qt::ToolTipRole)
            return v.body;
        break;
    case WorkflowColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return v.templateName;
        if (role == Qt::ToolTipRole)
            return workflow::kindTitle(v.kind);
        break;
    case AmountColumn:
        if (role == Qt::DisplayRole)
            return ApprovalFormat::money(v.amount, v.currency);
        if (role == SortRole)
            return v.amount;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case SubmitterColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return v.submitterName;
        break;
    case StateColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return ApprovalFormat::stateText(v, m_nowMs);
        if (role == Qt::DecorationRole)
            return ApprovalFormat::icon(tone);
        if (role == Qt::ForegroundRole) {
            const QColor c = ApprovalFormat::color(tone);
            return c.isValid() ? QVariant(c) : QVariant();
        }
        break;
    case WaitingColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            if (m_blocked)
                return v.waitingTitle;
            if (v.progress.state != RequestProgress::State::InProgress)
                return QString();
            return v.waitingTitle.isEmpty() ? v.waitingOn
                                            : tr("%1: %2").arg(v.waitingTitle, v.waitingOn);
        }
        if (role == Qt::ForegroundRole && m_blocked)
            return ApprovalFormat::color(ApprovalFormat::Tone::Bad);
        break;
    case SubmittedColumn:
        if (role == Qt::DisplayRole)
            return ApprovalFormat::time(v.submittedMs);
        if (role == SortRole)
            return v.submittedMs;
        break;
    default:
        break;
    }
    return {};
}

QVariant ApprovalsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SubjectColumn:
        return tr("Subject");
    case WorkflowColumn:
        return tr("Workflow");
    case AmountColumn:
        return tr("Amount");
    case SubmitterColumn:
        return tr("Submitted by");
    case StateColumn:
        return tr("State");
    case WaitingColumn:
        return m_blocked ? tr("Missing step") : tr("Waiting on");
    case SubmittedColumn:
        return tr("Submitted");
    default:
        return {};
    }
}

} // namespace baton
