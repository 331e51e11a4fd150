#pragma once

#include <QString>
#include <QStringView>

namespace baton::search {

// Full-text search over Chinese and Western text with SQLite FTS5.
//
// FTS5's own tokenizers find no Chinese word inside a sentence (unicode61)
// or none shorter than three characters (trigram), and most Chinese words,
// such as 合同, have two. So Baton segments text itself, for the index and
// for queries alike, and hands FTS5 space-separated tokens that its
// unicode61 tokenizer keeps whole. The index has two columns:
//  - words: Latin, digits and other scripts as case-folded words; Chinese
//    and Japanese runs cut at ICU's dictionary word boundaries;
//  - grams: the same Western words, and every two-character piece of each
//    Chinese run in order (one-character runs as they are).
// A query is first matched on words (precise: 合同 does not match 结合同时);
// when that finds nothing, on grams, where each Chinese term is the phrase
// of its bigrams and matches any text containing it (合同书 inside
// 劳动合同书, whatever ICU made of either).

struct IndexText
{
    QString words; // tokens separated by single spaces
    QString grams;
};

IndexText segmentForIndex(QStringView text);

// FTS5 MATCH expressions for what a user typed, with the column filter in
// them ("words : ..." / "grams : ..."): every term must occur (AND), each
// token double-quoted so no input is read as FTS5 syntax. Empty when nothing
// searchable was typed.
QString wordsExpression(QStringView userQuery);
QString gramsExpression(QStringView userQuery);

} // namespace baton::search
