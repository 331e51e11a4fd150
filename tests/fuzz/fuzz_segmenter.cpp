// libFuzzer target for the search segmenter (core/search/textsegmenter).
// Nothing may crash; index tokens hold no double quote and are separated by
// single spaces; a MATCH expression is always of the one shape FTS5 reads as
// quoted strings only: words : ("..." [*] AND "..." ...), at most 64 terms.
#include "import/textdecoding.h"
#include "search/textsegmenter.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace baton;

namespace {

void checkTokens(const QString &spaced)
{
    if (spaced.contains(u'"') || spaced.startsWith(u' ') || spaced.endsWith(u' ')
        || spaced.contains(QLatin1String("  ")))
        std::abort();
}

void checkExpression(const QString &expr, QLatin1String column)
{
    if (expr.isEmpty())
        return;
    if (expr.count(u'"') % 2 != 0)
        std::abort(); // an unbalanced double quote
    const QString head = column + QLatin1String(" : (");
    if (!expr.startsWith(head) || !expr.endsWith(u')'))
        std::abort();
    const QStringView body = QStringView(expr).sliced(head.size(), expr.size() - head.size() - 1);
    qsizetype pos = 0;
    int terms = 0;
    while (true) {
        if (pos >= body.size() || body[pos] != u'"')
            std::abort();
        const qsizetype close = body.indexOf(u'"', pos + 1);
        if (close < 0 || close == pos + 1)
            std::abort(); // unclosed or empty string
        const QStringView token = body.sliced(pos + 1, close - pos - 1);
        if (token.startsWith(u' ') || token.endsWith(u' ') || token.contains(u"  "))
            std::abort();
        pos = close + 1;
        ++terms;
        if (body.sliced(pos).startsWith(u" *"))
            pos += 2;
        if (pos == body.size())
            break;
        if (!body.sliced(pos).startsWith(u" AND "))
            std::abort();
        pos += 5;
    }
    if (terms > 64)
        std::abort();
}

void run(const QString &text)
{
    const search::IndexText index = search::segmentForIndex(text);
    checkTokens(index.words);
    checkTokens(index.grams);
    checkExpression(search::wordsExpression(text), QLatin1String("words"));
    checkExpression(search::gramsExpression(text), QLatin1String("grams"));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    run(decodeText(bytes).value_or(QString::fromUtf8(bytes)));
    // The same bytes as raw UTF-16, lone surrogates and all.
    QString utf16(bytes.size() / 2, Qt::Uninitialized);
    std::memcpy(utf16.data(), bytes.constData(), static_cast<size_t>(utf16.size()) * 2);
    run(utf16);
    return 0;
}
