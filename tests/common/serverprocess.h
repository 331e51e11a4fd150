#pragma once

// Real baton-server and baton-cli processes for integration tests and
// benchmarks: start, kill -9, restart, run one command to its end.

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace baton::test {

inline QProcessEnvironment quietEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("baton.*.info=false"));
    return env;
}

// Runs a program to its end; returns its exit code (-1: did not finish).
inline int runTool(const QString &program, const QStringList &args, QByteArray *out = nullptr,
                   QByteArray *err = nullptr, int timeoutMs = 120000)
{
    QProcess p;
    p.setProcessEnvironment(quietEnvironment());
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

class ServerProcess
{
public:
    // tlsDir: where init writes its certificate (default: its own choice,
    // beside a database file or in the user's data folder for a URL).
    ServerProcess(QString program, QString database, QString tlsDir = {})
        : m_program(std::move(program))
        , m_database(std::move(database))
        , m_tlsDir(std::move(tlsDir))
    { }
    ~ServerProcess() { kill(); }

    bool init()
    {
        QByteArray err;
        QStringList args{QStringLiteral("init"), QStringLiteral("--database"), m_database};
        if (!m_tlsDir.isEmpty())
            args << QStringLiteral("--tls-dir") << m_tlsDir;
        const int code = runTool(m_program, args, nullptr, &err);
        if (code != 0)
            qWarning() << "baton-server init failed:" << err;
        return code == 0;
    }

    // Starts `run` on a free loopback port (the same port again after a
    // restart) and waits for it to listen.
    bool start()
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(quietEnvironment());
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process->start(m_program,
                         {QStringLiteral("run"), QStringLiteral("--database"), m_database,
                          QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port)});
        QElapsedTimer t;
        t.start();
        static const QRegularExpression listening(
            QStringLiteral("listening on (http://\\S+):(\\d+)"));
        QByteArray seen;
        while (t.elapsed() < 20000) {
            if (!m_process->waitForReadyRead(200) && m_process->state() == QProcess::NotRunning)
                break;
            seen += m_process->readAllStandardOutput();
            const auto m = listening.match(QString::fromUtf8(seen));
            if (m.hasMatch()) {
                m_port = m.captured(2).toUShort();
                m_url = m.captured(1) + QLatin1Char(':') + m.captured(2);
                return true;
            }
        }
        qWarning() << "baton-server did not start:" << seen;
        return false;
    }

    // kill -9: no chance to finish anything.
    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(10000);
        }
    }

    const QString &url() const { return m_url; }
    // For failure messages: is it still running, and if not, how it ended.
    QString state() const
    {
        if (!m_process)
            return QStringLiteral("not started");
        if (m_process->state() != QProcess::NotRunning)
            return QStringLiteral("running");
        return QStringLiteral("ended: %1 (exit %2, %3)")
            .arg(m_process->exitStatus() == QProcess::CrashExit ? QStringLiteral("crashed")
                                                                : QStringLiteral("exited"))
            .arg(m_process->exitCode())
            .arg(m_process->errorString());
    }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

private:
    QString m_program;
    QString m_database;
    QString m_tlsDir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_url;
};

} // namespace baton::test
