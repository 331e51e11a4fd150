#pragma once

#include "performance/reviewindicators.h"
#include "performance/reviewsettings.h"
#include "policy/policy.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QUuid>

#include <optional>

namespace baton {

class Store;

// A review cycle as the review screens list it.
struct ReviewCycleInfo
{
    QUuid id;
    QString kind; // cycle::Month...
    QString title;
    QDate starts;
    QDate ends;
    bool open = true;
    qint64 closedMs = 0;
};

// The parts of a review score and what they make.
struct ReviewScore
{
    std::optional<int> indicatorBp;
    std::optional<int> feedbackBp;
    std::optional<int> managerBp;
    std::optional<int> scoreBp; // nullopt: no part to score on
    QString grade;              // the scale's grade for the score
    // Percent of the person's goals measured (IndicatorFacts::coverage);
    // below 100 the indicator part rests on what was measured.
    std::optional<double> indicatorCoverage;
    bool partlyMeasured() const { return indicatorCoverage && *indicatorCoverage < 99.995; }
    // The feedback view the person may see (feedbackviewjson.h), published
    // with the result; empty when nobody answered.
    QByteArray feedbackView;
};

// One person's review in a cycle, with what is recorded of it.
struct ReviewRow
{
    QUuid employee;
    QString name;
    QString number;
    QString departmentName;
    QUuid cycle;
    QString cycleTitle;
    QDate cycleStarts;
    bool cycleOpen = true;
    QUuid result; // null: no result recorded yet
    ReviewScore score;
    bool provisional = false; // computed now, in an open cycle; not what is recorded
    QString comment;
    QUuid ratedBy;
    QString ratedByName;
    qint64 ratedMs = 0;
    int issues = 0;
    int unattributedIssues = 0;
};

struct AwardView
{
    QUuid id;
    QUuid cycle;
    QString cycleTitle;
    QUuid employee;
    QString employeeName;
    QString kind; // award::kinds()
    QString name;
    std::optional<int> bonusBp;
    QString reason;
    QString rule;
    QUuid grantedBy;
    QString grantedByName;
    qint64 grantedMs = 0;
};

// Review results (issue 6, item 6): a person's score for a cycle from their
// indicators (the goals part, through an IndicatorSource), their 360
// feedback and their manager's rating, weighted by the company's review
// weights, and graded on its scale. Writes are one batch each and refused
// with a reason, changing nothing; reads return what this replica holds.
class Reviews
{
    Q_DECLARE_TR_FUNCTIONS(Reviews)
public:
    // indicators: empty reads the goals' work board (goalIndicators(), and
    // goalIndicatorBatch() for a whole cycle).
    explicit Reviews(Store &store, IndicatorSource indicators = {});

    // The weighted score of the parts present: a missing part's weight is
    // shared out among the others in proportion (no feedback asked is not
    // a feedback score of 0). Graded on the settings' scale.
    static Result<ReviewScore> combine(const ReviewSettings &settings,
                                       std::optional<int> indicatorBp,
                                       std::optional<int> feedbackBp, std::optional<int> managerBp);

    // The person's score in the cycle as it stands now, with the manager's
    // rating given (or the one recorded when managerBp is nullopt).
    Result<ReviewScore> compute(const QUuid &employee, const QUuid &cycle,
                                std::optional<int> managerBp = std::nullopt);
    Result<ReviewScore> compute(const ReviewSettings &settings, const QUuid &employee,
                                const QUuid &cycle, std::optional<int> managerBp);
    // The manager's rating (0..10000) and comment, recorded with the score
    // it makes now, on the person's review in the cycle (created on first
    // rating). Returns the review_result id. atMs: when it was rated (0:
    // now; the demo company dates its history).
    Result<QUuid> rate(const Actor &actor, const QUuid &employee, const QUuid &cycle, int managerBp,
                       const QString &comment, qint64 atMs = 0);

    // Review cycles, newest first.
    Result<QList<ReviewCycleInfo>> cycles();
    Result<ReviewCycleInfo> cycle(const QUuid &id);
    // The cycle's row of each person in scope (active, and those who left
    // during or after it): the recorded result, or none yet; live, in an
    // open cycle, the score as it stands now (provisional).
    Result<QList<ReviewRow>> cycleRows(const QUuid &cycle, const ReadScope &scope,
                                       bool live = false);
    // One person's reviews over the cycles that have one, newest first.
    Result<QList<ReviewRow>> history(const QUuid &employee);
    // The person's awards, newest first.
    Result<QList<AwardView>> awardsOf(const QUuid &employee);
    Result<QList<AwardView>> awardsIn(const QUuid &cycle);

    IndicatorSource indicatorSource() const { return m_indicators; }
    // Everyone's indicator facts in a cycle, read at once where the source
    // can; facts(employee) then asks the per-person source for the rest.
    class CycleFacts
    {
    public:
        Result<IndicatorFacts> facts(const QUuid &employee) const;
        // Read at once: everyone with indicator facts is among these.
        bool complete() const { return m_complete; }
        QList<QUuid> people() const { return m_known.keys(); }

    private:
        friend class Reviews;
        QUuid m_cycle;
        IndicatorSource m_single;
        QHash<QUuid, IndicatorFacts> m_known;
        bool m_complete = false;
    };
    Result<CycleFacts> cycleFacts(const QUuid &cycle);

private:
    Result<ReviewRow> rowFor(const QUuid &employee, const ReviewCycleInfo &cycle);
    Result<QList<AwardView>> awardsWhere(const char *field, const QUuid &id);
    QString nameOf(const QUuid &employee);

    Store &m_store;
    IndicatorSource m_indicators;
    IndicatorBatchSource m_batch; // empty: per person only
    QHash<QUuid, QString> m_names;
};

} // namespace baton
