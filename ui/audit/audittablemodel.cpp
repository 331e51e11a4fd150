#include "audittablemodel.h"

#include "auditactions.h"
#include "common/appcontext.h"
#include "oplog/uuidv7.h"
#include "store/database.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <memory>

namespace baton {

namespace {

// Runs on a worker thread; a connection belongs to the thread that opens it.
template<typename Read>
auto onReader(const QString &path, Read read)
{
    return [path, read] {
        auto db = Database::openSqlite({path, Database::Mode::ReadOnly, 5000});
        if (!db)
            return read(nullptr, db.error().message);
        return read(db->get(), QString());
    };
}

// The end of a UUIDv7 is random; its start is a timestamp shared by
// records made in the same minute.
QString shortId(const QUuid &id)
{
    return idString(id).right(8);
}

} // namespace

AuditTableModel::AuditTableModel(AppContext &context, QObject *parent)
    : QAbstractTableModel(parent)
    , m_context(context)
    , m_path(context.store().database().path())
{
    connect(&m_context, &AppContext::dataChanged, this, [this](const QSet<QString> &entities) {
        if (entities.contains(QStringLiteral("audit")))
            refresh();
    });
    reload();
}

void AuditTableModel::setQuery(const AuditQuery &query, qint64 fromSeq)
{
    m_query = query;
    m_fromSeq = std::max<qint64>(fromSeq, 0);
    reload();
}

void AuditTableModel::refresh()
{
    startCount();
    if (m_fromSeq != 0)
        return; // newer entries lie above what is shown; the count says so
    if (m_loading) {
        m_refreshWanted = true;
        return;
    }
    startPage(m_rows.isEmpty() ? LoadKind::Older : LoadKind::Newer);
}

void AuditTableModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_loading = true; // views asking for more while the reset ends wait for this page
    m_atEnd = false;
    m_refreshWanted = false;
    endResetModel();
    m_count = -1;
    Q_EMIT countChanged(m_count);
    startCount();
    startPage(LoadKind::Older);
}

void AuditTableModel::startPage(LoadKind kind)
{
    m_loading = true;
    const qint64 before = kind == LoadKind::Newer ? 0
                          : m_rows.isEmpty()      ? (m_fromSeq > 0 ? m_fromSeq + 1 : 0)
                                                  : m_rows.constLast().seq;
    const AuditQuery query = m_query;
    auto read = [query, before](Database *db, const QString &error) {
        Reply r;
        r.error = error;
        if (db) {
            auto rows = query.page(*db, before, PageSize);
            if (rows)
                r.rows = *rows;
            else
                r.error = rows.error().message;
        }
        return r;
    };
    auto *watcher = new QFutureWatcher<Reply>(this);
    const quint64 generation = m_generation;
    connect(watcher, &QFutureWatcher<Reply>::finished, this, [this, watcher, generation, kind] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const Reply reply = watcher->result();
        // m_loading stays set while rows go in: a view that asks for more
        // from inside the insertion must not start a second, overlapping page.
        if (!reply.error.isEmpty())
            return fail(reply.error);
        if (kind == LoadKind::Newer)
            applyNewer(reply);
        else
            applyOlder(reply);
        if (m_refreshWanted && !m_loading) {
            m_refreshWanted = false;
            refresh();
        }
    });
    watcher->setFuture(QtConcurrent::run(onReader(m_path, read)));
}

void AuditTableModel::startCount()
{
    // One count at a time; a burst of changes costs one more, not one each.
    if (m_counting) {
        m_recountWanted = true;
        return;
    }
    m_counting = true;
    const AuditQuery query = m_query;
    auto read = [query](Database *db, const QString &error) {
        Reply r;
        r.error = error;
        if (db) {
            auto n = query.count(*db);
            if (n)
                r.count = *n;
            else
                r.error = n.error().message;
        }
        return r;
    };
    auto *watcher = new QFutureWatcher<Reply>(this);
    const quint64 generation = m_generation;
    connect(watcher, &QFutureWatcher<Reply>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_counting = false;
        const Reply reply = watcher->result();
        if (generation == m_generation && !reply.error.isEmpty()) {
            Q_EMIT errorOccurred(reply.error);
        } else if (generation == m_generation) {
            m_count = reply.count;
            Q_EMIT countChanged(m_count);
        }
        if (m_recountWanted) {
            m_recountWanted = false;
            startCount();
        }
    });
    watcher->setFuture(QtConcurrent::run(onReader(m_path, read)));
}

void AuditTableModel::applyOlder(const Reply &reply)
{
    const QList<AuditRow> &rows = reply.rows;
    m_atEnd = reply.rows.size() < PageSize;
    if (!rows.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
        m_rows.append(rows);
        endInsertRows();
    }
    m_loading = false;
    Q_EMIT pageLoaded();
}

void AuditTableModel::applyNewer(const Reply &reply)
{
    const qint64 top = m_rows.isEmpty() ? 0 : m_rows.constFirst().seq;
    QList<AuditRow> newer;
    for (const AuditRow &r : reply.rows)
        if (r.seq > top)
            newer.append(r);
    if (newer.size() == PageSize) {
        // More arrived than one page holds: the gap cannot be bridged.
        reload();
        return;
    }
    if (!newer.isEmpty()) {
        beginInsertRows({}, 0, int(newer.size() - 1));
        m_rows = newer + m_rows;
        endInsertRows();
    }
    m_loading = false;
    Q_EMIT pageLoaded();
}

void AuditTableModel::fail(const QString &message)
{
    m_loading = false;
    m_atEnd = true; // no retry loop from the view; a new query or refresh retries
    Q_EMIT errorOccurred(message);
    Q_EMIT pageLoaded();
}

void AuditTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    // Time's tooltip and the action, outcome and record labels are worded.
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, TimeColumn), index(int(m_rows.size()) - 1, RecordColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole});
}

int AuditTableModel::rowOfSeq(qint64 seq) const
{
    auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), seq,
                               [](const AuditRow &r, qint64 s) { return r.seq > s; });
    return it != m_rows.cend() && it->seq == seq ? int(it - m_rows.cbegin()) : -1;
}

AuditRow AuditTableModel::entryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : AuditRow();
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case Qt::ToolTipRole:
        return toolTip(r, index.column());
    case Qt::ForegroundRole:
        if (index.column() == OutcomeColumn) {
            const QColor c = AuditActions::outcomeColor(r.outcome);
            if (c.isValid())
                return c;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SeqColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SeqRole:
        return r.seq;
    case RawRole:
        switch (index.column()) {
        case SeqColumn:
            return r.seq;
        case TimeColumn:
            return r.timeMs;
        case ActionColumn:
            return r.action;
        case OutcomeColumn:
            return r.outcome;
        case RecordColumn:
            return r.recordId.isNull() ? QString() : idString(r.recordId);
        default:
            return display(r, index.column());
        }
    default:
        return {};
    }
}

QVariant AuditTableModel::display(const AuditRow &r, int column) const
{
    switch (column) {
    case SeqColumn:
        return r.seq;
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(r.timeMs).toLocalTime().toString(
            QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case UserColumn:
        return r.userName;
    case ActionColumn:
        return AuditActions::actionLabel(r.action);
    case OutcomeColumn:
        return AuditActions::outcomeLabel(r.outcome);
    case RecordColumn:
        if (r.recordId.isNull())
            return AuditActions::entityLabel(r.entity);
        //: An audited record: its kind and the start of its id, e.g. "Employee 0190ab12"
        return tr("%1 %2").arg(AuditActions::entityLabel(r.entity), shortId(r.recordId));
    case SummaryColumn:
        return r.summary;
    case DeviceColumn:
        return r.device;
    case IpColumn:
        return r.ip;
    default:
        return {};
    }
}

QVariant AuditTableModel::toolTip(const AuditRow &r, int column) const
{
    switch (column) {
    case TimeColumn: {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(r.timeMs).toLocalTime();
        //: %1 local time with its UTC offset, %2 the same moment in UTC
        return tr("%1 (UTC %2)")
            .arg(local.toString(Qt::ISODateWithMs),
                 local.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
    }
    case ActionColumn:
        return r.action;
    case RecordColumn:
        return r.recordId.isNull() ? QVariant() : QVariant(idString(r.recordId));
    case SummaryColumn:
        return r.summary;
    default:
        return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeqColumn:
        //: Column of audit entry numbers
        return tr("#");
    case TimeColumn:
        return tr("Time");
    case UserColumn:
        return tr("User");
    case ActionColumn:
        return tr("Action");
    case OutcomeColumn:
        return tr("Outcome");
    case RecordColumn:
        return tr("Record");
    case SummaryColumn:
        return tr("Summary");
    case DeviceColumn:
        return tr("Device");
    case IpColumn:
        return tr("IP address");
    default:
        return {};
    }
}

bool AuditTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void AuditTableModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid() && !m_atEnd && !m_loading)
        startPage(LoadKind::Older);
}

} // namespace baton
