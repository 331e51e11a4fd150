#include "conflictdetailpane.h"

#include "conflictsmodel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace baton {

ConflictDetailPane::ConflictDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_when(new QLabel(this))
    , m_reason(new QLabel(this))
    , m_note(new QLabel(this))
    , m_fields(new QTableWidget(0, 3, this))
{
    setObjectName(QStringLiteral("conflictDetail"));
    m_title->setObjectName(QStringLiteral("conflictRecord"));
    m_reason->setObjectName(QStringLiteral("conflictReason"));
    m_fields->setObjectName(QStringLiteral("conflictFields"));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    for (QLabel *l : {m_title, m_when, m_reason, m_note}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::PlainText);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_fields->verticalHeader()->hide();
    m_fields->horizontalHeader()->setStretchLastSection(true);
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->setSelectionMode(QAbstractItemView::NoSelection);
    m_fields->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_when);
    layout->addWidget(m_reason);
    layout->addWidget(m_fields, 1);
    layout->addWidget(m_note);
    retranslate();
    clear();
}

void ConflictDetailPane::retranslate()
{
    m_fields->setHorizontalHeaderLabels(
        {tr("Field"), tr("You tried"), tr("What won (on this device now)")});
    m_note->setText(tr("A refused change was taken back on this device; the record holds what "
                       "the server holds. To make the change anyway, make it again if you still "
                       "may."));
}

void ConflictDetailPane::clear()
{
    m_title->setText(tr("Select a refused change to see it in full."));
    m_when->clear();
    m_reason->clear();
    m_fields->setRowCount(0);
    m_fields->setVisible(false);
}

void ConflictDetailPane::showConflict(const Conflict &c)
{
    m_title->setText(c.record);
    m_when->setText(tr("Refused %1")
                        .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.rejectedMs),
                                                QLocale::LongFormat)));
    m_reason->setText(tr("The server's reason: %1 (%2)").arg(c.reason, c.code));
    m_fields->setVisible(true);
    if (c.kind != QLatin1String("update")) {
        m_fields->setRowCount(1);
        m_fields->setItem(0, 0, new QTableWidgetItem(tr("Change")));
        m_fields->setItem(0, 1, new QTableWidgetItem(ConflictsModel::changeText(c)));
        m_fields->setItem(0, 2, new QTableWidgetItem(ConflictsModel::nowText(c)));
    } else {
        m_fields->setRowCount(int(c.fields.size()));
        for (int i = 0; i < c.fields.size(); ++i) {
            const Conflict::Field &f = c.fields.at(i);
            m_fields->setItem(i, 0, new QTableWidgetItem(f.label));
            m_fields->setItem(i, 1, new QTableWidgetItem(f.tried));
            m_fields->setItem(
                i, 2, new QTableWidgetItem(c.recordOnDevice ? f.now : ConflictsModel::nowText(c)));
        }
    }
    m_fields->resizeColumnsToContents();
    m_fields->resizeRowsToContents();
}

} // namespace baton
