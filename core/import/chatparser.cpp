#include "chatparser.h"

#include "textdecoding.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace baton::chat {

namespace {

// Messages for people, in the context "ChatParser" (QCoreApplication::translate).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ChatParser)
};

// ---- Times ---------------------------------------------------------------

// "yyyy-MM-dd HH:mm[:ss]", "yyyy/MM/dd HH:mm[:ss]", "yyyy年M月d日 HH:mm[:ss]",
// ISO 8601 ("2024-03-01T14:05:00.123+08:00"), or 10/13 digits of Unix time.
// A time without a zone is read in `zone`.
std::optional<qint64> parseTime(QStringView raw, const QTimeZone &zone)
{
    const QString s = raw.trimmed().toString();
    if (s.isEmpty())
        return std::nullopt;
    static const QRegularExpression epoch(QStringLiteral("^[0-9]{10}(?:[0-9]{3})?$"));
    if (epoch.match(s).hasMatch()) {
        const qint64 value = s.toLongLong();
        if (value <= 0)
            return std::nullopt;
        return s.size() == 10 ? value * 1000 : value;
    }
    static const QRegularExpression dateTime(
        QStringLiteral("^([0-9]{4})\\s*[-/.年]\\s*([0-9]{1,2})\\s*[-/.月]\\s*([0-9]{1,2})"
                       "(?:\\s*日\\s*|\\s*T\\s*|\\s+)([0-9]{1,2}):([0-9]{2})"
                       "(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?"
                       "\\s*(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = dateTime.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const int msec =
        m.captured(7).isEmpty() ? 0 : m.captured(7).left(3).leftJustified(3, u'0').toInt();
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), msec);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    QTimeZone in = zone;
    if (const QString offset = m.captured(8).toUpper(); !offset.isEmpty()) {
        const QString hhmm = offset == u"Z" ? QStringLiteral("0000") : offset.mid(1).remove(u':');
        const int hours = hhmm.left(2).toInt(), minutes = hhmm.mid(2).toInt();
        if (hours > 14 || minutes >= 60 || hours * 60 + minutes > 14 * 60)
            return std::nullopt;
        in = QTimeZone((offset.startsWith(u'-') ? -60 : 60) * (hours * 60 + minutes));
    }
    const QDateTime dt(date, time, in);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

// ---- Messages ------------------------------------------------------------

QString cleanText(QString text)
{
    return text.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(u'\r', u'\n').trimmed();
}

// The hashed form, version 1, in UTF-8 (\n a line feed):
//   baton-chat-1\n<seconds>\n<n>:<sender>\n<n>:<conversation>\n<n>:<text>
// <seconds> is timeMs / 1000 in decimal, since exports differ in keeping
// milliseconds; each string is NFC, after the trimming and line-end cleaning
// of the parser, and <n> is its length in UTF-8 bytes, so no two messages
// share a form. Changing it changes every hash: make a version 2.
QString contentHash(const Message &m)
{
    QByteArray form("baton-chat-1\n");
    form += QByteArray::number(m.timeMs / 1000);
    for (const QString *field : {&m.sender, &m.conversation, &m.text}) {
        const QByteArray utf8 = field->normalized(QString::NormalizationForm_C).toUtf8();
        form += '\n' + QByteArray::number(utf8.size()) + ':' + utf8;
    }
    return QString::fromLatin1(QCryptographicHash::hash(form, QCryptographicHash::Sha256).toHex());
}

bool isTextType(const QString &type)
{
    static const QStringList textTypes = {QStringLiteral("text"), QStringLiteral("markdown"),
                                          QStringLiteral("文本"), QStringLiteral("文字")};
    return type.isEmpty() || textTypes.contains(type.trimmed(), Qt::CaseInsensitive);
}

// The checks every row and entry pass, in the order a person would fix them.
// Adds the message or a Problem.
void addMessage(Export &out, int line, const std::optional<qint64> &timeMs, const QString &rawTime,
                const QString &sender, const QString &conversation, const QString &text,
                const QString &type)
{
    Message m;
    m.line = line;
    m.sender = sender.trimmed();
    m.conversation = conversation.trimmed();
    m.text = cleanText(text);
    QString problem;
    if (m.text.isEmpty() && !isTextType(type))
        problem = Tr::tr("Skipped: not text (a message of type “%1”).").arg(type.trimmed());
    else if (rawTime.trimmed().isEmpty())
        problem = Tr::tr("The message has no time.");
    else if (!timeMs)
        problem = Tr::tr("The time “%1” could not be read. Use a form such as 2024-03-01 14:05:00, "
                         "an ISO 8601 time or Unix seconds.")
                      .arg(rawTime.trimmed().left(60));
    else if (m.sender.isEmpty())
        problem = Tr::tr("The message has no sender.");
    else if (m.text.isEmpty())
        problem = Tr::tr("The message has no text.");
    if (!problem.isEmpty()) {
        out.problems.append({line, problem});
        return;
    }
    m.timeMs = *timeMs;
    m.contentHash = contentHash(m);
    out.messages.append(m);
}

// ---- CSV -----------------------------------------------------------------

struct Record
{
    QStringList fields;
    int line = 0;
    bool unterminated = false;
};

// Of comma, tab and semicolon, the one most frequent outside quotes in the
// first line that has any (the header, or a title row above it).
QChar detectSeparator(QStringView text)
{
    const QChar candidates[] = {u',', u'\t', u';'};
    int counts[3] = {};
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && (c == u'\n' || c == u'\r') && counts[0] + counts[1] + counts[2] > 0)
            break;
        for (int k = 0; k < 3; ++k)
            counts[k] += !quoted && c == candidates[k];
    }
    return candidates[std::max_element(counts, counts + 3) - counts];
}

// RFC 4180, leniently: quoted fields hold separators, doubled quotes and
// newlines; a quote inside an unquoted field is kept as it is; CRLF, LF and
// CR end records. Each record knows the line it starts on.
QList<Record> readCsv(QStringView text, QChar sep)
{
    QList<Record> records;
    Record rec;
    QString field;
    int line = 1;
    bool quoted = false, fieldStarted = false;
    rec.line = 1;
    const auto endField = [&] {
        rec.fields.append(field);
        field.clear();
        fieldStarted = false;
    };
    const auto endRecord = [&] {
        endField();
        records.append(rec);
        rec = Record();
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        const bool newline = c == u'\n' || (c == u'\r' && (i + 1 >= n || text[i + 1] != u'\n'));
        if (quoted) {
            if (c != u'"')
                field += c;
            else if (i + 1 < n && text[i + 1] == u'"')
                field += text[++i]; // a doubled quote
            else
                quoted = false;
        } else if (c == u'"' && !fieldStarted) {
            quoted = fieldStarted = true;
        } else if (c == sep) {
            endField();
        } else if (newline) {
            endRecord();
            rec.line = line + 1;
        } else if (c != u'\r') {
            field += c;
            fieldStarted = true;
        }
        if (newline)
            ++line;
    }
    if (quoted)
        rec.unterminated = true;
    if (quoted || fieldStarted || !field.isEmpty() || !rec.fields.isEmpty())
        endRecord();
    return records;
}

bool isBlank(const Record &r)
{
    return std::all_of(r.fields.cbegin(), r.fields.cend(),
                       [](const QString &f) { return f.trimmed().isEmpty(); });
}

enum Role { Time, Sender, Conversation, Content, Type, Date, RoleCount };

// Header names per role, case-insensitive; the earlier one wins.
const QList<QStringList> &synonyms()
{
    static const QList<QStringList> s = [] {
        QList<QStringList> roles;
        for (const char16_t *names : {
                 u"time|timestamp|date|sent|send time|时间|发送时间|消息时间|日期",
                 u"sender|from|name|user|发送人|发送者|发言人|姓名|昵称",
                 u"conversation|chat|group|room|会话|群聊|群名称|聊天名称|会话名称",
                 u"content|message|text|body|内容|消息内容|消息",
                 u"msgtype|type|message type|消息类型|类型",
                 u"date|日期", // a date column apart from the time column
             })
            roles.append(QString::fromUtf16(names).split(u'|'));
        return roles;
    }();
    return s;
}

// Column index per role, -1 when absent.
QList<int> mapColumns(const QStringList &header)
{
    QStringList folded;
    for (const QString &h : header)
        folded.append(QString(h).remove(QChar(0xFEFF)).trimmed().toCaseFolded());
    QList<int> columns(RoleCount, -1);
    for (int role = 0; role < RoleCount; ++role) {
        for (const QString &name : synonyms().at(role)) {
            const int at = int(folded.indexOf(name.toCaseFolded()));
            if (at >= 0 && (role != Date || at != columns[Time])) {
                columns[role] = at;
                break;
            }
        }
    }
    return columns;
}

QString columnError(const QStringList &header, const QList<int> &c)
{
    QStringList missing;
    if (c[Time] < 0)
        missing << Tr::tr("time (时间, 发送时间, date, timestamp)");
    if (c[Sender] < 0)
        missing << Tr::tr("sender (发送人, 发送者, 姓名, from, name)");
    if (c[Content] < 0)
        missing << Tr::tr("content (内容, 消息内容, message, text)");
    QStringList found;
    for (const QString &h : header)
        found << QLatin1Char('"') + h.trimmed().left(40) + QLatin1Char('"');
    return Tr::tr("The file has no column for %1. Its header row has: %2.")
        .arg(missing.join(QLatin1String("; ")), found.join(QLatin1String(", ")));
}

QString field(const Record &r, int column)
{
    return column >= 0 ? r.fields.value(column) : QString();
}

// ---- JSON ----------------------------------------------------------------

QJsonValue firstOf(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isNull())
            return v;
    }
    return QJsonValue::Undefined;
}

QString scalarText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble() && std::isfinite(v.toDouble()))
        return QString::number(v.toDouble(), 'g', 17);
    return {};
}

QString contentText(const QJsonObject &o)
{
    for (const char *key : {"content", "text", "message"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        QString text = v.isString() ? v.toString() : QString();
        if (v.isObject())
            text = scalarText(firstOf(v.toObject(), {"text", "content"}));
        if (!text.trimmed().isEmpty())
            return text;
    }
    return {};
}

std::optional<qint64> jsonTime(const QJsonValue &v, const QTimeZone &zone, QString *raw)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        *raw = QString::number(d, 'g', 17);
        // Seconds until the year 5138, milliseconds beyond that.
        if (!std::isfinite(d) || d <= 0 || d >= 1e15)
            return std::nullopt;
        return d < 1e11 ? qint64(d * 1000) : qint64(d);
    }
    // What to show of a value that is no time at all.
    *raw = v.isString()   ? v.toString()
           : v.isBool()   ? QLatin1String(v.toBool() ? "true" : "false")
           : v.isArray()  ? QStringLiteral("[…]")
           : v.isObject() ? QStringLiteral("{…}")
                          : QString();
    return v.isString() ? parseTime(*raw, zone) : std::nullopt;
}

std::optional<Export> failed(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

std::optional<QString> decoded(const QByteArray &bytes, Export &out, QString *error)
{
    std::optional<QString> text = decodeText(bytes, &out.encoding);
    if (!text)
        failed(error, Tr::tr("The file could not be read as text: it is "
                             "neither UTF-8, UTF-16 nor GB18030 (GBK)."));
    return text;
}

} // namespace

std::optional<Export> parseCsv(const QByteArray &bytes, const QTimeZone &zone, QString *error)
{
    Export out;
    const std::optional<QString> text = decoded(bytes, out, error);
    if (!text)
        return std::nullopt;
    const QList<Record> records = readCsv(*text, detectSeparator(*text));

    // The header is the first row naming the columns; title rows above it
    // (some exports have them) are passed over.
    qsizetype header = -1, firstFilled = -1;
    QList<int> columns;
    for (qsizetype i = 0; i < records.size() && i < 10; ++i) {
        if (isBlank(records[i]))
            continue;
        if (firstFilled < 0)
            firstFilled = i;
        columns = mapColumns(records[i].fields);
        if (columns[Time] >= 0 && columns[Sender] >= 0 && columns[Content] >= 0) {
            header = i;
            break;
        }
    }
    if (firstFilled < 0)
        return failed(
            error,
            Tr::tr("The file is empty: a chat export needs a header row naming its columns."));
    if (header < 0) {
        const QStringList &names = records[firstFilled].fields;
        return failed(error, columnError(names, mapColumns(names)));
    }

    for (qsizetype i = header + 1; i < records.size(); ++i) {
        const Record &r = records[i];
        if (r.unterminated) {
            out.problems.append(
                {r.line, Tr::tr("A quoted field opened on this line is never closed; "
                                "the rest of the file was not read.")});
            break;
        }
        if (isBlank(r))
            continue;
        const QString rawTime = field(r, columns[Time]);
        std::optional<qint64> timeMs = parseTime(rawTime, zone);
        if (!timeMs && columns[Date] >= 0)
            timeMs = parseTime(
                QString(field(r, columns[Date]).trimmed() + u' ' + rawTime.trimmed()), zone);
        addMessage(out, r.line, timeMs, rawTime, field(r, columns[Sender]),
                   field(r, columns[Conversation]), field(r, columns[Content]),
                   field(r, columns[Type]));
    }
    return out;
}

std::optional<Export> parseJson(const QByteArray &bytes, const QTimeZone &zone, QString *error)
{
    Export out;
    const std::optional<QString> text = decoded(bytes, out, error);
    if (!text)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text->toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failed(error, Tr::tr("The file is not valid JSON: %1 at character %2.")
                                 .arg(parseError.errorString())
                                 .arg(parseError.offset));
    QJsonArray list;
    bool found = doc.isArray();
    if (found) {
        list = doc.array();
    } else {
        QJsonObject root = doc.object();
        for (int depth = 0; depth < 2 && !found; ++depth) {
            const QJsonValue v = firstOf(root, {"messages", "msgs", "data", "records"});
            found = v.isArray();
            list = v.toArray();
            root = v.toObject(); // {"data": {"messages": [...]}}
        }
    }
    if (!found)
        return failed(error,
                      Tr::tr("The JSON holds no list of messages: expected an array, or an object "
                             "with an array under “messages”, “msgs”, “data” or “records”."));

    for (qsizetype i = 0; i < list.size(); ++i) {
        const int line = int(qMin<qsizetype>(i + 1, std::numeric_limits<int>::max()));
        if (!list.at(i).isObject()) {
            out.problems.append({line, Tr::tr("The entry is not a message object.")});
            continue;
        }
        const QJsonObject o = list.at(i).toObject();
        QString rawTime;
        const std::optional<qint64> timeMs =
            jsonTime(firstOf(o, {"msgtime", "sendTime", "send_time", "time", "timestamp", "date"}),
                     zone, &rawTime);
        const QString sender = scalarText(
            firstOf(o, {"from", "sender", "senderNick", "sender_name", "nickname", "name"}));
        const QString conversation = scalarText(
            firstOf(o, {"roomid", "conversationTitle", "conversation", "chat", "group"}));
        const QString type = scalarText(firstOf(o, {"msgtype", "msgType", "type"}));
        addMessage(out, line, timeMs, rawTime, sender, conversation, contentText(o), type);
    }
    return out;
}

std::optional<Export> parseFile(const QByteArray &bytes, const QString &fileName,
                                const QTimeZone &zone, QString *error)
{
    const QString name = fileName.toLower();
    if (name.endsWith(QLatin1String(".json")))
        return parseJson(bytes, zone, error);
    if (name.endsWith(QLatin1String(".csv")) || name.endsWith(QLatin1String(".tsv")))
        return parseCsv(bytes, zone, error);
    // Otherwise by the content: JSON starts with [ or {.
    const std::optional<QString> text = decodeText(bytes);
    const QString start = text ? text->left(64).trimmed() : QString();
    if (start.startsWith(u'[') || start.startsWith(u'{'))
        return parseJson(bytes, zone, error);
    return parseCsv(bytes, zone, error);
}

} // namespace baton::chat
