#include "attachmentlist.h"

#include "approvalformat.h"
#include "common/filedialogs.h"

#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace baton {

AttachmentList::AttachmentList(const QString &databasePath, QWidget *parent)
    : QWidget(parent)
    , m_databasePath(databasePath)
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(this))
    , m_remove(new QPushButton(this))
{
    m_list->setObjectName(QStringLiteral("attachmentList"));
    m_add->setObjectName(QStringLiteral("addAttachmentButton"));
    m_remove->setObjectName(QStringLiteral("removeAttachmentButton"));
    m_list->setMaximumHeight(80);
    m_remove->setEnabled(false);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, &AttachmentList::choose);
    connect(m_remove, &QPushButton::clicked, this, &AttachmentList::removeCurrent);
    connect(m_list, &QListWidget::currentRowChanged, this,
            [this](int row) { m_remove->setEnabled(row >= 0); });
    retranslate();
}

QStringList AttachmentList::addFiles(const QStringList &paths)
{
    QStringList refused;
    const QString database = QFileInfo(m_databasePath).canonicalFilePath();
    for (const QString &path : paths) {
        const QFileInfo info(path);
        const QString name = info.fileName();
        const QString canonical = info.canonicalFilePath();
        if (!database.isEmpty() && canonical.startsWith(database)) {
            refused.append(tr("%1 is Baton's own database and cannot be attached.").arg(name));
            continue;
        }
        if (info.size() > MaxBytes) {
            refused.append(tr("%1 is %2; an attachment may be at most %3.")
                               .arg(name, ApprovalFormat::fileSize(info.size()),
                                    ApprovalFormat::fileSize(MaxBytes)));
            continue;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            refused.append(tr("%1 could not be read: %2").arg(name, file.errorString()));
            continue;
        }
        const QByteArray content = file.read(MaxBytes + 1);
        if (content.size() > MaxBytes) {
            refused.append(
                tr("%1 is larger than %2.").arg(name, ApprovalFormat::fileSize(MaxBytes)));
            continue;
        }
        const QString mime =
            QMimeDatabase().mimeTypeForFile(info, QMimeDatabase::MatchExtension).name();
        m_files.append({name, mime, content});
        new QListWidgetItem(tr("%1 (%2)").arg(name, ApprovalFormat::fileSize(content.size())),
                            m_list);
    }
    Q_EMIT changed();
    return refused;
}

void AttachmentList::choose()
{
    QFileDialog dialog(this, tr("Attach Files"),
                       QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    FileDialogs::prepare(dialog);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setFileMode(QFileDialog::ExistingFiles);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QStringList refused = addFiles(dialog.selectedFiles());
    if (!refused.isEmpty())
        QMessageBox::warning(this, tr("Attach Files"), refused.join(QLatin1Char('\n')));
}

void AttachmentList::removeCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_files.size())
        return;
    m_files.removeAt(row);
    delete m_list->takeItem(row);
    Q_EMIT changed();
}

void AttachmentList::retranslate()
{
    m_add->setText(tr("Attach…"));
    m_add->setToolTip(tr("Attach files of up to %1 each.").arg(ApprovalFormat::fileSize(MaxBytes)));
    m_remove->setText(tr("Remove"));
}

} // namespace baton
