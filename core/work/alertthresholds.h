#pragma once

#include "policy/policy.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>

namespace baton {

class Store;

// When a warning is raised (issue 6, item 4), set by HR for the company in
// the performance setting "alert_thresholds", a JSON object:
//   {"task_overdue_days": 2, "report_grace_days": 1, "approval_late_hours": 48}
// Each a positive whole number; a key not set takes its default.
struct AlertThresholds
{
    Q_DECLARE_TR_FUNCTIONS(AlertThresholds)
public:
    // A task this many days past its due date warns its owner and their
    // supervisor: due on the 1st, the warning comes on the 3rd.
    int taskOverdueDays = 2;
    // Last week's report is missing this many days into the next week:
    // due by the end of Monday, missing from Tuesday.
    int reportGraceDays = 1;
    // An approval step without a deadline of its own is late this many
    // hours after it began to wait on its approver.
    int approvalLateHours = 48;

    static inline constexpr char TaskOverdueDaysKey[] = "task_overdue_days";
    static inline constexpr char ReportGraceDaysKey[] = "report_grace_days";
    static inline constexpr char ApprovalLateHoursKey[] = "approval_late_hours";
    // The bounds of each (at least 1).
    static inline constexpr int MaxTaskOverdueDays = 365;
    static inline constexpr int MaxReportGraceDays = 6;
    static inline constexpr int MaxApprovalLateHours = 24 * 90;

    bool operator==(const AlertThresholds &o) const
    {
        return taskOverdueDays == o.taskOverdueDays && reportGraceDays == o.reportGraceDays
               && approvalLateHours == o.approvalLateHours;
    }

    // Empty when every value is in range; otherwise what is wrong, translated.
    QString problem() const;
    QJsonObject toJson() const;
    // Strict, the check of every write of the setting (PerformanceSettings::
    // check): null gives the defaults; anything but an object of the keys
    // above, each a positive whole number in range, is refused with a
    // message naming the key and the value.
    static Result<AlertThresholds> fromJson(const QJsonValue &value);

    // The company's thresholds. Lenient, as a warning must still be raised:
    // a value the setting lacks, or that is out of range (written by an
    // older or a forged client), takes its default.
    static Result<AlertThresholds> read(Store &store);
    // HR's change (policy performance.configure), checked first.
    static Status save(Store &store, const Actor &actor, const AlertThresholds &thresholds);
};

} // namespace baton
