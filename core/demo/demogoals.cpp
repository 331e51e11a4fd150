#include "demogoals.h"

#include "oplog/uuidv7.h"
#include "performance/goalassignment.h"
#include "performance/goals.h"
#include "performance/performanceentities.h"
#include "performance/reviewcycles.h"
#include "store/store.h"

#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace baton {

namespace {

struct Text
{
    const char *zh;
    const char *en;
};

// How a person's values move from month to month.
enum class Profile { Retention, NewContracts, OnTime, FirstReview, BugRate, Milestones, Hiring };

struct Cycle
{
    QUuid id;
    QDate starts;
    QDate ends;
};

class DemoGoals
{
public:
    DemoGoals(Store &store, const QHash<QString, DemoAccount> &accounts, bool chinese,
              const QDate &today)
        : m_store(store)
        , m_accounts(accounts)
        , m_zh(chinese)
        , m_today(today)
    { }

    Status run();

private:
    QString t(const Text &x) const { return QString::fromUtf8(m_zh ? x.zh : x.en); }
    Result<Actor> actor(const char *login)
    {
        return m_store.actorFor(m_accounts.value(QLatin1String(login)).userId, m_store.nowMs());
    }
    QUuid department(const char *code);
    IndicatorDraft indicator(Profile profile) const;
    Result<Cycle> openCycle(const QString &kind, const QDate &day, const QString &title);
    Status monthGoals(const Cycle &cycle);
    Status quarterGoals(const Cycle &cycle);
    Status zhangWeisGoals(const QUuid &currentMonth);
    Status values(const Cycle &cycle, int month, bool current);
    double valueFor(Profile profile, const QString &person, int month) const;
    Result<QUuid> create(const GoalDraft &draft) { return Goals(m_store).create(m_hr, draft); }

    Store &m_store;
    const QHash<QString, DemoAccount> &m_accounts;
    bool m_zh;
    QDate m_today;
    Actor m_hr;
    QHash<QString, Profile> m_profiles; // by metric, as written
    QUuid m_sales, m_projects, m_rnd, m_hrDept;
    QHash<QString, double> m_fixed; // values of the goals only one has, by metric
};

QUuid DemoGoals::department(const char *code)
{
    Database &db = m_store.database();
    SqlStatement &q =
        db.statement(QStringLiteral("SELECT id FROM department WHERE code=? AND retired=0"));
    q.bind(0, QString::fromLatin1(code));
    QUuid id;
    if (q.exec() && q.next())
        id = parseId(q.text(0));
    q.finish();
    return id;
}

IndicatorDraft DemoGoals::indicator(Profile profile) const
{
    IndicatorDraft d;
    d.unit = QStringLiteral("%");
    d.metricKind = QLatin1String(goal::Ratio);
    switch (profile) {
    case Profile::Retention:
        d.metric = t({"客户续约率", "Customer retention rate"});
        d.target = 90;
        d.threshold = 80;
        d.source = QLatin1String(goal::Erp); // from the CRM, not typed in
        break;
    case Profile::NewContracts:
        d.metric = t({"新签合同数", "New contracts signed"});
        d.unit = t({"份", "contracts"});
        d.metricKind = QLatin1String(goal::Absolute);
        d.target = 4;
        d.source = QLatin1String(goal::Erp);
        break;
    case Profile::OnTime:
        d.metric = t({"按期交付率", "On-time delivery rate"});
        d.target = 95;
        d.threshold = 80;
        break;
    case Profile::FirstReview:
        d.metric = t({"客户一次验收通过率", "Accepted at first customer review"});
        d.target = 90;
        break;
    case Profile::BugRate:
        d.metric = t({"缺陷率", "Bug rate"});
        d.direction = QLatin1String(goal::Lower);
        d.target = 1;
        d.threshold = 3;
        break;
    case Profile::Hiring:
        d.metric = t({"30天内到岗率", "Positions filled within 30 days"});
        d.target = 85;
        d.threshold = 60;
        break;
    case Profile::Milestones:
        d.metric = t({"核心功能上线数", "Core features released"});
        d.unit = t({"个", "features"});
        d.metricKind = QLatin1String(goal::Absolute);
        d.target = 3;
        break;
    }
    return d;
}

Result<Cycle> DemoGoals::openCycle(const QString &kind, const QDate &day, const QString &title)
{
    const auto [starts, ends] = ReviewCycles::periodOf(kind, day);
    auto id = ReviewCycles(m_store).create(m_hr, kind, title, starts, ends);
    if (!id)
        return id.error();
    return Cycle{*id, starts, ends};
}

// Sales keep and win customers, project management delivers on time,
// R&D ships with few bugs; each department's people carry its goals.
Status DemoGoals::monthGoals(const Cycle &cycle)
{
    struct Company
    {
        Text title;
        int weight;
        QUuid id;
    };
    Company company[] = {
        {{"留住并发展客户", "Keep and grow our customers"}, 4000, {}},
        {{"按期、高质量交付", "Deliver on time and with quality"}, 4000, {}},
        {{"新平台核心功能上线", "Ship the new platform's core features"}, 2000, {}}};
    for (Company &c : company) {
        GoalDraft d;
        d.cycle = cycle.id;
        d.level = QLatin1String(goal::Company);
        d.kind = QLatin1String(goal::Objective);
        d.title = t(c.title);
        d.weight = c.weight;
        auto id = create(d);
        if (!id)
            return id.error();
        c.id = *id;
    }
    struct Dept
    {
        QUuid department;
        int parent;
        Text title;
        int weight;
        QList<Profile> measured; // the department's own indicators, if nobody carries it
    };
    const Dept depts[] = {
        {m_sales, 0, {"守住重点客户", "Retain key accounts"}, 6000, {}},
        {m_sales, 0, {"拓展新客户", "Win new customers"}, 4000, {}},
        {m_projects, 1, {"项目按期交付", "Deliver projects on time"}, 7000, {}},
        {m_projects, 0, {"客户满意的交付", "Deliveries customers accept"}, 3000, {}},
        {m_rnd, 1, {"版本质量", "Release quality"}, 6000, {}},
        {m_rnd,
         2,
         {"新平台三项核心功能", "Three core features of the new platform"},
         4000,
         {Profile::Milestones}},
        // HR's own plan stands beside the company's: it serves all three.
        {m_hrDept, -1, {"按时补齐空缺岗位", "Fill open positions on time"}, 10000, {}}};
    QList<QUuid> deptGoals;
    for (const Dept &dp : depts) {
        GoalDraft d;
        d.cycle = cycle.id;
        d.parent = dp.parent < 0 ? QUuid() : company[dp.parent].id;
        d.level = QLatin1String(goal::Department);
        d.kind = dp.measured.isEmpty() ? QLatin1String(goal::Objective) : QLatin1String(goal::Kpi);
        d.department = dp.department;
        d.title = t(dp.title);
        d.weight = dp.weight;
        for (Profile p : dp.measured)
            d.indicators.append(indicator(p));
        auto id = create(d);
        if (!id)
            return id.error();
        deptGoals.append(*id);
    }
    // Everyone in the department, in one step each.
    struct Assign
    {
        int deptGoal;
        QUuid department;
        Text title;
        Profile profile;
        int weight;
    };
    const Assign assignments[] = {
        {0,
         m_sales,
         {"客户续约率不低于90%", "Customer retention rate of 90% or more"},
         Profile::Retention,
         0},
        {1,
         m_sales,
         {"每月新签4份合同", "Four new contracts a month"},
         Profile::NewContracts,
         4000},
        {2, m_projects, {"按期交付率95%", "On-time delivery rate of 95%"}, Profile::OnTime, 0},
        {3,
         m_projects,
         {"一次通过客户验收", "Pass the customer's review first time"},
         Profile::FirstReview,
         3000},
        {4, m_rnd, {"缺陷率不高于1%", "Bug rate of 1% or less"}, Profile::BugRate, 0},
        {6,
         m_hrDept,
         {"30天内到岗率85%", "85% of positions filled within 30 days"},
         Profile::Hiring,
         0}};
    for (const Assign &a : assignments) {
        AssignDraft d;
        d.parent = deptGoals[a.deptGoal];
        d.department = a.department;
        d.title = t(a.title);
        d.weight = a.weight;
        d.indicators = {indicator(a.profile)};
        if (a.profile == Profile::OnTime) {
            ConsequenceDraft late;
            late.indicator = 0;
            late.name = t({"交付延期：扣绩效奖金10%", "Delivery late: -10% of the bonus"});
            late.trigger = QLatin1String(goal::IssueOccurred);
            late.issueCategory = QStringLiteral("delivery_late");
            late.bonusBasisPoints = -1000;
            d.consequences.append(late);
        } else if (a.profile == Profile::BugRate) {
            ConsequenceDraft training;
            training.indicator = 0;
            training.name = t({"缺陷率超标：参加测试培训", "Bug rate missed: testing course"});
            training.belowPercent = 50;
            training.effect = QLatin1String(goal::Training);
            training.effectName = t({"代码评审与测试实践", "Code review and testing practice"});
            d.consequences.append(training);
        } else if (a.profile == Profile::Retention) {
            ConsequenceDraft below;
            below.indicator = 0;
            below.name = t({"续约率未达标：扣绩效奖金5%", "Retention below target: -5% of the "
                                                          "bonus"});
            below.bonusBasisPoints = -500;
            d.consequences.append(below);
        }
        if (auto done = GoalAssignment(m_store).assign(m_hr, d); !done)
            return done.error();
    }
    return {};
}

// A quarterly OKR for the company, and project management's count of
// accepted projects.
Status DemoGoals::quarterGoals(const Cycle &cycle)
{
    GoalDraft o;
    o.cycle = cycle.id;
    o.level = QLatin1String(goal::Company);
    o.kind = QLatin1String(goal::Objective);
    o.title = t({"新服务平台投入使用", "Put the new service platform into use"});
    auto objective = create(o);
    if (!objective)
        return objective.error();
    GoalDraft kr1 = o;
    kr1.kind = QLatin1String(goal::KeyResult);
    kr1.parent = *objective;
    kr1.title = t({"三项核心功能上线", "Three core features released"});
    kr1.indicators = {indicator(Profile::Milestones)};
    if (auto id = create(kr1); !id)
        return id.error();
    GoalDraft kr2 = kr1;
    kr2.title = t({"签约5家试点客户", "Five pilot customers signed"});
    kr2.weight = 4000;
    IndicatorDraft pilots = indicator(Profile::NewContracts);
    pilots.metric = t({"试点客户数", "Pilot customers"});
    pilots.unit = t({"家", "customers"});
    pilots.target = 5;
    kr2.indicators = {pilots};
    if (auto id = create(kr2); !id)
        return id.error();
    GoalDraft accepted;
    accepted.cycle = cycle.id;
    accepted.level = QLatin1String(goal::Department);
    accepted.department = m_projects;
    accepted.kind = QLatin1String(goal::Kpi);
    accepted.title = t({"本季度通过验收的项目", "Projects accepted this quarter"});
    IndicatorDraft projects = indicator(Profile::Milestones);
    projects.metric = t({"验收项目数", "Projects accepted"});
    projects.unit = t({"个", "projects"});
    projects.target = 6;
    accepted.indicators = {projects};
    m_fixed.insert(projects.metric, 4);
    m_fixed.insert(pilots.metric, 3);
    if (auto id = create(accepted); !id)
        return id.error();
    return {};
}

// Zhang Wei's project objective this month, and two goals of his own
// outside any cycle.
Status DemoGoals::zhangWeisGoals(const QUuid &currentMonth)
{
    auto zw = actor("zhangwei");
    if (!zw)
        return zw.error();
    GoalDraft o;
    o.cycle = currentMonth;
    o.level = QLatin1String(goal::Person);
    o.employee = zw->employeeId;
    o.kind = QLatin1String(goal::Objective);
    o.title = t({"项目A交付华东建材", "Deliver project A to East China Building Materials"});
    o.weight = 4000;
    auto objective = create(o);
    if (!objective)
        return objective.error();
    GoalDraft items = o;
    items.kind = QLatin1String(goal::KeyResult);
    items.parent = *objective;
    items.weight = 0;
    items.title = t({"12项交付物全部验收", "All 12 delivery items accepted"});
    IndicatorDraft accepted = indicator(Profile::Milestones);
    accepted.metric = t({"已验收交付物", "Delivery items accepted"});
    accepted.unit = t({"项", "items"});
    accepted.target = 12;
    items.indicators = {accepted};
    if (auto id = create(items); !id)
        return id.error();
    GoalDraft changes = items;
    changes.title = t({"变更请求两天内答复", "Change requests answered within two days"});
    changes.weight = 4000;
    IndicatorDraft answered = indicator(Profile::FirstReview);
    answered.metric = t({"两天内答复的变更请求", "Change requests answered in two days"});
    changes.indicators = {answered};
    if (auto id = create(changes); !id)
        return id.error();

    GoalDraft pmp;
    pmp.level = QLatin1String(goal::Person);
    pmp.employee = zw->employeeId;
    pmp.kind = QLatin1String(goal::Kpi);
    pmp.title = t({"取得PMP认证", "Earn the PMP certification"});
    IndicatorDraft exams = indicator(Profile::Milestones);
    exams.metric = t({"通过的考试", "Exams passed"});
    exams.unit = t({"门", "exams"});
    exams.target = 1;
    pmp.indicators = {exams};
    if (auto id = create(pmp); !id)
        return id.error();
    GoalDraft mentor = pmp;
    mentor.title = t({"带教两名初级项目经理", "Mentor two junior project managers"});
    mentor.weight = 5000;
    IndicatorDraft mentees = exams;
    mentees.metric = t({"带教对象", "Mentees"});
    mentees.unit = t({"人", "people"});
    mentees.target = 2;
    mentor.indicators = {mentees};
    auto mentorId = create(mentor);
    if (!mentorId)
        return mentorId.error();
    m_fixed.insert(accepted.metric, 9);

    // The exam is passed; one junior is under his wing so far.
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT i.id, g.id FROM indicator i JOIN goal g ON g.id=i.goal_id WHERE "
                       "g.employee_id=? AND g.cycle_id IS NULL AND i.retired=0 AND g.retired=0"));
    q.bind(0, idString(zw->employeeId));
    if (!q.exec())
        return db.errorFrom(q, QStringLiteral("reading the demo goals"));
    QList<Operation> ops;
    while (q.next()) {
        const bool mentoring = parseId(q.text(1)) == *mentorId;
        ops.append(m_store.makeOp(
            QStringLiteral("indicator_value"), createUuidV7(), OpKind::Append,
            {{QStringLiteral("indicator_id"), q.text(0)},
             {QStringLiteral("value_milli"), 1000},
             {QStringLiteral("measured_on"),
              m_today.addDays(mentoring ? -10 : -40).toString(Qt::ISODate)},
             {QStringLiteral("source"), QLatin1String(goal::Manual)},
             {QStringLiteral("note"),
              mentoring ? t({"刘洋", "Liu Yang"}) : t({"已通过PMP考试", "Passed the PMP exam"})},
             {QStringLiteral("entered_by"), idString(zw->employeeId)},
             {QStringLiteral("entered_ms"), m_store.nowMs()}},
            zw->userId));
    }
    q.finish();
    return m_store.submit(ops);
}

double DemoGoals::valueFor(Profile profile, const QString &person, int month) const
{
    // The same person moves the same way every month: some improve, some
    // slip, most hold steady around their own level.
    QRandomGenerator rng(qHash(person) ^ (uint(profile) * 7919u));
    const double level = rng.generateDouble();
    const double trend = (int(rng.bounded(5)) - 2) / 2.0; // -1, -0.5, 0, 0.5, 1
    QRandomGenerator noise(qHash(person) ^ uint(month * 104729) ^ uint(profile));
    const double jitter = noise.generateDouble() * 2.0 - 1.0;
    switch (profile) {
    case Profile::Retention:
        return std::clamp(80.0 + 16.0 * level + 1.2 * trend * month + 2.5 * jitter, 40.0, 100.0);
    case Profile::NewContracts:
        return std::max(0.0, std::round(2.0 + 4.0 * level + 0.25 * trend * month + jitter));
    case Profile::OnTime:
        return std::clamp(82.0 + 17.0 * level + 1.0 * trend * month + 3.0 * jitter, 40.0, 100.0);
    case Profile::FirstReview:
        return std::clamp(74.0 + 24.0 * level + 0.8 * trend * month + 4.0 * jitter, 30.0, 100.0);
    case Profile::BugRate:
        return std::clamp(0.4 + 1.8 * level - 0.12 * trend * month + 0.3 * jitter, 0.1, 6.0);
    case Profile::Hiring:
        return std::clamp(70.0 + 25.0 * level + 1.5 * trend * month + 6.0 * jitter, 30.0, 100.0);
    case Profile::Milestones:
        return std::min(3.0, std::floor(1.0 + month / 3.0));
    }
    return 0;
}

Status DemoGoals::values(const Cycle &cycle, int month, bool current)
{
    auto chen = actor("chenjing");
    auto zw = actor("zhangwei");
    if (!chen || !zw)
        return !chen ? chen.error() : zw.error();
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT i.id, i.metric, i.source, g.level, e.number, e.department_id, g.employee_id "
        "FROM indicator i JOIN goal g ON g.id=i.goal_id LEFT JOIN employee e ON "
        "e.id=g.employee_id WHERE i.retired=0 AND g.retired=0 AND g.cycle_id=? ORDER BY i.id"));
    q.bind(0, idString(cycle.id));
    if (!q.exec())
        return db.errorFrom(q, QStringLiteral("reading the demo goals"));
    const QDate measured = current ? std::max(cycle.starts, m_today.addDays(-2)) : cycle.ends;
    const qint64 now = m_store.nowMs();
    const OrgTree &tree = m_store.orgTree();
    QList<Operation> ops;
    while (q.next()) {
        const auto profile = m_profiles.constFind(q.text(1));
        if (profile == m_profiles.cend())
            continue;
        const QString person = q.text(4).isEmpty() ? q.text(1) : q.text(4);
        const QUuid employee = q.isNull(6) ? QUuid() : parseId(q.text(6));
        // This month's data is still coming in: some have no value yet
        // (Zhang Wei lacks only his change requests' count).
        const bool his = employee == zw->employeeId;
        if (current && !his && QRandomGenerator(qHash(person) ^ 17u).bounded(5) == 0)
            continue;
        if (current && his && *profile == Profile::FirstReview
            && q.text(3) == QLatin1String(goal::Person)
            && q.text(1) != indicator(Profile::FirstReview).metric)
            continue;
        // As people report figures: to two decimals at most.
        const double value = m_fixed.contains(q.text(1))
                                 ? m_fixed.value(q.text(1))
                                 : std::round(valueFor(*profile, person, month) * 100.0) / 100.0;
        QJsonObject f{{QStringLiteral("indicator_id"), q.text(0)},
                      {QStringLiteral("value_milli"), goal::toMilli(value)},
                      {QStringLiteral("measured_on"), measured.toString(Qt::ISODate)},
                      {QStringLiteral("source"), q.text(2)},
                      {QStringLiteral("entered_ms"), now}};
        // By hand: each person's own, or their manager's, or HR's; from
        // the ERP feed in nobody's name.
        QUuid author = m_hr.userId, enteredBy = m_hr.employeeId;
        if (employee == zw->employeeId) {
            author = zw->userId;
            enteredBy = zw->employeeId;
        } else if (tree.isWithin(parseId(q.text(5)), m_projects)) {
            author = chen->userId;
            enteredBy = chen->employeeId;
        }
        if (q.text(2) == QLatin1String(goal::Manual))
            f.insert(QStringLiteral("entered_by"), idString(enteredBy));
        else
            author = m_hr.userId;
        ops.append(m_store.makeOp(QStringLiteral("indicator_value"), createUuidV7(), OpKind::Append,
                                  f, author));
    }
    q.finish();
    return m_store.submit(ops);
}

Status DemoGoals::run()
{
    for (const char *login : {"lina", "chenjing", "zhangwei"})
        if (!m_accounts.contains(QLatin1String(login)))
            return {}; // a company without the journeys' people
    // Once only: a company with review cycles has its goals already.
    {
        Database &db = m_store.database();
        SqlStatement &q =
            db.statement(QStringLiteral("SELECT COUNT(*) FROM review_cycle WHERE retired=0"));
        if (!q.exec() || !q.next())
            return db.errorFrom(q, QStringLiteral("reading the demo company"));
        const qint64 cycles = q.int64(0);
        q.finish();
        if (cycles > 0)
            return {};
    }
    auto hr = actor("lina");
    if (!hr)
        return hr.error();
    m_hr = *hr;
    m_sales = department("SAL");
    m_projects = department("PRJ");
    m_rnd = department("RND");
    m_hrDept = department("HR");
    if (m_sales.isNull() || m_projects.isNull() || m_rnd.isNull() || m_hrDept.isNull())
        return {};
    for (Profile p : {Profile::Retention, Profile::NewContracts, Profile::OnTime,
                      Profile::FirstReview, Profile::BugRate, Profile::Milestones, Profile::Hiring})
        m_profiles.insert(indicator(p).metric, p);
    m_profiles.insert(t({"已验收交付物", "Delivery items accepted"}), Profile::Milestones);
    m_profiles.insert(t({"两天内答复的变更请求", "Change requests answered in two days"}),
                      Profile::FirstReview);
    m_profiles.insert(t({"验收项目数", "Projects accepted"}), Profile::Milestones);
    m_profiles.insert(t({"试点客户数", "Pilot customers"}), Profile::Milestones);

    // A customer complaint costs the promotion, whatever the goals.
    ConsequenceDraft complaint;
    complaint.name = t({"客户投诉：本周期不予晋升", "Customer complaint: no promotion this cycle"});
    complaint.trigger = QLatin1String(goal::IssueOccurred);
    complaint.issueCategory = QStringLiteral("quality");
    complaint.effect = QLatin1String(goal::NoPromotion);
    if (auto id = Goals(m_store).addCompanyRule(m_hr, complaint); !id)
        return id.error();

    // Eight months, the oldest first, with their values.
    QList<Cycle> months;
    for (int k = 7; k >= 0; --k) {
        const QDate day = m_today.addMonths(-k);
        const QString title =
            m_zh ? QStringLiteral("%1年%2月").arg(day.year()).arg(day.month())
                 : QLocale(QLocale::English).toString(day, QStringLiteral("MMMM yyyy"));
        auto cycle = openCycle(QLatin1String(cycle::Month), day, title);
        if (!cycle)
            return cycle.error();
        if (Status s = monthGoals(*cycle); !s)
            return s;
        if (k == 0)
            if (Status s = zhangWeisGoals(cycle->id); !s)
                return s;
        if (Status s = values(*cycle, 7 - k, k == 0); !s)
            return s;
        // The past months stay open here: the reviews demo writes their
        // results and awards and closes them (CycleClose), as HR would.
        months.append(*cycle);
    }
    const int quarter = (m_today.month() - 1) / 3 + 1;
    auto q = openCycle(QLatin1String(cycle::Quarter), m_today,
                       m_zh ? QStringLiteral("%1年第%2季度").arg(m_today.year()).arg(quarter)
                            : QStringLiteral("Q%1 %2").arg(quarter).arg(m_today.year()));
    if (!q)
        return q.error();
    if (Status s = quarterGoals(*q); !s)
        return s;
    return values(*q, 5, true);
}

} // namespace

Status addDemoGoals(Store &store, const QHash<QString, DemoAccount> &accounts,
                    const QString &locale, const QDate &today)
{
    return DemoGoals(store, accounts, locale.startsWith(QLatin1String("zh")), today).run();
}

} // namespace baton
