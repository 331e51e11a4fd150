#include "demoreviews.h"

#include "oplog/uuidv7.h"
#include "performance/attributions.h"
#include "performance/cycleclose.h"
#include "performance/feedback.h"
#include "performance/performanceentities.h"
#include "performance/reviewcycles.h"
#include "performance/reviewentities.h"
#include "performance/reviews.h"
#include "store/store.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QSet>
#include <QTimeZone>

namespace baton {

namespace {

struct Text
{
    const char *zh;
    const char *en;
};

// What went wrong, by category; document omissions come up most.
const QList<std::pair<const char *, int>> categoryWeights = {{issue::DocumentMissing, 40},
                                                             {issue::DeliveryLate, 25},
                                                             {issue::Communication, 15},
                                                             {issue::Quality, 12},
                                                             {issue::Other, 8}};
const QHash<QString, QList<Text>> issueTitles = {
    {QLatin1String(issue::DocumentMissing),
     {{"验收记录未归档", "Acceptance record not filed"},
      {"会议纪要缺失", "Meeting minutes missing"},
      {"客户确认函未存档", "Customer confirmation not on file"},
      {"变更单未签字", "Change order not signed"}}},
    {QLatin1String(issue::DeliveryLate),
     {{"交付物延期三天", "Deliverable three days late"},
      {"里程碑未按期完成", "Milestone missed"},
      {"报价晚于客户要求", "Quote sent after the customer's deadline"}}},
    {QLatin1String(issue::Communication),
     {{"未及时告知客户延期", "Customer not told of the delay"},
      {"需求理解偏差", "Requirement misunderstood"}}},
    {QLatin1String(issue::Quality),
     {{"测试发现严重缺陷", "Severe defect found in testing"},
      {"交付文档有错误", "Errors in the delivered document"}}},
    {QLatin1String(issue::Other),
     {{"差旅报销超标", "Travel claim over the limit"},
      {"离岗后系统权限未收回", "Access not revoked after a move"}}}};
const QList<std::pair<const char *, Text>> causeStatements = {
    {attribution::Process,
     {"模板里没有验收章节，流程上也没有人提醒。",
      "The template had no acceptance section and nothing in the process asked for it."}},
    {attribution::Resources,
     {"同时负责三个项目，人手不够。", "I was on three projects at once; not enough hands."}},
    {attribution::External,
     {"客户临时改了需求和日期。", "The customer changed the scope and the date at short notice."}},
    {attribution::Ability,
     {"对新系统还不熟悉，估算偏乐观。",
      "I am new to the system and estimated too optimistically."}},
    {attribution::Equipment,
     {"测试环境宕机两天。", "The test environment was down for two days."}}};

struct Person
{
    QUuid id;
    QString number;
    QDate hired;
    bool projects = false; // rated by the Projects manager; else by HR
};

class DemoReviews
{
public:
    DemoReviews(Store &store, const QHash<QString, DemoAccount> &accounts, bool zh,
                const QDate &today, bool sign)
        : m_store(store)
        , m_accounts(accounts)
        , m_zh(zh)
        , m_today(today)
        , m_sign(sign)
        , m_rng(20260601)
    { }

    Status run();

private:
    QString t(const Text &x) const { return QString::fromUtf8(m_zh ? x.zh : x.en); }
    Actor actor(const char *login)
    {
        auto a = m_store.actorFor(m_accounts.value(QLatin1String(login)).userId, m_store.nowMs());
        return a ? *a : Actor();
    }
    QUuid employeeOf(const char *login) { return actor(login).employeeId; }
    qint64 msOf(const QDate &d, int hour = 10) const
    {
        return std::min(
            QDateTime(d, QTime(hour, 0), QTimeZone("Asia/Shanghai")).toMSecsSinceEpoch(),
            m_store.nowMs() - 1000);
    }
    int roll(int n) { return int(m_rng.bounded(quint32(n))); }
    Result<QList<ReviewCycleInfo>> months();
    Status loadPeople();
    Status feedback(const ReviewCycleInfo &month, int index, bool current);
    Status issues(const ReviewCycleInfo &month, int index, bool current);
    Status decide(const QList<QUuid> &issues);
    Status rateAndClose(const ReviewCycleInfo &month, int index, bool current);
    void chooseModels(const QList<ReviewCycleInfo> &past);
    Result<SigningKeys::Unlocked> signer(const char *login);

    Store &m_store;
    const QHash<QString, DemoAccount> &m_accounts;
    bool m_zh;
    QDate m_today;
    bool m_sign;
    QRandomGenerator m_rng;
    QList<Person> m_people;
    QHash<QUuid, int> m_tendency; // a person's usual rating, in percent
    QUuid m_model;                // three excellent months in a row
    QList<int> m_modelMonths;
    QUuid m_failing; // one failing month
    int m_failingMonth = -1;
    QHash<QUuid, QList<QUuid>> m_stated; // issues stated in a month, by cycle
};

Result<QList<ReviewCycleInfo>> DemoReviews::months()
{
    Reviews reviews(m_store);
    auto all = reviews.cycles();
    if (!all)
        return all.error();
    QList<ReviewCycleInfo> out;
    for (const ReviewCycleInfo &c : std::as_const(*all))
        if (c.kind == QLatin1String(cycle::Month) && c.starts <= m_today)
            out.prepend(c); // oldest first
    if (!out.isEmpty())
        return out.mid(std::max<qsizetype>(0, out.size() - 8));
    // No goals demo before this one: the last eight months, opened here.
    const Actor hr = actor("lina");
    for (int k = 7; k >= 0; --k) {
        const QDate starts = QDate(m_today.year(), m_today.month(), 1).addMonths(-k);
        const QString title =
            m_zh ? QStringLiteral("%1年%2月").arg(starts.year()).arg(starts.month())
                 : QLocale(QLocale::English).toString(starts, QStringLiteral("MMMM yyyy"));
        auto id = ReviewCycles(m_store).create(hr, QLatin1String(cycle::Month), title, starts,
                                               starts.addMonths(1).addDays(-1));
        if (!id)
            return id.error();
        auto c = reviews.cycle(*id);
        if (!c)
            return c.error();
        out.append(*c);
    }
    return out;
}

Status DemoReviews::loadPeople()
{
    // Projects, Sales and R&D: the departments with goals (the first few
    // hundred of a large company: enough for every chart).
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT e.id, e.number, d.code, p.code, e.hire_date FROM employee e JOIN department d ON "
        "d.id=e.department_id LEFT JOIN department p ON p.id=d.parent_id WHERE e.retired=0 AND "
        "e.status<>'departed' AND (d.code IN ('PRJ','SAL','RND') OR p.code IN "
        "('PRJ','SAL','RND')) ORDER BY e.number LIMIT 400"));
    if (!q.exec())
        return db.errorFrom(q, QStringLiteral("reading the demo company"));
    while (q.next()) {
        const bool projects =
            q.text(2) == QLatin1String("PRJ") || q.text(3) == QLatin1String("PRJ");
        m_people.append(
            {parseId(q.text(0)), q.text(1), QDate::fromString(q.text(4), Qt::ISODate), projects});
    }
    q.finish();
    for (const Person &p : std::as_const(m_people))
        m_tendency.insert(p.id, 64 + roll(30));
    // The journeys' people as the story has them: Zhang Wei a strong
    // performer, Wu Qiang (who is leaving) less so.
    for (const auto &[login, usual] : {std::pair{"zhangwei", 90}, std::pair{"liuyang", 84},
                                       std::pair{"wuqiang", 74}, std::pair{"chenjing", 88}})
        m_tendency.insert(employeeOf(login), usual);
    return {};
}

Result<SigningKeys::Unlocked> DemoReviews::signer(const char *login)
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

Status DemoReviews::feedback(const ReviewCycleInfo &month, int index, bool current)
{
    Feedback fb(m_store);
    const qint64 asked = msOf(month.starts.addDays(20));
    struct Ask
    {
        const char *by; // who asks (the subject's manager, or HR)
        const char *subject;
        QList<std::pair<const char *, const char *>> asks; // relation, login
        int unanswered; // the current month: the last ones still waiting
    };
    const QList<Ask> plan = {
        {"chenjing",
         "zhangwei",
         {{feedback::Peer, "liuyang"},
          {feedback::Peer, "wuqiang"},
          {feedback::Peer, "zhaolei"},
          {feedback::Peer, "wangfang"},
          {feedback::Manager, "chenjing"}},
         2},
        {"chenjing", "liuyang", {{feedback::Peer, "zhangwei"}, {feedback::Peer, "wuqiang"}}, 1},
        {"chenjing",
         "wuqiang",
         {{feedback::Peer, "liuyang"}, {feedback::Peer, "zhoumin"}, {feedback::Peer, "zhangwei"}},
         1},
        {"lina",
         "chenjing",
         {{feedback::Subordinate, "zhangwei"},
          {feedback::Subordinate, "wuqiang"},
          {feedback::Peer, "wangfang"},
          {feedback::Peer, "zhoumin"},
          {feedback::Subordinate, "liuyang"}},
         1}};
    const Text comments[] = {{"交付可靠，文档齐全。", "Reliable delivery, documents complete."},
                             {"主动沟通风险。", "Raises risks early."},
                             {"乐于协助同事。", "Always ready to help colleagues."},
                             {"进度汇报可以更及时。", "Progress updates could come sooner."},
                             {"会议纪要偶有遗漏。", "Meeting minutes are sometimes missing."}};
    static const QStringList keys = {QStringLiteral("responsibility"),
                                     QStringLiteral("collaboration"),
                                     QStringLiteral("communication"), QStringLiteral("delivery")};
    for (const Ask &a : plan) {
        const QUuid subject = employeeOf(a.subject);
        QList<FeedbackAsk> asks;
        for (const auto &[relation, login] : a.asks)
            asks.append({QLatin1String(relation), employeeOf(login), {}});
        // Liu Yang's customer, through its account owner.
        if (QLatin1String(a.subject) == QLatin1String("liuyang") && index % 2 == 1)
            if (auto c = fb.customersFor(employeeOf("zhangwei")); c && !c->isEmpty())
                asks.append({QLatin1String(feedback::Customer), {}, c->constFirst().id});
        auto ids = fb.request(actor(a.by), month.id, subject, asks, asked);
        if (!ids)
            return ids.error();
        const int excellent = m_modelMonths.contains(index) && subject == m_model ? 1 : 0;
        for (int i = 0; i < ids->size(); ++i) {
            if (current && i >= ids->size() - a.unanswered)
                continue;
            auto request = fb.requestById(ids->at(i));
            if (!request)
                return request.error();
            FeedbackAnswerDraft d;
            const int usual = std::clamp(m_tendency.value(subject, 80) / 20, 2, 5);
            for (const QString &k : keys)
                d.scores.insert(k, excellent ? 5 : std::clamp(usual + roll(3) - 1, 1, 5));
            if (roll(3) > 0)
                d.comment = t(comments[roll(5)]);
            const char *respondent =
                request->relation == QLatin1String(feedback::Customer) ? "zhangwei" : nullptr;
            if (respondent)
                d.customerMessage =
                    t({"张经理您好：刘洋本月响应及时，第7项交付物的问题当天就解决了，我们很满意。"
                       "——华东建材 采购部 王磊",
                       "Dear Mr Zhang, Liu Yang answered quickly this month and fixed the item 7 "
                       "problem the same day; we are very satisfied. Lei Wang, Procurement, East "
                       "China Building Materials"});
            const Actor who = respondent ? actor(respondent) : [&] {
                for (const auto &[relation, login] : a.asks)
                    if (employeeOf(login) == request->respondent)
                        return actor(login);
                return Actor();
            }();
            auto answered = fb.answer(
                who, ids->at(i), d, std::min(asked + (i + 1) * 3600000LL, m_store.nowMs() - 1000));
            if (!answered)
                return answered.error();
        }
    }
    return {};
}

Status DemoReviews::issues(const ReviewCycleInfo &month, int index, bool current)
{
    WorkIssues work(m_store);
    const Actor manager = actor("chenjing"), hr = actor("lina");
    const QDate last = std::min(month.ends, m_today);
    const int days = std::max<qint64>(1, month.starts.daysTo(last) + 1);
    const auto category = [this] {
        int r = roll(100);
        for (const auto &[key, weight] : categoryWeights)
            if ((r -= weight) < 0)
                return QLatin1String(key);
        return QLatin1String(issue::Other);
    };
    QDate occurred;
    const auto record = [&](const QUuid &employee, const QString &kind) -> Result<QUuid> {
        const QList<Text> &titles = issueTitles.value(kind);
        IssueDraft d;
        d.employee = employee;
        d.category = kind;
        d.title = t(titles.at(roll(int(titles.size()))));
        d.occurredOn = month.starts.addDays(roll(days));
        d.cycle = month.id;
        occurred = d.occurredOn;
        const bool byManager =
            employee != manager.employeeId
            && std::any_of(m_people.cbegin(), m_people.cend(),
                           [&](const Person &p) { return p.id == employee && p.projects; });
        return work.record(byManager ? manager : hr, d, msOf(d.occurredOn.addDays(1), 17));
    };
    // The journeys' people: issues of their own, whose causes they state
    // (the others have no account to state one with).
    const QList<std::pair<const char *, QList<int>>> cast = {
        {"zhangwei", {1, 4, 6, 7}}, {"liuyang", {2, 5, 7}}, {"wuqiang", {3, 6}},
        {"chenjing", {5}},          {"wangfang", {2}},      {"zhoumin", {4}}};
    QSet<QUuid> castIds;
    for (const auto &[login, in] : cast)
        castIds.insert(employeeOf(login));
    for (const Person &p : std::as_const(m_people))
        if (!castIds.contains(p.id) && roll(100) < 22)
            if (auto id = record(p.id, category()); !id)
                return id.error();
    QList<QUuid> stated;
    for (const auto &[login, in] : cast) {
        if (!in.contains(index))
            continue;
        const QUuid employee = employeeOf(login);
        auto id =
            record(employee, index % 3 == 1 ? QLatin1String(issue::DocumentMissing) : category());
        if (!id)
            return id.error();
        // This month, Zhang Wei has yet to state his cause.
        if (current && QLatin1String(login) == QLatin1String("zhangwei"))
            continue;
        const auto &[cause, statement] = causeStatements.at(roll(int(causeStatements.size())));
        auto s = work.state(actor(login), *id, QLatin1String(cause), t(statement),
                            msOf(occurred.addDays(3), 18));
        if (!s)
            return s.error();
        stated.append(*id);
    }
    m_stated.insert(month.id, stated);
    return {};
}

Status DemoReviews::decide(const QList<QUuid> &issueIds)
{
    if (!m_sign || issueIds.isEmpty())
        return {};
    WorkIssues work(m_store);
    const Text confirmed = {"情况属实，已补充流程检查点。",
                            "As stated; a checkpoint has been added to the process."};
    const Text corrected = {"客户的变更已有书面确认，问题在于计划没有更新，原因应为流程。",
                            "The customer's change was confirmed in writing; the plan was not "
                            "updated, so the cause is the process."};
    for (const QUuid &id : issueIds) {
        auto issue = work.issue(id);
        if (!issue)
            return issue.error();
        // Chen Jing decides for her people; HR for everyone else.
        const bool hers = issue->employee != employeeOf("chenjing")
                          && std::any_of(m_people.cbegin(), m_people.cend(), [&](const Person &p) {
                                 return p.id == issue->employee && p.projects;
                             });
        const char *login = hers ? "chenjing" : "lina";
        auto key = signer(login);
        if (!key)
            return key.error();
        const bool correct = issue->stated()->cause == QLatin1String(attribution::External)
                             || issue->stated()->cause == QLatin1String(attribution::Ability);
        auto d = correct ? work.correct(actor(login), id, QLatin1String(attribution::Process),
                                        t(corrected), *key)
                         : work.confirm(actor(login), id, t(confirmed), *key);
        if (!d)
            return d.error();
    }
    return {};
}

void DemoReviews::chooseModels(const QList<ReviewCycleInfo> &past)
{
    // Someone whose indicators allow three excellent months with the best
    // rating, Zhang Wei if he can; and someone failing a month.
    Reviews reviews(m_store);
    QList<QUuid> candidates{employeeOf("zhangwei")};
    for (const Person &p : std::as_const(m_people))
        candidates.append(p.id);
    for (int start = std::max<qsizetype>(0, past.size() - 5);
         start + 3 <= past.size() && m_model.isNull(); ++start)
        for (const QUuid &c : std::as_const(candidates)) {
            bool feasible = true;
            for (int k = start; k < start + 3 && feasible; ++k) {
                auto s = reviews.compute(c, past.at(k).id, 10000);
                feasible = s && s->scoreBp && *s->scoreBp >= 9200;
            }
            if (feasible) {
                m_model = c;
                m_modelMonths = {start, start + 1, start + 2};
                break;
            }
        }
    // Not one of those asked about in 360 feedback, whose answers would
    // lift the score.
    QList<QUuid> asked;
    for (const char *login : {"zhangwei", "liuyang", "wuqiang", "chenjing"})
        asked.append(employeeOf(login));
    for (int k = int(past.size()) - 2; k >= 0 && m_failing.isNull(); --k)
        for (const Person &p : std::as_const(m_people)) {
            if (p.id == m_model || asked.contains(p.id) || p.hired > past.at(k).starts)
                continue;
            auto s = reviews.compute(p.id, past.at(k).id, 3000);
            if (s && s->scoreBp && *s->scoreBp < 5900) {
                m_failing = p.id;
                m_failingMonth = k;
                break;
            }
        }
}

Status DemoReviews::rateAndClose(const ReviewCycleInfo &month, int index, bool current)
{
    Reviews reviews(m_store);
    const Actor manager = actor("chenjing"), hr = actor("lina");
    const qint64 rated = msOf(std::min(m_today, month.ends.addDays(3)), 16);
    const Text notes[] = {
        {"本月表现稳定，继续保持。", "A steady month; keep it up."},
        {"交付质量好，文档需更及时归档。", "Good delivery; file the documents sooner."},
        {"多次延期，下月需改进。", "Several delays; improve next month."}};
    for (const Person &p : std::as_const(m_people)) {
        // Ratings are still coming in this month; a few were never given.
        if ((current && roll(2) == 0) || (!current && roll(100) < 8)
            || (p.hired.isValid() && p.hired > month.ends))
            continue;
        const Actor &rater = p.projects && p.id != manager.employeeId ? manager : hr;
        if (rater.employeeId == p.id)
            continue;
        int rating = std::clamp(m_tendency.value(p.id) + roll(15) - 7 + index, 40, 100);
        if (p.id == m_model && m_modelMonths.contains(index))
            rating = 96 + roll(5);
        if (p.id == m_failing && index == m_failingMonth)
            rating = 30;
        const QString note = rating >= 90   ? t(notes[0])
                             : rating < 60  ? t(notes[2])
                             : roll(3) == 0 ? t(notes[1])
                                            : QString();
        if (auto r = reviews.rate(rater, p.id, month.id, rating * 100, note, rated); !r)
            return r.error();
    }
    // This month's causes wait for the supervisor.
    if (current)
        return {};
    if (Status s = decide(m_stated.value(month.id)); !s)
        return s;
    CycleClose close(m_store);
    auto plan = close.plan(hr, month.id);
    if (!plan)
        return plan.error();
    return close.close(hr, *plan, msOf(std::min(m_today, month.ends.addDays(5)), 11));
}

Status DemoReviews::run()
{
    for (const char *login :
         {"lina", "chenjing", "zhangwei", "liuyang", "wuqiang", "zhaolei", "wangfang", "zhoumin"})
        if (!m_accounts.contains(QLatin1String(login)))
            return {}; // a company without the journeys' people
    if (Status s = loadPeople(); !s)
        return s;
    auto all = months();
    if (!all)
        return all.error();
    // Months closed before this ran keep what they hold.
    QList<ReviewCycleInfo> open;
    QList<int> index;
    for (int i = 0; i < all->size(); ++i)
        if (all->at(i).open) {
            open.append(all->at(i));
            index.append(i);
        }
    for (int k = 0; k < open.size(); ++k) {
        const bool current = open.at(k).ends >= m_today;
        if (Status s = issues(open.at(k), index.at(k), current); !s)
            return s;
    }
    QList<ReviewCycleInfo> past;
    for (const ReviewCycleInfo &c : std::as_const(open))
        if (c.ends < m_today)
            past.append(c);
    chooseModels(past);
    // The model's months, counted among all months for the feedback.
    for (int &m : m_modelMonths)
        m = index.at(m);
    if (m_failingMonth >= 0)
        m_failingMonth = index.at(m_failingMonth);
    for (int k = 0; k < open.size(); ++k) {
        const bool current = open.at(k).ends >= m_today;
        if (Status s = feedback(open.at(k), index.at(k), current); !s)
            return s;
        if (Status s = rateAndClose(open.at(k), index.at(k), current); !s)
            return s;
    }
    return {};
}

} // namespace

Status addDemoReviews(Store &store, const QHash<QString, DemoAccount> &accounts,
                      const QString &locale, const QDate &today, bool signedDecisions)
{
    auto done = demoHasRecords(store, "feedback_request");
    if (!done)
        return done.error();
    if (*done)
        return {};
    return DemoReviews(store, accounts, locale.startsWith(QLatin1String("zh")), today,
                       signedDecisions)
        .run();
}

} // namespace baton
