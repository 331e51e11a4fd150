#include "resolvealertdialog.h"

#include "common/appcontext.h"
#include "work/alerts.h"
#include "work/reportentities.h"

#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>

namespace baton {

ResolveAlertDialog::ResolveAlertDialog(AppContext &context, const Alert &alert, QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_alert(alert)
    , m_note(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("resolveAlertDialog"));
    setWindowTitle(tr("Resolve Warning"));
    m_note->setObjectName(QStringLiteral("resolveNoteEdit"));
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("What was done: a new date agreed, the report written, the "
                                  "request decided…"));
    m_note->setMinimumHeight(90);
    auto *heading = new QLabel(QStringLiteral("<b>%1</b><br>%2")
                                   .arg(alert.title.toHtmlEscaped(), alert.detail.toHtmlEscaped()),
                               this);
    heading->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&How resolved:"), m_note);
    setUp(heading, form, tr("Resolve"), "resolveButton");
    connect(m_note, &QPlainTextEdit::textChanged, this, &ResolveAlertDialog::validate);
    m_note->setFocus();
    validate();
}

void ResolveAlertDialog::setNote(const QString &note)
{
    m_note->setPlainText(note);
}

QString ResolveAlertDialog::problem() const
{
    const QString note = m_note->toPlainText().trimmed();
    if (note.isEmpty())
        return tr("Say how the warning was resolved.");
    if (note.size() > alert::MaxNoteChars)
        return tr("The note is at most %1 characters long.").arg(alert::MaxNoteChars);
    return {};
}

Status ResolveAlertDialog::save()
{
    return Alerts(m_context.store()).resolve(m_context.actor(), m_alert.key, m_note->toPlainText());
}

} // namespace baton
