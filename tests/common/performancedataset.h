#pragma once

#include "testorg.h"

#include <QHash>
#include <QVariantMap>

namespace baton::test {

// A known performance data set, written straight into the tables of a
// TestOrg (the dashboard reads tables; its numbers are checked against
// this). Three monthly cycles; in March, PRJ's subtree (Chen Jing E001,
// Zhang Wei E002, Liu Yang E006):
//  - review results 95 (A), 72 (C), 78 (B); Wang Fang (E003, elsewhere) 50;
//    Zhang Wei 30 in February;
//  - issues i1, i2 document missing (Zhang Wei), i3 delivery late and i5
//    communication (Liu Yang), i4 communication (Chen Jing), i6 quality
//    (Wang Fang); causes: i1 stated process then corrected to ability, i2
//    resources stated and confirmed, i3 external stated, i6 equipment;
//  - "Retention" (ratio, higher, target 90%): Zhang Wei 81 in February
//    (score 90), 85.5 then 90 in March (latest 90: score 100), Liu Yang 99
//    (110), Wang Fang 45 (50), Zhang Wei 90 in January (100); "Bug rate"
//    (ratio, lower, target 1%): Chen Jing 2% in March (50);
//  - tasks: feb-late (due 10 Feb, done 12 Feb), feb-ontime, mar-open-late
//    (due 5 Mar, open), mar-not-yet-due (25 Mar), mar-cancelled,
//    mar-outside (Wang Fang, due 2 Mar, open). "Today" is 20 March 2026.
struct PerformanceDataSet
{
    QHash<QString, QUuid> cycle; // "jan", "feb", "mar"
    QHash<QString, QUuid> issue; // "i1".."i6"
    QHash<QString, QUuid> task;  // by title

    static QDate today() { return QDate(2026, 3, 20); }
    // False, with the reason in the log, when a row cannot be written.
    bool write(TestOrg &org);

private:
    bool insert(const QString &table, const QVariantMap &columns);
    bool indicator(const char *cycleKey, const char *employee, const char *metric,
                   const char *direction, qint64 targetMilli,
                   const QList<QPair<qint64, const char *>> &values);

    TestOrg *m_org = nullptr;
    qint64 m_entries = 0; // entry order of indicator values
    int m_rows = 0;
};

} // namespace baton::test
