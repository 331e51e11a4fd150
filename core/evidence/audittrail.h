#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QUuid>

namespace baton {

class Database;

struct AuditFilter
{
    QString text;    // in the summary or the user name
    QString action;  // exact action, or a prefix ending in '.' ("employee.")
    QString outcome; // "ok", "denied", "rejected"; empty: any
    QUuid recordId;
    qint64 fromMs = 0; // inclusive; 0: open
    qint64 toMs = 0;   // exclusive; 0: open
};

struct AuditRow
{
    qint64 seq = 0;
    qint64 timeMs = 0;
    QString userName;
    QString device;
    QString ip;
    QString action;
    QString outcome;
    QString entity;
    QUuid recordId;
    QString summary;
};

// Reads of the audit trail for the viewer, newest first.
class AuditTrail
{
    Q_DECLARE_TR_FUNCTIONS(AuditTrail)
public:
    explicit AuditTrail(Database &db)
        : m_db(db)
    { }
    Result<qint64> count(const AuditFilter &filter);
    // Newest first; beforeSeq > 0 continues after the last row already shown
    // (keyset paging stays fast a million rows deep).
    Result<QList<AuditRow>> page(const AuditFilter &filter, qint64 beforeSeq, int limit);

private:
    Database &m_db;
};

} // namespace baton
