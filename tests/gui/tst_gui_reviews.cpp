// Reviews through the real widgets: a colleague answers a feedback request
// in their inbox, a supervisor rates and sees the grade the rating makes,
// the employee states the cause of an issue in their archive and the
// supervisor confirms it with their password, signed; HR closes a cycle in
// which a goal has no value only once they accept the measured part.
#include "performance/attributions.h"
#include "performance/feedback.h"
#include "performance/goals.h"
#include "performance/reviewentities.h"
#include "reviews/answerfeedbackdialog.h"
#include "reviews/attributiondialogs.h"
#include "reviews/closecycledialog.h"
#include "reviews/employeereviewsview.h"
#include "reviews/feedbackinboxview.h"
#include "reviews/issuetree.h"
#include "reviews/ratedialog.h"
#include "reviews/reviewformat.h"
#include "reviews/reviewsview.h"
#include "shell/messagelabel.h"
#include "tst_gui_peoplefixture.h"
#include "workflow/signingkeys.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

using namespace baton;

class TestGuiReviews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void colleagueAnswersARequestInTheInbox();
    void supervisorRatesAndSeesTheGrade();
    void causeIsStatedThenConfirmedWithThePassword();
    void closingWaitsForHrToAcceptGoalsWithoutValues();

private:
    QUuid emp(const char *number) const { return m_f->org.emp.value(QLatin1String(number)); }
    Actor actor(const char *login)
    {
        auto a =
            m_f->org.store->actorFor(m_f->org.user.value(QLatin1String(login)), m_f->org.clockMs);
        return a ? *a : Actor();
    }
    // First column of the first row, read through the store's connection.
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(m_f->org.store->database().connection());
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
    int rowOf(QTreeWidget *tree, const QUuid &id) const
    {
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            if (tree->topLevelItem(i)->data(0, Qt::UserRole).toUuid() == id)
                return i;
        return -1;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<test::PeopleFixture> m_f;
    QUuid m_cycle;
};

void TestGuiReviews::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolatePeopleSettings(m_dir.filePath(QStringLiteral("settings")));
}

void TestGuiReviews::init()
{
    m_f = std::make_unique<test::PeopleFixture>();
    QVERIFY(m_f->org.build());
    // December 2025, open; the test clock stands at 2026-01-01.
    m_cycle = createUuidV7();
    m_f->org.tick();
    QVERIFY(m_f->org.submitAs(QStringLiteral("lina"), QStringLiteral("review_cycle"), m_cycle,
                              OpKind::Create,
                              {{QStringLiteral("kind"), QStringLiteral("month")},
                               {QStringLiteral("title"), QStringLiteral("2025-12")},
                               {QStringLiteral("starts_on"), QStringLiteral("2025-12-01")},
                               {QStringLiteral("ends_on"), QStringLiteral("2025-12-31")}}));
}

void TestGuiReviews::cleanup()
{
    m_f.reset();
}

void TestGuiReviews::colleagueAnswersARequestInTheInbox()
{
    test::TestOrg &org = m_f->org;
    org.tick();
    auto asked = Feedback(*org.store)
                     .request(actor("chenjing"), m_cycle, emp("E002"),
                              {{QLatin1String(feedback::Peer), emp("E006"), {}}});
    QVERIFY2(asked, asked ? "" : qPrintable(asked.error().message));

    QVERIFY(m_f->signIn(QStringLiteral("liuyang")));
    FeedbackInboxView inbox(*m_f->context);
    inbox.resize(800, 600);
    inbox.show();
    QCOMPARE(inbox.waitingCount(), 1);
    QCOMPARE(inbox.requestsView()->topLevelItemCount(), 1);
    QCOMPARE(inbox.requestsView()->topLevelItem(0)->text(0), QStringLiteral("Wei Zhang"));
    QCOMPARE(inbox.requestsView()->topLevelItem(0)->text(1), QStringLiteral("Peer"));
    QVERIFY(inbox.answerAction()->isEnabled());

    bool emptyRefused = false;
    QString noteShown;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<AnswerFeedbackDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *send = test::child<QPushButton>(*dialog, "sendAnswerButton");
        emptyRefused = !send->isEnabled(); // nothing scored yet
        for (const char *key : {"responsibility", "collaboration", "communication"})
            dialog->scoreBox(QLatin1String(key))->setValue(4);
        // Delivery left unscored.
        test::child<QPlainTextEdit>(*dialog, "answerCommentEdit")
            ->setPlainText(QStringLiteral("按时交付，沟通及时。"));
        for (QLabel *l : dialog->findChildren<QLabel *>())
            if (l->text().contains(QStringLiteral("at least three")))
                noteShown = l->text();
        QVERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
    });
    inbox.answerAction()->trigger();
    QVERIFY(emptyRefused);
    QVERIFY(!noteShown.isEmpty());
    QVERIFY(!QApplication::activeModalWidget());

    const QVariantList row =
        QVariantList{scalar(QStringLiteral("SELECT scores FROM feedback_answer")),
                     scalar(QStringLiteral("SELECT comment FROM feedback_answer")),
                     scalar(QStringLiteral("SELECT entered_by FROM feedback_answer"))};
    const QJsonObject scores = QJsonDocument::fromJson(row[0].toString().toUtf8()).object();
    QCOMPARE(scores.size(), 3);
    QCOMPARE(scores.value(QLatin1String("collaboration")).toInt(), 4);
    QVERIFY(!scores.contains(QLatin1String("delivery")));
    QCOMPARE(row[1].toString(), QStringLiteral("按时交付，沟通及时。"));
    QCOMPARE(parseId(row[2].toString()), emp("E006"));
    // Answered: the inbox is empty and says so.
    QCOMPARE(inbox.waitingCount(), 0);
    QCOMPARE(test::child<QWidget>(inbox, "feedbackInboxEmpty")->isVisible(), true);
}

void TestGuiReviews::supervisorRatesAndSeesTheGrade()
{
    QVERIFY(m_f->signIn(QStringLiteral("chenjing")));
    ReviewsView view(*m_f->context);
    view.resize(1000, 700);
    view.show();
    QCOMPARE(view.cyclePicker()->cycle(), m_cycle);
    // Her subtree: herself, Zhang Wei and Liu Yang.
    QTreeWidget *people = view.peopleView();
    QCOMPARE(people->topLevelItemCount(), 3);
    QVERIFY(view.selectPerson(emp("E002")));
    QVERIFY(view.rateAction()->isEnabled());
    QVERIFY(!view.closeCycleAction()->isEnabled()); // HR closes cycles
    QVERIFY(view.selectPerson(emp("E001")));
    QVERIFY(!view.rateAction()->isEnabled()); // nobody rates themselves
    QVERIFY(view.selectPerson(emp("E002")));

    QString at88, at95;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<RateDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *rating = test::child<QSpinBox>(*dialog, "ratingSpin");
        auto *preview = test::child<QLabel>(*dialog, "ratePreview");
        rating->setValue(88);
        at88 = preview->text();
        rating->setValue(95);
        at95 = preview->text();
        test::child<QPlainTextEdit>(*dialog, "rateCommentEdit")
            ->setPlainText(QStringLiteral("Delivered item 7 ahead of plan."));
        QTest::mouseClick(test::child<QPushButton>(*dialog, "rateButton"), Qt::LeftButton);
    });
    view.rateAction()->trigger();
    // No indicators or feedback yet: the rating is the whole score.
    QVERIFY2(at88.contains(QStringLiteral("88%")) && at88.contains(QStringLiteral(">B<")),
             qPrintable(at88));
    QVERIFY2(at95.contains(QStringLiteral("95%")) && at95.contains(QStringLiteral(">A<")),
             qPrintable(at95));
    QVERIFY(!QApplication::activeModalWidget());

    const int row = rowOf(people, emp("E002"));
    QVERIFY(row >= 0);
    QCOMPARE(people->topLevelItem(row)->text(4), QStringLiteral("95%")); // manager
    QCOMPARE(people->topLevelItem(row)->text(5), QStringLiteral("95%")); // score
    QCOMPARE(people->topLevelItem(row)->text(6), QStringLiteral("A"));
    QCOMPARE(people->topLevelItem(row)->foreground(6).color(), QColor(0x2e, 0x7d, 0x32));
    QCOMPARE(scalar(QStringLiteral("SELECT grade FROM review_result")).toString(),
             QStringLiteral("A"));
}

void TestGuiReviews::causeIsStatedThenConfirmedWithThePassword()
{
    test::TestOrg &org = m_f->org;
    IssueDraft d;
    d.employee = emp("E002");
    d.category = QLatin1String(issue::DocumentMissing);
    d.title = QStringLiteral("Acceptance record of item 7 missing");
    d.occurredOn = QDate(2025, 12, 12);
    org.tick();
    auto issueId = WorkIssues(*org.store).record(actor("chenjing"), d);
    QVERIFY2(issueId, issueId ? "" : qPrintable(issueId.error().message));

    // Zhang Wei states the cause in his archive.
    QVERIFY(m_f->signIn(QStringLiteral("zhangwei")));
    {
        EmployeeReviewsView archive(*m_f->context);
        archive.show();
        archive.setEmployee(emp("E002"));
        IssueTree *issues = archive.issuesView();
        QCOMPARE(issues->topLevelItemCount(), 1);
        QCOMPARE(issues->topLevelItem(0)->text(4), QStringLiteral("Cause not stated"));
        QVERIFY(issues->select(*issueId));
        QVERIFY(issues->stateAction()->isEnabled());
        QVERIFY(!issues->confirmAction()->isEnabled());
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<StateCauseDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            auto *cause = test::child<QComboBox>(*dialog, "causeCombo");
            cause->setCurrentIndex(cause->findData(QLatin1String(attribution::Process)));
            test::child<QPlainTextEdit>(*dialog, "causeStatementEdit")
                ->setPlainText(QStringLiteral("The template had no acceptance section."));
            QTest::mouseClick(test::child<QPushButton>(*dialog, "stateCauseButton"),
                              Qt::LeftButton);
        });
        issues->stateAction()->trigger();
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(issues->topLevelItem(0)->text(4), QStringLiteral("Stated: Process"));
        QVERIFY(!issues->stateAction()->isEnabled()); // once
    }

    // Chen Jing's signing key, as a device of hers has after first sign-in.
    const QUuid user = org.user.value(QStringLiteral("chenjing"));
    SigningKeys keys(*org.store);
    QVERIFY(keys.ensureKey(user, QStringLiteral("chenjing"), QStringLiteral("password-chenjing")));
    QVERIFY(
        keys.certify(user, QStringLiteral("chenjing"), SigningKeys::localAuthority(*org.store)));
    QVERIFY(m_f->signIn(QStringLiteral("chenjing")));
    ReviewsView view(*m_f->context);
    view.resize(1000, 700);
    view.show();
    IssueTree *issues = view.issuesView();
    QCOMPARE(issues->topLevelItemCount(), 1);
    QCOMPARE(issues->topLevelItem(0)->text(1), QStringLiteral("Wei Zhang"));
    QVERIFY(issues->select(*issueId));
    QVERIFY(issues->confirmAction()->isEnabled());

    bool stayedOpen = false;
    QString refusal;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<DecideCauseDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *password = test::child<QLineEdit>(*dialog, "signPasswordEdit");
        auto *sign = test::child<QPushButton>(*dialog, "signButton");
        QVERIFY(!sign->isEnabled());                                          // no password yet
        QVERIFY(!test::child<QComboBox>(*dialog, "causeCombo")->isEnabled()); // the cause stated
        QTest::keyClicks(password, QStringLiteral("wrong"));
        QTest::mouseClick(sign, Qt::LeftButton);
        refusal = test::child<MessageLabel>(*dialog, "decisionMessage")->text();
        stayedOpen = dialog->isVisible();
        password->clear();
        QTest::keyClicks(password, QStringLiteral("password-chenjing"));
        QTest::mouseClick(sign, Qt::LeftButton);
    });
    issues->confirmAction()->trigger();
    QVERIFY(stayedOpen);
    QVERIFY2(refusal.contains(QStringLiteral("password"), Qt::CaseInsensitive),
             qPrintable(refusal));
    QVERIFY(!QApplication::activeModalWidget());

    auto confirmed = WorkIssues(*org.store).issue(*issueId);
    QVERIFY(confirmed);
    QCOMPARE(confirmed->stage(), QLatin1String(attribution::Confirmed));
    QVERIFY(confirmed->decision()->signatureValid);
    QCOMPARE(confirmed->decision()->byName, QStringLiteral("Jing Chen"));
    QCOMPARE(issues->topLevelItem(0)->text(4), QStringLiteral("Confirmed: Process (signed)"));
    QVERIFY(!issues->confirmAction()->isEnabled());
}

void TestGuiReviews::closingWaitsForHrToAcceptGoalsWithoutValues()
{
    // Zhang Wei has two goals of equal weight; only one has a value.
    Goals goals(*m_f->org.store);
    QUuid measured;
    for (const char *metric : {"On-time delivery", "Customer visits"}) {
        GoalDraft d;
        d.cycle = m_cycle;
        d.employee = emp("E002");
        d.title = QLatin1String(metric);
        IndicatorDraft indicator;
        indicator.metric = QLatin1String(metric);
        indicator.unit = QStringLiteral("%");
        indicator.metricKind = QLatin1String(goal::Ratio);
        indicator.target = 90.0;
        d.indicators.append(indicator);
        m_f->org.tick();
        auto id = goals.create(actor("lina"), d);
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        if (measured.isNull())
            measured = *id;
    }
    const QUuid indicator = parseId(
        scalar(
            QStringLiteral("SELECT id FROM indicator WHERE goal_id='%1'").arg(idString(measured)))
            .toString());
    m_f->org.tick();
    ValueDraft v;
    v.indicator = indicator;
    v.value = 90.0;
    v.measuredOn = QDate(2025, 12, 20);
    auto value = goals.recordValue(actor("zhangwei"), v);
    QVERIFY2(value, value ? "" : qPrintable(value.error().message));

    QVERIFY(m_f->signIn(QStringLiteral("lina")));
    ReviewsView view(*m_f->context);
    view.resize(1000, 700);
    view.show();
    QTreeWidget *people = view.peopleView();
    const int row = rowOf(people, emp("E002"));
    QVERIFY(row >= 0);
    QCOMPARE(people->topLevelItem(row)->text(2), QStringLiteral("100% *"));
    QVERIFY2(people->topLevelItem(row)->toolTip(2).contains(QStringLiteral("50%")),
             qPrintable(people->topLevelItem(row)->toolTip(2)));

    QStringList partly;
    bool closeEnabledBefore = true, closeEnabledAfter = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<CloseCycleDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *tree = test::child<QTreeWidget>(*dialog, "closePartlyMeasuredView");
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            partly << tree->topLevelItem(i)->text(0) + QLatin1Char(' ')
                          + tree->topLevelItem(i)->text(1);
        auto *close = test::child<QPushButton>(*dialog, "closeCycleButton");
        closeEnabledBefore = close->isEnabled();
        dialog->acceptPartlyMeasured()->setChecked(true);
        closeEnabledAfter = close->isEnabled();
        QTest::mouseClick(close, Qt::LeftButton);
    });
    view.closeCycleAction()->trigger();
    QCOMPARE(partly, QStringList{QStringLiteral("Wei Zhang 50%")});
    QVERIFY(!closeEnabledBefore); // not until HR accepts the measured part
    QVERIFY(closeEnabledAfter);
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM review_cycle")).toString(),
             QStringLiteral("closed"));
    QCOMPARE(scalar(QStringLiteral("SELECT indicator_score_bp FROM review_result WHERE "
                                   "employee_id='%1'")
                        .arg(idString(emp("E002"))))
                 .toInt(),
             10000);
}

QTEST_MAIN(TestGuiReviews)
#include "tst_gui_reviews.moc"
