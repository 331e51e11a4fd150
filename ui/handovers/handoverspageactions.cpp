// The Handovers page's actions: each asks what it needs, makes its change
// through Handovers and shows a refusal with core's message.
#include "additemdialog.h"
#include "approvals/employeepicker.h"
#include "common/appcontext.h"
#include "handoverdetailpane.h"
#include "handoverspage.h"
#include "startdeparturedialog.h"

#include <QMessageBox>

namespace baton {

void HandoversPage::showError(const QString &title, const Status &status)
{
    if (!status)
        QMessageBox::warning(this, title, status.error().message);
}

void HandoversPage::startDeparture()
{
    if (!m_canManage)
        return;
    StartDepartureDialog dialog(m_context, this);
    dialog.exec();
    // Some may have started even when the dialog was closed afterwards.
    if (const QList<QUuid> started = dialog.startedIds(); !started.isEmpty())
        selectCase(started.constFirst());
}

void HandoversPage::addItem()
{
    const HandoverCase c = m_detail->handoverCase();
    if (!m_lookup.mayEditChecklist(c))
        return;
    AddItemDialog dialog(m_context, c, this);
    if (dialog.exec() == QDialog::Accepted)
        m_detail->selectItem(dialog.addedId());
}

void HandoversPage::changeReceiver()
{
    const QUuid item = m_detail->currentItem();
    if (item.isNull() || !m_lookup.mayEditChecklist(m_detail->handoverCase()))
        return;
    EmployeePicker picker(m_context, tr("Who Receives It"), false, this);
    if (picker.exec() != QDialog::Accepted || picker.selectedIds().isEmpty())
        return;
    showError(tr("Change Receiver"),
              Handovers(m_context.store())
                  .setReceiver(m_context.actor(), item, picker.selectedIds().constFirst()));
    m_detail->selectItem(item);
}

void HandoversPage::removeItem()
{
    const QUuid item = m_detail->currentItem();
    if (item.isNull() || !m_lookup.mayEditChecklist(m_detail->handoverCase()))
        return;
    showError(tr("Remove Item"), Handovers(m_context.store()).removeItem(m_context.actor(), item));
}

void HandoversPage::submit()
{
    const QUuid id = m_detail->handoverCase().id;
    if (id.isNull())
        return;
    const Status s = Handovers(m_context.store()).submit(m_context.actor(), id);
    showError(tr("Submit for Sign-off"), s);
    selectCase(id);
}

void HandoversPage::complete()
{
    const QUuid id = m_detail->handoverCase().id;
    if (id.isNull())
        return;
    showError(tr("Complete Handover"),
              Handovers(m_context.store()).complete(m_context.actor(), id));
    selectCase(id);
}

void HandoversPage::cancelDeparture()
{
    const HandoverCase c = m_detail->handoverCase();
    if (c.id.isNull())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Cancel Departure"),
        tr("Cancel the departure of %1? They stay employed and their access no longer ends; the "
           "case is kept, marked cancelled. A sign-off nobody has decided yet is withdrawn.")
            .arg(m_lookup.person(c.leaver)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    showError(tr("Cancel Departure"), Handovers(m_context.store()).cancel(m_context.actor(), c.id));
    selectCase(c.id);
}

void HandoversPage::openSignOff()
{
    const QUuid request = m_detail->handoverCase().requestId;
    if (!request.isNull())
        Q_EMIT openRequest(request);
}

} // namespace baton
