#include "importsummarydialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace baton {

ImportSummaryDialog::ImportSummaryDialog(const ImportReport &report, const QString &error,
                                         QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_skipped(new QTableWidget(int(report.skipped.size()), 2, this))
{
    setObjectName(QStringLiteral("importSummaryDialog"));
    setWindowTitle(tr("Import finished"));
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_skipped->setObjectName(QStringLiteral("importSkippedTable"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const QLocale locale;
    QStringList lines;
    if (!error.isEmpty()) {
        setWindowTitle(tr("Import failed"));
        lines.append(tr("Nothing more could be imported: %1").arg(error));
    } else {
        // No plural in the text: right in every language without a plural catalogue.
        lines.append(tr("Items imported: %1 (of which files: %2).")
                         .arg(locale.toString(report.imported), locale.toString(report.documents)));
        if (report.cancelled)
            lines.append(tr("The import was cancelled; what was imported before stays in the "
                            "work trail."));
    }
    if (!report.skipped.isEmpty())
        lines.append(tr("Left out: %1. Each is listed below with the reason.")
                         .arg(locale.toString(report.skipped.size())));
    else if (error.isEmpty())
        lines.append(tr("Nothing was left out."));
    m_summary->setText(lines.join(QLatin1Char('\n')));

    m_skipped->setHorizontalHeaderLabels({tr("File or message"), tr("Reason")});
    m_skipped->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_skipped->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_skipped->setWordWrap(true);
    m_skipped->verticalHeader()->hide();
    m_skipped->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < report.skipped.size(); ++row) {
        const ImportReport::Skip &s = report.skipped.at(row);
        auto *source = new QTableWidgetItem(s.source);
        source->setToolTip(s.source);
        auto *reason = new QTableWidgetItem(s.reason);
        reason->setToolTip(s.reason);
        m_skipped->setItem(row, 0, source);
        m_skipped->setItem(row, 1, reason);
    }
    m_skipped->resizeColumnToContents(0);
    m_skipped->setColumnWidth(0, std::min(m_skipped->columnWidth(0), 260));
    // Long reasons wrap: the rows follow the columns' widths.
    connect(m_skipped->horizontalHeader(), &QHeaderView::sectionResized, m_skipped,
            &QTableWidget::resizeRowsToContents);
    m_skipped->setVisible(!report.skipped.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_skipped, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(report.skipped.isEmpty() ? QSize(420, 160) : QSize(680, 420));
}

QString ImportSummaryDialog::summaryText() const
{
    return m_summary->text();
}

} // namespace baton
