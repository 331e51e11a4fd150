// baton-cli import / export dossier / verify bundle (issue 5, "Interfaces"),
// as real processes on the demo company: imports report what they took and
// skipped, a second import takes nothing, the dossier of the departed
// employee with a handover exports and verifies, and a changed byte fails.
// With a baton-server: the dossier exported on its database, and on a
// database that syncs with it, carries the server log's proofs.
#include "serverprocess.h"
#include "unittools.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace baton::test;

namespace {

const QString CliBin = QStringLiteral(BATON_CLI_BIN);
const QString Data = QStringLiteral(BATON_TEST_DATA);

struct Run
{
    int exit = -1;
    QString out;
};

int importedIn(const QString &out)
{
    static const QRegularExpression imported(QStringLiteral("Imported (\\d+) item"));
    const auto m = imported.match(out);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

Run cli(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(CliBin, args);
    if (!p.waitForFinished(300000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAll())};
}

} // namespace

class TstCliTrail : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    QString numberOf(const char *login)
    {
        RawSql sql(m_db);
        return sql
            .value(QStringLiteral("SELECT e.number FROM employee e JOIN app_user u ON "
                                  "u.employee_id=e.id WHERE u.login=?"),
                   {QLatin1String(login)})
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("demo.db"));
        const Run demo = cli({QStringLiteral("demo"), QStringLiteral("--employees"),
                              QStringLiteral("40"), QStringLiteral("--seed"), QStringLiteral("3"),
                              QStringLiteral("--database"), m_db});
        QVERIFY2(demo.exit == 0, qPrintable(demo.out));
    }

    void importsAndSaysWhatItSkipped()
    {
        const QString zw = numberOf("zhangwei");
        QVERIFY(!zw.isEmpty());
        const QStringList args = {QStringLiteral("import"),
                                  QStringLiteral("chat"),
                                  Data + QStringLiteral("/chat/wecom.csv"),
                                  Data + QStringLiteral("/chat/wrong_columns.csv"),
                                  QStringLiteral("--employee"),
                                  zw,
                                  QStringLiteral("--database"),
                                  m_db,
                                  QStringLiteral("--time-zone"),
                                  QStringLiteral("Asia/Shanghai")};
        const Run first = cli(args);
        QCOMPARE(first.exit, 0);
        QVERIFY2(importedIn(first.out) >= 5, qPrintable(first.out));
        QVERIFY(first.out.contains(QStringLiteral("wrong_columns.csv: ")));
        QVERIFY(first.out.contains(QStringLiteral("wecom.csv, line ")));
        const Run again = cli(args);
        QCOMPARE(again.exit, 0);
        QVERIFY2(importedIn(again.out) == 0, qPrintable(again.out));
        QVERIFY(again.out.contains(QStringLiteral("Already in the work trail.")));

        const Run mail =
            cli({QStringLiteral("import"), QStringLiteral("mail"),
                 Data + QStringLiteral("/mail/archive.mbox"), QStringLiteral("--employee"), zw,
                 QStringLiteral("--database"), m_db});
        QCOMPARE(mail.exit, 0);
        QVERIFY2(importedIn(mail.out) >= 34, qPrintable(mail.out)); // 34 messages, and files
        // Bad use: an unknown person, an unknown kind, nothing named.
        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("docs"), Data,
                      QStringLiteral("--employee"), QStringLiteral("NOPE"),
                      QStringLiteral("--database"), m_db})
                     .exit,
                 1);
        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("fax"), Data,
                      QStringLiteral("--employee"), zw, QStringLiteral("--database"), m_db})
                     .exit,
                 2);
        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("docs"),
                      QStringLiteral("--employee"), zw, QStringLiteral("--database"), m_db})
                     .exit,
                 2);
    }

    void dossierExportsVerifiesAndCatchesAChange()
    {
        // Zheng Kai left after a handover signed and approved weeks before.
        const QString wq = numberOf("zhengkai");
        QVERIFY(!wq.isEmpty());
        const QString out = m_dir.filePath(QStringLiteral("dossier"));
        const Run exported =
            cli({QStringLiteral("export"), QStringLiteral("dossier"), QStringLiteral("--employee"),
                 wq, QStringLiteral("--database"), m_db, QStringLiteral("--out"), out});
        QVERIFY2(exported.exit == 0, qPrintable(exported.out));
        QVERIFY(QFile::exists(out + QStringLiteral("/dossier.pdf")));
        QFile pdf(out + QStringLiteral("/dossier.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        pdf.close();
        const Run verified = cli({QStringLiteral("verify"), QStringLiteral("bundle"), out});
        QVERIFY2(verified.exit == 0, qPrintable(verified.out));
        QVERIFY(verified.out.contains(QStringLiteral("VERIFIED")));
        // No server here: no log, said once, and not a failure.
        QCOMPARE(verified.out.count(QStringLiteral("INFO    ")), 1);
        QVERIFY(verified.out.contains(
            QStringLiteral("INFO    server log: no server log: the records are sealed by the "
                           "manifest's time stamp only")));
        QVERIFY(!QFileInfo::exists(out + QStringLiteral("/log")));
        // Three signed decisions of the sign-off, each with trusted time.
        QCOMPARE(verified.out.count(QStringLiteral("trusted time 2")), 3);
        // Again into the same folder: refused, nothing overwritten.
        QCOMPARE(
            cli({QStringLiteral("export"), QStringLiteral("dossier"), QStringLiteral("--employee"),
                 wq, QStringLiteral("--database"), m_db, QStringLiteral("--out"), out})
                .exit,
            1);
        QCOMPARE(
            cli({QStringLiteral("export"), QStringLiteral("dossier"), QStringLiteral("--employee"),
                 wq, QStringLiteral("--database"), m_db, QStringLiteral("--out"),
                 out + QStringLiteral("2"), QStringLiteral("--from"), QStringLiteral("2026-13-01")})
                .exit,
            2);

        // One byte of one record changed.
        QDirIterator it(out + QStringLiteral("/records/handover_item"), QDir::Files);
        QVERIFY(it.hasNext());
        QFile record(it.next());
        QVERIFY(record.open(QIODevice::ReadWrite));
        QByteArray bytes = record.readAll();
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x20);
        QVERIFY(record.seek(0) && record.write(bytes) == bytes.size());
        record.close();
        const Run broken = cli({QStringLiteral("verify"), QStringLiteral("bundle"), out});
        QCOMPARE(broken.exit, 1);
        QVERIFY(broken.out.contains(QStringLiteral("FAILED")));
        QVERIFY(broken.out.contains(QFileInfo(record.fileName()).fileName()));
    }

    void dossierCarriesTheServerLogsProofs()
    {
        // Beside baton-cli in the build tree; not a dependency of this test.
        const QString serverBin =
            QFileInfo(CliBin).absolutePath() + QStringLiteral("/../server/baton-server");
        if (!QFileInfo::exists(serverBin))
            QSKIP("baton-server is not built");
        const QString serverDb = m_dir.filePath(QStringLiteral("server.db"));
        QByteArray initOut;
        QCOMPARE(runTool(serverBin,
                         {QStringLiteral("init"), QStringLiteral("--database"), serverDb},
                         &initOut),
                 0);
        static const QRegularExpression logKeyLine(QStringLiteral("Log key: (\\S+)"));
        const QString logKey = logKeyLine.match(QString::fromUtf8(initOut)).captured(1);
        QVERIFY(!logKey.isEmpty());
        ServerProcess server(serverBin, serverDb);
        QVERIFY(server.start());
        const Run demo = cli({QStringLiteral("demo"), QStringLiteral("--employees"),
                              QStringLiteral("20"), QStringLiteral("--seed"), QStringLiteral("3"),
                              QStringLiteral("--server"), server.url()});
        QVERIFY2(demo.exit == 0, qPrintable(demo.out));
        static const QRegularExpression linaLine(QStringLiteral("login: lina password: (\\S+)"));
        const QString password = linaLine.match(demo.out).captured(1);
        QVERIFY(!password.isEmpty());
        const QString zk =
            RawSql(serverDb)
                .value(QStringLiteral("SELECT e.number FROM employee e JOIN app_user "
                                      "u ON u.employee_id=e.id WHERE u.login=?"),
                       {QStringLiteral("zhengkai")})
                .toString();
        QVERIFY(!zk.isEmpty());
        auto records = [](const QString &bundle) {
            int n = 0;
            QDirIterator it(bundle + QStringLiteral("/records"), QDir::Files,
                            QDirIterator::Subdirectories);
            for (; it.hasNext(); it.next())
                ++n;
            return n;
        };
        auto checkProved = [&](const QString &bundle) {
            const Run verified = cli({QStringLiteral("verify"), QStringLiteral("bundle"), bundle});
            QVERIFY2(verified.exit == 0, qPrintable(verified.out));
            QVERIFY(verified.out.contains(QStringLiteral("OK      log/checkpoint")));
            QVERIFY(verified.out.contains(QStringLiteral("Log key: ") + logKey));
            QVERIFY(!verified.out.contains(QStringLiteral("INFO    ")));
            QVERIFY(records(bundle) > 3);
            QCOMPARE(verified.out.count(QStringLiteral("OK      log proof ")), records(bundle));
        };

        // On the server's own database.
        const QString onServer = m_dir.filePath(QStringLiteral("dossier-server"));
        const Run exported =
            cli({QStringLiteral("export"), QStringLiteral("dossier"), QStringLiteral("--employee"),
                 zk, QStringLiteral("--database"), serverDb, QStringLiteral("--out"), onServer});
        QVERIFY2(exported.exit == 0, qPrintable(exported.out));
        QVERIFY(exported.out.contains(QStringLiteral("proved by the server's log")));
        checkProved(onServer);

        // On HR's database that syncs with it: the server seals and proves.
        const QString desktopDb = m_dir.filePath(QStringLiteral("desktop.db"));
        const QString passwordFile = m_dir.filePath(QStringLiteral("lina.password"));
        QFile pw(passwordFile);
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write(password.toUtf8() + '\n');
        pw.close();
        const Run synced =
            cli({QStringLiteral("sync"), QStringLiteral("--database"), desktopDb,
                 QStringLiteral("--server"), server.url(), QStringLiteral("--user"),
                 QStringLiteral("lina"), QStringLiteral("--password-file"), passwordFile});
        QVERIFY2(synced.exit == 0, qPrintable(synced.out));
        const QString onDesktop = m_dir.filePath(QStringLiteral("dossier-desktop"));
        const QStringList exportOnDesktop = {
            QStringLiteral("export"),     QStringLiteral("dossier"),
            QStringLiteral("--employee"), zk,
            QStringLiteral("--database"), desktopDb,
            QStringLiteral("--out"),      onDesktop};
        const Run noAccount = cli(exportOnDesktop);
        QCOMPARE(noAccount.exit, 2);
        QVERIFY(noAccount.out.contains(QStringLiteral("--user NAME --password-file F")));
        const QStringList signedIn = exportOnDesktop
                                     + QStringList{QStringLiteral("--user"), QStringLiteral("lina"),
                                                   QStringLiteral("--password-file"), passwordFile};
        const Run fromDesktop = cli(signedIn);
        QVERIFY2(fromDesktop.exit == 0, qPrintable(fromDesktop.out));
        checkProved(onDesktop);

        // The server gone: a clear error, and nothing written.
        server.kill();
        QStringList offline = signedIn;
        offline[7] = m_dir.filePath(QStringLiteral("dossier-offline"));
        const Run down = cli(offline);
        QCOMPARE(down.exit, 1);
        QVERIFY2(down.out.contains(QStringLiteral("connect to the server to seal the bundle")),
                 qPrintable(down.out));
        QVERIFY(!QFileInfo::exists(offline[7]));
    }
};

QTEST_GUILESS_MAIN(TstCliTrail)
#include "tst_clitrail.moc"
