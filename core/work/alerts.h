#pragma once

#include "policy/policy.h"
#include "util/result.h"
#include "work/alertscanner.h"

#include <QCoreApplication>
#include <QHash>

namespace baton {

class Store;

// The warnings of the signed-in person (issue 6, item 4) and what they did
// about them. The warnings are computed (AlertScanner) from what this
// replica holds, as of the store's clock, with the company's thresholds;
// the late approval steps are those the approvals module shows as waiting
// on the viewer, late by their node's deadline (approval_step.deadline_ms)
// or, without one, by the threshold. Acknowledging or resolving one is an
// alert_state record under its key, one batch through Store::submit.
class Alerts
{
    Q_DECLARE_TR_FUNCTIONS(Alerts)
public:
    explicit Alerts(Store &store)
        : m_store(store)
    { }

    // viewer's warnings, each with its state, critical first.
    Result<QList<Alert>> forViewer(const Actor &viewer);
    Result<QList<Alert>> forViewer(const Actor &viewer, const AlertThresholds &thresholds);
    // What the scanner reads for viewer, as of now.
    Result<AlertInputs> inputsFor(const Actor &viewer);
    static int openCount(const QList<Alert> &alerts);

    // Seen, being dealt with: out of the open ones.
    Status acknowledge(const Actor &actor, const QString &key, const QString &note = {});
    // Dealt with, saying how.
    Status resolve(const Actor &actor, const QString &key, const QString &note);

private:
    struct Handled
    {
        Alert::State state = Alert::State::Open;
        QString note;
        qint64 atMs = 0;
        QUuid by;
    };
    Result<QHash<QString, Handled>> handledBy(const QUuid &employee);
    Status record(const Actor &actor, const QString &key, Alert::State state, const QString &note);
    Status addTasks(const QUuid &owner, const QString &ownerName, const QDate &today,
                    AlertInputs &in);
    Status addReports(const QUuid &viewer, const QDate &today, AlertInputs &in);
    Status addSteps(const Actor &viewer, AlertInputs &in);
    QString nameOf(const QUuid &employee);

    Store &m_store;
    QHash<QUuid, QString> m_names;
};

} // namespace baton
