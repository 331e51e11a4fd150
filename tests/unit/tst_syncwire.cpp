// The sync messages as bytes: what the server writes by hand reads back as
// what it was, and says what the QJsonObject form said.
#include "oplog/canonicaljson.h"
#include "oplog/uuidv7.h"
#include "sync/syncwire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace baton;

namespace {

Operation sampleOp(qint64 wall, const QJsonObject &fields, const QJsonObject &base = {})
{
    Operation op;
    op.id = createUuidV7(wall);
    op.entity = QStringLiteral("employee");
    op.entityId = createUuidV7(wall - 1000);
    op.kind = base.isEmpty() ? OpKind::Create : OpKind::Update;
    op.fields = fields;
    op.base = base;
    op.hlc = Hlc{wall, 7, QStringLiteral("0123456789abcdef")};
    op.author = createUuidV7(wall - 2000);
    op.device = op.hlc.deviceId;
    return op;
}

} // namespace

class TestSyncWire : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pullReplyReadsBackAsWritten();
    void emptyPullReply();
    void pushReplyReadsBackAsWritten();
};

void TestSyncWire::pullReplyReadsBackAsWritten()
{
    wire::PullReply reply;
    reply.from = 40;
    reply.next = 44;
    for (int i = 0; i < 4; ++i)
        reply.leaves.append(QByteArray(32, char('a' + i)));
    reply.ops.append(
        {40,
         sampleOp(1767225600000,
                  {{QStringLiteral("family_name"), QStringLiteral("王")},
                   {QStringLiteral("notes"), QStringLiteral("合同\n\"B 客户\" 续约\\\t\x01 €")},
                   {QStringLiteral("salary"), 1200000},
                   {QStringLiteral("active"), true},
                   {QStringLiteral("manager_id"), QJsonValue::Null}}),
         {}});
    reply.ops.append(
        {42,
         sampleOp(1767225601000, {{QStringLiteral("status"), QStringLiteral("approved")}},
                  {{QStringLiteral("status"), QStringLiteral("1767225600000:000001:dev")}}),
         {}});
    // As the server sends ops: their canonical bytes from its log.
    const Operation fromLog =
        sampleOp(1767225602000, {{QStringLiteral("given_name"), QStringLiteral("芳")}});
    reply.ops.append({43, {}, fromLog.canonical()});
    reply.forget.append({QStringLiteral("customer"), createUuidV7(1767225500000)});
    reply.more = true;
    reply.head = QByteArrayLiteral("baton.example.cn/log\n44\nq83v\n\n— sig \"x\"\n");

    const QByteArray body = wire::pullReplyBody(reply);
    auto back = wire::parsePullReply(body);
    QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
    QCOMPARE(back->from, reply.from);
    QCOMPARE(back->next, reply.next);
    QCOMPARE(back->leaves, reply.leaves);
    QCOMPARE(back->more, true);
    QCOMPARE(back->head, reply.head);
    QCOMPARE(back->forget, reply.forget);
    QCOMPARE(back->ops.size(), 3);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(back->ops[i].index, reply.ops[i].index);
        QCOMPARE(back->ops[i].op.canonical(), reply.ops[i].op.canonical());
        QCOMPARE(back->ops[i].op.base, reply.ops[i].op.base);
        // Each op goes as the bytes its leaf hash is made over.
        QVERIFY(body.contains(reply.ops[i].op.canonical()));
    }
    QCOMPARE(back->ops[2].index, 43);
    QCOMPARE(back->ops[2].op.canonical(), fromLog.canonical());
    QCOMPARE(back->ops[2].op.id, fromLog.id);

    // The same message as a QJsonObject writes it.
    QJsonArray ops;
    for (const wire::PulledOp &p : reply.ops)
        ops.append(
            QJsonObject{{QStringLiteral("index"), p.index},
                        {QStringLiteral("op"), (p.canonical.isEmpty() ? p.op : fromLog).toJson()}});
    QJsonArray leaves;
    for (const QByteArray &leaf : reply.leaves)
        leaves.append(QString::fromLatin1(leaf.toBase64()));
    const QJsonObject expected{
        {QStringLiteral("ops"), ops},
        {QStringLiteral("forget"),
         QJsonArray{QJsonObject{{QStringLiteral("entity"), reply.forget[0].entity},
                                {QStringLiteral("id"), idString(reply.forget[0].id)}}}},
        {QStringLiteral("from"), 40},
        {QStringLiteral("leaves"), leaves},
        {QStringLiteral("next"), 44},
        {QStringLiteral("more"), true},
        {QStringLiteral("head"), QString::fromUtf8(reply.head)}};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.object(), expected);
}

void TestSyncWire::emptyPullReply()
{
    wire::PullReply reply;
    reply.from = 7;
    reply.next = 7;
    reply.head = QByteArrayLiteral("head");
    const QByteArray body = wire::pullReplyBody(reply);
    QCOMPARE(
        body,
        QByteArrayLiteral(
            R"({"forget":[],"from":7,"head":"head","leaves":[],"more":false,"next":7,"ops":[]})"));
    auto back = wire::parsePullReply(body);
    QVERIFY(back);
    QVERIFY(back->ops.isEmpty());
    QVERIFY(!back->more);
}

void TestSyncWire::pushReplyReadsBackAsWritten()
{
    using Status = wire::PushResult::Status;
    const QList<wire::PushResult> results = {
        {createUuidV7(1767225600000), Status::Accepted, 12, {}},
        {createUuidV7(1767225600001), Status::Duplicate, 3, {}},
        {createUuidV7(1767225600002), Status::Rejected, -1,
         Error(QStringLiteral("policy.denied"), QStringLiteral("不能修改 \"入职日期\"\n(E006)"))},
    };
    const QByteArray body = wire::pushReplyBody(results);
    auto back = wire::parsePushReply(body);
    QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
    QCOMPARE(back->size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(back->at(i).opId, results[i].opId);
        QCOMPARE(back->at(i).status, results[i].status);
        QCOMPARE(back->at(i).reason.code, results[i].reason.code);
        QCOMPARE(back->at(i).reason.message, results[i].reason.message);
    }
    QCOMPARE(back->at(0).index, 12);
    QCOMPARE(back->at(1).index, 3);

    // A refusal quoting a client's broken text (an unpaired surrogate) goes
    // back as it was, escaped, as QJsonDocument wrote it.
    wire::PushResult odd = results[2];
    odd.reason.message = QStringLiteral("no field \"a") + QChar(0xd800) + QStringLiteral("b\"");
    const QByteArray oddBody = wire::pushReplyBody({odd});
    QVERIFY(oddBody.contains("a\\ud800b"));
    auto oddBack = wire::parsePushReply(oddBody);
    QVERIFY(oddBack);
    QCOMPARE(oddBack->at(0).reason.message, odd.reason.message);

    // Byte for byte what QJsonDocument wrote before.
    QJsonArray a;
    for (const wire::PushResult &r : results) {
        QJsonObject o{{QStringLiteral("id"), idString(r.opId)}};
        if (r.status == Status::Rejected) {
            o.insert(QStringLiteral("status"), QStringLiteral("rejected"));
            o.insert(QStringLiteral("code"), r.reason.code);
            o.insert(QStringLiteral("message"), r.reason.message);
        } else {
            o.insert(QStringLiteral("status"), r.status == Status::Accepted
                                                   ? QStringLiteral("accepted")
                                                   : QStringLiteral("duplicate"));
            o.insert(QStringLiteral("index"), r.index);
        }
        a.append(o);
    }
    QCOMPARE(
        body,
        QJsonDocument(QJsonObject{{QStringLiteral("results"), a}}).toJson(QJsonDocument::Compact));
}

QTEST_GUILESS_MAIN(TestSyncWire)
#include "tst_syncwire.moc"
