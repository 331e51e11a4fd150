#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace baton {

// How the audit trail's machine words read to people: action and outcome
// labels, the action groups of the filter, and the status colours.
class AuditActions
{
    Q_DECLARE_TR_FUNCTIONS(AuditActions)
public:
    struct Group
    {
        QString key;         // stable, for settings and tests: "signins"
        QString label;       // translated
        QStringList actions; // exact actions, or prefixes ending in '.'
    };

    // A readable label for a known action; the raw text otherwise.
    static QString actionLabel(const QString &action);
    static QString outcomeLabel(const QString &outcome);
    // Translated name of an entity ("employee" -> "Employee"); raw otherwise.
    static QString entityLabel(const QString &entity);
    // The first group is "All actions" with no actions.
    static QList<Group> groups();
    // Status colour of an outcome: red for refusals, invalid for "ok" (the
    // palette's text colour).
    static QColor outcomeColor(const QString &outcome);
    static QColor okColor();
    static QColor errorColor();
};

} // namespace baton
