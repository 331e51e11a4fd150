#include "demoreports.h"

#include "oplog/uuidv7.h"
#include "store/store.h"
#include "work/reportentities.h"
#include "work/workarchive.h"

#include <QTimeZone>

#include <algorithm>
#include <iterator>

namespace baton {

namespace {

struct Text
{
    const char *zh;
    const char *en;
};

// One week's report: done, planned, blockers (may be empty).
struct Week
{
    Text done;
    Text planned;
    Text blockers;
};

// Zhang Wei, project A, oldest week first (eight weeks ago to two weeks
// ago: last week's is the one he has not written).
const Week zhangWeiWeeks[] = {
    {{"项目A立项材料定稿，启动会完成。", "Project A initiation papers final; kick-off held."},
     {"整理需求清单，约华东建材业务部门访谈。",
      "Compile the requirements list; book interviews with ECBM's business units."},
     {"", ""}},
    {{"完成5场需求访谈，需求清单初稿。",
      "Five requirements interviews held; first draft of the list."},
     {"需求说明书V1，内部评审。", "Requirements document v1 and an internal review."},
     {"客户物流部门负责人出差，访谈延后。",
      "The customer's head of logistics is travelling: his interview is postponed."}},
    {{"需求说明书V1内部评审通过。", "Requirements v1 passed the internal review."},
     {"提交客户评审，准备原型。", "Send it to the customer for review; prepare the prototype."},
     {"", ""}},
    {{"收到客户对V1的评审意见（23条），修订为V2。",
      "Customer review of v1 received (23 comments); revised into v2."},
     {"原型评审；确认第7项交付物范围。", "Prototype review; agree the scope of delivery item 7."},
     {"客户要求第7项提前到月底，与合同附件不一致。",
      "The customer wants item 7 by month end, earlier than the contract annex says."}},
    {{"原型评审完成，需求冻结。", "Prototype reviewed; requirements frozen."},
     {"第7项交付物接口联调。", "Interface integration for delivery item 7."},
     {"第7项交付日期未获客户书面确认。",
      "Item 7's delivery date is not yet confirmed by the customer in writing."}},
    {{"接口联调完成60%，客户邮件同意第7项延至下月15日。",
      "Integration 60% done; the customer agreed by email to move item 7 to the 15th."},
     {"完成联调，编写验收报告。", "Finish integration; write the acceptance report."},
     {"", ""}},
    {{"联调发现3个接口缺陷，已修复2个。", "Integration found three interface defects; two fixed."},
     {"修复剩余缺陷，提交验收报告初稿。",
      "Fix the last defect; send the first draft of the acceptance report."},
     {"测试环境两次宕机，各损失半天。", "The test environment went down twice, half a day each."}},
};

// Liu Yang, project B; Wu Qiang, project C and his handover; Chen Jing, the
// department. Cycled over the weeks.
const Week liuYangWeeks[] = {
    {{"项目B里程碑计划初稿。", "Project B milestone plan, first draft."},
     {"与客户确认里程碑。", "Agree the milestones with the customer."},
     {"", ""}},
    {{"风险清单更新，新增2项。", "Risk register updated, two new risks."},
     {"需求调研第二轮。", "Second round of the requirements study."},
     {"客户IT接口人更换。", "The customer's IT contact changed."}},
    {{"需求调研完成8个部门。", "Requirements study: eight departments done."},
     {"汇总调研结果，出调研报告。", "Summarise the study; write its report."},
     {"", ""}},
    {{"调研报告提交客户。", "Study report sent to the customer."},
     {"准备项目B评审会。", "Prepare the project B review meeting."},
     {"", ""}},
};

const Week wuQiangWeeks[] = {
    {{"项目C上线切换方案V2。", "Project C cut-over plan v2."},
     {"切换演练。", "Cut-over rehearsal."},
     {"", ""}},
    {{"切换演练完成，发现数据迁移脚本问题。",
      "Rehearsal done; found a problem in the data migration script."},
     {"修复迁移脚本，更新用户手册。", "Fix the migration script; update the user manual."},
     {"", ""}},
    {{"用户手册更新至V3。", "User manual updated to v3."},
     {"准备工作交接清单。", "Prepare the handover checklist."},
     {"离职交接期间，周例会由刘洋主持。",
      "During the handover Liu Yang chairs the weekly meeting."}},
    {{"交接清单与刘洋逐项核对。", "Handover checklist gone through with Liu Yang item by item."},
     {"移交供应商门户账号。", "Hand over the supplier portal account."},
     {"", ""}},
};

const Week chenJingWeeks[] = {
    {{"项目A、B、C周例会；审批6项。", "Weekly meetings of projects A, B and C; six approvals."},
     {"第三季度部门目标分解。", "Break down the department's Q3 goals."},
     {"", ""}},
    {{"部门目标分解到人。", "Department goals broken down to each person."},
     {"项目A第7项交付风险跟进。", "Follow up the risk on project A's item 7."},
     {"项目经理人手紧张（吴强离职）。", "Short of project managers (Wu Qiang is leaving)."}},
    {{"吴强离职交接启动。", "Wu Qiang's handover started."},
     {"招聘项目经理一名。", "Recruit a project manager."},
     {"", ""}},
    {{"面试3名候选人。", "Interviewed three candidates."},
     {"第三季度绩效面谈排期。", "Schedule the Q3 performance talks."},
     {"", ""}},
};

const Text zhangWeiDays[] = {
    {"第7项联调：修复订单接口超时。", "Item 7 integration: fixed the order interface timeout."},
    {"与客户对齐验收标准。", "Aligned the acceptance criteria with the customer."},
    {"验收报告初稿完成一半。", "Acceptance report draft half written."},
    {"测试环境恢复，回归测试通过。", "Test environment back; regression tests pass."},
};

class DemoReports
{
public:
    DemoReports(Store &store, const QHash<QString, DemoAccount> &accounts, bool chinese,
                const QDate &today)
        : m_store(store)
        , m_accounts(accounts)
        , m_zh(chinese)
        , m_today(today)
    { }

    Status run();

private:
    QString t(const Text &x) const { return QString::fromUtf8(m_zh ? x.zh : x.en); }
    QUuid employeeOf(const char *login)
    {
        auto a = m_store.actorFor(m_accounts.value(QLatin1String(login)).userId, m_store.nowMs());
        return a ? a->employeeId : QUuid();
    }
    // A time on day, in the journeys' time zone, never after now.
    qint64 msOf(const QDate &d, int hour, int minute = 0) const
    {
        return std::min(
            QDateTime(d, QTime(hour, minute), QTimeZone("Asia/Shanghai")).toMSecsSinceEpoch(),
            m_store.nowMs() - 1000);
    }
    bool begun(const QDate &start) const
    {
        return start <= m_today && start <= report::latestDateAt(m_store.nowMs());
    }
    Operation op(const char *login, const char *entity, const QJsonObject &f, const QUuid &id)
    {
        return m_store.makeOp(QLatin1String(entity), id, OpKind::Append, f,
                              m_accounts.value(QLatin1String(login)).userId);
    }
    QUuid report(const char *login, const QString &period, const QDate &start, const Week &w,
                 QList<Operation> &ops);
    void comment(const char *by, const QUuid &subject, const char *entity, const QUuid &target,
                 const Text &body, qint64 atMs, QList<Operation> &ops);
    // Weekly reports of login for weeks `from` to `to` weeks ago, texts
    // cycled; returns their ids by weeks ago.
    QHash<int, QUuid> weeklies(const char *login, int from, int to, const Week *weeks, int count,
                               QList<Operation> &ops);

    Store &m_store;
    const QHash<QString, DemoAccount> &m_accounts;
    bool m_zh;
    QDate m_today;
};

QUuid DemoReports::report(const char *login, const QString &period, const QDate &start,
                          const Week &w, QList<Operation> &ops)
{
    if (!begun(start))
        return {};
    // A week's report on its Friday afternoon; a day's that evening.
    const bool weekly = period == QLatin1String(report::Weekly);
    const qint64 at = weekly ? msOf(start.addDays(4), 17, 30) : msOf(start, 18, 10);
    QJsonObject f{{QStringLiteral("author_id"), idString(employeeOf(login))},
                  {QStringLiteral("period"), period},
                  {QStringLiteral("period_start"), start.toString(Qt::ISODate)},
                  {QStringLiteral("submitted_ms"), at},
                  {QStringLiteral("done"), t(w.done)},
                  {QStringLiteral("planned"), t(w.planned)}};
    if (!t(w.blockers).isEmpty())
        f.insert(QStringLiteral("blockers"), t(w.blockers));
    const QUuid id = createUuidV7();
    ops.append(op(login, "work_report", f, id));
    return id;
}

void DemoReports::comment(const char *by, const QUuid &subject, const char *entity,
                          const QUuid &target, const Text &body, qint64 atMs, QList<Operation> &ops)
{
    if (target.isNull())
        return;
    ops.append(op(by, "work_comment",
                  {{QStringLiteral("subject_id"), idString(subject)},
                   {QStringLiteral("target_entity"), QLatin1String(entity)},
                   {QStringLiteral("target_id"), idString(target)},
                   {QStringLiteral("author_id"), idString(employeeOf(by))},
                   {QStringLiteral("body"), t(body)},
                   {QStringLiteral("written_ms"), atMs}},
                  createUuidV7()));
}

QHash<int, QUuid> DemoReports::weeklies(const char *login, int from, int to, const Week *weeks,
                                        int count, QList<Operation> &ops)
{
    QHash<int, QUuid> ids;
    const QDate thisWeek = report::weekStart(m_today);
    for (int ago = from, i = 0; ago >= to; --ago, ++i) {
        const QUuid id = report(login, QLatin1String(report::Weekly), thisWeek.addDays(-7 * ago),
                                weeks[i % count], ops);
        if (!id.isNull())
            ids.insert(ago, id);
    }
    return ids;
}

Status DemoReports::run()
{
    for (const char *login : {"chenjing", "zhangwei", "liuyang", "wuqiang"})
        if (!m_accounts.contains(QLatin1String(login)))
            return {}; // a company without the journeys' people
    const QUuid zw = employeeOf("zhangwei"), ly = employeeOf("liuyang"), wq = employeeOf("wuqiang");
    QList<Operation> ops;
    // Zhang Wei wrote every week but the last.
    const int zhangWeiCount = int(std::size(zhangWeiWeeks));
    const auto zwIds =
        weeklies("zhangwei", zhangWeiCount + 1, 2, zhangWeiWeeks, zhangWeiCount, ops);
    const auto lyIds = weeklies("liuyang", 8, 1, liuYangWeeks, int(std::size(liuYangWeeks)), ops);
    const auto wqIds = weeklies("wuqiang", 8, 1, wuQiangWeeks, int(std::size(wuQiangWeeks)), ops);
    weeklies("chenjing", 8, 1, chenJingWeeks, int(std::size(chenJingWeeks)), ops);

    // His daily reports of the last working days, this week's and last
    // week's: he writes those, the weekly one slipped.
    QList<QDate> days;
    for (QDate d = m_today.addDays(-1); days.size() < 4 && d > m_today.addDays(-12);
         d = d.addDays(-1))
        if (d.dayOfWeek() <= 5)
            days.prepend(d);
    QUuid lastDaily;
    for (int i = 0; i < days.size(); ++i) {
        const Text &done = zhangWeiDays[i % std::size(zhangWeiDays)];
        const Text &next = zhangWeiDays[(i + 1) % std::size(zhangWeiDays)];
        lastDaily =
            report("zhangwei", QLatin1String(report::Daily), days[i], {done, next, {"", ""}}, ops);
    }

    // Chen Jing's comments, the Monday morning after each week.
    const QDate thisWeek = report::weekStart(m_today);
    auto mondayAfter = [&](int weeksAgo) {
        return msOf(thisWeek.addDays(-7 * weeksAgo + 7), 9, 30);
    };
    comment("chenjing", zw, comment::OnReport, zwIds.value(4),
            {"第7项交付日期变更需要客户的确认记录，请把客户邮件归档到工作轨迹。",
             "The change of item 7's date needs the customer's confirmation record: file the "
             "customer's email in your work trail."},
            mondayAfter(4), ops);
    comment("chenjing", zw, comment::OnReport, zwIds.value(3),
            {"收到客户邮件确认，很好。验收报告请先发我看。",
             "The customer's email confirms it, good. Send me the acceptance report first."},
            mondayAfter(3), ops);
    comment("chenjing", zw, comment::OnReport, zwIds.value(2),
            {"测试环境问题已找IT处理，下周一前恢复。",
             "I asked IT about the test environment; it will be back by Monday."},
            mondayAfter(2), ops);
    comment("chenjing", ly, comment::OnReport, lyIds.value(3),
            {"客户接口人更换要同步到风险清单。",
             "Put the change of the customer's contact in the risk register."},
            mondayAfter(3), ops);
    comment("chenjing", wq, comment::OnReport, wqIds.value(2),
            {"交接清单里补上供应商门户账号。",
             "Add the supplier portal account to the handover checklist."},
            mondayAfter(2), ops);
    if (!lastDaily.isNull())
        comment("chenjing", zw, comment::OnReport, lastDaily,
                {"订单接口超时的原因写进测试报告。",
                 "Note the cause of the order interface timeout in the test report."},
                m_store.nowMs() - 3600 * 1000, ops);

    // And on his most overdue task.
    auto tasks = WorkArchive(m_store).tasks(zw);
    if (!tasks)
        return tasks.error();
    for (const TaskSummary &task : *tasks)
        if (!task.handedOver && task.overdueOn(m_today)) {
            comment("chenjing", zw, comment::OnTask, task.id,
                    {"需要客户的确认记录。", "Needs the customer's confirmation record."},
                    msOf(m_today.addDays(-1), 16), ops);
            break;
        }
    return m_store.submit(ops);
}

} // namespace

Status addDemoReports(Store &store, const QHash<QString, DemoAccount> &accounts,
                      const QString &locale, const QDate &today)
{
    auto done = demoHasRecords(store, "work_report");
    if (!done)
        return done.error();
    if (*done)
        return {};
    return DemoReports(store, accounts, locale.startsWith(QLatin1String("zh")), today).run();
}

} // namespace baton
