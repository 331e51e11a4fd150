// Approvals across replicas and the server (issue 4): the server's CA
// certifies a device's signing key on sync, a decision made offline gets its
// trusted time on the next sync, the server judges decisions with the same
// rules, and of two offline decisions on one node the first to arrive stands
// while the other comes back refused, for the Conflicts view.
#include "evidence/cmssignature.h"
#include "evidence/timestamp.h"
#include "syncnet.h"
#include "unittools.h"
#include "workflow/approvals.h"

#include <QTest>

using namespace baton;
using namespace baton::test;

namespace {

Actor actorOn(Store &replica, SyncNet &net, const char *login)
{
    auto a = replica.actorFor(net.seed.user.value(QLatin1String(login)), replica.nowMs());
    return a ? *a : Actor();
}

} // namespace

class TestApprovalSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SyncNet> net;
    Store *hr = nullptr;

    // A replica of login, synced, with this device's signing key made (as
    // at sign-in) and certified by the server on a second round.
    Store *deviceOf(const char *login, bool withKey = true)
    {
        Store *s = net->openClient(QLatin1String(login));
        if (!s || !net->sync(*s, QLatin1String(login)).ok)
            return nullptr;
        if (withKey) {
            SigningKeys keys(*s);
            const QString name = QLatin1String(login);
            if (!keys.ensureKey(net->seed.user.value(name), name,
                                QStringLiteral("password-") + name)
                || !net->sync(*s, name).ok)
                return nullptr;
        }
        return s;
    }
    SigningKeys::Unlocked unlock(Store &s, const char *login)
    {
        auto u = SigningKeys(s).unlock(net->seed.user.value(QLatin1String(login)),
                                       QStringLiteral("password-") + QLatin1String(login));
        if (!u)
            qWarning() << u.error().message;
        return u ? *u : SigningKeys::Unlocked{};
    }
    QUuid templateOn(Store &s, const char *code)
    {
        auto all = Approvals(s).currentTemplates();
        for (const WorkflowTemplate &t : all ? *all : QList<WorkflowTemplate>())
            if (t.code == QLatin1String(code))
                return t.id;
        return {};
    }

private Q_SLOTS:
    void init()
    {
        hr = nullptr;
        net = std::make_unique<SyncNet>();
        QVERIFY(net->start());
        hr = net->openClient(QStringLiteral("hr"));
        QVERIFY(hr);
        QVERIFY(net->sync(*hr, QStringLiteral("lina")).ok);
        QVERIFY(Approvals(*hr).installDefaultTemplates(actorOn(*hr, *net, "lina")));
        QVERIFY(net->sync(*hr, QStringLiteral("lina")).ok);
    }

    void offlineDecisionGetsCertifiedKeyAndTrustedTime()
    {
        Store *zw = deviceOf("zhangwei", false);
        QVERIFY(zw);
        RequestDraft d;
        d.templateId = templateOn(*zw, "expense_claim");
        QVERIFY(!d.templateId.isNull());
        d.subject = QStringLiteral("Customer visit, Hangzhou");
        d.amount = 30000;
        d.currency = QStringLiteral("CNY");
        auto request = Approvals(*zw).submit(actorOn(*zw, *net, "zhangwei"), d);
        QVERIFY2(request, request ? "" : qPrintable(request.error().message));
        const SyncOutcome pushed = net->sync(*zw, QStringLiteral("zhangwei"));
        QVERIFY2(pushed.ok && pushed.refused == 0, qPrintable(pushed.error.message));

        // Chen Jing's device: the first sync after her sign-in certifies her
        // key with the server's CA, which becomes the device's trust anchor.
        Store *cj = net->openClient(QStringLiteral("chenjing"));
        QVERIFY(cj);
        QVERIFY(net->sync(*cj, QStringLiteral("chenjing")).ok);
        const QUuid chen = net->seed.user.value(QStringLiteral("chenjing"));
        QVERIFY(SigningKeys(*cj).ensureKey(chen, QStringLiteral("chenjing"),
                                           QStringLiteral("password-chenjing")));
        auto early = SigningKeys(*cj).unlock(chen, QStringLiteral("password-chenjing"));
        QVERIFY(!early);
        QCOMPARE(early.error().code, QStringLiteral("key.uncertified"));
        QVERIFY(net->sync(*cj, QStringLiteral("chenjing")).ok);
        QVERIFY(SigningKeys(*cj).info(chen)->certified());
        const QByteArray serverCa =
            net->service->authority().certificateAuthority().certificateDer();
        QCOMPARE(*SigningKeys::trustAnchor(*cj), serverCa);
        QCOMPARE(scalar(*net->server, QStringLiteral("SELECT count(*) FROM audit_log WHERE "
                                                     "action='certificate.issue'"))
                     .toInt(),
                 1);

        // Offline: she approves; the decision waits for trusted time.
        Approvals approvals(*cj);
        const Actor chenActor = actorOn(*cj, *net, "chenjing");
        auto v = approvals.detail(chenActor, *request);
        QVERIFY2(v, v ? "" : qPrintable(v.error().message));
        net->clockMs += 60'000;
        QVERIFY(approvals.decide(chenActor, v->progress.waitingSteps.first(),
                                 Approvals::Decision::Approve, QStringLiteral("Agreed."),
                                 unlock(*cj, "chenjing")));
        QCOMPARE(approvals.detail(chenActor, *request)->steps.first().timestampToken.size(), 0);

        // Back online: stamped by the server, then pushed with the decision.
        const SyncOutcome online = net->sync(*cj, QStringLiteral("chenjing"));
        QVERIFY2(online.ok, qPrintable(online.error.message));
        QCOMPARE(online.refused, 0);
        const auto step = approvals.detail(chenActor, *request)->steps.first();
        QVERIFY(!step.timestampToken.isEmpty());
        // The server's clock when the decision reached it (this round).
        QVERIFY(step.timestampMs <= net->clockMs && step.timestampMs > net->clockMs - 1000);
        auto stamp = TimeStamp::verify(step.timestampToken, step.signature, serverCa);
        QVERIFY2(stamp, stamp ? "" : qPrintable(stamp.error().message));
        QVERIFY(CmsSignature::verify(step.signedContent, step.signature, serverCa));
        // The server holds both, judged by the same rules.
        QCOMPARE(scalar(*net->server, QStringLiteral("SELECT state FROM approval_step WHERE id=?"),
                        {idString(step.id)})
                     .toString(),
                 QStringLiteral("approved"));
        QCOMPARE(rowCount(*net->server, QStringLiteral("signature_timestamp")), 1);
        // Nothing left to stamp on the next round.
        QVERIFY(net->sync(*cj, QStringLiteral("chenjing")).ok);
        QCOMPARE(rowCount(*net->server, QStringLiteral("signature_timestamp")), 1);
    }

    void twoOfflineDecisionsOnOneNodeFirstToArriveStands()
    {
        // A node either of two people may decide.
        const Actor lina = actorOn(*hr, *net, "lina");
        WorkflowTemplate t;
        t.code = QStringLiteral("contract_review");
        t.name = QStringLiteral("Contract review");
        t.kind = QStringLiteral("document_approval");
        WorkflowNode node;
        node.key = QStringLiteral("review");
        node.title = QStringLiteral("Review");
        node.actor = NodeActor::Person;
        node.people = {net->seed.emp.value(QStringLiteral("E001")),
                       net->seed.emp.value(QStringLiteral("E006"))};
        t.nodes = {node};
        auto templ = Approvals(*hr).saveTemplate(lina, t);
        QVERIFY(templ);
        QVERIFY(net->sync(*hr, QStringLiteral("lina")).ok);

        Store *zw = deviceOf("zhangwei", false);
        QVERIFY(zw);
        RequestDraft d;
        d.templateId = *templ;
        d.subject = QStringLiteral("Supplier contract");
        auto request = Approvals(*zw).submit(actorOn(*zw, *net, "zhangwei"), d);
        QVERIFY2(request,
                 request ? "" : qPrintable(request.error().code + request.error().message));
        QVERIFY(net->sync(*zw, QStringLiteral("zhangwei")).ok);

        Store *cj = deviceOf("chenjing");
        Store *ly = deviceOf("liuyang");
        QVERIFY(cj && ly);
        auto stepOf = [&](Store &s, const char *login) {
            const Actor a = actorOn(s, *net, login);
            const auto v = Approvals(s).detail(a, *request);
            if (!v) {
                qWarning() << v.error().message;
                return QUuid();
            }
            for (const auto &step : v->steps)
                if (step.assignee == a.employeeId)
                    return step.id;
            return QUuid();
        };
        net->clockMs += 1000;
        QVERIFY(Approvals(*cj).decide(actorOn(*cj, *net, "chenjing"), stepOf(*cj, "chenjing"),
                                      Approvals::Decision::Approve, QStringLiteral("Fine."),
                                      unlock(*cj, "chenjing")));
        net->clockMs += 1000;
        QVERIFY(Approvals(*ly).decide(actorOn(*ly, *net, "liuyang"), stepOf(*ly, "liuyang"),
                                      Approvals::Decision::Reject, QStringLiteral("Clause 4."),
                                      unlock(*ly, "liuyang")));

        const SyncOutcome first = net->sync(*cj, QStringLiteral("chenjing"));
        QVERIFY2(first.ok && first.refused == 0, qPrintable(first.error.message));
        const SyncOutcome second = net->sync(*ly, QStringLiteral("liuyang"));
        QVERIFY2(second.ok, qPrintable(second.error.message));
        QVERIFY(second.refused >= 1);
        QCOMPARE(scalar(*ly, QStringLiteral(
                                 "SELECT code FROM sync_rejected WHERE entity='approval_step'"))
                     .toString(),
                 QStringLiteral("approval.settled"));
        // Liu Yang's replica now holds what the server holds: approved.
        const auto v = Approvals(*ly).detail(actorOn(*ly, *net, "liuyang"), *request);
        QVERIFY(v);
        QCOMPARE(v->progress.state, RequestProgress::State::Approved);
        QCOMPARE(SyncNet::digest(*ly, QStringLiteral("approval_step")),
                 SyncNet::digest(*net->server, QStringLiteral("approval_step")));
    }

    void serverRefusesADecisionOutOfTier()
    {
        Store *zw = deviceOf("zhangwei", false);
        QVERIFY(zw);
        RequestDraft d;
        d.templateId = templateOn(*zw, "expense_claim");
        d.subject = QStringLiteral("Conference");
        d.amount = 1'500'000; // above 10,000 yuan: the general manager decides
        d.currency = QStringLiteral("CNY");
        auto request = Approvals(*zw).submit(actorOn(*zw, *net, "zhangwei"), d);
        QVERIFY2(request,
                 request ? "" : qPrintable(request.error().code + request.error().message));
        QVERIFY(net->sync(*zw, QStringLiteral("zhangwei")).ok);
        Store *cj = deviceOf("chenjing");
        QVERIFY(cj);
        Approvals approvals(*cj);
        const Actor chen = actorOn(*cj, *net, "chenjing");
        const auto v = approvals.detail(chen, *request);
        QVERIFY(approvals.decide(chen, v->progress.waitingSteps.first(),
                                 Approvals::Decision::Approve, {}, unlock(*cj, "chenjing")));
        QVERIFY(net->sync(*cj, QStringLiteral("chenjing")).ok);
        // Her replica's rules refuse the general manager's node; an op made
        // by hand and pushed is refused by the server's, and audited there.
        const auto after = approvals.detail(chen, *request);
        const QUuid gmStep = after->progress.waitingSteps.first();
        auto local = approvals.decide(chen, gmStep, Approvals::Decision::Approve, {},
                                      unlock(*cj, "chenjing"));
        QVERIFY(!local);
        QCOMPARE(local.error().code, QStringLiteral("approval.out_of_tier"));
        const qint64 denied =
            rowCount(*net->server, QStringLiteral("audit_log"), QStringLiteral("outcome='denied'"));
        Operation forged =
            cj->makeOp(QStringLiteral("approval_step"), gmStep, OpKind::Update,
                       {{QStringLiteral("state"), QStringLiteral("approved")}}, chen.userId);
        forged.base.insert(QStringLiteral("state"),
                           scalar(*net->server,
                                  QStringLiteral("SELECT hlc FROM approval_step WHERE id=?"),
                                  {idString(gmStep)})
                               .toString());
        const HttpReply reply = net->service->handle(baton::test::request(
            "POST", QStringLiteral("/v1/ops"),
            tokenFor(*net->service, QStringLiteral("chenjing"), cj->deviceId()),
            wire::pushRequestBody({forged})));
        QCOMPARE(reply.status, 200);
        auto results = wire::parsePushReply(reply.body);
        QVERIFY(results && results->size() == 1);
        QCOMPARE(results->first().status, wire::PushResult::Status::Rejected);
        QCOMPARE(results->first().reason.code, QStringLiteral("approval.out_of_tier"));
        QCOMPARE(
            rowCount(*net->server, QStringLiteral("audit_log"), QStringLiteral("outcome='denied'")),
            denied + 1);
        QCOMPARE(scalar(*net->server, QStringLiteral("SELECT state FROM approval_step WHERE id=?"),
                        {idString(gmStep)})
                     .toString(),
                 QStringLiteral("pending"));
    }
};

QTEST_GUILESS_MAIN(TestApprovalSync)
#include "tst_approvalsync.moc"
