#include "additemdialog.h"

#include "common/appcontext.h"
#include "handover/handoverentities.h"
#include "handoverlookup.h"
#include "personfield.h"
#include "shell/messagelabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace baton {

namespace {
// What goes back to the company, or is closed, needs nobody to receive it.
bool needsReceiver(const QString &kind)
{
    return kind != QLatin1String(handover::Asset) && kind != QLatin1String(handover::Credential)
           && kind != QLatin1String(handover::Note);
}
} // namespace

AddItemDialog::AddItemDialog(AppContext &context, const HandoverCase &handover, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_case(handover)
    , m_kind(new QComboBox(this))
    , m_title(new QLineEdit(this))
    , m_detail(new QPlainTextEdit(this))
    , m_receiver(new PersonField(context, false, this))
    , m_message(new MessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("addItemDialog"));
    HandoverLookup lookup(context);
    setWindowTitle(tr("Add to the Handover of %1").arg(lookup.person(handover.leaver)));
    m_kind->setObjectName(QStringLiteral("itemKindCombo"));
    m_title->setObjectName(QStringLiteral("itemTitleEdit"));
    m_detail->setObjectName(QStringLiteral("itemDetailEdit"));
    m_receiver->setObjectName(QStringLiteral("itemReceiverField"));
    m_message->setObjectName(QStringLiteral("addItemMessage"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("addItemButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));

    // Waiting approvals come from the approvals themselves, when the
    // departure starts; everything else may be added by hand, the things
    // most often forgotten first.
    for (const char *kind :
         {handover::Asset, handover::Credential, handover::Note, handover::Document, handover::Task,
          handover::Customer, handover::Duty})
        m_kind->addItem(handover::itemKindTitle(QLatin1String(kind)), QLatin1String(kind));
    m_title->setMaxLength(300);
    m_title->setPlaceholderText(tr("e.g. Laptop ThinkPad T14, asset tag 0231"));
    m_detail->setTabChangesFocus(true);
    m_detail->setPlaceholderText(tr("Where it is, what to know, by when"));
    m_receiver->setPickerTitle(tr("Who Receives It"));
    m_receiver->setClearable(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Item:"), m_title);
    form->addRow(tr("&Detail:"), m_detail);
    form->addRow(tr("&Receiver:"), m_receiver);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(520, 340);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &AddItemDialog::kindChanged);
    connect(m_title, &QLineEdit::textChanged, this, &AddItemDialog::validate);
    connect(m_receiver, &PersonField::changed, this, &AddItemDialog::validate);
    connect(m_receiver, &PersonField::edited, this, [this] { m_receiverChosen = true; });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddItemDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    kindChanged();
}

void AddItemDialog::kindChanged()
{
    const QString kind = m_kind->currentData().toString();
    // Work goes to the first successor, unless the user chose someone.
    if (!m_receiverChosen)
        m_receiver->setPerson(needsReceiver(kind) ? m_case.successors.value(0) : QUuid());
    m_receiver->setPlaceholderText(needsReceiver(kind) ? tr("Choose who takes it over")
                                                       : tr("Nobody: it goes back to the company"));
    validate();
}

QString AddItemDialog::problem() const
{
    if (m_title->text().trimmed().isEmpty())
        return tr("Describe the item.");
    if (m_receiver->person() == m_case.leaver && !m_case.leaver.isNull())
        return tr("The leaver cannot receive their own handover.");
    return {};
}

void AddItemDialog::validate()
{
    const QString p = problem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
    if (!p.isEmpty())
        return m_message->showMessage(p, m_title->text().trimmed().isEmpty()
                                             ? MessageLabel::Kind::Hint
                                             : MessageLabel::Kind::Error);
    // Allowed, but the checklist cannot be submitted so.
    if (m_receiver->person().isNull() && needsReceiver(m_kind->currentData().toString()))
        return m_message->showMessage(tr("Nobody receives it yet: choose a receiver before the "
                                         "handover is submitted for sign-off."),
                                      MessageLabel::Kind::Hint);
    m_message->clearMessage();
}

void AddItemDialog::accept()
{
    if (!problem().isEmpty())
        return validate();
    auto id = Handovers(m_context.store())
                  .addItem(m_context.actor(), m_case.id, m_kind->currentData().toString(),
                           m_title->text(), m_detail->toPlainText(), m_receiver->person());
    if (!id)
        return m_message->showMessage(id.error().message, MessageLabel::Kind::Error);
    m_added = *id;
    QDialog::accept();
}

} // namespace baton
