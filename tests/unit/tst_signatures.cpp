// Users' signing keys, the organisation's certificate authority and detached
// CMS signatures (core/evidence): what Baton signs, Baton and stock openssl
// both check.
#include "evidence/certificateauthority.h"
#include "evidence/cmssignature.h"
#include "evidence/signingkey.h"
#include "evidence/timestamp.h"

#include <QDateTime>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace baton;

namespace {

// A low scrypt cost keeps the tests quick; the default is checked once.
const KeyEncryptionCost Quick{10, 8, 1};

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Runs the stock openssl command in dir; true when it exits 0.
bool opensslAccepts(const QString &openssl, const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(openssl, args);
    p.waitForFinished(30000);
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestSignatures : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void keyIsKeptOnlyUnderItsPassword();
    void signatureHoldsForItsContentAndAuthorityOnly();
    void certificateIsCheckedAtTheTimeGiven();
    void damagedInputIsRefusedNotTrusted();
    void authorityIsReloadedOnlyWithItsKey();
    void stockOpensslVerifiesWhatBatonSigns();
    void timeStampHoldsForItsDataAndAuthorityOnly();
    void onlyATimeStampingCertificateStamps();
    void badTimeStampRequestIsRejectedNotStamped();
    void stockOpensslVerifiesBatonsTimeStamps();

private:
    // 2027-03-02 08:00:00.123 UTC on the authority's clock.
    static constexpr qint64 StampMs = 1803974400123;
    TimeStampAuthority makeAuthority();
    SigningKey m_caKey;
    std::optional<CertificateAuthority> m_ca;
    SigningKey m_userKey;
    QByteArray m_userCert;
    const CertificateSubject m_subject{
        QStringLiteral("zhang.wei"),
        QUuid::fromString(QStringLiteral("019b76da-a800-72fe-9692-4275e131953f")),
        QStringLiteral("0123456789abcdef")};
};

void TestSignatures::initTestCase()
{
    auto caKey = SigningKey::generate();
    QVERIFY(caKey);
    m_caKey = *caKey;
    auto ca = CertificateAuthority::create(QStringLiteral("华东贸易有限公司"), m_caKey, now());
    QVERIFY2(ca, qPrintable(ca ? QString() : ca.error().message));
    m_ca = *ca;
    auto userKey = SigningKey::generate();
    QVERIFY(userKey);
    m_userKey = *userKey;
    auto cert = m_ca->issue(m_userKey.publicKeyDer(), m_subject, now());
    QVERIFY2(cert, qPrintable(cert ? QString() : cert.error().message));
    m_userCert = *cert;
}

void TestSignatures::keyIsKeptOnlyUnderItsPassword()
{
    auto pem = m_userKey.encrypted(QStringLiteral("正确的马 battery"));
    QVERIFY(pem);
    QVERIFY(pem->startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    // PBES2 with scrypt (OID 1.3.6.1.4.1.11591.4.11), not PBKDF2.
    const QByteArray der =
        QByteArray::fromBase64(pem->split('\n').mid(1, pem->count('\n') - 2).join());
    QVERIFY(der.contains(QByteArray::fromHex("06092b06010401da47040b")));

    auto back = SigningKey::fromEncrypted(*pem, QStringLiteral("正确的马 battery"));
    QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
    QCOMPARE(back->publicKeyDer(), m_userKey.publicKeyDer());
    auto wrong = SigningKey::fromEncrypted(*pem, QStringLiteral("正确的马 batter"));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, QStringLiteral("key.password"));
    QCOMPARE(m_userKey.encrypted(QString(), Quick).error().code, QStringLiteral("key.password"));

    // A key from the unlocked copy signs what the certificate vouches for.
    auto sig = CmsSignature::sign("content", *back, m_userCert);
    QVERIFY(sig);
    QVERIFY(CmsSignature::verify("content", *sig, m_ca->certificateDer()));
}

void TestSignatures::signatureHoldsForItsContentAndAuthorityOnly()
{
    const QByteArray content = QStringLiteral("{\"decision\":\"approve\",\"opinion\":\"同意，"
                                              "按合同执行\"}")
                                   .toUtf8();
    auto sig = CmsSignature::sign(content, m_userKey, m_userCert);
    QVERIFY2(sig, qPrintable(sig ? QString() : sig.error().message));
    auto ok = CmsSignature::verify(content, *sig, m_ca->certificateDer());
    QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
    QCOMPARE(ok->signerCommonName, m_subject.login);
    QCOMPARE(ok->signerCertificateDer, m_userCert);
    QVERIFY(qAbs(ok->signingTime.toMSecsSinceEpoch() - now()) < 120 * 1000);

    QByteArray changed = content;
    changed.replace("approve", "reject!");
    auto tampered = CmsSignature::verify(changed, *sig, m_ca->certificateDer());
    QVERIFY(!tampered);
    QCOMPARE(tampered.error().code, QStringLiteral("signature.invalid"));

    // Another organisation's authority does not vouch for this signer.
    auto otherKey = SigningKey::generate();
    QVERIFY(otherKey);
    auto other = CertificateAuthority::create(QStringLiteral("Other Ltd"), *otherKey, now());
    QVERIFY(other);
    QVERIFY(!CmsSignature::verify(content, *sig, other->certificateDer()));

    // A key signs only with its own certificate.
    auto stranger = SigningKey::generate();
    QVERIFY(stranger);
    auto refused = CmsSignature::sign(content, *stranger, m_userCert);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("signature.key"));
    // A certificate the authority issued for another key does not make the
    // stranger's signature hold either.
    auto strangerCert = other->issue(stranger->publicKeyDer(), m_subject, now());
    QVERIFY(strangerCert);
    auto foreign = CmsSignature::sign(content, *stranger, *strangerCert);
    QVERIFY(foreign);
    QVERIFY(!CmsSignature::verify(content, *foreign, m_ca->certificateDer()));
}

void TestSignatures::certificateIsCheckedAtTheTimeGiven()
{
    auto shortLived = m_ca->issue(m_userKey.publicKeyDer(), m_subject, now(), 30);
    QVERIFY(shortLived);
    auto sig = CmsSignature::sign("x", m_userKey, *shortLived);
    QVERIFY(sig);
    const qint64 day = 24LL * 60 * 60 * 1000;
    QVERIFY(CmsSignature::verify("x", *sig, m_ca->certificateDer(), now() + 29 * day));
    QVERIFY(!CmsSignature::verify("x", *sig, m_ca->certificateDer(), now() + 31 * day));
    QVERIFY(!CmsSignature::verify("x", *sig, m_ca->certificateDer(), now() - 2 * day));
}

void TestSignatures::damagedInputIsRefusedNotTrusted()
{
    auto sig = CmsSignature::sign("x", m_userKey, m_userCert);
    QVERIFY(sig);
    for (const QByteArray &bad :
         {QByteArray(), QByteArray("not a signature"), sig->left(sig->size() / 2),
          QByteArray(*sig).replace(sig->size() - 20, 8, QByteArray(8, '\0'))}) {
        auto v = CmsSignature::verify("x", bad, m_ca->certificateDer());
        QVERIFY(!v);
        QCOMPARE(v.error().code, QStringLiteral("signature.invalid"));
    }
    QVERIFY(!CmsSignature::verify("x", *sig, QByteArray("damaged authority")));
    QVERIFY(!SigningKey::fromEncrypted("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n",
                                       QStringLiteral("pw")));
    QCOMPARE(m_ca->issue("not a key", m_subject, now()).error().code, QStringLiteral("ca.key"));
    QCOMPARE(m_ca->issue(m_userKey.publicKeyDer(), {}, now()).error().code,
             QStringLiteral("ca.subject"));
}

void TestSignatures::authorityIsReloadedOnlyWithItsKey()
{
    auto again = CertificateAuthority::load(m_ca->certificateDer(), m_caKey);
    QVERIFY(again);
    auto cert = again->issue(m_userKey.publicKeyDer(), m_subject, now());
    QVERIFY(cert);
    auto sig = CmsSignature::sign("y", m_userKey, *cert);
    QVERIFY(sig);
    QVERIFY(CmsSignature::verify("y", *sig, m_ca->certificateDer()));
    auto wrongKey = CertificateAuthority::load(m_ca->certificateDer(), m_userKey);
    QVERIFY(!wrongKey);
    QCOMPARE(wrongKey.error().code, QStringLiteral("ca.load"));
    // A user's certificate is no authority.
    QVERIFY(!CertificateAuthority::load(m_userCert, m_userKey));
}

void TestSignatures::stockOpensslVerifiesWhatBatonSigns()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("No openssl command on this machine.");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray content = QStringLiteral("交接清单 v3: 客户 B 续约合同已移交\n").toUtf8();
    auto sig = CmsSignature::sign(content, m_userKey, m_userCert);
    QVERIFY(sig);
    QVERIFY(writeFile(dir.filePath(QStringLiteral("content.bin")), content));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("signature.p7s")), *sig));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("ca.pem")), m_ca->certificatePem()));
    auto verify = [&](const QString &contentFile) {
        return opensslAccepts(openssl, dir.path(),
                              {QStringLiteral("cms"), QStringLiteral("-verify"),
                               QStringLiteral("-binary"), QStringLiteral("-inform"),
                               QStringLiteral("DER"), QStringLiteral("-in"),
                               QStringLiteral("signature.p7s"), QStringLiteral("-content"),
                               contentFile, QStringLiteral("-CAfile"), QStringLiteral("ca.pem"),
                               QStringLiteral("-out"), QStringLiteral("verified.bin")});
    };
    QVERIFY(verify(QStringLiteral("content.bin")));
    QByteArray changed = content;
    changed[0] = 'X';
    QVERIFY(writeFile(dir.filePath(QStringLiteral("changed.bin")), changed));
    QVERIFY(!verify(QStringLiteral("changed.bin")));
}

TimeStampAuthority TestSignatures::makeAuthority()
{
    const SigningKey key = SigningKey::generate().value();
    const QByteArray cert =
        m_ca->issueTimeStamping(key.publicKeyDer(), QStringLiteral("Baton TSA"), now()).value();
    return TimeStampAuthority::create(key, cert, [] { return StampMs; }).value();
}

void TestSignatures::timeStampHoldsForItsDataAndAuthorityOnly()
{
    const TimeStampAuthority tsa = makeAuthority();
    const QByteArray signature = CmsSignature::sign("decision", m_userKey, m_userCert).value();
    const QByteArray request = TimeStamp::request(signature);
    QVERIFY(!request.isEmpty());
    auto response = tsa.respond(request);
    QVERIFY2(response, qPrintable(response ? QString() : response.error().message));
    auto stamp = TimeStamp::verify(*response, signature, m_ca->certificateDer());
    QVERIFY2(stamp, qPrintable(stamp ? QString() : stamp.error().message));
    // To the millisecond: the authority states its clock with three digits.
    QCOMPARE(stamp->time.toMSecsSinceEpoch(), StampMs);
    QCOMPARE(stamp->authority, QStringLiteral("Baton TSA"));
    QVERIFY(!stamp->serial.isEmpty());
    // Two stamps never share a serial.
    const auto second =
        TimeStamp::verify(tsa.respond(request).value(), signature, m_ca->certificateDer());
    QVERIFY(second);
    QVERIFY(second->serial != stamp->serial);

    auto otherData = TimeStamp::verify(*response, "another decision", m_ca->certificateDer());
    QVERIFY(!otherData);
    QCOMPARE(otherData.error().code, QStringLiteral("timestamp.invalid"));
    const SigningKey otherKey = SigningKey::generate().value();
    const auto other = CertificateAuthority::create(QStringLiteral("Other Ltd"), otherKey, now());
    QVERIFY(other);
    QVERIFY(!TimeStamp::verify(*response, signature, other->certificateDer()));
    QVERIFY(!TimeStamp::verify(response->left(response->size() - 10), signature,
                               m_ca->certificateDer()));
}

void TestSignatures::onlyATimeStampingCertificateStamps()
{
    // A user's signing certificate cannot be made into an authority.
    auto refused = TimeStampAuthority::create(m_userKey, m_userCert, [] { return StampMs; });
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("tsa.certificate"));
    // Nor a time-stamping certificate with another key.
    const SigningKey key = SigningKey::generate().value();
    const QByteArray cert =
        m_ca->issueTimeStamping(key.publicKeyDer(), QStringLiteral("Baton TSA"), now()).value();
    QVERIFY(!TimeStampAuthority::create(m_userKey, cert, [] { return StampMs; }));
    QCOMPARE(m_ca->issueTimeStamping(key.publicKeyDer(), QString(), now()).error().code,
             QStringLiteral("ca.subject"));
}

void TestSignatures::badTimeStampRequestIsRejectedNotStamped()
{
    const TimeStampAuthority tsa = makeAuthority();
    for (const QByteArray &bad :
         {QByteArray(), QByteArray("not a request"), TimeStamp::request("x").left(20)}) {
        auto response = tsa.respond(bad);
        QVERIFY(response); // an answer, saying no
        auto stamp = TimeStamp::verify(*response, "x", m_ca->certificateDer());
        QVERIFY(!stamp);
        QCOMPARE(stamp.error().code, QStringLiteral("timestamp.invalid"));
    }
}

void TestSignatures::stockOpensslVerifiesBatonsTimeStamps()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("No openssl command on this machine.");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const TimeStampAuthority tsa = makeAuthority();
    const QByteArray signature = CmsSignature::sign("decision", m_userKey, m_userCert).value();
    QVERIFY(writeFile(dir.filePath(QStringLiteral("signature.p7s")), signature));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("stamp.tsr")),
                      tsa.respond(TimeStamp::request(signature)).value()));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("ca.pem")), m_ca->certificatePem()));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("other.bin")), "other"));
    auto verify = [&](const QString &dataFile) {
        return opensslAccepts(openssl, dir.path(),
                              {QStringLiteral("ts"), QStringLiteral("-verify"),
                               QStringLiteral("-data"), dataFile, QStringLiteral("-in"),
                               QStringLiteral("stamp.tsr"), QStringLiteral("-CAfile"),
                               QStringLiteral("ca.pem")});
    };
    QVERIFY(verify(QStringLiteral("signature.p7s")));
    QVERIFY(!verify(QStringLiteral("other.bin")));
}

QTEST_GUILESS_MAIN(TestSignatures)
#include "tst_signatures.moc"
