#pragma once

#include <QFileDialog>
#include <QString>

class QWidget;

namespace baton {

// File dialogs that never open the files they list.
//
// SQLite's locks on Unix are POSIX advisory locks, which belong to the
// process and the file: closing *any* descriptor of the open database drops
// them all. Qt's file dialog opens listed files to sniff their type, so
// merely showing the folder of the open database released its locks, and
// another program could then check the file point and delete its write-ahead
// log under Baton. These dialogs decide types by file name only, and on
// Linux use Qt's own dialog, whose listing this controls (a native one may
// sniff contents too).
namespace FileDialogs {

// Sets the safe type and icon provider (and non-native mode where needed)
// on a dialog the caller configures further.
void prepare(QFileDialog &dialog);

QString openFile(QWidget *parent, const QString &caption, const QString &folder,
                 const QString &filter);
QString saveFile(QWidget *parent, const QString &caption, const QString &suggestedPath,
                 const QString &filter, QFileDialog::Options options = {});

} // namespace FileDialogs
} // namespace baton
