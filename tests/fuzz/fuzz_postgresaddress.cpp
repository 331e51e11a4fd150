// libFuzzer target for PostgresAddress::parse, which reads the server's
// --database URL (core/store/postgresaddress). Nothing may crash; an address
// it accepts is whole (user, host, database, a port in range) and its
// displayName() parses back to the same place without the password.
#include "store/postgresaddress.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace baton;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QString prefixed = QStringLiteral("postgresql://") + text;
    for (const QString &input : {text, prefixed}) {
        auto a = PostgresAddress::parse(input);
        if (!a) {
            if (a.error().code != QLatin1String("store.address") || a.error().message.isEmpty())
                std::abort();
            continue;
        }
        if (a->user.isEmpty() || a->host.isEmpty() || a->database.isEmpty() || a->port < 1
            || a->port > 65535)
            std::abort();
        auto shown = PostgresAddress::parse(a->displayName());
        if (!shown || shown->user != a->user || shown->host != a->host || shown->port != a->port
            || shown->database != a->database || !shown->password.isEmpty())
            std::abort();
    }
    return 0;
}
