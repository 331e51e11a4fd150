#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace baton {

// Bytes from outside as text: a BOM decides; else strict UTF-8; else
// GB18030 (a superset of GBK and GB2312, what Chinese Windows writes).
// *encoding names what was used. nullopt when none of them reads the bytes.
std::optional<QString> decodeText(const QByteArray &bytes, QString *encoding = nullptr);

// Bytes in a named charset ("GBK", "Big5", "ISO-8859-1"...) through ICU.
std::optional<QString> decodeCharset(const QByteArray &bytes, const QByteArray &charset);

} // namespace baton
