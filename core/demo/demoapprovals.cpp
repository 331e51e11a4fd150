#include "demoapprovals.h"

#include "store/store.h"
#include "workflow/approvals.h"

namespace baton {

namespace {

class DemoApprovals
{
public:
    DemoApprovals(Store &store, const QHash<QString, DemoAccount> &accounts, bool chinese,
                  bool decide)
        : m_store(store)
        , m_accounts(accounts)
        , m_approvals(store)
        , m_zh(chinese)
        , m_decide(decide)
    { }

    Status run();

private:
    QString text(const char *zh, const char *en) const
    {
        return m_zh ? QString::fromUtf8(zh) : QString::fromUtf8(en);
    }
    Result<Actor> actor(const QString &login)
    {
        return m_store.actorFor(m_accounts.value(login).userId, m_store.nowMs());
    }
    Result<SigningKeys::Unlocked> signer(const QString &login);
    Result<QUuid> submit(const QString &login, const char *code, const QString &subject,
                         const QString &body, qint64 amount, QList<FileToAttach> files = {});
    // Decides the step the request waits on, as login.
    Status decide(const QString &login, const QUuid &request, Approvals::Decision decision,
                  const QString &opinion = {}, QList<FileToAttach> files = {});

    Store &m_store;
    const QHash<QString, DemoAccount> &m_accounts;
    Approvals m_approvals;
    bool m_zh;
    bool m_decide;
    QHash<QString, QUuid> m_templates; // by code
    QHash<QString, SigningKeys::Unlocked> m_signers;
};

Result<SigningKeys::Unlocked> DemoApprovals::signer(const QString &login)
{
    if (auto it = m_signers.constFind(login); it != m_signers.constEnd())
        return *it;
    SigningKeys keys(m_store);
    const DemoAccount account = m_accounts.value(login);
    if (auto s = keys.ensureKey(account.userId, login, account.password); !s)
        return s.error();
    if (auto s = keys.certify(account.userId, login, SigningKeys::localAuthority(m_store)); !s)
        return s.error();
    auto unlocked = keys.unlock(account.userId, account.password);
    if (!unlocked)
        return unlocked.error();
    m_signers.insert(login, *unlocked);
    return *unlocked;
}

Result<QUuid> DemoApprovals::submit(const QString &login, const char *code, const QString &subject,
                                    const QString &body, qint64 amount, QList<FileToAttach> files)
{
    auto a = actor(login);
    if (!a)
        return a.error();
    RequestDraft d;
    d.templateId = m_templates.value(QLatin1String(code));
    d.subject = subject;
    d.body = body;
    d.amount = amount;
    d.currency = QStringLiteral("CNY");
    d.files = std::move(files);
    return m_approvals.submit(*a, d);
}

Status DemoApprovals::decide(const QString &login, const QUuid &request,
                             Approvals::Decision decision, const QString &opinion,
                             QList<FileToAttach> files)
{
    if (!m_decide)
        return {};
    auto a = actor(login);
    if (!a)
        return a.error();
    auto key = signer(login);
    if (!key)
        return key.error();
    auto v = m_approvals.detail(*a, request);
    if (!v)
        return v.error();
    if (v->progress.waitingSteps.isEmpty())
        return Error(QStringLiteral("demo.approvals"),
                     QStringLiteral("The demo request \"%1\" waits on no one.").arg(v->subject));
    return m_approvals.decide(*a, v->progress.waitingSteps.first(), decision, opinion, *key, files);
}

Status DemoApprovals::run()
{
    for (const char *login : {"lina", "chenjing", "zhangwei", "sunhao", "zhaolei"})
        if (!m_accounts.contains(QLatin1String(login)))
            return {}; // a company without the journeys' people gets templates only
    auto hr = actor(QStringLiteral("lina"));
    if (!hr)
        return hr.error();
    if (auto s = m_approvals.installDefaultTemplates(*hr, m_zh); !s)
        return s;
    auto templates = m_approvals.currentTemplates();
    if (!templates)
        return templates.error();
    for (const WorkflowTemplate &t : *templates)
        m_templates.insert(t.code, t.id);

    const QString zw = QStringLiteral("zhangwei");
    const QString ly = QStringLiteral("liuyang");
    const QString cj = QStringLiteral("chenjing");
    using D = Approvals::Decision;
    QList<QUuid> made;
    auto add = [&](Result<QUuid> id) -> Status {
        if (!id)
            return id.error();
        made.append(*id);
        return {};
    };

    // Six waiting on Chen Jing on Monday morning (journey 4).
    const FileToAttach plan{text("项目A交付清单.txt", "project-A-delivery-list.txt"),
                            QStringLiteral("text/plain"),
                            text("项目A 第一阶段交付物:需求说明书、原型、测试报告。\n",
                                 "Project A phase 1 deliverables: requirements, prototype, "
                                 "test report.\n")
                                .toUtf8()};
    if (auto s = add(submit(zw, "project_delivery",
                            text("项目A 第一阶段交付", "Project A: phase 1 delivery"),
                            text("需求说明书、原型与测试报告已交付客户B,请审核。",
                                 "Requirements, prototype and test report delivered to "
                                 "customer B; please review."),
                            0, {plan}));
        !s)
        return s;
    if (auto s = add(submit(ly, "project_delivery",
                            text("门店收银系统升级交付", "Store till upgrade delivery"),
                            text("第三分店收银系统升级完成,附验收记录。",
                                 "Till upgrade at branch store 3 finished; acceptance notes "
                                 "attached."),
                            0));
        !s)
        return s;
    if (auto s = add(
            submit(zw, "expense_claim", text("杭州客户拜访差旅费", "Customer visit, Hangzhou"),
                   text("高铁往返及两晚住宿。", "Return train and two nights' hotel."), 286'000));
        !s)
        return s;
    if (auto s = add(
            submit(ly, "expense_claim", text("项目组加班餐费", "Project team overtime meals"),
                   text("十月项目冲刺期间加班餐费。", "Overtime meals during the October sprint."),
                   64'500));
        !s)
        return s;
    if (auto s = add(submit(zw, "document_approval",
                            text("项目A 需求说明书 v2.1", "Project A requirements v2.1"),
                            text("根据客户反馈修订第4章接口说明。",
                                 "Chapter 4 interfaces revised after the customer's feedback."),
                            0));
        !s)
        return s;
    if (auto s = add(submit(ly, "document_approval",
                            text("供应商门户操作手册", "Supplier portal manual"),
                            text("供应商门户账号与操作流程说明。",
                                 "How the supplier portal accounts and steps work."),
                            0));
        !s)
        return s;

    // Journey 5: a claim above 10,000 yuan that the manager approved but the
    // general manager has not: finance cannot pay it.
    auto big = submit(
        zw, "expense_claim",
        text("客户B 年度答谢活动场地费", "Customer B appreciation event venue"),
        text("场地租赁及布置,合同见附件。", "Venue hire and set-up; contract attached."), 1'280'000,
        {{text("场地合同.txt", "venue-contract.txt"), QStringLiteral("text/plain"),
          text("场地租赁合同 金额 12,800.00 元\n", "Venue hire contract, CNY 12,800.00\n")
              .toUtf8()}});
    if (!big)
        return big.error();
    if (auto s = decide(cj, *big, D::Approve,
                        text("同意,请总经理审批。", "Agreed; over to the general manager."));
        !s)
        return s;

    // Paid, the whole way through.
    auto paid =
        submit(ly, "expense_claim", text("客户C 培训差旅费", "Customer C training trip"),
               text("上海两天现场培训。", "Two days' on-site training in Shanghai."), 345'000);
    if (!paid)
        return paid.error();
    if (auto s = decide(cj, *paid, D::Approve, text("同意。", "Agreed.")); !s)
        return s;
    if (auto s = decide(QStringLiteral("zhaolei"), *paid, D::Approve,
                        text("票据齐全。", "Receipts complete."));
        !s)
        return s;
    auto finance = actor(QStringLiteral("zhaolei"));
    if (!finance)
        return finance.error();
    if (m_decide)
        if (auto s = m_approvals.markPaid(*finance, *paid); !s)
            return s;

    // Approved, waiting for finance's archive, with the client's confirmation.
    auto delivered =
        submit(zw, "project_delivery", text("项目B 验收交付", "Project B acceptance"),
               text("项目B 全部交付物已完成。", "All deliverables of project B done."), 0);
    if (!delivered)
        return delivered.error();
    if (auto s = decide(cj, *delivered, D::Approve, text("交付物齐全。", "Deliverables complete."));
        !s)
        return s;
    const QByteArray mail =
        text("From: purchasing@customer-b.example\r\nSubject: 项目B 验收确认\r\n"
             "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
             "我方确认项目B交付物已全部验收。\r\n",
             "From: purchasing@customer-b.example\r\nSubject: Project B "
             "accepted\r\n\r\nWe confirm acceptance of all project B "
             "deliverables.\r\n")
            .toUtf8();
    if (auto s = decide(zw, *delivered, D::Approve,
                        text("客户已邮件确认。", "The customer confirmed by e-mail."),
                        {{text("客户确认邮件.eml", "customer-confirmation.eml"),
                          QStringLiteral("message/rfc822"), mail}});
        !s)
        return s;

    // Rejected, and returned for more information (waiting on Zhang Wei).
    auto rejected = submit(zw, "expense_claim", text("个人手机话费", "Personal phone bill"),
                           text("九月手机话费。", "Phone bill for September."), 19'900);
    if (!rejected)
        return rejected.error();
    if (auto s =
            decide(cj, *rejected, D::Reject,
                   text("个人话费不在报销范围内。", "Personal phone bills are not reimbursed."));
        !s)
        return s;
    auto returned =
        submit(zw, "project_delivery", text("项目A 原型交付", "Project A: prototype delivery"),
               text("交互原型已交付。", "Interactive prototype delivered."), 0);
    if (!returned)
        return returned.error();
    if (auto s = decide(cj, *returned, D::Return,
                        text("请补充客户的确认记录。", "Add the customer's confirmation record."));
        !s)
        return s;

    // Branch store 3: Wang Fang's claim goes to her regional manager.
    if (m_accounts.contains(QStringLiteral("wangfang"))
        && m_accounts.contains(QStringLiteral("zhoumin"))) {
        auto store3 = submit(QStringLiteral("wangfang"), "expense_claim",
                             text("第三分店冷柜维修", "Store 3 freezer repair"),
                             text("冷柜压缩机更换。", "Freezer compressor replaced."), 420'000);
        if (!store3)
            return store3.error();
        if (auto s =
                decide(QStringLiteral("zhoumin"), *store3, D::Approve, text("同意。", "Agreed."));
            !s)
            return s;
    }

    // Trusted time for every decision, from the installation's authority.
    for (auto it = m_signers.cbegin(); it != m_signers.cend(); ++it) {
        auto a = actor(it.key());
        if (!a)
            return a.error();
        if (auto n = m_approvals.stampSignatures(*a, Approvals::localTimeStamps(m_store)); !n)
            return n.error();
    }
    return {};
}

} // namespace

Status addDemoApprovals(Store &store, const QHash<QString, DemoAccount> &accounts,
                        const QString &locale, bool signedDecisions)
{
    DemoApprovals demo(store, accounts, locale.startsWith(QLatin1String("zh")), signedDecisions);
    return demo.run();
}

Result<bool> demoHasRecords(Store &store, const char *table)
{
    // The table name is one of the demo's own constants, never input.
    Database &db = store.database();
    SqlStatement &q =
        db.statement(QStringLiteral("SELECT 1 FROM %1 LIMIT 1").arg(QLatin1String(table)));
    if (!q.exec())
        return db.errorFrom(q, QStringLiteral("demo"));
    const bool found = q.next();
    q.finish();
    return found;
}

} // namespace baton
