// The responsibility dossier and its evidence bundle (issue 5, item 6): the
// records of a completed handover, the signed decisions with trusted time,
// a bundle that verifies, and one that fails after any changed byte, added
// or removed file.
#include "dossier/dossierdata.h"
#include "dossier/evidencebundle.h"
#include "handoverfixture.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;
using namespace baton::test;

class TstDossier : public HandoverFixture
{
    Q_OBJECT

private:
    // The handover of handoverFromStartToReassignment, in short.
    QUuid handOverZhangWei()
    {
        giveZhangWeiWork();
        Handovers handovers(*org->store);
        org->tick();
        auto caseId = handovers.start(actor("lina"), zhangWeiLeaves());
        org->tick();
        if (!caseId || !handovers.submit(actor("lina"), *caseId))
            return {};
        Approvals approvals(*org->store);
        const QUuid request = handovers.caseById(*caseId)->requestId;
        for (const char *login : {"zhangwei", "liuyang", "chenjing"}) {
            auto v = approvals.detail(actor("lina"), request);
            org->tick();
            if (!v || v->progress.waitingSteps.isEmpty()
                || !approvals.decide(actor(login), v->progress.waitingSteps.first(),
                                     Approvals::Decision::Approve, QStringLiteral("OK"),
                                     signer(login)))
                return {};
            // Trusted time from the installation's own authority.
            auto stamper = EvidenceBundle::localStamper(*org->store);
            if (!stamper || !approvals.stampSignatures(actor(login), *stamper))
                return {};
        }
        org->tick();
        return handovers.complete(actor("chenjing"), *caseId) ? *caseId : QUuid();
    }

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { org.reset(); }

    void dossierBundleVerifiesAndAnyChangedByteFails()
    {
        QVERIFY(!handOverZhangWei().isNull());
        auto data = DossierCollector(*org->store).collect(emp("E002"), {}, {});
        QVERIFY2(data, data ? "" : qPrintable(data.error().message));
        QCOMPARE(data->cases.size(), 1);
        QCOMPARE(data->decisions.size(), 3);
        QVERIFY(!data->decisions[0].timestampToken.isEmpty());
        QCOMPARE(data->duties.size(), 1);
        QCOMPARE(data->customers.size(), 1);
        QCOMPARE(data->trail.size(), 1);
        auto stamper = EvidenceBundle::localStamper(*org->store);
        QVERIFY(stamper);
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("bundle"));
        const Status written = EvidenceBundle::write(
            *org->store, *data, QByteArrayLiteral("%PDF-1.4 dossier"), bundle, *stamper);
        QVERIFY2(written, written ? "" : qPrintable(written.error().message));
        auto verdict = EvidenceBundle::verify(bundle);
        QVERIFY(verdict);
        for (const EvidenceBundle::Item &i : verdict->items)
            QVERIFY2(i.ok, qPrintable(i.item + QStringLiteral(": ") + i.detail));
        QVERIFY(verdict->ok());
        int decisions = 0;
        for (const EvidenceBundle::Item &i : verdict->items)
            decisions += i.item.startsWith(QLatin1String("decision")) ? 1 : 0;
        QCOMPARE(decisions, 3);
        // Writing into a folder that is not empty is refused.
        QVERIFY(!EvidenceBundle::write(*org->store, *data, {}, bundle, *stamper));

        // Any byte of any file changed: the verdict fails.
        QStringList files;
        QDirIterator it(bundle, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        QVERIFY(files.size() > 15);
        for (const QString &path : std::as_const(files)) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            const QByteArray original = f.readAll();
            QByteArray changed = original;
            const qsizetype at = original.size() / 2;
            changed[at] = char(changed[at] ^ 0x01);
            QVERIFY(f.seek(0) && f.write(changed) == changed.size());
            f.close();
            auto broken = EvidenceBundle::verify(bundle);
            QVERIFY2(!broken || !broken->ok(), qPrintable(path));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QVERIFY(f.write(original) == original.size());
            f.close();
        }
        QVERIFY(EvidenceBundle::verify(bundle)->ok());
        // A file added or taken away fails it too.
        QFile extra(bundle + QStringLiteral("/records/note.json"));
        QVERIFY(extra.open(QIODevice::WriteOnly));
        extra.write("{}");
        extra.close();
        QVERIFY(!EvidenceBundle::verify(bundle)->ok());
        QVERIFY(extra.remove());
        QVERIFY(QFile::remove(bundle + QStringLiteral("/dossier.pdf")));
        QVERIFY(!EvidenceBundle::verify(bundle)->ok());
    }
};

QTEST_GUILESS_MAIN(TstDossier)
#include "tst_dossier.moc"
