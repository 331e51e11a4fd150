// libFuzzer target for chat exports (core/import/chatparser) and the
// decoding of outside bytes (core/import/textdecoding). Nothing may crash;
// a file that fails says why; an export's messages are whole (time, sender,
// text, a SHA-256 hash) and each skipped row has a line and a reason.
#include "import/chatparser.h"
#include "import/textdecoding.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace baton;

namespace {

void check(const std::optional<chat::Export> &e, const QString &error)
{
    if (!e) {
        if (error.isEmpty())
            std::abort();
        return;
    }
    for (const chat::Message &m : e->messages) {
        if (m.sender.isEmpty() || m.text.isEmpty() || m.line < 1 || m.contentHash.size() != 64
            || m.text != m.text.trimmed())
            std::abort();
    }
    for (const chat::Problem &p : e->problems) {
        if (p.line < 1 || p.message.isEmpty())
            std::abort();
    }
    if (e->encoding.isEmpty())
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QTimeZone utc = QTimeZone::utc();

    QString encoding;
    const std::optional<QString> text = decodeText(bytes, &encoding);
    if (text && encoding.isEmpty())
        std::abort();
    // What decodeText read as GB18030 reads the same by name.
    if (text && encoding == QLatin1String("GB18030") && decodeCharset(bytes, "GB18030") != text)
        std::abort();
    // A strict decoder never makes replacement characters of its own.
    if (text && encoding == QLatin1String("UTF-8") && !bytes.contains("\xEF\xBF\xBD")
        && text->contains(QChar::ReplacementCharacter))
        std::abort();

    QString error;
    check(chat::parseCsv(bytes, utc, &error), error);
    error.clear();
    check(chat::parseJson(bytes, utc, &error), error);
    return 0;
}
