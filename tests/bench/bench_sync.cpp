// Sync speed on loopback against a real `baton-server run` process over
// HTTP (issue 3, "Speed"). Prints "name: value unit":
//  1. the first sync of a fresh client pulling the whole log (>= 100,000
//     ops), and the same rows inserted straight into a plain SQLite table in
//     one transaction with one prepared statement, with the ratio, and the
//     client's peak memory;
//  2. a push of 10,000 ops from one client;
//  3. an incremental sync round with nothing to do (median and p95);
//  4. pushes of 10-op batches from 50 concurrent sessions (distinct devices,
//     one connection each), with the server's peak RSS.
// The server's log is filled with `baton-cli demo --employees 4000
// --audit-entries 100000 --server URL` (4,000 employees with their goals,
// indicators and reviews, and routine edits up to 100,000 ops), the way an
// organisation's first history reaches a server. Each phase also prints the CPU time client and
// server used. With BENCH_PHASES set, the start of each phase goes to stderr in CLOCK_MONOTONIC
// seconds, to cut a `perf record -k CLOCK_MONOTONIC` profile into phases.
#include "oplog/uuidv7.h"
#include "serverprocess.h"
#include "store/store.h"
#include "sync/httptransport.h"
#include "sync/syncclient.h"
#include "sync/syncwire.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <ctime>

#include <unistd.h>

using namespace baton;
using namespace baton::test;

namespace {

QTextStream out(stdout);
QTextStream err(stderr);

const QString ServerBin = QStringLiteral(BATON_SERVER_BIN);
const QString CliBin = QStringLiteral(BATON_CLI_BIN);

void phase(const char *name)
{
    if (qEnvironmentVariableIsSet("BENCH_PHASES")) {
        timespec t{};
        clock_gettime(CLOCK_MONOTONIC, &t);
        err << "phase " << name << ' ' << t.tv_sec << '.'
            << QString::number(t.tv_nsec / 1000).rightJustified(6, QLatin1Char('0')) << Qt::endl;
    }
}

void print(const char *name, double value, const char *unit, int decimals = 0)
{
    out << name << ": " << QString::number(value, 'f', decimals) << ' ' << unit << Qt::endl;
}

QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("model name"))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    return QStringLiteral("unknown");
}

// A field of /proc/<pid>/status in kB ("VmHWM", "VmRSS"), or -1.
qint64 procStatusKb(qint64 pid, const QByteArray &field)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// CPU time (user + system) a process has used so far, in ms; 0: this one.
double cpuMs(qint64 pid = 0)
{
    QFile f(pid ? QStringLiteral("/proc/%1/stat").arg(pid) : QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields.at(11).toLongLong() + fields.at(12).toLongLong()) * 1000.0 / ticks;
}

// CPU used by this process and the server during a phase.
struct CpuSpan
{
    qint64 server;
    double clientStart = cpuMs();
    double serverStart = cpuMs(server);
    double clientEnd = -1;
    double serverEnd = -1;
    void stop()
    {
        clientEnd = cpuMs();
        serverEnd = cpuMs(server);
    }
    void print(const char *what)
    {
        if (clientEnd < 0)
            stop();
        out << what << "_cpu_ms: client " << qRound(clientEnd - clientStart) << ", server "
            << qRound(serverEnd - serverStart) << Qt::endl;
    }
};

// Resets the peak RSS of a process of ours (Linux: "5" to clear_refs).
bool resetPeakRss(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/clear_refs").arg(pid));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    if (values.isEmpty())
        return 0;
    const qsizetype i =
        qBound<qsizetype>(0, qsizetype(std::ceil(p * values.size())) - 1, values.size() - 1);
    return values.at(i);
}

// Forwards to the HTTP transport and notes when the first pull is sent: the
// push phase of a round ends there.
class TimingTransport : public SyncTransport
{
public:
    explicit TimingTransport(SyncTransport &inner)
        : m_inner(inner)
    { }
    void send(const HttpCall &call, Done done) override
    {
        if (m_firstPullNs < 0 && call.method == "GET" && call.path == QLatin1String("/v1/ops"))
            m_firstPullNs = m_timer.nsecsElapsed();
        if (call.method == "POST" && call.path == QLatin1String("/v1/ops"))
            ++m_pushes;
        m_inner.send(call, std::move(done));
    }
    void restart()
    {
        m_timer.start();
        m_firstPullNs = -1;
        m_pushes = 0;
    }
    qint64 firstPullNs() const { return m_firstPullNs; }
    int pushes() const { return m_pushes; }

private:
    SyncTransport &m_inner;
    QElapsedTimer m_timer;
    qint64 m_firstPullNs = -1;
    int m_pushes = 0;
};

// One sync round to its end.
SyncOutcome syncOnce(SyncClient &client)
{
    SyncOutcome outcome;
    QEventLoop loop;
    auto c = QObject::connect(&client, &SyncClient::finished, &loop, [&](const SyncOutcome &o) {
        outcome = o;
        loop.quit();
    });
    client.start();
    if (client.isRunning())
        loop.exec();
    QObject::disconnect(c);
    return outcome;
}

HttpReply sendAndWait(SyncTransport &transport, const HttpCall &call)
{
    HttpReply reply;
    QEventLoop loop;
    transport.send(call, [&](const HttpReply &r) {
        reply = r;
        loop.quit();
    });
    loop.exec();
    return reply;
}

std::unique_ptr<Store> openStore(const QString &path)
{
    Store::Options o;
    o.path = path;
    o.backgroundCheckpoint = true; // as the desktop opens its store (DesktopSession)
    auto s = Store::open(o);
    if (!s) {
        err << s.error().message << Qt::endl;
        return nullptr;
    }
    return std::move(s).value();
}

QList<QUuid> employeeIds(Store &store)
{
    QList<QUuid> ids;
    SqlStatement &q =
        store.database().statement(QStringLiteral("SELECT id FROM employee ORDER BY number"));
    if (!q.exec())
        return ids;
    while (q.next())
        ids.append(parseId(q.text(0)));
    q.finish();
    return ids;
}

// The op log's rows of a store, inserted into a plain table of the same
// columns in a new file: one transaction, one prepared statement, the
// store's own pragmas. Returns the nanoseconds the insert took, or -1.
qint64 rawInsert(const QString &fromPath, const QString &toPath, qint64 *rows)
{
    const QString columns = QStringLiteral(
        "seq, id, entity, entity_id, kind, fields, hlc, author, device, origin, applied_ms");
    QList<QVariantList> data;
    {
        QSqlDatabase src =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench_src"));
        src.setDatabaseName(fromPath);
        src.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!src.open())
            return -1;
        QSqlQuery q(src);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT %1 FROM oplog ORDER BY seq").arg(columns)))
            return -1;
        while (q.next()) {
            QVariantList row;
            row.reserve(11);
            for (int i = 0; i < 11; ++i)
                row.append(q.value(i));
            data.append(row);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench_src"));
    *rows = data.size();

    qint64 ns = -1;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench_raw"));
        db.setDatabaseName(toPath);
        if (!db.open())
            return -1;
        QSqlQuery setup(db);
        for (const char *sql :
             {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
              "CREATE TABLE oplog (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, entity TEXT NOT "
              "NULL, entity_id TEXT NOT NULL, kind TEXT NOT NULL, fields TEXT NOT NULL, hlc TEXT "
              "NOT NULL, author TEXT NOT NULL, device TEXT NOT NULL, origin TEXT NOT NULL, "
              "applied_ms INTEGER NOT NULL)"})
            if (!setup.exec(QLatin1String(sql))) {
                err << setup.lastError().text() << Qt::endl;
                return -1;
            }
        QElapsedTimer timer;
        timer.start();
        db.transaction();
        QSqlQuery insert(db);
        insert.prepare(
            QStringLiteral("INSERT INTO oplog (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?)").arg(columns));
        for (const QVariantList &row : std::as_const(data)) {
            for (int i = 0; i < 11; ++i)
                insert.bindValue(i, row.at(i));
            if (!insert.exec()) {
                err << insert.lastError().text() << Qt::endl;
                return -1;
            }
        }
        if (!db.commit())
            return -1;
        ns = timer.nsecsElapsed();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench_raw"));
    return ns;
}

// One of the concurrent clients: its own connection, session and device;
// pushes a 10-op batch, waits for the answer, pushes the next.
struct PushClient
{
    std::unique_ptr<HttpTransport> transport;
    QString device;
    QByteArray token;
    QUuid user;
    quint32 counter = 0;
    qint64 lastWallMs = 0;
    int pushes = 0;
    QList<double> latenciesMs;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("baton.*.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sync benchmarks against baton-server."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("employees"),
                      QStringLiteral("Demo company loaded into the server (sets the log size)."),
                      QStringLiteral("N"), QStringLiteral("4000")});
    parser.addOption({QStringLiteral("history"),
                      QStringLiteral("Routine edits in the demo company's history, so that the "
                                     "server's log holds about N ops (demo --audit-entries)."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("push-ops"), QStringLiteral("Ops in the single push."),
                      QStringLiteral("N"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("Incremental rounds timed."),
                      QStringLiteral("N"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("clients"), QStringLiteral("Concurrent pushing sessions."),
                      QStringLiteral("N"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("seconds"),
                      QStringLiteral("How long the concurrent clients push."), QStringLiteral("S"),
                      QStringLiteral("10")});
    parser.process(app);
    const int employees = parser.value(QStringLiteral("employees")).toInt();
    const int history = parser.value(QStringLiteral("history")).toInt();
    const int pushOps = parser.value(QStringLiteral("push-ops")).toInt();
    const int rounds = parser.value(QStringLiteral("rounds")).toInt();
    const int clients = parser.value(QStringLiteral("clients")).toInt();
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();

    out << "machine: " << cpuModel() << ", " << QThread::idealThreadCount() << " cores" << Qt::endl;

    QTemporaryDir dir;
    ServerProcess server(ServerBin, dir.filePath(QStringLiteral("server.db")));
    if (!server.init() || !server.start()) {
        err << "the server did not start" << Qt::endl;
        return 1;
    }
    const qint64 serverPid = server.pid();

    // The server's history: the demo company, loaded as its first run.
    QElapsedTimer timer;
    timer.start();
    QByteArray demoOut;
    QByteArray demoErr;
    if (runTool(CliBin,
                {QStringLiteral("demo"), QStringLiteral("--employees"), QString::number(employees),
                 QStringLiteral("--audit-entries"), QString::number(history),
                 QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--server"),
                 server.url()},
                &demoOut, &demoErr, 1800000)
        != 0) {
        err << "demo --server failed: " << demoErr << Qt::endl;
        return 1;
    }
    err << "demo company loaded in " << timer.elapsed() / 1000.0 << " s" << Qt::endl;
    static const QRegularExpression adminLine(QStringLiteral("login: admin password: (\\S+)"));
    const auto m = adminLine.match(QString::fromUtf8(demoOut));
    if (!m.hasMatch()) {
        err << "no admin login in the demo's output" << Qt::endl;
        return 1;
    }
    const QString password = m.captured(1);
    const QUrl url(server.url());

    // 1. First sync of a fresh client as the administrator, who sees it all.
    auto client = openStore(dir.filePath(QStringLiteral("client.db")));
    if (!client)
        return 1;
    HttpTransport http(url);
    TimingTransport timing(http);
    SyncClient sync(*client, timing);
    sync.setCredentials(QStringLiteral("admin"), password);
    phase("first_sync");
    CpuSpan cpu{serverPid};
    timing.restart();
    timer.start();
    SyncOutcome first = syncOnce(sync);
    const qint64 firstNs = timer.nsecsElapsed();
    if (!first.ok) {
        err << "first sync failed: " << first.error.message << Qt::endl;
        return 1;
    }
    print("server_log_entries", double(first.logSize), "ops");
    print("first_sync_ops_pulled", first.pulled, "ops");
    print("first_sync_ms", firstNs / 1e6, "ms");
    print("first_sync_rate", first.pulled / (firstNs / 1e9), "ops/s");
    cpu.print("first_sync");
    // This process has been the client alone so far (the demo and the
    // server run in their own).
    print("client_peak_rss_first_sync_mb", procStatusKb(getpid(), "VmHWM") / 1024.0, "MB", 1);

    phase("raw");
    qint64 rawRows = 0;
    const qint64 rawNs = rawInsert(dir.filePath(QStringLiteral("client.db")),
                                   dir.filePath(QStringLiteral("raw.db")), &rawRows);
    if (rawNs < 0) {
        err << "raw insert failed" << Qt::endl;
        return 1;
    }
    print("raw_sqlite_insert_rows", double(rawRows), "rows");
    print("raw_sqlite_insert_ms", rawNs / 1e6, "ms");
    print("first_sync_vs_raw_insert", double(firstNs) / double(rawNs), "x", 1);

    // 3. Incremental rounds with nothing to do (the session is kept).
    phase("incremental");
    QList<double> roundMs;
    for (int i = 0; i < rounds; ++i) {
        timer.start();
        const SyncOutcome o = syncOnce(sync);
        roundMs.append(timer.nsecsElapsed() / 1e6);
        if (!o.ok || o.pulled != 0 || o.pushed != 0) {
            err << "incremental round failed: " << o.error.message << Qt::endl;
            return 1;
        }
    }
    print("incremental_sync_median_ms", percentile(roundMs, 0.5), "ms", 1);
    print("incremental_sync_p95_ms", percentile(roundMs, 0.95), "ms", 1);

    // 2. A push of pushOps local edits (phone numbers of employees).
    const QUuid admin = parseId(*client->meta(SyncClient::ServerUserKey));
    const QList<QUuid> people = employeeIds(*client);
    if (people.isEmpty()) {
        err << "no employees on the client" << Qt::endl;
        return 1;
    }
    QList<Operation> batch;
    for (int i = 0; i < pushOps; ++i) {
        batch.append(client->makeOp(
            QStringLiteral("employee"), people.at(i % people.size()), OpKind::Update,
            {{QStringLiteral("phone"), QStringLiteral("+86 21 %1").arg(20000000 + i)}}, admin));
        if (batch.size() == 500 || i == pushOps - 1) {
            if (auto s = client->submit(batch); !s) {
                err << "local edit failed: " << s.error().message << Qt::endl;
                return 1;
            }
            batch.clear();
        }
    }
    phase("push");
    cpu = CpuSpan{serverPid};
    timing.restart();
    timer.start();
    const SyncOutcome pushed = syncOnce(sync);
    const qint64 roundNs = timer.nsecsElapsed();
    if (!pushed.ok || pushed.pushed != pushOps || timing.firstPullNs() < 0) {
        err << "push failed: " << pushed.error.message << " (" << pushed.pushed << " pushed)"
            << Qt::endl;
        return 1;
    }
    out << "push_ops: " << pushOps << " ops in " << timing.pushes() << " requests" << Qt::endl;
    print("push_ms", timing.firstPullNs() / 1e6, "ms");
    print("push_rate", pushOps / (timing.firstPullNs() / 1e9), "ops/s");
    print("push_round_with_pull_back_ms", roundNs / 1e6, "ms");
    cpu.print("push_round_with_pull_back");

    // 4. Concurrent pushes: one session per client, each its own device.
    print("server_peak_rss_so_far_mb", procStatusKb(serverPid, "VmHWM") / 1024.0, "MB", 1);
    const bool peakReset = resetPeakRss(serverPid);
    std::vector<PushClient> pushers(clients);
    for (int i = 0; i < clients; ++i) {
        PushClient &c = pushers[i];
        c.transport = std::make_unique<HttpTransport>(url);
        c.device = QStringLiteral("bench-device-%1").arg(i, 3, 10, QLatin1Char('0'));
        HttpCall login;
        login.method = "POST";
        login.path = QStringLiteral("/v1/session");
        login.body = wire::loginRequestBody({QStringLiteral("admin"), password, c.device});
        const HttpReply r = sendAndWait(*c.transport, login);
        auto reply = wire::parseLoginReply(r.body);
        if (r.status != 200 || !reply) {
            err << "sign-in " << i << " failed: " << r.status << ' ' << r.body << Qt::endl;
            return 1;
        }
        c.token = reply->token.toLatin1();
        c.user = reply->userId;
    }

    QElapsedTimer run;
    bool stopping = false;
    int inFlight = 0;
    int failures = 0;
    qint64 editNo = 0;
    QEventLoop loop;
    std::function<void(PushClient &)> pushNext = [&](PushClient &c) {
        if (stopping) {
            if (--inFlight == 0)
                loop.quit();
            return;
        }
        QList<Operation> ops;
        for (int k = 0; k < 10; ++k) {
            Operation op;
            op.id = createUuidV7();
            op.entity = QStringLiteral("employee");
            op.entityId = people.at(editNo % people.size());
            op.kind = OpKind::Update;
            op.fields = {{QStringLiteral("phone"),
                          QStringLiteral("+86 10 %1").arg(30000000 + editNo % 60000000)}};
            ++editNo;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (now > c.lastWallMs) {
                c.lastWallMs = now;
                c.counter = 0;
            } else {
                ++c.counter;
            }
            op.hlc = Hlc{c.lastWallMs, c.counter, c.device};
            op.author = c.user;
            op.device = c.device;
            ops.append(op);
        }
        HttpCall call;
        call.method = "POST";
        call.path = QStringLiteral("/v1/ops");
        call.bearer = c.token;
        call.body = wire::pushRequestBody(ops);
        const qint64 sentNs = run.nsecsElapsed();
        c.transport->send(call, [&, sentNs, &c = c](const HttpReply &r) {
            bool ok = r.status == 200;
            if (ok) {
                auto results = wire::parsePushReply(r.body);
                ok = results && results->size() == 10;
                if (ok)
                    for (const wire::PushResult &p : std::as_const(*results))
                        ok = ok && p.status == wire::PushResult::Status::Accepted;
            }
            if (!ok && ++failures <= 3)
                err << "push refused: " << r.status << ' ' << r.body.left(300) << r.error
                    << Qt::endl;
            if (ok && !stopping) {
                ++c.pushes;
                c.latenciesMs.append((run.nsecsElapsed() - sentNs) / 1e6);
            }
            pushNext(c);
        });
    };
    phase("concurrent");
    cpu = CpuSpan{serverPid};
    run.start();
    QTimer::singleShot(seconds * 1000, [&] {
        stopping = true;
        cpu.stop();
    });
    for (PushClient &c : pushers) {
        ++inFlight;
        pushNext(c);
    }
    loop.exec();
    phase("end");
    // Counted are the pushes answered within the run; the ones still in
    // flight when it ended finish afterwards and are not counted.
    const double elapsed = seconds;
    int total = 0;
    QList<double> latencies;
    for (const PushClient &c : pushers) {
        total += c.pushes;
        latencies.append(c.latenciesMs);
    }
    if (failures > 0) {
        err << failures << " pushes failed" << Qt::endl;
        return 1;
    }
    out << "concurrent_clients: " << clients << " sessions, 10 ops per push, " << seconds << " s"
        << Qt::endl;
    print("concurrent_push_rate", total / elapsed, "pushes/s");
    print("concurrent_op_rate", total * 10 / elapsed, "ops/s");
    cpu.print("concurrent");
    print("concurrent_push_latency_median_ms", percentile(latencies, 0.5), "ms", 1);
    print("concurrent_push_latency_p95_ms", percentile(latencies, 0.95), "ms", 1);
    if (peakReset)
        print("server_peak_rss_concurrent_mb", procStatusKb(serverPid, "VmHWM") / 1024.0, "MB", 1);
    print("server_rss_now_mb", procStatusKb(serverPid, "VmRSS") / 1024.0, "MB", 1);
    return 0;
}
