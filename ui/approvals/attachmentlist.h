#pragma once

#include "workflow/approvals.h"

#include <QWidget>

class QListWidget;
class QPushButton;

namespace baton {

// Files to attach to a request or a decision: picked with the file dialog,
// at most MaxBytes each, read when added (so what is signed is what was
// shown), listed with their sizes and removable before sending.
class AttachmentList : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 MaxBytes = 2 * 1024 * 1024;

    // databasePath: the open database, which must never be opened as a file
    // here (closing it would drop SQLite's locks).
    explicit AttachmentList(const QString &databasePath, QWidget *parent = nullptr);

    // Adds the files; returns the translated reasons for the ones refused
    // (too large, unreadable), empty when all were added.
    QStringList addFiles(const QStringList &paths);
    QList<FileToAttach> files() const { return m_files; }
    int count() const { return int(m_files.size()); }
    void retranslate();

Q_SIGNALS:
    void changed();

private:
    void choose();
    void removeCurrent();

    QString m_databasePath;
    QList<FileToAttach> m_files;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
};

} // namespace baton
