// The work trail (issue 5): importing email, chat exports and documents
// into a person's trail (skipping duplicates, reporting what was left out
// and why, progress and cancel), the files kept by hash, and full-text
// search that finds two-character Chinese words inside sentences.
#include "testorg.h"
#include "trail/documentblobs.h"
#include "trail/trailimporter.h"
#include "trail/trailnotes.h"
#include "trail/trailsearch.h"
#include "unittools.h"

#include <QFile>
#include <QTest>

using namespace baton;
using namespace baton::test;

namespace {

QString data(const char *relative)
{
    return QStringLiteral(BATON_TEST_DATA "/") + QLatin1String(relative);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TstTrail : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestOrg> org;

    QUuid emp(const char *number) { return org->emp.value(QLatin1String(number)); }
    Actor actor(const char *login)
    {
        auto a = org->store->actorFor(org->user.value(QLatin1String(login)), org->clockMs);
        return a ? *a : Actor();
    }
    ImportReport import(const char *login, const char *number, TrailImporter::Kind kind,
                        const QStringList &paths)
    {
        TrailImporter importer(*org->store, actor(login), emp(number));
        importer.setTimeZone(QTimeZone("Asia/Shanghai"));
        auto report = importer.run(kind, paths);
        if (!report)
            qWarning() << report.error().message;
        return report ? *report : ImportReport();
    }
    QStringList titlesFor(const QString &text, const QUuid &employee = {})
    {
        TrailSearch search(*org->store);
        TrailQuery q;
        q.text = text;
        q.employee = employee;
        auto hits = search.search(q);
        if (!hits)
            qWarning() << hits.error().message;
        QStringList titles;
        for (const TrailHit &h : hits ? *hits : QList<TrailHit>())
            titles.append(h.title);
        return titles;
    }

private Q_SLOTS:
    void init()
    {
        org = std::make_unique<TestOrg>();
        QVERIFY(org->build());
    }
    void cleanup() { org.reset(); }

    void importsMailOnceWithAttachments()
    {
        const ImportReport first = import("zhangwei", "E002", TrailImporter::Kind::Mail,
                                          {data("mail/onboarding.eml"), data("mail/archive.mbox")});
        QVERIFY(first.imported > 30);
        QVERIFY(first.documents >= 1); // the PDF attached to onboarding.eml
        const qint64 emails =
            rowCount(*org->store, QStringLiteral("trail_item"), QStringLiteral("kind='email'"));
        QVERIFY(emails >= 31);
        // The attachment's bytes are kept by hash and come back unchanged.
        QFile pdf(data("mail/onboarding-attachment.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        const QString hash =
            scalar(*org->store, QStringLiteral("SELECT document_sha256 FROM trail_item WHERE "
                                               "kind='document'"))
                .toString();
        auto kept = DocumentBlobs(*org->store).get(hash);
        QVERIFY2(kept, kept ? "" : qPrintable(kept.error().message));
        QCOMPARE(*kept, bytes);
        // Again: everything is a duplicate, nothing is written.
        const ImportReport again = import("zhangwei", "E002", TrailImporter::Kind::Mail,
                                          {data("mail/onboarding.eml"), data("mail/archive.mbox")});
        QCOMPARE(again.imported, 0);
        QVERIFY(again.skipped.size() >= first.imported);
        for (const ImportReport::Skip &s : again.skipped)
            QCOMPARE(s.reason, QStringLiteral("Already in the work trail."));
        QCOMPARE(
            rowCount(*org->store, QStringLiteral("trail_item"), QStringLiteral("kind='email'")),
            emails);
    }

    void badMailIsReportedTheRestGoesOn()
    {
        const ImportReport r = import("zhangwei", "E002", TrailImporter::Kind::Mail,
                                      {data("mail/truncated.mbox"), data("mail/gb2312-notice.eml"),
                                       QStringLiteral("/nonexistent/inbox.mbox")});
        QVERIFY(r.imported >= 1);
        QVERIFY(!r.skipped.isEmpty());
        bool missingNamed = false;
        for (const ImportReport::Skip &s : r.skipped) {
            QVERIFY(!s.reason.isEmpty());
            missingNamed = missingNamed || s.source.contains(QStringLiteral("inbox.mbox"));
        }
        QVERIFY(missingNamed);
    }

    void importsChatExportsWithReasonsForBadRows()
    {
        const ImportReport r = import("zhangwei", "E002", TrailImporter::Kind::Chat,
                                      {data("chat/wecom.csv"), data("chat/dingtalk_gbk.csv"),
                                       data("chat/wrong_columns.csv")});
        QVERIFY(r.imported >= 5);
        bool wrongColumns = false, notText = false;
        for (const ImportReport::Skip &s : r.skipped) {
            wrongColumns = wrongColumns || s.source == QLatin1String("wrong_columns.csv");
            notText = notText || s.source.startsWith(QLatin1String("wecom.csv, line"));
        }
        QVERIFY(wrongColumns);
        QVERIFY(notText); // the picture message and the empty one
        QCOMPARE(rowCount(*org->store, QStringLiteral("trail_item"),
                          QStringLiteral("kind='chat' AND sender='张伟' AND "
                                         "body='请把劳动合同发给客户'")),
                 1);
    }

    void documentsEmptyAndMissingFilesAreSkipped()
    {
        QTemporaryDir dir;
        QVERIFY(
            writeFile(dir.filePath(QStringLiteral("交接说明.txt")),
                      QStringLiteral("供应商门户账号交给刘洋，合同原件在档案室三号柜。").toUtf8()));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("empty.docx")), {}));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("logo.png")),
                          QByteArray("\x89PNG\r\n\x1a\n", 8)));
        std::atomic_bool cancel{false};
        QList<std::pair<qint64, qint64>> progress;
        TrailImporter importer(*org->store, actor("zhangwei"), emp("E002"));
        importer.setProgress([&](qint64 done, qint64 total) { progress.append({done, total}); });
        importer.setCancelFlag(&cancel);
        auto r = importer.run(TrailImporter::Kind::Documents, {dir.path()});
        QVERIFY(r);
        QCOMPARE(r->imported, 2);
        QCOMPARE(r->documents, 2);
        QCOMPARE(r->skipped.size(), 1);
        QCOMPARE(r->skipped[0].source, QStringLiteral("empty.docx"));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.constLast().first, progress.constLast().second);
        // The text file's words are searchable; the picture has no text.
        QCOMPARE(titlesFor(QStringLiteral("合同")), QStringList{QStringLiteral("交接说明.txt")});
        // Cancelled before it starts: nothing more is written.
        QVERIFY(writeFile(dir.filePath(QStringLiteral("more.txt")), QByteArray("more")));
        cancel = true;
        auto stopped = importer.run(TrailImporter::Kind::Documents, {dir.path()});
        QVERIFY(stopped && stopped->cancelled);
        QCOMPARE(stopped->imported, 0);
    }

    void searchFindsChineseWordsInsideSentences()
    {
        import("zhangwei", "E002", TrailImporter::Kind::Chat, {data("chat/wecom.csv")});
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("meeting.txt")),
                          QStringLiteral("两个项目结合同时进行，Project A delivery").toUtf8()));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("contract.txt")),
                          QStringLiteral("劳动合同书已盖章").toUtf8()));
        import("lina", "E006", TrailImporter::Kind::Documents, {dir.path()});
        // 合同 (two characters) inside sentences, not inside 结合同时.
        const QStringList contract = titlesFor(QStringLiteral("合同"));
        QVERIFY(contract.contains(QStringLiteral("请把劳动合同发给客户")));
        QVERIFY(contract.contains(QStringLiteral("contract.txt")));
        QVERIFY(!contract.contains(QStringLiteral("meeting.txt")));
        QVERIFY(titlesFor(QStringLiteral("客户")).contains(QStringLiteral("请把劳动合同发给客户")));
        // A run of characters no word boundary gives is still found.
        QVERIFY(titlesFor(QStringLiteral("合同书")).contains(QStringLiteral("contract.txt")));
        // English, any case; several words all must match.
        QCOMPARE(titlesFor(QStringLiteral("project DELIVERY")),
                 QStringList{QStringLiteral("meeting.txt")});
        QVERIFY(titlesFor(QStringLiteral("project 客户")).isEmpty());
        // Filters: by person, by kind, by period.
        QVERIFY(titlesFor(QStringLiteral("合同"), emp("E006"))
                    .contains(QStringLiteral("contract.txt")));
        QVERIFY(!titlesFor(QStringLiteral("合同"), emp("E006"))
                     .contains(QStringLiteral("请把劳动合同发给客户")));
        TrailSearch search(*org->store);
        TrailQuery q;
        q.text = QStringLiteral("合同");
        q.kinds = {QStringLiteral("chat")};
        q.fromMs = QDateTime(QDate(2024, 3, 1), QTime(0, 0), QTimeZone("Asia/Shanghai"))
                       .toMSecsSinceEpoch();
        q.toMs = q.fromMs + 24 * 3600 * 1000;
        auto hits = search.search(q);
        QVERIFY(hits);
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().sender, QStringLiteral("张伟"));
        q.fromMs += 24 * 3600 * 1000;
        q.toMs += 24 * 3600 * 1000;
        QVERIFY(search.search(q)->isEmpty());
        // Whatever is typed, the query is never read as FTS5 syntax.
        for (const char *hostile :
             {"\"", "合同\" OR \"", "NEAR(a b)", "*", "-x", "(", ":", "^合同", "a AND", "💼"})
            QVERIFY2(search.search({QString::fromUtf8(hostile), {}, 0, 0, {}, {}, {}, 10}),
                     hostile);
    }

    void notesAreWrittenOnceByThoseWhoMayAdd()
    {
        TrailNotes notes(*org->store);
        TrailNoteDraft d;
        d.employee = emp("E002");
        d.title = QStringLiteral(" 与客户通话 ");
        d.body = QStringLiteral("客户同意延期到月底交付。");
        d.occurredMs = org->clockMs - 3600 * 1000;
        org->tick();
        auto id = notes.add(actor("zhangwei"), d);
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        auto r = org->store->readRecord(QStringLiteral("trail_item"), *id);
        QVERIFY(r);
        QCOMPARE(r->text(u"kind"), QStringLiteral("note"));
        QCOMPARE(r->text(u"title"), QStringLiteral("与客户通话"));
        QCOMPARE(r->text(u"sender"), QStringLiteral("zhangwei"));
        QCOMPARE(r->value(u"occurred_ms").toLongLong(), d.occurredMs);
        QCOMPARE(titlesFor(QStringLiteral("延期"), emp("E002")),
                 QStringList{QStringLiteral("与客户通话")});

        // The same note again, no title, a time to come, someone who may
        // not add to this trail: refused, nothing written.
        auto count = [&] {
            Database &db = org->store->database();
            SqlStatement &q = db.statement(QStringLiteral("SELECT COUNT(*) FROM trail_item"));
            const qint64 n = q.exec() && q.next() ? q.int64(0) : -1;
            q.finish();
            return n;
        };
        const qint64 before = count();
        org->tick();
        auto again = notes.add(actor("zhangwei"), d);
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("trail.duplicate"));
        TrailNoteDraft untitled = d;
        untitled.title = QStringLiteral("  ");
        QVERIFY(!notes.add(actor("zhangwei"), untitled));
        TrailNoteDraft future = d;
        future.occurredMs = org->clockMs + 24 * 3600 * 1000;
        auto later = notes.add(actor("zhangwei"), future);
        QVERIFY(!later);
        QCOMPARE(later.error().code, QStringLiteral("field.invalid"));
        TrailNoteDraft other = d;
        other.title = QStringLiteral("Someone else's note");
        org->tick();
        QVERIFY(!notes.add(actor("liuyang"), other));
        QCOMPARE(count(), before);
    }

    void searchSkipsItemsGoneSinceIndexedAndRebuildsAnOldIndex()
    {
        import("zhangwei", "E002", TrailImporter::Kind::Chat, {data("chat/wecom.csv")});
        TrailQuery q;
        q.employee = emp("E002");
        q.limit = 3;
        TrailSearch search(*org->store);
        auto before = search.search(q);
        QVERIFY(before);
        QCOMPARE(before->size(), 3);
        q.limit = 100;
        const qint64 all = search.search(q)->size();
        QVERIFY(all > 4);

        // The two newest leave the replica after they were indexed (a
        // visibility move forgets them): the newest three that remain
        // still come back.
        Database &db = org->store->database();
        for (int i = 0; i < 2; ++i) {
            SqlStatement &del = db.statement(QStringLiteral("DELETE FROM trail_item WHERE id=?"));
            del.bind(0, idString(before->at(i).id));
            QVERIFY(del.exec());
            del.finish();
        }
        q.limit = 3;
        auto after = search.search(q);
        QVERIFY(after);
        QCOMPARE(after->size(), 3);
        QCOMPARE(after->at(0).id, before->at(2).id);
        q.limit = 100;
        QCOMPARE(search.search(q)->size(), all - 2);

        // An index from before trail_key existed is built again.
        QVERIFY(db.exec(QStringLiteral("DROP TABLE trail_key")));
        TrailSearch fresh(*org->store);
        auto rebuilt = fresh.search(q);
        QVERIFY(rebuilt);
        QCOMPARE(rebuilt->size(), all - 2);
        QVERIFY(titlesFor(QStringLiteral("合同"), emp("E002"))
                    .contains(QStringLiteral("请把劳动合同发给客户")));
    }
};

QTEST_GUILESS_MAIN(TstTrail)
#include "tst_trail.moc"
