#include "newcycledialog.h"

#include "common/appcontext.h"
#include "performance/performanceentities.h"
#include "performance/reviewcycles.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QLineEdit>

namespace baton {

NewCycleDialog::NewCycleDialog(AppContext &context, QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_kind(new QComboBox(this))
    , m_starts(new QDateEdit(this))
    , m_ends(new QDateEdit(this))
    , m_title(new QLineEdit(this))
{
    setObjectName(QStringLiteral("newCycleDialog"));
    setWindowTitle(tr("New Review Cycle"));
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_title->setObjectName(QStringLiteral("titleEdit"));
    for (const QString &k : cycle::kinds())
        m_kind->addItem(cycle::kindTitle(k), k);
    for (QDateEdit *e : {m_starts, m_ends}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    }
    auto *form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&From:"), m_starts);
    form->addRow(tr("&To:"), m_ends);
    form->addRow(tr("&Title:"), m_title);
    setUp(nullptr, form, tr("Open Cycle"), "openCycleButton");
    connect(m_kind, &QComboBox::currentIndexChanged, this, &NewCycleDialog::periodChanged);
    connect(m_starts, &QDateEdit::dateChanged, this, &NewCycleDialog::validate);
    connect(m_ends, &QDateEdit::dateChanged, this, &NewCycleDialog::validate);
    connect(m_title, &QLineEdit::textChanged, this, &NewCycleDialog::validate);
    periodChanged();
}

void NewCycleDialog::setKind(const QString &kind)
{
    m_kind->setCurrentIndex(m_kind->findData(kind));
}

// The period of today for the kind chosen, titled after it.
void NewCycleDialog::periodChanged()
{
    const QString kind = m_kind->currentData().toString();
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_context.store().nowMs()).date();
    const auto [starts, ends] = ReviewCycles::periodOf(kind, today);
    m_starts->setDate(starts);
    m_ends->setDate(ends);
    m_title->setText(ReviewCycles::defaultTitle(kind, starts));
    validate();
}

QString NewCycleDialog::problem() const
{
    if (m_title->text().trimmed().isEmpty())
        return tr("Give the review cycle a title.");
    if (m_ends->date() < m_starts->date())
        return tr("A review cycle cannot end before it begins.");
    return {};
}

Status NewCycleDialog::save()
{
    auto id = ReviewCycles(m_context.store())
                  .create(m_context.actor(), m_kind->currentData().toString(), m_title->text(),
                          m_starts->date(), m_ends->date());
    if (!id)
        return id.error();
    m_created = *id;
    return {};
}

} // namespace baton
