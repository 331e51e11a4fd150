#pragma once

#include "policy/policy.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QTimeZone>
#include <QUuid>

#include <atomic>
#include <functional>

namespace baton {

class Store;

// What an import did: how many items it added, and each thing it left out
// with why (a duplicate, a message it could not read, an empty file...).
struct ImportReport
{
    struct Skip
    {
        QString source; // file, and message or line within it
        QString reason;
    };
    int imported = 0;
    int documents = 0; // of which files (documents and attachments)
    QList<Skip> skipped;
    bool cancelled = false;
};

// Brings outside material into one person's work trail (issue 5): emails
// (.eml files and mbox mailboxes), chat exports (CSV, JSON) and documents
// (any file; text kept for search where it can be read). Every item is an
// operation through Store::apply, in batches; files go to DocumentBlobs by
// SHA-256. Items already in the trail are skipped by content hash. Meant
// to run off the GUI thread on its own Store connection.
class TrailImporter
{
    Q_DECLARE_TR_FUNCTIONS(TrailImporter)
public:
    enum class Kind { Mail, Chat, Documents };

    TrailImporter(Store &store, const Actor &actor, const QUuid &employee);

    // done and total in bytes of the files named.
    void setProgress(std::function<void(qint64 done, qint64 total)> progress)
    {
        m_progress = std::move(progress);
    }
    // Checked between items: when set, the import stops after what it has
    // written so far (each batch whole) and says it was cancelled.
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    // Chat exports with local times are read in this zone.
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }

    // Folders are read with everything in them. An error only when nothing
    // could be written at all (the database failed); bad files and items
    // are in the report.
    Result<ImportReport> run(Kind kind, const QStringList &paths);

private:
    Status importMailFile(const QString &path);
    Status importChatFile(const QString &path);
    Status importDocument(const QString &path);
    Status addItem(QJsonObject fields, const QString &source, const QByteArray &blob = {},
                   const QString &mime = {});
    // A file: its trail item, and its bytes kept by hash.
    Status addFile(const QByteArray &content, const QString &name, const QString &mime,
                   qint64 occurredMs, const QString &source, const QString &context);
    Status flush();
    Result<bool> alreadyInTrail(const QString &contentHash);
    void skip(const QString &source, const QString &reason);
    void reportProgress(qint64 withinFile);
    bool cancelled() const { return m_cancel && m_cancel->load(); }

    Store &m_store;
    Actor m_actor;
    QUuid m_employee;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    std::function<void(qint64, qint64)> m_progress;
    const std::atomic_bool *m_cancel = nullptr;

    ImportReport m_report;
    struct Pending
    {
        QJsonObject fields;
        QString source;
        QByteArray blob; // a file's bytes, kept with the item
        QString mime;
    };
    QList<Pending> m_pending;
    qint64 m_pendingBytes = 0;
    QSet<QString> m_seen; // content hashes taken in this run
    qint64 m_total = 0;
    qint64 m_doneFiles = 0;
};

} // namespace baton
