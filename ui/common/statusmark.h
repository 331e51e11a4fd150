#pragma once

#include <QColor>
#include <QIcon>

namespace baton {

// The round mark in front of a status (overdue red, waiting amber, done
// green: DESIGN.md section 6), the same in every list. An invalid colour
// gives no mark. Drawn at 2x, so it stays crisp on high-density screens.
QIcon statusMark(const QColor &color);

} // namespace baton
