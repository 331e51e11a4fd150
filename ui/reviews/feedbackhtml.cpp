#include "feedbackhtml.h"

#include "performance/reviewentities.h"
#include "reviewformat.h"

#include <QLocale>

namespace baton {

namespace {

using namespace performance;

QString roleTitle(FeedbackRole role)
{
    switch (role) {
    case FeedbackRole::Peer:
        return feedback::relationTitle(QLatin1String(feedback::Peer));
    case FeedbackRole::Manager:
        return feedback::relationTitle(QLatin1String(feedback::Manager));
    case FeedbackRole::Subordinate:
        return feedback::relationTitle(QLatin1String(feedback::Subordinate));
    case FeedbackRole::Customer:
        return feedback::relationTitle(QLatin1String(feedback::Customer));
    }
    return {};
}

QString titleOf(const QList<FeedbackDimension> &dimensions, const QString &key)
{
    for (const FeedbackDimension &d : dimensions)
        if (d.key == key)
            return d.title;
    return key;
}

QString rangeOf(const QList<FeedbackDimension> &dimensions, const QString &key)
{
    for (const FeedbackDimension &d : dimensions)
        if (d.key == key)
            return QStringLiteral("%1–%2").arg(d.minScore).arg(d.maxScore);
    return {};
}

QString averagesTable(const QList<DimensionAverage> &averages,
                      const QList<FeedbackDimension> &dimensions)
{
    QString html = QStringLiteral("<table cellspacing='6'>");
    for (const DimensionAverage &a : averages)
        html += QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td>"
                               "<td style='color:gray'>%3</td></tr>")
                    .arg(titleOf(dimensions, a.dimension).toHtmlEscaped(),
                         a.average ? QLocale().toString(*a.average, 'f', 1) : QStringLiteral("—"),
                         rangeOf(dimensions, a.dimension));
    return html + QStringLiteral("</table>");
}

} // namespace

QString FeedbackHtml::subjectView(const Feedback::VisibleView &visible,
                                  const QList<FeedbackDimension> &dimensions,
                                  const QHash<QUuid, QString> &names)
{
    const SubjectFeedbackView &view = visible.view;
    if (view.roles.isEmpty())
        return QStringLiteral("<p style='color:gray'>%1</p>")
            .arg(tr("No feedback has reached you in this cycle yet. Answers show here as they "
                    "are given; on a device that syncs with a server, once your supervisor has "
                    "rated you or the cycle has closed."));
    QString html;
    if (visible.published)
        html += QStringLiteral("<p style='color:gray'>%1</p>")
                    .arg(tr("As published with your review result."));
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Overall"));
    html += averagesTable(view.overall, dimensions);
    for (const RoleFeedback &r : view.roles) {
        html += QStringLiteral("<h4>%1 (%2)</h4>")
                    .arg(roleTitle(r.role).toHtmlEscaped(), tr("%n answer(s)", nullptr, r.answers));
        if (r.withheld) {
            html += QStringLiteral("<p style='color:gray'>%1</p>")
                        .arg(r.withheldReason.toHtmlEscaped());
            continue;
        }
        html += averagesTable(r.averages, dimensions);
        for (const VisibleComment &c : r.comments) {
            const QString who =
                c.author.isNull()
                    ? QString()
                    : QStringLiteral(" — %1").arg(names.value(c.author).toHtmlEscaped());
            html += QStringLiteral("<p>“%1”%2</p>").arg(c.text.toHtmlEscaped(), who);
        }
    }
    return html;
}

QString FeedbackHtml::fullView(const QList<FeedbackRequestView> &requests,
                               const QList<FeedbackAnswerView> &answers,
                               const QList<FeedbackDimension> &dimensions)
{
    if (requests.isEmpty())
        return QStringLiteral("<p style='color:gray'>%1</p>")
            .arg(tr("No one has been asked for feedback on this person in this cycle."));
    QString html = QStringLiteral("<p style='color:gray'>%1</p>")
                       .arg(tr("You see who answered what; the person sees the answers of "
                               "peers and of those reporting to them only as averages of at "
                               "least three, without names."));
    for (const FeedbackRequestView &r : requests) {
        const QString who = r.customer.isNull()
                                ? r.respondentName
                                : tr("%1 (entered by %2)").arg(r.customerName, r.respondentName);
        html += QStringLiteral("<h4>%1 · %2</h4>")
                    .arg(who.toHtmlEscaped(), feedback::relationTitle(r.relation).toHtmlEscaped());
        const FeedbackAnswerView *a = nullptr;
        for (const FeedbackAnswerView &each : answers)
            if (each.request == r.id)
                a = &each;
        if (!a) {
            html += QStringLiteral("<p style='color:#b26a00'>%1</p>")
                        .arg(tr("Not answered yet (asked %1 by %2).")
                                 .arg(reviewformat::timeText(r.requestedMs).toHtmlEscaped(),
                                      r.requestedByName.toHtmlEscaped()));
            continue;
        }
        QStringList scores;
        for (const FeedbackDimension &d : dimensions)
            if (a->scores.contains(d.key))
                scores.append(QStringLiteral("%1 %2")
                                  .arg(d.title.toHtmlEscaped())
                                  .arg(a->scores.value(d.key)));
        html += QStringLiteral("<p>%1<br><span style='color:gray'>%2</span></p>")
                    .arg(scores.join(QStringLiteral(" · ")),
                         reviewformat::timeText(a->answeredMs).toHtmlEscaped());
        if (!a->comment.isEmpty())
            html += QStringLiteral("<p>“%1”</p>").arg(a->comment.toHtmlEscaped());
        if (!a->customerMessage.isEmpty())
            html += QStringLiteral("<blockquote style='color:#444'>%1</blockquote>")
                        .arg(a->customerMessage.toHtmlEscaped().replace(QLatin1Char('\n'),
                                                                        QStringLiteral("<br>")));
    }
    return html;
}

QString FeedbackHtml::requestsOnly(const QList<FeedbackRequestView> &requests)
{
    if (requests.isEmpty())
        return QStringLiteral("<p style='color:gray'>%1</p>")
            .arg(tr("No one has been asked for feedback on this person in this cycle."));
    QString html = QStringLiteral("<ul>");
    for (const FeedbackRequestView &r : requests)
        html += QStringLiteral("<li>%1 · %2 · %3</li>")
                    .arg((r.customer.isNull() ? r.respondentName : r.customerName).toHtmlEscaped(),
                         feedback::relationTitle(r.relation).toHtmlEscaped(),
                         r.answered ? tr("answered") : tr("waiting"));
    return html + QStringLiteral("</ul>");
}

} // namespace baton
