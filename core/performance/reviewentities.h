#pragma once

#include <QString>
#include <QStringList>

namespace baton {

// 360 feedback, review results, issues, attributions and awards (issue 6,
// items 5 and 6), registered with the store:
//  - feedback_request: one person asked for feedback on a subject in a
//    cycle (a peer, the manager, someone reporting to them, or a customer
//    whose answer the customer's account owner enters);
//  - feedback_answer: the answer, append-only, once per request; read only
//    by HR and the subject's supervisors: the subject sees the anonymous
//    view of feedbackanonymity.h, never who said what;
//  - review_result: a person's score and grade for a cycle (indicators,
//    feedback, the manager's rating), final once the cycle is closed;
//  - work_issue: something that went wrong, by category, append-only;
//  - attribution: the cause of an issue, append-only: the employee's
//    statement, then a supervisor's signed confirmation or correction;
//  - award: a title, a training, a bonus adjustment or no promotion,
//    append-only, with the rule and reason that gave it.
void registerReviewEntities();

namespace feedback {
inline constexpr char Peer[] = "peer";
inline constexpr char Manager[] = "manager";
inline constexpr char Subordinate[] = "subordinate";
inline constexpr char Customer[] = "customer";
QStringList relations();
QString relationTitle(const QString &relation); // translated
} // namespace feedback

namespace issue {
inline constexpr char DeliveryLate[] = "delivery_late";
inline constexpr char DocumentMissing[] = "document_missing";
inline constexpr char Communication[] = "communication";
inline constexpr char Quality[] = "quality";
inline constexpr char Other[] = "other";
QStringList categories();
QString categoryTitle(const QString &category); // translated
} // namespace issue

namespace attribution {
inline constexpr char Stated[] = "stated";
inline constexpr char Confirmed[] = "confirmed";
inline constexpr char Corrected[] = "corrected";
QStringList stages();
QString stageTitle(const QString &stage); // translated

inline constexpr char Ability[] = "ability";
inline constexpr char Resources[] = "resources";
inline constexpr char Process[] = "process";
inline constexpr char Equipment[] = "equipment";
inline constexpr char External[] = "external";
QStringList causes();
QString causeTitle(const QString &cause); // translated
} // namespace attribution

namespace award {
inline constexpr char Title[] = "title";
inline constexpr char Training[] = "training";
inline constexpr char Bonus[] = "bonus";
inline constexpr char NoPromotion[] = "no_promotion";
QStringList kinds();
QString kindTitle(const QString &kind); // translated
} // namespace award

} // namespace baton
