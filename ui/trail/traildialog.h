#pragma once

#include "importsummarydialog.h"
#include "trail/trailimporter.h"
#include "trail/worktimeline.h"

#include <QDialog>
#include <QPointer>
#include <QUuid>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;

namespace baton {

class AppContext;
class OptionalDateEdit;
class TrailImportJob;
class TrailItemPane;
class TrailModel;

// One person's work trail (issue 5) in a window of its own: search as you
// type, by kind and period, newest first, each item in full beside the
// list, the person's approvals, progress reports and confirmations among
// the trail items; documents saved out; email, chat exports and documents imported in
// the background with progress, Cancel and a summary of what was left out.
class TrailDialog : public QDialog
{
    Q_OBJECT
public:
    TrailDialog(AppContext &context, const QUuid &employee, QWidget *parent = nullptr);
    ~TrailDialog() override;

    QUuid employee() const { return m_employee; }
    TrailModel *model() const { return m_model; }
    TrailItemPane *itemPane() const { return m_pane; }
    bool isImporting() const;
    bool selectItem(const QUuid &id);
    // The last import's summary while it is open.
    ImportSummaryDialog *summaryDialog() const { return m_summary; }

public Q_SLOTS:
    // What the import buttons do once files are chosen; tests call it with
    // their files instead of a file dialog.
    void importFiles(baton::TrailImporter::Kind kind, const QStringList &paths);
    // Searches now rather than after the typing pause.
    void search();
    // Add note: a dialog, then the note selected in the list.
    void addNote();
    void reject() override;

Q_SIGNALS:
    void searched(int count);
    void importFinished(const baton::ImportReport &report, const QString &error);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void retranslate();
    void chooseFiles(TrailImporter::Kind kind);
    void chooseFolder();
    void showCurrent();
    void importDone(const ImportReport &report, const QString &error);
    void onDataChanged(const QSet<QString> &entities);
    void updateCount();
    void updateButtons();
    void showMessage(const QString &text, bool isError);

    AppContext &m_context;
    QUuid m_employee;
    QString m_name;
    bool m_mayRead = false;
    bool m_mayImport = false;
    WorkTimeline m_timeline;
    QLabel *m_header;
    QLineEdit *m_search;
    QComboBox *m_kind;
    OptionalDateEdit *m_from;
    OptionalDateEdit *m_to;
    QPushButton *m_importMail;
    QPushButton *m_importChat;
    QPushButton *m_importDocuments;
    QPushButton *m_addNote;
    QLabel *m_count;
    QLabel *m_message;
    QSplitter *m_splitter;
    QTableView *m_view;
    TrailModel *m_model;
    TrailItemPane *m_pane;
    QTimer *m_typing;
    QAction *m_documentFiles = nullptr;
    QAction *m_documentFolder = nullptr;
    TrailImportJob *m_job = nullptr;
    QPointer<ImportSummaryDialog> m_summary;
    int m_limit = 200;
    bool m_importing = false; // from the start to the summary
};

} // namespace baton
