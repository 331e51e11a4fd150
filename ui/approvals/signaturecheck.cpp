#include "signaturecheck.h"

#include "store/store.h"

#include <QtConcurrent/QtConcurrentRun>

namespace baton {

SignatureCheck::SignatureCheck(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFutureWatcher<Reply>(this))
{
    connect(m_watcher, &QFutureWatcher<Reply>::finished, this, [this] {
        const Reply reply = m_watcher->result();
        Q_EMIT finished(m_requestId, reply.check, reply.error);
    });
}

SignatureCheck::~SignatureCheck()
{
    // The worker holds no pointer to this object; wait so that it does not
    // outlive the application's event loop.
    m_watcher->waitForFinished();
}

bool SignatureCheck::isRunning() const
{
    return m_watcher->isRunning();
}

void SignatureCheck::start(const QString &databasePath, const QUuid &requestId)
{
    if (isRunning())
        return;
    m_requestId = requestId;
    m_watcher->setFuture(QtConcurrent::run([databasePath, requestId]() -> Reply {
        Reply reply;
        Store::Options options;
        options.path = databasePath;
        options.mode = Database::Mode::ReadOnly;
        auto store = Store::open(options);
        if (!store) {
            reply.error = store.error().message;
            return reply;
        }
        auto check = ApprovalVerifier::verify(**store, requestId);
        if (!check)
            reply.error = check.error().message;
        else
            reply.check = *check;
        return reply;
    }));
}

} // namespace baton
