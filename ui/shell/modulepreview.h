#pragma once

#include "modules.h"

#include <QList>

namespace baton {

// What a module that is not built yet will hold, described in the shape its
// real page will take: the list's columns, the empty state, and what it will
// show. Texts are untranslated source strings (context "ModulePreview"); the
// page translates them when it shows them, so a language switch applies.
struct ModulePreview
{
    struct Point
    {
        const char *heading;
        const char *text;
    };

    const char *summary = nullptr;    // one sentence under the title
    QList<const char *> columns;      // of the module's list
    const char *emptyTitle = nullptr; // the empty state's headline
    const char *emptyText = nullptr;  // how the first record arrives
    QList<Point> points;              // what the module will show

    static const char *context() { return "ModulePreview"; }
    static QString translate(const char *source);
    // The description of module; empty (no columns) for modules with pages.
    static ModulePreview forModule(Module module);
};

} // namespace baton
