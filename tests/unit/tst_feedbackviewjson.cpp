// The feedback view published with a review result
// (performance/feedbackviewjson.h): what the subject's own device shows,
// since it never holds the answers. It must come back as it was computed,
// with a withheld role's reason written in the reader's language, and
// anything but a view's shape is refused, above all a peer's name.
#include "performance/feedbackviewjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace baton;
using namespace baton::performance;

class TstFeedbackViewJson : public QObject
{
    Q_OBJECT

    static QList<FeedbackDimension> form()
    {
        return {{QStringLiteral("delivery"), QStringLiteral("Delivery"), 1, 5},
                {QStringLiteral("collaboration"), QStringLiteral("Collaboration"), 1, 5}};
    }
    static FeedbackAnswer answer(int author, FeedbackRole role, int delivery, int collaboration,
                                 const QString &comment = {})
    {
        FeedbackAnswer a;
        a.author = QUuid::fromString(
            QStringLiteral("01900000-0000-7000-8000-%1").arg(author, 12, 10, QLatin1Char('0')));
        a.role = role;
        a.scores = {{QStringLiteral("delivery"), delivery},
                    {QStringLiteral("collaboration"), collaboration}};
        a.comment = comment;
        return a;
    }
    static SubjectFeedbackView computed()
    {
        const QUuid subject =
            QUuid::fromString(QStringLiteral("01900000-0000-7000-8000-000000000099"));
        auto view = subjectView(
            form(),
            {answer(1, FeedbackRole::Manager, 5, 4, QStringLiteral("Reliable.")),
             answer(2, FeedbackRole::Peer, 2, 3, QStringLiteral("Late.")),
             answer(3, FeedbackRole::Peer, 3, 3),
             answer(4, FeedbackRole::Peer, 4, 5, QStringLiteral("Helpful.")),
             answer(5, FeedbackRole::Subordinate, 1, 1), answer(6, FeedbackRole::Customer, 4, 4)},
            subject);
        return view ? *view : SubjectFeedbackView();
    }

private Q_SLOTS:
    void aViewComesBackAsItWasComputed()
    {
        const SubjectFeedbackView view = computed();
        QCOMPARE(view.roles.size(), 4);
        auto back = feedbackViewFromJson(feedbackViewToJson(view, 3));
        QVERIFY2(back, back ? "" : qPrintable(back.error().message));
        QCOMPARE(back->roles.size(), view.roles.size());
        for (qsizetype i = 0; i < view.roles.size(); ++i) {
            const RoleFeedback &a = view.roles[i];
            const RoleFeedback &b = back->roles[i];
            QCOMPARE(b.role, a.role);
            QCOMPARE(b.answers, a.answers);
            QCOMPARE(b.withheld, a.withheld);
            QCOMPARE(b.withheldReason, a.withheldReason);
            QCOMPARE(b.averages.size(), a.averages.size());
            for (qsizetype d = 0; d < a.averages.size(); ++d) {
                QCOMPARE(b.averages[d].dimension, a.averages[d].dimension);
                QCOMPARE(b.averages[d].answers, a.averages[d].answers);
                QCOMPARE(b.averages[d].average.has_value(), a.averages[d].average.has_value());
                if (a.averages[d].average)
                    QVERIFY(qAbs(*b.averages[d].average - *a.averages[d].average) <= 0.0005);
            }
            QCOMPARE(b.comments.size(), a.comments.size());
            for (qsizetype c = 0; c < a.comments.size(); ++c) {
                QCOMPARE(b.comments[c].text, a.comments[c].text);
                QCOMPARE(b.comments[c].author, a.comments[c].author);
            }
        }
        QCOMPARE(back->overall.size(), 2);
        // (5 + 2 + 3 + 4 + 4) / 5: the withheld subordinate is not in it.
        QCOMPARE(back->overall[0].average.value_or(0), 3.6);
    }

    void aWithheldRoleTravelsAsItsCountAlone()
    {
        const QByteArray json = feedbackViewToJson(computed(), 3);
        const QJsonObject root = QJsonDocument::fromJson(json).object();
        for (const QJsonValue &r : root.value(QLatin1String("roles")).toArray()) {
            const QJsonObject o = r.toObject();
            if (o.value(QLatin1String("role")).toString() == QLatin1String("subordinate")) {
                QVERIFY(o.value(QLatin1String("withheld")).toBool());
                QCOMPARE(o.keys(), (QStringList{QStringLiteral("answers"), QStringLiteral("role"),
                                                QStringLiteral("withheld")}));
            }
        }
        // Its reason is written again from the count and the threshold.
        auto back = feedbackViewFromJson(json);
        QVERIFY(back);
        QVERIFY(back->roles[2].withheldReason.contains(QLatin1String("3")));
    }

    void anythingButAViewIsRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addRow("not JSON") << QByteArray(R"({"threshold":3,)");
        QTest::addRow("an array") << QByteArray("[]");
        QTest::addRow("threshold of 1") << QByteArray(R"({"threshold":1,"overall":[],"roles":[]})");
        QTest::addRow("no roles") << QByteArray(R"({"threshold":3,"overall":[]})");
        QTest::addRow("unknown role") << QByteArray(
            R"({"threshold":3,"overall":[],"roles":[{"role":"boss","answers":1,"averages":[],"comments":[]}]})");
        QTest::addRow("negative count") << QByteArray(
            R"({"threshold":3,"overall":[],"roles":[{"role":"peer","answers":-1,"averages":[],"comments":[]}]})");
        QTest::addRow("a peer named") << QByteArray(
            R"({"threshold":3,"overall":[],"roles":[{"role":"peer","answers":3,"averages":[],"comments":[{"text":"x","author":"01900000-0000-7000-8000-000000000002"}]}]})");
        QTest::addRow("withheld with scores") << QByteArray(
            R"({"threshold":3,"overall":[],"roles":[{"role":"peer","answers":2,"withheld":true,"averages":[]}]})");
        QTest::addRow("average of nobody") << QByteArray(
            R"({"threshold":3,"overall":[{"dimension":"d","answers":0,"average_milli":3000}],"roles":[]})");
        QTest::addRow("average out of all range") << QByteArray(
            R"({"threshold":3,"overall":[{"dimension":"d","answers":1,"average_milli":1e300}],"roles":[]})");
        QTest::addRow("empty comment") << QByteArray(
            R"({"threshold":3,"overall":[],"roles":[{"role":"manager","answers":1,"averages":[],"comments":[{"text":""}]}]})");
    }
    void anythingButAViewIsRefused()
    {
        QFETCH(QByteArray, json);
        auto view = feedbackViewFromJson(json);
        QVERIFY(!view);
        QCOMPARE(view.error().code, QStringLiteral("field.invalid"));
        QVERIFY(view.error().message.contains(QLatin1String("feedback view")));
    }
};

QTEST_GUILESS_MAIN(TstFeedbackViewJson)
#include "tst_feedbackviewjson.moc"
