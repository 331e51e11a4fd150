#pragma once

#include "performance/indicatorscore.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace baton::performance {

// A bonus can at most be forfeited, never turned into a debt: adjustments
// of a cycle never take more than the whole bonus (-100%), however many
// rules fire. Anything beyond that would be a deduction from pay, which is
// not performance management's to decide.
inline constexpr int MinBonusAdjustment = -FullWeight;

// What a rule does to the person for the cycle (the article's "delivery
// late: -10% of the performance bonus", "customer complaint: affects
// promotion").
struct ConsequenceEffect
{
    enum class Kind {
        BonusAdjustment,  // bonusBasisPoints of the cycle's bonus, + or -
        NoPromotion,      // not eligible for promotion this cycle
        TrainingAssigned, // name: the course
        TitleAwarded,     // name: the title
    };
    Kind kind = Kind::BonusAdjustment;
    int bonusBasisPoints = 0; // -1000 = 10% of the bonus off
    QString name;
};

// When a rule fires.
struct ConsequenceTrigger
{
    enum class Kind {
        IndicatorMissed, // indicator's score below belowPercent
        IssueOccurred,   // issueCategory recorded at least `times` times
    };
    Kind kind = Kind::IndicatorMissed;
    QString indicator;           // IndicatorMissed: the indicator's name, as in the facts
    double belowPercent = 100.0; // IndicatorMissed: missed below this score (100: the target)
    QString issueCategory;       // IssueOccurred: "delivery late", "customer complaint"
    int times = 1;               // IssueOccurred: from this many occurrences in the cycle
};

struct ConsequenceRule
{
    QString name; // for the audit trail: which rule did this
    ConsequenceTrigger trigger;
    ConsequenceEffect effect;
};

// What happened in one person's cycle.
struct CycleFacts
{
    // Scores in percent (indicatorscore.h) by indicator name. An indicator
    // missing here has no data: its rules are undetermined, not fired, since
    // missing data is not a miss (see rollUp in goaltree.h).
    QHash<QString, double> indicatorScores;
    // Occurrences by issue category. A category missing here occurred 0
    // times: an issue that was not recorded did not happen.
    QHash<QString, int> issueCounts;
};

struct AppliedConsequence
{
    QString rule;
    ConsequenceEffect effect;
    QString reason; // "“On-time delivery rate” scored 85%, below 100%: bonus -10%."
};

struct ConsequenceOutcome
{
    QList<AppliedConsequence> applied; // in the rules' order
    QStringList undetermined;          // rules not evaluated for lack of a score
    int bonusBasisPoints = 0;          // the sum, bounded (see apply)
    int unboundedBonusBasisPoints = 0; // the plain sum, kept for the audit
    QString boundNote;                 // why the two differ; empty when they do not
    bool noPromotion = false;
    QStringList trainings; // once each, in the rules' order
    QStringList titles;
};

// Whether the effect is well formed: a bonus adjustment other than 0, not
// below -100% and not above maxBonusBasisPoints; a course or title named.
Status validate(const ConsequenceEffect &effect, int maxBonusBasisPoints = FullWeight);

// "bonus -10%", "no promotion this cycle", "training “…” assigned".
QString describe(const ConsequenceEffect &effect);

// The effects of the rules that fire on the facts, each with its reason.
// Bonus adjustments add up, and the total is bounded to
// [MinBonusAdjustment, maxBonusBasisPoints] (maxBonusBasisPoints itself at
// least 0): two late deliveries at -60% each forfeit the bonus, no more.
// Invalid rules (unnamed, no indicator or category, times below 1, a
// non-finite belowPercent, an invalid effect) refuse the whole set, so a
// typo cannot silently switch a rule off.
Result<ConsequenceOutcome> apply(const QList<ConsequenceRule> &rules, const CycleFacts &facts,
                                 int maxBonusBasisPoints = FullWeight);

} // namespace baton::performance
