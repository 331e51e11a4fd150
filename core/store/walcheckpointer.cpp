#include "walcheckpointer.h"

#include "util/logging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>
#include <future>
#include <memory>

namespace baton {

namespace {
QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("baton-checkpoint-%1").arg(++counter);
}
} // namespace

WalCheckpointer::WalCheckpointer(QString path, int intervalMs)
    : m_path(std::move(path))
    , m_intervalMs(intervalMs)
{ }

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(m_lock);
        m_stop = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

bool WalCheckpointer::start()
{
    // Shared: the thread may still be inside set_value() when get() returns.
    auto opened = std::make_shared<std::promise<bool>>();
    std::future<bool> result = opened->get_future();
    m_thread = std::thread([this, opened] { run(opened.get()); });
    if (result.get())
        return true;
    m_thread.join();
    return false;
}

void WalCheckpointer::run(std::promise<bool> *opened)
{
    const QString name = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        // A checkpoint that finds the file busy simply tries again later.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
        if (!db.open()) {
            qCWarning(lcStore) << "background checkpoints unavailable:" << db.lastError().text();
            opened->set_value(false);
        } else {
            opened->set_value(true);
            QSqlQuery checkpoint(db);
            std::unique_lock lock(m_lock);
            for (;;) {
                m_wake.wait_for(lock, std::chrono::milliseconds(m_intervalMs),
                                [this] { return m_stop; });
                if (m_stop)
                    break;
                lock.unlock();
                if (!checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
                    qCDebug(lcStore) << "checkpoint:" << checkpoint.lastError().text();
                checkpoint.finish();
                lock.lock();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace baton
