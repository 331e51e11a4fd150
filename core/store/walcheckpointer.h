#pragma once

#include <QString>

#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

namespace baton {

// Copies a SQLite file's write-ahead log back into the file from a thread
// and connection of its own, every interval, so that the writer's commits
// seldom pay for it (SQLite's automatic checkpoint runs inside the commit
// that crosses its threshold). PASSIVE: it never waits for, or blocks, the
// writer or readers.
// The writer's connection raises its own checkpoint threshold only once
// start() has succeeded (Database::openSqlite).
class WalCheckpointer
{
public:
    WalCheckpointer(QString path, int intervalMs);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Starts the thread and opens its connection; false (with a warning in
    // the log) when the connection cannot be opened.
    bool start();

private:
    void run(std::promise<bool> *opened);

    QString m_path;
    int m_intervalMs;
    std::thread m_thread;
    std::mutex m_lock;
    std::condition_variable m_wake;
    bool m_stop = false;
};

} // namespace baton
