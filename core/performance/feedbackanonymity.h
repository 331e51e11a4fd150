#pragma once

#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace baton::performance {

// Who gave a 360 answer, relative to its subject. The roles are protected
// differently (see subjectView):
enum class FeedbackRole {
    Peer,        // anonymous, and only shown from the threshold on
    Manager,     // attributed: the manager's review is signed and discussed
    Subordinate, // anonymous, and only shown from the threshold on
    Customer,    // anonymous, shown without a threshold
};

// One question of the form: a dimension such as "collaboration", scored on
// a whole-number scale (1..5 typically).
struct FeedbackDimension
{
    QString key; // stable, what answers refer to
    QString title;
    int minScore = 1;
    int maxScore = 5;
};

struct FeedbackAnswer
{
    QUuid author;
    FeedbackRole role = FeedbackRole::Peer;
    QHash<QString, int> scores; // by dimension key; a dimension may be skipped
    QString comment;
};

inline constexpr int DefaultAnonymityThreshold = 3;

struct DimensionAverage
{
    QString dimension; // key
    int answers = 0;   // the scores behind the average
    // nullopt: no score shown, because none was given or, for an anonymous
    // role, fewer than the threshold were.
    std::optional<double> average;
};

struct VisibleComment
{
    QString text;
    QUuid author; // null unless the role is attributed (the manager)
};

struct RoleFeedback
{
    FeedbackRole role = FeedbackRole::Peer;
    int answers = 0;       // how many people answered in this role
    bool withheld = false; // nothing of theirs is shown, not even in `overall`
    QString withheldReason;
    QList<DimensionAverage> averages; // in the dimensions' order
    // Anonymous roles: sorted by text, so that the order gives away no one
    // who answered early or late. The manager's: in the answers' order.
    QList<VisibleComment> comments;
};

// What the subject may see of their 360 feedback.
struct SubjectFeedbackView
{
    // Per dimension, the plain mean of every score shown below (not a mean
    // of the roles' means), so it never contains a score withheld there.
    QList<DimensionAverage> overall;
    QList<RoleFeedback> roles; // the roles that answered, in FeedbackRole's order
};

// Why a role's answers are withheld from the subject (translated).
QString withheldText(FeedbackRole role, int answers, int threshold);

// The subject's view of their 360 feedback.
//
// Peers' answers are shown only when at least `threshold` (2 or more;
// usually 3) distinct peers answered: with fewer, the subject could tell
// who wrote what, so they are withheld, with the reason, from the peer
// section and from the overall averages alike (leaving them in the overall
// mean next to a manager's score the subject knows would give them away).
// Shown, they are averages per dimension and comments without authors.
// The same holds per dimension: a peer average rests on at least
// `threshold` scores, or it is not shown.
//
// Subordinates are protected in the same way, counted on their own: a
// manager of two could otherwise read each report's scores, and people
// who report to the subject have the most to fear from being recognised.
// The manager's answer is attributed, since there is one manager and the
// review is theirs. Customers are shown without names but without a
// threshold: a person has few customers who answer, a threshold would hide
// them all, and they do not work under or beside the subject.
//
// Refused: a threshold below 2, dimensions that are unnamed, duplicate or
// with an empty range, an answer without an author or by the subject, two
// answers by one author (each person counts once towards the threshold),
// a score for an unknown dimension, and a score outside its dimension's
// range.
Result<SubjectFeedbackView> subjectView(const QList<FeedbackDimension> &dimensions,
                                        const QList<FeedbackAnswer> &answers, const QUuid &subject,
                                        int threshold = DefaultAnonymityThreshold);

} // namespace baton::performance
