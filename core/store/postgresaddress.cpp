#include "postgresaddress.h"

#include <QByteArray>
#include <QStringList>
#include <QUrl>

#include <algorithm>

namespace baton {

namespace {

constexpr int MaxUrlLength = 4096;

Error addressError(const QString &message)
{
    return Error(QStringLiteral("store.address"), message);
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Strict percent-decoding: a '%' must start two hex digits, and the result
// must be UTF-8 without NUL. Sets *ok to false otherwise.
QString percentDecoded(QStringView text, bool *ok)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray bytes;
    bytes.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        if (c != '%') {
            bytes.append(c);
            continue;
        }
        const int hi = i + 1 < utf8.size() ? hexDigit(utf8.at(i + 1)) : -1;
        const int lo = i + 2 < utf8.size() ? hexDigit(utf8.at(i + 2)) : -1;
        if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
            *ok = false;
            return {};
        }
        bytes.append(static_cast<char>(hi * 16 + lo));
        i += 2;
    }
    const QString decoded = QString::fromUtf8(bytes);
    *ok = decoded.toUtf8() == bytes;
    return *ok ? decoded : QString();
}

} // namespace

bool PostgresAddress::looksLikeUrl(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
           || text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

Result<PostgresAddress> PostgresAddress::parse(const QString &url)
{
    if (url.size() > MaxUrlLength)
        return addressError(tr("The database address is too long."));
    QStringView rest(url);
    if (rest.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive))
        rest = rest.mid(13);
    else if (rest.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive))
        rest = rest.mid(11);
    else
        return addressError(tr("A PostgreSQL address starts with postgresql://."));
    for (QChar c : rest) {
        if (c.unicode() < 0x21 || c.unicode() == 0x7f)
            return addressError(tr("The database address contains a space or a control "
                                   "character; percent-encode it (%20)."));
    }

    PostgresAddress a;
    // userinfo@host:port/dbname?query. The last '@' ends the userinfo, so a
    // password may contain an unencoded '@'; '/' and '?' in it must be encoded.
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return addressError(tr("The database address names no database: add /dbname after the "
                               "host, as in postgresql://baton@localhost/baton."));
    QStringView authority = rest.left(slash);
    QStringView pathAndQuery = rest.mid(slash + 1);

    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return addressError(tr("The database address names no user: write it as "
                               "postgresql://user@host/dbname."));
    const QStringView userInfo = authority.left(at);
    QStringView hostPort = authority.mid(at + 1);
    const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
    bool ok = true;
    a.user = percentDecoded(colon < 0 ? userInfo : userInfo.left(colon), &ok);
    if (!ok)
        return addressError(tr("The user name in the database address has a bad %-escape."));
    if (a.user.isEmpty())
        return addressError(tr("The database address names no user: write it as "
                               "postgresql://user@host/dbname."));
    if (colon >= 0) {
        a.password = percentDecoded(userInfo.mid(colon + 1), &ok);
        if (!ok)
            return addressError(tr("The password in the database address has a bad %-escape "
                                   "(the password itself is not shown)."));
    }

    QStringView portText;
    if (hostPort.startsWith(QLatin1Char('['))) {
        const qsizetype close = hostPort.indexOf(QLatin1Char(']'));
        if (close < 0)
            return addressError(tr("The IPv6 host in the database address lacks its closing ]."));
        a.host = hostPort.mid(1, close - 1).toString();
        const QStringView after = hostPort.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':')))
                return addressError(tr("Unexpected text after the host in the database address."));
            portText = after.mid(1);
            if (portText.isEmpty())
                return addressError(tr("The database address has a ':' but no port."));
        }
    } else {
        const qsizetype portColon = hostPort.indexOf(QLatin1Char(':'));
        if (portColon >= 0) {
            portText = hostPort.mid(portColon + 1);
            hostPort = hostPort.left(portColon);
            if (portText.isEmpty())
                return addressError(tr("The database address has a ':' but no port."));
        }
        a.host = hostPort.toString();
    }
    if (a.host.isEmpty())
        return addressError(tr("The database address names no host."));
    for (QChar c : std::as_const(a.host)) {
        const bool allowed = c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('-')
                             || c == QLatin1Char('_') || c == QLatin1Char(':');
        if (!allowed || c.unicode() > 0x7f)
            return addressError(tr("The host in the database address is not a valid name."));
    }
    if (!portText.isEmpty()) {
        bool portOk = false;
        const int port = portText.toInt(&portOk);
        const bool digits = std::all_of(portText.begin(), portText.end(),
                                        [](QChar c) { return c.isDigit() && c.unicode() < 0x80; });
        if (!portOk || !digits || port < 1 || port > 65535)
            return addressError(tr("The port in the database address must be a number from 1 to "
                                   "65535."));
        a.port = port;
    }

    const qsizetype question = pathAndQuery.indexOf(QLatin1Char('?'));
    const QStringView path = question < 0 ? pathAndQuery : pathAndQuery.left(question);
    a.database = percentDecoded(path, &ok);
    if (!ok)
        return addressError(tr("The database name in the address has a bad %-escape."));
    if (a.database.isEmpty() || a.database.contains(QLatin1Char('/')))
        return addressError(tr("The database address names no database: add /dbname after the "
                               "host, as in postgresql://baton@localhost/baton."));

    if (question >= 0) {
        const QStringView query = pathAndQuery.mid(question + 1);
        for (QStringView pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            const QStringView key = eq < 0 ? pair : pair.left(eq);
            const QStringView value = eq < 0 ? QStringView() : pair.mid(eq + 1);
            if (key != QLatin1String("sslmode"))
                return addressError(tr("The database address has an option other than sslmode, "
                                       "the only one understood."));
            static const QStringList modes{
                QStringLiteral("disable"),   QStringLiteral("allow"),
                QStringLiteral("prefer"),    QStringLiteral("require"),
                QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
            if (!modes.contains(value.toString()))
                return addressError(tr("sslmode in the database address must be one of %1.")
                                        .arg(modes.join(QStringLiteral(", "))));
            a.sslMode = value.toString();
        }
    }
    return a;
}

QString PostgresAddress::displayName() const
{
    const QString shownHost =
        host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(QString::fromUtf8(QUrl::toPercentEncoding(user)), shownHost)
        .arg(port)
        .arg(QString::fromUtf8(QUrl::toPercentEncoding(database)));
}

} // namespace baton
