#pragma once

#include "performance/consequences.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace baton::performance {

// One step of a grade scale: scores (percent, as indicator scores) from
// minScore up to the next grade's minScore get this grade.
struct Grade
{
    QString name; // "Excellent", "优秀"
    double minScore = 0.0;
};

// The company's grades from the lowest up. Only make() builds one, so a
// GradeScale in hand is always valid.
class GradeScale
{
    Q_DECLARE_TR_FUNCTIONS(GradeScale)
public:
    // At least one grade; names given and unique (ignoring case); minimums
    // finite, strictly ascending in the order given, the first exactly 0 so
    // that every score has a grade. Listed out of order is refused rather
    // than sorted: a scale typed in the wrong order is likelier a mistake
    // in a minimum than a wish.
    static Status validate(const QList<Grade> &grades);
    static Result<GradeScale> make(const QList<Grade> &grades);

    // The highest grade whose minimum the score reaches; scores above the
    // last minimum (over-achievement up to the cap) get the top grade.
    // Negative or non-finite scores are refused.
    Result<QString> gradeFor(double score) const;

    // 0 for the lowest grade; -1 for a name not on the scale.
    int rank(const QString &grade) const;
    const QList<Grade> &grades() const { return m_grades; }

private:
    GradeScale() = default;
    QList<Grade> m_grades;
};

enum class CycleLength { Month, Quarter };

// A review cycle: month 1..12 or quarter 1..4 of a year.
struct ReviewCycle
{
    CycleLength length = CycleLength::Month;
    int year = 0;
    int number = 0;

    bool isValid() const;
    ReviewCycle next() const; // 2025-12 → 2026-01, 2025 Q4 → 2026 Q1
    QString label() const;    // "2025-03", "2025 Q1"
    friend bool operator==(const ReviewCycle &, const ReviewCycle &) = default;
};

struct CycleGrade
{
    ReviewCycle cycle;
    QString grade; // a name on the scale (GradeScale::gradeFor of the cycle's score)
};

enum class GradeBound {
    AtLeast, // this grade or better: "excellent months"
    AtMost,  // this grade or worse: "a failing grade"
};

// "Three consecutive excellent months earn the 'responsibility model'
// title" (the article's 连续3个月绩效优秀 → 责任标兵), "a failing grade assigns
// responsibility training" (绩效不合格 → 责任管理培训).
struct StreakRule
{
    QString name;
    CycleLength cycleLength = CycleLength::Month; // cycles of other lengths are not counted
    QString grade;
    GradeBound bound = GradeBound::AtLeast;
    int consecutive = 1; // how many qualifying cycles in a row
    ConsequenceEffect effect;
};

struct StreakOutcome
{
    QString rule;
    ConsequenceEffect effect;
    bool award = false;        // a title or a bonus raise; otherwise a penalty
    QList<ReviewCycle> cycles; // the cycles that earned it, oldest first
    QString reason;            // for the audit trail
};

// The awards and penalties a person's history earns, rule by rule, each
// streak oldest first. A streak is broken by a cycle that does not qualify
// and by a gap: a missing month is not an excellent month. Streaks do not
// overlap: once a streak earns, counting starts again, so six excellent
// months earn the title twice and one failing month assigns training once,
// never three excellent months in a row counting towards three awards.
// The history may be in any order; a cycle graded twice, an invalid cycle,
// a grade not on the scale, or an invalid rule refuses it all.
Result<QList<StreakOutcome>> evaluateStreaks(const GradeScale &scale,
                                             const QList<StreakRule> &rules,
                                             const QList<CycleGrade> &history);

} // namespace baton::performance
