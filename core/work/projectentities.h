#pragma once

#include "util/result.h"

#include <QList>
#include <QString>
#include <QUuid>

namespace baton {

// Projects, their tasks' plan and dependencies (issue 6):
//  - project: a department's project with an owner, dates and a status;
//  - task_dependency: finish-to-start between two tasks of one project,
//    removed by retiring it.
// Tasks gain their project, summary task and order in workentities.cpp.
void registerProjectEntities();

// The plan around one task, read a task at a time: what the checks of a new
// dependency need, so that they stay local however large the project (the
// store's rules read it record by record, the Projects service from a plan
// it has loaded).
class PlanLinks
{
public:
    struct Task
    {
        bool exists = false;
        bool retired = false;
        QUuid project;
        QUuid parent;
        QString title;
    };
    virtual ~PlanLinks() = default;
    virtual Result<Task> task(const QUuid &id) = 0;
    // The task's subtasks in use.
    virtual Result<QList<QUuid>> subtasks(const QUuid &id) = 0;
    // The tasks that depend on it, through dependencies in use.
    virtual Result<QList<QUuid>> successors(const QUuid &id) = 0;
};

// May `after` depend on `before` (finish-to-start) in `project`? Both tasks
// exist, are in use and in the project, differ, neither contains the other,
// the pair is not there already, and no circle follows (through
// dependencies and summary tasks, whose dependencies hold for their
// subtasks). Errors name the tasks by title.
Status checkNewDependency(PlanLinks &links, const QUuid &project, const QUuid &before,
                          const QUuid &after);

} // namespace baton
