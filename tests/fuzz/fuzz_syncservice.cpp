// libFuzzer target for the server side of sync (core/sync/syncservice): one
// SyncService over a store seeded with the test organisation
// (tests/common/syncnet.h), made once, answers every input. The first byte
// chooses the request (as a digit: '0' to '6'; any other byte maps onto one
// of them), the rest is its body or query string:
//   0 POST /v1/ops, signed in as lina (HR: may change everyone)
//   1 POST /v1/ops, signed in as zhangwei (an employee: almost nothing)
//   2 GET /v1/ops?<rest>, as lina
//   3 POST /v1/session
//   4 GET /v1/proof/consistency?<rest>, as lina
//   5 GET /v1/proof/inclusion?<rest>, as lina
//   6 "<METHOD> <path>[?<query>]\n<body>", as lina
// In bodies, $USER, $DEVICE and $NOW stand for the signed-in account's id,
// its device and the server's clock, and $<number> or $<code> (for example
// $E002, $PRJ-E) for an employee's or department's id, so that a seed can
// hold changes the server accepts.
// Every reply must be 2xx or 4xx with a JSON object for body (never 5xx),
// and a 4xx must leave the op log and the server log as they were.
#include "syncnet.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace baton;
using namespace baton::test;

namespace {

const QString Device = QStringLiteral("fuzz-device");

void require(bool condition)
{
    if (!condition)
        std::abort();
}

struct Fixture
{
    SyncNet net;
    QByteArray linaToken;
    QByteArray employeeToken;
    // Placeholders, longest first so that $PRJ-E is not read as $PRJ.
    QList<std::pair<QByteArray, QByteArray>> names;
};

QByteArray signIn(SyncService &service, const QString &login)
{
    const HttpReply r = service.handle(
        HttpCall{"POST",
                 QStringLiteral("/v1/session"),
                 {},
                 {},
                 wire::loginRequestBody({login, QStringLiteral("password-") + login, Device}),
                 QStringLiteral("127.0.0.1"),
                 {},
                 {}});
    auto reply = wire::parseLoginReply(r.body);
    if (!reply) {
        qWarning() << "fuzz_syncservice: cannot sign in as" << login << r.body;
        std::abort();
    }
    return reply->token.toLatin1();
}

Fixture &fixture()
{
    static Fixture *f = [] {
        static int argc = 1;
        static char name[] = "fuzz_syncservice";
        static char *argv[] = {name, nullptr};
        static QCoreApplication app(argc, argv);
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false\n"
                                                        "*.warning=false"));
        auto *fx = new Fixture;
        // Failed sign-ins from the one address the fuzzer uses would
        // otherwise soon answer every sign-in with 429.
        SyncService::Options options;
        options.maxFailedLoginsPerAddress = 1 << 30;
        if (!fx->net.start(options)) {
            qCritical() << "fuzz_syncservice: the test server does not start";
            std::abort();
        }
        fx->linaToken = signIn(*fx->net.service, QStringLiteral("lina"));
        fx->employeeToken = signIn(*fx->net.service, QStringLiteral("zhangwei"));
        for (auto it = fx->net.seed.emp.cbegin(); it != fx->net.seed.emp.cend(); ++it)
            fx->names.append({'$' + it.key().toUtf8(), idString(it.value()).toUtf8()});
        for (auto it = fx->net.seed.dept.cbegin(); it != fx->net.seed.dept.cend(); ++it)
            fx->names.append({'$' + it.key().toUtf8(), idString(it.value()).toUtf8()});
        std::sort(fx->names.begin(), fx->names.end(),
                  [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
        return fx;
    }();
    return *f;
}

QByteArray expand(QByteArray body, const QUuid &user)
{
    Fixture &f = fixture();
    if (!body.contains('$'))
        return body;
    body.replace("$USER", idString(user).toUtf8());
    body.replace("$DEVICE", Device.toUtf8());
    body.replace("$NOW", QByteArray::number(f.net.clockMs));
    for (const auto &[name, id] : std::as_const(f.names))
        body.replace(name, id);
    return body;
}

qint64 count(Store &store, const char *sql)
{
    QSqlQuery q(store.database().connection());
    if (!q.exec(QString::fromLatin1(sql)) || !q.next())
        std::abort();
    return q.value(0).toLongLong();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    Fixture &f = fixture();
    const QByteArray rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const QUuid lina = f.net.seed.user.value(QStringLiteral("lina"));
    const QUuid employee = f.net.seed.user.value(QStringLiteral("zhangwei"));

    HttpCall call;
    call.method = "POST";
    call.path = QStringLiteral("/v1/ops");
    call.bearer = f.linaToken;
    call.peer = QStringLiteral("198.51.100.7");
    switch (uint8_t(data[0] - '0') % 7) {
    case 0:
        call.body = expand(rest, lina);
        break;
    case 1:
        call.bearer = f.employeeToken;
        call.body = expand(rest, employee);
        break;
    case 2:
        call.method = "GET";
        call.query = QUrlQuery(QString::fromUtf8(rest));
        break;
    case 3:
        call.path = QStringLiteral("/v1/session");
        call.bearer.clear();
        call.body = expand(rest, lina);
        break;
    case 4:
        call.method = "GET";
        call.path = QStringLiteral("/v1/proof/consistency");
        call.query = QUrlQuery(QString::fromUtf8(rest));
        break;
    case 5:
        call.method = "GET";
        call.path = QStringLiteral("/v1/proof/inclusion");
        call.query = QUrlQuery(QString::fromUtf8(rest));
        break;
    default: {
        const qsizetype eol = rest.indexOf('\n');
        const QByteArray line = eol < 0 ? rest : rest.left(eol);
        call.body = expand(eol < 0 ? QByteArray() : rest.mid(eol + 1), lina);
        const qsizetype space = line.indexOf(' ');
        call.method = line.left(space);
        const QString target = space < 0 ? QString() : QString::fromUtf8(line.mid(space + 1));
        const qsizetype mark = target.indexOf(QLatin1Char('?'));
        call.path = target.left(mark);
        if (mark >= 0)
            call.query = QUrlQuery(target.mid(mark + 1));
        call.peer = QStringLiteral("127.0.0.1"); // so that setup is reached
        // Signing out would end the session every other input uses.
        if (call.method == "DELETE")
            call.bearer = "not-a-session";
        break;
    }
    }

    Store &store = *f.net.server;
    const qint64 opsBefore = count(store, "SELECT COUNT(*) FROM oplog");
    const qint64 logBefore = count(store, "SELECT COUNT(*) FROM server_log");
    const HttpReply reply = f.net.service->handle(call);
    if (!((reply.status >= 200 && reply.status < 300)
          || (reply.status >= 400 && reply.status < 500))) {
        qCritical("fuzz_syncservice: status %d: %s", reply.status, reply.body.constData());
        std::abort();
    }
    // BATON_FUZZ_VERBOSE=1: each answer on stderr, to check what a seed reaches.
    static const bool verbose = qEnvironmentVariableIsSet("BATON_FUZZ_VERBOSE");
    if (verbose)
        std::fprintf(stderr, "%s %s -> %d %.300s\n", call.method.constData(), qPrintable(call.path),
                     reply.status, reply.body.constData());
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(reply.body, &e);
    require(e.error == QJsonParseError::NoError && doc.isObject());
    if (reply.status >= 400) {
        require(!doc.object()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString()
                     .isEmpty());
        require(count(store, "SELECT COUNT(*) FROM oplog") == opsBefore);
        require(count(store, "SELECT COUNT(*) FROM server_log") == logBefore);
    }
    return 0;
}
