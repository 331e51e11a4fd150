#include "auditcsvwriter.h"

#include "auditactions.h"
#include "oplog/uuidv7.h"
#include "util/csv.h"

#include <QDateTime>
#include <QDir>
#include <QSaveFile>

namespace baton {

namespace {

constexpr int CsvPageSize = 2000;

} // namespace

QString AuditCsvWriter::field(const QString &text)
{
    return csv::field(text);
}

Result<qint64> AuditCsvWriter::write(Database &db, const AuditQuery &query, const QString &filePath,
                                     const Progress &progress)
{
    const QString shown = QDir::toNativeSeparators(filePath);
    auto total = query.count(db);
    if (!total)
        return total.error();

    // QSaveFile replaces the file only when everything was written.
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("export.open"),
                     tr("Could not create %1: %2").arg(shown, file.errorString()));
    file.write("\xEF\xBB\xBF"); // byte order mark: spreadsheets then read UTF-8
    file.write(csv::line({tr("Entry"), tr("Time"), tr("Time (UTC)"), tr("User"), tr("Action"),
                          tr("Action code"), tr("Outcome"), tr("Record type"), tr("Record ID"),
                          tr("Summary"), tr("Device"), tr("IP addresses")})
                   .toUtf8());

    qint64 written = 0;
    qint64 before = 0;
    for (;;) {
        auto rows = query.page(db, before, CsvPageSize);
        if (!rows) {
            file.cancelWriting();
            return rows.error();
        }
        QByteArray chunk;
        for (const AuditRow &r : std::as_const(*rows)) {
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(r.timeMs);
            chunk += csv::line({QString::number(r.seq), t.toLocalTime().toString(Qt::ISODateWithMs),
                                t.toUTC().toString(Qt::ISODateWithMs), r.userName,
                                AuditActions::actionLabel(r.action), r.action,
                                AuditActions::outcomeLabel(r.outcome), r.entity,
                                r.recordId.isNull() ? QString() : idString(r.recordId), r.summary,
                                r.device, r.ip})
                         .toUtf8();
        }
        if (file.write(chunk) != chunk.size()) {
            file.cancelWriting();
            return Error(QStringLiteral("export.write"),
                         tr("Could not write %1: %2").arg(shown, file.errorString()));
        }
        written += rows->size();
        if (progress && !progress(written, std::max(written, *total))) {
            file.cancelWriting();
            return Error(QStringLiteral("export.cancelled"), tr("The export was cancelled."));
        }
        if (rows->size() < CsvPageSize)
            break;
        before = rows->constLast().seq;
    }
    if (!file.commit())
        return Error(QStringLiteral("export.write"),
                     tr("Could not save %1: %2").arg(shown, file.errorString()));
    return written;
}

} // namespace baton
