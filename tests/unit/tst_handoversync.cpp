// A handover across devices and the server (issue 5): HR starts a departure
// on one desktop, the leaver, the successor and the supervisor sign on
// their own, the supervisor completes it, and the successor's device then
// holds the work that moved to them; the server judges every step with the
// same rules.
#include "handover/handovers.h"
#include "syncnet.h"
#include "unittools.h"
#include "workflow/approvals.h"

#include <QJsonDocument>
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
};

QTEST_GUILESS_MAIN(TestHandoverSync)
#include "tst_handoversync.moc"
