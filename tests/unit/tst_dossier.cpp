// The responsibility dossier and its evidence bundle (issue 5, item 6): the
// records of a completed handover, the signed decisions with trusted time,
// a bundle that verifies, and one that fails after any changed byte, added
// or removed file.
#include "dossier/dossierdata.h"
#include "dossier/evidencebundle.h"
#include "dossier/logproofs.h"
#include "evidence/merkletree.h"
#include "handoverfixture.h"
#include "store/entitydef.h"
#include "work/taskconfirmation.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
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
        // His supervisor confirmed the kick-off done, signed.
        org->tick();
        auto confirmed =
            TaskConfirmations(*org->store)
                .confirm(actor("chenjing"), work.doneTask, {},
                         QStringLiteral("Kick-off held with the customer"), signer("chenjing"));
        QVERIFY2(confirmed, confirmed ? "" : qPrintable(confirmed.error().message));
        auto data = DossierCollector(*org->store).collect(emp("E002"), {}, {});
        QVERIFY2(data, data ? "" : qPrintable(data.error().message));
        QCOMPARE(data->confirmations.size(), 1);
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
        const QString confirmation = QStringLiteral("confirmation ") + idString(*confirmed);
        bool confirmationChecked = false;
        for (const EvidenceBundle::Item &i : verdict->items)
            confirmationChecked = confirmationChecked
                                  || (i.item == confirmation && i.ok
                                      && i.detail.contains(QStringLiteral("signed by chenjing")));
        QVERIFY(confirmationChecked);
        QVERIFY(QFileInfo::exists(bundle + QStringLiteral("/records/task_confirmation/")
                                  + idString(*confirmed) + QStringLiteral(".json")));
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

    void standaloneBundleSaysItHasNoServerLog()
    {
        QVERIFY(!handOverZhangWei().isNull());
        auto synced = EvidenceBundle::syncsWithServer(*org->store);
        QVERIFY(synced && !*synced);
        // A desktop without a server keeps no log, and none is made for it.
        auto sources = EvidenceBundle::localSources(*org->store);
        QVERIFY2(sources, sources ? "" : qPrintable(sources.error().message));
        QVERIFY(!sources->log);
        QVERIFY(org->store->meta(QStringLiteral("log.private_key"))->isEmpty());
        auto data = DossierCollector(*org->store).collect(emp("E002"), {}, {});
        QVERIFY(data);
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("bundle"));
        QVERIFY(EvidenceBundle::write(*org->store, *data, QByteArrayLiteral("%PDF-1.4"), bundle,
                                      *sources));
        QVERIFY(!QFileInfo::exists(bundle + QStringLiteral("/log")));
        QFile howTo(bundle + QStringLiteral("/HOW-TO-VERIFY.txt"));
        QVERIFY(howTo.open(QIODevice::ReadOnly));
        QVERIFY(howTo.readAll().contains("No server log"));
        auto verdict = EvidenceBundle::verify(bundle);
        QVERIFY(verdict && verdict->ok());
        QVERIFY(verdict->logKey.isEmpty());
        QList<EvidenceBundle::Item> informational;
        for (const EvidenceBundle::Item &i : verdict->items)
            if (i.informational)
                informational.append(i);
        QCOMPARE(informational.size(), 1);
        QVERIFY(informational[0].ok);
        QCOMPARE(informational[0].detail,
                 QStringLiteral("no server log: the records are sealed by the manifest's time "
                                "stamp only"));
    }

    // LogProofs::check on a log made here: the replay merges as the store
    // does (the latest clock reading of a field wins, whatever the log
    // order), and a record, a leaf or a proof that does not fit is named.
    void proofCheckReplaysAsTheStoreMerges()
    {
        const QUuid customer = createUuidV7();
        const QUuid owner = emp("E002");
        auto op = [&](OpKind kind, const QJsonObject &fields, qint64 wallMs) {
            Operation o;
            o.id = createUuidV7();
            o.entity = QStringLiteral("customer");
            o.entityId = customer;
            o.kind = kind;
            o.fields = fields;
            o.hlc = Hlc{wallMs, 0, QStringLiteral("device-1")};
            o.author = org->user.value(QStringLiteral("lina"));
            o.device = o.hlc.deviceId;
            return o.canonical();
        };
        // Another record's op first, so that the leaves are not at 0.
        QList<QByteArray> leaves{
            op(OpKind::Create, {{QStringLiteral("name"), QStringLiteral("Other")}}, 500)};
        leaves[0].replace(idString(customer).toLatin1(), idString(createUuidV7()).toLatin1());
        leaves.append(op(OpKind::Create,
                         {{QStringLiteral("name"), QStringLiteral(" 华东建材 ")},
                          {QStringLiteral("owner_id"), idString(owner)}},
                         1000));
        leaves.append(
            op(OpKind::Update, {{QStringLiteral("city"), QStringLiteral("Shanghai")}}, 3000));
        // Accepted later, but made earlier: it loses the city.
        leaves.append(op(OpKind::Update,
                         {{QStringLiteral("city"), QStringLiteral("Beijing")},
                          {QStringLiteral("phone"), QStringLiteral("021-1234")}},
                         2000));
        QList<QByteArray> hashes;
        for (const QByteArray &l : std::as_const(leaves))
            hashes.append(merkle::leafHash(l));
        const merkle::LeafHashes byIndex = [&](qint64 i) { return hashes.at(i); };
        const qint64 size = leaves.size();
        auto key = LogKey::generate();
        QVERIFY(key);
        auto head = key->signHead("baton.test/log/1", size, merkle::treeHash(size, byIndex));
        QVERIFY(head);
        QList<LoggedOp> ops;
        for (qint64 i = 1; i < size; ++i)
            ops.append({i, leaves[i], merkle::inclusionProof(i, size, byIndex)});

        const EntityDef *def = EntityRegistry::instance().find(u"customer");
        QJsonObject record{{QStringLiteral("id"), idString(customer)},
                           {QStringLiteral("entity"), QStringLiteral("customer")},
                           {QStringLiteral("retired"), false}};
        for (const FieldDef &f : def->fields)
            record.insert(f.name, f.defaultValue.isValid() ? QJsonValue::fromVariant(f.defaultValue)
                                                           : QJsonValue(QJsonValue::Null));
        record.insert(QStringLiteral("name"), QStringLiteral("华东建材"));
        record.insert(QStringLiteral("owner_id"), idString(owner));
        record.insert(QStringLiteral("city"), QStringLiteral("Shanghai"));
        record.insert(QStringLiteral("phone"), QStringLiteral("021-1234"));
        auto checked = LogProofs::check(QStringLiteral("customer"), customer, ops, *head, record);
        QVERIFY2(checked, checked ? "" : qPrintable(checked.error().message));
        // The proof file round-trips.
        auto encoded = LogProofs::encode(ops);
        QVERIFY(encoded);
        auto decoded = LogProofs::decode(*encoded);
        QVERIFY(decoded && decoded->size() == ops.size());
        QCOMPARE(decoded->at(2).proof, ops[2].proof);

        auto refusal = [&](const QList<LoggedOp> &given, const QJsonObject &r) {
            auto c = LogProofs::check(QStringLiteral("customer"), customer, given, *head, r);
            return c ? QString() : c.error().code;
        };
        QJsonObject lastWriterInLogOrder = record;
        lastWriterInLogOrder.insert(QStringLiteral("city"), QStringLiteral("Beijing"));
        QCOMPARE(refusal(ops, lastWriterInLogOrder), QStringLiteral("proof.record"));
        QJsonObject extraField = record;
        extraField.insert(QStringLiteral("salary"), 1);
        QCOMPARE(refusal(ops, extraField), QStringLiteral("proof.record"));
        // An op left out changes what the replay makes.
        QCOMPARE(refusal(ops.mid(0, 2), record), QStringLiteral("proof.record"));
        QList<LoggedOp> badProof = ops;
        badProof[1].proof[0][3] = char(badProof[1].proof[0][3] ^ 1);
        QCOMPARE(refusal(badProof, record), QStringLiteral("proof.inclusion"));
        QList<LoggedOp> badLeaf = ops;
        badLeaf[1].leaf.replace("Shanghai", "Shanghaj");
        QCOMPARE(refusal(badLeaf, record), QStringLiteral("proof.inclusion"));
        QList<LoggedOp> otherRecord = ops;
        otherRecord.prepend({0, leaves[0], merkle::inclusionProof(0, size, byIndex)});
        QCOMPARE(refusal(otherRecord, record), QStringLiteral("proof.other_record"));
        QList<LoggedOp> outOfOrder{ops[0], ops[2], ops[1]};
        QCOMPARE(refusal(outOfOrder, record), QStringLiteral("proof.order"));
        QCOMPARE(refusal({}, record), QStringLiteral("proof.empty"));
        QCOMPARE(refusal(ops.mid(1), record), QStringLiteral("proof.sequence"));
        // Against another checkpoint (an earlier, smaller tree): refused.
        SignedTreeHead smaller = *head;
        smaller.size = size - 1;
        QVERIFY(!LogProofs::check(QStringLiteral("customer"), customer, ops, smaller, record));
        QVERIFY(!LogProofs::decode("{\"index\":1}"));
        QVERIFY(!LogProofs::decode("[{\"index\":1,\"leaf\":\"e30=\",\"proof\":[\"AA==\"]}]"));
    }
};

QTEST_GUILESS_MAIN(TstDossier)
#include "tst_dossier.moc"
