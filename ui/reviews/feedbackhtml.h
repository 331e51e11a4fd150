#pragma once

#include "performance/feedback.h"

#include <QCoreApplication>

namespace baton {

// 360 feedback as the review screens show it, in HTML for a text browser.
class FeedbackHtml
{
    Q_DECLARE_TR_FUNCTIONS(FeedbackHtml)
public:
    // What the subject may see: averages per dimension, each role's
    // section, withheld roles with the reason, comments without names
    // (the manager's with theirs, named from names), and whether it is the
    // view published with the review result.
    static QString subjectView(const Feedback::VisibleView &view,
                               const QList<performance::FeedbackDimension> &dimensions,
                               const QHash<QUuid, QString> &names);
    // Who was asked and who said what, for HR and supervisors.
    static QString fullView(const QList<FeedbackRequestView> &requests,
                            const QList<FeedbackAnswerView> &answers,
                            const QList<performance::FeedbackDimension> &dimensions);
    // Requests only (who was asked, answered or not), without the answers.
    static QString requestsOnly(const QList<FeedbackRequestView> &requests);
};

} // namespace baton
