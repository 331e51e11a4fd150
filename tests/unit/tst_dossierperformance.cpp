// The performance records in the responsibility dossier (issue 6 in the
// dossier of issue 5, item 6): a person's reports and the comments on their
// work, the issues about them with every step of their attribution, their
// awards and review results, each for the right person and period; in the
// evidence bundle, where each signed attribution is checked and any
// changed report or attribution fails; and in the PDF's sections.
#include "dossier/dossierdata.h"
#include "dossier/evidencebundle.h"
#include "dossierpdf.h"
#include "handoverfixture.h"
#include "performance/attributions.h"
#include "performance/cycleclose.h"
#include "performance/reviewentities.h"
#include "work/reportentities.h"
#include "work/reports.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;
using namespace baton::test;

class TstDossierPerformance : public HandoverFixture
{
    Q_OBJECT

    // Zhang Wei (E002): in December a weekly report, his supervisor's
    // comments on it and on his task, two issues (one cause confirmed by
    // Chen Jing, one corrected by Li Na, both signed), the close of the
    // month with his result and awards; in March a daily report, a late
    // comment on the December report, and an issue of January recorded
    // only then. Liu Yang (E006) has a report, a comment and an issue of
    // his own in December.
    struct Ids
    {
        QUuid cycle, task;
        QUuid report1, comment1, comment2, report2, comment3;
        QUuid issue1, stated1, confirmed1, issue2, stated2, corrected2, issue3;
        QUuid result;
        QList<QUuid> awards;
        QUuid otherReport, otherComment, otherIssue;
    } ids;

    static constexpr qint64 Day = 24 * 3600 * 1000;

    QUuid checked(const Result<QUuid> &id)
    {
        [&] { QVERIFY2(id, id ? "" : qPrintable(id.error().message)); }();
        return id ? *id : QUuid();
    }
    QUuid writeReport(const char *login, const char *period, const QDate &start,
                      const QString &done)
    {
        ReportDraft d;
        d.period = QLatin1String(period);
        d.start = start;
        d.done = done;
        d.planned = QStringLiteral("Continue.");
        org->tick();
        return checked(Reports(*org->store).write(actor(login), d));
    }
    QUuid comment(const char *target, const QUuid &id, const QString &body)
    {
        org->tick();
        return checked(
            Reports(*org->store).comment(actor("chenjing"), QLatin1String(target), id, body));
    }
    QUuid recordIssue(const char *number, const QString &title, const QDate &on, const QUuid &cycle)
    {
        IssueDraft d;
        d.employee = emp(number);
        d.category = QLatin1String(issue::DeliveryLate);
        d.title = title;
        d.occurredOn = on;
        d.cycle = cycle;
        org->tick();
        return checked(WorkIssues(*org->store).record(actor("chenjing"), d));
    }
    DossierData collect(const char *number, const QDate &from, const QDate &to)
    {
        auto data = DossierCollector(*org->store).collect(emp(number), from, to);
        [&] { QVERIFY2(data, data ? "" : qPrintable(data.error().message)); }();
        return data ? *data : DossierData();
    }
    static QList<QUuid> idsOf(const QList<Record> &records)
    {
        QList<QUuid> out;
        for (const Record &r : records)
            out.append(r.id(u"id"));
        return out;
    }
    static QList<QUuid> sorted(QList<QUuid> list)
    {
        std::sort(list.begin(), list.end());
        return list;
    }
    // Writes the bundle of data into a new folder of dir.
    QString writeBundle(const QTemporaryDir &dir, const DossierData &data)
    {
        const QString bundle = dir.filePath(QStringLiteral("bundle"));
        auto stamper = EvidenceBundle::localStamper(*org->store);
        [&] { QVERIFY(stamper); }();
        const Status written = EvidenceBundle::write(
            *org->store, data, QByteArrayLiteral("%PDF-1.4"), bundle, *stamper);
        [&] { QVERIFY2(written, written ? "" : qPrintable(written.error().message)); }();
        return bundle;
    }
    static std::optional<EvidenceBundle::Item> itemNamed(const EvidenceBundle::Verdict &v,
                                                         const QString &name)
    {
        for (const EvidenceBundle::Item &i : v.items)
            if (i.item == name)
                return i;
        return std::nullopt;
    }
    // Replaces from with to in a file of the bundle; false if from is not
    // in it.
    static bool replaceIn(const QString &path, const QByteArray &from, const QByteArray &to)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        QByteArray bytes = f.readAll();
        f.close();
        if (!bytes.contains(from))
            return false;
        bytes.replace(from, to);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
    }

private Q_SLOTS:
    void init()
    {
        setUp();
        ids = {};
        const QString e2 = idString(emp("E002"));
        QVERIFY(create("lina", "review_cycle",
                       {{QStringLiteral("kind"), QStringLiteral("month")},
                        {QStringLiteral("title"), QStringLiteral("2025-12")},
                        {QStringLiteral("starts_on"), QStringLiteral("2025-12-01")},
                        {QStringLiteral("ends_on"), QStringLiteral("2025-12-31")}},
                       &ids.cycle));
        QVERIFY(create("chenjing", "task",
                       {{QStringLiteral("owner_id"), e2},
                        {QStringLiteral("title"), QStringLiteral("Project A acceptance")}},
                       &ids.task));

        // 2026-01-01: December's reports, comments and issues.
        ids.report1 = writeReport("zhangwei", report::Weekly, QDate(2025, 12, 29),
                                  QStringLiteral("Acceptance tests of project A finished."));
        ids.comment1 = comment(comment::OnReport, ids.report1,
                               QStringLiteral("Good: file the signed forms too."));
        ids.comment2 =
            comment(comment::OnTask, ids.task, QStringLiteral("客户验收单请本周内归档。"));
        WorkIssues issues(*org->store);
        ids.issue1 = recordIssue("E002", QStringLiteral("Acceptance record missing"),
                                 QDate(2025, 12, 10), ids.cycle);
        org->tick();
        ids.stated1 =
            checked(issues.state(actor("zhangwei"), ids.issue1, QLatin1String(attribution::Process),
                                 QStringLiteral("The template had no acceptance "
                                                "section.")));
        org->tick();
        ids.confirmed1 =
            checked(issues.confirm(actor("chenjing"), ids.issue1,
                                   QStringLiteral("Agreed: 模板已修订。"), signer("chenjing")));
        ids.issue2 = recordIssue("E002", QStringLiteral("Prototype two weeks late"),
                                 QDate(2025, 12, 18), ids.cycle);
        org->tick();
        ids.stated2 = checked(issues.state(actor("zhangwei"), ids.issue2,
                                           QLatin1String(attribution::External),
                                           QStringLiteral("The customer changed the date.")));
        org->tick();
        ids.corrected2 =
            checked(issues.correct(actor("lina"), ids.issue2, QLatin1String(attribution::Resources),
                                   QStringLiteral("The team lacked a tester."), signer("lina")));
        // Liu Yang's, which are not Zhang Wei's.
        ids.otherReport = writeReport("liuyang", report::Weekly, QDate(2025, 12, 29),
                                      QStringLiteral("Supplier contract reviewed."));
        ids.otherComment =
            comment(comment::OnReport, ids.otherReport, QStringLiteral("Thanks, Liu Yang."));
        ids.otherIssue = recordIssue("E006", QStringLiteral("Contract draft incomplete"),
                                     QDate(2025, 12, 12), ids.cycle);

        // The close: a failing month gives Zhang Wei his result and awards.
        const QUuid cycle = ids.cycle, wei = emp("E002");
        IndicatorSource source = [cycle, wei](const QUuid &employee,
                                              const QUuid &c) -> Result<IndicatorFacts> {
            IndicatorFacts f;
            if (employee == wei && c == cycle)
                f.scoreBp = 4000;
            return f;
        };
        org->tick();
        const Status closed = CycleClose(*org->store, source).close(actor("lina"), ids.cycle);
        QVERIFY2(closed, closed ? "" : qPrintable(closed.error().message));
        auto awards = Approvals::recordsWhere(*org->store, "award", "employee_id", wei);
        QVERIFY(awards && !awards->isEmpty());
        ids.awards = idsOf(*awards);
        auto results = Approvals::recordsWhere(*org->store, "review_result", "employee_id", wei);
        QVERIFY(results && results->size() == 1);
        ids.result = results->first().id(u"id");

        // 2026-03-12: a daily report, a late comment on December's report,
        // and an issue of January recorded now (no open cycle holds it).
        org->tick(70 * Day);
        ids.report2 = writeReport("zhangwei", report::Daily, QDate(2026, 3, 12),
                                  QStringLiteral("Handover notes drafted."));
        ids.comment3 =
            comment(comment::OnReport, ids.report1, QStringLiteral("Where are the signed forms?"));
        ids.issue3 = recordIssue("E002", QStringLiteral("Invoice sent to the wrong address"),
                                 QDate(2026, 1, 20), {});
    }
    void cleanup() { org.reset(); }

    void eachKindForTheRightPersonAndPeriod()
    {
        // December and January: what happened then, and the January issue
        // recorded later (it occurred in the period).
        DossierData d = collect("E002", QDate(2025, 12, 1), QDate(2026, 1, 31));
        QCOMPARE(idsOf(d.workReports), QList<QUuid>{ids.report1});
        QCOMPARE(idsOf(d.workComments), (QList<QUuid>{ids.comment1, ids.comment2}));
        QCOMPARE(idsOf(d.issues), (QList<QUuid>{ids.issue1, ids.issue2, ids.issue3}));
        QCOMPARE(idsOf(d.attributions),
                 (QList<QUuid>{ids.stated1, ids.confirmed1, ids.stated2, ids.corrected2}));
        QCOMPARE(sorted(idsOf(d.awards)), sorted(ids.awards));
        QCOMPARE(idsOf(d.reviewResults), QList<QUuid>{ids.result});
        QCOMPARE(d.cycleTitles.value(ids.cycle), QStringLiteral("2025-12"));
        QVERIFY(d.names.contains(emp("E001")) && d.names.contains(emp("E004")));
        QVERIFY(DossierData::isSigned(d.attributions[1]));
        QVERIFY(!DossierData::isSigned(d.attributions[0]));
        // Nothing of Liu Yang's.
        const QUuid e2 = emp("E002");
        for (const Record &r : d.workReports)
            QCOMPARE(r.id(u"author_id"), e2);
        for (const Record &r : d.workComments)
            QCOMPARE(r.id(u"subject_id"), e2);
        for (const QList<Record> *list : {&d.issues, &d.awards, &d.reviewResults})
            for (const Record &r : *list)
                QCOMPARE(r.id(u"employee_id"), e2);

        // March: its report, the late comment with the December report it
        // is on, and the January issue as recorded then; no cycle overlaps.
        d = collect("E002", QDate(2026, 3, 1), QDate(2026, 3, 31));
        QCOMPARE(idsOf(d.workReports), (QList<QUuid>{ids.report1, ids.report2}));
        QCOMPARE(idsOf(d.workComments), QList<QUuid>{ids.comment3});
        QCOMPARE(idsOf(d.issues), QList<QUuid>{ids.issue3});
        QVERIFY(d.attributions.isEmpty());
        QVERIFY(d.awards.isEmpty());
        QVERIFY(d.reviewResults.isEmpty());

        // February: nothing happened or was recorded.
        d = collect("E002", QDate(2026, 2, 1), QDate(2026, 2, 28));
        QVERIFY(d.workReports.isEmpty() && d.workComments.isEmpty() && d.issues.isEmpty()
                && d.awards.isEmpty() && d.reviewResults.isEmpty());

        // Liu Yang's whole dossier: his own, none of Zhang Wei's.
        d = collect("E006", {}, {});
        QCOMPARE(idsOf(d.workReports), QList<QUuid>{ids.otherReport});
        QCOMPARE(idsOf(d.workComments), QList<QUuid>{ids.otherComment});
        QCOMPARE(idsOf(d.issues), QList<QUuid>{ids.otherIssue});
        QVERIFY(d.attributions.isEmpty());
        for (const QUuid &id : std::as_const(ids.awards))
            QVERIFY(!idsOf(d.awards).contains(id));
        QVERIFY(!idsOf(d.reviewResults).contains(ids.result));
    }

    void bundleHoldsAndChecksThem()
    {
        const DossierData d = collect("E002", QDate(2025, 12, 1), QDate(2026, 1, 31));
        QTemporaryDir dir;
        const QString bundle = writeBundle(dir, d);
        QVERIFY(!bundle.isEmpty());
        auto record = [&](const char *entity, const QUuid &id) {
            return QStringLiteral("%1/records/%2/%3.json")
                .arg(bundle, QLatin1String(entity), idString(id));
        };
        const std::pair<const char *, QUuid> expected[] = {
            {"work_report", ids.report1},    {"work_comment", ids.comment1},
            {"work_comment", ids.comment2},  {"work_issue", ids.issue1},
            {"work_issue", ids.issue3},      {"attribution", ids.stated1},
            {"attribution", ids.corrected2}, {"review_result", ids.result},
            {"award", ids.awards.first()}};
        for (const auto &[entity, id] : expected)
            QVERIFY2(QFileInfo::exists(record(entity, id)), entity);
        QVERIFY(!QFileInfo::exists(record("work_report", ids.report2)));
        QVERIFY(!QFileInfo::exists(record("work_issue", ids.otherIssue)));
        // Signed steps come with their signatures; the statements have none.
        QVERIFY(QFileInfo::exists(bundle + QStringLiteral("/attributions/")
                                  + idString(ids.confirmed1) + QStringLiteral("/signature.p7s")));
        QVERIFY(
            !QFileInfo::exists(bundle + QStringLiteral("/attributions/") + idString(ids.stated1)));

        auto verdict = EvidenceBundle::verify(bundle);
        QVERIFY(verdict);
        for (const EvidenceBundle::Item &i : verdict->items)
            QVERIFY2(i.ok, qPrintable(i.item + QStringLiteral(": ") + i.detail));
        QVERIFY(verdict->ok());
        const QString confirmedItem = QStringLiteral("attribution ") + idString(ids.confirmed1);
        const QString correctedItem = QStringLiteral("attribution ") + idString(ids.corrected2);
        auto confirmed = itemNamed(*verdict, confirmedItem);
        auto corrected = itemNamed(*verdict, correctedItem);
        QVERIFY(confirmed && confirmed->detail.contains(QStringLiteral("signed by chenjing")));
        QVERIFY(corrected && corrected->detail.contains(QStringLiteral("signed by lina")));
        QVERIFY(!itemNamed(*verdict, QStringLiteral("attribution ") + idString(ids.stated1)));

        // The confirmed cause changed in its record: the file no longer
        // matches the manifest, and the record no longer says what was
        // signed.
        const QString attributionFile = record("attribution", ids.confirmed1);
        QVERIFY(replaceIn(attributionFile, "\"cause\":\"process\"", "\"cause\":\"ability\""));
        verdict = EvidenceBundle::verify(bundle);
        QVERIFY(verdict && !verdict->ok());
        confirmed = itemNamed(*verdict, confirmedItem);
        QVERIFY(confirmed && !confirmed->ok);
        QVERIFY2(confirmed->detail.contains(QStringLiteral("does not say what was signed")),
                 qPrintable(confirmed->detail));
        auto file = itemNamed(*verdict, QStringLiteral("records/attribution/")
                                            + idString(ids.confirmed1) + QStringLiteral(".json"));
        QVERIFY(file && !file->ok);
        QVERIFY(replaceIn(attributionFile, "\"cause\":\"ability\"", "\"cause\":\"process\""));
        QVERIFY(EvidenceBundle::verify(bundle)->ok());

        // The signed content changed: its signature fails.
        const QString content = bundle + QStringLiteral("/attributions/") + idString(ids.corrected2)
                                + QStringLiteral("/content.json");
        QVERIFY(replaceIn(content, "resources", "equipment"));
        verdict = EvidenceBundle::verify(bundle);
        QVERIFY(verdict && !verdict->ok());
        corrected = itemNamed(*verdict, correctedItem);
        QVERIFY(corrected && !corrected->ok);
        QVERIFY(replaceIn(content, "equipment", "resources"));
        QVERIFY(EvidenceBundle::verify(bundle)->ok());

        // A report's words changed: its file fails.
        const QString reportFile = record("work_report", ids.report1);
        QVERIFY(replaceIn(reportFile, "finished", "finishes"));
        verdict = EvidenceBundle::verify(bundle);
        QVERIFY(verdict && !verdict->ok());
        file = itemNamed(*verdict, QStringLiteral("records/work_report/") + idString(ids.report1)
                                       + QStringLiteral(".json"));
        QVERIFY(file && !file->ok);
    }

    void pdfShowsTheSections()
    {
        const DossierData d = collect("E002", QDate(2025, 12, 1), QDate(2026, 1, 31));
        const QString html = DossierPdf::html(d);
        for (const char *heading :
             {"Reports and comments", "Supervisors' comments", "Issues and their causes",
              "Causes stated, confirmed and corrected", "Reviews and awards",
              "Rewards and penalties"})
            QVERIFY2(html.contains(QString::fromLatin1(heading).toHtmlEscaped()), heading);
        // The report, a comment, the issue, the signed step, the grade.
        QVERIFY(html.contains(QStringLiteral("Acceptance tests of project A finished.")));
        QVERIFY(html.contains(QStringLiteral("客户验收单请本周内归档。")));
        QVERIFY(html.contains(QStringLiteral("Project A acceptance"))); // what it is on
        QVERIFY(html.contains(QStringLiteral("Acceptance record missing")));
        QVERIFY(html.contains(QStringLiteral("Agreed: 模板已修订。")));
        // A signed step names its folder in the bundle; a statement has none.
        QVERIFY(html.contains(idString(ids.confirmed1)));
        QVERIFY(!html.contains(idString(ids.stated1)));
        QVERIFY(html.contains(attribution::causeTitle(QLatin1String(attribution::Resources))));
        const QString grade = read("review_result", ids.result).text(u"grade");
        QVERIFY(!grade.isEmpty());
        QVERIFY(html.contains(QStringLiteral("<td>%1</td>").arg(grade)));
        QVERIFY(html.contains(
            award::kindTitle(read("award", ids.awards.first()).text(u"kind")).toHtmlEscaped()));
        // The contents list the new sections in their place.
        QVERIFY(html.indexOf(QLatin1String("4. Reports and comments"))
                < html.indexOf(QLatin1String("5. Customers")));
        QVERIFY(html.contains(QLatin1String("8. Issues and their causes")));
        QVERIFY(html.contains(QLatin1String("9. Reviews and awards")));
        const QByteArray pdf = DossierPdf::render(d);
        QVERIFY(pdf.startsWith("%PDF-"));

        // February: each section says there is nothing.
        const QString empty =
            DossierPdf::html(collect("E002", QDate(2026, 2, 1), QDate(2026, 2, 28)));
        QVERIFY(empty.contains(QStringLiteral("No reports in the period.")));
        QVERIFY(empty.contains(QStringLiteral("No issues in the period.")));
        QVERIFY(empty.contains(QStringLiteral("No review results or awards in the period.")));
    }
};

QTEST_MAIN(TstDossierPerformance)
#include "tst_dossierperformance.moc"
