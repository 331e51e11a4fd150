// Company performance settings are checked when written: each by the
// parser its reader uses, in the service and in the rules (a forged synced
// op), the refusal naming the problem and writing nothing. Reward rules and
// the grade scale they name are kept consistent.
#include "performance/performancesettings.h"
#include "performance/reviewentities.h"
#include "performance/reviewsettings.h"
#include "testorg.h"
#include "unittools.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace baton;
using namespace baton::test;

class TstPerformanceSettings : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestOrg> org;

    Actor actor(const char *login)
    {
        auto a = org->store->actorFor(org->user.value(QLatin1String(login)), org->clockMs);
        return a ? *a : Actor();
    }
    Status setSetting(const char *name, const QJsonValue &value)
    {
        org->tick();
        return PerformanceSettings(*org->store).set(actor("lina"), QLatin1String(name), value);
    }
    static QJsonValue json(const QByteArray &text)
    {
        const QJsonDocument doc = QJsonDocument::fromJson(text);
        [&] { QVERIFY2(!doc.isNull(), text.constData()); }();
        return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    }

private Q_SLOTS:
    void init()
    {
        org = std::make_unique<TestOrg>();
        QVERIFY(org->build());
    }
    void cleanup() { org.reset(); }

    // Every setting is parsed when written, by the parser its reader uses:
    // in the service (what the settings editors show) and in the rules (a
    // synced op). A refusal names the problem and changes nothing.
    void settingsAreCheckedWhenWritten_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("valid");
        QTest::addColumn<QByteArray>("invalid");
        QTest::addColumn<QString>("named"); // what the refusal must mention
        const auto row = [](const char *tag, const char *name, const char *valid,
                            const char *invalid, const char *named) {
            QTest::newRow(tag) << QString::fromLatin1(name) << QByteArray(valid)
                               << QByteArray(invalid) << QString::fromUtf8(named);
        };
        const char *thresholds =
            R"({"task_overdue_days":3,"report_grace_days":2,"approval_late_hours":24})";
        row("thresholds: zero days", PerformanceSettings::AlertThresholds, thresholds,
            R"({"task_overdue_days":0})",
            "(task_overdue_days): a whole number from 1 to 365, not 0.");
        row("thresholds: text", PerformanceSettings::AlertThresholds, thresholds,
            R"({"approval_late_hours":"48"})", "not \"48\"");
        row("thresholds: misspelt key", PerformanceSettings::AlertThresholds, thresholds,
            R"({"task_overdue_day":3})", "“task_overdue_day”");
        row("thresholds: array", PerformanceSettings::AlertThresholds, thresholds, "[3]",
            "JSON object");
        const char *scale = R"({"grades":[{"name":"D","min_bp":0},{"name":"B","min_bp":7000},)"
                            R"({"name":"A","min_bp":9000}]})";
        row("scale: not from zero", PerformanceSettings::GradeScale, scale,
            R"([{"name":"C","min_bp":1000},{"name":"A","min_bp":9000}])", "“C”, starts at 10");
        row("scale: falling", PerformanceSettings::GradeScale, scale,
            R"([{"name":"D","min_bp":0},{"name":"A","min_bp":9000},{"name":"B","min_bp":7000}])",
            "“B” starts at 70");
        row("scale: twice", PerformanceSettings::GradeScale, scale,
            R"([{"name":"D","min_bp":0},{"name":"d","min_bp":5000}])", "appears twice");
        row("scale: no grades", PerformanceSettings::GradeScale, scale, R"({"grades":[]})",
            "no grades");
        row("scale: misspelt list", PerformanceSettings::GradeScale, scale, R"({"grade":[]})",
            "“grade”");
        row("scale: misspelt field", PerformanceSettings::GradeScale, scale,
            R"([{"name":"D","min_bp":0},{"name":"A","minbp":9000}])", "“minbp”");
        row("scale: not a grade", PerformanceSettings::GradeScale, scale, R"(["D","A"])",
            "each grade is an object");
        const char *weights = R"({"indicators_bp":5000,"feedback_bp":2500,"manager_bp":2500})";
        row("weights: 90%", PerformanceSettings::ReviewWeights, weights,
            R"({"indicators_bp":6000,"feedback_bp":2000,"manager_bp":1000})", "90%, not 100%");
        row("weights: negative", PerformanceSettings::ReviewWeights, weights,
            R"({"indicators_bp":11000,"feedback_bp":-1000,"manager_bp":0})", "0 or more");
        row("weights: missing", PerformanceSettings::ReviewWeights, weights,
            R"({"indicators_bp":10000})", "manager_bp");
        row("weights: extra", PerformanceSettings::ReviewWeights, weights,
            R"({"indicators_bp":5000,"feedback_bp":2500,"manager_bp":2500,"bonus_bp":100})",
            "“bonus_bp”");
        row("weights: array", PerformanceSettings::ReviewWeights, weights, "[5000,2500,2500]",
            "JSON object");
        const char *dimensions = R"({"dimensions":[{"key":"ownership","title":"Ownership",)"
                                 R"("min":0,"max":10}],"anonymity_threshold":4})";
        row("dimensions: range", PerformanceSettings::FeedbackDimensions, dimensions,
            R"([{"key":"ownership","title":"Ownership","min":5,"max":5}])", "“Ownership”");
        row("dimensions: threshold", PerformanceSettings::FeedbackDimensions, dimensions,
            R"({"dimensions":[{"key":"x","min":1,"max":5}],"anonymity_threshold":1})",
            "anonymity threshold");
        row("dimensions: none", PerformanceSettings::FeedbackDimensions, dimensions, "[]",
            "no dimensions");
        row("dimensions: misspelt field", PerformanceSettings::FeedbackDimensions, dimensions,
            R"([{"key":"x","titel":"Ownership","min":1,"max":5}])", "“titel”");
        row("dimensions: misspelt list", PerformanceSettings::FeedbackDimensions, dimensions,
            R"({"dimension":[{"key":"x","min":1,"max":5}]})", "“dimension”");
        row("dimensions: not a dimension", PerformanceSettings::FeedbackDimensions, dimensions,
            R"(["ownership"])", "each dimension is an object");
        row("dimensions: twice", PerformanceSettings::FeedbackDimensions, dimensions,
            R"([{"key":"x","min":1,"max":5},{"key":"x","min":1,"max":3}])", "“x” appears twice");
        const char *rewards =
            R"({"streaks":[{"name":"Star","cycle":"month","grade":"A","consecutive":2,)"
            R"("effect":{"kind":"title","name":"Star"}}],"consequences":[],"max_bonus_bp":2000})";
        row("rewards: unknown grade", PerformanceSettings::RewardRules, rewards,
            R"({"streaks":[{"name":"Star","grade":"S","effect":{"kind":"title","name":"Star"}}]})",
            "“S”");
        row("rewards: unknown effect", PerformanceSettings::RewardRules, rewards,
            R"({"streaks":[{"name":"Star","grade":"A","effect":{"kind":"cash"}}]})", "“cash”");
        row("rewards: weekly", PerformanceSettings::RewardRules, rewards,
            R"({"streaks":[{"name":"Star","cycle":"week","grade":"A",)"
            R"("effect":{"kind":"title","name":"Star"}}]})",
            "“week”");
        row("rewards: bonus cap", PerformanceSettings::RewardRules, rewards,
            R"({"max_bonus_bp":20000})", "max_bonus_bp");
        row("rewards: trigger", PerformanceSettings::RewardRules, rewards,
            R"({"consequences":[{"name":"Rain","trigger":"weather",)"
            R"("effect":{"kind":"no_promotion"}}]})",
            "“weather”");
        // Reward rules that were once read leniently: the defaults in place
        // of an array, a misspelt key ignored, a bad bound, count or
        // threshold replaced, any issue category taken.
        const char *title = R"("effect":{"kind":"title","name":"Star"})";
        const auto streak = [title](const char *fields) -> QByteArray {
            return QByteArray(R"({"streaks":[{"name":"Star","grade":"A",)") + fields + ',' + title
                   + "}]}";
        };
        const auto issueRule = [](const char *fields) -> QByteArray {
            return QByteArray(R"({"consequences":[{"name":"Late","trigger":"issue",)") + fields
                   + R"(,"effect":{"kind":"no_promotion"}}]})";
        };
        const auto indicatorRule = [](const char *fields) -> QByteArray {
            return QByteArray(R"({"consequences":[{"name":"Slow","trigger":"indicator",)")
                   + R"("indicator":"On-time rate",)" + fields
                   + R"(,"effect":{"kind":"no_promotion"}}]})";
        };
        const auto rewardRow = [rewards](const char *tag, const QByteArray &invalid,
                                         const char *named) {
            QTest::newRow(tag) << QString::fromLatin1(PerformanceSettings::RewardRules)
                               << QByteArray(rewards) << invalid << QString::fromUtf8(named);
        };
        rewardRow("rewards: array",
                  R"([{"name":"Star","grade":"A","consecutive":2,"effect":{"kind":"title",)"
                  R"("name":"Star"}}])",
                  "not an array");
        rewardRow("rewards: misspelt key", R"({"max_bonus":2000})", "“max_bonus”");
        rewardRow("rewards: streaks not a list", R"({"streaks":{"name":"Star"}})",
                  "streaks is a JSON array");
        rewardRow("rewards: misspelt streak key", streak(R"("consecutiv":2)"), "“consecutiv”");
        rewardRow("rewards: unknown bound", streak(R"("bound":"at_best")"), "“at_best”");
        rewardRow("rewards: zero in a row", streak(R"("consecutive":0)"),
                  "consecutive, a whole number from 1 to 100, not 0.");
        rewardRow("rewards: in a row as text", streak(R"("consecutive":"3")"), "not \"3\"");
        rewardRow("rewards: misspelt effect key",
                  R"({"streaks":[{"name":"Star","grade":"A","effect":{"kind":"bonus",)"
                  R"("bonus":500}}]})",
                  "“bonus”");
        rewardRow("rewards: bonus of a title",
                  R"({"streaks":[{"name":"Star","grade":"A","effect":{"kind":"title",)"
                  R"("name":"Star","bonus_bp":500}}]})",
                  "takes no bonus_bp");
        rewardRow("rewards: misspelt consequence key",
                  issueRule(R"("issue_category":"quality","time":2)"), "“time”");
        rewardRow("rewards: key of the other trigger",
                  indicatorRule(R"("below_bp":9000,"times":2)"), "“times”");
        rewardRow("rewards: unknown category", issueRule(R"("issue_category":"delivery_lat")"),
                  "“delivery_lat”");
        rewardRow("rewards: no category", issueRule(R"("times":2)"), "needs issue_category");
        rewardRow("rewards: half a time", issueRule(R"("issue_category":"quality","times":1.5)"),
                  "times, a whole number from 1 to 100, not 1.5.");
        rewardRow("rewards: below zero", indicatorRule(R"("below_bp":0)"),
                  "below_bp, a whole number from 1 to 12000, not 0.");
        rewardRow("rewards: below as text", indicatorRule(R"("below_bp":"90%")"), "not \"90%\"");
    }

    void settingsAreCheckedWhenWritten()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, valid);
        QFETCH(QByteArray, invalid);
        QFETCH(QString, named);
        PerformanceSettings settings(*org->store);
        const auto rows = [this] {
            return rowCount(*org->store, QStringLiteral("performance_setting"));
        };
        // Empty when e is the parser's refusal naming the problem; else e.
        const auto unlessRefusedAsNamed = [&](const Error &e) -> QString {
            if (e.code == QLatin1String("field.invalid") && e.message.contains(named))
                return QString();
            return e.code + QLatin1String(": ") + e.message;
        };
        const auto forge = [&](const QUuid &id, OpKind kind) {
            QJsonObject fields{{QStringLiteral("value"), QString::fromUtf8(invalid)}};
            if (kind == OpKind::Create)
                fields.insert(QStringLiteral("name"), name);
            org->tick();
            return org->store->apply(
                {org->op(QStringLiteral("lina"), QStringLiteral("performance_setting"), id, kind,
                         fields)},
                Origin::Remote);
        };

        // Never set: refused by the service and, forged, by the rules.
        org->tick();
        Status refused = settings.set(actor("lina"), name, json(invalid));
        QVERIFY(!refused);
        QCOMPARE(unlessRefusedAsNamed(refused.error()), QString());
        auto created = forge(createUuidV7(), OpKind::Create);
        QVERIFY(created.at(0).rejected());
        QCOMPARE(unlessRefusedAsNamed(created.at(0).error), QString());
        QCOMPARE(rows(), 0);
        QVERIFY(settings.value(name)->isNull());

        // A good value is stored and read back as written.
        org->tick();
        const Status saved = settings.set(actor("lina"), name, json(valid));
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
        QCOMPARE(*settings.value(name), json(valid));
        QVERIFY(ReviewSettings::load(*org->store));

        // Over it, the bad value changes nothing either way.
        org->tick();
        refused = settings.set(actor("lina"), name, json(invalid));
        QVERIFY(!refused);
        QCOMPARE(unlessRefusedAsNamed(refused.error()), QString());
        const QUuid id = parseId(scalar(*org->store,
                                        QStringLiteral("SELECT id FROM performance_setting "
                                                       "WHERE name=?"),
                                        {name})
                                     .toString());
        auto updated = forge(id, OpKind::Update);
        QVERIFY(updated.at(0).rejected());
        QCOMPARE(unlessRefusedAsNamed(updated.at(0).error), QString());
        QCOMPARE(rows(), 1);
        QCOMPARE(*settings.value(name), json(valid));
    }

    // Reward rules name the company's grades: they are checked on its own
    // scale, and a new scale must keep the grades they name.
    void rewardRulesAndTheGradeScaleStayTogether()
    {
        const QJsonArray words{QJsonObject{{QStringLiteral("name"), QStringLiteral("Poor")},
                                           {QStringLiteral("min_bp"), 0}},
                               QJsonObject{{QStringLiteral("name"), QStringLiteral("Excellent")},
                                           {QStringLiteral("min_bp"), 8500}}};
        QVERIFY(setSetting(PerformanceSettings::GradeScale, words));
        const auto streakOn = [](const char *grade) {
            return QJsonObject{
                {QStringLiteral("streaks"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("name"), QStringLiteral("Star")},
                     {QStringLiteral("grade"), QLatin1String(grade)},
                     {QStringLiteral("consecutive"), 2},
                     {QStringLiteral("effect"),
                      QJsonObject{{QStringLiteral("kind"), QStringLiteral("title")},
                                  {QStringLiteral("name"), QStringLiteral("Star")}}}}}}};
        };
        // "A" is the default scale's, not this company's.
        const Status onA = setSetting(PerformanceSettings::RewardRules, streakOn("A"));
        QVERIFY(!onA);
        QVERIFY2(onA.error().message.contains(QStringLiteral("“A”")),
                 qPrintable(onA.error().message));
        QVERIFY(setSetting(PerformanceSettings::RewardRules, streakOn("Excellent")));

        // Letters in place of words would leave "Excellent" unnamed.
        const QJsonArray letters{QJsonObject{{QStringLiteral("name"), QStringLiteral("D")},
                                             {QStringLiteral("min_bp"), 0}},
                                 QJsonObject{{QStringLiteral("name"), QStringLiteral("A")},
                                             {QStringLiteral("min_bp"), 9000}}};
        const Status renamed = setSetting(PerformanceSettings::GradeScale, letters);
        QVERIFY(!renamed);
        QCOMPARE(renamed.error().code, QStringLiteral("field.invalid"));
        QVERIFY2(renamed.error().message.contains(QStringLiteral("“Excellent”")),
                 qPrintable(renamed.error().message));
        // The same scale forged as a synced op is refused by the rules.
        const QUuid scaleId = parseId(
            scalar(*org->store, QStringLiteral("SELECT id FROM performance_setting WHERE name=?"),
                   {QLatin1String(PerformanceSettings::GradeScale)})
                .toString());
        org->tick();
        const auto out = org->store->apply(
            {org->op(
                QStringLiteral("lina"), QStringLiteral("performance_setting"), scaleId,
                OpKind::Update,
                {{QStringLiteral("value"), QString::fromUtf8(QJsonDocument(letters).toJson())}})},
            Origin::Remote);
        QVERIFY(out.at(0).rejected());
        QCOMPARE(out.at(0).error.code, QStringLiteral("field.invalid"));
        auto loaded = ReviewSettings::load(*org->store);
        QVERIFY(loaded);
        QCOMPARE(loaded->scale().grades().constLast().name, QStringLiteral("Excellent"));
        // Rules first, then the scale: both accepted.
        QVERIFY(setSetting(PerformanceSettings::RewardRules, QJsonObject{}));
        QVERIFY(setSetting(PerformanceSettings::GradeScale, letters));
        QVERIFY(ReviewSettings::load(*org->store));
    }

    // Every form the documentation gives is read as it says (reviewsettings.h).
    void documentedRewardRulesAreRead()
    {
        const QByteArray rules =
            R"({"streaks":[{"name":"Responsibility model","cycle":"month",)"
            R"("grade":"A","bound":"at_least","consecutive":3,)"
            R"("effect":{"kind":"title","name":"Responsibility model"}},)"
            R"({"name":"Slipping","cycle":"quarter","grade":"C","bound":"at_most",)"
            R"("effect":{"kind":"training","name":"Planning"}}],)"
            R"("consequences":[{"name":"Late delivery","trigger":"issue",)"
            R"("issue_category":"delivery_late","times":2,)"
            R"("effect":{"kind":"bonus","bonus_bp":-1000}},)"
            R"({"name":"On time","trigger":"indicator","indicator":"On-time rate",)"
            R"("below_bp":9000,"effect":{"kind":"no_promotion"}},)"
            R"({"name":"Missed","trigger":"indicator","indicator":"Output",)"
            R"("effect":{"kind":"no_promotion"}}],)"
            R"("max_bonus_bp":2500})";
        const Status saved = setSetting(PerformanceSettings::RewardRules, json(rules));
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
        auto loaded = ReviewSettings::load(*org->store);
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
        const RewardSettings &r = loaded->rewards();
        QCOMPARE(r.maxBonusBp, 2500);
        QCOMPARE(r.streaks.size(), 2);
        QCOMPARE(r.streaks[0].cycleLength, performance::CycleLength::Month);
        QCOMPARE(r.streaks[0].bound, performance::GradeBound::AtLeast);
        QCOMPARE(r.streaks[0].consecutive, 3);
        QCOMPARE(r.streaks[1].cycleLength, performance::CycleLength::Quarter);
        QCOMPARE(r.streaks[1].bound, performance::GradeBound::AtMost);
        QCOMPARE(r.streaks[1].consecutive, 1); // absent: one cycle
        QCOMPARE(r.streaks[1].effect.kind, performance::ConsequenceEffect::Kind::TrainingAssigned);
        QCOMPARE(r.streaks[1].effect.name, QStringLiteral("Planning"));
        QVERIFY(r.consequencesConfigured);
        QCOMPARE(r.consequences.size(), 3);
        QCOMPARE(r.consequences[0].trigger.issueCategory, QLatin1String(issue::DeliveryLate));
        QCOMPARE(r.consequences[0].trigger.times, 2);
        QCOMPARE(r.consequences[0].effect.bonusBasisPoints, -1000);
        QCOMPARE(r.consequences[1].trigger.belowPercent, 90.0);
        QCOMPARE(r.consequences[2].trigger.belowPercent, 100.0); // absent: the target
        // Every issue category can be counted.
        for (const QString &category : issue::categories()) {
            QJsonObject rule{
                {QStringLiteral("name"), category},
                {QStringLiteral("trigger"), QStringLiteral("issue")},
                {QStringLiteral("issue_category"), category},
                {QStringLiteral("effect"),
                 QJsonObject{{QStringLiteral("kind"), QStringLiteral("no_promotion")}}}};
            const Status s =
                setSetting(PerformanceSettings::RewardRules,
                           QJsonObject{{QStringLiteral("consequences"), QJsonArray{rule}}});
            QVERIFY2(s, qPrintable(category));
        }
        // With nothing set, the built-in rules hold on the default scale.
        auto defaults = ReviewSettings::load([](const QString &) { return QJsonValue(); });
        QVERIFY2(defaults, defaults ? "" : qPrintable(defaults.error().message));
        QCOMPARE(defaults->rewards().streaks.size(), 3);
        QCOMPARE(defaults->rewards().consequences.size(), 3);
    }

    // Rules stored before they were parsed strictly are refused when read,
    // naming the setting, rather than read as something else.
    void rewardRulesStoredBeforeAreRefusedWhenRead_data()
    {
        QTest::addColumn<QByteArray>("stored");
        QTest::addColumn<QString>("named");
        QTest::newRow("array") << QByteArray(R"([{"name":"Star","grade":"A"}])")
                               << QStringLiteral("an array");
        QTest::newRow("misspelt") << QByteArray(R"({"max_bonus":500})")
                                  << QStringLiteral("“max_bonus”");
        QTest::newRow("bound") << QByteArray(R"({"streaks":[{"name":"Star","grade":"A",)"
                                             R"("bound":"above","effect":{"kind":"title",)"
                                             R"("name":"Star"}}]})")
                               << QStringLiteral("“above”");
    }
    void rewardRulesStoredBeforeAreRefusedWhenRead()
    {
        QFETCH(QByteArray, stored);
        QFETCH(QString, named);
        const QJsonValue value = json(stored);
        auto loaded = ReviewSettings::load([&](const QString &name) {
            return name == QLatin1String(PerformanceSettings::RewardRules) ? value : QJsonValue();
        });
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().message.contains(QStringLiteral("“reward_rules”")),
                 qPrintable(loaded.error().message));
        QVERIFY2(loaded.error().message.contains(named), qPrintable(loaded.error().message));
    }
};

QTEST_GUILESS_MAIN(TstPerformanceSettings)
#include "tst_performancesettings.moc"
