#include "democompany.h"
#include "demoapprovals.h"
#include "demogoals.h"
#include "demoprojects.h"
#include "demoreports.h"
#include "demoreviews.h"
#include "demowork.h"

#include "auth/accounts.h"
#include "auth/passwordhash.h"
#include "oplog/uuidv7.h"
#include "store/store.h"
#include "util/logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>
#include <limits>
#include <numeric>

static void initDemoResources()
{
    Q_INIT_RESOURCE(demo);
}

namespace baton {

namespace {

constexpr qint64 DayMs = 24LL * 3600 * 1000;

struct Dept
{
    QUuid id;
    QString code;
    QString name;
    QString kind;
    QString parentCode;
    QString timeZone;
    QString currency;
    QStringList positions; // position codes, the first is the head's
    double weight = 1;     // share of the generated staff
    int headIndex = -1;    // index into people
};

struct Person
{
    QUuid id;
    QString castKey;
    QString family, given, english;
    QString dept;
    QString position;
    QDate hire;
    int managerIndex = -1;
    QString status = QStringLiteral("active");
    QDate departure;
    QDate statusDate;   // when the status changed
    QString transferTo; // department code moved to, if any
    QDate transferDate;
    QString transferPosition;
    QString number;
    QString email;
    QString phone;
    QString login; // cast members with accounts
    QString role;
};

// One change, dated when it happened in the company's life.
struct Event
{
    qint64 atMs;
    int order; // stable tie-break: creation order
    QString entity;
    QUuid id;
    OpKind kind;
    QJsonObject fields;
};

class Builder
{
public:
    Builder(Store &store, const DemoOptions &options)
        : m_store(store)
        , m_options(options)
        , m_rng(options.seed)
        , m_today(options.today.isValid() ? options.today : QDate::currentDate())
    { }

    Result<QList<DemoUser>> run();

private:
    Status loadVocabulary();
    void planDepartments();
    void planPositions();
    void planPeople();
    void planHistory();
    void planCustomers();
    // Applies the planned events up to untilMs, from where the last call
    // stopped.
    Status applyEvents(qint64 untilMs = std::numeric_limits<qint64>::max());
    qsizetype m_applied = 0;
    Result<QList<DemoUser>> createAccounts();
    Status addAuditHistory();

    qint64 msOf(const QDate &d, int hour = 9) const
    {
        return QDateTime(d, QTime(hour, 0), QTimeZone(QByteArrayLiteral("Asia/Shanghai")))
            .toMSecsSinceEpoch();
    }
    QDate randomDate(const QDate &from, const QDate &to)
    {
        const qint64 span = std::max<qint64>(0, from.daysTo(to));
        return from.addDays(span == 0 ? 0 : static_cast<qint64>(m_rng.bounded(quint64(span + 1))));
    }
    template<typename T>
    const T &pick(const QList<T> &list)
    {
        return list[static_cast<qsizetype>(m_rng.bounded(static_cast<quint32>(list.size())))];
    }
    void event(qint64 atMs, const QString &entity, const QUuid &id, OpKind kind,
               const QJsonObject &fields)
    {
        // "Today at 11:00 in Shanghai" may still be ahead of the real clock;
        // a change dated in the future would be refused by a server.
        atMs = std::min(atMs, m_store.nowMs());
        m_events.append({atMs, static_cast<int>(m_events.size()), entity, id, kind, fields});
    }
    void say(const QString &text)
    {
        if (m_options.progress)
            m_options.progress(text);
    }
    Person makePerson(const QString &dept, const QString &position, const QDate &hire);
    QString phoneFor(const QString &dept);
    QString passwordFor(const QString &login);

    Store &m_store;
    DemoOptions m_options;
    QRandomGenerator m_rng;
    QDate m_today;
    QDate m_founded;
    QJsonObject m_vocab;
    QList<Dept> m_depts;
    QHash<QString, int> m_deptIndex;
    QHash<QString, QUuid> m_positions; // by code
    QList<Person> m_people;
    QHash<QString, int> m_cast; // cast key -> people index
    QSet<QString> m_emails;
    QSet<QString> m_castNames;
    QList<Event> m_events;
    QUuid m_admin;
    QHash<QString, QUuid> m_userIds; // by login
};

Status Builder::loadVocabulary()
{
    initDemoResources();
    const QString locale =
        m_options.locale == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("zh_CN");
    QFile file(QStringLiteral(":/demo/vocabulary_%1.json").arg(locale));
    if (!file.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("demo.vocabulary"),
                     DemoCompany::tr("The demo vocabulary for %1 is missing.").arg(locale));
    m_vocab = QJsonDocument::fromJson(file.readAll()).object();
    return {};
}

void Builder::planDepartments()
{
    const QJsonObject ho = m_vocab.value(QStringLiteral("headOffice")).toObject();
    const QString zone = ho.value(QStringLiteral("timeZone")).toString();
    const QString currency = ho.value(QStringLiteral("currency")).toString();
    auto add = [&](Dept d) {
        d.id = createUuidV7(msOf(m_founded));
        m_deptIndex.insert(d.code, static_cast<int>(m_depts.size()));
        m_depts.append(d);
    };
    Dept head{{},
              ho.value(QStringLiteral("code")).toString(),
              ho.value(QStringLiteral("name")).toString(),
              QStringLiteral("head_office"),
              {},
              zone,
              currency,
              {},
              0.3,
              -1};
    for (const QJsonValue &p : ho.value(QStringLiteral("positions")).toArray())
        head.positions.append(p.toString());
    add(head);
    // Where people work, roughly: production and stores are large, staff
    // functions small.
    const QHash<QString, double> weights{
        {QStringLiteral("HR"), 1.2},  {QStringLiteral("FIN"), 1.5}, {QStringLiteral("PRJ"), 1.0},
        {QStringLiteral("PRJ-E"), 3}, {QStringLiteral("PRJ-S"), 3}, {QStringLiteral("RND"), 8},
        {QStringLiteral("SAL"), 7},   {QStringLiteral("PRD"), 20},  {QStringLiteral("PUR"), 2},
        {QStringLiteral("RET"), 0.5}};
    const QJsonArray storePositions = m_vocab.value(QStringLiteral("storePositions")).toArray();
    std::function<void(const QJsonArray &, const QString &)> walk = [&](const QJsonArray &list,
                                                                        const QString &parent) {
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            Dept d{{},
                   o.value(QStringLiteral("code")).toString(),
                   o.value(QStringLiteral("name")).toString(),
                   QStringLiteral("department"),
                   parent,
                   zone,
                   currency,
                   {},
                   1,
                   -1};
            for (const QJsonValue &p : o.value(QStringLiteral("positions")).toArray())
                d.positions.append(p.toString());
            d.weight = weights.value(d.code, 1);
            add(d);
            walk(o.value(QStringLiteral("children")).toArray(), d.code);
            if (o.value(QStringLiteral("stores")).toBool()) {
                // Enough stores for the company's size; store 3 always exists.
                const QJsonArray stores = m_vocab.value(QStringLiteral("stores")).toArray();
                const int count = std::clamp(m_options.employees / 60, 3, int(stores.size()));
                for (int i = 0; i < count; ++i) {
                    const QJsonObject s = stores[i].toObject();
                    Dept store{{},
                               s.value(QStringLiteral("code")).toString(),
                               s.value(QStringLiteral("name")).toString(),
                               QStringLiteral("branch_store"),
                               d.code,
                               s.value(QStringLiteral("timeZone")).toString(),
                               s.value(QStringLiteral("currency")).toString(),
                               {},
                               2.5,
                               -1};
                    for (const QJsonValue &p : storePositions)
                        store.positions.append(p.toString());
                    add(store);
                }
            }
        }
    };
    walk(m_vocab.value(QStringLiteral("departments")).toArray(),
         ho.value(QStringLiteral("code")).toString());

    for (int i = 0; i < m_depts.size(); ++i) {
        const Dept &d = m_depts[i];
        // Stores opened over the years; everything else exists from the start.
        const QDate opened =
            d.kind == QLatin1String("branch_store") ? m_founded.addMonths(6 * (i % 12)) : m_founded;
        QJsonObject f{{QStringLiteral("code"), d.code},
                      {QStringLiteral("name"), d.name},
                      {QStringLiteral("kind"), d.kind},
                      {QStringLiteral("time_zone"), d.timeZone},
                      {QStringLiteral("currency"), d.currency}};
        if (!d.parentCode.isEmpty())
            f.insert(QStringLiteral("parent_id"),
                     idString(m_depts[m_deptIndex.value(d.parentCode)].id));
        event(msOf(opened, 8), QStringLiteral("department"), d.id, OpKind::Create, f);
    }
}

void Builder::planPositions()
{
    for (const QJsonValue &v : m_vocab.value(QStringLiteral("positions")).toArray()) {
        const QJsonObject p = v.toObject();
        const QUuid id = createUuidV7(msOf(m_founded));
        const QString code = p.value(QStringLiteral("code")).toString();
        m_positions.insert(code, id);
        event(msOf(m_founded, 8), QStringLiteral("job_position"), id, OpKind::Create,
              {{QStringLiteral("code"), code},
               {QStringLiteral("title"), p.value(QStringLiteral("title")).toString()},
               {QStringLiteral("grade"), p.value(QStringLiteral("grade")).toString()},
               {QStringLiteral("summary"), p.value(QStringLiteral("summary")).toString()}});
        int order = 0;
        for (const QJsonValue &r : p.value(QStringLiteral("responsibilities")).toArray()) {
            event(msOf(m_founded, 8), QStringLiteral("responsibility"),
                  createUuidV7(msOf(m_founded)), OpKind::Create,
                  {{QStringLiteral("position_id"), idString(id)},
                   {QStringLiteral("title"), r.toString()},
                   {QStringLiteral("sort_order"), order++}});
        }
    }
}

QString Builder::phoneFor(const QString &dept)
{
    const QString currency = m_depts[m_deptIndex.value(dept)].currency;
    auto digits = [&](int n) {
        QString s;
        for (int i = 0; i < n; ++i)
            s += QChar(u'0' + static_cast<char16_t>(m_rng.bounded(10)));
        return s;
    };
    if (currency == QLatin1String("HKD"))
        return QStringLiteral("+852 9%1 %2").arg(digits(3), digits(4));
    if (currency == QLatin1String("SGD"))
        return QStringLiteral("+65 8%1 %2").arg(digits(3), digits(4));
    static const QStringList prefixes{
        QStringLiteral("138"), QStringLiteral("139"), QStringLiteral("137"), QStringLiteral("186"),
        QStringLiteral("159"), QStringLiteral("152"), QStringLiteral("181"), QStringLiteral("177")};
    return QStringLiteral("%1 %2 %3").arg(pick(prefixes), digits(4), digits(4));
}

Person Builder::makePerson(const QString &dept, const QString &position, const QDate &hire)
{
    Person p;
    const QJsonArray families = m_vocab.value(QStringLiteral("familyNames")).toArray();
    const QJsonArray givens = m_vocab.value(QStringLiteral("givenNames")).toArray();
    QJsonArray family, given;
    // The people of the journeys keep their names to themselves, so that
    // searching for them finds them.
    do {
        family = families[m_rng.bounded(static_cast<int>(families.size()))].toArray();
        given = givens[m_rng.bounded(static_cast<int>(givens.size()))].toArray();
    } while (m_castNames.contains(family[0].toString() + given[0].toString()));
    p.family = family[0].toString();
    p.given = given[0].toString();
    p.english = given[1].toString() + QLatin1Char(' ') + family[1].toString();
    p.dept = dept;
    p.position = position;
    p.hire = hire;
    return p;
}

void Builder::planPeople()
{
    // The cast of the journeys first, with their fixed roles and tenures.
    for (const QJsonValue &v : m_vocab.value(QStringLiteral("cast")).toArray()) {
        const QJsonObject c = v.toObject();
        Person p;
        p.castKey = c.value(QStringLiteral("key")).toString();
        p.family = c.value(QStringLiteral("family")).toString();
        p.given = c.value(QStringLiteral("given")).toString();
        p.english = c.value(QStringLiteral("english")).toString();
        p.dept = c.value(QStringLiteral("dept")).toString();
        p.position = c.value(QStringLiteral("position")).toString();
        p.login = c.value(QStringLiteral("login")).toString();
        p.role = c.value(QStringLiteral("role")).toString();
        const int years = c.value(QStringLiteral("years")).toInt();
        p.hire = m_today.addYears(-years).addDays(-static_cast<int>(m_rng.bounded(60)));
        m_cast.insert(p.castKey, static_cast<int>(m_people.size()));
        m_castNames.insert(p.family + p.given);
        if (c.value(QStringLiteral("head")).toBool())
            m_depts[m_deptIndex.value(p.dept)].headIndex = static_cast<int>(m_people.size());
        m_people.append(p);
    }
    // Zhang Wei joined a project team and moved up to the department three
    // years ago: his history shows the transfer and the promotion.
    if (m_cast.contains(QStringLiteral("leaver"))) {
        Person &zw = m_people[m_cast.value(QStringLiteral("leaver"))];
        zw.transferTo = zw.dept;
        zw.transferPosition = zw.position;
        zw.transferDate = m_today.addYears(-3).addDays(-20);
        zw.dept = QStringLiteral("PRJ-E");
        zw.position = QStringLiteral("PM");
    }

    // A head for every department without one, hired top-down so that each
    // head's own manager was already there.
    const int gm = m_cast.value(QStringLiteral("gm"), -1);
    for (Dept &d : m_depts) {
        if (d.kind == QLatin1String("head_office")) {
            d.headIndex = gm;
            continue;
        }
        if (d.headIndex >= 0)
            continue;
        const Dept &parent = m_depts[m_deptIndex.value(d.parentCode)];
        const QDate parentHire =
            parent.headIndex >= 0 ? m_people[parent.headIndex].hire : m_founded;
        const QDate hire = randomDate(parentHire.addDays(30),
                                      std::min(parentHire.addYears(1), m_today.addYears(-1)));
        Person p = makePerson(d.code, d.positions.value(0), hire);
        d.headIndex = static_cast<int>(m_people.size());
        m_people.append(p);
    }
    // Reporting lines of heads: to the head of the parent department.
    for (const Dept &d : std::as_const(m_depts)) {
        if (d.headIndex < 0 || d.parentCode.isEmpty())
            continue;
        int parentHead = m_depts[m_deptIndex.value(d.parentCode)].headIndex;
        if (parentHead == d.headIndex)
            parentHead = gm;
        if (parentHead != d.headIndex)
            m_people[d.headIndex].managerIndex = parentHead;
    }
    for (const QString &key : {QStringLiteral("hr"), QStringLiteral("finance"),
                               QStringLiteral("leaver"), QStringLiteral("successor")}) {
        if (!m_cast.contains(key))
            continue;
        Person &p = m_people[m_cast.value(key)];
        p.managerIndex = m_depts[m_deptIndex.value(p.dept)].headIndex;
    }

    // Everyone else, spread by department weight.
    const int others = std::max(0, m_options.employees - static_cast<int>(m_people.size()));
    QList<int> pool; // dept indexes, repeated by weight, to draw from
    for (int i = 0; i < m_depts.size(); ++i)
        for (int k = 0; k < std::max(1, int(m_depts[i].weight * 10)); ++k)
            if (m_depts[i].weight > 0)
                pool.append(i);
    for (int n = 0; n < others; ++n) {
        const Dept &d = m_depts[pick(pool)];
        const QDate headHire = m_people[d.headIndex].hire;
        const QDate hire = randomDate(headHire.addDays(1), m_today.addDays(-7));
        const QString position = d.positions.size() > 1
                                     ? d.positions[1 + m_rng.bounded(int(d.positions.size()) - 1)]
                                     : d.positions.value(0);
        Person p = makePerson(d.code, position, hire);
        p.managerIndex = d.headIndex;
        // Most people are at work; some are on leave, a few are leaving and
        // some have left.
        const quint32 roll = m_rng.bounded(100);
        if (roll < 4 && p.hire.daysTo(m_today) > 60) {
            p.status = QStringLiteral("departed");
            p.departure = randomDate(p.hire.addDays(30), m_today.addDays(-1));
            p.statusDate = p.departure;
        } else if (roll < 6) {
            p.status = QStringLiteral("departing");
            p.departure = m_today.addDays(5 + m_rng.bounded(55));
            p.statusDate = m_today.addDays(-static_cast<int>(m_rng.bounded(10)));
        } else if (roll < 9) {
            p.status = QStringLiteral("on_leave");
            p.statusDate = m_today.addDays(-static_cast<int>(m_rng.bounded(40)));
        }
        if (p.statusDate.isValid() && p.statusDate < p.hire)
            p.statusDate = p.hire;
        m_people.append(p);
    }

    // Numbers in order of hiring, as an HR system hands them out.
    QList<int> byHire(m_people.size());
    std::iota(byHire.begin(), byHire.end(), 0);
    std::stable_sort(byHire.begin(), byHire.end(),
                     [&](int a, int b) { return m_people[a].hire < m_people[b].hire; });
    int next = 1;
    for (int i : std::as_const(byHire))
        m_people[i].number = QStringLiteral("E%1").arg(next++, 5, 10, QLatin1Char('0'));

    const QString domain = m_vocab.value(QStringLiteral("emailDomain")).toString();
    for (Person &p : m_people) {
        p.id = createUuidV7(msOf(p.hire));
        QString local = p.english.toLower().replace(QLatin1Char(' '), QLatin1Char('.'));
        QString email = local + QLatin1Char('@') + domain;
        for (int k = 2; m_emails.contains(email); ++k)
            email = local + QString::number(k) + QLatin1Char('@') + domain;
        m_emails.insert(email);
        p.email = email;
        p.phone = phoneFor(p.transferTo.isEmpty() ? p.dept : p.transferTo);
    }
}

void Builder::planHistory()
{
    for (int i = 0; i < m_people.size(); ++i) {
        const Person &p = m_people[i];
        QJsonObject f{
            {QStringLiteral("number"), p.number},
            {QStringLiteral("family_name"), p.family},
            {QStringLiteral("given_name"), p.given},
            {QStringLiteral("english_name"), p.english},
            {QStringLiteral("email"), p.email},
            {QStringLiteral("phone"), p.phone},
            {QStringLiteral("department_id"), idString(m_depts[m_deptIndex.value(p.dept)].id)},
            {QStringLiteral("hire_date"), p.hire.toString(Qt::ISODate)},
            {QStringLiteral("is_sales"), p.dept == QLatin1String("SAL")}};
        if (m_positions.contains(p.position))
            f.insert(QStringLiteral("position_id"), idString(m_positions.value(p.position)));
        if (p.managerIndex >= 0)
            f.insert(QStringLiteral("manager_id"), idString(m_people[p.managerIndex].id));
        event(msOf(p.hire, 9), QStringLiteral("employee"), p.id, OpKind::Create, f);

        if (!p.transferTo.isEmpty()) {
            const Dept &to = m_depts[m_deptIndex.value(p.transferTo)];
            QJsonObject t{{QStringLiteral("department_id"), idString(to.id)}};
            if (to.headIndex >= 0 && to.headIndex != i)
                t.insert(QStringLiteral("manager_id"), idString(m_people[to.headIndex].id));
            if (!p.transferPosition.isEmpty())
                t.insert(QStringLiteral("position_id"),
                         idString(m_positions.value(p.transferPosition)));
            event(msOf(p.transferDate, 10), QStringLiteral("employee"), p.id, OpKind::Update, t);
        }
        if (p.status != QLatin1String("active")) {
            QJsonObject s{{QStringLiteral("status"), p.status}};
            if (p.departure.isValid())
                s.insert(QStringLiteral("departure_date"), p.departure.toString(Qt::ISODate));
            event(msOf(p.statusDate, 11), QStringLiteral("employee"), p.id, OpKind::Update, s);
        }
    }
    // Department heads, once they are there.
    for (const Dept &d : std::as_const(m_depts)) {
        if (d.headIndex < 0)
            continue;
        const Person &head = m_people[d.headIndex];
        event(msOf(head.hire, 12), QStringLiteral("department"), d.id, OpKind::Update,
              {{QStringLiteral("head_id"), idString(head.id)}});
    }
}

// Each salesperson keeps a few customers, taken on while they were with the
// company; a departed one's customers stay on file under their name until
// a handover gives them to someone else.
void Builder::planCustomers()
{
    const QJsonObject v = m_vocab.value(QStringLiteral("customers")).toObject();
    auto list = [&](const char *key) {
        QStringList out;
        for (const QJsonValue &x : v.value(QLatin1StringView(key)).toArray())
            out.append(x.toString());
        return out;
    };
    const QStringList cities = list("cities"), names = list("names"), trades = list("trades"),
                      contacts = list("contacts"), notes = list("notes");
    const QString pattern = v.value(QStringLiteral("pattern")).toString();
    if (cities.isEmpty() || names.isEmpty() || trades.isEmpty() || contacts.isEmpty())
        return;
    QSet<QString> taken;
    for (const Person &p : std::as_const(m_people)) {
        if (p.dept != QLatin1String("SAL"))
            continue;
        QDate last = m_today.addDays(-1);
        if (p.status != QLatin1String("active") && p.statusDate.isValid())
            last = std::min(last, p.statusDate.addDays(-1));
        if (p.hire.addDays(7) > last)
            continue;
        const int count = 2 + int(m_rng.bounded(4));
        for (int k = 0; k < count; ++k) {
            QString name, city;
            for (int tries = 0; tries < 8 && (name.isEmpty() || taken.contains(name)); ++tries) {
                city = pick(cities);
                name = QString(pattern)
                           .replace(QStringLiteral("{city}"), city)
                           .replace(QStringLiteral("{name}"), pick(names))
                           .replace(QStringLiteral("{trade}"), pick(trades));
            }
            if (taken.contains(name))
                continue;
            taken.insert(name);
            const int roll = int(m_rng.bounded(10));
            QJsonObject f{{QStringLiteral("name"), name},
                          {QStringLiteral("owner_id"), idString(p.id)},
                          {QStringLiteral("contact_name"), pick(contacts)},
                          {QStringLiteral("phone"), phoneFor(p.dept)},
                          {QStringLiteral("city"), city},
                          {QStringLiteral("status"), roll < 2   ? QStringLiteral("prospect")
                                                     : roll < 9 ? QStringLiteral("active")
                                                                : QStringLiteral("dormant")}};
            if (!notes.isEmpty() && m_rng.bounded(2) == 0)
                f.insert(QStringLiteral("note"), pick(notes));
            const QUuid id = createUuidV7(msOf(p.hire, 14));
            event(msOf(randomDate(p.hire.addDays(7), last), 14), QStringLiteral("customer"), id,
                  OpKind::Create, f);
        }
    }
}

Status Builder::applyEvents(qint64 untilMs)
{
    if (m_applied == 0)
        std::stable_sort(m_events.begin(), m_events.end(), [](const Event &a, const Event &b) {
            return a.atMs != b.atMs ? a.atMs < b.atMs : a.order < b.order;
        });
    QList<Operation> batch;
    qint64 lastMs = 0;
    quint32 counter = 0;
    qsizetype done = m_applied;
    for (; m_applied < m_events.size() && m_events[m_applied].atMs <= untilMs; ++m_applied) {
        const Event &e = m_events[m_applied];
        Operation op;
        counter = e.atMs == lastMs ? counter + 1 : 0;
        lastMs = e.atMs;
        op.hlc = Hlc{e.atMs, counter, m_store.deviceId()};
        op.id = createUuidV7(e.atMs);
        op.entity = e.entity;
        op.entityId = e.id;
        op.kind = e.kind;
        op.fields = e.fields;
        op.author = m_admin;
        op.device = m_store.deviceId();
        batch.append(op);
        if (batch.size() == 1000) {
            if (auto s = m_store.submit(batch); !s)
                return s;
            done += batch.size();
            batch.clear();
            say(DemoCompany::tr("%1 of %2 records written").arg(done).arg(m_events.size()));
        }
    }
    return m_store.submit(batch);
}

QString Builder::passwordFor(const QString &login)
{
    return QStringLiteral("%1-%2").arg(login).arg(1000 + m_rng.bounded(9000));
}

Result<QList<DemoUser>> Builder::createAccounts()
{
    QList<DemoUser> users;
    Accounts accounts(m_store);
    for (const Person &p : std::as_const(m_people)) {
        if (p.login.isEmpty())
            continue;
        const auto role = parseRole(p.role);
        QList<Role> roles;
        if (role && *role != Role::Employee)
            roles.append(*role);
        const QString password = passwordFor(p.login);
        auto id = accounts.createUser(m_admin, p.login, password, p.id, roles);
        if (!id)
            return id.error();
        m_userIds.insert(p.login, *id);
        users.append({p.login, password, p.role,
                      p.family
                          + (p.family.front().unicode() < 128 ? QStringLiteral(" ") : QString())
                          + p.given});
    }
    return users;
}

Status Builder::addAuditHistory()
{
    if (m_options.auditEntries <= 0)
        return {};
    // Years of routine archive upkeep by HR: contact details kept current.
    const QUuid author = m_userIds.value(QStringLiteral("lina"), m_admin);
    QList<int> active;
    for (int i = 0; i < m_people.size(); ++i)
        if (m_people[i].status != QLatin1String("departed"))
            active.append(i);
    auto count = m_store.auditEntryCount();
    if (!count)
        return count.error();
    qint64 have = *count;
    while (have < m_options.auditEntries) {
        QList<Operation> batch;
        const qint64 n = std::min<qint64>(1000, m_options.auditEntries - have);
        for (qint64 k = 0; k < n; ++k) {
            const Person &p = m_people[active[m_rng.bounded(int(active.size()))]];
            batch.append(m_store.makeOp(QStringLiteral("employee"), p.id, OpKind::Update,
                                        {{QStringLiteral("phone"), phoneFor(p.dept)}}, author));
        }
        if (auto s = m_store.submit(batch); !s)
            return s;
        have += n;
        if (have % 50000 < 1000)
            say(DemoCompany::tr("%1 of %2 audit entries").arg(have).arg(m_options.auditEntries));
    }
    return {};
}

Result<QList<DemoUser>> Builder::run()
{
    Accounts accounts(m_store);
    auto setup = accounts.needsSetup();
    if (!setup)
        return setup.error();
    if (!*setup)
        return Error(QStringLiteral("demo.not_empty"),
                     DemoCompany::tr("This database already holds a company; the demo company "
                                     "needs a new, empty database file."));
    if (m_options.employees < 20 || m_options.employees > 200000)
        return Error(QStringLiteral("demo.size"),
                     DemoCompany::tr("Choose between 20 and 200,000 employees."));
    if (auto s = loadVocabulary(); !s)
        return s.error();
    m_founded = m_today.addYears(-15);

    // The administrator exists from the company's founding, so that the
    // dated history below is within their rights.
    const qint64 foundedMs = msOf(m_founded, 7);
    m_admin = createUuidV7(foundedMs);
    const QString adminPassword = passwordFor(QStringLiteral("admin"));
    auto hash = PasswordHash::make(adminPassword);
    if (!hash)
        return hash.error();
    Operation user;
    user.hlc = Hlc{foundedMs, 0, m_store.deviceId()};
    user.id = createUuidV7(foundedMs);
    user.entity = QStringLiteral("app_user");
    user.entityId = m_admin;
    user.kind = OpKind::Create;
    user.fields = {{QStringLiteral("login"), QStringLiteral("admin")},
                   {QStringLiteral("password_hash"), *hash}};
    user.device = m_store.deviceId();
    Operation grant = user;
    grant.hlc.counter = 1;
    grant.id = createUuidV7(foundedMs);
    grant.entity = QStringLiteral("role_grant");
    grant.entityId = createUuidV7(foundedMs);
    grant.fields = {{QStringLiteral("user_id"), idString(m_admin)},
                    {QStringLiteral("role"), QStringLiteral("admin")},
                    {QStringLiteral("valid_from_ms"), foundedMs - DayMs}};
    if (auto s = m_store.submit({user, grant}); !s)
        return s.error();

    say(DemoCompany::tr("Planning %1 (%2 employees)")
            .arg(m_vocab.value(QStringLiteral("company")).toString())
            .arg(m_options.employees));
    planDepartments();
    planPositions();
    planPeople();
    planHistory();
    planCustomers();
    // Zheng Kai left 25 days ago; his handover was started, signed and
    // approved 40 days ago. The store's clock goes back to that day while
    // the history up to it, the accounts and his handover are written.
    const bool departure = m_options.shiftClock && m_options.signedDecisions
                           && m_cast.contains(QStringLiteral("former"));
    const QDate departedOn = m_today.addDays(-25);
    const qint64 handoverMs = msOf(m_today.addDays(-40), 10);
    if (departure) {
        event(msOf(departedOn, 18), QStringLiteral("employee"),
              m_people[m_cast.value(QStringLiteral("former"))].id, OpKind::Update,
              {{QStringLiteral("status"), QStringLiteral("departed")}});
        m_options.shiftClock(std::max<qint64>(0, m_store.nowMs() - handoverMs));
    }
    if (auto s = applyEvents(departure ? handoverMs : std::numeric_limits<qint64>::max()); !s)
        return s.error();
    auto users = createAccounts();
    if (!users)
        return users.error();
    users->prepend({QStringLiteral("admin"), adminPassword, QStringLiteral("admin"),
                    DemoCompany::tr("System administrator")});
    QHash<QString, DemoAccount> logins;
    for (const DemoUser &u : std::as_const(*users))
        logins.insert(u.login, {m_userIds.value(u.login, m_admin), u.password});
    if (departure) {
        say(DemoCompany::tr("A departure handed over"));
        const Status s = addDemoDeparture(m_store, logins, m_options.locale, departedOn);
        m_options.shiftClock(0);
        if (!s)
            return s.error();
        if (auto rest = applyEvents(); !rest)
            return rest.error();
    }
    say(DemoCompany::tr("Approvals and their signatures"));
    if (auto s = addDemoApprovals(m_store, logins, m_options.locale, m_options.signedDecisions); !s)
        return s.error();
    say(DemoCompany::tr("Duties, tasks, work trails and handovers"));
    if (auto s = addDemoWork(m_store, logins, m_options.locale, m_options.signedDecisions, m_today);
        !s)
        return s.error();
    say(DemoCompany::tr("Projects and their plans"));
    if (auto s = addDemoProjects(m_store, logins, m_options.locale, m_today); !s)
        return s.error();
    say(DemoCompany::tr("Daily and weekly reports, comments"));
    if (auto s = addDemoReports(m_store, logins, m_options.locale, m_today); !s)
        return s.error();
    say(DemoCompany::tr("Goals, indicators and review cycles"));
    if (auto s = addDemoGoals(m_store, logins, m_options.locale, m_today); !s)
        return s.error();
    say(DemoCompany::tr("Feedback, reviews, issues and awards"));
    if (auto s =
            addDemoReviews(m_store, logins, m_options.locale, m_today, m_options.signedDecisions);
        !s)
        return s.error();
    if (auto s = addAuditHistory(); !s)
        return s.error();
    return users;
}

} // namespace

Result<QList<DemoUser>> DemoCompany::create(Store &store, const DemoOptions &options)
{
    Builder builder(store, options);
    return builder.run();
}

} // namespace baton
