#pragma once

#include "trail/trailimporter.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace baton {

// What an import did: how many items came in (how many of them files), and
// every file or message left out with the reason, so nothing is lost
// without a word.
class ImportSummaryDialog : public QDialog
{
    Q_OBJECT
public:
    // error: the import could not write at all (the report is then empty).
    ImportSummaryDialog(const ImportReport &report, const QString &error,
                        QWidget *parent = nullptr);

    QString summaryText() const;
    QTableWidget *skippedTable() const { return m_skipped; }

private:
    QLabel *m_summary;
    QTableWidget *m_skipped;
};

} // namespace baton
