#pragma once

// Shared set-up of the People tests: the test organisation, a signed-in
// AppContext, generated employees, and settings kept out of the user's home.
#include "auth/authenticator.h"
#include "common/appcontext.h"
#include "evidence/audittrail.h"
#include "oplog/uuidv7.h"
#include "people/employeedetailpane.h"
#include "people/employeeform.h"
#include "people/employeetablemodel.h"
#include "people/peoplepage.h"
#include "testorg.h"

#include <QLineEdit>
#include <QRandomGenerator>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace baton::test {

inline void isolatePeopleSettings(const QString &folder)
{
    QCoreApplication::setOrganizationName(QStringLiteral("BatonPeopleTest"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
}

struct PeopleFixture
{
    TestOrg org;
    std::unique_ptr<AppContext> context;

    bool open(const QString &login = QStringLiteral("lina"))
    {
        if (!org.build())
            return false;
        return signIn(login);
    }

    bool signIn(const QString &login)
    {
        auto session = Authenticator(*org.store).login(login, QStringLiteral("password-") + login);
        if (!session) {
            qWarning() << session.error().message;
            return false;
        }
        context = std::make_unique<AppContext>(*org.store, *session);
        return true;
    }

    // count generated employees across the test departments, with Chinese
    // and English names and every status, in one batch.
    bool addPeople(int count, quint32 seed)
    {
        static const QStringList families = {
            QStringLiteral("王"), QStringLiteral("李"),    QStringLiteral("张"),
            QStringLiteral("刘"), QStringLiteral("陈"),    QStringLiteral("杨"),
            QStringLiteral("赵"), QStringLiteral("黄"),    QStringLiteral("周"),
            QStringLiteral("吴"), QStringLiteral("Smith"), QStringLiteral("Müller")};
        static const QStringList givens = {
            QStringLiteral("伟"),   QStringLiteral("芳"),   QStringLiteral("娜"),
            QStringLiteral("秀英"), QStringLiteral("敏"),   QStringLiteral("静"),
            QStringLiteral("磊"),   QStringLiteral("洋"),   QStringLiteral("晓明"),
            QStringLiteral("婷"),   QStringLiteral("Anna"), QStringLiteral("Tom")};
        static const QStringList departments = {QStringLiteral("HQ"), QStringLiteral("PRJ"),
                                                QStringLiteral("PRJ-E"), QStringLiteral("ST3")};
        QRandomGenerator rng(seed);
        QList<Operation> ops;
        ops.reserve(count);
        for (int i = 0; i < count; ++i) {
            const int f = static_cast<int>(rng.bounded(families.size()));
            const bool latin = f >= 10;
            const QString given = latin ? givens.at(10 + static_cast<int>(rng.bounded(2)))
                                        : givens.at(static_cast<int>(rng.bounded(10)));
            const QDate hire = QDate(2010, 1, 1).addDays(rng.bounded(5000));
            const int roll = static_cast<int>(rng.bounded(100));
            const QString status = roll < 80   ? QStringLiteral("active")
                                   : roll < 88 ? QStringLiteral("on_leave")
                                   : roll < 94 ? QStringLiteral("departing")
                                               : QStringLiteral("departed");
            QJsonObject fields{
                {QStringLiteral("number"),
                 QStringLiteral("G%1").arg(i + 1, 5, 10, QLatin1Char('0'))},
                {QStringLiteral("family_name"), families.at(f)},
                {QStringLiteral("given_name"), given},
                {QStringLiteral("department_id"),
                 idString(org.dept.value(departments.at(i % departments.size())))},
                {QStringLiteral("position_id"), idString(org.position)},
                {QStringLiteral("hire_date"), hire.toString(Qt::ISODate)},
                {QStringLiteral("status"), status},
                {QStringLiteral("email"), QStringLiteral("g%1@example.com").arg(i + 1)},
                {QStringLiteral("phone"), QStringLiteral("+86 138 %1").arg(10000000 + i)}};
            if (status == QLatin1String("departing") || status == QLatin1String("departed"))
                fields.insert(QStringLiteral("departure_date"),
                              hire.addDays(400 + rng.bounded(900)).toString(Qt::ISODate));
            ops.append(org.op(QStringLiteral("admin"), QStringLiteral("employee"),
                              createUuidV7(org.clockMs), OpKind::Create, fields));
        }
        return org.store->submit(ops).ok();
    }
};

// Helpers for driving the People widgets.
template<typename T>
inline T *child(QWidget &root, const char *name)
{
    T *w = root.findChild<T *>(QLatin1String(name));
    if (!w)
        qWarning() << "no widget named" << name;
    return w;
}

// Clicks the list row of the employee with this number.
inline bool openEmployee(PeoplePage &page, const QString &number)
{
    auto *table = child<QTableView>(page, "employeeTable");
    EmployeeTableModel *model = page.model();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex index = model->index(r, EmployeeTableModel::Name);
        if (model->index(r, EmployeeTableModel::Number).data().toString() != number)
            continue;
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
        return page.detailPane()->form()->employeeId()
               == index.data(EmployeeTableModel::IdRole).toUuid();
    }
    return false;
}

inline void replaceText(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

inline QList<AuditRow> auditFor(PeopleFixture &f, const QString &action, const QUuid &record = {})
{
    AuditFilter filter;
    filter.action = action;
    filter.recordId = record;
    auto rows = AuditTrail(f.org.store->database()).page(filter, 0, 50);
    return rows ? *rows : QList<AuditRow>{};
}

} // namespace baton::test
