// Reviews: the score from indicators, feedback and the manager's rating,
// weighted and graded by the company's settings; closing a cycle (results,
// streak rewards over consecutive months, training for a failing grade,
// bounded bonus adjustments, everything final after); issues and the
// attribution of their causes, stated by the employee and confirmed or
// corrected by a supervisor's signature; forged ops refused.
#include "demo/democompany.h"
#include "demo/demogoals.h"
#include "demo/demoreviews.h"
#include "handoverfixture.h"
#include "performance/attributions.h"
#include "performance/cycleclose.h"
#include "performance/feedback.h"
#include "performance/performanceentities.h"
#include "performance/performancesettings.h"
#include "performance/reviewentities.h"
#include "performance/reviews.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace baton;
using namespace baton::test;

class TstReviews : public HandoverFixture
{
    Q_OBJECT

    // Indicator scores (basis points) the tests give people, by cycle.
    QHash<QPair<QUuid, QUuid>, int> m_indicators;
    IndicatorSource source()
    {
        return [this](const QUuid &employee, const QUuid &cycle) -> Result<IndicatorFacts> {
            IndicatorFacts f;
            if (auto it = m_indicators.constFind({employee, cycle}); it != m_indicators.cend())
                f.scoreBp = *it;
            return f;
        };
    }
    QUuid monthCycle(int year, int month)
    {
        const QDate from(year, month, 1);
        QUuid id;
        [&] {
            QVERIFY(create(
                "lina", "review_cycle",
                {{QStringLiteral("kind"), QStringLiteral("month")},
                 {QStringLiteral("title"), from.toString(QStringLiteral("yyyy-MM"))},
                 {QStringLiteral("starts_on"), from.toString(Qt::ISODate)},
                 {QStringLiteral("ends_on"), from.addMonths(1).addDays(-1).toString(Qt::ISODate)}},
                &id));
        }();
        return id;
    }
    Status setSetting(const char *name, const QJsonValue &value)
    {
        org->tick();
        return PerformanceSettings(*org->store).set(actor("lina"), QLatin1String(name), value);
    }
    // A value written before settings were checked on write, in place of
    // the one stored.
    void storeAsAnOlderClientDid(const char *name, const QJsonValue &value)
    {
        QSqlQuery q(org->store->database().connection());
        q.prepare(QStringLiteral("UPDATE performance_setting SET value=? WHERE name=?"));
        q.addBindValue(QString::fromUtf8(
            value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                             : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)));
        q.addBindValue(QLatin1String(name));
        QVERIFY(q.exec());
        QCOMPARE(q.numRowsAffected(), 1);
    }
    QList<AwardView> awardsOf(const char *number)
    {
        auto a = Reviews(*org->store, source()).awardsOf(emp(number));
        return a ? *a : QList<AwardView>();
    }
    void closeCycle(const QUuid &cycle)
    {
        org->tick();
        const Status s = CycleClose(*org->store, source()).close(actor("lina"), cycle);
        QVERIFY2(s, s ? "" : qPrintable(s.error().message));
    }
    QUuid recordIssue(const char *number, const char *category, const QDate &on,
                      const QUuid &cycle = {})
    {
        IssueDraft d;
        d.employee = emp(number);
        d.category = QLatin1String(category);
        d.title = QStringLiteral("Acceptance record missing");
        d.occurredOn = on;
        d.cycle = cycle;
        org->tick();
        auto id = WorkIssues(*org->store).record(actor("chenjing"), d);
        [&] { QVERIFY2(id, id ? "" : qPrintable(id.error().message)); }();
        return id ? *id : QUuid();
    }

private Q_SLOTS:
    void init()
    {
        setUp();
        m_indicators.clear();
    }
    void cleanup() { org.reset(); }

    void scoreIsWeightedAndGradedBySettings()
    {
        const QUuid dec = monthCycle(2025, 12);
        m_indicators.insert({emp("E002"), dec}, 9200);
        Reviews reviews(*org->store, source());
        // Defaults: 60/20/20, no feedback: its weight goes to the others.
        // (0.6 × 92 + 0.2 × 80) / 0.8 = 89%: a B, just under an A.
        org->tick();
        auto id = reviews.rate(actor("chenjing"), emp("E002"), dec, 8000, QStringLiteral("Solid"));
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        Record r = read("review_result", *id);
        QCOMPARE(r.value(u"indicator_score_bp").toInt(), 9200);
        QVERIFY(!r.value(u"feedback_score_bp").isValid());
        QCOMPARE(r.value(u"manager_rating_bp").toInt(), 8000);
        QCOMPARE(r.value(u"score_bp").toInt(), 8900);
        QCOMPARE(r.text(u"grade"), QStringLiteral("B"));
        QCOMPARE(r.id(u"rated_by"), emp("E001"));

        // The company's weights and scale: 50/0/50, "Excellent" from 85%.
        QVERIFY(setSetting(PerformanceSettings::ReviewWeights,
                           QJsonObject{{QStringLiteral("indicators_bp"), 5000},
                                       {QStringLiteral("feedback_bp"), 0},
                                       {QStringLiteral("manager_bp"), 5000}}));
        QVERIFY(
            setSetting(PerformanceSettings::GradeScale,
                       QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Poor")},
                                              {QStringLiteral("min_bp"), 0}},
                                  QJsonObject{{QStringLiteral("name"), QStringLiteral("Good")},
                                              {QStringLiteral("min_bp"), 6000}},
                                  QJsonObject{{QStringLiteral("name"), QStringLiteral("Excellent")},
                                              {QStringLiteral("min_bp"), 8500}}}));
        org->tick();
        QVERIFY(reviews.rate(actor("chenjing"), emp("E002"), dec, 7800, {}));
        r = read("review_result", *id);
        QCOMPARE(r.value(u"score_bp").toInt(), 8500); // (92 + 78) / 2 = 85: on the boundary
        QCOMPARE(r.text(u"grade"), QStringLiteral("Excellent"));
        QVERIFY(r.text(u"comment").isEmpty());
        org->tick();
        QVERIFY(reviews.rate(actor("chenjing"), emp("E002"), dec, 7798, {}));
        QCOMPARE(read("review_result", *id).text(u"grade"), QStringLiteral("Good")); // 84.99%

        // Boundaries of the default scale, through the same computation.
        auto defaults = ReviewSettings::load([](const QString &) { return QJsonValue(); });
        QVERIFY(defaults);
        for (const auto &[bp, grade] :
             {std::pair{9000, "A"}, std::pair{8999, "B"}, std::pair{7500, "B"},
              std::pair{7499, "C"}, std::pair{6000, "C"}, std::pair{5999, "D"},
              std::pair{0, "D"}}) {
            auto s = Reviews::combine(*defaults, bp, std::nullopt, std::nullopt);
            QVERIFY(s);
            QCOMPARE(s->grade, QLatin1String(grade));
        }
        // Weights that do not add up are refused, naming the setting: when
        // written, and when stored before writes were checked.
        const QJsonObject short90{{QStringLiteral("indicators_bp"), 6000},
                                  {QStringLiteral("feedback_bp"), 2000},
                                  {QStringLiteral("manager_bp"), 1000}};
        const Status unsaved = setSetting(PerformanceSettings::ReviewWeights, short90);
        QVERIFY(!unsaved);
        QVERIFY(unsaved.error().message.contains(QStringLiteral("review_weights")));
        storeAsAnOlderClientDid(PerformanceSettings::ReviewWeights, short90);
        org->tick();
        auto refused = reviews.rate(actor("chenjing"), emp("E002"), dec, 9000, {});
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("review_weights")));
        QCOMPARE(read("review_result", *id).value(u"manager_rating_bp").toInt(), 7798);
    }

    void ratingIsRefusedOutOfRangeForOneselfAndOutOfScope()
    {
        const QUuid dec = monthCycle(2025, 12);
        Reviews reviews(*org->store, source());
        org->tick();
        QVERIFY(!reviews.rate(actor("chenjing"), emp("E002"), dec, 10001, {}));
        QCOMPARE(reviews.rate(actor("lina"), emp("E004"), dec, 9000, {}).error().code,
                 QStringLiteral("review.self"));
        auto outside = reviews.rate(actor("wangfang"), emp("E002"), dec, 9000, {});
        QVERIFY(!outside);
        QCOMPARE(outside.error().code, QStringLiteral("policy.denied"));
        QCOMPARE(rowCount(*org->store, QStringLiteral("review_result")), 0);
        // A forged result whose grade is not the scale's is refused.
        const Operation forged =
            org->op(QStringLiteral("chenjing"), QStringLiteral("review_result"), createUuidV7(),
                    OpKind::Create,
                    {{QStringLiteral("cycle_id"), idString(dec)},
                     {QStringLiteral("employee_id"), idString(emp("E002"))},
                     {QStringLiteral("score_bp"), 5000},
                     {QStringLiteral("grade"), QStringLiteral("A")}});
        const auto out = org->store->apply({forged}, Origin::Remote);
        QVERIFY(out.at(0).rejected());
        QCOMPARE(out.at(0).error.code, QStringLiteral("review.grade"));
    }

    void threeExcellentMonthsEarnTheTitleButNotWithAGap()
    {
        const QUuid sep = monthCycle(2025, 9), oct = monthCycle(2025, 10),
                    nov = monthCycle(2025, 11), dec = monthCycle(2025, 12);
        // Zhang Wei: excellent four months running. Liu Yang: excellent in
        // September, October and December, nothing in November.
        for (const QUuid &c : {sep, oct, nov, dec})
            m_indicators.insert({emp("E002"), c}, 9600);
        for (const QUuid &c : {sep, oct, dec})
            m_indicators.insert({emp("E006"), c}, 9700);
        // Wang Fang fails September.
        m_indicators.insert({emp("E003"), sep}, 4000);

        closeCycle(sep);
        QCOMPARE(read("review_cycle", sep).text(u"status"), QStringLiteral("closed"));
        QCOMPARE(read("review_cycle", sep).id(u"closed_by"), emp("E004"));
        QList<AwardView> fang = awardsOf("E003");
        QCOMPARE(fang.size(), 1);
        QCOMPARE(fang[0].kind, QLatin1String(award::Training));
        QCOMPARE(fang[0].name, QStringLiteral("Responsibility training"));
        QCOMPARE(fang[0].cycle, sep);
        QVERIFY(fang[0].reason.contains(QStringLiteral("2025-09")));
        QVERIFY(awardsOf("E002").isEmpty());

        closeCycle(oct);
        QVERIFY(awardsOf("E002").isEmpty());

        // The plan HR sees before confirming names the title.
        org->tick();
        auto plan = CycleClose(*org->store, source()).plan(actor("lina"), nov);
        QVERIFY2(plan, plan ? "" : qPrintable(plan.error().message));
        bool planned = false;
        for (const PlannedAward &a : plan->awards)
            planned =
                planned || (a.employee == emp("E002") && a.kind == QLatin1String(award::Title));
        QVERIFY(planned);
        closeCycle(nov);
        QList<AwardView> wei = awardsOf("E002");
        QCOMPARE(wei.size(), 1);
        QCOMPARE(wei[0].kind, QLatin1String(award::Title));
        QCOMPARE(wei[0].name, QStringLiteral("Responsibility model"));
        QCOMPARE(wei[0].rule, QStringLiteral("Responsibility model"));
        QVERIFY(wei[0].reason.contains(QStringLiteral("2025-09, 2025-10, 2025-11")));

        // December: a fourth excellent month starts a new streak, no title;
        // Liu Yang's September and October do not join December.
        closeCycle(dec);
        QCOMPARE(awardsOf("E002").size(), 1);
        QVERIFY(awardsOf("E006").isEmpty());
        // Only HR closes, and a closed cycle stays closed.
        org->tick();
        QCOMPARE(CycleClose(*org->store, source()).close(actor("chenjing"), dec).error().code,
                 QStringLiteral("cycle.not_hr"));
        QCOMPARE(CycleClose(*org->store, source()).close(actor("lina"), dec).error().code,
                 QStringLiteral("cycle.closed"));
    }

    void bonusAdjustmentsAreBounded()
    {
        const QUuid dec = monthCycle(2025, 12);
        m_indicators.insert({emp("E002"), dec}, 8000);
        QVERIFY(setSetting(
            PerformanceSettings::RewardRules,
            QJsonObject{
                {QStringLiteral("streaks"), QJsonArray{}},
                {QStringLiteral("max_bonus_bp"), 2000},
                {QStringLiteral("consequences"),
                 QJsonArray{
                     QJsonObject{
                         {QStringLiteral("name"), QStringLiteral("Late delivery")},
                         {QStringLiteral("trigger"), QStringLiteral("issue")},
                         {QStringLiteral("issue_category"), QStringLiteral("delivery_late")},
                         {QStringLiteral("times"), 1},
                         {QStringLiteral("effect"),
                          QJsonObject{{QStringLiteral("kind"), QStringLiteral("bonus")},
                                      {QStringLiteral("bonus_bp"), -6000}}}},
                     QJsonObject{
                         {QStringLiteral("name"), QStringLiteral("Repeated late delivery")},
                         {QStringLiteral("trigger"), QStringLiteral("issue")},
                         {QStringLiteral("issue_category"), QStringLiteral("delivery_late")},
                         {QStringLiteral("times"), 2},
                         {QStringLiteral("effect"),
                          QJsonObject{{QStringLiteral("kind"), QStringLiteral("bonus")},
                                      {QStringLiteral("bonus_bp"), -6000}}}},
                     QJsonObject{{QStringLiteral("name"), QStringLiteral("Quality")},
                                 {QStringLiteral("trigger"), QStringLiteral("issue")},
                                 {QStringLiteral("issue_category"), QStringLiteral("quality")},
                                 {QStringLiteral("effect"),
                                  QJsonObject{{QStringLiteral("kind"),
                                               QStringLiteral("no_promotion")}}}}}}}));
        recordIssue("E002", issue::DeliveryLate, QDate(2025, 12, 5));
        recordIssue("E002", issue::DeliveryLate, QDate(2025, 12, 19));
        recordIssue("E006", issue::Quality, QDate(2025, 12, 8));
        // The issues found the cycle from their dates.
        QCOMPARE(rowCount(*org->store, QStringLiteral("work_issue"),
                          QStringLiteral("cycle_id='%1'").arg(idString(dec))),
                 3);
        closeCycle(dec);
        const QList<AwardView> wei = awardsOf("E002");
        QCOMPARE(wei.size(), 1);
        QCOMPARE(wei[0].kind, QLatin1String(award::Bonus));
        QCOMPARE(wei[0].bonusBp.value_or(0), -10000); // -60% twice: the whole bonus, no more
        QVERIFY(wei[0].reason.contains(QStringLiteral("-120%")));
        QVERIFY(wei[0].rule.contains(QStringLiteral("Repeated late delivery")));
        const QList<AwardView> yang = awardsOf("E006");
        QCOMPARE(yang.size(), 1);
        QCOMPARE(yang[0].kind, QLatin1String(award::NoPromotion));
        // Liu Yang had no indicator, feedback or rating: no result, but the
        // consequence of the issue stands.
        QCOMPARE(rowCount(*org->store, QStringLiteral("review_result"),
                          QStringLiteral("employee_id='%1'").arg(idString(emp("E006")))),
                 0);
    }

    void aClosedCycleRefusesNewRecords()
    {
        const QUuid dec = monthCycle(2025, 12);
        m_indicators.insert({emp("E002"), dec}, 7000);
        Reviews reviews(*org->store, source());
        org->tick();
        QVERIFY(reviews.rate(actor("chenjing"), emp("E002"), dec, 9000, {}));
        closeCycle(dec);
        const qint64 results = rowCount(*org->store, QStringLiteral("review_result"));
        org->tick();
        auto late = reviews.rate(actor("chenjing"), emp("E002"), dec, 9500, {});
        QVERIFY(!late);
        QCOMPARE(late.error().code, QStringLiteral("cycle.closed"));
        // Forged: a new result, a change to the recorded one, an award.
        const QUuid existing =
            parseId(scalar(*org->store, QStringLiteral("SELECT id FROM review_result")).toString());
        const QList<Operation> forged{
            org->op(QStringLiteral("chenjing"), QStringLiteral("review_result"), createUuidV7(),
                    OpKind::Create,
                    {{QStringLiteral("cycle_id"), idString(dec)},
                     {QStringLiteral("employee_id"), idString(emp("E006"))}}),
            org->op(QStringLiteral("lina"), QStringLiteral("review_result"), existing,
                    OpKind::Update,
                    {{QStringLiteral("score_bp"), 9500},
                     {QStringLiteral("grade"), QStringLiteral("A")}}),
            org->op(QStringLiteral("lina"), QStringLiteral("award"), createUuidV7(), OpKind::Append,
                    {{QStringLiteral("cycle_id"), idString(dec)},
                     {QStringLiteral("employee_id"), idString(emp("E002"))},
                     {QStringLiteral("kind"), QStringLiteral("title")},
                     {QStringLiteral("name"), QStringLiteral("Responsibility model")},
                     {QStringLiteral("reason"), QStringLiteral("forged")},
                     {QStringLiteral("granted_by"), idString(emp("E004"))},
                     {QStringLiteral("granted_ms"), org->clockMs}})};
        const auto out = org->store->apply(forged, Origin::Remote);
        for (const ApplyOutcome &o : out) {
            QVERIFY(o.rejected());
            QCOMPARE(o.error.code, QStringLiteral("cycle.closed"));
        }
        QCOMPARE(rowCount(*org->store, QStringLiteral("review_result")), results);
        QCOMPARE(read("review_result", existing).text(u"grade"), QStringLiteral("B"));
        // Nor are issues recorded into it.
        IssueDraft d;
        d.employee = emp("E002");
        d.category = QLatin1String(issue::Other);
        d.title = QStringLiteral("Late");
        d.occurredOn = QDate(2025, 12, 3);
        d.cycle = dec;
        QCOMPARE(WorkIssues(*org->store).record(actor("chenjing"), d).error().code,
                 QStringLiteral("cycle.closed"));
    }

    void causeIsStatedByTheEmployeeAndConfirmedSigned()
    {
        const QUuid dec = monthCycle(2025, 12);
        const QUuid issueId = recordIssue("E002", issue::DocumentMissing, QDate(2025, 12, 10), dec);
        WorkIssues issues(*org->store);
        // An issue in one's own work is not recorded by oneself.
        IssueDraft own;
        own.employee = emp("E001");
        own.category = QLatin1String(issue::Other);
        own.title = QStringLiteral("x");
        own.occurredOn = QDate(2025, 12, 2);
        QCOMPARE(issues.record(actor("chenjing"), own).error().code, QStringLiteral("issue.self"));

        // Only Zhang Wei states the cause, once.
        org->tick();
        QCOMPARE(issues
                     .state(actor("liuyang"), issueId, QLatin1String(attribution::Process),
                            QStringLiteral("x"))
                     .error()
                     .code,
                 QStringLiteral("attribution.not_employee"));
        const Operation forgedStatement =
            org->op(QStringLiteral("liuyang"), QStringLiteral("attribution"), createUuidV7(),
                    OpKind::Append,
                    {{QStringLiteral("issue_id"), idString(issueId)},
                     {QStringLiteral("stage"), QStringLiteral("stated")},
                     {QStringLiteral("cause"), QStringLiteral("external")},
                     {QStringLiteral("statement"), QStringLiteral("Not me")},
                     {QStringLiteral("by_id"), idString(emp("E006"))},
                     {QStringLiteral("at_ms"), org->clockMs}});
        QVERIFY(org->store->apply({forgedStatement}, Origin::Remote).at(0).rejected());
        // A supervisor cannot confirm before the employee has stated.
        QCOMPARE(
            issues.confirm(actor("chenjing"), issueId, QStringLiteral("ok"), signer("chenjing"))
                .error()
                .code,
            QStringLiteral("attribution.not_stated"));
        org->tick();
        auto stated = issues.state(actor("zhangwei"), issueId, QLatin1String(attribution::Process),
                                   QStringLiteral("The template had no acceptance section."));
        QVERIFY2(stated, stated ? "" : qPrintable(stated.error().message));
        org->tick();
        QCOMPARE(issues
                     .state(actor("zhangwei"), issueId, QLatin1String(attribution::Ability),
                            QStringLiteral("again"))
                     .error()
                     .code,
                 QStringLiteral("attribution.stated"));

        // A colleague may not confirm; his supervisor does, signed.
        org->tick();
        QVERIFY(
            !issues.confirm(actor("liuyang"), issueId, QStringLiteral("ok"), signer("liuyang")));
        org->tick();
        auto confirmed = issues.confirm(actor("chenjing"), issueId,
                                        QStringLiteral("Agreed: the template is fixed now."),
                                        signer("chenjing"));
        QVERIFY2(confirmed, confirmed ? "" : qPrintable(confirmed.error().message));
        const Record c = read("attribution", *confirmed);
        QCOMPARE(c.text(u"cause"), QLatin1String(attribution::Process));
        QVERIFY(WorkIssues::verify(*org->store, c));
        auto content = AttributionContent::parse(c.text(u"signed_content").toUtf8());
        QVERIFY(content);
        QCOMPARE(content->statedId, *stated);
        QCOMPARE(content->actorLogin, QStringLiteral("chenjing"));
        auto view = issues.issue(issueId);
        QVERIFY(view);
        QCOMPARE(view->attributions.size(), 2);
        QCOMPARE(view->stage(), QLatin1String(attribution::Confirmed));
        QVERIFY(view->decision()->signatureValid);
        // A second decision is refused.
        org->tick();
        QCOMPARE(issues
                     .correct(actor("lina"), issueId, QLatin1String(attribution::Ability),
                              QStringLiteral("no"), signer("lina"))
                     .error()
                     .code,
                 QStringLiteral("attribution.decided"));
        // Tampering with the record after signing shows on re-checking.
        Record tampered = c;
        tampered.insert(QStringLiteral("statement"), QStringLiteral("Agreed."));
        QVERIFY(!WorkIssues::verify(*org->store, tampered));
    }

    void correctionKeepsTheStatementAndForgedSignaturesAreRefused()
    {
        const QUuid dec = monthCycle(2025, 12);
        const QUuid first = recordIssue("E002", issue::DeliveryLate, QDate(2025, 12, 4), dec);
        const QUuid second = recordIssue("E002", issue::Quality, QDate(2025, 12, 11), dec);
        WorkIssues issues(*org->store);
        for (const QUuid &i : {first, second}) {
            org->tick();
            QVERIFY(issues.state(actor("zhangwei"), i, QLatin1String(attribution::External),
                                 QStringLiteral("The customer changed the date.")));
        }
        // Correcting to the cause stated is a confirmation, refused as such.
        org->tick();
        QCOMPARE(issues
                     .correct(actor("chenjing"), first, QLatin1String(attribution::External),
                              QStringLiteral("x"), signer("chenjing"))
                     .error()
                     .code,
                 QStringLiteral("attribution.same_cause"));
        org->tick();
        auto corrected =
            issues.correct(actor("chenjing"), first, QLatin1String(attribution::Process),
                           QStringLiteral("The change was agreed; the plan was "
                                          "not updated."),
                           signer("chenjing"));
        QVERIFY2(corrected, corrected ? "" : qPrintable(corrected.error().message));
        auto view = issues.issue(first);
        QVERIFY(view);
        QCOMPARE(view->attributions.size(), 2);
        QCOMPARE(view->stated()->cause, QLatin1String(attribution::External));
        QCOMPARE(view->cause(), QLatin1String(attribution::Process));
        QCOMPARE(view->stage(), QLatin1String(attribution::Corrected));

        // Forged decisions on the second issue: a signature over other
        // content, content that does not match the record, and no signature.
        const Record good = read("attribution", *corrected);
        const qint64 at = org->clockMs + 5000;
        auto stated = issues.issue(second);
        QVERIFY(stated && stated->stated());
        AttributionContent content;
        content.issueId = second;
        content.statedId = stated->stated()->id;
        content.statedCause = QLatin1String(attribution::External);
        content.stage = QLatin1String(attribution::Confirmed);
        content.cause = QLatin1String(attribution::External);
        content.statement = QStringLiteral("Confirmed.");
        content.atMs = at;
        const Actor cj = actor("chenjing");
        content.actorEmployee = cj.employeeId;
        content.actorUser = cj.userId;
        content.actorLogin = cj.login;
        content.device = org->store->deviceId();
        const QByteArray bytes = content.canonical();
        auto decision = [&](const QString &signedContent, const QString &signature) {
            return org->op(QStringLiteral("chenjing"), QStringLiteral("attribution"),
                           createUuidV7(), OpKind::Append,
                           {{QStringLiteral("issue_id"), idString(second)},
                            {QStringLiteral("stage"), QStringLiteral("confirmed")},
                            {QStringLiteral("cause"), QStringLiteral("external")},
                            {QStringLiteral("statement"), QStringLiteral("Confirmed.")},
                            {QStringLiteral("by_id"), idString(cj.employeeId)},
                            {QStringLiteral("at_ms"), at},
                            {QStringLiteral("signed_content"), signedContent},
                            {QStringLiteral("signature"), signature}});
        };
        const QList<Operation> forged{
            decision(QString::fromUtf8(bytes), good.text(u"signature")),
            decision(good.text(u"signed_content"), good.text(u"signature")),
            decision(QString::fromUtf8(bytes), QString())};
        for (const Operation &op : forged) {
            const auto out = org->store->apply({op}, Origin::Remote);
            QVERIFY(out.at(0).rejected());
        }
        // Signed properly (Li Na's own key, as HR), the same decision stands.
        auto ok =
            issues.confirm(actor("lina"), second, QStringLiteral("Confirmed."), signer("lina"));
        QVERIFY2(ok, ok ? "" : qPrintable(ok.error().message));
        // The employee sees both steps in his archive, newest issue first.
        auto mine = issues.issuesOf(emp("E002"));
        QVERIFY(mine);
        QCOMPARE(mine->size(), 2);
        QCOMPARE(mine->at(0).id, second);
        QCOMPARE(mine->at(0).stage(), QLatin1String(attribution::Confirmed));
    }
    void demoCompanyHasReviews_data()
    {
        QTest::addColumn<bool>("withGoals");
        QTest::newRow("reviews alone") << false;
        QTest::newRow("after the goals") << true;
    }

    void demoCompanyHasReviews()
    {
        QFETCH(bool, withGoals);
        org.reset();
        QTemporaryDir dir;
        Store::Options options;
        options.path = dir.filePath(QStringLiteral("demo.db"));
        auto opened = Store::open(options);
        QVERIFY(opened);
        Store &store = **opened;
        DemoOptions demo;
        demo.employees = 120;
        demo.locale = QStringLiteral("en");
        auto users = DemoCompany::create(store, demo);
        QVERIFY2(users, users ? "" : qPrintable(users.error().message));
        QHash<QString, DemoAccount> accounts;
        for (const DemoUser &u : *users)
            accounts.insert(
                u.login,
                {parseId(scalar(store, QStringLiteral("SELECT id FROM app_user WHERE login=?"),
                                {u.login})
                             .toString()),
                 u.password});
        const QDate today = QDateTime::fromMSecsSinceEpoch(store.nowMs()).date();
        if (withGoals) {
            const Status goals = addDemoGoals(store, accounts, demo.locale, today);
            QVERIFY2(goals, goals ? "" : qPrintable(goals.error().message));
        }
        const qint64 closedBefore =
            rowCount(store, QStringLiteral("review_cycle"), QStringLiteral("status='closed'"));
        const Status s = addDemoReviews(store, accounts, demo.locale, today, true);
        QVERIFY2(s, s ? "" : qPrintable(s.error().message));
        const auto person = [&](const char *login) {
            return store.actorFor(accounts.value(QLatin1String(login)).userId, store.nowMs())
                ->employeeId;
        };
        Reviews reviews(store);
        auto cycles = reviews.cycles();
        QVERIFY(cycles);
        QUuid current;
        for (const ReviewCycleInfo &c : *cycles)
            if (c.open && c.kind == QLatin1String(cycle::Month))
                current = c.id;
        QVERIFY(!current.isNull());
        // The current month waits on people: requests in Zhang Wei's inbox,
        // a cause for him to state and one for Chen Jing to confirm.
        Feedback fb(store);
        auto waiting = fb.waitingOn(person("zhangwei"));
        QVERIFY(waiting && !waiting->isEmpty());
        auto mine = WorkIssues(store).issuesOf(person("zhangwei"));
        QVERIFY(mine);
        QVERIFY(std::any_of(mine->cbegin(), mine->cend(),
                            [&](const IssueView &i) { return i.cycle == current && !i.stated(); }));
        if (withGoals && closedBefore > 0)
            return; // the goals closed the past months: nothing more is written there

        // Seven months closed with results and awards.
        QCOMPARE(rowCount(store, QStringLiteral("review_cycle"),
                          QStringLiteral("status='closed' AND kind='month'")),
                 7);
        QVERIFY(
            rowCount(store, QStringLiteral("review_result"), QStringLiteral("score_bp IS NOT NULL"))
            > 100);
        QVERIFY(rowCount(store, QStringLiteral("award"), QStringLiteral("kind='title'")) >= 1);
        QVERIFY(rowCount(store, QStringLiteral("award"), QStringLiteral("kind='training'")) >= 1);
        QVERIFY(rowCount(store, QStringLiteral("award"), QStringLiteral("kind='bonus'")) >= 1);
        // Grades spread over the scale.
        QVERIFY(
            scalar(store, QStringLiteral("SELECT count(DISTINCT grade) FROM review_result")).toInt()
            >= 3);
        // Document omissions are the largest category, at about 40%.
        const double issues = rowCount(store, QStringLiteral("work_issue"));
        const double documents = rowCount(store, QStringLiteral("work_issue"),
                                          QStringLiteral("category='document_missing'"));
        QVERIFY(issues > 40);
        QVERIFY2(documents / issues > 0.3 && documents / issues < 0.55,
                 qPrintable(QString::number(documents / issues)));
        // Causes stated, confirmed and corrected, each decision signed.
        QVERIFY(rowCount(store, QStringLiteral("attribution"), QStringLiteral("stage='stated'"))
                >= 8);
        QVERIFY(rowCount(store, QStringLiteral("attribution"), QStringLiteral("stage='corrected'"))
                >= 1);
        QSqlQuery q(store.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM attribution WHERE stage<>'stated'")));
        int decisions = 0;
        while (q.next()) {
            auto a =
                store.readRecord(QStringLiteral("attribution"), parseId(q.value(0).toString()));
            QVERIFY(a && WorkIssues::verify(store, *a));
            ++decisions;
        }
        QVERIFY(decisions >= 5);
        // 360 feedback: Zhang Wei's peers shown without names, Liu Yang's
        // two withheld; a customer's answer with their own message.
        QUuid lastClosed;
        for (const ReviewCycleInfo &c : *cycles)
            if (!c.open && c.kind == QLatin1String(cycle::Month) && lastClosed.isNull())
                lastClosed = c.id;
        auto zw = fb.subjectView(person("zhangwei"), lastClosed);
        auto ly = fb.subjectView(person("liuyang"), lastClosed);
        QVERIFY(zw && ly);
        for (const performance::RoleFeedback &r : zw->roles)
            if (r.role == performance::FeedbackRole::Peer)
                QVERIFY(!r.withheld && r.answers >= 3);
        for (const performance::RoleFeedback &r : ly->roles)
            if (r.role == performance::FeedbackRole::Peer)
                QVERIFY(r.withheld);
        QVERIFY(rowCount(store, QStringLiteral("feedback_answer"),
                         QStringLiteral("customer_message IS NOT NULL"))
                >= 1);
    }
};

QTEST_GUILESS_MAIN(TstReviews)
#include "tst_reviews.moc"
