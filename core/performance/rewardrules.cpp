#include "rewardrules.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace baton::performance {

namespace {

// Messages for people, in the context "RewardRules".
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RewardRules)
};

int cyclesPerYear(CycleLength length)
{
    return length == CycleLength::Month ? 12 : 4;
}

// A total order within one length: year, then number.
int ordinal(const ReviewCycle &c)
{
    return c.year * cyclesPerYear(c.length) + (c.number - 1);
}

bool qualifies(const GradeScale &scale, const StreakRule &rule, const QString &grade)
{
    const int have = scale.rank(grade);
    const int bound = scale.rank(rule.grade);
    return rule.bound == GradeBound::AtLeast ? have >= bound : have <= bound;
}

QString gradePhrase(const GradeScale &scale, const StreakRule &rule)
{
    const int bound = scale.rank(rule.grade);
    const QString name = scale.grades().at(bound).name.trimmed();
    // "“Excellent” or better" when there is better; otherwise just the name.
    if (rule.bound == GradeBound::AtLeast && bound < scale.grades().size() - 1)
        return Tr::tr("“%1” or better").arg(name);
    if (rule.bound == GradeBound::AtMost && bound > 0)
        return Tr::tr("“%1” or worse").arg(name);
    return Tr::tr("“%1”").arg(name);
}

Status validateRule(const GradeScale &scale, const StreakRule &rule)
{
    const QString name = rule.name.trimmed();
    if (name.isEmpty())
        return Error(QStringLiteral("performance.rule_unnamed"), Tr::tr("Name every reward rule."));
    if (scale.rank(rule.grade) < 0)
        return Error(QStringLiteral("performance.unknown_grade"),
                     Tr::tr("The rule “%1” names the grade “%2”, which is not on the grade scale.")
                         .arg(name, rule.grade.trimmed()));
    if (rule.consecutive < 1)
        return Error(QStringLiteral("performance.rule_incomplete"),
                     Tr::tr("The rule “%1” must count at least one cycle.").arg(name));
    if (Status s = validate(rule.effect); !s)
        return Error(s.error().code, Tr::tr("Rule “%1”: %2").arg(name, s.error().message));
    return {};
}

} // namespace

Status GradeScale::validate(const QList<Grade> &grades)
{
    if (grades.isEmpty())
        return Error(QStringLiteral("performance.scale_empty"),
                     tr("The grade scale has no grades."));
    QSet<QString> names;
    for (qsizetype i = 0; i < grades.size(); ++i) {
        const Grade &g = grades.at(i);
        const QString name = g.name.trimmed();
        if (name.isEmpty())
            return Error(QStringLiteral("performance.grade_unnamed"),
                         tr("Name every grade of the scale."));
        if (names.contains(name.toCaseFolded()))
            return Error(QStringLiteral("performance.grade_duplicate"),
                         tr("“%1” appears twice in the grade scale.").arg(name));
        names.insert(name.toCaseFolded());
        if (!std::isfinite(g.minScore) || g.minScore < 0.0)
            return Error(QStringLiteral("performance.grade_minimum"),
                         tr("The grade “%1” must start at a score of 0% or more.").arg(name));
        if (i == 0 && g.minScore != 0.0)
            return Error(QStringLiteral("performance.scale_gap"),
                         tr("The lowest grade, “%1”, starts at %2: the scale must start at 0% so "
                            "that every score has a grade.")
                             .arg(name, percentText(g.minScore)));
        if (i > 0 && g.minScore <= grades.at(i - 1).minScore)
            return Error(QStringLiteral("performance.scale_order"),
                         tr("The grade “%1” starts at %2, not above “%3” (%4): list the grades "
                            "from the lowest up, each starting higher than the one before.")
                             .arg(name, percentText(g.minScore), grades.at(i - 1).name.trimmed(),
                                  percentText(grades.at(i - 1).minScore)));
    }
    return {};
}

Result<GradeScale> GradeScale::make(const QList<Grade> &grades)
{
    if (Status s = validate(grades); !s)
        return s.error();
    GradeScale scale;
    scale.m_grades = grades;
    for (Grade &g : scale.m_grades)
        g.name = g.name.trimmed();
    return scale;
}

Result<QString> GradeScale::gradeFor(double score) const
{
    if (!std::isfinite(score) || score < 0.0)
        return Error(QStringLiteral("performance.invalid_score"),
                     tr("A score must be a number of 0% or more."));
    // Ascending and starting at 0 (validated), so some grade matches.
    QString grade = m_grades.constFirst().name;
    for (const Grade &g : m_grades)
        if (score >= g.minScore)
            grade = g.name;
    return grade;
}

int GradeScale::rank(const QString &grade) const
{
    const QString folded = grade.trimmed().toCaseFolded();
    for (qsizetype i = 0; i < m_grades.size(); ++i)
        if (m_grades.at(i).name.toCaseFolded() == folded)
            return static_cast<int>(i);
    return -1;
}

bool ReviewCycle::isValid() const
{
    return year >= 1 && year <= 9999 && number >= 1 && number <= cyclesPerYear(length);
}

ReviewCycle ReviewCycle::next() const
{
    ReviewCycle n = *this;
    if (++n.number > cyclesPerYear(length)) {
        n.number = 1;
        ++n.year;
    }
    return n;
}

QString ReviewCycle::label() const
{
    if (length == CycleLength::Month)
        return Tr::tr("%1-%2", "year-month").arg(year).arg(number, 2, 10, QLatin1Char('0'));
    return Tr::tr("%1 Q%2", "year and quarter").arg(year).arg(number);
}

Result<QList<StreakOutcome>> evaluateStreaks(const GradeScale &scale,
                                             const QList<StreakRule> &rules,
                                             const QList<CycleGrade> &history)
{
    for (const StreakRule &rule : rules)
        if (Status s = validateRule(scale, rule); !s)
            return s.error();
    QList<CycleGrade> sorted = history;
    for (const CycleGrade &g : std::as_const(sorted)) {
        if (!g.cycle.isValid())
            return Error(QStringLiteral("performance.invalid_cycle"),
                         Tr::tr("A review cycle must be a month (1 to 12) or a quarter (1 to 4) "
                                "of a year."));
        if (scale.rank(g.grade) < 0)
            return Error(QStringLiteral("performance.unknown_grade"),
                         Tr::tr("The grade “%1” of %2 is not on the grade scale.")
                             .arg(g.grade.trimmed(), g.cycle.label()));
    }
    std::sort(sorted.begin(), sorted.end(), [](const CycleGrade &a, const CycleGrade &b) {
        if (a.cycle.length != b.cycle.length)
            return a.cycle.length < b.cycle.length;
        return ordinal(a.cycle) < ordinal(b.cycle);
    });
    for (qsizetype i = 1; i < sorted.size(); ++i)
        if (sorted.at(i).cycle == sorted.at(i - 1).cycle)
            return Error(QStringLiteral("performance.cycle_twice"),
                         Tr::tr("%1 was graded twice; a cycle has one grade.")
                             .arg(sorted.at(i).cycle.label()));

    QList<StreakOutcome> outcomes;
    for (const StreakRule &rule : rules) {
        QList<ReviewCycle> run;
        for (const CycleGrade &g : std::as_const(sorted)) {
            if (g.cycle.length != rule.cycleLength)
                continue;
            if (!qualifies(scale, rule, g.grade)) {
                run.clear();
                continue;
            }
            // After a gap the cycle starts a new streak rather than extending one.
            if (!run.isEmpty() && !(run.constLast().next() == g.cycle))
                run.clear();
            run.append(g.cycle);
            if (run.size() < rule.consecutive)
                continue;
            StreakOutcome o;
            o.rule = rule.name.trimmed();
            o.effect = rule.effect;
            o.award = rule.effect.kind == ConsequenceEffect::Kind::TitleAwarded
                      || (rule.effect.kind == ConsequenceEffect::Kind::BonusAdjustment
                          && rule.effect.bonusBasisPoints > 0);
            o.cycles = run;
            QStringList labels;
            for (const ReviewCycle &c : std::as_const(run))
                labels.append(c.label());
            o.reason = Tr::tr("%1 in %2: %3.")
                           .arg(gradePhrase(scale, rule), labels.join(QStringLiteral(", ")),
                                describe(rule.effect));
            outcomes.append(o);
            run.clear();
        }
    }
    return outcomes;
}

} // namespace baton::performance
