#include "trailimporter.h"

#include "documentblobs.h"
#include "evidence/sha256.h"
#include "import/chatparser.h"
#include "import/mailparser.h"
#include "import/textdecoding.h"
#include "oplog/uuidv7.h"
#include "store/store.h"
#include "work/workentities.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>

namespace baton {

namespace {

// Items per Store::apply batch, and the bytes of files held before one.
constexpr int BatchItems = 500;
constexpr qint64 BatchBytes = 32 * 1024 * 1024;
// Files larger than this are not read into the trail.
constexpr qint64 MaxDocumentBytes = 512LL * 1024 * 1024;

QStringList expand(const QStringList &paths, QStringList *missing)
{
    QStringList files;
    for (const QString &p : paths) {
        const QFileInfo info(p);
        if (info.isDir()) {
            QStringList inside;
            QDirIterator it(p, QDir::Files | QDir::Readable | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                inside.append(it.next());
            inside.sort(); // the same order on every run
            files += inside;
        } else if (info.exists()) {
            files.append(info.absoluteFilePath());
        } else {
            missing->append(p);
        }
    }
    return files;
}

bool looksLikeText(const QString &mime)
{
    return mime.startsWith(QLatin1String("text/")) || mime == QLatin1String("application/json")
           || mime == QLatin1String("application/xml") || mime.endsWith(QLatin1String("+xml"));
}

QString firstLine(const QString &text, int max)
{
    QString line = text.section(QLatin1Char('\n'), 0, 0).simplified();
    if (line.size() > max)
        line = line.left(max - 1) + QChar(0x2026);
    return line;
}

} // namespace

TrailImporter::TrailImporter(Store &store, const Actor &actor, const QUuid &employee)
    : m_store(store)
    , m_actor(actor)
    , m_employee(employee)
{ }

Result<ImportReport> TrailImporter::run(Kind kind, const QStringList &paths)
{
    m_report = {};
    m_seen.clear();
    QStringList missing;
    const QStringList files = expand(paths, &missing);
    for (const QString &m : missing)
        skip(m, tr("The file does not exist."));
    m_total = 0;
    for (const QString &f : files)
        m_total += QFileInfo(f).size();
    m_doneFiles = 0;
    for (const QString &file : files) {
        if (cancelled())
            break;
        Status s;
        switch (kind) {
        case Kind::Mail:
            s = importMailFile(file);
            break;
        case Kind::Chat:
            s = importChatFile(file);
            break;
        case Kind::Documents:
            s = importDocument(file);
            break;
        }
        if (!s)
            return s.error();
        m_doneFiles += QFileInfo(file).size();
        reportProgress(0);
    }
    if (Status s = flush(); !s)
        return s.error();
    m_report.cancelled = cancelled();
    return m_report;
}

void TrailImporter::reportProgress(qint64 withinFile)
{
    if (m_progress)
        m_progress(std::min(m_total, m_doneFiles + withinFile), m_total);
}

void TrailImporter::skip(const QString &source, const QString &reason)
{
    m_report.skipped.append({source, reason});
}

Result<bool> TrailImporter::alreadyInTrail(const QString &contentHash)
{
    if (m_seen.contains(contentHash))
        return true;
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT 1 FROM trail_item WHERE content_hash=? AND employee_id=? AND retired=0"));
    q.bind(0, contentHash);
    q.bind(1, idString(m_employee));
    if (!q.exec())
        return db.errorFrom(q, tr("reading the work trail"));
    const bool found = q.next();
    q.finish();
    return found;
}

Status TrailImporter::addItem(QJsonObject fields, const QString &source, const QByteArray &blob,
                              const QString &mime)
{
    const QString hash = fields.value(QLatin1String("content_hash")).toString();
    auto known = alreadyInTrail(hash);
    if (!known)
        return known.error();
    if (*known) {
        skip(source, tr("Already in the work trail."));
        return {};
    }
    m_seen.insert(hash);
    fields.insert(QStringLiteral("employee_id"), idString(m_employee));
    QString body = fields.value(QLatin1String("body")).toString();
    if (body.size() > trail::MaxBodyChars)
        fields.insert(QStringLiteral("body"), body.left(trail::MaxBodyChars));
    QString title = fields.value(QLatin1String("title")).toString().simplified();
    if (title.isEmpty())
        title = tr("(no title)");
    fields.insert(QStringLiteral("title"), title.left(300));
    m_pending.append({fields, source, blob, mime});
    m_pendingBytes += blob.size();
    if (m_pending.size() >= BatchItems || m_pendingBytes >= BatchBytes)
        return flush();
    return {};
}

Status TrailImporter::addFile(const QByteArray &content, const QString &name, const QString &mime,
                              qint64 occurredMs, const QString &source, const QString &context)
{
    if (content.isEmpty()) {
        skip(source, tr("The file is empty."));
        return {};
    }
    const QString hash = QString::fromLatin1(Sha256::hash(content).toHex());
    QJsonObject f{{QStringLiteral("kind"), QLatin1String(trail::Document)},
                  {QStringLiteral("occurred_ms"), occurredMs},
                  {QStringLiteral("title"), name},
                  {QStringLiteral("source"), context.left(400)},
                  {QStringLiteral("content_hash"), hash},
                  {QStringLiteral("document_sha256"), hash},
                  {QStringLiteral("document_size"), qint64(content.size())},
                  {QStringLiteral("mime"), mime.left(100)}};
    if (looksLikeText(mime))
        if (auto text = decodeText(content))
            f.insert(QStringLiteral("body"), *text);
    return addItem(f, source, content, mime);
}

Status TrailImporter::flush()
{
    if (m_pending.isEmpty())
        return {};
    // The files first, in one transaction: content-addressed, so a file
    // kept for an item that is then refused costs nothing and misleads
    // no one.
    DocumentBlobs blobs(m_store);
    if (Status s = m_store.transact([&]() -> Status {
            for (const Pending &p : m_pending)
                if (!p.blob.isEmpty())
                    if (auto h = blobs.put(p.blob, p.mime); !h)
                        return h.error();
            return {};
        });
        !s)
        return s;
    QList<Operation> ops;
    ops.reserve(m_pending.size());
    for (const Pending &p : m_pending)
        ops.append(m_store.makeOp(QStringLiteral("trail_item"), createUuidV7(), OpKind::Append,
                                  p.fields, m_actor.userId));
    const QList<ApplyOutcome> outcomes = m_store.apply(ops, Origin::Local);
    for (int i = 0; i < outcomes.size(); ++i) {
        if (outcomes[i].applied()) {
            ++m_report.imported;
            if (!m_pending[i].fields.value(QLatin1String("document_sha256")).toString().isEmpty())
                ++m_report.documents;
        } else if (outcomes[i].rejected()) {
            skip(m_pending[i].source, outcomes[i].error.message);
        }
    }
    m_pending.clear();
    m_pendingBytes = 0;
    return {};
}

// ---- email ------------------------------------------------------------------

Status TrailImporter::importMailFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        skip(name, tr("The file cannot be read: %1").arg(file.errorString()));
        return {};
    }
    const QByteArray head = file.peek(5);
    const qint64 fileMs = QFileInfo(path).lastModified().toMSecsSinceEpoch();
    auto addMessage = [&](const mail::Message &m, const QString &source) -> Status {
        QStringList recipients = m.to + m.cc;
        QJsonObject f{
            {QStringLiteral("kind"), QLatin1String(trail::Email)},
            {QStringLiteral("occurred_ms"), m.dateMs ? m.dateMs : fileMs},
            {QStringLiteral("title"), m.subject.isEmpty() ? tr("(no subject)") : m.subject},
            {QStringLiteral("body"), m.bodyText},
            {QStringLiteral("sender"), m.from.left(300)},
            {QStringLiteral("recipients"), recipients.join(QStringLiteral("; ")).left(4000)},
            {QStringLiteral("source"), source.left(400)},
            {QStringLiteral("content_hash"), m.contentHash}};
        if (Status s = addItem(f, source); !s)
            return s;
        for (const mail::Attachment &a : m.attachments)
            if (Status s = addFile(a.content, a.fileName, a.mimeType, m.dateMs ? m.dateMs : fileMs,
                                   source + QStringLiteral(" / ") + a.fileName,
                                   tr("attachment of \"%1\"").arg(m.subject));
                !s)
                return s;
        return {};
    };
    if (head != QByteArrayLiteral("From ")) {
        if (file.size() > MaxDocumentBytes) {
            skip(name, tr("The message is larger than 512 MB."));
            return {};
        }
        QString error;
        const auto m = mail::parseMessage(file.readAll(), &error);
        if (!m) {
            skip(name, error);
            return {};
        }
        return addMessage(*m, name);
    }
    file.close();
    mail::MboxReader reader;
    QString error;
    if (!reader.open(path, &error)) {
        skip(name, error);
        return {};
    }
    int index = 0;
    while (auto item = reader.next()) {
        if (cancelled())
            return {};
        ++index;
        if (item->problem) {
            skip(tr("%1, message %2").arg(name).arg(item->problem->index), item->problem->message);
            continue;
        }
        if (Status s = addMessage(*item->message, tr("%1, message %2").arg(name).arg(index)); !s)
            return s;
        if (index % 64 == 0)
            reportProgress(reader.bytesRead());
    }
    return {};
}

// ---- chat -------------------------------------------------------------------

Status TrailImporter::importChatFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        skip(name, tr("The file cannot be read: %1").arg(file.errorString()));
        return {};
    }
    if (file.size() > MaxDocumentBytes) {
        skip(name, tr("The export is larger than 512 MB."));
        return {};
    }
    QString error;
    const auto exported = chat::parseFile(file.readAll(), name, m_zone, &error);
    if (!exported) {
        skip(name, error);
        return {};
    }
    for (const chat::Problem &p : exported->problems)
        skip(tr("%1, line %2").arg(name).arg(p.line), p.message);
    for (const chat::Message &m : exported->messages) {
        if (cancelled())
            return {};
        const QString source = tr("%1, line %2").arg(name).arg(m.line);
        QJsonObject f{{QStringLiteral("kind"), QLatin1String(trail::Chat)},
                      {QStringLiteral("occurred_ms"), m.timeMs},
                      {QStringLiteral("title"), firstLine(m.text, 80)},
                      {QStringLiteral("body"), m.text},
                      {QStringLiteral("sender"), m.sender.left(300)},
                      {QStringLiteral("conversation"), m.conversation.left(200)},
                      {QStringLiteral("source"), source.left(400)},
                      {QStringLiteral("content_hash"), m.contentHash}};
        if (Status s = addItem(f, source); !s)
            return s;
    }
    return {};
}

// ---- documents --------------------------------------------------------------

Status TrailImporter::importDocument(const QString &path)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (info.size() > MaxDocumentBytes) {
        skip(name, tr("The file is larger than 512 MB."));
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        skip(name, tr("The file cannot be read: %1").arg(file.errorString()));
        return {};
    }
    const QByteArray content = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        skip(name, tr("The file cannot be read: %1").arg(file.errorString()));
        return {};
    }
    static const QMimeDatabase mimes;
    const QString mime = mimes.mimeTypeForFileNameAndData(name, content).name();
    return addFile(content, name, mime, info.lastModified().toMSecsSinceEpoch(), name,
                   info.absoluteFilePath());
}

} // namespace baton
