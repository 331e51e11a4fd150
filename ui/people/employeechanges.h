#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace baton {

// Which archive fields an edit changes, and how an edit in progress meets a
// change made elsewhere meanwhile. Records here hold the archive fields only,
// as core stores them (null for an empty optional field).
class EmployeeChanges
{
    Q_DECLARE_TR_FUNCTIONS(EmployeeChanges)
public:
    // The archive fields the form shows, in form order.
    static const QStringList &fields();

    // Fields of after that differ from before: what one Update op carries.
    // For a new record (before empty) every non-null field of after.
    static QJsonObject diff(const QJsonObject &before, const QJsonObject &after);

    // Fields the user changed (mine vs base) that someone else also changed
    // to something else meanwhile (theirs vs base).
    static QStringList conflicts(const QJsonObject &base, const QJsonObject &mine,
                                 const QJsonObject &theirs);

    // The user's edits laid over the other side's record: fields the user did
    // not touch take theirs.
    static QJsonObject merge(const QJsonObject &base, const QJsonObject &mine,
                             const QJsonObject &theirs);

    // The archive fields of a stored record, nothing else.
    static QJsonObject archiveOf(const QJsonObject &record);

    // The field's name for people ("department_id" -> "Department").
    static QString title(const QString &field);

    static bool same(const QJsonValue &a, const QJsonValue &b);
};

} // namespace baton
