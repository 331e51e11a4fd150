// baton-server's authorities (core/sync/serverauthority): the CA certificate
// anyone may fetch, signing certificates and RFC 3161 time stamps for
// signed-in accounts, the same authorities across restarts. On SQLite, and on PostgreSQL under
// tst_serverauthority_pg.
#include "evidence/cmssignature.h"
#include "evidence/timestamp.h"
#include "sync/syncwire.h"
#include "syncnet.h"

#include "evidence/sha256.h"
#include "unittools.h"

#include <QSslCertificate>
#include <QtTest>

using namespace baton;
using namespace baton::test;

namespace {

QByteArray caDer(const HttpReply &r)
{
    const QList<QSslCertificate> certs = QSslCertificate::fromData(r.body, QSsl::Pem);
    return certs.size() == 1 ? certs.first().toDer() : QByteArray();
}

} // namespace

class TestServerAuthority : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void certificateIsPublicAndKeptAcrossRestarts();
    void timeStampsForSignedInAccountsOnly();
    void certificateIsForTheSessionsAccountAndDevice();
};

void TestServerAuthority::certificateIsPublicAndKeptAcrossRestarts()
{
    SyncNet net;
    QVERIFY(net.start());
    const HttpReply first =
        net.service->handle(request("GET", QStringLiteral("/v1/authority/certificate")));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.contentType, QByteArrayLiteral("application/x-pem-file"));
    const QByteArray der = caDer(first);
    QVERIFY(!der.isEmpty());
    QCOMPARE(der, net.service->authority().certificateAuthority().certificateDer());

    // Another start over the same database: the same authority, the same
    // time-stamping key.
    SyncService again(*net.server);
    QVERIFY(again.start().ok());
    QCOMPARE(caDer(again.handle(request("GET", QStringLiteral("/v1/authority/certificate")))), der);
    QCOMPARE(again.authority().timeStamps().certificateDer(),
             net.service->authority().timeStamps().certificateDer());
    QCOMPARE(
        net.service->handle(request("POST", QStringLiteral("/v1/authority/certificate"))).status,
        405);
}

void TestServerAuthority::timeStampsForSignedInAccountsOnly()
{
    SyncNet net;
    QVERIFY(net.start());
    const QByteArray ca = net.service->authority().certificateAuthority().certificateDer();
    const QByteArray data = QStringLiteral("审批意见：同意").toUtf8();
    const QByteArray stampRequest = TimeStamp::request(data);

    const HttpReply anonymous =
        net.service->handle(request("POST", QStringLiteral("/v1/timestamp"), {}, stampRequest));
    QCOMPARE(anonymous.status, 401);

    const QByteArray token =
        tokenFor(*net.service, QStringLiteral("zhangwei"), QStringLiteral("devzw"));
    QVERIFY(!token.isEmpty());
    net.clockMs += 61 * 1000;
    const HttpReply stamped =
        net.service->handle(request("POST", QStringLiteral("/v1/timestamp"), token, stampRequest));
    QCOMPARE(stamped.status, 200);
    QCOMPARE(stamped.contentType, QByteArrayLiteral("application/timestamp-reply"));
    auto verified = TimeStamp::verify(stamped.body, data, ca);
    QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().message));
    // The server's clock, not the client's.
    QCOMPARE(verified->time.toMSecsSinceEpoch(), net.clockMs / 1000 * 1000);
    QVERIFY(!TimeStamp::verify(stamped.body, "other", ca));

    // A request it cannot grant is answered with a refusal, not a stamp.
    const HttpReply garbage = net.service->handle(
        request("POST", QStringLiteral("/v1/timestamp"), token, "not a request"));
    QCOMPARE(garbage.status, 200);
    QVERIFY(!TimeStamp::verify(garbage.body, data, ca));
    const HttpReply large =
        net.service->handle(request("POST", QStringLiteral("/v1/timestamp"), token,
                                    QByteArray(SyncService::MaxTimeStampRequestBytes + 1, 'x')));
    QCOMPARE(large.status, 413);
}

void TestServerAuthority::certificateIsForTheSessionsAccountAndDevice()
{
    SyncNet net;
    QVERIFY(net.start());
    const QByteArray ca = net.service->authority().certificateAuthority().certificateDer();
    const SigningKey key = SigningKey::generate().value();
    const QByteArray body = wire::certificateRequestBody(key.publicKeyDer());
    QCOMPARE(
        net.service->handle(request("POST", QStringLiteral("/v1/certificates"), {}, body)).status,
        401);

    const QByteArray token =
        tokenFor(*net.service, QStringLiteral("zhangwei"), QStringLiteral("devzw"));
    const qint64 auditBefore = *net.server->auditEntryCount();
    const HttpReply r =
        net.service->handle(request("POST", QStringLiteral("/v1/certificates"), token, body));
    QCOMPARE(r.status, 200);
    auto reply = wire::parseCertificateReply(r.body);
    QVERIFY2(reply, qPrintable(reply ? QString() : reply.error().message));
    QCOMPARE(reply->authorityDer, ca);
    const QSslCertificate cert(reply->certificateDer, QSsl::Der);
    QCOMPARE(cert.subjectInfo(QSslCertificate::CommonName),
             QStringList{QStringLiteral("zhangwei")});
    QCOMPARE(cert.subjectInfo(QSslCertificate::OrganizationalUnitName),
             QStringList{QStringLiteral("devzw")});
    // What the key signs holds against the CA the server publishes.
    const QByteArray signature = CmsSignature::sign("approve", key, reply->certificateDer).value();
    auto verified = CmsSignature::verify("approve", signature, ca);
    QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().message));
    QCOMPARE(verified->signerCommonName, QStringLiteral("zhangwei"));
    // The issue is in the audit trail, with the key's fingerprint.
    QCOMPARE(*net.server->auditEntryCount(), auditBefore + 1);
    QVERIFY(scalar(*net.server, QStringLiteral("SELECT summary FROM audit_log WHERE action = "
                                               "'certificate.issue' ORDER BY seq DESC LIMIT 1"))
                .toString()
                .contains(QString::fromLatin1(Sha256::hash(key.publicKeyDer()).toHex())));

    // Not a key: refused, nothing written.
    for (const QByteArray &bad :
         {wire::certificateRequestBody("not a key"), QByteArray("{\"publicKey\":\"%%%\"}"),
          QByteArray("{}"), QByteArray("[]")}) {
        const HttpReply refused =
            net.service->handle(request("POST", QStringLiteral("/v1/certificates"), token, bad));
        QCOMPARE(refused.status, 400);
    }
    QCOMPARE(*net.server->auditEntryCount(), auditBefore + 1);
}

QTEST_GUILESS_MAIN(TestServerAuthority)
#include "tst_serverauthority.moc"
