#pragma once

#include <QByteArray>
#include <QString>
#include <QUuid>

namespace baton {

class Sha256;

// One entry of the audit trail. Entries are chained:
//   hash = SHA-256(prev_hash || canonical(entry without the two hashes))
// so changing, inserting or removing an entry breaks every hash after it.
struct AuditEntry
{
    qint64 seq = 0;    // position in the chain, from 1
    qint64 timeMs = 0; // UTC
    QUuid userId;      // null for failed logins of unknown accounts
    QString userName;  // login at the time, kept for readability
    QString device;
    QString ip;      // the device's addresses, or the client's on a server
    QString action;  // "employee.update", "login", "login.failed", "export", ...
    QString outcome; // "ok", "denied", "rejected"
    QString entity;
    QUuid recordId;
    QString summary; // what changed, for people; never holds secrets
    QUuid opId;
    QByteArray prevHash; // 32 bytes
    QByteArray hash;     // 32 bytes

    // Canonical JSON (RFC 8785 subset, see canonicaljson.h) of every field but
    // the two hashes.
    QByteArray canonical() const;
    QByteArray computeHash() const;               // over prevHash and canonical()
    QByteArray computeHash(Sha256 &hasher) const; // same, reusing a hasher
};

inline QByteArray genesisHash()
{
    return QByteArray(32, '\0');
}

} // namespace baton
