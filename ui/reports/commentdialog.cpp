#include "commentdialog.h"

#include "common/appcontext.h"
#include "work/reportentities.h"
#include "work/reports.h"

#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace baton {

CommentDialog::CommentDialog(AppContext &context, const QString &targetEntity,
                             const QUuid &targetId, const QString &what, QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_entity(targetEntity)
    , m_target(targetId)
    , m_body(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("commentDialog"));
    setWindowTitle(tr("Comment"));
    m_body->setObjectName(QStringLiteral("commentEdit"));
    m_body->setTabChangesFocus(true);
    m_body->setMinimumHeight(100);
    m_body->setPlaceholderText(tr("For example: needs the customer's confirmation record"));
    auto *heading = new QWidget(this);
    auto *headingLayout = new QVBoxLayout(heading);
    headingLayout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(what.toHtmlEscaped()), heading);
    title->setWordWrap(true);
    auto *kept = new QLabel(tr("Comments are kept as written: they cannot be changed or removed "
                               "later, and they appear in the person's work trail."),
                            heading);
    kept->setWordWrap(true);
    kept->setForegroundRole(QPalette::PlaceholderText);
    headingLayout->addWidget(title);
    headingLayout->addWidget(kept);
    auto *form = new QFormLayout;
    form->addRow(tr("&Comment:"), m_body);
    setUp(heading, form, tr("Add Comment"), "addCommentButton");
    connect(m_body, &QPlainTextEdit::textChanged, this, &CommentDialog::validate);
    m_body->setFocus();
    validate();
}

void CommentDialog::setText(const QString &text)
{
    m_body->setPlainText(text);
}

QString CommentDialog::problem() const
{
    const QString text = m_body->toPlainText().trimmed();
    if (text.isEmpty())
        return tr("Write the comment.");
    if (text.size() > comment::MaxBodyChars)
        return tr("A comment is at most %1 characters long.").arg(comment::MaxBodyChars);
    return {};
}

Status CommentDialog::save()
{
    auto id = Reports(m_context.store())
                  .comment(m_context.actor(), m_entity, m_target, m_body->toPlainText());
    if (!id)
        return id.error();
    m_created = *id;
    return {};
}

} // namespace baton
