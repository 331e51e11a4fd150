// Email on GMime 3: GMime reads the headers (RFC 2047/2231), the charsets,
// the MIME tree, the transfer encodings and the mbox separators; this file
// picks what the work trail keeps, turns HTML into text and says what is wrong.
#include "mailparser.h"

#include "htmltext.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStringDecoder>

#include <gmime/gmime.h>

#include <fcntl.h>

#include <algorithm>
#include <deque>
#include <mutex>

namespace baton::mail {
namespace {

void ensureGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

struct GObjectUnref
{
    void operator()(gpointer object) const { g_object_unref(object); }
};
template<typename T>
using GRef = std::unique_ptr<T, GObjectUnref>;

using GChars = std::unique_ptr<char, decltype(&g_free)>;

// GLib's cast macros are C casts (-Wold-style-cast): check the type by hand.
template<typename T>
T *as(gpointer object, GType type)
{
    return object && g_type_check_instance_is_a(static_cast<GTypeInstance *>(object), type)
               ? static_cast<T *>(object)
               : nullptr;
}

// What GMime's parser reported while reading one message: a bit per GMimeParserWarning.
using Warnings = quint32;

void onWarning(gint64, GMimeParserWarning code, const gchar *, gpointer data)
{
    *static_cast<Warnings *>(data) |= 1u << (code & 31);
}

bool warned(Warnings warnings, GMimeParserWarning code)
{
    return warnings & (1u << (code & 31));
}

using Options = std::unique_ptr<GMimeParserOptions, decltype(&g_mime_parser_options_free)>;

Options makeOptions(Warnings *warnings)
{
    Options options(g_mime_parser_options_new(), g_mime_parser_options_free);
    // Unlabelled 8-bit text: UTF-8 if it is, else GB18030 (Chinese Windows
    // mailers), else Windows Latin; GMime takes the first that reads cleanly.
    static const char *charsets[] = {"UTF-8", "GB18030", "windows-1252", nullptr};
    g_mime_parser_options_set_fallback_charsets(options.get(), charsets);
    g_mime_parser_options_set_warning_callback(options.get(), onWarning, warnings);
    return options;
}

QByteArray streamBytes(GMimeStream *mem)
{
    const GByteArray *a = g_mime_stream_mem_get_byte_array(reinterpret_cast<GMimeStreamMem *>(mem));
    return QByteArray(reinterpret_cast<const char *>(a->data), qsizetype(a->len));
}

// mboxrd: the writer put a '>' before each line matching ^>*From ; take one off.
QByteArray unescapeFromLines(const QByteArray &bytes)
{
    if (!bytes.contains(">From "))
        return bytes;
    QByteArray out;
    out.reserve(bytes.size());
    for (qsizetype start = 0, end = 0; start < bytes.size(); start = end) {
        end = bytes.indexOf('\n', start);
        end = end < 0 ? bytes.size() : end + 1;
        qsizetype i = start;
        while (i < end && bytes[i] == '>')
            ++i;
        const int skip = i > start && QByteArrayView(bytes).sliced(i).startsWith("From ") ? 1 : 0;
        out.append(bytes.constData() + start + skip, end - start - skip);
    }
    return out;
}

// The transfer-decoded content of a leaf part.
QByteArray partBytes(GMimePart *part, bool fromMbox)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    GRef<GMimeStream> mem(g_mime_stream_mem_new());
    if (!content || g_mime_data_wrapper_write_to_stream(content, mem.get()) < 0)
        return {};
    const GMimeContentEncoding encoding = g_mime_part_get_content_encoding(part);
    // Only lines of text carry the mbox escape: base64 and uuencode have no "From ".
    if (fromMbox && encoding != GMIME_CONTENT_ENCODING_BASE64
        && encoding != GMIME_CONTENT_ENCODING_UUENCODE)
        return unescapeFromLines(streamBytes(mem.get()));
    return streamBytes(mem.get());
}

// Text in its charset as Unicode, through GMime's iconv filter.
QString decodeText(const QByteArray &bytes, const char *label, GMimeParserOptions *options)
{
    // GMime's charset map reads "GB2312" labels as GBK, what such mailers send.
    const QByteArray charset = QByteArray(label).trimmed().toLower();
    if (charset.isEmpty() || charset == "utf-8" || charset == "utf8" || charset == "us-ascii") {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = utf8(bytes);
        if (!utf8.hasError())
            return text;
    } else if (GMimeFilter *filter = g_mime_filter_charset_new(charset.constData(), "UTF-8")) {
        GRef<GMimeStream> mem(g_mime_stream_mem_new());
        GRef<GMimeStream> filtered(g_mime_stream_filter_new(mem.get()));
        g_mime_stream_filter_add(reinterpret_cast<GMimeStreamFilter *>(filtered.get()), filter);
        g_object_unref(filter);
        g_mime_stream_write(filtered.get(), bytes.constData(), size_t(bytes.size()));
        g_mime_stream_flush(filtered.get());
        return QString::fromUtf8(streamBytes(mem.get()));
    }
    // No charset, a wrong one, or one iconv does not know: GMime guesses.
    GChars text(g_mime_utils_decode_8bit(options, bytes.constData(), size_t(bytes.size())), g_free);
    return QString::fromUtf8(text.get());
}

// "Name <address>" per mailbox; a group ("Team: a, b;") counts as its members.
void appendAddresses(InternetAddressList *list, QStringList *out, int depth = 0)
{
    for (int i = 0; list && i < internet_address_list_length(list); ++i) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (auto *group = as<InternetAddressGroup>(address, internet_address_group_get_type())) {
            if (depth < 4)
                appendAddresses(internet_address_group_get_members(group), out, depth + 1);
            continue;
        }
        const QString name = QString::fromUtf8(internet_address_get_name(address)).simplified();
        auto *mailbox = as<InternetAddressMailbox>(address, internet_address_mailbox_get_type());
        const QString addr =
            mailbox ? QString::fromUtf8(internet_address_mailbox_get_addr(mailbox)) : QString();
        const QString text = addr.isEmpty() || name.isEmpty()
                                 ? QString(name + addr)
                                 : QString(name + QStringLiteral(" <") + addr + QLatin1Char('>'));
        if (!text.isEmpty())
            out->append(text);
    }
}

// The last path component without control characters: a name is never a path.
QString safeFileName(const QString &name, qsizetype number)
{
    const qsizetype slash =
        std::max(name.lastIndexOf(QLatin1Char('/')), name.lastIndexOf(QLatin1Char('\\')));
    QString base = name.mid(slash + 1);
    base.removeIf([](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7F; });
    base = base.trimmed();
    if (base.isEmpty() || base == QLatin1String(".") || base == QLatin1String(".."))
        return QStringLiteral("attachment-%1").arg(number);
    return base;
}

bool isType(GMimeObject *object, const char *type, const char *subtype)
{
    return object
           && g_mime_content_type_is_type(g_mime_object_get_content_type(object), type, subtype);
}

// Walks the MIME tree: the inline text parts make the body, the rest are attachments.
struct Collector
{
    GMimeParserOptions *options = nullptr;
    bool fromMbox = false;
    bool tooDeep = false;
    QStringList plain, html;
    QList<Attachment> attachments;

    void attach(const QString &name, GMimeObject *object, QByteArray bytes)
    {
        GChars type(g_mime_content_type_get_mime_type(g_mime_object_get_content_type(object)),
                    g_free);
        attachments.append({safeFileName(name, attachments.size() + 1),
                            QString::fromUtf8(type.get()).toLower(), std::move(bytes)});
    }

    void walk(GMimeObject *object, int depth)
    {
        if (depth > 64) {
            tooDeep = true;
        } else if (auto *multipart = as<GMimeMultipart>(object, g_mime_multipart_get_type())) {
            const int count = g_mime_multipart_get_count(multipart);
            // Alternatives say the same thing: the plain text if there is
            // one, else the HTML, else the last (the richest, RFC 2046).
            GMimeObject *chosen = nullptr;
            for (const char *subtype : {"plain", "html"}) {
                for (int i = 0; i < count && !chosen; ++i) {
                    GMimeObject *child = g_mime_multipart_get_part(multipart, i);
                    chosen = isType(child, "text", subtype) ? child : nullptr;
                }
            }
            if (isType(object, "multipart", "alternative") && count > 0)
                return walk(chosen ? chosen : g_mime_multipart_get_part(multipart, count - 1),
                            depth + 1);
            for (int i = 0; i < count; ++i)
                walk(g_mime_multipart_get_part(multipart, i), depth + 1);
        } else if (auto *wrapped = as<GMimeMessagePart>(object, g_mime_message_part_get_type())) {
            // A forwarded email stays whole: an .eml attachment.
            GMimeMessage *inner = g_mime_message_part_get_message(wrapped);
            QString name = QString::fromUtf8(
                g_mime_object_get_content_disposition_parameter(object, "filename"));
            GRef<GMimeStream> mem(g_mime_stream_mem_new());
            if (inner) {
                g_mime_object_write_to_stream(reinterpret_cast<GMimeObject *>(inner), nullptr,
                                              mem.get());
                if (name.isEmpty() && g_mime_message_get_subject(inner))
                    name = QString::fromUtf8(g_mime_message_get_subject(inner))
                           + QStringLiteral(".eml");
            }
            attach(name, object, streamBytes(mem.get()));
        } else if (auto *part = as<GMimePart>(object, g_mime_part_get_type())) {
            const char *fileName = g_mime_part_get_filename(part);
            const bool isPlain = isType(object, "text", "plain");
            if ((isPlain || isType(object, "text", "html")) && !fileName
                && !g_mime_part_is_attachment(part)) {
                const char *charset = g_mime_object_get_content_type_parameter(object, "charset");
                (isPlain ? plain : html)
                    .append(decodeText(partBytes(part, fromMbox), charset, options));
            } else {
                attach(QString::fromUtf8(fileName), object, partBytes(part, fromMbox));
            }
        }
    }
};

// contentHash: hex SHA-256 over netstrings ("<UTF-8 byte length>:<bytes>,",
// so no field runs into the next) of, in this order: "baton-mail-1",
// messageId, dateMs (decimal), from, the number of To addresses then each,
// the number of Cc addresses then each, subject, bodyText, the number of
// attachments then, for each, its fileName and the hex SHA-256 of its content.
QString contentHash(const Message &m)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto add = [&hash](const QByteArray &bytes) {
        hash.addData(QByteArray(QByteArray::number(bytes.size()) + ':' + bytes + ','));
    };
    const auto addList = [&add](const QStringList &list) {
        add(QByteArray::number(list.size()));
        for (const QString &s : list)
            add(s.toUtf8());
    };
    add("baton-mail-1");
    add(m.messageId.toUtf8());
    add(QByteArray::number(m.dateMs));
    add(m.from.toUtf8());
    addList(m.to);
    addList(m.cc);
    add(m.subject.toUtf8());
    add(m.bodyText.toUtf8());
    add(QByteArray::number(m.attachments.size()));
    for (const Attachment &a : m.attachments) {
        add(a.fileName.toUtf8());
        add(QCryptographicHash::hash(a.content, QCryptographicHash::Sha256).toHex());
    }
    return QString::fromLatin1(hash.result().toHex());
}

// Why a message GMime read cannot be used.
enum class Flaw { None, NoHeaders, BadStart, Truncated, TooDeep };

// The user's words for a flaw: of an .eml (index 0), or of message index at
// offset in an mbox.
QString flawText(Flaw flaw, int index = 0, qint64 offset = 0)
{
    static const char *const texts[][2] = {
        {QT_TRANSLATE_NOOP("MailParser", "The data has no email headers (such as From, To, "
                                         "Subject or Date): it is not an email."),
         QT_TRANSLATE_NOOP("MailParser",
                           "Message %1 (at byte %2) has no headers: it is not an email.")},
        {QT_TRANSLATE_NOOP("MailParser", "The data has no email headers (such as From, To, "
                                         "Subject or Date): it is not an email."),
         QT_TRANSLATE_NOOP("MailParser", "Message %1 (at byte %2) does not start with email "
                                         "headers: it is not an email. A line starting with "
                                         "\"From \" in the message before it may have split that "
                                         "message in two.")},
        {QT_TRANSLATE_NOOP("MailParser", "The email is cut off: it ends before its last part or "
                                         "its headers do. Nothing was imported."),
         QT_TRANSLATE_NOOP("MailParser", "Message %1 (at byte %2) is cut off: it ends before its "
                                         "last part or its headers do. It was not imported.")},
        {QT_TRANSLATE_NOOP("MailParser", "The email nests its parts too deeply to be read."),
         QT_TRANSLATE_NOOP("MailParser",
                           "Message %1 (at byte %2) nests its parts too deeply to be read.")}};
    const QString text =
        QCoreApplication::translate("MailParser", texts[int(flaw) - 1][index > 0 ? 1 : 0]);
    return index > 0 ? text.arg(index).arg(offset) : text;
}

Flaw convert(GMimeMessage *gm, Warnings warnings, GMimeParserOptions *options, bool fromMbox,
             Message *out)
{
    static const char *const emailHeaders[] = {
        "From", "Sender",     "To",       "Cc",          "Bcc",      "Subject",
        "Date", "Message-ID", "Received", "Return-Path", "Reply-To", "MIME-Version"};
    GMimeHeaderList *headers = g_mime_object_get_header_list(reinterpret_cast<GMimeObject *>(gm));
    if (std::none_of(std::begin(emailHeaders), std::end(emailHeaders), [headers](const char *name) {
            return g_mime_header_list_contains(headers, name);
        }))
        return Flaw::NoHeaders;
    if (warned(warnings, GMIME_WARN_TRUNCATED_MESSAGE))
        return Flaw::Truncated;
    Collector collector{options, fromMbox, false, {}, {}, {}};
    collector.walk(g_mime_message_get_mime_part(gm), 0);
    if (warned(warnings, GMIME_CRIT_NESTING_OVERFLOW) || collector.tooDeep)
        return Flaw::TooDeep;

    Message &m = *out;
    m.messageId = QString::fromUtf8(g_mime_message_get_message_id(gm)).trimmed();
    m.subject = QString::fromUtf8(g_mime_message_get_subject(gm)).trimmed();
    QStringList from;
    appendAddresses(g_mime_message_get_from(gm), &from);
    m.from = from.join(QStringLiteral(", "));
    appendAddresses(g_mime_message_get_to(gm), &m.to);
    appendAddresses(g_mime_message_get_cc(gm), &m.cc);
    if (GDateTime *date = g_mime_message_get_date(gm))
        m.dateMs = g_date_time_to_unix(date) * 1000 + g_date_time_get_microsecond(date) / 1000;
    QStringList texts = collector.plain;
    for (qsizetype i = 0; collector.plain.isEmpty() && i < collector.html.size(); ++i)
        texts.append(htmlToText(collector.html[i]));
    // Line ends as '\n' and no blank edges: an .eml (CRLF) and an mbox (LF) read the same.
    m.bodyText = texts.join(u'\n')
                     .replace(QStringLiteral("\r\n"), QStringLiteral("\n"))
                     .replace(u'\r', u'\n')
                     .trimmed();
    m.attachments = std::move(collector.attachments);
    m.contentHash = contentHash(m);
    return Flaw::None;
}

// An mbox separator: "From " and no header colon after it ("From : x" is a header).
bool startsWithSeparator(QByteArrayView bytes)
{
    return bytes.startsWith("From ") && !bytes.sliced(5).trimmed().startsWith(':');
}

// "Name: value" on the first line: an email's header.
bool startsWithHeader(QByteArrayView bytes)
{
    const qsizetype colon = bytes.indexOf(':');
    return colon > 0 && std::all_of(bytes.begin(), bytes.begin() + colon, [](char c) {
               return c > ' ' && c < 127;
           });
}

} // namespace

std::optional<Message> parseMessage(const QByteArray &raw, QString *error)
{
    ensureGMime();
    Warnings warnings = 0;
    const Options options = makeOptions(&warnings);
    GRef<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(raw.constData(), size_t(raw.size())));
    GRef<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    // An .eml saved out of an mbox keeps its "From " line: read it as an mbox.
    const bool fromMbox = startsWithSeparator(raw);
    g_mime_parser_set_format(parser.get(), fromMbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
    GRef<GMimeMessage> gm(g_mime_parser_construct_message(parser.get(), options.get()));
    Message message;
    const Flaw flaw =
        gm ? convert(gm.get(), warnings, options.get(), fromMbox, &message) : Flaw::BadStart;
    if (flaw == Flaw::None)
        return message;
    if (error) {
        *error = raw.trimmed().isEmpty() ? QCoreApplication::translate(
                     "MailParser", "The file is empty: it is not an email.")
                                         : flawText(flaw);
    }
    return std::nullopt;
}

struct MboxReader::Impl
{
    Warnings warnings = 0;
    Options options = makeOptions(&warnings);
    GRef<GMimeStream> stream;
    GRef<GMimeParser> parser;
    std::deque<Item> pending;
    qint64 total = 0;
    qint64 lastMarker = -1;
    qint64 lastTell = -1;
    int index = 0;
    bool atEnd = false;
};

MboxReader::MboxReader() = default;
MboxReader::~MboxReader() = default;

bool MboxReader::open(const QString &path, QString *error)
{
    ensureGMime();
    d.reset();
    const QString shown = QDir::toNativeSeparators(path);
    const auto fail = [error, &shown](const char *text, const QString &reason = {}) {
        if (error) {
            const QString t = QCoreApplication::translate("MailParser", text);
            *error = t.contains(u"%2") ? t.arg(shown, reason) : t.arg(shown);
        }
        return false;
    };
    // The first megabyte tells an mbox: it starts with "From ", or has such
    // a line after some text that belongs to no message.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QT_TRANSLATE_NOOP("MailParser", "The file %1 cannot be read: %2."),
                    file.errorString());
    const qint64 total = file.size();
    const QByteArray head = file.read(1 << 20);
    file.close();
    qsizetype first = startsWithSeparator(head) ? 0 : head.indexOf("\nFrom ");
    first = first > 0 ? first + 1 : first;
    if (head.trimmed().isEmpty() && total <= head.size())
        return fail(QT_TRANSLATE_NOOP("MailParser", "The file %1 is empty: it holds no email."));
    if (first != 0 && startsWithHeader(head))
        return fail(QT_TRANSLATE_NOOP("MailParser", "The file %1 is a single email, not an mbox "
                                                    "file: import it as an .eml file."));
    if (first < 0)
        return fail(QT_TRANSLATE_NOOP("MailParser", "The file %1 is not an mbox file: no line "
                                                    "starting with \"From \" begins a message in "
                                                    "its first megabyte."));
    GError *gerror = nullptr;
    GRef<GMimeStream> stream(
        g_mime_stream_fs_open(QFile::encodeName(path).constData(), O_RDONLY, 0, &gerror));
    if (!stream) {
        const QString reason = gerror ? QString::fromUtf8(gerror->message) : QString();
        g_clear_error(&gerror);
        return fail(QT_TRANSLATE_NOOP("MailParser", "The file %1 cannot be read: %2."), reason);
    }
    d = std::make_unique<Impl>();
    d->total = total;
    d->stream = std::move(stream);
    d->parser.reset(g_mime_parser_new_with_stream(d->stream.get()));
    g_mime_parser_set_format(d->parser.get(), GMIME_FORMAT_MBOX);
    // GMime skips what precedes the first "From " line: say so when it is text.
    if (!head.left(first).trimmed().isEmpty()) {
        const QString text = QCoreApplication::translate(
            "MailParser", "The file starts with %1 bytes that belong to no message, before the "
                          "first \"From \" line: they were skipped.");
        d->pending.push_back({std::nullopt, Problem{0, 0, text.arg(first)}});
    }
    return true;
}

std::optional<MboxReader::Item> MboxReader::next()
{
    if (d && !d->pending.empty()) {
        // Built in place: g++ 12 at -O3 warns, wrongly, that a moved Item's
        // optional members may be uninitialised.
        std::optional<Item> item;
        item.emplace();
        std::swap(*item, d->pending.front());
        d->pending.pop_front();
        return item;
    }
    if (!d || d->atEnd)
        return std::nullopt;
    d->warnings = 0;
    GRef<GMimeMessage> gm(g_mime_parser_construct_message(d->parser.get(), d->options.get()));
    const qint64 marker = g_mime_parser_get_mbox_marker_offset(d->parser.get());
    const qint64 tell = g_mime_parser_tell(d->parser.get());
    if ((marker < 0 || marker == d->lastMarker) && (!gm || tell <= d->lastTell)) {
        d->atEnd = true; // no "From " line left
        return std::nullopt;
    }
    d->lastMarker = marker;
    d->lastTell = tell;
    ++d->index;
    if (!gm) {
        // GMime's parser stays in its error state: a fresh one from here,
        // which skips to the next "From " line.
        g_mime_stream_seek(d->stream.get(), std::max(tell, marker + 1), GMIME_STREAM_SEEK_SET);
        g_mime_parser_init_with_stream(d->parser.get(), d->stream.get());
        g_mime_parser_set_format(d->parser.get(), GMIME_FORMAT_MBOX);
    }
    Message message;
    const Flaw flaw =
        gm ? convert(gm.get(), d->warnings, d->options.get(), true, &message) : Flaw::BadStart;
    if (flaw != Flaw::None)
        return Item{std::nullopt, Problem{d->index, marker, flawText(flaw, d->index, marker)}};
    return Item{std::move(message), std::nullopt};
}

qint64 MboxReader::bytesRead() const
{
    if (!d)
        return 0;
    return d->atEnd ? d->total
                    : std::clamp<qint64>(g_mime_parser_tell(d->parser.get()), 0, d->total);
}

qint64 MboxReader::totalBytes() const
{
    return d ? d->total : 0;
}

} // namespace baton::mail
