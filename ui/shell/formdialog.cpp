#include "formdialog.h"

#include "messagelabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace baton {

FormDialog::FormDialog(QWidget *parent)
    : QDialog(parent)
    , m_message(new MessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FormDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &FormDialog::reject);
}

void FormDialog::setUp(QWidget *heading, QFormLayout *form, const QString &okText,
                       const char *okName)
{
    okButton()->setText(okText);
    okButton()->setObjectName(QLatin1String(okName));
    auto *layout = new QVBoxLayout(this);
    if (heading)
        layout->addWidget(heading);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    validate();
}

QPushButton *FormDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void FormDialog::validate()
{
    const QString p = problem();
    okButton()->setEnabled(p.isEmpty());
    m_message->showMessage(p, MessageLabel::Kind::Hint);
}

void FormDialog::accept()
{
    if (!problem().isEmpty())
        return validate();
    if (Status s = save(); !s) {
        m_message->showMessage(s.error().message, MessageLabel::Kind::Error);
        return;
    }
    QDialog::accept();
}

} // namespace baton
