#include "goalassignment.h"

#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "performance/goalbatch.h"
#include "performance/performanceentities.h"
#include "store/sqlstatement.h"
#include "store/store.h"

#include <QSet>

namespace baton {

namespace {

Error problem(const char *code, const QString &message)
{
    return Error(QString::fromLatin1(code), message);
}

} // namespace

Result<Record> GoalAssignment::parentGoal(const AssignDraft &draft)
{
    if (draft.parent.isNull())
        return problem("field.required", tr("Choose the department goal to assign under."));
    auto p = m_store.readRecord(QStringLiteral("goal"), draft.parent);
    if (!p)
        return p.error();
    if (p->isEmpty() || p->flag(u"retired"))
        return problem("ref.missing", tr("The goal it is aligned to does not exist."));
    if (p->text(u"level") != QLatin1String(goal::Department))
        return problem("goal.parent", tr("“%1” is not a department goal: people's goals are "
                                         "aligned to a goal of their department.")
                                          .arg(p->text(u"title")));
    return p;
}

Result<QList<Recipient>> GoalAssignment::recipients(const AssignDraft &draft)
{
    auto parent = parentGoal(draft);
    if (!parent)
        return parent.error();
    const QUuid parentDept = parent->id(u"department_id");
    const OrgTree &tree = m_store.orgTree();
    QUuid root = draft.department;
    if (root.isNull()) {
        if (draft.position.isNull())
            return problem("field.required",
                           tr("Choose the department or the position to assign the goal to."));
        root = parentDept;
    }
    if (!tree.isWithin(root, parentDept)) {
        auto d = m_store.readRecord(QStringLiteral("department"), root);
        auto pd = m_store.readRecord(QStringLiteral("department"), parentDept);
        return problem("goal.parent",
                       tr("%1 is not part of %2, whose goal “%3” is: assign a department goal to "
                          "its own people.")
                           .arg(d ? d->text(u"name") : QString(),
                                pd ? pd->text(u"name") : QString(), parent->text(u"title")));
    }
    const bool whole = draft.subtree || !draft.position.isNull();
    const QList<QUuid> departments = whole ? tree.subtree(root) : QList<QUuid>{root};

    Database &db = m_store.database();
    // Names come from the department's people; positions are compared here,
    // so that one statement serves both ways of assigning.
    SqlStatement &q =
        db.statement(QStringLiteral("SELECT id, family_name, given_name, position_id FROM employee "
                                    "WHERE retired=0 AND status='active' AND department_id IN (%1) "
                                    "ORDER BY number")
                         .arg(sqlPlaceholders(departments.size())));
    for (int i = 0; i < departments.size(); ++i)
        q.bind(i, idString(departments[i]));
    if (!q.exec())
        return db.errorFrom(q, tr("reading the department's people"));
    QList<Recipient> out;
    while (q.next()) {
        if (!draft.position.isNull() && parseId(q.text(3)) != draft.position)
            continue;
        out.append({parseId(q.text(0)), org::displayName(q.text(1), q.text(2)), false});
    }
    q.finish();

    SqlStatement &has = db.statement(QStringLiteral(
        "SELECT employee_id FROM goal WHERE parent_id=? AND level='person' AND retired=0"));
    has.bind(0, idString(draft.parent));
    if (!has.exec())
        return db.errorFrom(has, tr("reading goals"));
    QSet<QUuid> already;
    while (has.next())
        already.insert(parseId(has.text(0)));
    has.finish();
    for (Recipient &r : out)
        r.alreadyHas = already.contains(r.employee);
    return out;
}

Result<AssignOutcome> GoalAssignment::assign(const Actor &actor, const AssignDraft &draft)
{
    const QString title = draft.title.trimmed();
    if (title.isEmpty())
        return problem("field.required", tr("Give the goal a title."));
    if (draft.kind != QLatin1String(goal::Kpi) && draft.kind != QLatin1String(goal::Objective))
        return problem("field.invalid",
                       tr("A goal handed to many people is an objective or a KPI of their own."));
    auto parent = parentGoal(draft);
    if (!parent)
        return parent.error();
    const QUuid cycle = parent->id(u"cycle_id");
    QString cycleTitle;
    if (!cycle.isNull()) {
        auto c = m_store.readRecord(QStringLiteral("review_cycle"), cycle);
        if (!c)
            return c.error();
        cycleTitle = c->text(u"title");
        if (c->text(u"status") == QLatin1String(cycle::Closed))
            return problem("cycle.closed",
                           tr("The review cycle “%1” is closed: its goals, indicators and values "
                              "stay as they were.")
                               .arg(cycleTitle));
    }
    // The parent must count its people's goals (goalrollup.h).
    {
        Database &db = m_store.database();
        SqlStatement &q = db.statement(
            QStringLiteral("SELECT COUNT(*) FROM goal WHERE parent_id=? AND kind='key_result' AND "
                           "level='department' AND retired=0"));
        q.bind(0, idString(draft.parent));
        if (!q.exec() || !q.next())
            return db.errorFrom(q, tr("reading goals"));
        const qint64 keyResults = q.int64(0);
        q.finish();
        if (keyResults > 0)
            return problem("goal.parent_measured",
                           tr("“%1” is measured by its key results: assign the goal under one of "
                              "them.")
                               .arg(parent->text(u"title")));
    }
    QList<IndicatorDraft> indicators = draft.indicators;
    if (Status s =
            Goals::checkIndicators(title, draft.kind == QLatin1String(goal::Kpi), indicators);
        !s)
        return s.error();
    if (Status s = Goals::checkConsequences(draft.consequences, indicators); !s)
        return s.error();
    auto people = recipients(draft);
    if (!people)
        return people.error();
    AssignOutcome outcome;
    QList<Recipient> chosen;
    for (const Recipient &r : std::as_const(*people)) {
        if (r.alreadyHas)
            ++outcome.alreadyHad;
        else
            chosen.append(r);
    }
    if (chosen.isEmpty())
        return problem("goal.nobody",
                       outcome.alreadyHad > 0
                           ? tr("Everyone it would go to has a goal under “%1” already.")
                                 .arg(parent->text(u"title"))
                           : tr("Nobody active is there to assign the goal to."));

    // Every recipient's plan for the cycle, read at once.
    QHash<QUuid, QList<PlanMember>> plans;
    {
        Database &db = m_store.database();
        SqlStatement &q = db.statement(
            cycle.isNull()
                ? QStringLiteral("SELECT id, employee_id, title, weight_bp FROM goal WHERE "
                                 "retired=0 AND level='person' AND kind<>'key_result' AND "
                                 "cycle_id IS NULL ORDER BY weight_bp DESC, id")
                : QStringLiteral("SELECT id, employee_id, title, weight_bp FROM goal WHERE "
                                 "retired=0 AND level='person' AND kind<>'key_result' AND "
                                 "cycle_id=? ORDER BY weight_bp DESC, id"));
        if (!cycle.isNull())
            q.bind(0, idString(cycle));
        if (!q.exec())
            return db.errorFrom(q, tr("reading goals"));
        while (q.next())
            plans[parseId(q.text(1))].append({parseId(q.text(0)), q.text(2), int(q.int64(3))});
        q.finish();
    }

    GoalBatch batch(m_store, actor.userId);
    for (const Recipient &r : std::as_const(chosen)) {
        const QList<PlanMember> members = plans.value(r.employee);
        int weight = draft.weight;
        auto fitted =
            Goals::fitIntoPlan(Goals::ownerPlanTitle(r.name, cycleTitle), members, title, weight);
        if (!fitted)
            return fitted.error();
        for (const PlanMember &m : members)
            batch.reweight("goal", m.id, m.weight, fitted->value(m.id, m.weight));
        QJsonObject f{{QStringLiteral("parent_id"), idString(draft.parent)},
                      {QStringLiteral("level"), QLatin1String(goal::Person)},
                      {QStringLiteral("kind"), draft.kind},
                      {QStringLiteral("title"), title},
                      {QStringLiteral("employee_id"), idString(r.employee)},
                      {QStringLiteral("weight_bp"), weight}};
        if (!cycle.isNull())
            f.insert(QStringLiteral("cycle_id"), idString(cycle));
        if (!draft.detail.trimmed().isEmpty())
            f.insert(QStringLiteral("detail"), draft.detail.trimmed());
        if (!draft.position.isNull())
            f.insert(QStringLiteral("position_id"), idString(draft.position));
        if (!actor.employeeId.isNull())
            f.insert(QStringLiteral("assigned_by"), idString(actor.employeeId));
        outcome.goals.append(batch.addGoal(f, indicators, draft.consequences));
        outcome.people.append(r.employee);
    }
    if (Status s = m_store.submit(batch.ops()); !s)
        return s.error();
    return outcome;
}

} // namespace baton
