// What the handover tests share: the test organisation, signing keys made
// and certified on demand, Zhang Wei's work (tasks, a customer, a duty, a
// trail document, an approval step waiting on him), and his departure.
#pragma once

#include "handover/handovers.h"
#include "testorg.h"
#include "unittools.h"
#include "workflow/approvals.h"

#include <QObject>
#include <QTest>

namespace baton::test {

class HandoverFixture : public QObject
{
protected:
    std::unique_ptr<TestOrg> org;
    QHash<QString, SigningKeys::Unlocked> signers;

    QUuid emp(const char *number) { return org->emp.value(QLatin1String(number)); }
    Actor actor(const char *login)
    {
        auto a = org->store->actorFor(org->user.value(QLatin1String(login)), org->clockMs);
        return a ? *a : Actor();
    }
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
            signers.insert(name, *keys.unlock(user, password));
        }
        return signers[name];
    }
    Status create(const char *login, const char *entity, const QJsonObject &fields,
                  QUuid *id = nullptr)
    {
        const QUuid made = createUuidV7();
        if (id)
            *id = made;
        org->tick();
        const bool appendOnly = QLatin1String(entity) == QLatin1String("task_update")
                                || QLatin1String(entity) == QLatin1String("trail_item")
                                || QLatin1String(entity) == QLatin1String("task_confirmation");
        return org->submitAs(QLatin1String(login), QLatin1String(entity), made,
                             appendOnly ? OpKind::Append : OpKind::Create, fields);
    }
    Status update(const char *login, const char *entity, const QUuid &id, const QJsonObject &fields)
    {
        org->tick();
        return org->submitAs(QLatin1String(login), QLatin1String(entity), id, OpKind::Update,
                             fields);
    }
    Record read(const char *entity, const QUuid &id)
    {
        auto r = org->store->readRecord(QLatin1String(entity), id);
        return r ? *r : Record();
    }
    DepartureDraft zhangWeiLeaves()
    {
        DepartureDraft d;
        d.leaver = emp("E002");
        d.departureDate = QDate(2026, 1, 31);
        d.successors = {emp("E006")};
        d.supervisor = emp("E001");
        d.reason = QStringLiteral("Resigned");
        return d;
    }

    // Zhang Wei's work: two open tasks (one overdue), one done, a customer,
    // a duty, an approval step waiting on him and a document in his trail.
    struct Work
    {
        QUuid overdueTask, openTask, doneTask, customer, duty, step, request;
    } work;

    void giveZhangWeiWork()
    {
        const QString e2 = idString(emp("E002"));
        for (const char *n : {"E002", "E006"})
            QVERIFY(update("lina", "employee", emp(n), {{QStringLiteral("is_sales"), true}}));
        QVERIFY(create("chenjing", "task",
                       {{QStringLiteral("owner_id"), e2},
                        {QStringLiteral("title"), QStringLiteral("Project A delivery item 7")},
                        {QStringLiteral("project"), QStringLiteral("Project A")},
                        {QStringLiteral("due_date"), QStringLiteral("2025-12-20")},
                        {QStringLiteral("progress"), 40}},
                       &work.overdueTask));
        QVERIFY(create("chenjing", "task",
                       {{QStringLiteral("owner_id"), e2},
                        {QStringLiteral("title"), QStringLiteral("Q1 requirements document")},
                        {QStringLiteral("due_date"), QStringLiteral("2026-03-31")}},
                       &work.openTask));
        QVERIFY(create("chenjing", "task",
                       {{QStringLiteral("owner_id"), e2},
                        {QStringLiteral("title"), QStringLiteral("Kick-off meeting")},
                        {QStringLiteral("status"), QStringLiteral("done")},
                        {QStringLiteral("progress"), 100}},
                       &work.doneTask));
        QVERIFY(create("chenjing", "customer",
                       {{QStringLiteral("name"), QStringLiteral("华东建材")},
                        {QStringLiteral("owner_id"), e2}},
                       &work.customer));
        QVERIFY(create("lina", "duty",
                       {{QStringLiteral("employee_id"), e2},
                        {QStringLiteral("title"), QStringLiteral("Requirements and delivery of "
                                                                 "project A")},
                        {QStringLiteral("valid_from"), QStringLiteral("2024-01-01")}},
                       &work.duty));
        QVERIFY(create("zhangwei", "trail_item",
                       {{QStringLiteral("employee_id"), e2},
                        {QStringLiteral("kind"), QStringLiteral("document")},
                        {QStringLiteral("occurred_ms"), org->clockMs},
                        {QStringLiteral("title"), QStringLiteral("Project A acceptance plan.docx")},
                        {QStringLiteral("source"), QStringLiteral("\\\\fs01\\projects\\A")},
                        {QStringLiteral("content_hash"), QString(64, QLatin1Char('a'))},
                        {QStringLiteral("document_sha256"), QString(64, QLatin1Char('a'))}}));
        // An approval waiting on him: HR moves Liu Yang's claim's first
        // step to him.
        Approvals approvals(*org->store);
        QVERIFY(approvals.installDefaultTemplates(actor("lina")));
        auto templates = approvals.currentTemplates();
        RequestDraft claim;
        for (const WorkflowTemplate &t : *templates)
            if (t.code == QLatin1String("document_approval"))
                claim.templateId = t.id;
        claim.subject = QStringLiteral("Supplier contract draft");
        auto request = approvals.submit(actor("liuyang"), claim);
        QVERIFY(request);
        work.request = *request;
        auto steps = Approvals::recordsWhere(*org->store, "approval_step", "request_id", *request);
        QVERIFY(steps && !steps->isEmpty());
        work.step = steps->first().id(u"id");
        QVERIFY(approvals.reassign(actor("lina"), work.step, emp("E002")));
    }

    void setUp()
    {
        org = std::make_unique<TestOrg>();
        signers.clear();
        work = {};
        QVERIFY(org->build());
    }
};

} // namespace baton::test
