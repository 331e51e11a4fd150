#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QStringView>
#include <QUuid>

namespace baton {

// Canonical JSON: the one byte form every hash and signature in Baton is made
// over. It is RFC 8785 (JCS) restricted to what Baton stores, so any JCS
// implementation reproduces it:
//   - UTF-8, no insignificant white space;
//   - object keys sorted by UTF-16 code units (RFC 8785 section 3.2.3);
//   - numbers are integers only, within +-(2^53 - 1) (money in minor units,
//     times in ms); a fractional or larger number is an error;
//   - strings normalised to NFC first, then escaped minimally (", \, and
//     control characters; \b \f \n \r \t or \u00xx);
//   - a string with an unpaired surrogate is an error.
Result<QByteArray> canonicalJson(const QJsonValue &value);

constexpr qint64 MaxSafeInteger = (qint64(1) << 53) - 1;

// Low-level writer for hot paths that emit a fixed shape (audit entries).
// The caller is responsible for emitting keys in canonical order; tests check
// the output against canonicalJson().
class CanonicalWriter
{
public:
    explicit CanonicalWriter(QByteArray &out)
        : m_out(out)
    { }
    void beginObject() { m_out.append('{'), m_first = true; }
    void endObject() { m_out.append('}'), m_first = false; }
    // Key must already be NFC and ASCII-sorted by the caller.
    void key(QLatin1StringView name);
    void string(QStringView text); // normalises to NFC
    void integer(qint64 v);
    void uuid(const QUuid &id); // lower-case 36 characters, "" for the null id
    void null();

private:
    void separator();
    QByteArray &m_out;
    bool m_first = true;
};

// Appends text as a canonical JSON string (NFC, minimal escapes). Returns
// false on an unpaired surrogate.
bool appendCanonicalString(QByteArray &out, QStringView text);

// Appends text as a JSON string as it is (no normalisation), with the same
// minimal escapes; an unpaired surrogate as \uXXXX. For messages that are
// not hashed.
void appendJsonString(QByteArray &out, QByteArrayView utf8);
void appendJsonString(QByteArray &out, QStringView text);

} // namespace baton
