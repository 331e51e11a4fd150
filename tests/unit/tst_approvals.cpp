// Approval workflows (issue 4): templates and their versions, the steps a
// request gets, permission tiers, signed decisions, the state machine,
// returns and resubmissions, attachments, reassignment, paying claims and
// trusted time.
#include "evidence/cmssignature.h"
#include "evidence/timestamp.h"
#include "testorg.h"
#include "unittools.h"
#include "workflow/approvals.h"
#include "workflow/decisioncontent.h"

#include <QJsonDocument>
#include <QTest>

using namespace baton;
using namespace baton::test;

class TstApprovals : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestOrg> org;
    std::unique_ptr<Approvals> approvals;
    QHash<QString, SigningKeys::Unlocked> signers;

    Actor actor(const char *login)
    {
        auto a = org->store->actorFor(org->user.value(QLatin1String(login)), org->clockMs);
        if (!a)
            qWarning() << a.error().message;
        return a ? *a : Actor();
    }
    // Each signer's key on this device, certified by the installation's
    // own authority, as a desktop without a server does.
    const SigningKeys::Unlocked &signer(const char *login)
    {
        const QString name = QLatin1String(login);
        if (!signers.contains(name)) {
            SigningKeys keys(*org->store);
            const QString password = QStringLiteral("password-") + name;
            const QUuid user = org->user.value(name);
            [&] {
                QVERIFY(keys.ensureKey(user, name, password));
                QVERIFY(keys.certify(user, name, SigningKeys::localAuthority(*org->store)));
            }();
            auto unlocked = keys.unlock(user, password);
            if (!unlocked)
                qWarning() << unlocked.error().message;
            signers.insert(name, *unlocked);
        }
        return signers[name];
    }
    QUuid templateOf(const char *code)
    {
        auto all = approvals->currentTemplates();
        for (const WorkflowTemplate &t : all ? *all : QList<WorkflowTemplate>())
            if (t.code == QLatin1String(code))
                return t.id;
        return {};
    }
    QUuid claim(qint64 amount, const char *subject = "Customer visit, Hangzhou")
    {
        RequestDraft d;
        d.templateId = templateOf("expense_claim");
        d.subject = QLatin1String(subject);
        d.body = QStringLiteral("Train tickets and hotel, 3 nights.");
        d.amount = amount;
        d.currency = QStringLiteral("CNY");
        auto id = approvals->submit(actor("zhangwei"), d);
        if (!id)
            qWarning() << id.error().message;
        return id ? *id : QUuid();
    }
    Approvals::RequestView detail(const QUuid &request)
    {
        auto v = approvals->detail(actor("admin"), request);
        if (!v)
            qWarning() << v.error().message;
        return v ? *v : Approvals::RequestView();
    }
    // The step the request waits on (the first, for a node of several).
    QUuid waitingStep(const QUuid &request)
    {
        const auto v = detail(request);
        return v.progress.waitingSteps.value(0);
    }
    Status decide(const char *login, const QUuid &step, Approvals::Decision d,
                  const QString &opinion = {}, const QList<FileToAttach> &files = {})
    {
        org->tick();
        return approvals->decide(actor(login), step, d, opinion, signer(login), files);
    }
    qint64 refusalsAudited()
    {
        return rowCount(*org->store, QStringLiteral("audit_log"),
                        QStringLiteral("outcome IN ('denied','rejected')"));
    }

private Q_SLOTS:
    void init()
    {
        approvals.reset();
        org = std::make_unique<TestOrg>();
        signers.clear();
        QVERIFY(org->build());
        approvals = std::make_unique<Approvals>(*org->store);
        QVERIFY(approvals->installDefaultTemplates(actor("lina")));
    }

    void cleanup()
    {
        approvals.reset();
        org.reset();
    }

    void shippedTemplatesAndVersions()
    {
        auto all = approvals->currentTemplates();
        QVERIFY(all);
        QStringList codes;
        for (const WorkflowTemplate &t : *all)
            codes.append(t.code);
        codes.sort();
        QCOMPARE(codes.join(u','),
                 QStringLiteral("document_approval,expense_claim,handover_signoff,"
                                "project_delivery"));
        // Installing again adds nothing.
        QVERIFY(approvals->installDefaultTemplates(actor("lina")));
        QCOMPARE(rowCount(*org->store, QStringLiteral("workflow_template")), 4);

        // A request started on version 1 keeps it when HR edits the template.
        const QUuid v1 = templateOf("expense_claim");
        const QUuid running = claim(50000);
        auto t = approvals->templateById(v1);
        QVERIFY(t);
        WorkflowTemplate edited = *t;
        edited.nodes.removeAt(1); // no general manager any more
        auto v2 = approvals->saveTemplate(actor("lina"), edited);
        QVERIFY2(v2, v2 ? "" : qPrintable(v2.error().message));
        QCOMPARE(approvals->templateById(*v2)->version, 2);
        QCOMPARE(templateOf("expense_claim"), *v2);
        QCOMPARE(detail(running).templateId, v1);
        QCOMPARE(detail(running).templateVersion, 1);

        // A new request on the old version is refused: it is outdated.
        RequestDraft d;
        d.templateId = v1;
        d.subject = QStringLiteral("Taxi");
        d.amount = 8000;
        auto old = approvals->submit(actor("zhangwei"), d);
        QVERIFY(!old);
        QCOMPARE(old.error().code, QStringLiteral("approval.template_outdated"));

        // Only HR and administrators edit templates.
        auto byEmployee = approvals->saveTemplate(actor("zhangwei"), edited);
        QVERIFY(!byEmployee);
        QCOMPARE(byEmployee.error().code, QStringLiteral("policy.denied"));
    }

    void malformedTemplatesAreRefused_data()
    {
        QTest::addColumn<QString>("nodes");
        QTest::newRow("not a list") << QStringLiteral("{}");
        QTest::newRow("empty") << QStringLiteral("[]");
        QTest::newRow("unknown actor")
            << QStringLiteral(R"([{"key":"a","title":"A","actor":"boss"}])");
        QTest::newRow("unknown role")
            << QStringLiteral(R"([{"key":"a","title":"A","actor":"role","role":"king"}])");
        QTest::newRow("person without people")
            << QStringLiteral(R"([{"key":"a","title":"A","actor":"person"}])");
        QTest::newRow("duplicate keys") << QStringLiteral(
            R"([{"key":"a","title":"A","actor":"manager"},{"key":"a","title":"B","actor":"manager"}])");
        QTest::newRow("unknown setting")
            << QStringLiteral(R"([{"key":"a","title":"A","actor":"manager","colour":"red"}])");
        QTest::newRow("negative amount")
            << QStringLiteral(R"([{"key":"a","title":"A","actor":"manager","amountAbove":-5}])");
        QTest::newRow("countersign of a role") << QStringLiteral(
            R"([{"key":"a","title":"A","actor":"role","role":"finance","everyone":true}])");
    }
    void malformedTemplatesAreRefused()
    {
        QFETCH(QString, nodes);
        const qint64 before = rowCount(*org->store, QStringLiteral("workflow_template"));
        auto s = org->submitAs(QStringLiteral("lina"), QStringLiteral("workflow_template"),
                               createUuidV7(), OpKind::Create,
                               {{QStringLiteral("code"), QStringLiteral("custom")},
                                {QStringLiteral("version"), 1},
                                {QStringLiteral("name"), QStringLiteral("Custom")},
                                {QStringLiteral("kind"), QStringLiteral("general")},
                                {QStringLiteral("nodes"), nodes}});
        QVERIFY(!s);
        QCOMPARE(s.error().code, QStringLiteral("workflow.nodes"));
        QCOMPARE(rowCount(*org->store, QStringLiteral("workflow_template")), before);
    }

    void expenseClaimAboveThresholdNeedsTheGeneralManager()
    {
        const QUuid request = claim(1'200'000); // 12,000.00 yuan
        QVERIFY(!request.isNull());
        auto v = detail(request);
        QCOMPARE(v.steps.size(), 3);
        QCOMPARE(v.steps[0].nodeKey, QStringLiteral("manager_review"));
        QCOMPARE(v.steps[0].assignee, org->emp.value(QStringLiteral("E001"))); // Chen Jing
        QCOMPARE(v.steps[1].actorRole, QStringLiteral("general_manager"));
        QCOMPARE(v.steps[2].actorRole, QStringLiteral("finance"));
        QCOMPARE(v.progress.state, RequestProgress::State::InProgress);
        QCOMPARE(*approvals->waitingCount(actor("chenjing")), 1);
        QCOMPARE(*approvals->waitingCount(actor("gm")), 0); // not its turn yet

        // Finance cannot pay it, and sees why.
        auto paid = approvals->markPaid(actor("zhaolei"), request);
        QVERIFY(!paid);
        QCOMPARE(paid.error().code, QStringLiteral("approval.not_approved"));
        QVERIFY2(paid.error().message.contains(QStringLiteral("Department manager review")),
                 qPrintable(paid.error().message));
        auto blocked = approvals->blockedClaims(actor("zhaolei"));
        QVERIFY(blocked);
        QCOMPARE(blocked->size(), 1);
        QCOMPARE(blocked->first().waitingTitle, QStringLiteral("Department manager review"));

        QVERIFY(decide("chenjing", v.steps[0].id, Approvals::Decision::Approve,
                       QStringLiteral("Agreed.")));
        QCOMPARE(*approvals->waitingCount(actor("chenjing")), 0);
        QCOMPARE(*approvals->waitingCount(actor("gm")), 1);

        // Out of tier: the department manager cannot take the general
        // manager's node, and the refusal is in the audit trail.
        const qint64 refusals = refusalsAudited();
        auto outOfTier =
            decide("chenjing", v.steps[1].id, Approvals::Decision::Approve, QStringLiteral("OK"));
        QVERIFY(!outOfTier);
        QCOMPARE(outOfTier.error().code, QStringLiteral("approval.out_of_tier"));
        QCOMPARE(refusalsAudited(), refusals + 1);
        // Finance cannot skip ahead either.
        auto early = decide("zhaolei", v.steps[2].id, Approvals::Decision::Approve);
        QVERIFY(!early);
        QCOMPARE(early.error().code, QStringLiteral("approval.not_current"));

        QVERIFY(decide("gm", v.steps[1].id, Approvals::Decision::Approve));
        QVERIFY(decide("zhaolei", v.steps[2].id, Approvals::Decision::Approve));
        QCOMPARE(detail(request).progress.state, RequestProgress::State::Approved);
        QVERIFY(approvals->markPaid(actor("zhaolei"), request));
        QCOMPARE(approvals->blockedClaims(actor("zhaolei"))->size(), 0);
        auto again = approvals->markPaid(actor("zhaolei"), request);
        QVERIFY(!again);
        // Only finance pays.
        const QUuid other = claim(20000);
        auto byManager = approvals->markPaid(actor("chenjing"), other);
        QVERIFY(!byManager);
        QCOMPARE(byManager.error().code, QStringLiteral("policy.denied"));
    }

    void handoverSignOffIsStartedByHrOrAManager()
    {
        RequestDraft d;
        d.templateId = templateOf("handover_signoff");
        d.subject = QStringLiteral("Handover of Zhang Wei");
        d.chosen.insert(QStringLiteral("leaver_confirmation"),
                        {org->emp.value(QStringLiteral("E002"))});
        d.chosen.insert(QStringLiteral("successor_confirmation"),
                        {org->emp.value(QStringLiteral("E006"))});
        d.chosen.insert(QStringLiteral("supervisor_approval"),
                        {org->emp.value(QStringLiteral("E001"))});
        auto byEmployee = approvals->submit(actor("liuyang"), d);
        QVERIFY(!byEmployee);
        QCOMPARE(byEmployee.error().code, QStringLiteral("approval.not_submitter"));
        auto byHr = approvals->submit(actor("lina"), d);
        QVERIFY2(byHr, byHr ? "" : qPrintable(byHr.error().message));
        // Leaver, successor, supervisor: each named when the handover starts.
        const auto v = detail(*byHr);
        QCOMPARE(v.steps.size(), 3);
        QCOMPARE(v.steps[0].assignee, org->emp.value(QStringLiteral("E002")));
        QCOMPARE(v.steps[2].assignee, org->emp.value(QStringLiteral("E001")));
        QVERIFY(approvals->submit(actor("chenjing"), d));
    }

    void smallClaimSkipsTheGeneralManager()
    {
        const auto v = detail(claim(500'000)); // 5,000.00: not above 10,000
        QCOMPARE(v.steps.size(), 2);
        QCOMPARE(v.steps[1].actorRole, QStringLiteral("finance"));
    }

    void decisionIsSignedOverWhatItDecides()
    {
        const QUuid request = claim(30000);
        const QUuid step = waitingStep(request);
        QVERIFY(
            decide("chenjing", step, Approvals::Decision::Approve, QStringLiteral("Fine by me.")));
        const auto s = detail(request).steps.first();
        QCOMPARE(s.state, QStringLiteral("approved"));
        QCOMPARE(s.decidedBy, org->emp.value(QStringLiteral("E001")));
        auto anchor = SigningKeys::trustAnchor(*org->store);
        QVERIFY(anchor && !anchor->isEmpty());
        auto verified = CmsSignature::verify(s.signedContent, s.signature, *anchor);
        QVERIFY2(verified, verified ? "" : qPrintable(verified.error().message));
        QCOMPARE(verified->signerCommonName, QStringLiteral("chenjing"));
        auto content = DecisionContent::parse(s.signedContent);
        QVERIFY(content);
        QCOMPARE(content->opinion, QStringLiteral("Fine by me."));
        QCOMPARE(content->decision, QStringLiteral("approved"));
        QCOMPARE(content->stepId, step);
        QCOMPARE(content->documentSha256, DecisionContent::documentDigest(*org->store->readRecord(
                                              QStringLiteral("approval_request"), request)));
        // A changed byte of the content no longer verifies.
        QByteArray changed = s.signedContent;
        changed.replace("Fine by me.", "Fine by us.");
        QVERIFY(!CmsSignature::verify(changed, s.signature, *anchor));
    }

    void forgedDecisionsAreRefused()
    {
        const QUuid request = claim(30000);
        const QUuid step = waitingStep(request);
        // The submitter cannot decide their manager's step.
        auto self = decide("zhangwei", step, Approvals::Decision::Approve);
        QVERIFY(!self);
        QCOMPARE(self.error().code, QStringLiteral("approval.not_yours"));
        // Another department's manager is out of scope.
        auto other = decide("wangfang", step, Approvals::Decision::Approve);
        QVERIFY(!other);
        QCOMPARE(other.error().code, QStringLiteral("policy.denied"));

        // Signed content that says something else than the op.
        DecisionContent c;
        c.requestId = request;
        c.stepId = step;
        c.decision = QStringLiteral("approved");
        c.opinion = QStringLiteral("something else");
        const QByteArray bytes = c.canonical();
        auto sig =
            CmsSignature::sign(bytes, signer("chenjing").key, signer("chenjing").certificateDer);
        QVERIFY(sig);
        org->tick();
        auto forged = org->submitAs(
            QStringLiteral("chenjing"), QStringLiteral("approval_step"), step, OpKind::Update,
            {{QStringLiteral("state"), QStringLiteral("approved")},
             {QStringLiteral("decided_by"), idString(org->emp.value(QStringLiteral("E001")))},
             {QStringLiteral("decided_ms"), org->clockMs},
             {QStringLiteral("signed_content"), QString::fromUtf8(bytes)},
             {QStringLiteral("signature"), QString::fromLatin1(sig->toBase64())}});
        QVERIFY(!forged);
        QCOMPARE(forged.error().code, QStringLiteral("approval.content"));
        // The right content, signed with someone else's key.
        org->tick();
        auto borrowed = approvals->decide(actor("chenjing"), step, Approvals::Decision::Approve,
                                          QStringLiteral("OK"), signer("liuyang"));
        QVERIFY(!borrowed);
        QCOMPARE(borrowed.error().code, QStringLiteral("approval.signer"));
        // An unsigned decision.
        auto unsigned_ =
            org->submitAs(QStringLiteral("chenjing"), QStringLiteral("approval_step"), step,
                          OpKind::Update, {{QStringLiteral("state"), QStringLiteral("approved")}});
        QVERIFY(!unsigned_);
        QCOMPARE(detail(request).progress.state, RequestProgress::State::InProgress);
    }

    void rejectingNeedsAnOpinionAndEndsTheRequest()
    {
        const QUuid request = claim(30000);
        const QUuid step = waitingStep(request);
        auto silent = decide("chenjing", step, Approvals::Decision::Reject);
        QVERIFY(!silent);
        QCOMPARE(silent.error().code, QStringLiteral("approval.opinion"));
        QVERIFY(decide("chenjing", step, Approvals::Decision::Reject,
                       QStringLiteral("Not a business trip.")));
        QCOMPARE(detail(request).progress.state, RequestProgress::State::Rejected);
        // A decided step cannot be decided again.
        auto twice = decide("chenjing", step, Approvals::Decision::Approve);
        QVERIFY(!twice);
        QCOMPARE(approvals->waitingCount(actor("zhaolei")).value(), 0);
    }

    void returnedRequestStartsANewRoundAndKeepsItsHistory()
    {
        const QUuid request = claim(30000);
        const QUuid first = waitingStep(request);
        QVERIFY(decide("chenjing", first, Approvals::Decision::Return,
                       QStringLiteral("Attach the hotel invoice.")));
        auto v = detail(request);
        QCOMPARE(v.progress.state, RequestProgress::State::Returned);
        // Waiting on the submitter now.
        QCOMPARE(*approvals->waitingCount(actor("zhangwei")), 1);
        // Withdrawing is too late: someone decided.
        auto late = approvals->withdraw(actor("zhangwei"), request);
        QVERIFY(!late);
        QCOMPARE(late.error().code, QStringLiteral("approval.decided"));

        RequestDraft changes;
        changes.subject = v.subject;
        changes.body = v.body + QStringLiteral(" Hotel invoice attached.");
        changes.amount = 32000;
        changes.files.append({QStringLiteral("invoice.pdf"), QStringLiteral("application/pdf"),
                              QByteArray("%PDF-1.4 hotel invoice")});
        QVERIFY(approvals->resubmit(actor("zhangwei"), request, changes));
        v = detail(request);
        QCOMPARE(v.progress.round, 2);
        QCOMPARE(v.progress.state, RequestProgress::State::InProgress);
        QCOMPARE(v.amount, 32000);
        QCOMPARE(v.steps.size(), 4); // round 1's two steps and round 2's two
        QCOMPARE(v.steps.first().state, QStringLiteral("returned"));
        QCOMPARE(v.steps.first().round, 1);
        QCOMPARE(v.attachments.size(), 1);
        QCOMPARE(v.attachments.first().round, 2);
        // Round 1's returned step cannot be reused; round 2's is waiting.
        QVERIFY(v.progress.waitingSteps.first() != first);
        QVERIFY(decide("chenjing", v.progress.waitingSteps.first(), Approvals::Decision::Approve));
        // The signature of round 2 covers the invoice.
        auto c = DecisionContent::parse(detail(request).steps[2].signedContent);
        QVERIFY(c);
        QCOMPARE(c->attachments.size(), 1);
        QCOMPARE(c->attachments.first().name, QStringLiteral("invoice.pdf"));
    }

    void withdrawBeforeAnyDecision()
    {
        const QUuid request = claim(30000);
        auto byOther = approvals->withdraw(actor("chenjing"), request);
        QVERIFY(!byOther);
        QVERIFY(approvals->withdraw(actor("zhangwei"), request));
        QCOMPARE(detail(request).progress.state, RequestProgress::State::Withdrawn);
        QCOMPARE(*approvals->waitingCount(actor("chenjing")), 0);
        auto decided =
            decide("chenjing", detail(request).steps.first().id, Approvals::Decision::Approve);
        QVERIFY(!decided);
        QCOMPARE(decided.error().code, QStringLiteral("approval.settled"));
    }

    void clientConfirmationNeedsTheClientsEmail()
    {
        RequestDraft d;
        d.templateId = templateOf("project_delivery");
        d.subject = QStringLiteral("Project A: phase 1 delivery");
        d.body = QStringLiteral("Requirements, prototype and test report delivered.");
        auto request = approvals->submit(actor("zhangwei"), d);
        QVERIFY2(request, request ? "" : qPrintable(request.error().message));
        QVERIFY(decide("chenjing", waitingStep(*request), Approvals::Decision::Approve));
        const QUuid confirmation = waitingStep(*request);
        auto bare = decide("zhangwei", confirmation, Approvals::Decision::Approve);
        QVERIFY(!bare);
        QCOMPARE(bare.error().code, QStringLiteral("approval.attachment"));
        const QByteArray mail =
            "From: buyer@customer-b.example\r\nSubject: Phase 1 accepted\r\n\r\n"
            "We confirm receipt of phase 1.\r\n";
        QVERIFY(
            decide("zhangwei", confirmation, Approvals::Decision::Approve, {},
                   {{QStringLiteral("confirmation.eml"), QStringLiteral("message/rfc822"), mail}}));
        const auto v = detail(*request);
        QCOMPARE(v.attachments.size(), 1);
        QCOMPARE(v.attachments.first().stepId, confirmation);
        QCOMPARE(*approvals->attachmentContent(actor("chenjing"), v.attachments.first().id), mail);
        // Finance archives it.
        QVERIFY(decide("zhaolei", waitingStep(*request), Approvals::Decision::Approve));
        QCOMPARE(detail(*request).progress.state, RequestProgress::State::Approved);
    }

    void attachmentMustMatchItsHash()
    {
        const QUuid request = claim(30000);
        const QByteArray content("receipt");
        auto s =
            org->submitAs(QStringLiteral("zhangwei"), QStringLiteral("approval_attachment"),
                          createUuidV7(), OpKind::Append,
                          {{QStringLiteral("request_id"), idString(request)},
                           {QStringLiteral("round"), 1},
                           {QStringLiteral("name"), QStringLiteral("receipt.txt")},
                           {QStringLiteral("size"), qint64(content.size())},
                           {QStringLiteral("sha256"), QString(64, QLatin1Char('0'))},
                           {QStringLiteral("content"), QString::fromLatin1(content.toBase64())}});
        QVERIFY(!s);
        QCOMPARE(s.error().code, QStringLiteral("approval.attachment_hash"));
        QCOMPARE(rowCount(*org->store, QStringLiteral("approval_attachment")), 0);
    }

    void firstDecisionSettlesANodeOfSeveral()
    {
        // A node any one of two named people may decide: whoever comes
        // first settles it, the other's decision is refused (on the server,
        // the order of arrival decides the same way).
        WorkflowTemplate t;
        t.code = QStringLiteral("contract_review");
        t.name = QStringLiteral("Contract review");
        t.kind = QStringLiteral("document_approval");
        WorkflowNode legal;
        legal.key = QStringLiteral("legal");
        legal.title = QStringLiteral("Legal review");
        legal.actor = NodeActor::Person;
        legal.people = {org->emp.value(QStringLiteral("E001")),
                        org->emp.value(QStringLiteral("E004"))};
        t.nodes = {legal};
        auto id = approvals->saveTemplate(actor("lina"), t);
        QVERIFY(id);
        RequestDraft d;
        d.templateId = *id;
        d.subject = QStringLiteral("Supplier contract");
        auto request = approvals->submit(actor("zhangwei"), d);
        QVERIFY(request);
        const auto v = detail(*request);
        QCOMPARE(v.progress.waitingSteps.size(), 2);
        QCOMPARE(*approvals->waitingCount(actor("lina")), 1);
        QVERIFY(decide("lina", v.steps[1].id, Approvals::Decision::Approve));
        auto second = decide("chenjing", v.steps[0].id, Approvals::Decision::Approve);
        QVERIFY(!second);
        QCOMPARE(second.error().code, QStringLiteral("approval.settled"));
        QCOMPARE(detail(*request).progress.state, RequestProgress::State::Approved);
    }

    void addedApproverComesNext()
    {
        const QUuid request = claim(30000);
        const QUuid managerStep = waitingStep(request);
        const QUuid liuYang = org->emp.value(QStringLiteral("E006"));
        // Only someone the request waits on may add an approver.
        QVERIFY(!approvals->addApprover(actor("zhaolei"), request, liuYang));
        QVERIFY(approvals->addApprover(actor("chenjing"), request, liuYang));
        QVERIFY(decide("chenjing", managerStep, Approvals::Decision::Approve));
        auto v = detail(request);
        QCOMPARE(v.waitingOn,
                 QStringLiteral("Yang Liu")); // a name in Latin letters, given name first
        QVERIFY(decide("liuyang", v.progress.waitingSteps.first(), Approvals::Decision::Approve));
        QCOMPARE(detail(request).waitingTitle, QStringLiteral("Finance review"));
    }

    void stepsOfSomeoneWhoLeftMoveOn()
    {
        const QUuid request = claim(30000);
        const QUuid liuYang = org->emp.value(QStringLiteral("E006"));
        // Chen Jing is leaving: HR moves what waits on her to Liu Yang.
        auto moved = approvals->reassignStepsOf(actor("lina"),
                                                org->emp.value(QStringLiteral("E001")), liuYang);
        QVERIFY2(moved, moved ? "" : qPrintable(moved.error().message));
        QCOMPARE(*moved, 1);
        QCOMPARE(detail(request).steps.first().assignee, liuYang);
        QCOMPARE(*approvals->waitingCount(actor("chenjing")), 0);
        QCOMPARE(*approvals->waitingCount(actor("liuyang")), 1);
        // The move is in the trail.
        QVERIFY(scalar(*org->store,
                       QStringLiteral("SELECT count(*) FROM audit_log WHERE entity='approval_step' "
                                      "AND summary LIKE '%Approver%'"))
                    .toLongLong()
                >= 1);
        // An employee cannot move steps.
        QVERIFY(!approvals->reassign(actor("zhangwei"), detail(request).steps.first().id,
                                     org->emp.value(QStringLiteral("E001"))));
    }

    void leaveMovesWaitingStepsToTheManagerInTheSameChange()
    {
        const QUuid request = claim(30000);
        const QUuid liuYang = org->emp.value(QStringLiteral("E006"));
        QVERIFY(approvals->addApprover(actor("chenjing"), request, liuYang));
        QVERIFY(decide("chenjing", waitingStep(request), Approvals::Decision::Approve));
        QCOMPARE(*approvals->waitingCount(actor("liuyang")), 1);
        // HR records Liu Yang's leave; what waits on him goes to his
        // manager, Chen Jing, in the same batch.
        auto moves = approvals->reassignmentOps(actor("lina"), liuYang);
        QVERIFY2(moves, moves ? "" : qPrintable(moves.error().message));
        QCOMPARE(moves->size(), 1);
        QList<Operation> batch{org->op(QStringLiteral("lina"), QStringLiteral("employee"), liuYang,
                                       OpKind::Update,
                                       {{QStringLiteral("status"), QStringLiteral("on_leave")}})};
        batch += *moves;
        QVERIFY(org->store->submit(batch));
        QCOMPARE(*approvals->waitingCount(actor("liuyang")), 0);
        QCOMPARE(*approvals->waitingCount(actor("chenjing")), 1);
        // Chen Jing has no manager and heads no department with a head above:
        // her steps cannot move by themselves, and HR is told so.
        const QUuid other = claim(40000);
        QVERIFY(!other.isNull());
        auto stuck =
            approvals->reassignmentOps(actor("lina"), org->emp.value(QStringLiteral("E001")));
        QVERIFY(!stuck);
        QCOMPARE(stuck.error().code, QStringLiteral("approval.no_manager"));
    }

    void signaturesGetTrustedTime()
    {
        const QUuid request = claim(30000);
        QVERIFY(decide("chenjing", waitingStep(request), Approvals::Decision::Approve));
        auto stamped =
            approvals->stampSignatures(actor("chenjing"), Approvals::localTimeStamps(*org->store));
        QVERIFY2(stamped, stamped ? "" : qPrintable(stamped.error().message));
        QCOMPARE(*stamped, 1);
        const auto s = detail(request).steps.first();
        QVERIFY(!s.timestampToken.isEmpty());
        auto verified = TimeStamp::verify(s.timestampToken, s.signature,
                                          *SigningKeys::trustAnchor(*org->store));
        QVERIFY2(verified, verified ? "" : qPrintable(verified.error().message));
        QCOMPARE(verified->time.toMSecsSinceEpoch(), s.timestampMs);
        // A token over something else is not this decision's.
        const QUuid other = claim(20000);
        QVERIFY(decide("chenjing", waitingStep(other), Approvals::Decision::Approve));
        const auto otherStep = detail(other).steps.first();
        auto foreign = Approvals::localTimeStamps(*org->store)(TimeStamp::request("other bytes"));
        QVERIFY(foreign);
        auto forged =
            org->submitAs(QStringLiteral("chenjing"), QStringLiteral("signature_timestamp"),
                          createUuidV7(), OpKind::Append,
                          {{QStringLiteral("step_id"), idString(otherStep.id)},
                           {QStringLiteral("token"), QString::fromLatin1(foreign->toBase64())},
                           {QStringLiteral("time_ms"), org->clockMs}});
        QVERIFY(!forged);
        QCOMPARE(forged.error().code, QStringLiteral("timestamp.invalid"));
        QCOMPARE(rowCount(*org->store, QStringLiteral("signature_timestamp")), 1);
        // The real one is taken, once; another's decisions are not this
        // account's to stamp.
        const auto stamp = [&](const char *login) {
            return *approvals->stampSignatures(actor(login),
                                               Approvals::localTimeStamps(*org->store));
        };
        QCOMPARE(stamp("chenjing"), 1);
        QCOMPARE(stamp("chenjing"), 0);
        QCOMPARE(stamp("zhaolei"), 0);
    }

    void signingKeyNeedsItsPassword()
    {
        SigningKeys keys(*org->store);
        const QUuid user = org->user.value(QStringLiteral("chenjing"));
        QVERIFY(keys.ensureKey(user, QStringLiteral("chenjing"), QStringLiteral("right")));
        auto uncertified = keys.unlock(user, QStringLiteral("right"));
        QVERIFY(!uncertified);
        QCOMPARE(uncertified.error().code, QStringLiteral("key.uncertified"));
        QVERIFY(keys.certify(user, QStringLiteral("chenjing"),
                             SigningKeys::localAuthority(*org->store)));
        auto wrong = keys.unlock(user, QStringLiteral("wrong"));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, QStringLiteral("key.password"));
        QVERIFY(keys.reencrypt(user, QStringLiteral("right"), QStringLiteral("new one")));
        QVERIFY(!keys.unlock(user, QStringLiteral("right")));
        QVERIFY(keys.unlock(user, QStringLiteral("new one")));
        // The private key is never stored in the clear.
        const QString sealed =
            scalar(*org->store, QStringLiteral("SELECT encrypted_key FROM signing_key")).toString();
        QVERIFY(sealed.startsWith(QStringLiteral("-----BEGIN ENCRYPTED PRIVATE KEY-----")));
    }
};

QTEST_GUILESS_MAIN(TstApprovals)
#include "tst_approvals.moc"
