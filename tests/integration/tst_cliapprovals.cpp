// baton-cli verify request / export request (issue 4, "Verification"), as
// real processes on the demo company: a request verifies, changing its
// records or its signature behind Baton's back is caught, and the exported
// evidence passes stock `openssl cms -verify` and `openssl ts -verify`.
#include "unittools.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace baton::test;

namespace {

const QString CliBin = QStringLiteral(BATON_CLI_BIN);

struct Run
{
    int exit = -1;
    QString out;
};

Run run(const QString &program, const QStringList &args, const QString &dir = {})
{
    QProcess p;
    if (!dir.isEmpty())
        p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAll())};
}

} // namespace

class TstCliApprovals : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    QString requestId(const char *subjectLike)
    {
        RawSql sql(m_db);
        return sql
            .value(QStringLiteral("SELECT id FROM approval_request WHERE subject LIKE ?"),
                   {QString::fromUtf8(subjectLike)})
            .toString();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(
            QStringLiteral("demo-%1.db").arg(QLatin1String(QTest::currentTestFunction())));
        const Run demo = run(CliBin, {QStringLiteral("demo"), QStringLiteral("--employees"),
                                      QStringLiteral("40"), QStringLiteral("--seed"),
                                      QStringLiteral("7"), QStringLiteral("--database"), m_db});
        QVERIFY2(demo.exit == 0, qPrintable(demo.out));
    }

    void demoRequestsVerify()
    {
        const QString id = requestId("%项目B%");
        QVERIFY(!id.isEmpty());
        const Run r = run(CliBin, {QStringLiteral("verify"), QStringLiteral("request"), id,
                                   QStringLiteral("--database"), m_db});
        QVERIFY2(r.exit == 0, qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("VERIFIED")));
        QCOMPARE(r.out.count(QStringLiteral("signature: OK")), 2);
        QCOMPARE(r.out.count(QStringLiteral("trusted time: OK")), 2);
    }

    void changedDecisionIsCaught()
    {
        const QString id = requestId("%项目B%");
        {
            RawSql sql(m_db);
            QVERIFY(sql.exec(QStringLiteral("UPDATE approval_step SET opinion='不同意' WHERE "
                                            "request_id=? AND node_key='manager_review'"),
                             {id}));
        }
        const Run r = run(CliBin, {QStringLiteral("verify"), QStringLiteral("request"), id,
                                   QStringLiteral("--database"), m_db});
        QCOMPARE(r.exit, 1);
        QVERIFY2(r.out.contains(QStringLiteral("signed content matches the records: FAILED")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("FAILED")));
    }

    void changedSignatureIsCaught()
    {
        const QString id = requestId("%项目B%");
        {
            RawSql sql(m_db);
            const QByteArray sig = QByteArray::fromBase64(
                sql.value(QStringLiteral("SELECT signature FROM approval_step WHERE request_id=? "
                                         "AND node_key='manager_review'"),
                          {id})
                    .toString()
                    .toLatin1());
            QVERIFY(sig.size() > 100);
            QByteArray bent = sig;
            bent[bent.size() - 5] = char(bent[bent.size() - 5] ^ 0x01);
            QVERIFY(sql.exec(QStringLiteral("UPDATE approval_step SET signature=? WHERE "
                                            "request_id=? AND node_key='manager_review'"),
                             {QString::fromLatin1(bent.toBase64()), id}));
        }
        const Run r = run(CliBin, {QStringLiteral("verify"), QStringLiteral("request"), id,
                                   QStringLiteral("--database"), m_db});
        QCOMPARE(r.exit, 1);
        QVERIFY2(r.out.contains(QStringLiteral("signature: FAILED")), qPrintable(r.out));
    }

    void exportPassesStockOpenssl()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("No openssl command on this machine.");
        const QString id = requestId("%项目B%");
        const QString out = m_dir.filePath(QStringLiteral("evidence"));
        const Run r =
            run(CliBin, {QStringLiteral("export"), QStringLiteral("request"), id,
                         QStringLiteral("--out"), out, QStringLiteral("--database"), m_db});
        QVERIFY2(r.exit == 0, qPrintable(r.out));
        QVERIFY(QFile::exists(out + QStringLiteral("/ca.pem")));
        QVERIFY(QFile::exists(out + QStringLiteral("/request.json")));
        const QStringList decisions =
            QDir(out).entryList({QStringLiteral("decision-*")}, QDir::Dirs, QDir::Name);
        QCOMPARE(decisions.size(), 2);
        // The command HOW-TO-VERIFY.txt gives, from a decision's folder.
        const QStringList cmsVerify{QStringLiteral("cms"),           QStringLiteral("-verify"),
                                    QStringLiteral("-binary"),       QStringLiteral("-inform"),
                                    QStringLiteral("DER"),           QStringLiteral("-in"),
                                    QStringLiteral("signature.p7s"), QStringLiteral("-content"),
                                    QStringLiteral("content.json"),  QStringLiteral("-CAfile"),
                                    QStringLiteral("../ca.pem"),     QStringLiteral("-out"),
                                    QStringLiteral("verified.bin")};
        for (const QString &d : decisions) {
            const QString folder = out + QLatin1Char('/') + d;
            const Run cms = run(openssl, cmsVerify, folder);
            QVERIFY2(cms.exit == 0, qPrintable(cms.out));
            const Run ts = run(openssl,
                               {QStringLiteral("ts"), QStringLiteral("-verify"),
                                QStringLiteral("-data"), QStringLiteral("signature.p7s"),
                                QStringLiteral("-in"), QStringLiteral("timestamp.tsr"),
                                QStringLiteral("-CAfile"), QStringLiteral("../ca.pem")},
                               folder);
            QVERIFY2(ts.exit == 0, qPrintable(ts.out));
            // The signed content is not the exported file if it changes.
            QFile content(folder + QStringLiteral("/content.json"));
            QVERIFY(content.open(QIODevice::Append));
            content.write(" ");
            content.close();
            QVERIFY(run(openssl, cmsVerify, folder).exit != 0);
        }
        // The client's confirmation e-mail is there, under its hash.
        QCOMPARE(QDir(out + QStringLiteral("/attachments")).entryList(QDir::Files).size(), 1);
    }

    void newOrganisationStartsWithTheShippedTemplates()
    {
        const QString db = m_dir.filePath(QStringLiteral("new.db"));
        const QString passwordFile = m_dir.filePath(QStringLiteral("password"));
        QFile f(passwordFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("correct horse battery staple\n");
        f.close();
        const Run init = run(CliBin, {QStringLiteral("init"), QStringLiteral("--database"), db,
                                      QStringLiteral("--admin"), QStringLiteral("admin"),
                                      QStringLiteral("--password-file"), passwordFile});
        QVERIFY2(init.exit == 0, qPrintable(init.out));
        RawSql sql(db);
        QCOMPARE(sql.value(QStringLiteral("SELECT group_concat(code, ',') FROM (SELECT code FROM "
                                          "workflow_template ORDER BY code)"))
                     .toString(),
                 QStringLiteral("document_approval,expense_claim,handover_signoff,"
                                "project_delivery"));
    }

    void badArgumentsAreRefused()
    {
        QCOMPARE(run(CliBin, {QStringLiteral("verify"), QStringLiteral("request"),
                              QStringLiteral("not-an-id"), QStringLiteral("--database"), m_db})
                     .exit,
                 2);
        const Run unknown = run(CliBin, {QStringLiteral("verify"), QStringLiteral("request"),
                                         QStringLiteral("01a226f3-0000-7000-8000-000000000000"),
                                         QStringLiteral("--database"), m_db});
        QCOMPARE(unknown.exit, 1);
        QCOMPARE(run(CliBin, {QStringLiteral("export"), QStringLiteral("request"),
                              requestId("%项目B%"), QStringLiteral("--database"), m_db})
                     .exit,
                 2); // no --out
    }
};

QTEST_GUILESS_MAIN(TstCliApprovals)
#include "tst_cliapprovals.moc"
