#pragma once

#include "shell/formdialog.h"

#include <QUuid>

class QPlainTextEdit;

namespace baton {

class AppContext;

// A supervisor's comment on a person's report or task (work_comment): kept
// as written, never changed or removed, and shown in the person's trail.
class CommentDialog : public FormDialog
{
    Q_OBJECT
public:
    // targetEntity: comment::OnReport or comment::OnTask; what: the report's
    // or task's title and whose it is, for the heading.
    CommentDialog(AppContext &context, const QString &targetEntity, const QUuid &targetId,
                  const QString &what, QWidget *parent = nullptr);

    void setText(const QString &text);
    QUuid createdId() const { return m_created; }
    QString problem() const override;

protected:
    Status save() override;

private:
    AppContext &m_context;
    QString m_entity;
    QUuid m_target;
    QUuid m_created;
    QPlainTextEdit *m_body;
};

} // namespace baton
