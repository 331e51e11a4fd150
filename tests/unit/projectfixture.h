#pragma once

// What the project tests share: a project, tasks and dependencies written
// through the service as Chen Jing (Projects' manager), forged ops as a
// sync push brings them, and a small plan:
#include "handoverfixture.h"
#include "work/projects.h"

#include <QTest>

namespace baton::test {

inline QDate jan(int day)
{
    return QDate(2026, 1, day);
}

struct Span
{
    QDate start, due;
    bool operator==(const Span &o) const { return start == o.start && due == o.due; }
};

inline char *toString(const Span &s)
{
    return QTest::toString(s.start.toString(Qt::ISODate) + QStringLiteral(" to ")
                           + s.due.toString(Qt::ISODate));
}

class ProjectFixture : public HandoverFixture
{
protected:
    qint64 count(const char *table) { return rowCount(*org->store, QLatin1String(table)); }
    QUuid dept(const char *code) { return org->dept.value(QLatin1String(code)); }
    Span datesOf(const QUuid &task)
    {
        const Record r = read("task", task);
        return {QDate::fromString(r.text(u"start_date"), Qt::ISODate),
                QDate::fromString(r.text(u"due_date"), Qt::ISODate)};
    }
    ProjectDraft draft(const QString &title, const char *department = "PRJ",
                       const char *owner = "E002")
    {
        ProjectDraft d;
        d.code = QStringLiteral("P-1");
        d.title = title;
        d.owner = emp(owner);
        d.department = dept(department);
        d.start = jan(1);
        d.due = QDate(2026, 3, 31);
        return d;
    }
    QUuid newProject(const QString &title = QStringLiteral("Warehouse system"))
    {
        org->tick();
        auto id = Projects(*org->store).create(actor("chenjing"), draft(title));
        [&] { QVERIFY2(id, id ? "" : qPrintable(id.error().message)); }();
        return id ? *id : QUuid();
    }
    QUuid newTask(const QUuid &project, const char *title, const Span &dates,
                  const QUuid &parent = {})
    {
        PlanTaskDraft d;
        d.owner = emp("E002");
        d.title = QLatin1String(title);
        d.start = dates.start;
        d.due = dates.due;
        d.parent = parent;
        org->tick();
        auto id = Projects(*org->store).addTask(actor("chenjing"), project, d);
        [&] { QVERIFY2(id, id ? "" : qPrintable(id.error().message)); }();
        return id ? *id : QUuid();
    }
    QUuid depend(const QUuid &before, const QUuid &after)
    {
        org->tick();
        auto id = Projects(*org->store).addDependency(actor("chenjing"), before, after);
        [&] { QVERIFY2(id, id ? "" : qPrintable(id.error().message)); }();
        return id ? *id : QUuid();
    }
    // An op straight to the store, as a sync push brings it: only the
    // records' rules stand between it and the data.
    ApplyOutcome forge(const char *login, const char *entity, OpKind kind,
                       const QJsonObject &fields, const QUuid &id = createUuidV7())
    {
        const auto out = org->store->apply(
            {org->op(QLatin1String(login), QLatin1String(entity), id, kind, fields)},
            Origin::Remote);
        return out.value(0);
    }

    // Analysis (Jan 5-9); Build (Jan 12-23) holding Backend (Jan 12-16)
    // and Client (Jan 19-23); Documentation (Jan 5-30). Analysis comes
    // before Build, Backend before Client.
    struct Small
    {
        QUuid project, analysis, build, backend, client, docs;
    } small;
    void buildSmallPlan()
    {
        small.project = newProject();
        small.analysis = newTask(small.project, "Analysis", {jan(5), jan(9)});
        small.build = newTask(small.project, "Build", {jan(12), jan(23)});
        small.backend = newTask(small.project, "Backend", {jan(12), jan(16)}, small.build);
        small.client = newTask(small.project, "Client", {jan(19), jan(23)}, small.build);
        small.docs = newTask(small.project, "Documentation", {jan(5), jan(30)});
        depend(small.analysis, small.build);
        depend(small.backend, small.client);
    }
};

} // namespace baton::test
