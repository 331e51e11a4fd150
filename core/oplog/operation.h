#pragma once

#include "hlc.h"
#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QUuid>

namespace baton {

enum class OpKind {
    Create, // a new record; fields hold its initial values
    Update, // mutable fields changed
    Append, // an append-only record (comment, report, trail item)
    Retire, // the record leaves active use; HR records are never deleted
};

QString opKindName(OpKind kind);
std::optional<OpKind> parseOpKind(QStringView name);

// One change to one record: the only thing that writes to a Baton store.
struct Operation
{
    QUuid id;       // UUIDv7, made where the change was made
    QString entity; // "employee", "department", ...
    QUuid entityId; // the record's UUIDv7
    OpKind kind = OpKind::Update;
    QJsonObject fields; // only what changed
    Hlc hlc;
    QUuid author;   // user id; the null id is the bootstrap author
    QString device; // device id of the author's installation
    // Compare-and-set for guarded fields (FieldDef::guarded): per field, the
    // HLC text of the version its editor saw. An update of a guarded field
    // stands only if that is still the field's version where it is applied;
    // otherwise it is refused, never merged. Empty for most ops (and then
    // absent from the JSON, so older ops keep their bytes).
    QJsonObject base;

    QJsonObject toJson() const;
    // Canonical bytes: what hashes and signatures are made over.
    QByteArray canonical() const;

    // Strict parser for operations from outside (sync payloads, files):
    // unknown keys, wrong types and malformed ids are errors.
    static Result<Operation> fromJson(const QJsonObject &json);
};

// Who applies and from where: local ops are queued for push; remote ones came
// from the server (or, on the server, from a client).
enum class Origin { Local, Remote };

} // namespace baton
