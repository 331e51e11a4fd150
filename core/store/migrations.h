#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QStringList>

namespace baton {

class Database;

struct Migration
{
    int version;            // the schema version this step produces
    const char *summary;    // one line, for logs and docs
    QStringList statements; // portable DDL/DML (see Database::ddl)
};

// Numbered schema steps keyed on the schema version (PRAGMA user_version on
// SQLite). Each step runs in its own transaction together with the version
// bump, so a crash leaves the file at a whole version.
class Migrations
{
    Q_DECLARE_TR_FUNCTIONS(Migrations)
public:
    static const QList<Migration> &all();
    static int latest();

    // Brings db to `target` (default: latest). Refuses a database written by a
    // newer Baton (store.newer_version) without touching it.
    static Status migrate(Database &db, int target = -1);

    // store.newer_version, for a file at schema `found` > latest().
    static Error newerVersionError(int found);
};

} // namespace baton
