#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QString>

namespace baton {

// Where a server's PostgreSQL database is, from a URL of the form
//
//   postgresql://user[:password]@host[:port]/dbname[?sslmode=MODE]
//
// (postgres:// too). User and password may be percent-encoded; the port
// defaults to 5432; an IPv6 host is written in brackets. The password is kept
// for connecting only: displayName() and every error leave it out.
struct PostgresAddress
{
    Q_DECLARE_TR_FUNCTIONS(PostgresAddress)
public:
    QString user;
    QString password;
    QString host;
    int port = 5432;
    QString database;
    QString sslMode; // empty: the driver's default

    // True when text names a PostgreSQL database rather than a SQLite file.
    static bool looksLikeUrl(const QString &text);

    // Errors: store.address (with a message naming the part that is wrong,
    // never the password).
    static Result<PostgresAddress> parse(const QString &url);

    // postgresql://user@host:port/dbname: safe for logs and messages.
    QString displayName() const;
};

} // namespace baton
