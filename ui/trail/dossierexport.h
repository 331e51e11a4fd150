#pragma once

#include "dossier/evidencebundle.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QUuid>

#include <memory>

class QWidget;

namespace baton {

class AppContext;
class HttpTransport;

// Export dossier (issue 5, item 6): the person's responsibility dossier
// (dossier.pdf) inside its evidence bundle, written into a new folder with
// a progress dialog, and recorded in the audit trail as an export. On a
// desktop that syncs, the server seals the bundle and its log proves the
// records: asked while exporting, with the session of Settings; offline,
// nothing is written.
class DossierExport
{
    Q_DECLARE_TR_FUNCTIONS(DossierExport)
public:
    // Asks for the folder, then writes. Errors are shown to the user.
    static void run(QWidget *parent, AppContext &context, const QUuid &employee);
    // Writes into dir (new or empty) for the period (invalid dates: open).
    static Status write(QWidget *parent, AppContext &context, const QUuid &employee,
                        const QString &dir, const QDate &from = {}, const QDate &to = {});

private:
    // The server's sources, over a transport made here (kept in transport
    // for as long as they are used).
    static Result<EvidenceBundle::Sources> serverSources(AppContext &context,
                                                         std::unique_ptr<HttpTransport> &transport);
};

} // namespace baton
