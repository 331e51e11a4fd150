#include "demoprojects.h"

#include "oplog/uuidv7.h"
#include "policy/roles.h"
#include "store/store.h"
#include "work/projects.h"
#include "work/workentities.h"

#include <algorithm>
#include <vector>

namespace baton {

namespace {

struct Text
{
    const char *zh;
    const char *en;
};

// One subtask: its dates in days from today, its progress (100: done) and
// who does it: the project's owner (team < 0) or the team's n-th person,
// from the project's departments or, when dept is given, from that one.
struct DemoTask
{
    Text title;
    int from, to;
    int progress;
    int team;
    const char *dept = nullptr;
};

struct DemoPhase
{
    Text title;
    std::vector<DemoTask> tasks;
};

struct DemoProject
{
    const char *writer;             // login
    const char *department;         // code; its head owns the project
    std::vector<const char *> team; // department codes the people come from
    const char *code;
    Text title;
    Text detail;
    const char *status;
    bool forCustomer;
    std::vector<DemoPhase> phases;
    std::vector<std::pair<int, int>> phaseDependencies;   // phase indexes
    std::vector<std::pair<int, int>> subtaskDependencies; // indexes over all subtasks
};

// clang-format off
const std::vector<DemoProject> &projects()
{
    static const std::vector<DemoProject> all = {
        {"chenjing", "PRJ", {"PRJ", "PRJ-E"}, "P-WMS-01",
         {"华东仓储管理系统上线", "East China warehouse system rollout"},
         {"为客户上线仓储管理系统：入库、出库拣货、与客户ERP对接，含培训与验收。",
          "A warehouse management system for the customer: inbound, outbound and picking, the "
          "interface to the customer's ERP, training and acceptance."},
         project::Active, true,
         {{{"需求", "Requirements"},
           {{{"仓库现场调研", "Warehouse site survey"}, -75, -69, 100, -1},
            {{"需求规格说明书", "Requirements specification"}, -68, -61, 100, 0},
            {{"客户需求签字确认", "Customer sign-off of the requirements"}, -60, -57, 100, -1}}},
          {{"原型", "Prototype"},
           {{{"界面原型", "User interface prototype"}, -56, -47, 100, 1},
            {{"原型客户评审", "Prototype review with the customer"}, -46, -42, 100, 0},
            {{"按评审意见修改", "Revisions after the review"}, -41, -37, 100, 1}}},
          {{"开发", "Development"},
           {{{"入库模块", "Inbound module"}, -36, -15, 100, 2},
            {{"出库与拣货模块", "Outbound and picking module"}, -30, -3, 70, 3},
            {{"客户ERP接口", "Interface to the customer's ERP"}, -20, 10, 40, 1}}},
          {{"测试", "Test"},
           {{{"集成测试", "Integration testing"}, 11, 20, 0, 4},
            {{"用户验收测试", "User acceptance testing"}, 21, 28, 0, 0}}},
          {{"交付", "Delivery"},
           {{{"数据迁移", "Data migration"}, 29, 33, 0, 2},
            {{"上线切换与培训", "Go-live and training"}, 34, 41, 0, -1},
            {{"验收报告", "Acceptance report"}, 42, 45, 0, -1}}}},
         {{0, 1}, {1, 2}, {2, 3}, {3, 4}},
         {{0, 1}, {1, 2}, {3, 4}, {6, 9}, {9, 10}, {11, 12}, {12, 13}}},

        {"lina", "RND", {"RND"}, "P-HT2-LAUNCH",
         {"智能手持终端二代发布", "Handheld terminal Gen 2 launch"},
         {"二代手持终端从设计定型到上市：试产、无线电与电池认证、发布会和渠道培训。",
          "The second-generation handheld terminal from design freeze to market: pilot run, "
          "radio and battery certification, the launch event and channel training."},
         project::Active, false,
         {{{"设计定型", "Design freeze"},
           {{{"硬件设计评审", "Hardware design review"}, -50, -43, 100, -1},
            {{"固件功能冻结", "Firmware feature freeze"}, -42, -30, 100, 0}}},
          {{"试产", "Pilot production"},
           {{{"试产200台", "Pilot run of 200 units"}, -29, -10, 100, 1},
            {{"试产质量分析", "Pilot quality analysis"}, -9, 4, 60, 2}}},
          {{"认证", "Certification"},
           {{{"无线电型号核准", "Radio type approval"}, 5, 30, 0, 3},
            {{"电池安全测试", "Battery safety tests"}, 5, 18, 0, 2}}},
          {{"上市", "Launch"},
           {{{"发布会筹备", "Launch event preparation"}, 10, 40, 0, 0, "SAL"},
            {{"渠道培训", "Channel training"}, 35, 50, 0, 1, "SAL"},
            {{"正式发布", "Launch day"}, 55, 55, 0, -1}}}},
         {{0, 1}, {1, 2}},
         {{0, 1}, {2, 3}, {4, 8}, {6, 8}, {5, 7}}},

        {"lina", "HR", {"HR"}, "P-HQ-MOVE",
         {"总部办公室搬迁", "Head office move"},
         {"总部搬至新办公楼：面积测算、装修与搬家招标、施工、网络门禁、搬迁周末和旧址退租。",
          "The head office moves to a new building: space planning, the fit-out and mover "
          "tender, the works, network and access control, the move weekend and handing back "
          "the old premises."},
         project::Active, false,
         {{{"规划", "Planning"},
           {{{"新址需求与面积测算", "Space requirements"}, -20, -14, 100, -1},
            {{"装修与搬家供应商招标", "Fit-out and mover tender"}, -13, -2, 100, 0, "PUR"}}},
          {{"装修", "Fit-out"},
           {{{"装修施工", "Fit-out works"}, -1, 30, 15, 0, "PUR"},
            {{"网络与门禁", "Network and access control"}, 20, 34, 0, 0}}},
          {{"搬迁", "Move"},
           {{{"搬迁通知与座位表", "Move notice and seating plan"}, 25, 35, 0, 1},
            {{"搬迁周末", "Move weekend"}, 36, 37, 0, -1},
            {{"旧址退租交接", "Handing back the old premises"}, 38, 45, 0, 0, "FIN"}}}},
         {{0, 1}},
         {{2, 5}, {4, 5}, {5, 6}}},

        {"wangfang", "ST03", {"ST03"}, "P-ST03-REFIT",
         {"三号店春季翻新", "Store 3 spring refurbishment"},
         {"观前店春季翻新：方案与预算、总部审批、夜间施工、陈列调整和重新开业活动。",
          "Guanqian store's spring refurbishment: plan and budget, head office approval, night "
          "works, display rearrangement and the reopening promotion."},
         project::Closed, false,
         {{{"方案", "Plan"},
           {{{"翻新方案与预算", "Refurbishment plan and budget"}, -130, -124, 100, -1},
            {{"总部审批", "Head office approval"}, -123, -120, 100, -1}}},
          {{"施工", "Works"},
           {{{"夜间施工", "Night works"}, -119, -105, 100, 0},
            {{"陈列调整", "Display rearrangement"}, -104, -100, 100, 1}}},
          {{"开业", "Reopening"},
           {{{"重新开业活动", "Reopening promotion"}, -99, -95, 100, 0}}}},
         {{0, 1}, {1, 2}},
         {}},
    };
    return all;
}
// clang-format on

class DemoProjects
{
public:
    DemoProjects(Store &store, const QHash<QString, DemoAccount> &accounts, bool chinese,
                 const QDate &today)
        : m_store(store)
        , m_accounts(accounts)
        , m_zh(chinese)
        , m_today(today)
    { }

    Status add(const DemoProject &p);

private:
    QString t(const Text &x) const { return QString::fromUtf8(m_zh ? x.zh : x.en); }
    QString day(int offset) const { return m_today.addDays(offset).toString(Qt::ISODate); }
    Result<QUuid> departmentHead(const char *code, QUuid *department);
    Result<QList<QUuid>> people(const std::vector<const char *> &codes);
    Result<QUuid> customer();
    Operation op(const char *entity, const QUuid &id, const QJsonObject &fields)
    {
        return m_store.makeOp(QLatin1String(entity), id, OpKind::Create, fields, m_writer);
    }
    // Status, progress and actual dates of work that far along.
    void progress(QJsonObject &f, int percent, int from, int to) const;

    Store &m_store;
    const QHash<QString, DemoAccount> &m_accounts;
    bool m_zh;
    QDate m_today;
    QUuid m_writer;
};

Result<QUuid> DemoProjects::departmentHead(const char *code, QUuid *department)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT d.id, e.id FROM department d LEFT JOIN employee e ON e.id=d.head_id"
                       " AND e.status='active' AND e.retired=0 WHERE d.code=? AND d.retired=0"));
    q.bind(0, QString::fromLatin1(code));
    if (!q.exec())
        return db.errorFrom(q, QStringLiteral("reading the demo company"));
    QUuid head;
    if (q.next()) {
        *department = parseId(q.text(0));
        head = q.isNull(1) ? QUuid() : parseId(q.text(1));
    }
    q.finish();
    return head;
}

// The active people of some departments, those with accounts (the cast)
// first, then by number.
Result<QList<QUuid>> DemoProjects::people(const std::vector<const char *> &codes)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT e.id FROM employee e JOIN department d ON d.id=e.department_id"
                       " LEFT JOIN app_user u ON u.employee_id=e.id"
                       " WHERE d.code IN (%1) AND e.status='active' AND e.retired=0"
                       " ORDER BY u.id IS NULL, e.number")
            .arg(sqlPlaceholders(qsizetype(codes.size()))));
    for (size_t i = 0; i < codes.size(); ++i)
        q.bind(int(i), QString::fromLatin1(codes[i]));
    if (!q.exec())
        return db.errorFrom(q, QStringLiteral("reading the demo company"));
    QList<QUuid> out;
    while (q.next())
        out.append(parseId(q.text(0)));
    q.finish();
    return out;
}

// The first customer of the journeys (East China Building Materials), or
// any other.
Result<QUuid> DemoProjects::customer()
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT id FROM customer WHERE retired=0 ORDER BY name<>?, name LIMIT 1"));
    q.bind(0, t({"华东建材集团", "East China Building Materials"}));
    if (!q.exec())
        return db.errorFrom(q, QStringLiteral("reading the demo company"));
    const QUuid id = q.next() ? parseId(q.text(0)) : QUuid();
    q.finish();
    return id;
}

void DemoProjects::progress(QJsonObject &f, int percent, int from, int to) const
{
    f.insert(QStringLiteral("progress"), percent);
    if (percent >= 100) {
        f.insert(QStringLiteral("status"), QLatin1String(task::Done));
        f.insert(QStringLiteral("done_date"), day(std::min(to, 0)));
    } else {
        f.insert(QStringLiteral("status"),
                 QLatin1String(percent > 0 ? task::InProgress : task::Open));
    }
    if (percent > 0)
        f.insert(QStringLiteral("actual_start"), day(std::min(from, 0)));
}

Status DemoProjects::add(const DemoProject &p)
{
    if (!m_accounts.contains(QLatin1String(p.writer)))
        return {};
    m_writer = m_accounts.value(QLatin1String(p.writer)).userId;
    QUuid department;
    auto head = departmentHead(p.department, &department);
    if (!head)
        return head.error();
    auto team = people(p.team);
    if (!team)
        return team.error();
    const QUuid owner = !head->isNull() ? *head : team->isEmpty() ? QUuid() : team->first();
    if (department.isNull() || owner.isNull())
        return {};
    // In a small company the writer may not manage that department: HR
    // plans it instead.
    if (auto actor = m_store.actorFor(m_writer, m_store.nowMs()); actor) {
        const RecordScope scope{owner, {}, department, {}};
        const bool allowed = m_store.policy()
                                 .check(*actor, QString::fromLatin1(actions::ProjectManage), scope,
                                        m_store.orgTree(), m_store.nowMs())
                                 .allowed;
        if (!allowed && m_accounts.contains(QStringLiteral("lina")))
            m_writer = m_accounts.value(QStringLiteral("lina")).userId;
    }
    const auto personFor = [&](const DemoTask &task) -> Result<QUuid> {
        if (task.team < 0)
            return owner;
        QList<QUuid> from = *team;
        if (task.dept) {
            auto other = people({task.dept});
            if (!other)
                return other.error();
            if (!other->isEmpty())
                from = *other;
        }
        return from.isEmpty() ? owner : from[task.team % from.size()];
    };

    int first = 0, last = 0;
    for (const DemoPhase &phase : p.phases)
        for (const DemoTask &task : phase.tasks) {
            first = std::min(first, task.from);
            last = std::max(last, task.to);
        }
    const QUuid projectId = createUuidV7();
    const QString title = t(p.title);
    QJsonObject project{{QStringLiteral("code"), QLatin1String(p.code)},
                        {QStringLiteral("title"), title},
                        {QStringLiteral("detail"), t(p.detail)},
                        {QStringLiteral("owner_id"), idString(owner)},
                        {QStringLiteral("department_id"), idString(department)},
                        {QStringLiteral("start_date"), day(first)},
                        {QStringLiteral("due_date"), day(last)},
                        {QStringLiteral("status"), QLatin1String(p.status)}};
    if (p.forCustomer) {
        auto c = customer();
        if (!c)
            return c.error();
        if (!c->isNull())
            project.insert(QStringLiteral("customer_id"), idString(*c));
    }
    QList<Operation> ops{op("project", projectId, project)};

    QList<QUuid> phaseIds, subtaskIds;
    for (size_t ph = 0; ph < p.phases.size(); ++ph) {
        const DemoPhase &phase = p.phases[ph];
        int from = phase.tasks.front().from, to = phase.tasks.front().to;
        qint64 weighted = 0, days = 0;
        for (const DemoTask &task : phase.tasks) {
            from = std::min(from, task.from);
            to = std::max(to, task.to);
            weighted += qint64(task.progress) * (task.to - task.from + 1);
            days += task.to - task.from + 1;
        }
        const QUuid phaseId = createUuidV7();
        phaseIds.append(phaseId);
        QJsonObject f{{QStringLiteral("owner_id"), idString(owner)},
                      {QStringLiteral("title"), t(phase.title)},
                      {QStringLiteral("project_id"), idString(projectId)},
                      {QStringLiteral("project"), title.left(120)},
                      {QStringLiteral("sort_order"), int(ph)},
                      {QStringLiteral("start_date"), day(from)},
                      {QStringLiteral("due_date"), day(to)}};
        progress(f, int(weighted / std::max<qint64>(1, days)), from, to);
        ops.append(op("task", phaseId, f));
        for (size_t i = 0; i < phase.tasks.size(); ++i) {
            const DemoTask &task = phase.tasks[i];
            auto person = personFor(task);
            if (!person)
                return person.error();
            const QUuid id = createUuidV7();
            subtaskIds.append(id);
            QJsonObject s{{QStringLiteral("owner_id"), idString(*person)},
                          {QStringLiteral("title"), t(task.title)},
                          {QStringLiteral("project_id"), idString(projectId)},
                          {QStringLiteral("project"), title.left(120)},
                          {QStringLiteral("parent_id"), idString(phaseId)},
                          {QStringLiteral("sort_order"), int(i)},
                          {QStringLiteral("start_date"), day(task.from)},
                          {QStringLiteral("due_date"), day(task.to)}};
            progress(s, task.progress, task.from, task.to);
            ops.append(op("task", id, s));
        }
    }
    const auto depend = [&](const QUuid &before, const QUuid &after) {
        ops.append(op("task_dependency", createUuidV7(),
                      {{QStringLiteral("project_id"), idString(projectId)},
                       {QStringLiteral("predecessor_id"), idString(before)},
                       {QStringLiteral("successor_id"), idString(after)}}));
    };
    for (const auto &[a, b] : p.phaseDependencies)
        depend(phaseIds[a], phaseIds[b]);
    for (const auto &[a, b] : p.subtaskDependencies)
        depend(subtaskIds[a], subtaskIds[b]);
    return m_store.submit(ops);
}

} // namespace

Status addDemoProjects(Store &store, const QHash<QString, DemoAccount> &accounts,
                       const QString &locale, const QDate &today)
{
    auto done = demoHasRecords(store, "project");
    if (!done)
        return done.error();
    if (*done)
        return {};
    DemoProjects demo(store, accounts, locale.startsWith(QLatin1String("zh")), today);
    for (const DemoProject &p : projects())
        if (Status s = demo.add(p); !s)
            return s;
    return {};
}

} // namespace baton
