#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace baton::chat {

// One chat message from an export of a WeCom- or DingTalk-style chat.
struct Message
{
    qint64 timeMs = 0;    // UTC ms
    QString sender;       // display name or account as exported
    QString conversation; // chat or group name; empty when the export has none
    QString text;
    int line = 0; // 1-based line (CSV) or array index + 1 (JSON), for messages
    // SHA-256 (hex) of time, sender, conversation and text in a fixed form,
    // so that the same message in two overlapping exports is one trail item.
    QString contentHash;
};

struct Problem
{
    int line = 0;
    QString message; // for the user (tr)
};

struct Export
{
    QList<Message> messages;
    QList<Problem> problems; // rows that were skipped, each with why
    QString encoding;        // what the bytes were read as: "UTF-8", "GB18030", ...
};

// Parses a chat export. The column mapping (docs/IMPORT.md) accepts English
// and Chinese headers. Times without a zone are read in `zone`. nullopt with
// *error when the file as a whole is unusable (no time/sender/content
// columns, not JSON, undecodable); single bad rows become Problems.
std::optional<Export> parseCsv(const QByteArray &bytes, const QTimeZone &zone, QString *error);
std::optional<Export> parseJson(const QByteArray &bytes, const QTimeZone &zone, QString *error);
// Picks CSV or JSON by the file name's suffix, else by the content.
std::optional<Export> parseFile(const QByteArray &bytes, const QString &fileName,
                                const QTimeZone &zone, QString *error);

} // namespace baton::chat
