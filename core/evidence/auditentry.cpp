#include "auditentry.h"

#include "oplog/canonicaljson.h"
#include "sha256.h"

namespace baton {

QByteArray AuditEntry::canonical() const
{
    // Keys in RFC 8785 order (plain ASCII, so byte order). The unit tests
    // check this against canonicalJson() of the same object.
    QByteArray out;
    out.reserve(256 + summary.size() * 3);
    CanonicalWriter w(out);
    w.beginObject();
    w.key(QLatin1StringView("action"));
    w.string(action);
    w.key(QLatin1StringView("device"));
    w.string(device);
    w.key(QLatin1StringView("entity"));
    w.string(entity);
    w.key(QLatin1StringView("ip"));
    w.string(ip);
    w.key(QLatin1StringView("op"));
    w.uuid(opId);
    w.key(QLatin1StringView("outcome"));
    w.string(outcome);
    w.key(QLatin1StringView("record"));
    w.uuid(recordId);
    w.key(QLatin1StringView("seq"));
    w.integer(seq);
    w.key(QLatin1StringView("summary"));
    w.string(summary);
    w.key(QLatin1StringView("time"));
    w.integer(timeMs);
    w.key(QLatin1StringView("user"));
    w.uuid(userId);
    w.key(QLatin1StringView("userName"));
    w.string(userName);
    w.endObject();
    return out;
}

QByteArray AuditEntry::computeHash() const
{
    Sha256 h;
    return computeHash(h);
}

QByteArray AuditEntry::computeHash(Sha256 &hasher) const
{
    hasher.reset();
    hasher.update(prevHash);
    hasher.update(canonical());
    return hasher.final();
}

} // namespace baton
