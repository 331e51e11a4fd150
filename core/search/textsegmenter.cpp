#include "textsegmenter.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <unicode/ubrk.h>

#include <limits>

namespace baton::search {

namespace {

// Work bounds for a query: what a person types fits in these with room.
constexpr qsizetype MaxQueryLength = 4096;
constexpr int MaxQueryTerms = 64;

// Chinese and Japanese: cut by ICU's dictionary into words, and into
// bigrams for the grams column. U+30FC (the prolonged sound mark, script
// Common) belongs to the katakana word it lengthens.
bool isCjk(char32_t c)
{
    if (c == 0x30FC)
        return true;
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
        return true;
    default:
        return false;
    }
}

// What a token may hold: letters, digits, marks and private use. Everything
// else (spaces, punctuation, quotes, symbols, emoji, controls, lone
// surrogates) separates tokens, as it does for FTS5's unicode61 tokenizer.
bool isTokenChar(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Other_PrivateUse:
        return true;
    default:
        return false;
    }
}

// One word break iterator per thread: opening one loads ICU's rules and
// dictionaries, which costs far more than segmenting a message.
class WordBreaker
{
public:
    WordBreaker()
    {
        UErrorCode status = U_ZERO_ERROR;
        m_iter = ubrk_open(UBRK_WORD, "zh", nullptr, 0, &status);
        if (U_FAILURE(status)) {
            ubrk_close(m_iter);
            m_iter = nullptr;
        }
    }
    ~WordBreaker() { ubrk_close(m_iter); }
    WordBreaker(const WordBreaker &) = delete;
    WordBreaker &operator=(const WordBreaker &) = delete;

    // Boundaries of `text` (which must outlive the call), first to last.
    QList<qsizetype> boundaries(QStringView text)
    {
        QList<qsizetype> result;
        const auto length =
            static_cast<int32_t>(qMin<qsizetype>(text.size(), std::numeric_limits<int32_t>::max()));
        UErrorCode status = U_ZERO_ERROR;
        if (m_iter)
            ubrk_setText(m_iter, reinterpret_cast<const UChar *>(text.utf16()), length, &status);
        if (!m_iter || U_FAILURE(status)) {
            // Without ICU data: one piece, cut only at separators below.
            result = {0, text.size()};
            return result;
        }
        for (int32_t b = ubrk_first(m_iter); b != UBRK_DONE; b = ubrk_next(m_iter))
            result.append(b);
        ubrk_setText(m_iter, nullptr, 0, &status); // drop the pointer into `text`
        return result;
    }

private:
    UBreakIterator *m_iter = nullptr;
};

WordBreaker &wordBreaker()
{
    thread_local WordBreaker breaker;
    return breaker;
}

struct Tokens
{
    QStringList words;
    QStringList grams;
};

// Every two-character piece of a Chinese or Japanese run, in order; a
// one-character run as it is.
void appendGrams(const QList<char32_t> &run, QStringList &grams)
{
    if (run.size() == 1) {
        grams.append(QString::fromUcs4(run.constData(), 1));
        return;
    }
    for (qsizetype i = 0; i + 1 < run.size(); ++i)
        grams.append(QString::fromUcs4(run.constData() + i, 2));
}

// The one segmentation behind both the index and the queries, so that a
// query's tokens are those its text gets in the index.
Tokens segment(QStringView input)
{
    Tokens out;
    const QString text = input.toString().normalized(QString::NormalizationForm_KC);
    const QList<qsizetype> bounds = wordBreaker().boundaries(text);

    QList<char32_t> run; // the Chinese or Japanese run the grams are cut from
    qsizetype runEnd = -1;
    const auto flushRun = [&] {
        if (!run.isEmpty())
            appendGrams(run, out.grams);
        run.clear();
    };

    for (qsizetype b = 0; b + 1 < bounds.size(); ++b) {
        const QStringView piece = QStringView(text).sliced(bounds[b], bounds[b + 1] - bounds[b]);
        // A word piece may still hold separators, or both kinds of script:
        // split it into maximal spans of one kind.
        QString current;
        bool currentCjk = false, hasBase = false;
        const auto finish = [&] {
            if (!current.isEmpty() && currentCjk) {
                out.words.append(current);
            } else if (hasBase) { // marks alone make no word
                flushRun();
                const QString folded = current.toCaseFolded();
                out.words.append(folded);
                out.grams.append(folded);
            }
            current.clear();
            hasBase = false;
        };
        qsizetype pos = bounds[b];
        for (const char32_t c : piece.toUcs4()) {
            const qsizetype width = QChar::requiresSurrogates(c) ? 2 : 1;
            const bool mark = QChar::isMark(c);
            if (!isTokenChar(c)) {
                finish();
                flushRun();
            } else if (mark && currentCjk && !current.isEmpty()) {
                // A variation selector or other mark on a Chinese or
                // Japanese character: read past it.
                if (runEnd == pos)
                    runEnd = pos + width;
            } else {
                const bool cjk = !mark && isCjk(c);
                if (!current.isEmpty() && cjk != currentCjk)
                    finish();
                currentCjk = cjk;
                hasBase = hasBase || !mark;
                if (cjk) {
                    if (runEnd != pos)
                        flushRun();
                    run.append(c);
                    runEnd = pos + width;
                }
                if (QChar::requiresSurrogates(c)) {
                    current.append(QChar(QChar::highSurrogate(c)));
                    current.append(QChar(QChar::lowSurrogate(c)));
                } else {
                    current.append(QChar(c));
                }
            }
            pos += width;
        }
        finish();
    }
    flushRun();
    return out;
}

QString joined(const QStringList &tokens)
{
    return tokens.join(QLatin1Char(' '));
}

// A term is what the user separated by spaces; its tokens become one
// double-quoted FTS5 string, which is a phrase when it has several. Tokens
// hold no double quote or space, so nothing in them is read as syntax.
QString expression(QStringView userQuery, const QString &column, bool grams)
{
    const QString query =
        userQuery.left(MaxQueryLength).toString().normalized(QString::NormalizationForm_KC);
    QStringList terms;
    static const QRegularExpression space(QStringLiteral("\\s+"),
                                          QRegularExpression::UseUnicodePropertiesOption);
    for (const QStringView term : QStringView(query).split(space, Qt::SkipEmptyParts)) {
        if (terms.size() >= MaxQueryTerms)
            break;
        const Tokens tokens = segment(term);
        const QStringList &list = grams ? tokens.grams : tokens.words;
        if (list.isEmpty())
            continue;
        QString phrase = QLatin1Char('"') + joined(list) + QLatin1Char('"');
        // A single Chinese character has no bigram: it matches the grams
        // that start with it (张 finds 张伟).
        const QList<uint> first = list.first().toUcs4();
        if (grams && list.size() == 1 && first.size() == 1 && isCjk(first.first()))
            phrase += QLatin1String(" *");
        if (!terms.contains(phrase))
            terms.append(phrase);
    }
    if (terms.isEmpty())
        return {};
    return column + QLatin1String(" : (") + terms.join(QLatin1String(" AND ")) + QLatin1Char(')');
}

} // namespace

IndexText segmentForIndex(QStringView text)
{
    const Tokens tokens = segment(text);
    return {joined(tokens.words), joined(tokens.grams)};
}

QString wordsExpression(QStringView userQuery)
{
    return expression(userQuery, QStringLiteral("words"), false);
}

QString gramsExpression(QStringView userQuery)
{
    return expression(userQuery, QStringLiteral("grams"), true);
}

} // namespace baton::search
