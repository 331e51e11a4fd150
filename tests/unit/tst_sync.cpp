// Sync between a server and clients in one process (the real SyncService and
// SyncClient, the network replaced by a direct call that can fail on
// purpose): convergence, idempotent retries, what each account may see, what
// the server refuses, and a server log that cannot be rewritten unnoticed.
#include "faultytransport.h"
#include "syncnet.h"
#include "unittools.h"

#include "org/directory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace baton;
using namespace baton::test;

namespace {

QJsonObject phone(const char *number)
{
    return {{QStringLiteral("phone"), QLatin1String(number)}};
}

// An op of a client's own, made the way a form makes it.
Status edit(Store &client, const QString &entity, const QUuid &id, const QJsonObject &fields)
{
    auto user = client.meta(SyncClient::ServerUserKey);
    if (!user)
        return user.error();
    return client.submit({client.makeOp(entity, id, OpKind::Update, fields, parseId(*user))});
}

} // namespace

class TestSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstSyncBringsTheWholeOrganisationToHr();
    void eachAccountPullsOnlyWhatItMaySee();
    void salespeoplePullOnlyTheirOwnCustomers();
    void recordsEnteringViewArriveWholeAndLeavingAreForgotten();
    void historyOnlyOfRecordsInViewWithProofs();
    void accountsLeavingViewAreForgottenWithTheirGrants();
    void offlineEditsConvergeWithLastWriterPerField();
    void refusedLocalOpIsTakenBackAndListed();
    void stateDecisionsMadeOfflineFirstToArriveStands();
    void guardedChangeMustNameItsBase();
    void lostReplyIsRetriedWithoutApplyingTwice();
    void pushLargerThanARequestIsSplit();
    void sessionEndingWhilePagesAreAskedAheadSignsInAgain();
    void pushesAnsweredTogetherAreJudgedAlone();
    void serverBatchRolledBackLeavesTheLogWhole();
    void lostPullReplyFetchesThePageAgain();
    void forgedAuthorAndDeviceRefusedAndAudited();
    void replayedOpIsADuplicate();
    void sessionsExpireRevokeAndEndOnDeparture();
    void badRequestsWriteNothing();
    void signInIsRateLimitedPerAddress();
    void setupOnlyFromLoopbackAndOnlyOnce();
    void proofsVerifyAgainstTheSignedHead();
    void editedServerOpIsDetected();
    void rewrittenServerHistoryIsDetected();
};

void TestSync::firstSyncBringsTheWholeOrganisationToHr()
{
    SyncNet net;
    QVERIFY(net.start());
    Store *hr = net.openClient(QStringLiteral("hr"));
    QVERIFY(hr);
    const SyncOutcome o = net.sync(*hr, QStringLiteral("lina"), nullptr, {500, 7});
    QVERIFY2(o.ok, qPrintable(o.error.message));
    QVERIFY(o.pulled > 20);
    QCOMPARE(o.logSize, rowCount(*net.server, QStringLiteral("server_log")));
    QCOMPARE(SyncNet::digestAll(*hr), SyncNet::digestAll(*net.server));
    // Nothing was sent: the pulled ops are not queued for push.
    QCOMPARE(hr->pendingOutboxCount(), 0);
    QCOMPARE(*hr->meta(SyncClient::CursorKey), QString::number(o.logSize));
    // What an auditor is shown of the server's history: the checkpoint kept
    // here, its signature checked again.
    auto state = SyncClient::checkpointState(*hr);
    QVERIFY(state);
    QVERIFY(state->synced && state->signatureOk && state->alarm.isEmpty());
    QCOMPARE(state->size, o.logSize);
    const QString head = *hr->meta(SyncClient::HeadKey);
    const QString sizeLine = QStringLiteral("\n%1\n").arg(o.logSize);
    QVERIFY(head.contains(sizeLine));
    QString forged = head;
    forged.replace(sizeLine, QStringLiteral("\n%1\n").arg(o.logSize + 1));
    QVERIFY(hr->setMeta(SyncClient::HeadKey, forged).ok());
    QVERIFY(!SyncClient::checkpointState(*hr)->signatureOk);
    QVERIFY(hr->setMeta(SyncClient::HeadKey, head).ok());
    // A setting is cleared with an empty value, null or not.
    QVERIFY(hr->setMeta(SyncClient::LastSyncKey, QString()).ok());
    QVERIFY(hr->meta(SyncClient::LastSyncKey)->isEmpty());

    // A second round with nothing new is in step and changes nothing.
    const QByteArray before = SyncNet::digestAll(*hr);
    const SyncOutcome again = net.sync(*hr, QStringLiteral("lina"));
    QVERIFY(again.ok);
    QCOMPARE(again.pulled, 0);
    QCOMPARE(SyncNet::digestAll(*hr), before);
}

void TestSync::eachAccountPullsOnlyWhatItMaySee()
{
    SyncNet net;
    QVERIFY(net.start());
    auto employeesOn = [](Store &s) {
        QStringList out;
        QSqlQuery q(s.database().connection());
        q.exec(QStringLiteral("SELECT number FROM employee ORDER BY number"));
        while (q.next())
            out.append(q.value(0).toString());
        return out;
    };
    Store *zw = net.openClient(QStringLiteral("zhangwei"));
    QVERIFY(net.sync(*zw, QStringLiteral("zhangwei")).ok);
    // An employee: their own archive, and the directory of departments.
    QCOMPARE(employeesOn(*zw), QStringList{QStringLiteral("E002")});
    QCOMPARE(rowCount(*zw, QStringLiteral("department")), 4);
    QCOMPARE(rowCount(*zw, QStringLiteral("app_user")), 1); // their own account
    QCOMPARE(scalar(*zw, QStringLiteral("SELECT login FROM app_user")).toString(),
             QStringLiteral("zhangwei"));

    // A department manager: their subtree (PRJ and PRJ-E), nobody else.
    Store *cj = net.openClient(QStringLiteral("chenjing"));
    QVERIFY(net.sync(*cj, QStringLiteral("chenjing")).ok);
    QCOMPARE(employeesOn(*cj),
             (QStringList{QStringLiteral("E001"), QStringLiteral("E002"), QStringLiteral("E006")}));
    QCOMPARE(rowCount(*cj, QStringLiteral("app_user")), 1);

    // What each holds equals the server's rows for those records.
    QCOMPARE(SyncNet::digest(*zw, QStringLiteral("employee")),
             SyncNet::digest(*net.server, QStringLiteral("employee"),
                             QStringLiteral("number = 'E002'")));
    // The employee can sign in offline with the verifier that came along.
    QVERIFY(
        !scalar(*zw, QStringLiteral("SELECT password_hash FROM app_user")).toString().isEmpty());
}

void TestSync::salespeoplePullOnlyTheirOwnCustomers()
{
    SyncNet net;
    QVERIFY(net.start());
    Store *adminDevice = net.openClient(QStringLiteral("admin"));
    QVERIFY(net.sync(*adminDevice, QStringLiteral("admin")).ok);
    auto adminId = net.seed.user.value(QStringLiteral("admin"));
    // Zhang Wei (PRJ-E) and Liu Yang (PRJ) sell; each keeps a customer.
    QList<Operation> ops;
    for (const char *number : {"E002", "E006"})
        ops.append(adminDevice->makeOp(QStringLiteral("employee"),
                                       net.seed.emp.value(QLatin1String(number)), OpKind::Update,
                                       {{QStringLiteral("is_sales"), true}}, adminId));
    QVERIFY(adminDevice->submit(ops).ok());
    const QHash<QString, QString> customers = {
        {QStringLiteral("E002"), QStringLiteral("华东建材")},
        {QStringLiteral("E006"), QStringLiteral("鹏程物流")}};
    for (auto it = customers.constBegin(); it != customers.constEnd(); ++it)
        QVERIFY(adminDevice
                    ->submit({adminDevice->makeOp(
                        QStringLiteral("customer"), createUuidV7(net.clockMs), OpKind::Create,
                        {{QStringLiteral("name"), it.value()},
                         {QStringLiteral("owner_id"), idString(net.seed.emp.value(it.key()))}},
                        adminId)})
                    .ok());
    // Only sales staff keep customers.
    const Status notSales = adminDevice->submit({adminDevice->makeOp(
        QStringLiteral("customer"), createUuidV7(net.clockMs), OpKind::Create,
        {{QStringLiteral("name"), QStringLiteral("X")},
         {QStringLiteral("owner_id"), idString(net.seed.emp.value(QStringLiteral("E005")))}},
        adminId)});
    QCOMPARE(notSales.error().code, QStringLiteral("customer.owner_not_sales"));
    QVERIFY(net.sync(*adminDevice, QStringLiteral("admin")).ok);

    auto customersOf = [&](const QString &login) {
        Store *s = net.openClient(login);
        const SyncOutcome o = net.sync(*s, login);
        QStringList names;
        if (!o.ok)
            return QStringList{o.error.message};
        QSqlQuery q(s->database().connection());
        q.exec(QStringLiteral("SELECT name FROM customer ORDER BY name"));
        while (q.next())
            names.append(q.value(0).toString());
        return names;
    };
    QCOMPARE(customersOf(QStringLiteral("zhangwei")), QStringList{QStringLiteral("华东建材")});
    QCOMPARE(customersOf(QStringLiteral("liuyang")), QStringList{QStringLiteral("鹏程物流")});
    QCOMPARE(customersOf(QStringLiteral("chenjing")).size(), 2);      // manager of both
    QCOMPARE(customersOf(QStringLiteral("wangfang")), QStringList()); // another branch
    QCOMPARE(customersOf(QStringLiteral("lina")).size(), 2);          // HR: all
    QCOMPARE(customersOf(QStringLiteral("zhaolei")), QStringList());  // finance: none
}

void TestSync::recordsEnteringViewArriveWholeAndLeavingAreForgotten()
{
    SyncNet net;
    QVERIFY(net.start());
    const QString e005 = QStringLiteral("number = 'E005'");
    Store *cj = net.openClient(QStringLiteral("chenjing"));
    Store *hr = net.openClient(QStringLiteral("hr"));
    QVERIFY(net.sync(*cj, QStringLiteral("chenjing")).ok);
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    QCOMPARE(scalar(*cj, QStringLiteral("SELECT count(*) FROM employee WHERE ") + e005).toInt(), 0);

    // HR moves Zhao Lei into Projects: the manager's next pull brings the
    // whole record, though its creation went by long before.
    net.clockMs += 60000;
    QVERIFY(edit(
        *hr, QStringLiteral("employee"), net.seed.emp.value(QStringLiteral("E005")),
        {{QStringLiteral("department_id"), idString(net.seed.dept.value(QStringLiteral("PRJ")))}}));
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    const SyncOutcome in = net.sync(*cj, QStringLiteral("chenjing"));
    QVERIFY2(in.ok, qPrintable(in.error.message));
    QCOMPARE(SyncNet::digest(*cj, QStringLiteral("employee"), e005),
             SyncNet::digest(*net.server, QStringLiteral("employee"), e005));
    QCOMPARE(
        scalar(*cj, QStringLiteral("SELECT family_name FROM employee WHERE ") + e005).toString(),
        scalar(*net.server, QStringLiteral("SELECT family_name FROM employee WHERE ") + e005)
            .toString());

    // And out again: the manager's copy is forgotten, not deleted anywhere.
    net.clockMs += 60000;
    QVERIFY(edit(
        *hr, QStringLiteral("employee"), net.seed.emp.value(QStringLiteral("E005")),
        {{QStringLiteral("department_id"), idString(net.seed.dept.value(QStringLiteral("HQ")))}}));
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    const SyncOutcome out = net.sync(*cj, QStringLiteral("chenjing"));
    QVERIFY2(out.ok, qPrintable(out.error.message));
    QCOMPARE(out.forgotten, 1);
    QCOMPARE(scalar(*cj, QStringLiteral("SELECT count(*) FROM employee WHERE ") + e005).toInt(), 0);
    QCOMPARE(scalar(*cj, QStringLiteral("SELECT count(*) FROM oplog WHERE entity_id = '%1'")
                             .arg(idString(net.seed.emp.value(QStringLiteral("E005")))))
                 .toInt(),
             0);
    QCOMPARE(
        scalar(*net.server, QStringLiteral("SELECT count(*) FROM employee WHERE ") + e005).toInt(),
        1);
    // Nothing else went: the manager's own people are all there.
    QCOMPARE(scalar(*cj, QStringLiteral("SELECT count(*) FROM employee")).toInt(), 3);

    // Back in view once more: the whole record comes again.
    net.clockMs += 60000;
    QVERIFY(edit(*hr, QStringLiteral("employee"), net.seed.emp.value(QStringLiteral("E005")),
                 {{QStringLiteral("department_id"),
                   idString(net.seed.dept.value(QStringLiteral("PRJ-E")))}}));
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    QVERIFY(net.sync(*cj, QStringLiteral("chenjing")).ok);
    QCOMPARE(SyncNet::digest(*cj, QStringLiteral("employee"), e005),
             SyncNet::digest(*net.server, QStringLiteral("employee"), e005));
}

void TestSync::accountsLeavingViewAreForgottenWithTheirGrants()
{
    SyncNet net;
    QVERIFY(net.start());
    Store *hr = net.openClient(QStringLiteral("hr"));
    Store *adminDevice = net.openClient(QStringLiteral("admin"));
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    QVERIFY(net.sync(*adminDevice, QStringLiteral("admin")).ok);
    const QUuid zhaolei = net.seed.user.value(QStringLiteral("zhaolei"));
    auto grantOf = [&](const QUuid &user, const char *role) {
        return parseId(
            scalar(*net.server,
                   QStringLiteral("SELECT id FROM role_grant WHERE user_id=? AND role=?"),
                   {idString(user), QLatin1String(role)})
                .toString());
    };
    QVERIFY(rowCount(*hr, QStringLiteral("app_user"), QStringLiteral("login='zhaolei'")) == 1);

    // Li Na leaves HR; then Zhao Lei's account and role change. Li Na's
    // next pull names both as out of her sight: the grant, which points to
    // the account, goes first, and the page does not fail on the reference.
    net.clockMs += 1000;
    QVERIFY(edit(*adminDevice, QStringLiteral("role_grant"),
                 grantOf(net.seed.user.value(QStringLiteral("lina")), "hr_officer"),
                 {{QStringLiteral("valid_to_ms"), net.clockMs - 10}})
                .ok());
    net.clockMs += 1000;
    QVERIFY(edit(*adminDevice, QStringLiteral("app_user"), zhaolei,
                 {{QStringLiteral("disabled"), true}})
                .ok());
    QVERIFY(edit(*adminDevice, QStringLiteral("role_grant"), grantOf(zhaolei, "finance"),
                 {{QStringLiteral("valid_to_ms"), net.clockMs}})
                .ok());
    QVERIFY(net.sync(*adminDevice, QStringLiteral("admin")).ok);

    const SyncOutcome o = net.sync(*hr, QStringLiteral("lina"));
    QVERIFY2(o.ok, qPrintable(o.error.message));
    QCOMPARE(rowCount(*hr, QStringLiteral("app_user"), QStringLiteral("login='zhaolei'")), 0);
    QCOMPARE(rowCount(*hr, QStringLiteral("role_grant"),
                      QStringLiteral("user_id='%1'").arg(idString(zhaolei))),
             0);
    // Her own account stays, and she can still sign in here.
    QCOMPARE(rowCount(*hr, QStringLiteral("app_user"), QStringLiteral("login='lina'")), 1);
}

void TestSync::historyOnlyOfRecordsInViewWithProofs()
{
    SyncNet net;
    QVERIFY(net.start());
    const QByteArray token =
        tokenFor(*net.service, QStringLiteral("zhangwei"), QStringLiteral("devzw"));
    auto history = [&](const QString &entity, const QString &id, const QString &extra = {}) {
        HttpCall c = request("GET", QStringLiteral("/v1/history"), token);
        c.query = QUrlQuery(QStringLiteral("entity=%1&id=%2%3").arg(entity, id, extra));
        return net.service->handle(c);
    };
    const QString own = idString(net.seed.emp.value(QStringLiteral("E002")));
    const HttpReply mine = history(QStringLiteral("employee"), own);
    QCOMPARE(mine.status, 200);
    auto entries = wire::parseHistoryReply(mine.body);
    QVERIFY(entries);
    QVERIFY(!entries->entries.isEmpty());
    const qint64 size = rowCount(*net.server, QStringLiteral("server_log"));
    auto head = wire::parsePullReply(
        net.service->handle(request("GET", QStringLiteral("/v1/ops"), token)).body);
    QVERIFY(head);
    auto verifier = LogVerifier::fromVerifierKey(net.service->log().verifierKey());
    QVERIFY(verifier);
    auto signedHead = parseSignedTreeHead(head->head, *verifier);
    QVERIFY(signedHead);
    QCOMPARE(signedHead->size, size);
    for (const wire::HistoryEntry &e : entries->entries) {
        QCOMPARE(e.op.entityId, net.seed.emp.value(QStringLiteral("E002")));
        QVERIFY(merkle::verifyInclusion(merkle::leafHash(e.op.canonical()), e.index, size, e.proof,
                                        signedHead->root));
    }

    // Someone else's record and one that does not exist get the same answer.
    const HttpReply other =
        history(QStringLiteral("employee"), idString(net.seed.emp.value(QStringLiteral("E005"))));
    const HttpReply none = history(QStringLiteral("employee"), idString(createUuidV7(1)));
    QCOMPARE(other.status, 404);
    QCOMPARE(none.status, 404);
    QCOMPARE(other.body, none.body);
    QCOMPARE(history(QStringLiteral("spaceship"), own).status, 400);
    QCOMPARE(history(QStringLiteral("employee"), QStringLiteral("nope")).status, 400);
    QCOMPARE(history(QStringLiteral("employee"), own, QStringLiteral("&size=0")).status, 400);
    QCOMPARE(
        history(QStringLiteral("employee"), own, QStringLiteral("&size=%1").arg(size + 1)).status,
        400);
}

void TestSync::offlineEditsConvergeWithLastWriterPerField()
{
    SyncNet net;
    QVERIFY(net.start());
    Store *a = net.openClient(QStringLiteral("a")); // Li Na (HR) at head office
    Store *b = net.openClient(QStringLiteral("b")); // the administrator at a branch
    QVERIFY(net.sync(*a, QStringLiteral("lina")).ok);
    QVERIFY(net.sync(*b, QStringLiteral("admin")).ok);
    const QUuid e2 = net.seed.emp.value(QStringLiteral("E002"));
    const QUuid e6 = net.seed.emp.value(QStringLiteral("E006"));

    // Both offline: the same employee, different fields; and the same field
    // of another employee, where b writes later.
    QVERIFY(edit(*a, QStringLiteral("employee"), e2, phone("+86 21 5555 0001")).ok());
    net.clockMs += 10;
    QVERIFY(edit(*b, QStringLiteral("employee"), e2,
                 {{QStringLiteral("email"), QStringLiteral("wei.zhang@example.cn")}})
                .ok());
    net.clockMs += 10;
    QVERIFY(edit(*a, QStringLiteral("employee"), e6, phone("+86 21 5555 0006")).ok());
    net.clockMs += 10;
    QVERIFY(edit(*b, QStringLiteral("employee"), e6, phone("+86 10 6666 0006")).ok());

    // b reaches the server first, then a, then b again.
    QVERIFY(net.sync(*b, QStringLiteral("admin")).ok);
    QVERIFY(net.sync(*a, QStringLiteral("lina")).ok);
    QVERIFY(net.sync(*b, QStringLiteral("admin")).ok);

    QCOMPARE(SyncNet::digestAll(*a), SyncNet::digestAll(*net.server));
    QCOMPARE(SyncNet::digestAll(*b), SyncNet::digestAll(*net.server));
    for (Store *s : {a, b, net.server.get()}) {
        QCOMPARE(scalar(*s, QStringLiteral("SELECT phone || '|' || email FROM employee WHERE id=?"),
                        {idString(e2)})
                     .toString(),
                 QStringLiteral("+86 21 5555 0001|wei.zhang@example.cn"));
        // Same field: the later clock reading wins, although it arrived first.
        QCOMPARE(scalar(*s, QStringLiteral("SELECT phone FROM employee WHERE id=?"), {idString(e6)})
                     .toString(),
                 QStringLiteral("+86 10 6666 0006"));
    }
}

void TestSync::refusedLocalOpIsTakenBackAndListed()
{
    SyncNet net;
    QVERIFY(net.start());
    Store *hr = net.openClient(QStringLiteral("hr"));
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    const QUuid e3 = net.seed.emp.value(QStringLiteral("E003"));
    const QString before =
        scalar(*hr, QStringLiteral("SELECT phone FROM employee WHERE id=?"), {idString(e3)})
            .toString();

    // Offline, HR edits; meanwhile an administrator revokes HR's role on the
    // server, dated before the edit.
    QVERIFY(edit(*hr, QStringLiteral("employee"), e3, phone("+86 755 1234 0000")).ok());
    QCOMPARE(scalar(*hr, QStringLiteral("SELECT phone FROM employee WHERE id=?"), {idString(e3)})
                 .toString(),
             QStringLiteral("+86 755 1234 0000"));
    QCOMPARE(hr->pendingOutboxCount(), 1);
    const QUuid grant = parseId(scalar(*net.server,
                                       QStringLiteral("SELECT id FROM role_grant WHERE user_id=? "
                                                      "AND role='hr_officer'"),
                                       {idString(net.seed.user.value(QStringLiteral("lina")))})
                                    .toString());
    QVERIFY(!grant.isNull());
    net.clockMs -= 5; // the revocation takes effect before the offline edit
    Store *adminDevice = net.openClient(QStringLiteral("admin"));
    QVERIFY(net.sync(*adminDevice, QStringLiteral("admin")).ok);
    QVERIFY(edit(*adminDevice, QStringLiteral("role_grant"), grant,
                 {{QStringLiteral("valid_to_ms"), net.clockMs - 100}})
                .ok());
    net.clockMs += 50;
    QVERIFY(net.sync(*adminDevice, QStringLiteral("admin")).ok);

    const SyncOutcome o = net.sync(*hr, QStringLiteral("lina"));
    QVERIFY2(o.ok, qPrintable(o.error.message));
    QCOMPARE(o.refused, 1);
    QCOMPARE(hr->pendingOutboxCount(), 0);
    // Taken back here, as on the server, and listed with the reason.
    QCOMPARE(scalar(*hr, QStringLiteral("SELECT phone FROM employee WHERE id=?"), {idString(e3)})
                 .toString(),
             before);
    QCOMPARE(scalar(*hr, QStringLiteral("SELECT code FROM sync_rejected")).toString(),
             QStringLiteral("policy.denied"));
    QCOMPARE(rowCount(*hr, QStringLiteral("audit_log"), QStringLiteral("action='sync.refused'")),
             1);
    QCOMPARE(SyncNet::digest(*hr, QStringLiteral("employee")),
             SyncNet::digest(*net.server, QStringLiteral("employee")));
    // The server kept the refusal in its trail, with the client's address.
    QCOMPARE(rowCount(*net.server, QStringLiteral("audit_log"),
                      QStringLiteral("outcome='denied' AND ip='127.0.0.1'")),
             1);
}

void TestSync::stateDecisionsMadeOfflineFirstToArriveStands()
{
    SyncNet net;
    QVERIFY(net.start());
    Store *hr = net.openClient(QStringLiteral("hr"));
    Store *adminDevice = net.openClient(QStringLiteral("admin"));
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    QVERIFY(net.sync(*adminDevice, QStringLiteral("admin")).ok);
    const QUuid e6 = net.seed.emp.value(QStringLiteral("E006"));
    auto statusOn = [&](Store &s) {
        return scalar(s, QStringLiteral("SELECT status FROM employee WHERE id=?"), {idString(e6)})
            .toString();
    };

    // Both offline: HR records a resignation; a little later by the clock,
    // the administrator puts the same person on leave. By clock the leave
    // would win; by arrival the resignation does, and the leave is refused.
    net.clockMs += 1000;
    QVERIFY(edit(*hr, QStringLiteral("employee"), e6,
                 {{QStringLiteral("status"), QStringLiteral("departing")},
                  {QStringLiteral("departure_date"), QStringLiteral("2026-03-31")}})
                .ok());
    net.clockMs += 1000;
    QVERIFY(edit(*adminDevice, QStringLiteral("employee"), e6,
                 {{QStringLiteral("status"), QStringLiteral("on_leave")}})
                .ok());
    QCOMPARE(statusOn(*adminDevice), QStringLiteral("on_leave"));

    const SyncOutcome first = net.sync(*hr, QStringLiteral("lina"));
    QVERIFY2(first.ok, qPrintable(first.error.message));
    QCOMPARE(first.refused, 0);
    const SyncOutcome second = net.sync(*adminDevice, QStringLiteral("admin"));
    QVERIFY2(second.ok, qPrintable(second.error.message));
    QCOMPARE(second.refused, 1);
    QCOMPARE(statusOn(*net.server), QStringLiteral("departing"));
    QCOMPARE(statusOn(*adminDevice), QStringLiteral("departing"));
    QCOMPARE(scalar(*adminDevice, QStringLiteral("SELECT code FROM sync_rejected")).toString(),
             QStringLiteral("conflict.stale"));
    // The reason says what stands.
    QVERIFY(scalar(*adminDevice, QStringLiteral("SELECT message FROM sync_rejected"))
                .toString()
                .contains(QStringLiteral("departing")));
    QCOMPARE(SyncNet::digest(*adminDevice, QStringLiteral("employee")),
             SyncNet::digest(*net.server, QStringLiteral("employee")));

    // Only the transitions of the state machine: nobody comes back from
    // "departed" on the same record.
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    QVERIFY(edit(*hr, QStringLiteral("employee"), e6,
                 {{QStringLiteral("status"), QStringLiteral("departed")}})
                .ok());
    const Status back = edit(*hr, QStringLiteral("employee"), e6,
                             {{QStringLiteral("status"), QStringLiteral("active")}});
    QVERIFY(!back.ok());
    QCOMPARE(back.error().code, QStringLiteral("state.transition"));
}

void TestSync::guardedChangeMustNameItsBase()
{
    SyncNet net;
    QVERIFY(net.start());
    const QByteArray token =
        tokenFor(*net.service, QStringLiteral("lina"), QStringLiteral("devhr"));
    const QByteArray digest = SyncNet::digestAll(*net.server);
    const QUuid e6 = net.seed.emp.value(QStringLiteral("E006"));
    auto push = [&](const QJsonObject &fields, const QJsonObject &base) {
        net.clockMs += 10;
        Operation op;
        op.hlc = Hlc{net.clockMs, 0, QStringLiteral("devhr")};
        op.id = createUuidV7(net.clockMs);
        op.entity = QStringLiteral("employee");
        op.entityId = e6;
        op.kind = OpKind::Update;
        op.fields = fields;
        op.base = base;
        op.author = net.seed.user.value(QStringLiteral("lina"));
        op.device = QStringLiteral("devhr");
        const HttpReply r = net.service->handle(
            request("POST", QStringLiteral("/v1/ops"), token, wire::pushRequestBody({op})));
        auto results = wire::parsePushReply(r.body);
        return results && results->size() == 1 ? results->constFirst().reason.code
                                               : QStringLiteral("bad reply");
    };
    const QJsonObject leave{{QStringLiteral("status"), QStringLiteral("on_leave")}};
    QCOMPARE(push(leave, {}), QStringLiteral("op.unguarded"));
    QCOMPARE(push(leave, {{QStringLiteral("status"), Hlc{1, 0, QStringLiteral("x")}.toString()}}),
             QStringLiteral("conflict.stale"));
    QCOMPARE(push(phone("+86 1"),
                  {{QStringLiteral("phone"), Hlc{1, 0, QStringLiteral("x")}.toString()}}),
             QStringLiteral("op.malformed"));
    QCOMPARE(SyncNet::digestAll(*net.server), digest);

    // With the version the server holds (the status set when the record
    // was created), it stands.
    const QString current =
        scalar(*net.server,
               QStringLiteral("SELECT hlc FROM oplog WHERE entity_id=? AND kind='create'"),
               {idString(e6)})
            .toString();
    QCOMPARE(push(leave, {{QStringLiteral("status"), current}}), QString());
}

void TestSync::lostReplyIsRetriedWithoutApplyingTwice()
{
    SyncNet net;
    QVERIFY(net.start());
    Store *hr = net.openClient(QStringLiteral("hr"));
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    const QUuid e2 = net.seed.emp.value(QStringLiteral("E002"));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(edit(*hr, QStringLiteral("employee"), e2,
                     phone(QByteArray("+86 21 5555 010" + QByteArray::number(i)).constData()))
                    .ok());
        net.clockMs += 5;
    }
    const qint64 logBefore = rowCount(*net.server, QStringLiteral("server_log"));
    // The server takes the push, and the answer is lost on the way back.
    FaultyTransport cut(*net.local, [](const HttpCall &call, int) {
        return call.path == QLatin1String("/v1/ops") && call.method == "POST"
                   ? FaultyTransport::Fault::DropReply
                   : FaultyTransport::Fault::None;
    });
    const SyncOutcome lost = net.sync(*hr, QStringLiteral("lina"), &cut, {2, 1000});
    QVERIFY(!lost.ok);
    QCOMPARE(lost.error.code, QStringLiteral("sync.offline"));
    QCOMPARE(cut.repliesDropped(), 1);
    QCOMPARE(rowCount(*net.server, QStringLiteral("server_log")), logBefore + 2);
    QCOMPARE(hr->pendingOutboxCount(), 3); // the client cannot know: all still queued

    const SyncOutcome retried = net.sync(*hr, QStringLiteral("lina"), nullptr, {2, 1000});
    QVERIFY2(retried.ok, qPrintable(retried.error.message));
    QCOMPARE(retried.pushed, 3);
    QCOMPARE(rowCount(*net.server, QStringLiteral("server_log")), logBefore + 3);
    QCOMPARE(
        rowCount(*net.server, QStringLiteral("oplog"),
                 QStringLiteral("entity_id='%1'").arg(idString(e2))),
        rowCount(*hr, QStringLiteral("oplog"), QStringLiteral("entity_id='%1'").arg(idString(e2))));
    QCOMPARE(SyncNet::digestAll(*hr), SyncNet::digestAll(*net.server));
}

void TestSync::pushLargerThanARequestIsSplit()
{
    SyncNet net;
    QVERIFY(net.start());
    Store *hr = net.openClient(QStringLiteral("hr"));
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    const QUuid lina = net.seed.user.value(QStringLiteral("lina"));
    // 720 responsibilities with 4,000-character Chinese details: about 8.7 MB
    // of ops, over the 8 MiB a request may carry, though a full batch by count.
    const QString detail(4000, QChar(0x8D23)); // 责
    QList<Operation> ops;
    for (int i = 0; i < 720; ++i)
        ops.append(hr->makeOp(QStringLiteral("responsibility"), QUuid::createUuid(), OpKind::Create,
                              {{QStringLiteral("position_id"), idString(net.seed.position)},
                               {QStringLiteral("title"), QStringLiteral("Duty %1").arg(i)},
                               {QStringLiteral("detail"), detail}},
                              lina));
    QVERIFY(hr->submit(ops).ok());
    QVERIFY(wire::pushRequestBody(ops).size() > wire::MaxBodyBytes);

    const SyncOutcome outcome = net.sync(*hr, QStringLiteral("lina"));
    QVERIFY2(outcome.ok, qPrintable(outcome.error.message));
    QCOMPARE(outcome.pushed, 720);
    QCOMPARE(hr->pendingOutboxCount(), 0);
    QCOMPARE(rowCount(*net.server, QStringLiteral("responsibility"),
                      QStringLiteral("title LIKE 'Duty %'")),
             720);
    QCOMPARE(SyncNet::digestAll(*hr), SyncNet::digestAll(*net.server));

    // Another device brings them all down: pull pages too stay under the
    // limit (the server sends fewer entries per page).
    Store *second = net.openClient(QStringLiteral("hr-laptop"));
    const SyncOutcome pulled = net.sync(*second, QStringLiteral("lina"));
    QVERIFY2(pulled.ok, qPrintable(pulled.error.message));
    QCOMPARE(SyncNet::digestAll(*second), SyncNet::digestAll(*net.server));
}

void TestSync::sessionEndingWhilePagesAreAskedAheadSignsInAgain()
{
    SyncNet net;
    QVERIFY(net.start());
    Store *hr = net.openClient(QStringLiteral("hr"));
    const QUuid lina = net.seed.user.value(QStringLiteral("lina"));
    // Pages of 5: each page asks for the two after it. The session ends
    // just before the third page is asked for, so pages already asked for
    // ahead carry the old token's refusal.
    int pulls = 0;
    FaultyTransport ending(*net.local, [&](const HttpCall &call, int) {
        if (call.path == QLatin1String("/v1/ops") && call.method == "GET" && ++pulls == 3)
            (void)net.service->sessions().revokeAll(lina);
        return FaultyTransport::Fault::None;
    });
    const SyncOutcome outcome = net.sync(*hr, QStringLiteral("lina"), &ending, {500, 5});
    QVERIFY2(outcome.ok, qPrintable(outcome.error.message));
    QVERIFY(pulls > 4);
    QCOMPARE(*hr->meta(SyncClient::CursorKey),
             QString::number(rowCount(*net.server, QStringLiteral("server_log"))));
    QCOMPARE(SyncNet::digestAll(*hr), SyncNet::digestAll(*net.server));
}

void TestSync::serverBatchRolledBackLeavesTheLogWhole()
{
    // A batch that fails half way on the server is rolled back and applied
    // again without the failing op, which a later round sends again. The
    // log's Merkle nodes (and the right edge the server keeps of them in
    // memory) must add up afterwards: a client that checks every leaf and
    // the signed head syncs the whole log without an alarm.
    SyncNet net;
    QVERIFY(net.start());
    Store *hr = net.openClient(QStringLiteral("hr"));
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    const QList<QString> numbers{QStringLiteral("E001"), QStringLiteral("E002"),
                                 QStringLiteral("E003"), QStringLiteral("E004"),
                                 QStringLiteral("E005"), QStringLiteral("E006")};
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < numbers.size(); ++i) {
            net.clockMs += 10;
            QVERIFY(edit(*hr, QStringLiteral("employee"), net.seed.emp.value(numbers[i]),
                         {{QStringLiteral("phone"),
                           QStringLiteral("+86 21 5555 %1")
                               .arg(round * 100 + i, 4, 10, QLatin1Char('0'))}})
                        .ok());
        }
        // Fail a table write in the middle of the first batch only.
        if (round == 0)
            net.server->injectWriteFailure(7);
        // The op whose write failed is answered "try again"; the others
        // stand, and a later round sends it again.
        (void)net.sync(*hr, QStringLiteral("lina"));
    }
    bool inStep = false;
    for (int attempt = 0; attempt < 3 && !inStep; ++attempt)
        inStep = net.sync(*hr, QStringLiteral("lina")).ok;
    QVERIFY(inStep);
    QCOMPARE(hr->pendingOutboxCount(), 0);
    Store *fresh = net.openClient(QStringLiteral("fresh"));
    const SyncOutcome all = net.sync(*fresh, QStringLiteral("lina"));
    QVERIFY2(all.ok, qPrintable(all.error.message));
    QCOMPARE(all.logSize, rowCount(*net.server, QStringLiteral("server_log")));
    QVERIFY(SyncClient::alarm(*fresh)->isEmpty());
    QCOMPARE(SyncNet::digestAll(*fresh), SyncNet::digestAll(*net.server));
}

void TestSync::pushesAnsweredTogetherAreJudgedAlone()
{
    SyncNet net;
    QVERIFY(net.start());
    Store *hr = net.openClient(QStringLiteral("hr"));
    Store *zw = net.openClient(QStringLiteral("zw"));
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    QVERIFY(net.sync(*zw, QStringLiteral("zhangwei")).ok);
    const QUuid e2 = net.seed.emp.value(QStringLiteral("E002"));
    const QUuid e3 = net.seed.emp.value(QStringLiteral("E003"));
    // HR's edit; Zhang Wei's edit of another department's employee (refused
    // by policy); and a push without a valid session: one commit, three
    // answers as if each had come alone.
    Operation byHr =
        hr->makeOp(QStringLiteral("employee"), e2, OpKind::Update, phone("+86 21 5555 0201"),
                   net.seed.user.value(QStringLiteral("lina")));
    Operation outOfScope =
        zw->makeOp(QStringLiteral("employee"), e3, OpKind::Update, phone("+86 21 5555 0202"),
                   net.seed.user.value(QStringLiteral("zhangwei")));
    const QList<HttpCall> calls{
        request("POST", QStringLiteral("/v1/ops"),
                tokenFor(*net.service, QStringLiteral("lina"), hr->deviceId()),
                wire::pushRequestBody({byHr})),
        request("POST", QStringLiteral("/v1/ops"),
                tokenFor(*net.service, QStringLiteral("zhangwei"), zw->deviceId()),
                wire::pushRequestBody({outOfScope})),
        request("POST", QStringLiteral("/v1/ops"), "no-such-token", wire::pushRequestBody({byHr})),
    };
    const qint64 logBefore = rowCount(*net.server, QStringLiteral("server_log"));

    const QList<HttpReply> replies = net.service->handleTogether(calls);
    QCOMPARE(replies.size(), 3);
    QCOMPARE(replies[0].status, 200);
    auto accepted = wire::parsePushReply(replies[0].body);
    QVERIFY(accepted);
    QCOMPARE(accepted->size(), 1);
    QCOMPARE(accepted->constFirst().status, wire::PushResult::Status::Accepted);
    QCOMPARE(accepted->constFirst().index, logBefore);
    QCOMPARE(replies[1].status, 200);
    auto refused = wire::parsePushReply(replies[1].body);
    QVERIFY(refused);
    QCOMPARE(refused->constFirst().status, wire::PushResult::Status::Rejected);
    QCOMPARE(refused->constFirst().reason.code, QStringLiteral("policy.denied"));
    QCOMPARE(replies[2].status, 401);
    QCOMPARE(rowCount(*net.server, QStringLiteral("server_log")), logBefore + 1);
    QCOMPARE(rowCount(*net.server, QStringLiteral("oplog"),
                      QStringLiteral("id='%1'").arg(idString(outOfScope.id))),
             0);
    QCOMPARE(
        rowCount(*net.server, QStringLiteral("audit_log"),
                 QStringLiteral("outcome='denied' AND op_id='%1'").arg(idString(outOfScope.id))),
        1);

    // The same op again, alone: a duplicate with the index it was given.
    const HttpReply again = net.service->handle(calls[0]);
    auto duplicate = wire::parsePushReply(again.body);
    QVERIFY(duplicate);
    QCOMPARE(duplicate->constFirst().status, wire::PushResult::Status::Duplicate);
    QCOMPARE(duplicate->constFirst().index, logBefore);
}

void TestSync::lostPullReplyFetchesThePageAgain()
{
    SyncNet net;
    QVERIFY(net.start());
    Store *hr = net.openClient(QStringLiteral("hr"));
    // Pages of 5; the third page's answer is lost.
    int pulls = 0;
    FaultyTransport cut(*net.local, [&pulls](const HttpCall &call, int) {
        if (call.path != QLatin1String("/v1/ops") || call.method != "GET")
            return FaultyTransport::Fault::None;
        return ++pulls == 3 ? FaultyTransport::Fault::DropReply : FaultyTransport::Fault::None;
    });
    const SyncOutcome first = net.sync(*hr, QStringLiteral("lina"), &cut, {500, 5});
    QVERIFY(!first.ok);
    QCOMPARE(*hr->meta(SyncClient::CursorKey), QStringLiteral("10"));
    const SyncOutcome second = net.sync(*hr, QStringLiteral("lina"), nullptr, {500, 5});
    QVERIFY2(second.ok, qPrintable(second.error.message));
    QCOMPARE(SyncNet::digestAll(*hr), SyncNet::digestAll(*net.server));
    QCOMPARE(rowCount(*hr, QStringLiteral("oplog")),
             rowCount(*net.server, QStringLiteral("oplog")));
}

void TestSync::forgedAuthorAndDeviceRefusedAndAudited()
{
    SyncNet net;
    QVERIFY(net.start());
    Store *zw = net.openClient(QStringLiteral("zw"));
    QVERIFY(net.sync(*zw, QStringLiteral("zhangwei")).ok);
    const QByteArray token = tokenFor(*net.service, QStringLiteral("zhangwei"), zw->deviceId());
    QVERIFY(!token.isEmpty());
    const QUuid e3 = net.seed.emp.value(QStringLiteral("E003"));
    const QUuid e2 = net.seed.emp.value(QStringLiteral("E002"));
    const qint64 logBefore = rowCount(*net.server, QStringLiteral("server_log"));
    const QByteArray digestBefore = SyncNet::digestAll(*net.server);
    const qint64 deniedBefore =
        rowCount(*net.server, QStringLiteral("audit_log"), QStringLiteral("outcome='denied'"));

    // Claiming to be HR, claiming another device, and (honestly) touching
    // another department's employee.
    Operation asHr = zw->makeOp(QStringLiteral("employee"), e3, OpKind::Update, phone("+86 1"),
                                net.seed.user.value(QStringLiteral("lina")));
    Operation otherDevice =
        zw->makeOp(QStringLiteral("employee"), e2, OpKind::Update, phone("+86 2"),
                   net.seed.user.value(QStringLiteral("zhangwei")));
    otherDevice.device = QStringLiteral("0123456789abcdef");
    otherDevice.hlc.deviceId = otherDevice.device;
    Operation outOfScope =
        zw->makeOp(QStringLiteral("employee"), e3, OpKind::Update, phone("+86 3"),
                   net.seed.user.value(QStringLiteral("zhangwei")));
    const HttpReply r =
        net.service->handle(request("POST", QStringLiteral("/v1/ops"), token,
                                    wire::pushRequestBody({asHr, otherDevice, outOfScope})));
    QCOMPARE(r.status, 200);
    auto results = wire::parsePushReply(r.body);
    QVERIFY(results);
    QCOMPARE(results->size(), 3);
    QCOMPARE(results->at(0).reason.code, QStringLiteral("op.forged_author"));
    QCOMPARE(results->at(1).reason.code, QStringLiteral("op.forged_device"));
    QCOMPARE(results->at(2).reason.code, QStringLiteral("policy.denied"));
    for (const wire::PushResult &p : std::as_const(*results))
        QCOMPARE(p.status, wire::PushResult::Status::Rejected);

    // Nothing written, nothing in the log for anyone to pull; each refusal
    // audited with the sender's address.
    QCOMPARE(SyncNet::digestAll(*net.server), digestBefore);
    QCOMPARE(rowCount(*net.server, QStringLiteral("server_log")), logBefore);
    QCOMPARE(rowCount(*net.server, QStringLiteral("audit_log"),
                      QStringLiteral("outcome='denied' AND ip='198.51.100.20'")),
             deniedBefore + 3);
    Store *hr = net.openClient(QStringLiteral("hr"));
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    QCOMPARE(
        rowCount(*hr, QStringLiteral("oplog"), QStringLiteral("id='%1'").arg(idString(asHr.id))),
        0);

    // Sent again, the same answers, without a second audit entry.
    const HttpReply again =
        net.service->handle(request("POST", QStringLiteral("/v1/ops"), token,
                                    wire::pushRequestBody({asHr, otherDevice, outOfScope})));
    auto results2 = wire::parsePushReply(again.body);
    QVERIFY(results2);
    QCOMPARE(results2->at(2).reason.code, QStringLiteral("policy.denied"));
    QCOMPARE(rowCount(*net.server, QStringLiteral("audit_log"),
                      QStringLiteral("outcome='denied' AND ip='198.51.100.20'")),
             deniedBefore + 3);
}

void TestSync::replayedOpIsADuplicate()
{
    SyncNet net;
    QVERIFY(net.start());
    Store *hr = net.openClient(QStringLiteral("hr"));
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    QVERIFY(edit(*hr, QStringLiteral("employee"), net.seed.emp.value(QStringLiteral("E006")),
                 phone("+86 21 5555 0066"))
                .ok());
    auto pending = hr->pendingOps(10);
    QVERIFY(pending && pending->size() == 1);
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    const qint64 log = rowCount(*net.server, QStringLiteral("server_log"));
    const qint64 audit = rowCount(*net.server, QStringLiteral("audit_log"));

    const QByteArray token = tokenFor(*net.service, QStringLiteral("lina"), hr->deviceId());
    const HttpReply r = net.service->handle(
        request("POST", QStringLiteral("/v1/ops"), token, wire::pushRequestBody(*pending)));
    auto results = wire::parsePushReply(r.body);
    QVERIFY(results);
    QCOMPARE(results->at(0).status, wire::PushResult::Status::Duplicate);
    QCOMPARE(results->at(0).index, log - 1);
    QCOMPARE(rowCount(*net.server, QStringLiteral("server_log")), log);
    // Only the sign-in was recorded.
    QCOMPARE(rowCount(*net.server, QStringLiteral("audit_log")), audit + 1);

    // The same change under a new id, replayed with its old clock reading:
    // the device already went past it.
    Operation copy = pending->constFirst();
    copy.id = createUuidV7(copy.hlc.wallMs);
    const HttpReply r2 = net.service->handle(
        request("POST", QStringLiteral("/v1/ops"), token, wire::pushRequestBody({copy})));
    auto results2 = wire::parsePushReply(r2.body);
    QVERIFY(results2);
    QCOMPARE(results2->at(0).reason.code, QStringLiteral("hlc.backdated"));
    QCOMPARE(rowCount(*net.server, QStringLiteral("server_log")), log);
}

void TestSync::sessionsExpireRevokeAndEndOnDeparture()
{
    SyncService::Options options;
    options.sessionLifetimeMs = 60 * 60 * 1000;
    SyncNet net;
    QVERIFY(net.start(options));
    auto pull = [&](const QByteArray &token) {
        return net.service->handle(request("GET", QStringLiteral("/v1/ops"), token));
    };
    auto deniedCount = [&] {
        return rowCount(*net.server, QStringLiteral("audit_log"),
                        QStringLiteral("action='sync.request' AND outcome='denied'"));
    };
    const QByteArray expiring =
        tokenFor(*net.service, QStringLiteral("zhangwei"), QStringLiteral("dev1"));
    QCOMPARE(pull(expiring).status, 200);
    net.clockMs += options.sessionLifetimeMs;
    const HttpReply expired = pull(expiring);
    QCOMPARE(expired.status, 401);
    QCOMPARE(wire::errorFromBody(expired.status, expired.body).code,
             QStringLiteral("auth.expired"));
    QCOMPARE(deniedCount(), 1);

    const QByteArray revoked =
        tokenFor(*net.service, QStringLiteral("zhangwei"), QStringLiteral("dev1"));
    QCOMPARE(net.service->handle(request("DELETE", QStringLiteral("/v1/session"), revoked)).status,
             200);
    QCOMPARE(rowCount(*net.server, QStringLiteral("audit_log"), QStringLiteral("action='logout'")),
             1);
    const HttpReply afterLogout = pull(revoked);
    QCOMPARE(afterLogout.status, 401);
    QCOMPARE(wire::errorFromBody(401, afterLogout.body).code, QStringLiteral("auth.revoked"));
    QCOMPARE(deniedCount(), 2);

    // A made-up token is refused and writes nothing.
    const qint64 audit = rowCount(*net.server, QStringLiteral("audit_log"));
    QCOMPARE(pull("not-a-token").status, 401);
    QCOMPARE(pull({}).status, 401);
    QCOMPARE(rowCount(*net.server, QStringLiteral("audit_log")), audit);

    // HR records Liu Yang's departure today: his open session ends with it.
    const QByteArray leaver =
        tokenFor(*net.service, QStringLiteral("liuyang"), QStringLiteral("dev2"));
    QCOMPARE(pull(leaver).status, 200);
    Store *hr = net.openClient(QStringLiteral("hr"));
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    const QString today = QDateTime::fromMSecsSinceEpoch(net.clockMs, QTimeZone("Asia/Shanghai"))
                              .date()
                              .toString(Qt::ISODate);
    QVERIFY(edit(*hr, QStringLiteral("employee"), net.seed.emp.value(QStringLiteral("E006")),
                 {{QStringLiteral("status"), QStringLiteral("departed")},
                  {QStringLiteral("departure_date"), today}})
                .ok());
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    const HttpReply gone = pull(leaver);
    QCOMPARE(gone.status, 403);
    QCOMPARE(wire::errorFromBody(403, gone.body).code, QStringLiteral("auth.departed"));
    QCOMPARE(rowCount(*net.server, QStringLiteral("server_session"),
                      QStringLiteral("revoked_ms IS NULL AND user_id='%1'")
                          .arg(idString(net.seed.user.value(QStringLiteral("liuyang"))))),
             0);
    // And a new sign-in is refused as well.
    QVERIFY(tokenFor(*net.service, QStringLiteral("liuyang"), QStringLiteral("dev2")).isEmpty());
}

void TestSync::badRequestsWriteNothing()
{
    SyncNet net;
    QVERIFY(net.start());
    const QByteArray token =
        tokenFor(*net.service, QStringLiteral("lina"), QStringLiteral("devhr"));
    Store &server = *net.server;
    const QByteArray digest = SyncNet::digestAll(server);
    const qint64 audit = rowCount(server, QStringLiteral("audit_log"));
    const qint64 log = rowCount(server, QStringLiteral("server_log"));

    // A well-formed op to vary.
    Operation op;
    op.hlc = Hlc{net.clockMs, 0, QStringLiteral("devhr")};
    op.id = createUuidV7(net.clockMs);
    op.entity = QStringLiteral("employee");
    op.entityId = net.seed.emp.value(QStringLiteral("E002"));
    op.kind = OpKind::Update;
    op.fields = phone("+86 1");
    op.author = net.seed.user.value(QStringLiteral("lina"));
    op.device = QStringLiteral("devhr");
    auto withOp = [](const QJsonObject &o) {
        return QJsonDocument(QJsonObject{{QStringLiteral("ops"), QJsonArray{o}}})
            .toJson(QJsonDocument::Compact);
    };
    QJsonObject unknownEntity = op.toJson();
    unknownEntity.insert(QStringLiteral("entity"), QStringLiteral("spaceship"));
    QJsonObject unknownField = op.toJson();
    unknownField.insert(QStringLiteral("fields"), QJsonObject{{QStringLiteral("salary"), 1}});
    QJsonObject wrongType = op.toJson();
    wrongType.insert(QStringLiteral("fields"), QJsonObject{{QStringLiteral("phone"), 12}});
    Operation future = op;
    future.hlc.wallMs = net.clockMs + 24 * 60 * 60 * 1000;
    QList<Operation> tooMany;
    for (int i = 0; i <= wire::MaxOpsPerPush; ++i)
        tooMany.append(op);

    const struct
    {
        const char *name;
        QByteArray body;
        int status;
        const char *code;
    } cases[] = {
        {"malformed JSON", "{\"ops\": [", 400, "request.malformed"},
        {"not an object", "[1,2]", 400, "request.malformed"},
        {"wrong type of ops", "{\"ops\": 3}", 400, "request.malformed"},
        {"extra key", "{\"ops\": [], \"as\": \"admin\"}", 400, "request.malformed"},
        {"op missing keys", "{\"ops\": [{\"id\": 1}]}", 400, "request.malformed"},
        {"unknown entity", withOp(unknownEntity), 400, "op.unknown_entity"},
        {"unknown field", withOp(unknownField), 400, "op.unknown_field"},
        {"wrong field type", withOp(wrongType), 400, "field.invalid"},
        {"clock far ahead", wire::pushRequestBody({future}), 400, "hlc.drift"},
        {"too many ops", wire::pushRequestBody(tooMany), 413, "request.too_many"},
        {"too large", QByteArray(wire::MaxBodyBytes + 1, ' '), 413, "request.too_large"},
    };
    for (const auto &c : cases) {
        const HttpReply r =
            net.service->handle(request("POST", QStringLiteral("/v1/ops"), token, c.body));
        QVERIFY2(r.status == c.status, c.name);
        const Error e = wire::errorFromBody(r.status, r.body);
        QVERIFY2(e.code == QLatin1String(c.code),
                 qPrintable(QLatin1String(c.name) + QStringLiteral(": ") + e.code));
        QVERIFY2(!e.message.isEmpty(), c.name);
    }
    const HttpReply noToken = net.service->handle(
        request("POST", QStringLiteral("/v1/ops"), {}, wire::pushRequestBody({op})));
    QCOMPARE(noToken.status, 401);
    QCOMPARE(net.service->handle(request("GET", QStringLiteral("/v1/ops?after=x"), token)).status,
             404); // the path carries no query here: an unknown route
    HttpCall badCursor = request("GET", QStringLiteral("/v1/ops"), token);
    badCursor.query.addQueryItem(QStringLiteral("after"), QStringLiteral("-4"));
    QCOMPARE(net.service->handle(badCursor).status, 400);
    QCOMPARE(net.service->handle(request("PUT", QStringLiteral("/v1/ops"), token)).status, 405);
    QCOMPARE(net.service->handle(request("GET", QStringLiteral("/healthz"))).status, 200);

    QCOMPARE(SyncNet::digestAll(server), digest);
    QCOMPARE(rowCount(server, QStringLiteral("audit_log")), audit);
    QCOMPARE(rowCount(server, QStringLiteral("server_log")), log);
}

void TestSync::signInIsRateLimitedPerAddress()
{
    SyncService::Options options;
    options.maxFailedLoginsPerAddress = 4;
    SyncNet net;
    QVERIFY(net.start(options));
    auto attempt = [&](const QString &login, const QString &password, const QString &peer) {
        HttpCall c = request("POST", QStringLiteral("/v1/session"), {},
                             wire::loginRequestBody({login, password, QStringLiteral("d")}));
        c.peer = peer;
        return net.service->handle(c);
    };
    // Guessing across accounts from one address: each account stays under
    // its own lockout, the address is stopped.
    const QStringList logins = {QStringLiteral("lina"), QStringLiteral("zhaolei"),
                                QStringLiteral("wangfang"), QStringLiteral("chenjing")};
    for (const QString &login : logins)
        QCOMPARE(attempt(login, QStringLiteral("guess"), QStringLiteral("203.0.113.9")).status,
                 401);
    const HttpReply limited = attempt(QStringLiteral("liuyang"), QStringLiteral("password-liuyang"),
                                      QStringLiteral("203.0.113.9"));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.retryAfterSeconds, 60);
    // Another address is not affected; a minute later this one may try again.
    QCOMPARE(attempt(QStringLiteral("liuyang"), QStringLiteral("password-liuyang"),
                     QStringLiteral("203.0.113.10"))
                 .status,
             200);
    net.clockMs += 61 * 1000;
    QCOMPARE(attempt(QStringLiteral("liuyang"), QStringLiteral("password-liuyang"),
                     QStringLiteral("203.0.113.9"))
                 .status,
             200);
    // Per account: the fifth failure locks it, from any address.
    for (int i = 0; i < 5; ++i)
        attempt(QStringLiteral("zhangwei"), QStringLiteral("guess"),
                QStringLiteral("192.0.2.%1").arg(i + 1));
    const HttpReply locked =
        attempt(QStringLiteral("zhangwei"), QStringLiteral("password-zhangwei"),
                QStringLiteral("192.0.2.99"));
    QCOMPARE(locked.status, 429);
    QCOMPARE(wire::errorFromBody(429, locked.body).code, QStringLiteral("auth.locked"));
    QCOMPARE(locked.retryAfterSeconds, 15 * 60); // the lock's length, not a minute
}

void TestSync::setupOnlyFromLoopbackAndOnlyOnce()
{
    SyncNet net;
    QVERIFY(net.start());
    HttpCall fromAfar =
        request("POST", QStringLiteral("/v1/setup"), {}, QByteArrayLiteral("{\"ops\":[]}"));
    QCOMPARE(net.service->handle(fromAfar).status, 403);
    HttpCall local = fromAfar;
    local.peer = QStringLiteral("127.0.0.1");
    QCOMPARE(net.service->handle(local).status, 200); // nobody signed in yet
    QVERIFY(!tokenFor(*net.service, QStringLiteral("admin"), QStringLiteral("d")).isEmpty());
    const HttpReply closed = net.service->handle(local);
    QCOMPARE(closed.status, 409);
    QCOMPARE(wire::errorFromBody(409, closed.body).code, QStringLiteral("setup.closed"));
}

void TestSync::proofsVerifyAgainstTheSignedHead()
{
    SyncNet net;
    QVERIFY(net.start());
    const QByteArray token = tokenFor(*net.service, QStringLiteral("admin"), QStringLiteral("d"));
    const HttpReply page = net.service->handle(request("GET", QStringLiteral("/v1/ops"), token));
    auto pulled = wire::parsePullReply(page.body);
    QVERIFY(pulled);
    auto verifier = LogVerifier::fromVerifierKey(net.service->log().verifierKey());
    QVERIFY(verifier);
    auto head = parseSignedTreeHead(pulled->head, *verifier);
    QVERIFY(head);
    const qint64 size = head->size;
    QVERIFY(size > 20);
    for (const qint64 index : {qint64(0), size / 2, size - 1}) {
        HttpCall c = request("GET", QStringLiteral("/v1/proof/inclusion"), token);
        c.query.addQueryItem(QStringLiteral("index"), QString::number(index));
        c.query.addQueryItem(QStringLiteral("size"), QString::number(size));
        auto proof = wire::parseProofReply(net.service->handle(c).body);
        QVERIFY(proof);
        const QByteArray leaf = merkle::leafHash(pulled->ops.at(index).op.canonical());
        QVERIFY(merkle::verifyInclusion(leaf, index, size, *proof, head->root));
        QVERIFY(!merkle::verifyInclusion(leaf, index, size, *proof, QByteArray(32, 'x')));
    }
    HttpCall c = request("GET", QStringLiteral("/v1/proof/consistency"), token);
    c.query.addQueryItem(QStringLiteral("from"), QString::number(size / 3));
    c.query.addQueryItem(QStringLiteral("to"), QString::number(size));
    auto proof = wire::parseProofReply(net.service->handle(c).body);
    QVERIFY(proof);
    merkle::CompactRange prefix;
    for (qint64 i = 0; i < size / 3; ++i)
        prefix.append(pulled->leaves.at(i));
    QVERIFY(merkle::verifyConsistency(size / 3, size, prefix.root(), head->root, *proof));
    // Beyond the log: refused.
    HttpCall beyond = request("GET", QStringLiteral("/v1/proof/inclusion"), token);
    beyond.query.addQueryItem(QStringLiteral("index"), QString::number(size));
    QCOMPARE(net.service->handle(beyond).status, 400);
}

void TestSync::editedServerOpIsDetected()
{
    SyncNet net;
    QVERIFY(net.start());
    // Someone with the database file changes a recorded op behind the
    // server's back (say, to move who made a change).
    {
        QSqlQuery q(net.server->database().connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE oplog SET fields = replace(fields, 'E002', 'E099') "
                                      "WHERE fields LIKE '%E002%'")));
        QCOMPARE(q.numRowsAffected(), 1);
    }
    Store *hr = net.openClient(QStringLiteral("hr"));
    const SyncOutcome o = net.sync(*hr, QStringLiteral("lina"));
    QVERIFY(!o.ok);
    QCOMPARE(o.error.code, QStringLiteral("log.leaf_mismatch"));
    QVERIFY(!SyncClient::alarm(*hr)->isEmpty());
    QCOMPARE(rowCount(*hr, QStringLiteral("employee"), QStringLiteral("number='E099'")), 0);
    // The alarm stays until someone looks: the next round refuses to run.
    const SyncOutcome next = net.sync(*hr, QStringLiteral("lina"));
    QCOMPARE(next.error.code, QStringLiteral("sync.alarm"));
}

void TestSync::rewrittenServerHistoryIsDetected()
{
    SyncNet net;
    QVERIFY(net.start());
    Store *hr = net.openClient(QStringLiteral("hr"));
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    for (const char *number : {"+86 21 5555 0301", "+86 21 5555 0302"}) {
        QVERIFY(edit(*hr, QStringLiteral("employee"), net.seed.emp.value(QStringLiteral("E002")),
                     phone(number))
                    .ok());
        net.clockMs += 5;
    }
    QVERIFY(net.sync(*hr, QStringLiteral("lina")).ok);
    const qint64 size = rowCount(*net.server, QStringLiteral("server_log"));

    // The server's operator rebuilds the log without one early change (an
    // update, so that later entries still apply) and re-signs: a consistent,
    // signed, but different history.
    const qint64 dropped =
        scalar(*net.server, QStringLiteral("SELECT min(l.idx) FROM server_log l JOIN oplog o ON "
                                           "o.seq = l.op_seq WHERE o.kind = 'update'"))
            .toLongLong();
    QVERIFY(dropped > 0);
    {
        QSqlQuery q(net.server->database().connection());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM merkle_node")));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM server_log WHERE idx = %1").arg(dropped)));
        QVERIFY(q.exec(
            QStringLiteral("UPDATE server_log SET idx = idx - 1 WHERE idx > %1").arg(dropped)));
    }
    {
        // Re-hash every remaining entry into fresh Merkle nodes.
        QSqlQuery q(net.server->database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT l.idx, %1 FROM server_log l JOIN oplog o ON "
                                      "o.seq = l.op_seq ORDER BY l.idx")
                           .arg(QLatin1StringView(OpLogColumns))));
        QHash<QPair<int, qint64>, QByteArray> nodes;
        while (q.next()) {
            Operation op;
            op.id = parseId(q.value(1).toString());
            op.entity = q.value(2).toString();
            op.entityId = parseId(q.value(3).toString());
            op.kind = *parseOpKind(q.value(4).toString());
            op.fields = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
            op.hlc = *Hlc::parse(q.value(6).toString());
            op.author = parseId(q.value(7).toString());
            op.device = q.value(8).toString();
            for (const merkle::Node &n :
                 merkle::nodesCompletedBy(q.value(0).toLongLong(), merkle::leafHash(op.canonical()),
                                          [&](int l, qint64 i) {
                                              return nodes.value({l, i});
                                          }))
                nodes.insert({n.level, n.index}, n.hash);
        }
        QSqlQuery ins(net.server->database().connection());
        ins.prepare(QStringLiteral("INSERT INTO merkle_node (level, idx, hash) VALUES (?,?,?)"));
        for (auto it = nodes.constBegin(); it != nodes.constEnd(); ++it) {
            ins.bindValue(0, it.key().first);
            ins.bindValue(1, it.key().second);
            ins.bindValue(2, it.value());
            QVERIFY(ins.exec());
        }
    }
    // A fresh server process over the edited database.
    net.service = std::make_unique<SyncService>(*net.server);
    QVERIFY(net.service->start());
    net.local = std::make_unique<LocalTransport>(*net.service);
    QCOMPARE(rowCount(*net.server, QStringLiteral("server_log")), size - 1);

    // Grow it past what the client saw, so that only a proof can tell.
    Store *admin = net.openClient(QStringLiteral("admin"));
    const SyncOutcome fresh = net.sync(*admin, QStringLiteral("admin"));
    QVERIFY2(fresh.ok, qPrintable(fresh.error.message)); // a new device trusts what it finds
    for (int i = 0; i < 3; ++i) {
        QVERIFY(edit(*admin, QStringLiteral("employee"), net.seed.emp.value(QStringLiteral("E006")),
                     phone(QByteArray("+86 21 5555 020" + QByteArray::number(i)).constData()))
                    .ok());
        net.clockMs += 5;
    }
    QVERIFY(net.sync(*admin, QStringLiteral("admin")).ok);

    const SyncOutcome o = net.sync(*hr, QStringLiteral("lina"));
    QVERIFY(!o.ok);
    QCOMPARE(o.error.code, QStringLiteral("log.rewritten"));
    QCOMPARE(rowCount(*hr, QStringLiteral("audit_log"), QStringLiteral("action='sync.alarm'")), 1);
}

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
