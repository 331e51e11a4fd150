#pragma once

// A sync server and its clients in one process, for tests: the server's
// store is seeded with TestOrg's organisation through first-run setup, the
// way `baton-cli demo --server` seeds a real one; clients are empty stores
// that sync through the real SyncClient. Every store reads one fake clock.

#include "evidence/sha256.h"
#include "sync/syncclient.h"
#include "sync/syncservice.h"
#include "sync/synctransport.h"
#include "sync/syncwire.h"
#include "testdatabase.h"
#include "testorg.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace baton::test {

struct SyncNet
{
    TestOrg seed;
    QTemporaryDir dir;
    qint64 clockMs = 0;
    // The server's store: SQLite, or PostgreSQL under BATON_TEST_BACKEND.
    std::unique_ptr<TestDatabase> serverDatabase;
    std::unique_ptr<Store> server;
    std::unique_ptr<SyncService> service;
    std::unique_ptr<LocalTransport> local;
    std::vector<std::unique_ptr<Store>> clients;

    static QStringList replicatedTables()
    {
        return {QStringLiteral("department"),     QStringLiteral("job_position"),
                QStringLiteral("responsibility"), QStringLiteral("employee"),
                QStringLiteral("app_user"),       QStringLiteral("role_grant")};
    }

    Store::Options optionsFor(const QString &name)
    {
        Store::Options o;
        o.path = dir.filePath(name + QStringLiteral(".db"));
        if (name == QLatin1String("server")) {
            if (!serverDatabase)
                serverDatabase = std::make_unique<TestDatabase>(o.path);
            o.path = serverDatabase->address();
        }
        o.wallClock = [this] { return clockMs; };
        return o;
    }

    // Builds the organisation and a server holding it. False on failure
    // (the reason in the log); callers QVERIFY it.
    bool start(SyncService::Options options = {})
    {
        if (!seed.build() || !dir.isValid())
            return false;
        clockMs = seed.clockMs + 1000;
        auto s = Store::open(optionsFor(QStringLiteral("server")));
        if (!s) {
            qWarning() << s.error().message;
            return false;
        }
        server = std::move(s).value();
        service = std::make_unique<SyncService>(*server, options);
        if (auto st = service->start(); !st) {
            qWarning() << st.error().message;
            return false;
        }
        local = std::make_unique<LocalTransport>(*service);
        // Everything the seed store made waits in its outbox, in order.
        for (;;) {
            auto ops = seed.store->pendingOps(wire::MaxOpsPerPush);
            if (!ops || ops->isEmpty())
                return ops.ok();
            HttpCall call{"POST",
                          QStringLiteral("/v1/setup"),
                          {},
                          {},
                          wire::pushRequestBody(*ops),
                          QStringLiteral("127.0.0.1"),
                          {},
                          {}};
            const HttpReply reply = service->handle(call);
            auto results = wire::parsePushReply(reply.body);
            if (reply.status != 200 || !results) {
                qWarning() << "setup failed" << reply.status << reply.body;
                return false;
            }
            QList<QUuid> done;
            for (const wire::PushResult &r : std::as_const(*results)) {
                if (r.status == wire::PushResult::Status::Rejected) {
                    qWarning() << "setup refused" << r.reason.code << r.reason.message;
                    return false;
                }
                done.append(r.opId);
            }
            if (!seed.store->markPushed(done))
                return false;
        }
    }

    Store *openClient(const QString &name)
    {
        auto s = Store::open(optionsFor(name));
        if (!s) {
            qWarning() << s.error().message;
            return nullptr;
        }
        clients.push_back(std::move(s).value());
        return clients.back().get();
    }

    // One sync round of client as login, through transport (default: the
    // service directly).
    SyncOutcome sync(Store &client, const QString &login, SyncTransport *transport = nullptr,
                     SyncClient::Options options = {})
    {
        SyncClient c(client, transport ? *transport : *local, options);
        c.setCredentials(login, QStringLiteral("password-") + login);
        QSignalSpy done(&c, &SyncClient::finished);
        c.start();
        if (done.isEmpty() && !done.wait(30000))
            return SyncOutcome{false, Error(QStringLiteral("test.timeout"), {}), 0, 0, 0, 0, 0};
        return done.constFirst().constFirst().value<SyncOutcome>();
    }

    // A digest of every row of a table (all columns, by id).
    static QByteArray digest(Store &store, const QString &table, const QString &where = {})
    {
        QSqlQuery q(store.database().connection());
        if (!q.exec(
                QStringLiteral("SELECT * FROM %1 %2 ORDER BY id")
                    .arg(table, where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where)))
            return "error: " + q.lastError().text().toUtf8();
        Sha256 h;
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i) {
                h.update(q.record().fieldName(i).toUtf8());
                h.update(QByteArrayView("=", 1));
                // QSqlQuery::isNull, not QVariant::isNull: a NULL from
                // QPSQL is a variant of the column's type.
                if (q.isNull(i))
                    h.update(QByteArrayView("\x1e", 1));
                else
                    h.update(q.value(i).toString().toUtf8());
                h.update(QByteArrayView("\x1f", 1));
            }
            h.update(QByteArrayView("\n", 1));
        }
        return h.final().toHex();
    }

    static QByteArray digestAll(Store &store)
    {
        QByteArray out;
        for (const QString &t : replicatedTables())
            out += t.toUtf8() + ':' + digest(store, t) + ' ';
        return out;
    }
};

// A request as the server's HTTP front hands it over, from one address.
inline HttpCall request(const QByteArray &method, const QString &path, const QByteArray &token = {},
                        const QByteArray &body = {})
{
    return HttpCall{method, path, {}, token, body, QStringLiteral("198.51.100.20"), {}, {}};
}

// A session token for a TestOrg account (password "password-<login>").
inline QByteArray tokenFor(SyncService &service, const QString &login, const QString &device)
{
    const HttpReply r = service.handle(
        request("POST", QStringLiteral("/v1/session"), {},
                wire::loginRequestBody({login, QStringLiteral("password-") + login, device})));
    auto reply = wire::parseLoginReply(r.body);
    return reply ? reply->token.toLatin1() : QByteArray();
}

} // namespace baton::test
