#pragma once

#include <QString>

namespace baton::mail {

// HTML to plain text, for an email without a text part: tags go, blocks
// become lines, entities are decoded, script/style/head are dropped,
// whitespace collapses outside <pre>.
QString htmlToText(const QString &html);

} // namespace baton::mail
