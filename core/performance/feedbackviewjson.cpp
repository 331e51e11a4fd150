#include "feedbackviewjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace baton::performance {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FeedbackViewJson)
};

constexpr std::pair<FeedbackRole, const char *> roleNames[] = {
    {FeedbackRole::Peer, "peer"},
    {FeedbackRole::Manager, "manager"},
    {FeedbackRole::Subordinate, "subordinate"},
    {FeedbackRole::Customer, "customer"},
};

QJsonArray averagesToJson(const QList<DimensionAverage> &averages)
{
    QJsonArray out;
    for (const DimensionAverage &a : averages) {
        QJsonObject o{{QStringLiteral("dimension"), a.dimension},
                      {QStringLiteral("answers"), a.answers}};
        if (a.average)
            o.insert(QStringLiteral("average_milli"), qint64(std::llround(*a.average * 1000)));
        out.append(o);
    }
    return out;
}

Error malformed(const QString &what)
{
    return Error(QStringLiteral("field.invalid"),
                 Tr::tr("The published feedback view is not valid: %1.").arg(what));
}

std::optional<int> count(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < 0 || d > 1e6 || d != std::floor(d))
        return std::nullopt;
    return int(d);
}

Result<QList<DimensionAverage>> averagesFromJson(const QJsonValue &value)
{
    if (!value.isArray())
        return malformed(Tr::tr("averages must be a list"));
    QList<DimensionAverage> out;
    for (const QJsonValue &v : value.toArray()) {
        const QJsonObject o = v.toObject();
        DimensionAverage a;
        a.dimension = o.value(QLatin1String("dimension")).toString();
        const auto n = count(o.value(QLatin1String("answers")));
        if (!v.isObject() || a.dimension.isEmpty() || !n)
            return malformed(Tr::tr("each average needs a dimension and a count of answers"));
        a.answers = *n;
        const QJsonValue avg = o.value(QLatin1String("average_milli"));
        if (!avg.isUndefined()) {
            if (a.answers == 0)
                return malformed(Tr::tr("the average of “%1” has no answers behind it")
                                     .arg(a.dimension.left(40)));
            const double milli = avg.toDouble(std::nan(""));
            if (!(std::fabs(milli) <= 1e9) || milli != std::floor(milli))
                return malformed(Tr::tr("the average of “%1” is not a number of thousandths")
                                     .arg(a.dimension.left(40)));
            a.average = milli / 1000.0;
        }
        out.append(a);
    }
    return out;
}

} // namespace

QByteArray feedbackViewToJson(const SubjectFeedbackView &view, int threshold)
{
    QJsonArray roles;
    for (const RoleFeedback &r : view.roles) {
        QJsonObject o{{QStringLiteral("answers"), r.answers}};
        for (const auto &[role, name] : roleNames)
            if (role == r.role)
                o.insert(QStringLiteral("role"), QLatin1String(name));
        if (r.withheld) {
            o.insert(QStringLiteral("withheld"), true);
        } else {
            o.insert(QStringLiteral("averages"), averagesToJson(r.averages));
            QJsonArray comments;
            for (const VisibleComment &c : r.comments) {
                QJsonObject co{{QStringLiteral("text"), c.text}};
                if (!c.author.isNull())
                    co.insert(QStringLiteral("author"), c.author.toString(QUuid::WithoutBraces));
                comments.append(co);
            }
            o.insert(QStringLiteral("comments"), comments);
        }
        roles.append(o);
    }
    const QJsonObject root{{QStringLiteral("threshold"), threshold},
                           {QStringLiteral("overall"), averagesToJson(view.overall)},
                           {QStringLiteral("roles"), roles}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

Result<SubjectFeedbackView> feedbackViewFromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return malformed(Tr::tr("it is not a JSON object"));
    const QJsonObject root = doc.object();
    const auto threshold = count(root.value(QLatin1String("threshold")));
    if (!threshold || *threshold < 2)
        return malformed(Tr::tr("the anonymity threshold must be a whole number of 2 or more"));
    SubjectFeedbackView view;
    auto overall = averagesFromJson(root.value(QLatin1String("overall")));
    if (!overall)
        return overall.error();
    view.overall = *overall;
    if (!root.value(QLatin1String("roles")).isArray())
        return malformed(Tr::tr("roles must be a list"));
    for (const QJsonValue &v : root.value(QLatin1String("roles")).toArray()) {
        const QJsonObject o = v.toObject();
        RoleFeedback r;
        const QString role = o.value(QLatin1String("role")).toString();
        bool known = false;
        for (const auto &[value, name] : roleNames)
            if (role == QLatin1String(name)) {
                r.role = value;
                known = true;
            }
        if (!known)
            return malformed(Tr::tr("“%1” is not a feedback role").arg(role.left(40)));
        const auto n = count(o.value(QLatin1String("answers")));
        if (!n)
            return malformed(Tr::tr("a role needs a count of answers"));
        r.answers = *n;
        r.withheld = o.value(QLatin1String("withheld")).toBool(false);
        if (r.withheld) {
            if (o.contains(QLatin1String("averages")) || o.contains(QLatin1String("comments")))
                return malformed(Tr::tr("a withheld role shows nothing but its count"));
            r.withheldReason = withheldText(r.role, r.answers, *threshold);
            view.roles.append(r);
            continue;
        }
        auto averages = averagesFromJson(o.value(QLatin1String("averages")));
        if (!averages)
            return averages.error();
        r.averages = *averages;
        if (!o.value(QLatin1String("comments")).isArray())
            return malformed(Tr::tr("comments must be a list"));
        for (const QJsonValue &c : o.value(QLatin1String("comments")).toArray()) {
            VisibleComment vc;
            vc.text = c.toObject().value(QLatin1String("text")).toString();
            const QJsonValue author = c.toObject().value(QLatin1String("author"));
            vc.author = QUuid::fromString(author.toString());
            if (!c.isObject() || vc.text.isEmpty() || (!author.isUndefined() && vc.author.isNull()))
                return malformed(Tr::tr("each comment needs its text"));
            // Only the manager's answer is attributed (feedbackanonymity.h).
            if (!vc.author.isNull() && r.role != FeedbackRole::Manager)
                return malformed(Tr::tr("only the manager's comments carry a name"));
            r.comments.append(vc);
        }
        view.roles.append(r);
    }
    return view;
}

} // namespace baton::performance
