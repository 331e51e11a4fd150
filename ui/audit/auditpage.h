#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;

namespace baton {

class AppContext;
class AuditDetailPane;
class AuditExportJob;
class AuditFilterBar;
class AuditTableModel;
class AuditTableView;
class AuditVerifyPanel;
struct AuditVerifyReport;

// The Audit module: the audit trail, filterable, with every detail of the
// selected entry; "Verify chain" recomputes the hash chain on a worker
// thread and names the first broken entry; "Export CSV..." writes what the
// filters show and records the export in the trail itself.
class AuditPage : public QWidget
{
    Q_OBJECT
public:
    explicit AuditPage(AppContext &context, QWidget *parent = nullptr);
    ~AuditPage() override;

    // Selects entry seq, loading the part of the trail around it (filters
    // are cleared when they would hide it).
    void showEntry(qint64 seq);

protected:
    void changeEvent(QEvent *event) override;

private:
    // What this replica checked of the server's signed history.
    void showCentralHistory();
    // Rebuilds a message in the language of the moment.
    using Text = std::function<QString()>;

    void retranslate();
    void applyFilters();
    void updateCount(qint64 count);
    void updateState();
    void pageLoaded();
    void currentChanged(const QModelIndex &current);
    void chooseExportFile();
    void recordVerification(const AuditVerifyReport &report);
    void startExport(const QString &path);
    void exportFinished(qint64 written, const QString &error, const QString &path,
                        const QString &filters);
    void showMessage(const Text &text, bool isError);
    void showDetailMessage(const Text &text);
    void saveState() const;
    void restoreState();

    AppContext &m_context;
    AuditTableModel *m_model = nullptr;
    AuditFilterBar *m_filters = nullptr;
    AuditTableView *m_table = nullptr;
    AuditDetailPane *m_detail = nullptr;
    AuditVerifyPanel *m_verify = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_clearFilters = nullptr;
    QWidget *m_fromNotice = nullptr;
    QLabel *m_fromLabel = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_verifyButton = nullptr;
    QPushButton *m_showNewest = nullptr;
    AuditExportJob *m_exportJob = nullptr;
    Text m_messageText; // what m_message shows
    Text m_detailText;  // what the detail pane shows instead of an entry, when not its hint
    bool m_canVerify = false;
    bool m_canExport = false;
    qint64 m_pendingSeq = 0; // entry to select once its page arrives
};

} // namespace baton
