#include "filedialogs.h"

#include <QFileIconProvider>
#include <QFileInfo>
#include <QMimeDatabase>

namespace baton {

namespace {

// Type names and icons from the name alone: QFileIconProvider's defaults
// look inside files whose extension is ambiguous (".db" among them).
class NameOnlyIconProvider : public QFileIconProvider
{
public:
    QIcon icon(const QFileInfo &info) const override
    {
        return QFileIconProvider::icon(info.isDir() ? QFileIconProvider::Folder
                                                    : QFileIconProvider::File);
    }
    using QFileIconProvider::icon;

    QString type(const QFileInfo &info) const override
    {
        if (info.isDir())
            return QFileIconProvider::type(info); // "Folder", no read involved
        return m_mime.mimeTypeForFile(info, QMimeDatabase::MatchExtension).comment();
    }

private:
    QMimeDatabase m_mime;
};

NameOnlyIconProvider *provider()
{
    static NameOnlyIconProvider instance;
    return &instance;
}

} // namespace

namespace FileDialogs {

void prepare(QFileDialog &dialog)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    dialog.setOption(QFileDialog::DontUseNativeDialog);
#endif
    dialog.setIconProvider(provider());
}

QString openFile(QWidget *parent, const QString &caption, const QString &folder,
                 const QString &filter)
{
    QFileDialog dialog(parent, caption, folder, filter);
    prepare(dialog);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setFileMode(QFileDialog::ExistingFile);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    return dialog.selectedFiles().constFirst();
}

QString saveFile(QWidget *parent, const QString &caption, const QString &suggestedPath,
                 const QString &filter, QFileDialog::Options options)
{
    QFileDialog dialog(parent, caption, suggestedPath, filter);
    prepare(dialog);
    dialog.setOptions(dialog.options() | options);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    return dialog.selectedFiles().constFirst();
}

} // namespace FileDialogs
} // namespace baton
