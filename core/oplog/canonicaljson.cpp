#include "canonicaljson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace baton {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CanonicalJson)
};

// True when normalising s to NFC cannot change it, so the (allocating)
// normaliser can be skipped: every character is below the combining marks
// (U+0300), or a CJK character or symbol (U+3000..U+9FFF without the
// combining ideographic tone marks U+302A..U+302F, which NFC reorders, and
// the kana voicing marks U+3099/U+309A), or a full-width form. None of these
// has a canonical decomposition, a combining class, or composes with its
// neighbours.
bool isAsciiNfc(QStringView s)
{
    for (QChar ch : s) {
        const char16_t u = ch.unicode();
        if (u < 0x300)
            continue;
        if (u >= 0x3000 && u <= 0x9fff && (u < 0x302a || u > 0x302f) && u != 0x3099 && u != 0x309a)
            continue;
        if (u >= 0xff00 && u <= 0xffef)
            continue;
        // Dashes, quotes, bullets, per mille and simple arrows (used in
        // summaries); none decomposes or combines.
        if ((u >= 0x2010 && u <= 0x2027) || (u >= 0x2030 && u <= 0x205e)
            || (u >= 0x2190 && u <= 0x2199))
            continue;
        return false;
    }
    return true;
}

bool hasUnpairedSurrogate(QStringView s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c.isHighSurrogate()) {
            if (i + 1 >= s.size() || !s[i + 1].isLowSurrogate())
                return true;
            ++i;
        } else if (c.isLowSurrogate()) {
            return true;
        }
    }
    return false;
}

void appendEscapedUtf8(QByteArray &out, QByteArrayView utf8, bool quoted = true)
{
    static const char hex[] = "0123456789abcdef";
    if (quoted)
        out.append('"');
    const char *p = utf8.data();
    const char *end = p + utf8.size();
    const char *run = p; // start of bytes that need no escape
    for (; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\b':
            out.append("\\b", 2);
            break;
        case '\f':
            out.append("\\f", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        default: {
            const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            out.append(esc, 6);
        }
        }
    }
    out.append(run, p - run);
    if (quoted)
        out.append('"');
}

Status writeValue(QByteArray &out, const QJsonValue &v, int depth);

// The common case: every key already NFC (isAsciiNfc) and the object's own
// order (QJsonObject keeps keys sorted) strictly ascending by UTF-16 code
// units, which is RFC 8785's order: write it as it iterates. Returns false,
// having written nothing, when a key needs the general path.
bool writeAsciiKeyedObject(QByteArray &out, const QJsonObject &o, int depth, Status *status)
{
    QString previous;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const QString key = it.key();
        if (!isAsciiNfc(key) || (!previous.isNull() && !(previous < key)))
            return false;
        previous = key;
    }
    out.append('{');
    bool first = true;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!first)
            out.append(',');
        first = false;
        appendEscapedUtf8(out, it.key().toUtf8());
        out.append(':');
        if (auto s = writeValue(out, it.value(), depth + 1); !s) {
            *status = s;
            return true;
        }
    }
    out.append('}');
    return true;
}

Status writeObject(QByteArray &out, const QJsonObject &o, int depth)
{
    Status fast;
    if (writeAsciiKeyedObject(out, o, depth, &fast))
        return fast;
    QStringList keys = o.keys();
    // RFC 8785: sort by UTF-16 code units; keys are normalised first so that
    // two spellings of one key cannot both appear.
    for (QString &k : keys) {
        if (hasUnpairedSurrogate(k))
            return Error(QStringLiteral("json.surrogate"),
                         Tr::tr("A field name contains an invalid character."));
    }
    QList<std::pair<QString, QString>> normalised; // (NFC key, original key)
    normalised.reserve(keys.size());
    for (const QString &k : std::as_const(keys))
        normalised.append({isAsciiNfc(k) ? k : k.normalized(QString::NormalizationForm_C), k});
    std::sort(normalised.begin(), normalised.end(), [](const auto &a, const auto &b) {
        return QStringView(a.first).compare(QStringView(b.first), Qt::CaseSensitive) < 0;
    });
    for (qsizetype i = 1; i < normalised.size(); ++i) {
        if (normalised[i].first == normalised[i - 1].first)
            return Error(QStringLiteral("json.duplicate_key"),
                         Tr::tr("The field \"%1\" appears twice.").arg(normalised[i].first));
    }
    out.append('{');
    bool first = true;
    for (const auto &[key, original] : std::as_const(normalised)) {
        if (!first)
            out.append(',');
        first = false;
        appendEscapedUtf8(out, key.toUtf8());
        out.append(':');
        if (auto s = writeValue(out, o.value(original), depth + 1); !s)
            return s;
    }
    out.append('}');
    return {};
}

Status writeValue(QByteArray &out, const QJsonValue &v, int depth)
{
    if (depth > 64)
        return Error(QStringLiteral("json.depth"), Tr::tr("The data is nested too deeply."));
    switch (v.type()) {
    case QJsonValue::Null:
        out.append("null", 4);
        return {};
    case QJsonValue::Bool:
        out.append(v.toBool() ? QByteArrayView("true") : QByteArrayView("false"));
        return {};
    case QJsonValue::Double: {
        const double d = v.toDouble();
        constexpr qint64 sentinel = std::numeric_limits<qint64>::min();
        const qint64 i = v.toInteger(sentinel);
        if (i == sentinel || std::abs(d) > static_cast<double>(MaxSafeInteger) || i > MaxSafeInteger
            || i < -MaxSafeInteger)
            return Error(QStringLiteral("json.number"),
                         Tr::tr("Only whole numbers up to 2^53 are allowed (money in minor "
                                "units, times in milliseconds)."));
        out.append(QByteArray::number(i));
        return {};
    }
    case QJsonValue::String:
        if (!appendCanonicalString(out, v.toString()))
            return Error(QStringLiteral("json.surrogate"),
                         Tr::tr("A text value contains an invalid character."));
        return {};
    case QJsonValue::Array: {
        out.append('[');
        bool first = true;
        const QJsonArray a = v.toArray();
        for (const QJsonValue &e : a) {
            if (!first)
                out.append(',');
            first = false;
            if (auto s = writeValue(out, e, depth + 1); !s)
                return s;
        }
        out.append(']');
        return {};
    }
    case QJsonValue::Object:
        return writeObject(out, v.toObject(), depth);
    case QJsonValue::Undefined:
        break;
    }
    return Error(QStringLiteral("json.undefined"), Tr::tr("A value is missing."));
}

} // namespace

bool appendCanonicalString(QByteArray &out, QStringView text)
{
    // Fast path, the common case for ids, codes and Latin text: printable
    // ASCII with nothing to escape is copied straight in, no allocation.
    bool plain = true;
    for (QChar ch : text) {
        const char16_t u = ch.unicode();
        if (u < 0x20 || u >= 0x7f || u == u'"' || u == u'\\') {
            plain = false;
            break;
        }
    }
    if (plain) {
        const qsizetype at = out.size();
        out.resize(at + text.size() + 2);
        char *p = out.data() + at;
        *p++ = '"';
        for (QChar ch : text)
            *p++ = static_cast<char>(ch.unicode());
        *p = '"';
        return true;
    }
    if (hasUnpairedSurrogate(text))
        return false;
    if (isAsciiNfc(text))
        appendEscapedUtf8(out, text.toUtf8());
    else
        appendEscapedUtf8(out, text.toString().normalized(QString::NormalizationForm_C).toUtf8());
    return true;
}

void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    appendEscapedUtf8(out, utf8);
}

void appendJsonString(QByteArray &out, QStringView text)
{
    if (!hasUnpairedSurrogate(text)) {
        appendEscapedUtf8(out, text.toUtf8());
        return;
    }
    // An unpaired surrogate has no UTF-8: \uXXXX, as QJsonDocument writes
    // it and reads it back.
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    qsizetype run = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        if (QChar::isHighSurrogate(u) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            ++i;
            continue;
        }
        if (!QChar::isSurrogate(u))
            continue;
        appendEscapedUtf8(out, text.mid(run, i - run).toUtf8(), false);
        const char esc[6] = {
            '\\', 'u', hex[u >> 12], hex[(u >> 8) & 0xf], hex[(u >> 4) & 0xf], hex[u & 0xf]};
        out.append(esc, 6);
        run = i + 1;
    }
    appendEscapedUtf8(out, text.mid(run).toUtf8(), false);
    out.append('"');
}

Result<QByteArray> canonicalJson(const QJsonValue &value)
{
    QByteArray out;
    out.reserve(256);
    if (auto s = writeValue(out, value, 0); !s)
        return s.error();
    return out;
}

void CanonicalWriter::separator()
{
    if (!m_first)
        m_out.append(',');
    m_first = false;
}

void CanonicalWriter::key(QLatin1StringView name)
{
    separator();
    m_out.append('"');
    m_out.append(name.data(), name.size());
    m_out.append("\":", 2);
    m_first = true; // the value that follows needs no separator
}

void CanonicalWriter::string(QStringView text)
{
    separator();
    // Unpaired surrogates are refused before data is stored; should one reach
    // here anyway, hash its UTF-8 replacement rather than drop the value.
    if (!appendCanonicalString(m_out, text))
        appendEscapedUtf8(m_out, text.toUtf8());
    m_first = false;
}

void CanonicalWriter::integer(qint64 v)
{
    separator();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    m_out.append(buf, r.ptr - buf);
    m_first = false;
}

void CanonicalWriter::uuid(const QUuid &id)
{
    separator();
    m_first = false;
    if (id.isNull()) {
        m_out.append("\"\"", 2);
        return;
    }
    // 8-4-4-4-12 lower-case hex, written in place (no temporary string).
    static const char hex[] = "0123456789abcdef";
    const quint8 bytes[16] = {quint8(id.data1 >> 24),
                              quint8(id.data1 >> 16),
                              quint8(id.data1 >> 8),
                              quint8(id.data1),
                              quint8(id.data2 >> 8),
                              quint8(id.data2),
                              quint8(id.data3 >> 8),
                              quint8(id.data3),
                              id.data4[0],
                              id.data4[1],
                              id.data4[2],
                              id.data4[3],
                              id.data4[4],
                              id.data4[5],
                              id.data4[6],
                              id.data4[7]};
    const qsizetype at = m_out.size();
    m_out.resize(at + 38);
    char *p = m_out.data() + at;
    *p++ = '"';
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *p++ = '-';
        *p++ = hex[bytes[i] >> 4];
        *p++ = hex[bytes[i] & 0xf];
    }
    *p = '"';
}

void CanonicalWriter::null()
{
    separator();
    m_out.append("null", 4);
    m_first = false;
}

} // namespace baton
