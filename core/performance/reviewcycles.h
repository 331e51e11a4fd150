#pragma once

#include "policy/policy.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QUuid>

namespace baton {

class Store;

// HR's calendar of review cycles (review_cycle, policy
// performance.configure): a cycle is opened for a month, quarter or year,
// and closed for good once its results stand.
class ReviewCycles
{
    Q_DECLARE_TR_FUNCTIONS(ReviewCycles)
public:
    explicit ReviewCycles(Store &store)
        : m_store(store)
    { }

    Result<QUuid> create(const Actor &actor, const QString &kind, const QString &title,
                         const QDate &starts, const QDate &ends);
    Status close(const Actor &actor, const QUuid &cycle);

    // "March 2026", "Q1 2026", "2026", in the current language.
    static QString defaultTitle(const QString &kind, const QDate &starts);
    // The month, quarter or year a day lies in.
    static std::pair<QDate, QDate> periodOf(const QString &kind, const QDate &day);

private:
    Store &m_store;
};

} // namespace baton
