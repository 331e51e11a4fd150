#include "htmltext.h"

#include <QChar>
#include <QHash>

#include <utility>

namespace baton::mail {

namespace {

// "&...;" at html[i]: the character and the length read, or {0, 0}.
std::pair<char32_t, qsizetype> entityAt(const QString &html, qsizetype i)
{
    if (html[i] != u'&')
        return {0, 0};
    // The named entities mail HTML uses; the numeric ones cover the rest.
    static const char *const names[] = {"amp",   "lt",    "gt",    "quot",  "apos",   "nbsp",
                                        "copy",  "reg",   "mdash", "ndash", "hellip", "bull",
                                        "lsquo", "rsquo", "ldquo", "rdquo", "middot", "euro",
                                        "yen",   "times", "laquo", "raquo", "eacute", "egrave"};
    static const char32_t codes[] = {'&',    '<',    '>',    '"',    '\'',   ' ',    0xA9,   0xAE,
                                     0x2014, 0x2013, 0x2026, 0x2022, 0x2018, 0x2019, 0x201C, 0x201D,
                                     0xB7,   0x20AC, 0xA5,   0xD7,   0xAB,   0xBB,   0xE9,   0xE8};
    qsizetype end = i + 1; // entities are short: look no further than 12 characters
    while (end < html.size() && end - i <= 12 && html[end] != u';')
        ++end;
    if (end >= html.size() || html[end] != u';')
        return {0, 0};
    const QStringView name = QStringView(html).sliced(i + 1, end - i - 1);
    char32_t code = 0;
    if (name.startsWith(u'#')) {
        const bool hex = name.size() > 1 && (name[1] == u'x' || name[1] == u'X');
        bool ok = false;
        const uint value = name.sliced(hex ? 2 : 1).toUInt(&ok, hex ? 16 : 10);
        const bool valid = value > 0 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
        code = !ok ? 0 : valid ? char32_t(value) : char32_t(0xFFFD);
    }
    for (size_t k = 0; k < std::size(names) && !code; ++k)
        code = name == QLatin1String(names[k]) ? codes[k] : 0;
    return {code, code ? end - i + 1 : 0};
}

// The index after the '>' that closes the tag (quoted values may hold '>').
qsizetype tagEnd(const QString &html, qsizetype i)
{
    for (QChar quote; i < html.size(); ++i) {
        if (!quote.isNull())
            quote = html[i] == quote ? QChar() : quote;
        else if (html[i] == u'"' || html[i] == u'\'')
            quote = html[i];
        else if (html[i] == u'>')
            return i + 1;
    }
    return html.size();
}

// HTML to plain text: tags go, blocks become lines, entities are decoded,
// script/style/head are dropped, whitespace collapses outside <pre>.
} // namespace

QString htmlToText(const QString &html)
{
    const auto among = [](const char *names, const QString &name) {
        return QLatin1String(names).contains(QString(u' ' + name + u' '));
    };
    QString out;
    bool space = false;
    int pre = 0;
    const auto lineBreak = [&out, &space](qsizetype count) {
        space = false;
        while (out.endsWith(u' '))
            out.chop(1);
        qsizetype have = 0;
        while (have < count && have < out.size() && out[out.size() - 1 - have] == u'\n')
            ++have;
        if (!out.isEmpty() && have < count)
            out.append(QString(count - have, u'\n'));
    };
    const auto put = [&out, &space](QStringView text) {
        if (space && !out.isEmpty() && !out.endsWith(u'\n'))
            out.append(u' ');
        space = false;
        out.append(text);
    };
    for (qsizetype i = 0; i < html.size();) {
        if (QStringView(html).sliced(i).startsWith(u"<!--")) {
            const qsizetype end = html.indexOf(u"-->", i + 4);
            i = end < 0 ? html.size() : end + 3;
        } else if (html[i] == u'<') {
            const bool closing = i + 1 < html.size() && html[i + 1] == u'/';
            const qsizetype start = i + (closing ? 2 : 1);
            qsizetype j = start;
            while (j < html.size() && html[j].unicode() < 128 && html[j].isLetterOrNumber())
                ++j;
            const QString name = html.sliced(start, j - start).toLower();
            const bool markup = j < html.size() && (html[j] == u'!' || html[j] == u'?');
            if ((name.isEmpty() || !name[0].isLetter()) && !markup) { // "a < b", "<3"
                put(QStringView(html).sliced(i++, 1));
                continue;
            }
            i = tagEnd(html, j);
            if (!closing && among(" script style head title ", name)) {
                const qsizetype close = html.indexOf(QString(u"</" + name), i, Qt::CaseInsensitive);
                i = close < 0 ? html.size() : tagEnd(html, close + 2 + name.size());
            } else if (among(" p h1 h2 h3 h4 h5 h6 blockquote pre ", name)) {
                pre = std::max(0, pre + (name != u"pre" ? 0 : closing ? -1 : 1));
                lineBreak(2);
            } else if (among(" br div tr li ul ol table hr dt dd section article footer ", name)) {
                lineBreak(1);
                if (name == u"li" && !closing)
                    out.append(u"- ");
            } else if (name == u"td" || name == u"th") {
                space = true;
            }
        } else if (const auto [code, length] = entityAt(html, i); length > 0) {
            put(QString::fromUcs4(&code, 1));
            i += length;
        } else {
            if (html[i].isSpace() && pre == 0)
                space = true;
            else if (html[i] != u'\r')
                put(QStringView(html).sliced(i, 1));
            ++i;
        }
    }
    return out;
}

} // namespace baton::mail
