#pragma once

#include "evidence/auditverifier.h"

#include <QFrame>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace baton {

// Runs AuditVerifier on a worker thread with a progress bar and Cancel, then
// shows the verdict: every entry checks out (green), or the first broken
// entry and what is wrong with it (red), with a way to show that entry.
class AuditVerifyPanel : public QFrame
{
    Q_OBJECT
public:
    explicit AuditVerifyPanel(QWidget *parent = nullptr);
    ~AuditVerifyPanel() override;

    void start(const QString &databasePath);
    // A second line on the server's history as this replica checked it
    // (empty: none, for a database that has never synced).
    void setCentralHistory(const QString &text, bool alarm);
    void cancel();
    bool isRunning() const { return m_running; }
    // The last finished run's report; intact=false until one finishes.
    const AuditVerifyReport &report() const { return m_report; }

Q_SIGNALS:
    void runningChanged(bool running);
    void finished();
    void jumpRequested(qint64 seq);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Reply
    {
        AuditVerifyReport report;
        QString error; // translated; empty when the check ran
    };
    // What the status line tells; its text is rebuilt from this and m_report.
    enum class Phase { Idle, Running, Cancelling, Done };
    void retranslate();
    void done(const Reply &reply);
    void setRunning(bool running);
    void showStatus();
    void showVerdict(const QString &text, const QColor &color, qint64 jumpSeq);

    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_central = nullptr;
    QPushButton *m_jump = nullptr;
    QFutureWatcher<Reply> *m_watcher = nullptr;
    // Shared with the worker, which may outlive this panel by a moment.
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    AuditVerifyReport m_report;
    QString m_error; // the last run's, when it could not check
    Phase m_phase = Phase::Idle;
    qint64 m_jumpSeq = 0;
    bool m_running = false;
};

} // namespace baton
