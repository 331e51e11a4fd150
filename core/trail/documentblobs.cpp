#include "documentblobs.h"

#include "evidence/sha256.h"
#include "store/store.h"

namespace baton {

Result<QString> DocumentBlobs::put(const QByteArray &content, const QString &mime)
{
    const QString hash = QString::fromLatin1(Sha256::hash(content).toHex());
    Database &db = m_store.database();
    // ON CONFLICT DO NOTHING: SQLite 3.24+ and PostgreSQL alike.
    SqlStatement &q = db.statement(QStringLiteral(
        "INSERT INTO document_blob (sha256, size, mime, content, stored_ms) VALUES (?,?,?,?,?) "
        "ON CONFLICT (sha256) DO NOTHING"));
    q.bind(0, hash);
    q.bind(1, qint64(content.size()));
    q.bind(2, mime);
    q.bindBlob(3, content);
    q.bind(4, m_store.nowMs());
    if (!q.exec())
        return db.errorFrom(q, tr("keeping a document"));
    q.finish();
    return hash;
}

Result<QByteArray> DocumentBlobs::get(const QString &sha256)
{
    Database &db = m_store.database();
    SqlStatement &q =
        db.statement(QStringLiteral("SELECT content FROM document_blob WHERE sha256=?"));
    q.bind(0, sha256);
    if (!q.exec())
        return db.errorFrom(q, tr("reading a document"));
    if (!q.next()) {
        q.finish();
        return Error(QStringLiteral("blob.missing"),
                     tr("The document %1 is not kept on this computer.").arg(sha256));
    }
    const QByteArray content = q.blob(0);
    q.finish();
    if (QString::fromLatin1(Sha256::hash(content).toHex()) != sha256)
        return Error(QStringLiteral("blob.damaged"),
                     tr("The document %1 kept on this computer has been changed.").arg(sha256));
    return content;
}

Result<bool> DocumentBlobs::contains(const QString &sha256)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral("SELECT 1 FROM document_blob WHERE sha256=?"));
    q.bind(0, sha256);
    if (!q.exec())
        return db.errorFrom(q, tr("reading a document"));
    const bool found = q.next();
    q.finish();
    return found;
}

} // namespace baton
