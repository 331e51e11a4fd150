// 360 feedback: asking peers, the manager, people reporting to the subject
// and customers; answers scored within each dimension's range by the person
// asked only; what the subject sees (anonymous from three peer answers) and
// what their supervisors and HR see, and on their own synced device the
// view published with their review; forged ops refused by the rules.
#include "handoverfixture.h"
#include "performance/feedback.h"
#include "performance/performancesettings.h"
#include "performance/reviewentities.h"
#include "performance/reviews.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace baton;
using namespace baton::test;

class TstFeedback : public HandoverFixture
{
    Q_OBJECT

    QUuid m_cycle;

    qint64 answers() { return rowCount(*org->store, QStringLiteral("feedback_answer")); }
    QUuid openCycle(const QString &title, const QDate &from, const QDate &to)
    {
        QUuid id;
        [&] {
            QVERIFY(create("lina", "review_cycle",
                           {{QStringLiteral("kind"), QStringLiteral("month")},
                            {QStringLiteral("title"), title},
                            {QStringLiteral("starts_on"), from.toString(Qt::ISODate)},
                            {QStringLiteral("ends_on"), to.toString(Qt::ISODate)}},
                           &id));
        }();
        return id;
    }
    // Chen Jing asks about Zhang Wei (E002): the given peers, and herself
    // as his manager.
    QList<QUuid> ask(const QStringList &peers, bool manager = false)
    {
        QList<FeedbackAsk> asks;
        for (const QString &p : peers)
            asks.append({QLatin1String(feedback::Peer), org->emp.value(p), {}});
        if (manager)
            asks.append({QLatin1String(feedback::Manager), emp("E001"), {}});
        org->tick();
        auto ids = Feedback(*org->store).request(actor("chenjing"), m_cycle, emp("E002"), asks);
        [&] { QVERIFY2(ids, ids ? "" : qPrintable(ids.error().message)); }();
        return ids ? *ids : QList<QUuid>();
    }
    Result<QUuid> answer(const char *login, const QUuid &request, QHash<QString, int> scores,
                         const QString &comment = {})
    {
        org->tick();
        FeedbackAnswerDraft d;
        d.scores = std::move(scores);
        d.comment = comment;
        return Feedback(*org->store).answer(actor(login), request, d);
    }
    static QHash<QString, int> all(int v)
    {
        return {{QStringLiteral("responsibility"), v},
                {QStringLiteral("collaboration"), v},
                {QStringLiteral("communication"), v},
                {QStringLiteral("delivery"), v}};
    }

private Q_SLOTS:
    void init()
    {
        setUp();
        m_cycle = openCycle(QStringLiteral("2025-12"), QDate(2025, 12, 1), QDate(2025, 12, 31));
    }
    void cleanup() { org.reset(); }

    void scoreOutOfRangeIsRefusedNamingTheDimension()
    {
        const QList<QUuid> asked = ask({QStringLiteral("E006")});
        auto bad = answer("liuyang", asked[0],
                          {{QStringLiteral("responsibility"), 4}, {QStringLiteral("delivery"), 7}});
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, QStringLiteral("feedback.score_range"));
        QCOMPARE(bad.error().message,
                 QStringLiteral("A score of 7 for “Delivery” is outside its range of 1 to 5."));
        QCOMPARE(answers(), 0);
        auto unknown = answer("liuyang", asked[0], {{QStringLiteral("charm"), 3}});
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, QStringLiteral("feedback.unknown_dimension"));
        QVERIFY(!answer("liuyang", asked[0], {}));
        QCOMPARE(answers(), 0);

        // The company's own form: its dimension and range are the ones named.
        org->tick();
        QVERIFY(PerformanceSettings(*org->store)
                    .set(actor("lina"), QLatin1String(PerformanceSettings::FeedbackDimensions),
                         QJsonObject{{QStringLiteral("dimensions"),
                                      QJsonArray{QJsonObject{
                                          {QStringLiteral("key"), QStringLiteral("ownership")},
                                          {QStringLiteral("title"), QStringLiteral("Ownership")},
                                          {QStringLiteral("min"), 0},
                                          {QStringLiteral("max"), 10}}}}}));
        auto over = answer("liuyang", asked[0], {{QStringLiteral("ownership"), 11}});
        QVERIFY(!over);
        QCOMPARE(over.error().message,
                 QStringLiteral("A score of 11 for “Ownership” is outside its range of 0 to 10."));
        QCOMPARE(answers(), 0);
        auto ok = answer("liuyang", asked[0], {{QStringLiteral("ownership"), 0}});
        QVERIFY2(ok, ok ? "" : qPrintable(ok.error().message));
        QCOMPARE(answers(), 1);

        // A forged answer with a fractional or out-of-range score is refused
        // by the rules as well, whoever sends it.
        const QList<QUuid> more = ask({QStringLiteral("E003")});
        for (const char *scores : {"{\"ownership\":2.5}", "{\"ownership\":-1}", "[1,2]"}) {
            const Operation op =
                org->op(QStringLiteral("wangfang"), QStringLiteral("feedback_answer"),
                        createUuidV7(), OpKind::Append,
                        {{QStringLiteral("request_id"), idString(more[0])},
                         {QStringLiteral("scores"), QLatin1String(scores)},
                         {QStringLiteral("entered_by"), idString(emp("E003"))},
                         {QStringLiteral("answered_ms"), org->clockMs}});
            const auto outcome = org->store->apply({op}, Origin::Remote);
            QVERIFY2(outcome.at(0).rejected(), scores);
        }
        QCOMPARE(answers(), 1);
    }

    void onlyThePersonAskedAnswersOnce()
    {
        const QList<QUuid> asked = ask({QStringLiteral("E006")});
        // Zhang Wei cannot answer about himself in Liu Yang's place.
        auto wrong = answer("zhangwei", asked[0], all(5));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, QStringLiteral("feedback.not_respondent"));
        // Nor by forging an op in Liu Yang's name.
        const Operation forged =
            org->op(QStringLiteral("zhangwei"), QStringLiteral("feedback_answer"), createUuidV7(),
                    OpKind::Append,
                    {{QStringLiteral("request_id"), idString(asked[0])},
                     {QStringLiteral("scores"), QStringLiteral("{\"delivery\":5}")},
                     {QStringLiteral("entered_by"), idString(emp("E006"))},
                     {QStringLiteral("answered_ms"), org->clockMs}});
        QVERIFY(org->store->apply({forged}, Origin::Remote).at(0).rejected());
        QCOMPARE(answers(), 0);
        QVERIFY(answer("liuyang", asked[0], all(4)));
        auto twice = answer("liuyang", asked[0], all(3));
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, QStringLiteral("feedback.answered"));
        QCOMPARE(answers(), 1);
        // Answered, it leaves Liu Yang's inbox.
        auto waiting = Feedback(*org->store).waitingOn(emp("E006"));
        QVERIFY(waiting && waiting->isEmpty());
    }

    void requestsAreCheckedAndBatched()
    {
        Feedback fb(*org->store);
        org->tick();
        // Asking the subject, a supervisor as a peer, someone twice, or in
        // someone else's subtree: refused, and nothing of the batch saved.
        auto self = fb.request(actor("chenjing"), m_cycle, emp("E002"),
                               {{QLatin1String(feedback::Peer), emp("E002"), {}}});
        QVERIFY(!self);
        auto asPeer = fb.request(actor("chenjing"), m_cycle, emp("E002"),
                                 {{QLatin1String(feedback::Peer), emp("E006"), {}},
                                  {QLatin1String(feedback::Peer), emp("E001"), {}}});
        QVERIFY(!asPeer);
        QCOMPARE(asPeer.error().code, QStringLiteral("feedback.relation"));
        auto twice = fb.request(actor("chenjing"), m_cycle, emp("E002"),
                                {{QLatin1String(feedback::Peer), emp("E006"), {}},
                                 {QLatin1String(feedback::Peer), emp("E006"), {}}});
        QVERIFY(!twice);
        auto outside = fb.request(actor("wangfang"), m_cycle, emp("E002"),
                                  {{QLatin1String(feedback::Peer), emp("E006"), {}}});
        QVERIFY(!outside);
        QCOMPARE(outside.error().code, QStringLiteral("policy.denied"));
        QCOMPARE(rowCount(*org->store, QStringLiteral("feedback_request")), 0);

        // Peers, the manager and someone reporting to Chen Jing, in one batch.
        auto ids = fb.request(actor("lina"), m_cycle, emp("E001"),
                              {{QLatin1String(feedback::Peer), emp("E003"), {}},
                               {QLatin1String(feedback::Subordinate), emp("E002"), {}}});
        QVERIFY2(ids, ids ? "" : qPrintable(ids.error().message));
        QCOMPARE(ids->size(), 2);
        auto again = fb.request(actor("lina"), m_cycle, emp("E001"),
                                {{QLatin1String(feedback::Peer), emp("E003"), {}}});
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("feedback.duplicate"));
        auto inbox = fb.waitingOn(emp("E002"));
        QVERIFY(inbox);
        QCOMPARE(inbox->size(), 1);
        QCOMPARE(inbox->at(0).subjectName, QStringLiteral("Jing Chen"));
        QCOMPARE(inbox->at(0).relation, QLatin1String(feedback::Subordinate));
    }

    void customerAnswersComeWithTheirMessage()
    {
        giveZhangWeiWork(); // he owns the customer 华东建材
        Feedback fb(*org->store);
        org->tick();
        // The account owner enters a customer's answer: asking someone else
        // to is refused.
        auto wrongOwner =
            fb.request(actor("chenjing"), m_cycle, emp("E006"),
                       {{QLatin1String(feedback::Customer), emp("E001"), work.customer}});
        QVERIFY(!wrongOwner);
        QCOMPARE(wrongOwner.error().code, QStringLiteral("feedback.not_owner"));
        auto ids = fb.request(actor("chenjing"), m_cycle, emp("E006"),
                              {{QLatin1String(feedback::Customer), {}, work.customer}});
        QVERIFY2(ids, ids ? "" : qPrintable(ids.error().message));
        auto request = fb.requestById(ids->at(0));
        QVERIFY(request);
        QCOMPARE(request->respondent, emp("E002"));
        QCOMPARE(request->customerName, QStringLiteral("华东建材"));
        // Without the customer's own message: refused.
        auto bare = answer("zhangwei", ids->at(0), all(5));
        QVERIFY(!bare);
        QCOMPARE(bare.error().code, QStringLiteral("feedback.customer_message"));
        FeedbackAnswerDraft d;
        d.scores = all(4);
        d.customerMessage = QStringLiteral("刘洋响应及时，交付文档齐全。");
        d.messageFile = QByteArrayLiteral("From: buyer@hd-jiancai.cn\n\nThanks for the quick fix.");
        d.messageFileMime = QStringLiteral("message/rfc822");
        org->tick();
        auto ok = fb.answer(actor("zhangwei"), ids->at(0), d);
        QVERIFY2(ok, ok ? "" : qPrintable(ok.error().message));
        const Record a = read("feedback_answer", *ok);
        QCOMPARE(a.text(u"customer_message"), d.customerMessage);
        QCOMPARE(a.text(u"message_sha256").size(), 64);
        // The subject sees the customer's scores without a threshold, and
        // without the name of who entered them.
        auto view = fb.subjectView(emp("E006"), m_cycle);
        QVERIFY(view);
        QCOMPARE(view->roles.size(), 1);
        QCOMPARE(view->roles[0].role, performance::FeedbackRole::Customer);
        QVERIFY(!view->roles[0].withheld);
        QCOMPARE(view->overall[0].average.value_or(0), 4.0);
    }

    void subjectSeesPeersOnlyFromThreeAnswers()
    {
        const QList<QUuid> asked =
            ask({QStringLiteral("E006"), QStringLiteral("E003"), QStringLiteral("E005")}, true);
        QVERIFY(answer("chenjing", asked[3], all(5), QStringLiteral("Reliable on delivery.")));
        QVERIFY(answer("liuyang", asked[0], all(2), QStringLiteral("Late with the minutes.")));
        QVERIFY(answer("wangfang", asked[1], all(3)));
        Feedback fb(*org->store);

        // Two peers: withheld, from the peer section and from the overall
        // averages alike; the manager's answer is shown with her name.
        auto two = fb.subjectView(emp("E002"), m_cycle);
        QVERIFY2(two, two ? "" : qPrintable(two.error().message));
        const performance::RoleFeedback *peers = nullptr;
        const performance::RoleFeedback *manager = nullptr;
        for (const performance::RoleFeedback &r : two->roles) {
            if (r.role == performance::FeedbackRole::Peer)
                peers = &r;
            if (r.role == performance::FeedbackRole::Manager)
                manager = &r;
        }
        QVERIFY(peers && manager);
        QVERIFY(peers->withheld);
        QCOMPARE(peers->answers, 2);
        QVERIFY(peers->comments.isEmpty());
        QCOMPARE(two->overall[0].average.value_or(0), 5.0);
        QCOMPARE(manager->comments.at(0).author, emp("E001"));
        // The feedback part of his score rests on what he may see only.
        auto scoreTwo = fb.scoreBp(emp("E002"), m_cycle);
        QVERIFY(scoreTwo);
        QCOMPARE(scoreTwo->value_or(-1), 10000);

        // A third peer: shown, without names.
        QVERIFY(answer("zhaolei", asked[2], all(4), QStringLiteral("Helpful.")));
        auto three = fb.subjectView(emp("E002"), m_cycle);
        QVERIFY(three);
        for (const performance::RoleFeedback &r : three->roles)
            if (r.role == performance::FeedbackRole::Peer) {
                QVERIFY(!r.withheld);
                QCOMPARE(r.answers, 3);
                QCOMPARE(r.averages[0].average.value_or(0), 3.0);
                QCOMPARE(r.comments.size(), 2);
                for (const performance::VisibleComment &c : r.comments)
                    QVERIFY(c.author.isNull());
            }
        // (5 + 2 + 3 + 4) / 4 = 3.5 on 1..5: 62.5%.
        QCOMPARE(three->overall[0].average.value_or(0), 3.5);
        QCOMPARE(fb.scoreBp(emp("E002"), m_cycle)->value_or(-1), 6250);

        // Who said what: his supervisor and HR, never himself.
        auto full = fb.answersFor(actor("chenjing"), emp("E002"), m_cycle);
        QVERIFY(full);
        QCOMPARE(full->size(), 4);
        QStringList names;
        for (const FeedbackAnswerView &a : *full)
            names.append(a.authorName);
        QVERIFY(names.contains(QStringLiteral("Yang Liu")));
        QVERIFY(fb.answersFor(actor("lina"), emp("E002"), m_cycle));
        auto mine = fb.answersFor(actor("zhangwei"), emp("E002"), m_cycle);
        QVERIFY(!mine);
        QCOMPARE(mine.error().code, QStringLiteral("feedback.private"));
        QVERIFY(!fb.answersFor(actor("wangfang"), emp("E002"), m_cycle));
        // Nor does the server send him the answers: he may not see them.
        auto zw = actor("zhangwei");
        auto cj = actor("chenjing");
        const QUuid anAnswer =
            parseId(scalar(*org->store, QStringLiteral("SELECT id FROM feedback_answer LIMIT 1"))
                        .toString());
        QCOMPARE(org->store->maySee(zw, QStringLiteral("feedback_answer"), anAnswer, org->clockMs)
                     .value(),
                 false);
        QCOMPARE(org->store->maySee(cj, QStringLiteral("feedback_answer"), anAnswer, org->clockMs)
                     .value(),
                 true);
    }

    void aSubjectsOwnDeviceShowsTheViewPublishedWithTheReview()
    {
        const QList<QUuid> asked =
            ask({QStringLiteral("E006"), QStringLiteral("E003"), QStringLiteral("E005")}, true);
        QVERIFY(answer("chenjing", asked[3], all(5), QStringLiteral("Reliable on delivery.")));
        QVERIFY(answer("liuyang", asked[0], all(2), QStringLiteral("Late with the minutes.")));
        QVERIFY(answer("wangfang", asked[1], all(3)));
        QVERIFY(answer("zhaolei", asked[2], all(4), QStringLiteral("Helpful.")));
        Feedback fb(*org->store);
        auto here = fb.visibleView(emp("E002"), m_cycle);
        QVERIFY(here);
        QVERIFY(!here->published); // this store holds the answers

        // His supervisor rates him: the result carries the view he may see.
        org->tick();
        auto result = Reviews(*org->store).rate(actor("chenjing"), emp("E002"), m_cycle, 8000, {});
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
        const QString stored = read("review_result", *result).text(u"feedback_view");
        QVERIFY(!stored.isEmpty());
        QVERIFY(!stored.contains(idString(emp("E006")))); // no peer's name travels with it
        QCOMPARE(
            org->store
                ->maySee(actor("zhangwei"), QStringLiteral("review_result"), *result, org->clockMs)
                .value(),
            true);

        // His own synced device: the server never sent it the answers.
        QVERIFY(org->store->database().exec(QStringLiteral("DELETE FROM feedback_answer")));
        QVERIFY(fb.subjectView(emp("E002"), m_cycle)->roles.isEmpty());
        auto there = fb.visibleView(emp("E002"), m_cycle);
        QVERIFY2(there, there ? "" : qPrintable(there.error().message));
        QVERIFY(there->published);
        QCOMPARE(there->view.roles.size(), here->view.roles.size());
        QCOMPARE(there->view.overall[0].average.value_or(0), 3.5);
        for (const performance::RoleFeedback &r : there->view.roles) {
            if (r.role == performance::FeedbackRole::Peer) {
                QVERIFY(!r.withheld);
                QCOMPARE(r.answers, 3);
                QCOMPARE(r.averages[0].average.value_or(0), 3.0);
                QCOMPARE(r.comments.size(), 2);
                QVERIFY(r.comments[0].author.isNull());
            }
            if (r.role == performance::FeedbackRole::Manager)
                QCOMPARE(r.comments.at(0).author, emp("E001"));
        }

        // A view that names a peer is refused, whoever writes it.
        const QString forged =
            QStringLiteral("{\"threshold\":3,\"overall\":[],\"roles\":[{\"role\":\"peer\","
                           "\"answers\":1,\"averages\":[],\"comments\":[{\"text\":\"x\","
                           "\"author\":\"%1\"}]}]}")
                .arg(idString(emp("E006")));
        org->tick();
        const Status refused = update("chenjing", "review_result", *result,
                                      {{QStringLiteral("feedback_view"), forged}});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("field.invalid"));
        QCOMPARE(read("review_result", *result).text(u"feedback_view"), stored);
    }

    void aManagerDoesNotReadWhatIsSaidAboutThemselves()
    {
        // Chen Jing manages Projects, where she is; the answers about her
        // are her own manager's and HR's to read.
        Feedback fb(*org->store);
        org->tick();
        auto ids = fb.request(actor("lina"), m_cycle, emp("E001"),
                              {{QLatin1String(feedback::Peer), emp("E003"), {}}});
        QVERIFY(ids);
        QVERIFY(answer("wangfang", ids->at(0), all(4)));
        const QUuid a =
            parseId(scalar(*org->store, QStringLiteral("SELECT id FROM feedback_answer LIMIT 1"))
                        .toString());
        QCOMPARE(org->store
                     ->maySee(actor("chenjing"), QStringLiteral("feedback_answer"), a, org->clockMs)
                     .value(),
                 false);
        QCOMPARE(
            org->store->maySee(actor("lina"), QStringLiteral("feedback_answer"), a, org->clockMs)
                .value(),
            true);
        // She cannot ask for feedback on herself either.
        org->tick();
        QVERIFY(!fb.request(actor("chenjing"), m_cycle, emp("E001"),
                            {{QLatin1String(feedback::Peer), emp("E006"), {}}}));
    }
};

QTEST_GUILESS_MAIN(TstFeedback)
#include "tst_feedback.moc"
