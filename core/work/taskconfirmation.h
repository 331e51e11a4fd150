#pragma once

#include "policy/policy.h"
#include "util/result.h"
#include "workflow/signingkeys.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QUuid>

namespace baton {

class Store;

// What a supervisor signs when confirming progress ("Q3 requirements
// document done, confirmed by the manager on date"): the task, the report
// confirmed, the statement, the progress, the time and who. Its canonical
// JSON is the content of a detached CMS signature, kept verbatim on the
// task_confirmation record, as an approval decision's is.
struct ConfirmationContent
{
    Q_DECLARE_TR_FUNCTIONS(ConfirmationContent)
public:
    static constexpr const char *Type = "baton.task.confirmation/1";

    QUuid taskId;
    QUuid updateId; // null: the task as it stands
    QString statement;
    qint64 progress = 0;
    qint64 confirmedMs = 0;
    QUuid actorEmployee;
    QUuid actorUser;
    QString actorLogin;
    QString device;

    QByteArray canonical() const;
    static Result<ConfirmationContent> parse(const QByteArray &bytes);
};

// Supervisors' signed confirmations of their people's progress.
class TaskConfirmations
{
    Q_DECLARE_TR_FUNCTIONS(TaskConfirmations)
public:
    explicit TaskConfirmations(Store &store)
        : m_store(store)
    { }
    // Signs and records the confirmation (task_confirmation), one batch.
    Result<QUuid> confirm(const Actor &actor, const QUuid &taskId, const QUuid &updateId,
                          const QString &statement, const SigningKeys::Unlocked &signer);

private:
    Store &m_store;
};

} // namespace baton
