// A handover across devices and the server (issue 5): HR starts a departure
// on one desktop, the leaver, the successor and the supervisor sign on
// their own, the supervisor completes it, and the successor's device then
// holds the work that moved to them; the server judges every step with the
// same rules.
#include "dossier/dossierdata.h"
#include "dossier/evidencebundle.h"
#include "dossier/logproofs.h"
#include "evidence/timestamp.h"
#include "faultytransport.h"
#include "handover/handovers.h"
#include "syncnet.h"
#include "unittools.h"
#include "workflow/approvals.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;
using namespace baton::test;

class TestHandoverSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SyncNet> net;

    Actor actorOn(Store &replica, const char *login)
    {
        auto a = replica.actorFor(net->seed.user.value(QLatin1String(login)), replica.nowMs());
        return a ? *a : Actor();
    }
    QUuid emp(const char *number) { return net->seed.emp.value(QLatin1String(number)); }
    // A synced replica of login with its signing key certified by the server.
    Store *deviceOf(const char *login)
    {
        Store *s = net->openClient(QLatin1String(login));
        const QString name = QLatin1String(login);
        if (!s || !net->sync(*s, name).ok)
            return nullptr;
        if (!SigningKeys(*s).ensureKey(net->seed.user.value(name), name,
                                       QStringLiteral("password-") + name)
            || !net->sync(*s, name).ok)
            return nullptr;
        return s;
    }
    bool ok(Store &s, const char *login)
    {
        const SyncOutcome o = net->sync(s, QLatin1String(login));
        if (!o.ok || o.refused != 0)
            qWarning() << login << o.error.message << o.refused;
        return o.ok && o.refused == 0;
    }
    // Signs the sign-off step waiting on login, on their own device.
    bool sign(Store &s, const char *login, const QUuid &request)
    {
        if (!ok(s, login))
            return false;
        Approvals approvals(s);
        auto v = approvals.detail(actorOn(s, login), request);
        if (!v) {
            qWarning() << v.error().message;
            return false;
        }
        const QUuid step = approvals.stepFor(actorOn(s, login), *v);
        auto key = SigningKeys(s).unlock(net->seed.user.value(QLatin1String(login)),
                                         QStringLiteral("password-") + QLatin1String(login));
        if (step.isNull() || !key)
            return false;
        const Status d = approvals.decide(actorOn(s, login), step, Approvals::Decision::Approve,
                                          QStringLiteral("Confirmed."), *key);
        if (!d)
            qWarning() << d.error().message;
        return d && ok(s, login);
    }

    // handoverSignedOnFourDevicesMovesTheWork, in short: Zhang Wei's case
    // signed on three devices and completed. HR's device, in step, or null.
    Store *handOverAcrossDevices()
    {
        Store *hr = deviceOf("lina");
        Store *cj = deviceOf("chenjing");
        Store *zw = deviceOf("zhangwei");
        Store *ly = deviceOf("liuyang");
        if (!hr || !cj || !zw || !ly
            || !Approvals(*hr).installDefaultTemplates(actorOn(*hr, "lina")) || !ok(*hr, "lina"))
            return nullptr;
        const QUuid task = createUuidV7();
        if (!cj->submit({cj->makeOp(
                QStringLiteral("task"), task, OpKind::Create,
                {{QStringLiteral("owner_id"), idString(emp("E002"))},
                 {QStringLiteral("title"), QStringLiteral("Project A delivery item 7")}},
                net->seed.user.value(QStringLiteral("chenjing")))})
            || !ok(*cj, "chenjing") || !ok(*hr, "lina"))
            return nullptr;
        Handovers onHr(*hr);
        DepartureDraft d;
        d.leaver = emp("E002");
        d.departureDate = QDateTime::fromMSecsSinceEpoch(hr->nowMs()).date().addDays(20);
        d.successors = {emp("E006")};
        d.supervisor = emp("E001");
        auto caseId = onHr.start(actorOn(*hr, "lina"), d);
        if (!caseId || !onHr.submit(actorOn(*hr, "lina"), *caseId) || !ok(*hr, "lina"))
            return nullptr;
        m_case = *caseId;
        const QUuid request = onHr.caseById(*caseId)->requestId;
        if (!ok(*zw, "zhangwei") || !sign(*zw, "zhangwei", request)
            || !sign(*ly, "liuyang", request) || !sign(*cj, "chenjing", request)
            || !Handovers(*cj).complete(actorOn(*cj, "chenjing"), *caseId) || !ok(*cj, "chenjing")
            || !ok(*hr, "lina"))
            return nullptr;
        return hr;
    }

    QUuid m_case;
    QTemporaryDir m_scratch;
    int m_copies = 0;

    // The verdict on a copy of bundle whose file (relative path) edit
    // changed.
    EvidenceBundle::Verdict verdictWith(const QString &bundle, const QString &file,
                                        const std::function<QByteArray(QByteArray)> &edit)
    {
        const QString copy = m_scratch.filePath(QString::number(++m_copies));
        QDirIterator it(bundle, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString from = it.next();
            const QString to = copy + QLatin1Char('/') + QDir(bundle).relativeFilePath(from);
            QDir().mkpath(QFileInfo(to).absolutePath());
            QFile::copy(from, to);
        }
        QFile f(copy + QLatin1Char('/') + file);
        if (f.open(QIODevice::ReadWrite)) {
            const QByteArray changed = edit(f.readAll());
            f.resize(0);
            f.write(changed);
            f.close();
        }
        auto v = EvidenceBundle::verify(copy);
        return v ? *v : EvidenceBundle::Verdict{};
    }
    static bool fails(const EvidenceBundle::Verdict &v, const QString &item)
    {
        for (const EvidenceBundle::Item &i : v.items)
            if (i.item == item && !i.ok)
                return true;
        return false;
    }
    // The proof file of record, changed by edit.
    static QByteArray editProof(const QByteArray &bytes,
                                const std::function<void(QList<LoggedOp> &)> &edit)
    {
        auto ops = LogProofs::decode(bytes);
        if (!ops)
            return bytes;
        QList<LoggedOp> changed = *ops;
        edit(changed);
        return LogProofs::encode(changed).value();
    }
    static int recordFiles(const QString &bundle)
    {
        int n = 0;
        QDirIterator it(bundle + QStringLiteral("/records"), QDir::Files,
                        QDirIterator::Subdirectories);
        for (; it.hasNext(); it.next())
            ++n;
        return n;
    }
    static int passedProofs(const EvidenceBundle::Verdict &v)
    {
        int n = 0;
        for (const EvidenceBundle::Item &i : v.items)
            n += i.item.startsWith(QLatin1String("log proof ")) && i.ok ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void init()
    {
        net = std::make_unique<SyncNet>();
        QVERIFY(net->start());
    }
    void cleanup() { net.reset(); }

    void handoverSignedOnFourDevicesMovesTheWork()
    {
        Store *hr = deviceOf("lina");
        Store *cj = deviceOf("chenjing");
        Store *zw = deviceOf("zhangwei");
        Store *ly = deviceOf("liuyang");
        QVERIFY(hr && cj && zw && ly);
        QVERIFY(Approvals(*hr).installDefaultTemplates(actorOn(*hr, "lina")));
        QVERIFY(ok(*hr, "lina"));

        // Zhang Wei's manager gives him work on her desktop.
        QUuid task = createUuidV7();
        QVERIFY(cj->submit(
            {cj->makeOp(QStringLiteral("task"), task, OpKind::Create,
                        {{QStringLiteral("owner_id"), idString(emp("E002"))},
                         {QStringLiteral("title"), QStringLiteral("Project A delivery item 7")}},
                        net->seed.user.value(QStringLiteral("chenjing")))}));
        QVERIFY(ok(*cj, "chenjing"));
        QVERIFY(ok(*hr, "lina"));

        // HR starts the departure and submits the checklist.
        Handovers onHr(*hr);
        DepartureDraft d;
        d.leaver = emp("E002");
        d.departureDate = QDateTime::fromMSecsSinceEpoch(hr->nowMs()).date().addDays(20);
        d.successors = {emp("E006")};
        d.supervisor = emp("E001");
        auto caseId = onHr.start(actorOn(*hr, "lina"), d);
        QVERIFY2(caseId, caseId ? "" : qPrintable(caseId.error().message));
        QVERIFY(onHr.addItem(actorOn(*hr, "lina"), *caseId, QStringLiteral("asset"),
                             QStringLiteral("Return laptop"), {}, {}));
        QVERIFY(onHr.submit(actorOn(*hr, "lina"), *caseId));
        QVERIFY(ok(*hr, "lina"));
        const QUuid request = onHr.caseById(*caseId)->requestId;

        // The leaver sees his case and its checklist on his own device.
        QVERIFY(ok(*zw, "zhangwei"));
        auto onLeaver = Handovers(*zw).caseById(*caseId);
        QVERIFY2(onLeaver, onLeaver ? "" : qPrintable(onLeaver.error().message));
        QCOMPARE(onLeaver->items.size(), 2);
        QCOMPARE(onLeaver->items[0].refId, task);

        // Each signs on their own device, in order.
        QVERIFY(sign(*zw, "zhangwei", request));
        QVERIFY(sign(*ly, "liuyang", request));
        QVERIFY(sign(*cj, "chenjing", request));
        Handovers onSupervisor(*cj);
        const Status completed = onSupervisor.complete(actorOn(*cj, "chenjing"), *caseId);
        QVERIFY2(completed, completed ? "" : qPrintable(completed.error().message));
        QVERIFY(ok(*cj, "chenjing"));

        // The server took it all; the successor's device now holds the task.
        auto onServer = net->server->readRecord(QStringLiteral("task"), task);
        QCOMPARE(onServer->id(u"owner_id"), emp("E006"));
        QCOMPARE(net->server->readRecord(QStringLiteral("handover_case"), *caseId)->text(u"status"),
                 QStringLiteral("approved"));
        QVERIFY(ok(*ly, "liuyang"));
        auto onSuccessor = ly->readRecord(QStringLiteral("task"), task);
        QVERIFY(onSuccessor);
        QCOMPARE(onSuccessor->id(u"owner_id"), emp("E006"));
        QVERIFY(ok(*hr, "lina"));
        QCOMPARE(Handovers(*hr).caseById(*caseId)->status, QStringLiteral("approved"));
    }

    void aForgedCompletionIsRefusedByTheServer()
    {
        Store *hr = deviceOf("lina");
        QVERIFY(hr);
        QVERIFY(Approvals(*hr).installDefaultTemplates(actorOn(*hr, "lina")));
        Handovers onHr(*hr);
        DepartureDraft d;
        d.leaver = emp("E002");
        d.departureDate = QDateTime::fromMSecsSinceEpoch(hr->nowMs()).date().addDays(20);
        d.successors = {emp("E006")};
        d.supervisor = emp("E001");
        auto caseId = onHr.start(actorOn(*hr, "lina"), d);
        QVERIFY(caseId);
        QVERIFY(onHr.submit(actorOn(*hr, "lina"), *caseId));
        QVERIFY(ok(*hr, "lina"));
        // A client that skips its own rules and pushes "approved" without
        // the signatures: the server refuses it.
        Operation forged = hr->makeOp(QStringLiteral("handover_case"), *caseId, OpKind::Update,
                                      {{QStringLiteral("status"), QStringLiteral("approved")}},
                                      net->seed.user.value(QStringLiteral("lina")));
        // Based on the status the server holds, so only the rules can stop it.
        const QJsonObject clocks =
            QJsonDocument::fromJson(scalar(*net->server,
                                           QStringLiteral("SELECT field_hlcs FROM handover_case "
                                                          "WHERE id=?"),
                                           {idString(*caseId)})
                                        .toString()
                                        .toUtf8())
                .object();
        QVERIFY(clocks.contains(QStringLiteral("status")));
        forged.base.insert(QStringLiteral("status"), clocks.value(QStringLiteral("status")));
        const QList<ApplyOutcome> outcome = net->server->apply({forged}, Origin::Remote);
        QCOMPARE(outcome.size(), 1);
        QVERIFY(outcome[0].rejected());
        QCOMPARE(outcome[0].error.code, QStringLiteral("handover.not_signed"));
        QCOMPARE(net->server->readRecord(QStringLiteral("handover_case"), *caseId)->text(u"status"),
                 QStringLiteral("submitted"));
    }

    // Exported on the server's own database: its authority seals the bundle
    // and its log proves every record; a change to a proof, a leaf, the
    // checkpoint or the key is named by the verdict.
    void serverDatabaseBundleProvesEveryRecord()
    {
        QVERIFY(handOverAcrossDevices());
        auto sources = EvidenceBundle::localSources(*net->server);
        QVERIFY2(sources, sources ? "" : qPrintable(sources.error().message));
        QVERIFY(sources->log);
        QCOMPARE(sources->log->verifierKey, net->service->log().verifierKey());
        auto data = DossierCollector(*net->server).collect(emp("E002"), {}, {});
        QVERIFY(data);
        QCOMPARE(data->decisions.size(), 3);
        const QString bundle = m_scratch.filePath(QStringLiteral("server-bundle"));
        const Status written = EvidenceBundle::write(
            *net->server, *data, QByteArrayLiteral("%PDF-1.4"), bundle, *sources);
        QVERIFY2(written, written ? "" : qPrintable(written.error().message));
        auto verdict = EvidenceBundle::verify(bundle);
        QVERIFY(verdict);
        for (const EvidenceBundle::Item &i : verdict->items) {
            QVERIFY2(i.ok, qPrintable(i.item + QStringLiteral(": ") + i.detail));
            QVERIFY(!i.informational);
        }
        QCOMPARE(verdict->logKey, QString::fromLatin1(net->service->log().verifierKey()));
        QVERIFY(recordFiles(bundle) >= 8);
        QCOMPARE(passedProofs(*verdict), recordFiles(bundle));

        const QString caseProof =
            QStringLiteral("log/proofs/handover_case/%1.json").arg(idString(m_case));
        const QString caseItem = QStringLiteral("log proof handover_case/") + idString(m_case);
        QVERIFY(QFile::exists(bundle + QLatin1Char('/') + caseProof));
        // A hash of an audit path.
        QVERIFY(fails(verdictWith(bundle, caseProof,
                                  [](const QByteArray &b) {
                                      return editProof(b, [](QList<LoggedOp> &ops) {
                                          QByteArray &h = ops.last().proof.first();
                                          h[7] = char(h[7] ^ 0x01);
                                      });
                                  }),
                      caseItem));
        // The change itself, one byte of it.
        QVERIFY(fails(verdictWith(bundle, caseProof,
                                  [](const QByteArray &b) {
                                      return editProof(b, [](QList<LoggedOp> &ops) {
                                          QByteArray &leaf = ops.last().leaf;
                                          leaf[leaf.size() / 2] =
                                              char(leaf[leaf.size() / 2] ^ 0x01);
                                      });
                                  }),
                      caseItem));
        // A change left out: the record is no longer what the rest make.
        QVERIFY(fails(verdictWith(bundle, caseProof,
                                  [](const QByteArray &b) {
                                      return editProof(
                                          b, [](QList<LoggedOp> &ops) { ops.removeLast(); });
                                  }),
                      caseItem));
        // The record, with its proof as it was.
        QVERIFY(fails(
            verdictWith(bundle,
                        QStringLiteral("records/handover_case/%1.json").arg(idString(m_case)),
                        [](QByteArray b) { return b.replace("\"approved\"", "\"submitted\""); }),
            caseItem));
        // One byte of the checkpoint's root.
        const auto checkpointEdited =
            verdictWith(bundle, QStringLiteral("log/checkpoint"), [](QByteArray b) {
                const qsizetype root = b.indexOf('\n', b.indexOf('\n') + 1) + 1;
                b[root + 5] = b[root + 5] == 'A' ? 'B' : 'A';
                return b;
            });
        QVERIFY(fails(checkpointEdited, QStringLiteral("log/checkpoint")));
        QVERIFY(fails(checkpointEdited, caseItem));
        // One byte of the key, or another key under the log's name.
        const auto keyEdited =
            verdictWith(bundle, QStringLiteral("log/verifier-key"), [](QByteArray b) {
                b[b.size() - 6] = b[b.size() - 6] == 'A' ? 'B' : 'A';
                return b;
            });
        QVERIFY(fails(keyEdited, QStringLiteral("log/verifier-key")));
        QVERIFY(fails(keyEdited, QStringLiteral("log/checkpoint")));
        QVERIFY(fails(keyEdited, caseItem));
        auto other = LogKey::generate();
        QVERIFY(other);
        const QByteArray otherLine =
            LogVerifier::forKey(*other, sources->log->checkpoint.origin)->verifierKey() + '\n';
        const auto otherKey = verdictWith(bundle, QStringLiteral("log/verifier-key"),
                                          [&](const QByteArray &) { return otherLine; });
        QVERIFY(fails(otherKey, QStringLiteral("log/checkpoint")));
        QVERIFY(fails(otherKey, QStringLiteral("log/key.pem")));
        // A proof taken away.
        QVERIFY(QFile::remove(bundle + QLatin1Char('/') + caseProof));
        QVERIFY(fails(*EvidenceBundle::verify(bundle), caseItem));
    }

    // On HR's synced desktop: the proofs come from the server (checked
    // against the checkpoint this device accepted) and the server's TSA
    // seals the bundle; the desktop has no authority of its own.
    void syncedDesktopBundleIsProvedAndSealedByTheServer()
    {
        Store *hr = handOverAcrossDevices();
        QVERIFY(hr);
        QVERIFY(*EvidenceBundle::syncsWithServer(*hr));
        QCOMPARE(EvidenceBundle::localSources(*hr).error().code,
                 QStringLiteral("bundle.no_authority"));
        QHash<QString, int> asked;
        FaultyTransport counting(*net->local, [&](const HttpCall &call, int) {
            ++asked[call.path];
            return FaultyTransport::Fault::None;
        });
        const QByteArray token = tokenFor(*net->service, QStringLiteral("lina"), hr->deviceId());
        QVERIFY(!token.isEmpty());
        auto sources = EvidenceBundle::serverSources(*hr, counting, token);
        QVERIFY2(sources, sources ? "" : qPrintable(sources.error().message));
        QVERIFY(sources->log);
        QCOMPARE(sources->log->verifierKey, net->service->log().verifierKey());
        QVERIFY(asked.isEmpty()); // the checkpoint is this device's own
        auto data = DossierCollector(*hr).collect(emp("E002"), {}, {});
        QVERIFY(data);
        QCOMPARE(data->decisions.size(), 3);
        const QString bundle = m_scratch.filePath(QStringLiteral("desktop-bundle"));
        const Status written =
            EvidenceBundle::write(*hr, *data, QByteArrayLiteral("%PDF-1.4"), bundle, *sources);
        QVERIFY2(written, written ? "" : qPrintable(written.error().message));
        QCOMPARE(asked.value(QStringLiteral("/v1/timestamp")), 1);
        QCOMPARE(asked.value(QStringLiteral("/v1/history")), recordFiles(bundle));
        auto verdict = EvidenceBundle::verify(bundle);
        QVERIFY(verdict);
        for (const EvidenceBundle::Item &i : verdict->items)
            QVERIFY2(i.ok && !i.informational,
                     qPrintable(i.item + QStringLiteral(": ") + i.detail));
        QCOMPARE(passedProofs(*verdict), recordFiles(bundle));
        QCOMPARE(verdict->logKey, QString::fromLatin1(net->service->log().verifierKey()));
        // Sealed by the server's TSA, under the server's CA; this desktop
        // made no authority of its own.
        const QByteArray serverCa =
            net->service->authority().certificateAuthority().certificateDer();
        QCOMPARE(verdict->caFingerprint, QString::fromLatin1(Sha256::hash(serverCa).toHex()));
        QFile manifest(bundle + QStringLiteral("/manifest.json"));
        QFile seal(bundle + QStringLiteral("/manifest.tsr"));
        QVERIFY(manifest.open(QIODevice::ReadOnly) && seal.open(QIODevice::ReadOnly));
        QVERIFY(TimeStamp::verify(seal.readAll(), manifest.readAll(), serverCa));
        QVERIFY(hr->meta(QLatin1String(ServerAuthority::CaMeta))->isEmpty());
        // The proofs are against the checkpoint this device holds.
        QFile checkpoint(bundle + QStringLiteral("/log/checkpoint"));
        QVERIFY(checkpoint.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(checkpoint.readAll()), *hr->meta(SyncClient::HeadKey));
    }

    // A replica that never certified a key (as baton-cli sync leaves one)
    // holds no CA: the bundle carries the server's.
    void replicaWithoutAuthorityUsesTheServers()
    {
        Store *hr = net->openClient(QStringLiteral("lina"));
        QVERIFY(hr && ok(*hr, "lina"));
        QVERIFY(SigningKeys::trustAnchor(*hr)->isEmpty());
        const QByteArray token = tokenFor(*net->service, QStringLiteral("lina"), hr->deviceId());
        auto sources = EvidenceBundle::serverSources(*hr, *net->local, token);
        QVERIFY2(sources, sources ? "" : qPrintable(sources.error().message));
        auto data = DossierCollector(*hr).collect(emp("E002"), {}, {});
        QVERIFY(data);
        const QString bundle = m_scratch.filePath(QStringLiteral("no-authority"));
        const Status written = EvidenceBundle::write(*hr, *data, {}, bundle, *sources);
        QVERIFY2(written, written ? "" : qPrintable(written.error().message));
        auto verdict = EvidenceBundle::verify(bundle);
        QVERIFY(verdict && verdict->ok());
        QCOMPARE(verdict->caFingerprint,
                 QString::fromLatin1(
                     Sha256::hash(net->service->authority().certificateAuthority().certificateDer())
                         .toHex()));
        QCOMPARE(passedProofs(*verdict), recordFiles(bundle));
    }

    // Offline, or the server's seal lost on the way: an error that says
    // what to do, and nothing written. A change the server has not seen
    // yet is refused until it is synced.
    void syncedDesktopExportNeedsTheServer()
    {
        Store *hr = handOverAcrossDevices();
        QVERIFY(hr);
        const QByteArray token = tokenFor(*net->service, QStringLiteral("lina"), hr->deviceId());
        auto data = DossierCollector(*hr).collect(emp("E002"), {}, {});
        QVERIFY(data);
        FaultyTransport offline(
            *net->local, [](const HttpCall &, int) { return FaultyTransport::Fault::DropRequest; });
        auto sources = EvidenceBundle::serverSources(*hr, offline, token);
        QVERIFY(sources);
        const QString bundle = m_scratch.filePath(QStringLiteral("offline"));
        Status written = EvidenceBundle::write(*hr, *data, {}, bundle, *sources);
        QVERIFY(!written);
        QCOMPARE(written.error().code, QStringLiteral("bundle.offline"));
        QVERIFY2(written.error().message.contains(QLatin1String("connect to the server to seal the "
                                                                "bundle")),
                 qPrintable(written.error().message));
        QVERIFY(!QFileInfo::exists(bundle));
        // The proofs arrive, the seal does not.
        FaultyTransport noSeal(*net->local, [](const HttpCall &call, int) {
            return call.path == QLatin1String("/v1/timestamp") ? FaultyTransport::Fault::DropReply
                                                               : FaultyTransport::Fault::None;
        });
        sources = EvidenceBundle::serverSources(*hr, noSeal, token);
        QVERIFY(sources);
        written = EvidenceBundle::write(*hr, *data, {}, bundle, *sources);
        QCOMPARE(written.error().code, QStringLiteral("bundle.offline"));
        QVERIFY(!QFileInfo::exists(bundle));

        // HR marks Zhang Wei as sales on her desktop and has not synced.
        QVERIFY(hr->submit({hr->makeOp(QStringLiteral("employee"), emp("E002"), OpKind::Update,
                                       {{QStringLiteral("is_sales"), true}},
                                       net->seed.user.value(QStringLiteral("lina")))}));
        data = DossierCollector(*hr).collect(emp("E002"), {}, {});
        sources = EvidenceBundle::serverSources(*hr, *net->local, token);
        QVERIFY(data && sources);
        written = EvidenceBundle::write(*hr, *data, {}, bundle, *sources);
        QCOMPARE(written.error().code, QStringLiteral("bundle.log_behind"));
        QVERIFY(!QFileInfo::exists(bundle));
        QVERIFY(ok(*hr, "lina"));
        sources = EvidenceBundle::serverSources(*hr, *net->local, token);
        QVERIFY(sources);
        written = EvidenceBundle::write(*hr, *data, {}, bundle, *sources);
        QVERIFY2(written, written ? "" : qPrintable(written.error().message));
        QVERIFY(EvidenceBundle::verify(bundle)->ok());
    }
};

QTEST_GUILESS_MAIN(TestHandoverSync)
#include "tst_handoversync.moc"
