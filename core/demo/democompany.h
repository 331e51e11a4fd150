#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <functional>

namespace baton {

class Store;

struct DemoOptions
{
    int employees = 300;
    quint32 seed = 1;
    QString locale = QStringLiteral("zh_CN"); // "zh_CN" or "en"
    QDate today;                              // invalid: the current date
    qint64 auditEntries = 0; // extra history until the trail holds this many entries
    // Approvals decided and signed under this installation's own authority;
    // false: requests only, all waiting (a company loaded into a server,
    // whose CA must certify the signers).
    bool signedDecisions = true;
    std::function<void(const QString &)> progress;
    // Sets the store's clock back by the given milliseconds (0: now again),
    // so that a departure can be started, signed and handed over weeks
    // before its date, as it happened. Empty: the demo has no departed
    // employee with a handover.
    std::function<void(qint64 backMs)> shiftClock;
};

struct DemoUser
{
    QString login;
    QString password;
    QString role;
    QString name;
};

// A realistic, deterministic demo company: the same seed, locale and date
// give the same company. Head office, departments and branch stores (with
// their time zones and currencies), positions whose descriptions list
// responsibilities, managers, employees in every status with their history,
// and one account per role for the people of ../shared/JOURNEYS.md (Li Na in
// HR, Zhang Wei the senior project manager, Chen Jing his manager, Wang Fang
// of branch store 3, Zhao Lei in finance, ...).
//
// Everything is written as operations through Store::apply, dated when it
// happened (hires, transfers, departures), so the op log and the employment
// history read like a real company's.
class DemoCompany
{
    Q_DECLARE_TR_FUNCTIONS(DemoCompany)
public:
    static Result<QList<DemoUser>> create(Store &store, const DemoOptions &options);
};

} // namespace baton
