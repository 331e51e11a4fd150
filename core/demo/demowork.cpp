#include "demowork.h"

#include "handover/handovers.h"
#include "oplog/uuidv7.h"
#include "store/store.h"
#include "trail/documentblobs.h"
#include "work/taskconfirmation.h"
#include "work/workarchive.h"
#include "work/workentities.h"
#include "workflow/approvals.h"

#include <QCryptographicHash>
#include <QTimeZone>

namespace baton {

namespace {

constexpr qint64 DayMs = 24 * 3600 * 1000;

struct Text
{
    const char *zh;
    const char *en;
};

class DemoWork
{
public:
    DemoWork(Store &store, const QHash<QString, DemoAccount> &accounts, bool chinese, bool sign,
             const QDate &today)
        : m_store(store)
        , m_accounts(accounts)
        , m_zh(chinese)
        , m_sign(sign)
        , m_today(today)
    { }

    Status run();
    Status departure(const QDate &departure);

private:
    QString t(const Text &x) const { return QString::fromUtf8(m_zh ? x.zh : x.en); }
    Result<Actor> actor(const char *login)
    {
        return m_store.actorFor(m_accounts.value(QLatin1String(login)).userId, m_store.nowMs());
    }
    QUuid employeeOf(const char *login)
    {
        auto a = actor(login);
        return a ? a->employeeId : QUuid();
    }
    qint64 msOf(const QDate &d, int hour = 10) const
    {
        return std::min(
            QDateTime(d, QTime(hour, 0), QTimeZone("Asia/Shanghai")).toMSecsSinceEpoch(),
            m_store.nowMs() - 1000);
    }
    Operation op(const char *login, const char *entity, OpKind kind, const QJsonObject &f,
                 const QUuid &id = {})
    {
        return m_store.makeOp(QLatin1String(entity), id.isNull() ? createUuidV7() : id, kind, f,
                              m_accounts.value(QLatin1String(login)).userId);
    }
    Status duties();
    Status tasksOf(const char *manager, const QUuid &owner, const QList<Text> &titles, int overdue,
                   int done, const QString &project, QList<Operation> &ops);
    Status trailOf(const char *login, const QUuid &employee, int daysBack, QList<Operation> &ops);
    Status handOverWuQiang();
    Status progressOf(const char *owner, const char *supervisor);
    Status startOtherDeparture();
    // Starts, signs and completes a handover; sign false: submitted only.
    Status handOver(const char *leaver, const QDate &departure, const Text &reason,
                    const QList<std::pair<const char *, Text>> &extraItems);
    Result<SigningKeys::Unlocked> signer(const char *login);

    Store &m_store;
    const QHash<QString, DemoAccount> &m_accounts;
    bool m_zh;
    bool m_sign;
    QDate m_today;
};

Status DemoWork::duties()
{
    // Every current duty from the position description, from the hire date;
    // those who left answered for theirs until their last day.
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT e.id, e.hire_date, e.status, e.departure_date, r.id, r.title FROM employee e "
        "JOIN responsibility r ON r.position_id=e.position_id AND r.retired=0 "
        "WHERE e.retired=0 ORDER BY e.number, r.sort_order"));
    if (!q.exec())
        return db.errorFrom(q, QStringLiteral("reading the demo company"));
    QList<Operation> ops;
    while (q.next()) {
        QJsonObject f{{QStringLiteral("employee_id"), q.text(0)},
                      {QStringLiteral("responsibility_id"), q.text(4)},
                      {QStringLiteral("title"), q.text(5)},
                      {QStringLiteral("valid_from"), q.text(1)}};
        if (q.text(2) == QLatin1String("departed")) {
            const QDate left = QDate::fromString(q.text(3), Qt::ISODate);
            f.insert(QStringLiteral("valid_to"), left.addDays(-1).toString(Qt::ISODate));
        }
        ops.append(op("lina", "duty", OpKind::Create, f));
    }
    q.finish();
    return m_store.submit(ops);
}

Status DemoWork::tasksOf(const char *manager, const QUuid &owner, const QList<Text> &titles,
                         int overdue, int done, const QString &project, QList<Operation> &ops)
{
    for (int i = 0; i < titles.size(); ++i) {
        QJsonObject f{{QStringLiteral("owner_id"), idString(owner)},
                      {QStringLiteral("title"), t(titles[i])}};
        if (!project.isEmpty())
            f.insert(QStringLiteral("project"), project);
        if (i < overdue) {
            f.insert(QStringLiteral("due_date"), m_today.addDays(-9 + 4 * i).toString(Qt::ISODate));
            f.insert(QStringLiteral("status"), QStringLiteral("in_progress"));
            f.insert(QStringLiteral("progress"), 60 + 10 * i);
        } else if (i >= titles.size() - done) {
            f.insert(QStringLiteral("due_date"), m_today.addDays(-20).toString(Qt::ISODate));
            f.insert(QStringLiteral("status"), QStringLiteral("done"));
            f.insert(QStringLiteral("progress"), 100);
            f.insert(QStringLiteral("done_date"), m_today.addDays(-22).toString(Qt::ISODate));
        } else {
            f.insert(QStringLiteral("due_date"), m_today.addDays(5 + 6 * i).toString(Qt::ISODate));
            f.insert(QStringLiteral("status"),
                     i % 2 ? QStringLiteral("open") : QStringLiteral("in_progress"));
            f.insert(QStringLiteral("progress"), i % 2 ? 0 : 20 + 5 * i);
        }
        // Started a while before it was due.
        const QDate due =
            QDate::fromString(f.value(QLatin1String("due_date")).toString(), Qt::ISODate);
        f.insert(QStringLiteral("start_date"),
                 std::min(m_today.addDays(-40 + 3 * i), due.addDays(-14)).toString(Qt::ISODate));
        ops.append(op(manager, "task", OpKind::Create, f));
    }
    return {};
}

Status DemoWork::trailOf(const char *login, const QUuid &employee, int daysBack,
                         QList<Operation> &ops)
{
    struct Item
    {
        const char *kind;
        int day; // days before today
        Text title;
        Text body;
        Text sender;
        Text conversation;
    };
    static const Item items[] = {
        {"email",
         62,
         {"项目A需求说明书 V2 评审意见", "Project A requirements v2: review comments"},
         {"各位好，附件是华东建材项目A需求说明书第二版的评审意见，请在周五前确认交付范围。",
          "Hello all, attached are the review comments on the second version of the Project A "
          "requirements for East China Building Materials; please confirm the delivery scope "
          "by Friday."},
         {"张伟 <zhangwei@baton-demo.cn>", "Wei Zhang <zhangwei@baton-demo.com>"},
         {"", ""}},
        {"chat",
         55,
         {"客户要求第7项交付物提前到月底", "Customer wants delivery item 7 by month end"},
         {"客户要求第7项交付物提前到月底，合同附件里写的是下月中旬，我先口头答应了。",
          "The customer wants delivery item 7 by the end of the month; the contract annex says "
          "mid next month. I agreed verbally for now."},
         {"张伟", "Wei Zhang"},
         {"项目A交付群", "Project A delivery"}},
        {"note",
         48,
         {"第32周周报", "Weekly report, week 32"},
         {"本周完成：需求冻结、原型评审。下周计划：第7项交付物联调。\n主管批注（陈静）：请补充客户"
          "确认记录。",
          "Done: requirements frozen, prototype reviewed. Next: integration of delivery item 7.\n"
          "Supervisor's comment (Jing Chen): add the customer's confirmation record."},
         {"张伟", "Wei Zhang"},
         {"", ""}},
        {"email",
         41,
         {"回复：第7项交付物时间确认", "Re: delivery item 7 schedule"},
         {"张经理，我方同意第7项交付物延至下月15日，请以此邮件为准。——华东建材 采购部 王磊",
          "Mr Zhang, we agree to move delivery item 7 to the 15th of next month; this email is "
          "our confirmation. Lei Wang, Procurement, East China Building Materials"},
         {"王磊 <wanglei@hd-jiancai.cn>", "Lei Wang <wanglei@ecbm.example>"},
         {"", ""}},
        {"chat",
         30,
         {"供应商门户账号密码已更新", "Supplier portal password changed"},
         {"供应商门户账号密码已更新，新密码在部门保险柜的信封里。",
          "The supplier portal password was changed; the new one is in the envelope in the "
          "department safe."},
         {"张伟", "Wei Zhang"},
         {"项目管理部", "Project management"}},
        {"note",
         14,
         {"客户回访纪要", "Customer follow-up notes"},
         {"回访华东建材：对验收方案无异议，续约谈判定于下季度，由项目经理牵头。",
          "Follow-up with East China Building Materials: no objection to the acceptance plan; "
          "the renewal talks are next quarter, led by the project manager."},
         {"张伟", "Wei Zhang"},
         {"", ""}},
    };
    for (const Item &i : items) {
        if (i.day > daysBack)
            continue;
        const QString title = t(i.title), body = t(i.body);
        QJsonObject f{{QStringLiteral("employee_id"), idString(employee)},
                      {QStringLiteral("kind"), QLatin1String(i.kind)},
                      {QStringLiteral("occurred_ms"), msOf(m_today.addDays(-i.day))},
                      {QStringLiteral("title"), title},
                      {QStringLiteral("body"), body},
                      {QStringLiteral("sender"), t(i.sender)},
                      {QStringLiteral("source"), QStringLiteral("demo")}};
        if (*i.conversation.zh)
            f.insert(QStringLiteral("conversation"), t(i.conversation));
        f.insert(QStringLiteral("content_hash"),
                 QString::fromLatin1(
                     QCryptographicHash::hash((title + QLatin1Char('\n') + body).toUtf8(),
                                              QCryptographicHash::Sha256)
                         .toHex()));
        ops.append(op(login, "trail_item", OpKind::Append, f));
    }
    // Key documents, kept by hash on this computer.
    static const Text documents[][2] = {
        {{"项目A验收方案.txt", "Project A acceptance plan.txt"},
         {"验收范围：交付物1至12。第7项：接口联调，客户确认后验收。",
          "Scope: delivery items 1 to 12. Item 7: interface integration, accepted once the "
          "customer confirms."}},
        {{"华东建材合同附件二.txt", "ECBM contract annex 2.txt"},
         {"合同附件二：交付计划与违约责任。第7项交付物：下月中旬。",
          "Contract annex 2: delivery plan and liabilities. Delivery item 7: mid next month."}},
    };
    DocumentBlobs blobs(m_store);
    int n = 0;
    for (const auto &d : documents) {
        const QByteArray content = t(d[1]).toUtf8();
        QString hash;
        if (Status s = m_store.transact([&]() -> Status {
                auto h = blobs.put(content, QStringLiteral("text/plain"));
                if (!h)
                    return h.error();
                hash = *h;
                return {};
            });
            !s)
            return s;
        ops.append(op(login, "trail_item", OpKind::Append,
                      {{QStringLiteral("employee_id"), idString(employee)},
                       {QStringLiteral("kind"), QStringLiteral("document")},
                       {QStringLiteral("occurred_ms"), msOf(m_today.addDays(-35 + 7 * n++))},
                       {QStringLiteral("title"), t(d[0])},
                       {QStringLiteral("body"), t(d[1])},
                       {QStringLiteral("source"),
                        QString(QStringLiteral("\\\\fs01\\projects\\A\\") + t(d[0]))},
                       {QStringLiteral("content_hash"), hash},
                       {QStringLiteral("document_sha256"), hash},
                       {QStringLiteral("document_size"), qint64(content.size())},
                       {QStringLiteral("mime"), QStringLiteral("text/plain")}}));
    }
    return {};
}

Result<SigningKeys::Unlocked> DemoWork::signer(const char *login)
{
    SigningKeys keys(m_store);
    const DemoAccount account = m_accounts.value(QLatin1String(login));
    if (auto s = keys.ensureKey(account.userId, QLatin1String(login), account.password); !s)
        return s.error();
    if (auto s = keys.certify(account.userId, QLatin1String(login),
                              SigningKeys::localAuthority(m_store));
        !s)
        return s.error();
    return keys.unlock(account.userId, account.password);
}

Status DemoWork::departure(const QDate &departure)
{
    for (const char *login : {"lina", "chenjing", "liuyang", "zhengkai"})
        if (!m_accounts.contains(QLatin1String(login)))
            return {};
    const QUuid zk = employeeOf("zhengkai");
    QList<Operation> ops;
    ops.append(op("chenjing", "duty", OpKind::Create,
                  {{QStringLiteral("employee_id"), idString(zk)},
                   {QStringLiteral("title"),
                    t({"项目D的交付与验收", "Delivery and acceptance of project D"})},
                   {QStringLiteral("project"), t({"项目D", "Project D"})},
                   {QStringLiteral("valid_from"), m_today.addYears(-1).toString(Qt::ISODate)}}));
    if (Status s = tasksOf("chenjing", zk,
                           {{"项目D验收文档", "Project D acceptance documents"},
                            {"项目D客户培训", "Project D customer training"},
                            {"项目D需求变更评估", "Project D change request assessment"}},
                           1, 1, t({"项目D", "Project D"}), ops);
        !s)
        return s;
    struct Item
    {
        const char *kind;
        int day;
        Text title;
        Text body;
        Text conversation;
    };
    const Item items[] = {
        {"email",
         20,
         {"项目D验收计划（客户确认版）", "Project D acceptance plan (customer's copy)"},
         {"附件为客户确认的验收计划，验收会定于下月第一周。",
          "Attached is the acceptance plan the customer confirmed; the acceptance meeting is in "
          "the first week of next month."},
         {"", ""}},
        {"chat",
         12,
         {"培训材料放在项目D共享盘", "Training material is on the project D share"},
         {"客户培训材料放在项目D共享盘的“培训”目录，刘洋已有权限。",
          "The customer training material is in the Training folder of the project D share; "
          "Liu Yang has access."},
         {"项目D交付群", "Project D delivery"}},
        {"note",
         3,
         {"交接前周报", "Weekly report before the handover"},
         {"本周完成：验收文档初稿。待办：客户培训、需求变更评估，交刘洋。",
          "Done: first draft of the acceptance documents. Open: customer training and the change "
          "request assessment, going to Liu Yang."},
         {"", ""}},
    };
    auto name = m_store.readRecord(QStringLiteral("employee"), zk);
    const QString sender =
        name ? name->text(u"family_name") + name->text(u"given_name") : QString();
    for (const Item &i : items) {
        const QString title = t(i.title), body = t(i.body);
        QJsonObject f{{QStringLiteral("employee_id"), idString(zk)},
                      {QStringLiteral("kind"), QLatin1String(i.kind)},
                      {QStringLiteral("occurred_ms"), msOf(m_today.addDays(-i.day))},
                      {QStringLiteral("title"), title},
                      {QStringLiteral("body"), body},
                      {QStringLiteral("sender"), sender},
                      {QStringLiteral("source"), QStringLiteral("demo")},
                      {QStringLiteral("content_hash"),
                       QString::fromLatin1(
                           QCryptographicHash::hash((title + QLatin1Char('\n') + body).toUtf8(),
                                                    QCryptographicHash::Sha256)
                               .toHex())}};
        if (*i.conversation.zh)
            f.insert(QStringLiteral("conversation"), t(i.conversation));
        ops.append(op("zhengkai", "trail_item", OpKind::Append, f));
    }
    if (Status s = m_store.submit(ops); !s)
        return s;
    return handOver("zhengkai", departure, {"合同到期不再续签", "Did not renew his contract"},
                    {{"asset", {"归还门禁卡与笔记本电脑", "Return the access card and laptop"}}});
}

Status DemoWork::handOver(const char *leaver, const QDate &departure, const Text &reason,
                          const QList<std::pair<const char *, Text>> &extraItems)
{
    auto hr = actor("lina");
    if (!hr)
        return hr.error();
    // The sign-off workflow (installed once; the approvals add the rest).
    if (auto s = Approvals(m_store).installDefaultTemplates(*hr, m_zh); !s)
        return s;
    Handovers handovers(m_store);
    DepartureDraft d;
    d.leaver = employeeOf(leaver);
    d.departureDate = departure;
    d.successors = {employeeOf("liuyang")};
    d.supervisor = employeeOf("chenjing");
    d.reason = t(reason);
    auto caseId = handovers.start(*hr, d);
    if (!caseId)
        return caseId.error();
    for (const auto &[kind, title] : extraItems)
        if (auto i = handovers.addItem(
                *hr, *caseId, QLatin1String(kind), t(title), {},
                QLatin1String(kind) == QLatin1String("asset") ? QUuid() : employeeOf("liuyang"));
            !i)
            return i.error();
    if (auto s = handovers.submit(*hr, *caseId); !s)
        return s;
    if (!m_sign)
        return {};
    auto c = handovers.caseById(*caseId);
    if (!c)
        return c.error();
    Approvals approvals(m_store);
    const Text opinions[] = {{"清单完整，已确认。", "The list is complete; confirmed."},
                             {"已接收上述工作。", "I take over the work listed."},
                             {"同意交接。", "Handover approved."}};
    int k = 0;
    for (const char *login : {leaver, "liuyang", "chenjing"}) {
        auto a = actor(login);
        if (!a)
            return a.error();
        auto key = signer(login);
        if (!key)
            return key.error();
        auto v = approvals.detail(*a, c->requestId);
        if (!v)
            return v.error();
        if (v->progress.waitingSteps.isEmpty())
            return Error(QStringLiteral("demo.work"),
                         QStringLiteral("The handover waits on no one."));
        if (auto s = approvals.decide(*a, v->progress.waitingSteps.first(),
                                      Approvals::Decision::Approve, t(opinions[k++]), *key);
            !s)
            return s;
        // Trusted time from the installation's own authority.
        if (auto n = approvals.stampSignatures(*a, Approvals::localTimeStamps(m_store)); !n)
            return n.error();
    }
    auto supervisor = actor("chenjing");
    if (!supervisor)
        return supervisor.error();
    return handovers.complete(*supervisor, *caseId);
}

Status DemoWork::handOverWuQiang()
{
    return handOver(
        "wuqiang", m_today.addDays(12), {"个人原因辞职", "Resigned for personal reasons"},
        {{"asset", {"归还笔记本电脑（资产编号 IT-0457）", "Return laptop (asset IT-0457)"}},
         {"credential", {"移交供应商门户账号", "Hand over the supplier portal account"}}});
}

Status DemoWork::run()
{
    for (const char *login : {"lina", "chenjing", "zhangwei", "liuyang", "wuqiang"})
        if (!m_accounts.contains(QLatin1String(login)))
            return {}; // a company without the journeys' people
    if (Status s = duties(); !s)
        return s;
    const QUuid zw = employeeOf("zhangwei"), ly = employeeOf("liuyang"), wq = employeeOf("wuqiang");
    QList<Operation> ops;
    // Zhang Wei keeps the customers of project A (journey 1).
    ops.append(op("lina", "employee", OpKind::Update, {{QStringLiteral("is_sales"), true}}, zw));
    const Text customers[] = {{"华东建材集团", "East China Building Materials"},
                              {"苏州恒远物流", "Suzhou Hengyuan Logistics"},
                              {"杭州启明软件", "Hangzhou Qiming Software"},
                              {"宁波海通船务", "Ningbo Haitong Shipping"}};
    QUuid firstCustomer;
    for (const Text &c : customers) {
        const QUuid id = createUuidV7();
        if (firstCustomer.isNull())
            firstCustomer = id;
        ops.append(op("lina", "customer", OpKind::Create,
                      {{QStringLiteral("name"), t(c)},
                       {QStringLiteral("owner_id"), idString(zw)},
                       {QStringLiteral("status"), QStringLiteral("active")}},
                      id));
    }
    const Text duties[] = {{"项目A的需求与交付", "Requirements and delivery of project A"},
                           {"华东建材年度续约", "East China Building Materials renewals"},
                           {"供应商门户账号管理", "The supplier portal account"}};
    for (const Text &d : duties) {
        QJsonObject f{{QStringLiteral("employee_id"), idString(zw)},
                      {QStringLiteral("title"), t(d)},
                      {QStringLiteral("valid_from"), m_today.addYears(-2).toString(Qt::ISODate)}};
        if (&d == &duties[1])
            f.insert(QStringLiteral("customer_id"), idString(firstCustomer));
        if (&d == &duties[0])
            f.insert(QStringLiteral("project"), t({"项目A", "Project A"}));
        ops.append(op("chenjing", "duty", OpKind::Create, f));
    }
    const QString projectA = t({"项目A", "Project A"});
    if (Status s = tasksOf("chenjing", zw,
                           {{"第7项交付物：接口联调", "Delivery item 7: interface integration"},
                            {"华东建材验收报告", "ECBM acceptance report"},
                            {"第三季度需求说明书", "Q3 requirements document"},
                            {"项目A原型评审", "Project A prototype review"},
                            {"客户培训计划", "Customer training plan"},
                            {"供应商合同续签", "Supplier contract renewal"},
                            {"项目A测试报告", "Project A test report"},
                            {"项目A启动会", "Project A kick-off"},
                            {"项目A立项材料", "Project A initiation papers"}},
                           2, 2, projectA, ops);
        !s)
        return s;
    if (Status s = tasksOf("chenjing", ly,
                           {{"项目B里程碑计划", "Project B milestone plan"},
                            {"项目B风险清单", "Project B risk register"},
                            {"项目B需求调研", "Project B requirements study"}},
                           0, 1, t({"项目B", "Project B"}), ops);
        !s)
        return s;
    if (Status s = tasksOf("chenjing", wq,
                           {{"项目C上线切换方案", "Project C cut-over plan"},
                            {"项目C用户手册", "Project C user manual"},
                            {"项目C周例会", "Project C weekly meeting"}},
                           1, 1, t({"项目C", "Project C"}), ops);
        !s)
        return s;
    if (Status s = trailOf("zhangwei", zw, 90, ops); !s)
        return s;
    if (Status s = trailOf("wuqiang", wq, 40, ops); !s)
        return s;
    if (Status s = m_store.submit(ops); !s)
        return s;
    if (Status s = progressOf("zhangwei", "chenjing"); !s)
        return s;
    if (Status s = progressOf("liuyang", "chenjing"); !s)
        return s;
    if (Status s = handOverWuQiang(); !s)
        return s;
    return startOtherDeparture();
}

// Someone else who is leaving: HR has started the handover and is still
// completing the checklist (the Handovers page opens on open cases).
// The owner reports progress on their tasks every other week; the
// supervisor confirms the latest reports and the finished tasks, signed.
Status DemoWork::progressOf(const char *owner, const char *supervisor)
{
    const QUuid employee = employeeOf(owner);
    auto tasks = WorkArchive(m_store).tasks(employee);
    if (!tasks)
        return tasks.error();
    const Text notes[] = {
        {"与客户开会确认范围，已形成会议纪要",
         "Met the customer to agree the scope; minutes filed"},
        {"初稿完成，等待客户确认", "First draft done, waiting for the customer's confirmation"},
        {"按评审意见修改，补充了验收标准", "Revised after the review; acceptance criteria added"}};
    QList<Operation> ops;
    QList<std::pair<QUuid, QUuid>> toConfirm; // task, report
    int n = 0;
    for (const TaskSummary &each : std::as_const(*tasks)) {
        if (each.progress == 0 || each.status == QLatin1String(task::Cancelled))
            continue;
        QUuid last;
        for (int k = 2; k >= 0; --k) {
            const qint64 progress = std::max<qint64>(5, each.progress - 25 * k);
            const QDate day = (each.done.isValid() ? each.done : m_today).addDays(-3 - 14 * k);
            last = createUuidV7();
            ops.append(
                op(owner, "task_update", OpKind::Append,
                   {{QStringLiteral("task_id"), idString(each.id)},
                    {QStringLiteral("progress"), progress},
                    {QStringLiteral("status"),
                     progress == 100 ? QLatin1String(task::Done) : QLatin1String(task::InProgress)},
                    {QStringLiteral("note"), t(notes[(n + 2 - k) % 3])},
                    {QStringLiteral("reported_by"), idString(employee)},
                    {QStringLiteral("reported_ms"), msOf(day, 17)}},
                   last));
        }
        if (n++ % 2 == 0 || each.status == QLatin1String(task::Done))
            toConfirm.append({each.id, last});
    }
    if (Status s = m_store.submit(ops); !s)
        return s;
    if (!m_sign)
        return {};
    auto key = signer(supervisor);
    if (!key)
        return key.error();
    auto who = actor(supervisor);
    if (!who)
        return who.error();
    TaskConfirmations confirmations(m_store);
    for (const auto &[taskId, reportId] : std::as_const(toConfirm)) {
        auto r = m_store.readRecord(QStringLiteral("task_update"), reportId);
        auto title = m_store.readRecord(QStringLiteral("task"), taskId);
        if (!r || !title)
            return !r ? r.error() : title.error();
        const qint64 progress = r->value(u"progress").toLongLong();
        const QString statement =
            progress == 100
                ? t({"%1：已完成，确认", "%1: done, confirmed"}).arg(title->text(u"title"))
                : t({"%1：进度%2%属实", "%1: %2% done, as reported"})
                      .arg(title->text(u"title"))
                      .arg(progress);
        if (auto c = confirmations.confirm(*who, taskId, reportId, statement, *key); !c)
            return c.error();
    }
    return {};
}

Status DemoWork::startOtherDeparture()
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT e.id, e.departure_date, e.department_id, e.manager_id, d.head_id FROM employee e "
        "JOIN department d ON d.id=e.department_id LEFT JOIN app_user u ON u.employee_id=e.id "
        "WHERE e.status='departing' AND e.retired=0 AND u.id IS NULL ORDER BY e.number"));
    if (!q.exec())
        return db.errorFrom(q, QStringLiteral("reading the demo company"));
    QUuid leaver, department, supervisor;
    QDate departure;
    if (q.next()) {
        leaver = parseId(q.text(0));
        departure = QDate::fromString(q.text(1), Qt::ISODate);
        department = parseId(q.text(2));
        supervisor = parseId(q.text(3).isEmpty() ? q.text(4) : q.text(3));
    }
    q.finish();
    if (leaver.isNull() || supervisor.isNull() || supervisor == leaver || !departure.isValid())
        return {};
    // A colleague in the same department, else one in the same position.
    SqlStatement &colleagues = db.statement(QStringLiteral(
        "SELECT id FROM employee WHERE status='active' AND retired=0 AND id<>? AND id<>? "
        "ORDER BY department_id=? DESC, position_id=(SELECT position_id FROM employee WHERE "
        "id=?) DESC, number LIMIT 1"));
    colleagues.bind(0, idString(leaver));
    colleagues.bind(1, idString(supervisor));
    colleagues.bind(2, idString(department));
    colleagues.bind(3, idString(leaver));
    if (!colleagues.exec())
        return db.errorFrom(colleagues, QStringLiteral("reading the demo company"));
    const QUuid successor = colleagues.next() ? parseId(colleagues.text(0)) : QUuid();
    colleagues.finish();
    if (successor.isNull())
        return {};
    auto hr = actor("lina");
    if (!hr)
        return hr.error();
    Handovers handovers(m_store);
    auto caseId = handovers.start(*hr, {leaver,
                                        departure,
                                        {successor},
                                        supervisor,
                                        t({"另有发展", "Leaving for another company"})});
    if (!caseId)
        return caseId.error();
    if (auto i = handovers.addItem(*hr, *caseId, QStringLiteral("asset"),
                                   t({"归还工牌和工装", "Return the badge and uniform"}), {}, {});
        !i)
        return i.error();
    return {};
}

} // namespace

Status addDemoDeparture(Store &store, const QHash<QString, DemoAccount> &accounts,
                        const QString &locale, const QDate &departure)
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(store.nowMs()).date();
    return DemoWork(store, accounts, locale.startsWith(QLatin1String("zh")), true, today)
        .departure(departure);
}

Status addDemoWork(Store &store, const QHash<QString, DemoAccount> &accounts, const QString &locale,
                   bool signedDecisions, const QDate &today)
{
    return DemoWork(store, accounts, locale.startsWith(QLatin1String("zh")), signedDecisions, today)
        .run();
}

} // namespace baton
