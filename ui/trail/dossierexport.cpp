#include "dossierexport.h"

#include "common/appcontext.h"
#include "common/filedialogs.h"
#include "dossier/dossierdata.h"
#include "dossier/evidencebundle.h"
#include "dossierpdf.h"
#include "sync/httptransport.h"
#include "sync/synccontroller.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>

namespace baton {

void DossierExport::run(QWidget *parent, AppContext &context, const QUuid &employee)
{
    auto e = context.store().readRecord(QStringLiteral("employee"), employee);
    const QString number = e ? e->text(u"number") : QString();
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(QStringLiteral("dossier-") + number);
    const QString dir = FileDialogs::saveFile(parent, tr("Export dossier into a new folder"),
                                              suggested, QString(), QFileDialog::ShowDirsOnly);
    if (dir.isEmpty())
        return;
    if (Status s = write(parent, context, employee, dir); !s)
        QMessageBox::warning(parent, tr("Export dossier"), s.error().message);
    else
        QMessageBox::information(parent, tr("Export dossier"),
                                 tr("The dossier and its evidence are in %1. Send the whole "
                                    "folder; HOW-TO-VERIFY.txt in it says how anyone can check "
                                    "it.")
                                     .arg(QDir::toNativeSeparators(dir)));
}

Result<EvidenceBundle::Sources>
DossierExport::serverSources(AppContext &context, std::unique_ptr<HttpTransport> &transport)
{
    SyncController &sync = context.sync();
    if (!sync.isRegistered())
        return Error(QStringLiteral("bundle.offline"),
                     tr("This database syncs with a server, which seals its evidence: connect to "
                        "the server to seal the bundle (sign in to it under Settings), then "
                        "export again."));
    // The session the sync controller keeps, read where it keeps it.
    QString token;
    QEventLoop loop;
    bool loaded = false;
    sync.vault().load([&](const QString &t) {
        token = t;
        loaded = true;
        loop.quit();
    });
    if (!loaded)
        loop.exec();
    if (token.isEmpty())
        return Error(QStringLiteral("auth.required"),
                     tr("The session with the server has ended: sign in to the server again, "
                        "then export."));
    transport = std::make_unique<HttpTransport>(sync.serverUrl());
    transport->setTimeoutMs(30000);
    // The certificate the controller trusts; a different one is refused.
    auto pinned = context.store().meta(SyncController::CertificateKey);
    transport->setPinnedCertificate(pinned ? pinned->toLatin1() : QByteArray());
    return EvidenceBundle::serverSources(context.store(), *transport, token.toLatin1());
}

Status DossierExport::write(QWidget *parent, AppContext &context, const QUuid &employee,
                            const QString &dir, const QDate &from, const QDate &to)
{
    Store &store = context.store();
    QProgressDialog progress(tr("Reading the records…"), QString(), 0, 3, parent);
    progress.setWindowTitle(tr("Export dossier"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    QApplication::processEvents();
    // A desktop that syncs is sealed and proved by its server, asked now.
    auto synced = EvidenceBundle::syncsWithServer(store);
    if (!synced)
        return synced.error();
    std::unique_ptr<HttpTransport> transport;
    std::optional<EvidenceBundle::Sources> sources;
    if (*synced) {
        progress.setLabelText(tr("Asking the server for its proofs…"));
        QApplication::processEvents();
        auto fromServer = serverSources(context, transport);
        if (!fromServer)
            return fromServer.error();
        sources = *fromServer;
    } else {
        auto local = EvidenceBundle::localSources(store);
        if (!local)
            return local.error();
        sources = *local;
    }
    // Right after the checkpoint was read, before any event lets a sync
    // round move the records on.
    auto data = DossierCollector(store).collect(employee, from, to);
    if (!data)
        return data.error();
    progress.setLabelText(tr("Printing the dossier (%n item(s))…", nullptr, data->itemCount()));
    progress.setValue(1);
    QApplication::processEvents();
    const QByteArray pdf = DossierPdf::render(*data);
    if (pdf.isEmpty())
        return Error(QStringLiteral("dossier.pdf"), tr("The PDF could not be made."));
    progress.setLabelText(tr("Writing the evidence…"));
    progress.setValue(2);
    QApplication::processEvents();
    if (Status s = EvidenceBundle::write(
            store, *data, pdf, dir, *sources,
            [&](int done, int total) {
                progress.setLabelText(
                    tr("Writing the evidence: %1 of %2 files…").arg(done).arg(total));
                QApplication::processEvents();
            });
        !s)
        return s;
    progress.setValue(3);
    return store.recordEvent(QStringLiteral("export"), QStringLiteral("ok"), context.userId(),
                             context.session().login,
                             QStringLiteral("responsibility dossier of %1 to %2")
                                 .arg(data->nameOf(employee), QDir::toNativeSeparators(dir)),
                             QStringLiteral("employee"), employee);
}

} // namespace baton
