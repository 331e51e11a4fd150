#pragma once

#include "performance/feedback.h"
#include "shell/formdialog.h"

#include <QHash>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace baton {

class AppContext;

// Answers a feedback request asked of the signed-in user: a score for each
// dimension of the company's form (each may be left unscored), a comment,
// and for a customer's request the customer's own message, pasted or read
// from a file. OK records it; a refusal is shown and the dialog stays open.
class AnswerFeedbackDialog : public FormDialog
{
    Q_OBJECT
public:
    AnswerFeedbackDialog(AppContext &context, const FeedbackRequestView &request,
                         QWidget *parent = nullptr);

    QString problem() const override;
    // The spin box of a dimension ("score_<key>"), for tests.
    QSpinBox *scoreBox(const QString &dimension) const { return m_scores.value(dimension); }
    // Reads the customer's message from a file (also what "From file…" does).
    bool loadMessageFile(const QString &path);

protected:
    Status save() override;

private:
    void chooseFile();
    // Who will see the answer, and how.
    QString anonymousNote() const;

    AppContext &m_context;
    FeedbackRequestView m_request;
    QList<performance::FeedbackDimension> m_dimensions;
    QString m_loadProblem;
    QHash<QString, QSpinBox *> m_scores;
    QPlainTextEdit *m_comment;
    QPlainTextEdit *m_message = nullptr;
    QLabel *m_file = nullptr;
    QByteArray m_fileBytes;
    QString m_fileMime;
};

} // namespace baton
