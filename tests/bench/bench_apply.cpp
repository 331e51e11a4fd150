// Store::apply throughput: employee creates and updates in batches of 1,000,
// the shape of a first sync or a bulk import. Prints "name: value unit".
#include "auth/accounts.h"
#include "auth/passwordhash.h"
#include "oplog/uuidv7.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

using namespace baton;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int total = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    constexpr int batchSize = 1000;

    PasswordHash::setDefaultCost({10, 8, 1});
    QTemporaryDir dir;
    Store::Options options;
    options.path = dir.filePath(QStringLiteral("bench.db"));
    auto opened = Store::open(options);
    if (!opened) {
        out << opened.error().message << Qt::endl;
        return 1;
    }
    Store &store = **opened;
    Accounts accounts(store);
    const QUuid admin =
        accounts.createFirstAdmin(QStringLiteral("admin"), QStringLiteral("bench-password"))
            .value();
    const QUuid dept = createUuidV7();
    if (!store.submit({store.makeOp(QStringLiteral("department"), dept, OpKind::Create,
                                    {{QStringLiteral("code"), QStringLiteral("HQ")},
                                     {QStringLiteral("name"), QStringLiteral("Head office")},
                                     {QStringLiteral("kind"), QStringLiteral("head_office")},
                                     {QStringLiteral("time_zone"), QStringLiteral("Asia/Shanghai")},
                                     {QStringLiteral("currency"), QStringLiteral("CNY")}},
                                    admin)})) {
        out << "setup failed" << Qt::endl;
        return 1;
    }

    QList<QUuid> ids;
    ids.reserve(total);
    QElapsedTimer timer;
    qint64 applyNs = 0;
    for (int start = 0; start < total; start += batchSize) {
        QList<Operation> batch;
        for (int i = start; i < std::min(total, start + batchSize); ++i) {
            const QUuid id = createUuidV7();
            ids.append(id);
            batch.append(store.makeOp(
                QStringLiteral("employee"), id, OpKind::Create,
                {{QStringLiteral("number"), QStringLiteral("E%1").arg(i, 7, 10, QLatin1Char('0'))},
                 {QStringLiteral("family_name"), QStringLiteral("张")},
                 {QStringLiteral("given_name"), QStringLiteral("伟%1").arg(i)},
                 {QStringLiteral("email"), QStringLiteral("w%1@example.com").arg(i)},
                 {QStringLiteral("department_id"), idString(dept)},
                 {QStringLiteral("hire_date"), QStringLiteral("2020-01-01")}},
                admin));
        }
        timer.start();
        const auto outcomes = store.apply(batch, Origin::Local);
        applyNs += timer.nsecsElapsed();
        for (const auto &o : outcomes)
            if (!o.applied()) {
                out << "rejected: " << o.error.message << Qt::endl;
                return 1;
            }
    }
    out << "apply_create_batch1000: " << qRound64(total / (applyNs / 1e9)) << " ops/s" << Qt::endl;

    applyNs = 0;
    for (int start = 0; start < total; start += batchSize) {
        QList<Operation> batch;
        for (int i = start; i < std::min(total, start + batchSize); ++i)
            batch.append(store.makeOp(
                QStringLiteral("employee"), ids[i], OpKind::Update,
                {{QStringLiteral("phone"),
                  QStringLiteral("138 0000 %1").arg(i % 10000, 4, 10, QLatin1Char('0'))}},
                admin));
        timer.start();
        const auto outcomes = store.apply(batch, Origin::Local);
        applyNs += timer.nsecsElapsed();
        for (const auto &o : outcomes)
            if (!o.applied()) {
                out << "rejected: " << o.error.message << Qt::endl;
                return 1;
            }
    }
    out << "apply_update_batch1000: " << qRound64(total / (applyNs / 1e9)) << " ops/s" << Qt::endl;
    return 0;
}
