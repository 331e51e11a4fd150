#pragma once

#include <QString>

namespace baton {

// The records of a person's work (issue 5), registered with the store:
//  - duty: one person's responsibility for a period (from their position
//    description or their own), so that who answered for "customer B
//    renewals" on a given date has an answer;
//  - task: owned by one person, optionally under a duty, a project and a
//    customer, with status, progress and dates; in a project's plan (issue
//    6) it may be a subtask of a summary task of the same project, lying
//    within its dates, and has its place among its siblings;
//  - task_update: a progress report on a task, append-only;
//  - trail_item: one piece of the work trail (an email, a chat message, a
//    document, a note), append-only, deduplicated per person by content hash.
void registerWorkEntities();

namespace task {
inline constexpr char Open[] = "open";
inline constexpr char InProgress[] = "in_progress";
inline constexpr char Done[] = "done";
inline constexpr char Cancelled[] = "cancelled";
QStringList statuses();
bool isFinished(const QString &status);
QString statusTitle(const QString &status); // translated
} // namespace task

namespace trail {
inline constexpr char Email[] = "email";
inline constexpr char Chat[] = "chat";
inline constexpr char Document[] = "document";
inline constexpr char Note[] = "note";
QStringList kinds();
QString kindTitle(const QString &kind); // translated
// Longest body kept in a trail item; longer text is cut (the full document
// stays in the blob store).
inline constexpr int MaxBodyChars = 200000;
} // namespace trail

} // namespace baton
