#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace baton {

// How an employee's status looks wherever it is shown (list, archive, history):
// departed grey, departing amber, on leave blue, active in the normal text
// colour; always with the translated title, so colour is never the only cue.
class EmployeeStatusStyle
{
public:
    // Invalid colour for "active": use the palette's text colour.
    static QColor color(const QString &status);
    // A small round mark in the status colour (none for active).
    static QIcon icon(const QString &status);
    static QString title(const QString &status);
    // Style sheet for a label showing a status, matching color().
    static QString labelStyleSheet(const QString &status);
};

} // namespace baton
