#include "textdecoding.h"

#include <QStringDecoder>

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <limits>
#include <memory>

namespace baton {

namespace {

struct ConverterCloser
{
    void operator()(UConverter *c) const { ucnv_close(c); }
};

// Strict: any invalid byte, or a sequence cut off at the end, fails the whole.
std::optional<QString> decodeStrict(QByteArrayView bytes, QStringConverter::Encoding encoding)
{
    QStringDecoder decoder(encoding, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

// Qt's UTF-16 decoder lets a dangling byte and unpaired surrogates pass.
std::optional<QString> decodeUtf16(QByteArrayView bytes, QStringConverter::Encoding encoding)
{
    if (bytes.size() % 2 != 0)
        return std::nullopt;
    std::optional<QString> text = decodeStrict(bytes, encoding);
    if (!text)
        return text;
    for (qsizetype i = 0; i < text->size(); ++i) {
        const QChar c = text->at(i);
        if (c.isHighSurrogate() && i + 1 < text->size() && text->at(i + 1).isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            return std::nullopt;
    }
    return text;
}

} // namespace

std::optional<QString> decodeText(const QByteArray &bytes, QString *encoding)
{
    const auto named = [encoding](const char *name, std::optional<QString> text) {
        if (text && encoding)
            *encoding = QString::fromLatin1(name);
        return text;
    };
    const QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF"))
        return named("UTF-8", decodeStrict(view.sliced(3), QStringConverter::Utf8));
    if (view.startsWith("\xFF\xFE"))
        return named("UTF-16LE", decodeUtf16(view.sliced(2), QStringConverter::Utf16LE));
    if (view.startsWith("\xFE\xFF"))
        return named("UTF-16BE", decodeUtf16(view.sliced(2), QStringConverter::Utf16BE));
    if (auto utf8 = decodeStrict(view, QStringConverter::Utf8))
        return named("UTF-8", std::move(utf8));
    return named("GB18030", decodeCharset(bytes, QByteArrayLiteral("GB18030")));
}

std::optional<QString> decodeCharset(const QByteArray &bytes, const QByteArray &charset)
{
    // An empty name would open ICU's default converter; a name is required.
    if (charset.trimmed().isEmpty() || charset.contains('\0'))
        return std::nullopt;
    if (bytes.size() > std::numeric_limits<int32_t>::max() / 2)
        return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(charset.constData(), &status));
    if (U_FAILURE(status) || !conv)
        return std::nullopt;
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status))
        return std::nullopt;

    const auto length = static_cast<int32_t>(bytes.size());
    // Most charsets give at most one UTF-16 unit per byte; GB18030 gives two
    // for four bytes. Preflighting covers any charset that gives more.
    QString text(qMax<qsizetype>(length, 1), Qt::Uninitialized);
    int32_t written =
        ucnv_toUChars(conv.get(), reinterpret_cast<UChar *>(text.data()),
                      static_cast<int32_t>(text.size()), bytes.constData(), length, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
        ucnv_resetToUnicode(conv.get());
        text.resize(qsizetype(written) + 1);
        written =
            ucnv_toUChars(conv.get(), reinterpret_cast<UChar *>(text.data()),
                          static_cast<int32_t>(text.size()), bytes.constData(), length, &status);
    }
    if (U_FAILURE(status) || written < 0 || written > text.size())
        return std::nullopt;
    text.truncate(written);
    return text;
}

} // namespace baton
