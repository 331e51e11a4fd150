#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QUuid>

class QWidget;

namespace baton {

class AppContext;

// Export dossier (issue 5, item 6): the person's responsibility dossier
// (dossier.pdf) inside its evidence bundle, written into a new folder with
// a progress dialog, and recorded in the audit trail as an export.
class DossierExport
{
    Q_DECLARE_TR_FUNCTIONS(DossierExport)
public:
    // Asks for the folder, then writes. Errors are shown to the user.
    static void run(QWidget *parent, AppContext &context, const QUuid &employee);
    // Writes into dir (new or empty) for the period (invalid dates: open).
    static Status write(QWidget *parent, AppContext &context, const QUuid &employee,
                        const QString &dir, const QDate &from = {}, const QDate &to = {});
};

} // namespace baton
