#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace baton::mail {

struct Attachment
{
    QString fileName;   // decoded (RFC 2231 / RFC 2047), never empty: "attachment-N" if unnamed
    QString mimeType;   // "application/pdf"
    QByteArray content; // transfer-decoded bytes
};

// One email as the work trail keeps it. Text is Unicode whatever the
// message's charsets were.
struct Message
{
    QString messageId; // without angle brackets; empty when the header is missing
    QString subject;   // RFC 2047 decoded
    QString from;      // "Name <address>" as decoded
    QStringList to;
    QStringList cc;
    qint64 dateMs = 0; // UTC ms from the Date header; 0 when missing or unreadable
    QString bodyText;  // text/plain part, or text/html converted to text
    QList<Attachment> attachments;
    // SHA-256 (hex) over the message's content (id, date, from, to, subject,
    // body, attachment hashes) in a fixed form: the same message imported
    // twice, from an .eml or from an mbox, has the same hash.
    QString contentHash;
};

// A message the reader could not use, and why; the rest goes on.
struct Problem
{
    int index = 0;     // 1-based position of the message in its file
    qint64 offset = 0; // byte offset where it starts
    QString message;   // for the user, in their language (tr)
};

// Parses one message (an .eml file). A clear error when it is not an email.
std::optional<Message> parseMessage(const QByteArray &raw, QString *error);

// Reads an mbox file message by message without holding the file in memory.
class MboxReader
{
public:
    MboxReader();
    ~MboxReader();
    MboxReader(const MboxReader &) = delete;
    MboxReader &operator=(const MboxReader &) = delete;

    // false with *error when the file cannot be read or is not an mbox.
    bool open(const QString &path, QString *error);
    // The next message, or a Problem for one that could not be read (reading
    // goes on after it); nullopt at the end of the file.
    struct Item
    {
        std::optional<Message> message;
        std::optional<Problem> problem;
    };
    std::optional<Item> next();
    qint64 bytesRead() const; // for progress
    qint64 totalBytes() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace baton::mail
