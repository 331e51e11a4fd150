#pragma once

#include <QString>
#include <QUuid>

namespace baton {

// UUID version 7 (RFC 9562): 48-bit Unix milliseconds, then randomness. Ids
// made on different devices offline never collide, and ids made in one
// process are strictly increasing (the 12-bit rand_a field counts within a
// millisecond, as RFC 9562 section 6.2 method 1 allows), which keeps B-tree
// inserts at the right edge of the index.
QUuid createUuidV7();

// Same, with an explicit clock reading (tests, demo data with fixed dates).
QUuid createUuidV7(qint64 unixMs);

// True for a version 7 UUID of the RFC 9562 variant. (QUuid::version() before
// Qt 6.9 does not know version 7 and answers VerUnknown, so it cannot be used.)
bool isUuidV7(const QUuid &id);

// Milliseconds since the epoch encoded in a version 7 UUID, or -1.
qint64 uuidV7Time(const QUuid &id);

// Lower-case 36-character form without braces: how ids are stored and sent.
// (Formatted by hand: ids are written several times per applied op, and
// QUuid::toString goes through a Latin-1 round trip.)
QString idString(const QUuid &id);

// Parses the stored form; returns a null QUuid if text is not a UUID.
QUuid parseId(QStringView text);

} // namespace baton
