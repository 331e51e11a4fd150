#pragma once

#include "performance/feedbackanonymity.h"

#include <QByteArray>

namespace baton::performance {

// A subject's feedback view as published with their review result
// (review_result.feedback_view). A subject's own device never holds the
// answers about them (the server sends those only to HR and the subject's
// supervisors), so the view a supervisor or HR computed from them, already
// anonymous, is what reaches the subject there.
//
// Averages are kept in thousandths (records carry no floats); a withheld
// role's reason is written again from its count and the threshold, in the
// reader's language.
QByteArray feedbackViewToJson(const SubjectFeedbackView &view, int threshold);
// Refused, with what is wrong: anything but the shape above, an unknown
// role, a negative count, an average with no answers behind it, or a
// threshold below 2. A withheld role shows nothing but its count.
Result<SubjectFeedbackView> feedbackViewFromJson(const QByteArray &json);

} // namespace baton::performance
