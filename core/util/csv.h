#pragma once

#include <QString>
#include <QStringList>

namespace baton::csv {

// One CSV field (RFC 4180 quoting). A field a spreadsheet would run as a
// formula (starting with = + - @, a tab or a carriage return) is prefixed
// with an apostrophe: exported data must not execute on the reader's machine.
QString field(const QString &text);

// Fields joined with commas, ending in CRLF.
QString line(const QStringList &fields);

} // namespace baton::csv
