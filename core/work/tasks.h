#pragma once

#include "policy/policy.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QUuid>

namespace baton {

class Store;

// A task a supervisor gives (policy work.assign).
struct TaskDraft
{
    QUuid owner;
    QString title;
    QString detail;
    QString project;
    QUuid duty;     // optional: the responsibility it serves
    QUuid customer; // optional
    QDate start;
    QDate due;
};

// A progress report in the reporter's own name (policy task.report).
struct ProgressDraft
{
    qint64 progress = 0;
    QString status; // empty: keep the task's, or in progress once begun
    QString note;
};

// Writes of a person's tasks, each one batch through Store::submit.
class Tasks
{
    Q_DECLARE_TR_FUNCTIONS(Tasks)
public:
    explicit Tasks(Store &store)
        : m_store(store)
    { }

    Result<QUuid> create(const Actor &actor, const TaskDraft &draft);
    // Records the report (task_update) and brings the task's progress and
    // status to it, together. Returns the report's id.
    Result<QUuid> report(const Actor &actor, const QUuid &taskId, const ProgressDraft &draft);

private:
    Store &m_store;
};

} // namespace baton
