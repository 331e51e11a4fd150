#pragma once

#include "performance/feedbackanonymity.h"
#include "performance/reviewsettings.h"
#include "policy/policy.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QUuid>

#include <optional>

namespace baton {

class Store;

// One person to ask: a colleague in a relation to the subject, or a
// customer (whose account owner enters the answer; respondent may then be
// left null and is taken from the customer).
struct FeedbackAsk
{
    QString relation; // feedback::relations()
    QUuid respondent;
    QUuid customer;
};

struct FeedbackRequestView
{
    QUuid id;
    QUuid cycle;
    QString cycleTitle;
    bool cycleOpen = false;
    QUuid subject;
    QString subjectName;
    QString relation;
    QUuid respondent;
    QString respondentName;
    QUuid customer;
    QString customerName;
    QUuid requestedBy;
    QString requestedByName;
    qint64 requestedMs = 0;
    bool answered = false;
};

struct FeedbackAnswerDraft
{
    QHash<QString, int> scores; // by dimension key; a dimension may be left out
    QString comment;
    // A customer's answer: their own message, pasted or read from a file
    // (kept in this computer's document store, named by its SHA-256).
    QString customerMessage;
    QByteArray messageFile;
    QString messageFileMime;
};

// A customer who may be asked about someone, and who enters their answer.
struct FeedbackCustomer
{
    QUuid id;
    QString name;
    QUuid owner;
    QString ownerName;
};

// One answer as HR and the subject's supervisors read it: who said what.
struct FeedbackAnswerView
{
    QUuid id;
    QUuid request;
    QString relation;
    QUuid author;
    QString authorName;
    QString customerName;
    QHash<QString, int> scores;
    QString comment;
    QString customerMessage;
    QString messageSha256;
    qint64 answeredMs = 0;
};

// 360 feedback (issue 6, item 5): asking, answering, and what each reader
// may see of the answers. Writes are one batch each; a refusal says why and
// changes nothing. Reads return what this replica holds; the full view
// checks its viewer itself, since it is the one that names who said what.
class Feedback
{
    Q_DECLARE_TR_FUNCTIONS(Feedback)
public:
    explicit Feedback(Store &store)
        : m_store(store)
    { }

    // Asks everyone in asks about subject in cycle, in one batch. Returns
    // the requests' ids in the order asked.
    // atMs: when (0: now; the demo company dates its history).
    Result<QList<QUuid>> request(const Actor &actor, const QUuid &cycle, const QUuid &subject,
                                 const QList<FeedbackAsk> &asks, qint64 atMs = 0);
    // Answers a request asked of the actor (feedback_answer).
    Result<QUuid> answer(const Actor &actor, const QUuid &requestId,
                         const FeedbackAnswerDraft &draft, qint64 atMs = 0);

    // Requests asked of the person, unanswered, in open cycles, oldest first.
    Result<QList<FeedbackRequestView>> waitingOn(const QUuid &respondent);
    // Everything asked about the subject in the cycle (answered or not).
    Result<QList<FeedbackRequestView>> requestsAbout(const QUuid &subject, const QUuid &cycle);
    Result<FeedbackRequestView> requestById(const QUuid &id);

    // What the subject may see: feedbackanonymity.h over the cycle's
    // answers with the company's dimensions and threshold.
    Result<performance::SubjectFeedbackView> subjectView(const QUuid &subject, const QUuid &cycle);
    Result<performance::SubjectFeedbackView> subjectView(const ReviewSettings &settings,
                                                         const QUuid &subject, const QUuid &cycle);
    // Every answer with its author, for HR and the subject's supervisors;
    // refused to anyone else, the subject first of all.
    Result<QList<FeedbackAnswerView>> answersFor(const Actor &viewer, const QUuid &subject,
                                                 const QUuid &cycle);
    // The feedback part of a review score, 0..10000: each dimension's mean
    // in the subject's view placed on its range, then averaged; built only
    // from what the subject may see, so a score never gives away an answer
    // their view withholds. nullopt when nothing is shown.
    Result<std::optional<int>> scoreBp(const QUuid &subject, const QUuid &cycle);
    Result<std::optional<int>> scoreBp(const ReviewSettings &settings, const QUuid &subject,
                                       const QUuid &cycle);
    static std::optional<int> scoreOf(const ReviewSettings &settings,
                                      const performance::SubjectFeedbackView &view);
    // The feedback part of a review result: the score and the subject's
    // view to publish with it (feedbackviewjson.h; empty when nobody answered).
    struct ForReview
    {
        std::optional<int> scoreBp;
        QByteArray view;
    };
    Result<ForReview> forReview(const ReviewSettings &settings, const QUuid &subject,
                                const QUuid &cycle);

    // What the subject sees: the view of the answers this store holds or,
    // when it holds none (the subject's own synced device, which is never
    // sent them), the view published with their review result by whoever
    // rated them or closed the cycle.
    struct VisibleView
    {
        performance::SubjectFeedbackView view;
        bool published = false; // false: computed from the answers here
    };
    Result<VisibleView> visibleView(const QUuid &subject, const QUuid &cycle);

    // Customers the subject's department looks after (theirs first), to
    // ask about them; each answered through its account owner.
    Result<QList<FeedbackCustomer>> customersFor(const QUuid &subject);

    // The form in use: the company's dimensions (or the defaults).
    Result<QList<performance::FeedbackDimension>> dimensions();

private:
    Result<QList<FeedbackRequestView>> views(const QList<QUuid> &ids);
    struct RawAnswer
    {
        QUuid id;
        QUuid request;
        QString relation;
        QUuid author;
        QUuid customer;
        QHash<QString, int> scores;
        QString comment;
        QString customerMessage;
        QString messageSha256;
        qint64 answeredMs = 0;
    };
    Result<QList<RawAnswer>> answersAbout(const QUuid &subject, const QUuid &cycle);
    QString nameOf(const QUuid &employee);

    Store &m_store;
    QHash<QUuid, QString> m_names;
};

} // namespace baton
