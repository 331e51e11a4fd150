#include "feedbackanonymity.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace baton::performance {

namespace {

// Messages for people, in the context "FeedbackAnonymity".
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FeedbackAnonymity)
};

constexpr FeedbackRole allRoles[] = {FeedbackRole::Peer, FeedbackRole::Manager,
                                     FeedbackRole::Subordinate, FeedbackRole::Customer};

bool thresholded(FeedbackRole role)
{
    return role == FeedbackRole::Peer || role == FeedbackRole::Subordinate;
}

Status validateDimensions(const QList<FeedbackDimension> &dimensions)
{
    if (dimensions.isEmpty())
        return Error(QStringLiteral("performance.no_dimensions"),
                     Tr::tr("The feedback form has no dimensions to score."));
    QSet<QString> keys;
    for (const FeedbackDimension &d : dimensions) {
        if (d.key.isEmpty() || d.title.trimmed().isEmpty())
            return Error(QStringLiteral("performance.dimension_unnamed"),
                         Tr::tr("Name every dimension of the feedback form."));
        if (keys.contains(d.key))
            return Error(QStringLiteral("performance.dimension_duplicate"),
                         Tr::tr("“%1” appears twice in the feedback form.").arg(d.title.trimmed()));
        keys.insert(d.key);
        if (d.minScore >= d.maxScore)
            return Error(QStringLiteral("performance.dimension_range"),
                         Tr::tr("“%1” needs a lowest score below its highest; %2 to %3 is no "
                                "range.")
                             .arg(d.title.trimmed(), QString::number(d.minScore),
                                  QString::number(d.maxScore)));
    }
    return {};
}

} // namespace

QString withheldText(FeedbackRole role, int answers, int threshold)
{
    if (role == FeedbackRole::Subordinate)
        return Tr::tr("Only %n person(s) reporting to you answered; their answers are shown once "
                      "at least %1 have, so that no one can be recognised.",
                      nullptr, answers)
            .arg(threshold);
    return Tr::tr("Only %n peer(s) answered; peer answers are shown once at least %1 have, so "
                  "that no one can be recognised.",
                  nullptr, answers)
        .arg(threshold);
}

Result<SubjectFeedbackView> subjectView(const QList<FeedbackDimension> &dimensions,
                                        const QList<FeedbackAnswer> &answers, const QUuid &subject,
                                        int threshold)
{
    if (threshold < 2)
        return Error(QStringLiteral("performance.invalid_threshold"),
                     Tr::tr("Anonymous feedback needs at least 2 answers to hide among; a "
                            "threshold of %1 hides no one.")
                         .arg(threshold));
    if (Status s = validateDimensions(dimensions); !s)
        return s.error();
    QHash<QString, const FeedbackDimension *> byKey;
    for (const FeedbackDimension &d : dimensions)
        byKey.insert(d.key, &d);
    QSet<QUuid> authors;
    for (const FeedbackAnswer &a : answers) {
        if (a.author.isNull())
            return Error(QStringLiteral("performance.answer_anonymous"),
                         Tr::tr("Every answer must record its author, even when the subject will "
                                "not see it: otherwise no one can tell how many people answered."));
        if (!subject.isNull() && a.author == subject)
            return Error(QStringLiteral("performance.answer_by_subject"),
                         Tr::tr("A person cannot give 360 feedback on themselves; self-assessment "
                                "is recorded separately."));
        if (authors.contains(a.author))
            return Error(QStringLiteral("performance.answer_twice"),
                         Tr::tr("One person answered twice; each counts once."));
        authors.insert(a.author);
        for (auto it = a.scores.cbegin(); it != a.scores.cend(); ++it) {
            const FeedbackDimension *d = byKey.value(it.key());
            if (!d)
                return Error(QStringLiteral("performance.unknown_dimension"),
                             Tr::tr("An answer scores “%1”, which is not on the feedback form.")
                                 .arg(it.key()));
            if (it.value() < d->minScore || it.value() > d->maxScore)
                return Error(QStringLiteral("performance.score_out_of_range"),
                             Tr::tr("A score of %1 for “%2” is outside its range of %3 to %4.")
                                 .arg(QString::number(it.value()), d->title.trimmed(),
                                      QString::number(d->minScore), QString::number(d->maxScore)));
        }
    }

    SubjectFeedbackView view;
    QHash<QString, qint64> overallSum;
    QHash<QString, int> overallCount;
    for (FeedbackRole role : allRoles) {
        QList<const FeedbackAnswer *> group;
        for (const FeedbackAnswer &a : answers)
            if (a.role == role)
                group.append(&a);
        if (group.isEmpty())
            continue;
        RoleFeedback rf;
        rf.role = role;
        rf.answers = static_cast<int>(group.size());
        const bool anonymous = role != FeedbackRole::Manager;
        if (thresholded(role) && rf.answers < threshold) {
            rf.withheld = true;
            rf.withheldReason = withheldText(role, rf.answers, threshold);
            view.roles.append(rf);
            continue;
        }
        for (const FeedbackDimension &d : dimensions) {
            DimensionAverage avg;
            avg.dimension = d.key;
            qint64 sum = 0;
            for (const FeedbackAnswer *a : std::as_const(group)) {
                const auto s = a->scores.constFind(d.key);
                if (s == a->scores.cend())
                    continue;
                sum += *s;
                ++avg.answers;
            }
            const bool shown = avg.answers > 0 && (!thresholded(role) || avg.answers >= threshold);
            if (shown) {
                avg.average = static_cast<double>(sum) / avg.answers;
                overallSum[d.key] += sum;
                overallCount[d.key] += avg.answers;
            }
            rf.averages.append(avg);
        }
        for (const FeedbackAnswer *a : std::as_const(group)) {
            const QString text = a->comment.trimmed();
            if (text.isEmpty())
                continue;
            VisibleComment c;
            c.text = text;
            c.author = anonymous ? QUuid() : a->author;
            rf.comments.append(c);
        }
        if (anonymous)
            std::sort(
                rf.comments.begin(), rf.comments.end(),
                [](const VisibleComment &x, const VisibleComment &y) { return x.text < y.text; });
        view.roles.append(rf);
    }
    for (const FeedbackDimension &d : dimensions) {
        DimensionAverage avg;
        avg.dimension = d.key;
        avg.answers = overallCount.value(d.key);
        if (avg.answers > 0)
            avg.average = static_cast<double>(overallSum.value(d.key)) / avg.answers;
        view.overall.append(avg);
    }
    return view;
}

} // namespace baton::performance
