// Real processes: baton-server on a loopback port, the demo company loaded
// with `baton-cli demo --server`, clients synced with `baton-cli sync`, and
// processes killed with SIGKILL in the middle of their work. Whatever dies
// when, the next round ends in step, with nothing lost and nothing twice.
#include "performance/feedback.h"
#include "serverprocess.h"
#include "syncnet.h"
#include "unittools.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QThread>

using namespace baton;
using namespace baton::test;

namespace {

const QString ServerBin = QStringLiteral(BATON_SERVER_BIN);
const QString CliBin = QStringLiteral(BATON_CLI_BIN);

struct Login
{
    QString login;
    QString password;
};

std::unique_ptr<Store> openStore(const QString &path,
                                 Database::Mode mode = Database::Mode::ReadWrite)
{
    Store::Options o;
    o.path = path;
    o.mode = mode;
    auto s = Store::open(o);
    if (!s) {
        qWarning() << s.error().message;
        return nullptr;
    }
    return std::move(s).value();
}

qint64 count(const QString &dbPath, const QString &sql)
{
    RawSql raw(dbPath, QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    return raw.value(sql).toLongLong();
}

} // namespace

class TestServerProcess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void offlineClientsConvergeThroughTheServer();
    void anEmployeesDeviceShowsTheFeedbackPublishedToThem();
    void clientKilledMidPushLosesNothing();
    void clientKilledMidPullResumes();
    void serverKilledMidBatchLosesNothing();
    void cliReportsARewrittenServer();
    void unknownPathsAnswerWithTheProtocolsError();

private:
    bool startServer(int employees);
    int sync(const QString &db, const QString &login, QByteArray *out = nullptr,
             QByteArray *err = nullptr);
    std::unique_ptr<QProcess> startSync(const QString &db, const QString &login);
    // Local edits waiting to be sent, made by login's account.
    bool edit(const QString &db, const QString &number, const QString &field, int times);
    // Polls the server's log until it holds more than `before` entries (or a
    // minute passes); returns the count seen last.
    qint64 waitForServerLogBeyond(qint64 before);

    std::unique_ptr<QTemporaryDir> m_dir;
    // The server's database: a file, or under BATON_TEST_BACKEND=postgres a
    // fresh PostgreSQL database given to baton-server as a postgresql:// URL.
    // The clients' stores stay SQLite files.
    std::unique_ptr<TestDatabase> m_serverDb;
    std::unique_ptr<ServerProcess> m_server;
    QHash<QString, QString> m_passwords;
    QString serverDb() const { return m_serverDb->address(); }
    QString path(const QString &name) const { return m_dir->filePath(name); }
};

void TestServerProcess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_serverDb = std::make_unique<TestDatabase>(m_dir->filePath(QStringLiteral("server.db")));
    QVERIFY(!serverDb().isEmpty());
}

void TestServerProcess::cleanup()
{
    m_server.reset();
    m_serverDb.reset();
    m_passwords.clear();
}

bool TestServerProcess::startServer(int employees)
{
    m_server = std::make_unique<ServerProcess>(ServerBin, serverDb(), path(QStringLiteral("tls")));
    if (!m_server->init() || !m_server->start())
        return false;
    QByteArray out;
    QByteArray err;
    const int code = runTool(CliBin,
                             {QStringLiteral("demo"), QStringLiteral("--employees"),
                              QString::number(employees), QStringLiteral("--seed"),
                              QStringLiteral("7"), QStringLiteral("--server"), m_server->url()},
                             &out, &err, 300000);
    if (code != 0) {
        qWarning() << "demo --server failed:" << err;
        return false;
    }
    static const QRegularExpression line(QStringLiteral("login: (\\S+) password: (\\S+)"));
    for (const QString &l : QString::fromUtf8(out).split(QLatin1Char('\n'))) {
        const auto m = line.match(l);
        if (m.hasMatch())
            m_passwords.insert(m.captured(1), m.captured(2));
    }
    return m_passwords.contains(QStringLiteral("lina"))
           && m_passwords.contains(QStringLiteral("admin"));
}

int TestServerProcess::sync(const QString &db, const QString &login, QByteArray *out,
                            QByteArray *err)
{
    const QString pw = path(login + QStringLiteral(".pw"));
    QFile f(pw);
    if (!f.open(QIODevice::WriteOnly))
        return -2;
    f.write(m_passwords.value(login).toUtf8() + '\n');
    f.close();
    return runTool(CliBin,
                   {QStringLiteral("sync"), QStringLiteral("--database"), db,
                    QStringLiteral("--server"), m_server->url(), QStringLiteral("--user"), login,
                    QStringLiteral("--password-file"), pw},
                   out, err, 300000);
}

std::unique_ptr<QProcess> TestServerProcess::startSync(const QString &db, const QString &login)
{
    const QString pw = path(login + QStringLiteral(".pw"));
    QFile f(pw);
    f.open(QIODevice::WriteOnly);
    f.write(m_passwords.value(login).toUtf8() + '\n');
    f.close();
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(quietEnvironment());
    p->start(CliBin, {QStringLiteral("sync"), QStringLiteral("--database"), db,
                      QStringLiteral("--server"), m_server->url(), QStringLiteral("--user"), login,
                      QStringLiteral("--password-file"), pw});
    return p;
}

bool TestServerProcess::edit(const QString &db, const QString &number, const QString &field,
                             int times)
{
    auto store = openStore(db);
    if (!store)
        return false;
    const QUuid user = parseId(*store->meta(SyncClient::ServerUserKey));
    const QUuid employee =
        parseId(scalar(*store, QStringLiteral("SELECT id FROM employee WHERE number=?"), {number})
                    .toString());
    if (user.isNull() || employee.isNull())
        return false;
    QList<Operation> ops;
    for (int i = 0; i < times; ++i) {
        const QString value =
            field == QLatin1String("phone")
                ? QStringLiteral("+86 21 %1").arg(10000000 + i)
                : QStringLiteral("n%1.%2@example.cn").arg(i).arg(number.toLower());
        ops.append(store->makeOp(QStringLiteral("employee"), employee, OpKind::Update,
                                 {{field, value}}, user));
        if (ops.size() == 500 || i == times - 1) {
            if (!store->submit(ops))
                return false;
            ops.clear();
        }
    }
    return true;
}

void TestServerProcess::offlineClientsConvergeThroughTheServer()
{
    QVERIFY(startServer(40));
    const QString a = path(QStringLiteral("a.db"));
    const QString b = path(QStringLiteral("b.db"));
    QByteArray out;
    QCOMPARE(sync(a, QStringLiteral("lina"), &out), 0);
    QVERIFY(out.contains("In step"));
    QCOMPARE(sync(b, QStringLiteral("admin")), 0);

    // Offline on both: E0002's phone on a, its email on b; E0003's phone on
    // both, b later.
    auto numberOf = [&](int i) {
        auto s = openStore(a, Database::Mode::ReadOnly);
        return scalar(*s,
                      QStringLiteral("SELECT number FROM employee WHERE status='active' ORDER BY "
                                     "number LIMIT 1 OFFSET ?"),
                      {i})
            .toString();
    };
    const QString first = numberOf(1);
    const QString second = numberOf(2);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    QVERIFY(edit(a, first, QStringLiteral("phone"), 1));
    QVERIFY(edit(b, first, QStringLiteral("email"), 1));
    QVERIFY(edit(a, second, QStringLiteral("phone"), 2));
    QThread::msleep(5);
    QVERIFY(edit(b, second, QStringLiteral("phone"), 3));

    QCOMPARE(sync(b, QStringLiteral("admin")), 0);
    QCOMPARE(sync(a, QStringLiteral("lina")), 0);
    QCOMPARE(sync(b, QStringLiteral("admin")), 0);
    auto sa = openStore(a, Database::Mode::ReadOnly);
    auto sb = openStore(b, Database::Mode::ReadOnly);
    auto server = openStore(serverDb(), Database::Mode::ReadOnly);
    QVERIFY(sa && sb && server);
    QCOMPARE(SyncNet::digestAll(*sa), SyncNet::digestAll(*server));
    QCOMPARE(SyncNet::digestAll(*sb), SyncNet::digestAll(*server));
    QCOMPARE(scalar(*server, QStringLiteral("SELECT phone FROM employee WHERE number=?"), {second})
                 .toString(),
             QStringLiteral("+86 21 10000002")); // b's last, later write
    QVERIFY(scalar(*server, QStringLiteral("SELECT email FROM employee WHERE number=?"), {first})
                .toString()
                .startsWith(QLatin1String("n0.")));
    // The server recorded the client's address on each accepted op.
    QCOMPARE(count(serverDb(),
                   QStringLiteral("SELECT count(*) FROM server_log WHERE peer <> '127.0.0.1'")),
             0);
}

void TestServerProcess::anEmployeesDeviceShowsTheFeedbackPublishedToThem()
{
    QVERIFY(startServer(40));
    const QString mine = path(QStringLiteral("zhangwei.db"));
    QCOMPARE(sync(mine, QStringLiteral("zhangwei")), 0);
    auto store = openStore(mine, Database::Mode::ReadOnly);
    QVERIFY(store);
    // Who said what never reaches him, not even the answers about others.
    QCOMPARE(scalar(*store, QStringLiteral("SELECT count(*) FROM feedback_answer")).toInt(), 0);
    auto server = openStore(serverDb(), Database::Mode::ReadOnly);
    QVERIFY(server);
    QVERIFY(scalar(*server, QStringLiteral("SELECT count(*) FROM feedback_answer")).toInt() > 0);

    // What he may see of it came with his review results.
    const QString me = scalar(*store, QStringLiteral("SELECT employee_id FROM app_user WHERE "
                                                     "login='zhangwei'"))
                           .toString();
    QVERIFY(!me.isEmpty());
    const QString cycle =
        scalar(*store,
               QStringLiteral("SELECT r.cycle_id FROM review_result r JOIN review_cycle c ON "
                              "c.id=r.cycle_id WHERE r.employee_id=? AND r.feedback_view IS NOT "
                              "NULL AND c.status='closed' ORDER BY c.starts_on DESC LIMIT 1"),
               {me})
            .toString();
    QVERIFY(!cycle.isEmpty());
    auto view = Feedback(*store).visibleView(parseId(me), parseId(cycle));
    QVERIFY2(view, view ? "" : qPrintable(view.error().message));
    QVERIFY(view->published);
    QVERIFY(!view->view.roles.isEmpty());
    // The same view as the server computes from the answers it holds.
    auto there = Feedback(*server).subjectView(parseId(me), parseId(cycle));
    QVERIFY(there);
    QCOMPARE(view->view.roles.size(), there->roles.size());
    for (qsizetype i = 0; i < there->roles.size(); ++i) {
        QCOMPARE(view->view.roles[i].answers, there->roles[i].answers);
        QCOMPARE(view->view.roles[i].comments.size(), there->roles[i].comments.size());
    }
}

qint64 TestServerProcess::waitForServerLogBeyond(qint64 before)
{
    QElapsedTimer t;
    t.start();
    qint64 now = before;
    while (t.elapsed() < 60000 && now == before) {
        QThread::msleep(2);
        now = count(serverDb(), QStringLiteral("SELECT count(*) FROM server_log"));
    }
    return now;
}

void TestServerProcess::clientKilledMidPushLosesNothing()
{
    QVERIFY(startServer(20));
    const QString db = path(QStringLiteral("hr.db"));
    QCOMPARE(sync(db, QStringLiteral("lina")), 0);
    const int edits = 4000;
    QVERIFY(edit(db, QStringLiteral("E00002"), QStringLiteral("phone"), edits));
    const qint64 before = count(serverDb(), QStringLiteral("SELECT count(*) FROM server_log"));

    auto p = startSync(db, QStringLiteral("lina"));
    const qint64 now = waitForServerLogBeyond(before);
    p->kill(); // SIGKILL, half way through the push
    p->waitForFinished();
    QVERIFY2(now > before, "the push never started");
    QVERIFY2(now < before + edits, "the push finished before it could be interrupted");

    QCOMPARE(sync(db, QStringLiteral("lina")), 0);
    QCOMPARE(count(serverDb(), QStringLiteral("SELECT count(*) FROM server_log")), before + edits);
    QCOMPARE(count(serverDb(), QStringLiteral("SELECT count(DISTINCT op_id) FROM server_log")),
             before + edits);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM outbox")), 0);
    auto client = openStore(db, Database::Mode::ReadOnly);
    auto server = openStore(serverDb(), Database::Mode::ReadOnly);
    QCOMPARE(SyncNet::digestAll(*client), SyncNet::digestAll(*server));
}

void TestServerProcess::clientKilledMidPullResumes()
{
    QVERIFY(startServer(4000));
    const qint64 size = count(serverDb(), QStringLiteral("SELECT count(*) FROM server_log"));
    QVERIFY2(size > 3000, qPrintable(QString::number(size))); // several pages of 1,000
    const QString db = path(QStringLiteral("fresh.db"));
    auto p = startSync(db, QStringLiteral("lina"));
    QElapsedTimer t;
    t.start();
    qint64 cursor = 0;
    while (t.elapsed() < 60000 && cursor == 0) {
        QThread::msleep(5);
        if (QFile::exists(db))
            cursor =
                count(db, QStringLiteral(
                              "SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM local_meta "
                              "WHERE key='sync.cursor'"));
    }
    p->kill();
    p->waitForFinished();
    QVERIFY2(cursor > 0 && cursor < size, qPrintable(QString::number(cursor)));

    QByteArray err;
    const int resumed = sync(db, QStringLiteral("lina"), nullptr, &err);
    QVERIFY2(resumed == 0, qPrintable(QString::fromUtf8(err) + QStringLiteral(" / server: ")
                                      + m_server->state()));
    auto client = openStore(db, Database::Mode::ReadOnly);
    auto server = openStore(serverDb(), Database::Mode::ReadOnly);
    QCOMPARE(SyncNet::digestAll(*client), SyncNet::digestAll(*server));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM oplog")), size);
}

void TestServerProcess::serverKilledMidBatchLosesNothing()
{
    QVERIFY(startServer(20));
    const QString db = path(QStringLiteral("hr.db"));
    QCOMPARE(sync(db, QStringLiteral("lina")), 0);
    const int edits = 4000;
    QVERIFY(edit(db, QStringLiteral("E00002"), QStringLiteral("email"), edits));
    const qint64 before = count(serverDb(), QStringLiteral("SELECT count(*) FROM server_log"));

    auto p = startSync(db, QStringLiteral("lina"));
    const qint64 now = waitForServerLogBeyond(before);
    m_server->kill(); // SIGKILL, with a batch in flight
    QVERIFY(p->waitForFinished(60000));
    QVERIFY(p->exitCode() != 0);
    QVERIFY(now > before && now < before + edits);

    QVERIFY(m_server->start());
    QCOMPARE(sync(db, QStringLiteral("lina")), 0);
    QCOMPARE(count(serverDb(), QStringLiteral("SELECT count(*) FROM server_log")), before + edits);
    QCOMPARE(count(serverDb(), QStringLiteral("SELECT count(DISTINCT op_id) FROM server_log")),
             before + edits);
    // The server's own audit chain survived the kill.
    QByteArray out;
    QCOMPARE(runTool(CliBin,
                     {QStringLiteral("audit"), QStringLiteral("verify"),
                      QStringLiteral("--database"), serverDb()},
                     &out),
             0);
}

void TestServerProcess::cliReportsARewrittenServer()
{
    QVERIFY(startServer(20));
    const QString db = path(QStringLiteral("hr.db"));
    QCOMPARE(sync(db, QStringLiteral("lina")), 0);
    const qint64 size = count(serverDb(), QStringLiteral("SELECT count(*) FROM server_log"));
    m_server->kill();
    {
        // The newest entries are cut from the log behind the server's back,
        // with the Merkle nodes over them: a valid, shorter log.
        RawSql raw(serverDb());
        const qint64 cut = size - 3;
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM server_log WHERE idx >= %1").arg(cut)));
        QVERIFY(raw.exec(
            // PostgreSQL shifts a bigint by an int only.
            QStringLiteral(
                "DELETE FROM merkle_node WHERE ((idx + 1) << CAST(level AS INTEGER)) > %1")
                .arg(cut)));
    }
    QVERIFY(m_server->start());
    QByteArray out;
    QByteArray err;
    QCOMPARE(sync(db, QStringLiteral("lina"), &out, &err), 3);
    QVERIFY2(err.contains("ALARM"), err.constData());
    // And it stays stopped.
    QCOMPARE(sync(db, QStringLiteral("lina"), &out, &err), 3);
}

void TestServerProcess::unknownPathsAnswerWithTheProtocolsError()
{
    m_server = std::make_unique<ServerProcess>(ServerBin, serverDb());
    QVERIFY(m_server->init());
    QVERIFY(m_server->start());
    QNetworkAccessManager net;
    auto get = [&](const QString &path, QByteArray *body) {
        std::unique_ptr<QNetworkReply> reply(
            net.get(QNetworkRequest(QUrl(m_server->url() + path))));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        if (!done.wait(10000))
            return -1;
        *body = reply->readAll();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    QByteArray body;
    QCOMPARE(get(QStringLiteral("/v2/ops"), &body), 404);
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(u"error").toObject();
    QCOMPARE(error.value(u"code").toString(), QStringLiteral("route.unknown"));
    QVERIFY(error.value(u"message").toString().contains(QStringLiteral("/v2/ops")));
    // The server goes on serving.
    QCOMPARE(get(QStringLiteral("/healthz"), &body), 200);
}

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
