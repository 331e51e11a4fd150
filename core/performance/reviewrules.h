#pragma once

// What the rules of the review records share (reviewentities.cpp registers
// them; feedbackrules.cpp, reviewrules.cpp and attributionrules.cpp hold
// them). Internal to core/performance.

#include "performance/feedbackanonymity.h"
#include "policy/policy.h"
#include "store/entitydef.h"
#include "store/rulecontext.h"

#include <QCoreApplication>
#include <QJsonValue>

#include <memory>

namespace baton::reviewrules {

// Messages for people, in the context "ReviewRules".
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ReviewRules)
};

inline Error refused(const char *code, const QString &message)
{
    return Error(QString::fromLatin1(code), message);
}

// The employee's record, or an error when it does not exist (or was
// retired). departedToo: someone who has left still counts.
Result<Record> person(RuleContext &ctx, const QUuid &employee, bool departedToo);
QString personName(const Record &employee);

// The department whose managers oversee a person's reviews: the person's
// own, or, when they manage it themselves (its head, or a department
// manager anchored there), the nearest one above that they do not manage;
// null at the top. A scope on it lets supervisors act on and read a
// person's feedback and review without letting the person read what is
// said about them, or rate themselves.
QUuid overseeingDepartment(RuleContext &ctx, const QUuid &employee);

// Whose record it is: the person (own) and their overseeing department.
RecordScope reviewScope(RuleContext &ctx, const QUuid &employee);

// The cycle a record belongs to, which must exist and still be open.
Result<Record> openCycle(RuleContext &ctx, const QUuid &cycle);

// HR (or an administrator) at the op's time.
bool isHr(const Actor &actor);
// Someone who answers for the employee (their manager chain).
bool supervises(RuleContext &ctx, const QUuid &supervisor, const QUuid &employee);

// A company setting as the transaction sees it (null when never set).
Result<QJsonValue> setting(RuleContext &ctx, const char *name);

// Feedback scores as an answer records them (a JSON object, dimension key
// to score): whole numbers within each dimension's range, dimensions of the
// form only, at least one. The refusal names the dimension and its range.
Status checkFeedbackScores(const QString &json,
                           const QList<performance::FeedbackDimension> &dimensions);

std::shared_ptr<const EntityRules> feedbackRequestRules();
std::shared_ptr<const EntityRules> feedbackAnswerRules();
std::shared_ptr<const EntityRules> reviewResultRules();
std::shared_ptr<const EntityRules> workIssueRules();
std::shared_ptr<const EntityRules> attributionRules();
std::shared_ptr<const EntityRules> awardRules();

} // namespace baton::reviewrules
