// libFuzzer target for the email parser (core/import/mailparser): the input
// as one .eml (parseMessage) and, written to a file, as an mbox
// (MboxReader). Nothing may crash or hang; a message comes whole (a 64-digit
// hash, named attachments), a failure says why, and the reader's items and
// progress stay consistent and end.
#include "import/mailparser.h"

#include <QFile>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

using namespace baton::mail;

namespace {

void checkMessage(const Message &m)
{
    if (m.contentHash.size() != 64)
        std::abort();
    for (const Attachment &a : m.attachments) {
        if (a.fileName.isEmpty() || a.fileName.contains(QLatin1Char('/')))
            std::abort();
    }
}

const QString &scratchPath()
{
    static const QString path = [] {
        const auto file = std::filesystem::temp_directory_path()
                          / ("fuzz_mail_" + std::to_string(getpid()) + ".mbox");
        return QString::fromStdString(file.string());
    }();
    return path;
}

void removeScratch()
{
    QFile::remove(scratchPath());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QString error;
    if (const auto m = parseMessage(raw, &error))
        checkMessage(*m);
    else if (error.isEmpty())
        std::abort();

    static const bool cleanup = std::atexit(removeScratch) == 0;
    (void)cleanup;
    QFile file(scratchPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(raw) != raw.size())
        std::abort();
    file.close();

    MboxReader reader;
    if (!reader.open(scratchPath(), &error)) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    if (reader.totalBytes() != raw.size())
        std::abort();
    // Every message needs its "From " line: more items than that is a loop.
    const qsizetype limit = raw.size() / 5 + 2;
    qsizetype items = 0;
    int lastIndex = -1;
    qint64 lastRead = 0;
    while (const auto item = reader.next()) {
        if (++items > limit || item->message.has_value() == item->problem.has_value())
            std::abort();
        if (item->message)
            checkMessage(*item->message);
        if (item->problem) {
            if (item->problem->message.isEmpty() || item->problem->index <= lastIndex
                || item->problem->offset < 0 || item->problem->offset >= raw.size())
                std::abort();
            lastIndex = item->problem->index;
        }
        if (reader.bytesRead() < lastRead || reader.bytesRead() > reader.totalBytes())
            std::abort();
        lastRead = reader.bytesRead();
    }
    if (reader.bytesRead() != reader.totalBytes())
        std::abort();
    return 0;
}
