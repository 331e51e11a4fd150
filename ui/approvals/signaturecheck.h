#pragma once

#include "workflow/approvalverifier.h"

#include <QFutureWatcher>
#include <QObject>
#include <QUuid>

namespace baton {

// Runs ApprovalVerifier on a worker thread, over a read-only store of its
// own on the same database file, so the window stays responsive while the
// audit chain is recomputed.
class SignatureCheck : public QObject
{
    Q_OBJECT
public:
    explicit SignatureCheck(QObject *parent = nullptr);
    ~SignatureCheck() override;

    void start(const QString &databasePath, const QUuid &requestId);
    bool isRunning() const;
    QUuid requestId() const { return m_requestId; }

Q_SIGNALS:
    // error is translated and empty when the check ran (check says how it went).
    void finished(const QUuid &requestId, const baton::RequestCheck &check, const QString &error);

private:
    struct Reply
    {
        RequestCheck check;
        QString error;
    };
    QFutureWatcher<Reply> *m_watcher;
    QUuid m_requestId;
};

} // namespace baton
