#pragma once

#include "performance/reviews.h"
#include "shell/formdialog.h"

#include <optional>

class QLabel;
class QPlainTextEdit;
class QSpinBox;

namespace baton {

class AppContext;

// A supervisor rates a person's cycle: the rating in percent and a comment,
// with the parts of the score and the score and grade the rating makes,
// shown as it is typed. OK records it; a refusal is shown and the dialog
// stays open.
class RateDialog : public FormDialog
{
    Q_OBJECT
public:
    RateDialog(AppContext &context, const ReviewRow &row, QWidget *parent = nullptr);

    QString problem() const override;
    // The score and grade the rating gives (for tests and the caller).
    ReviewScore preview() const { return m_preview; }

protected:
    Status save() override;

private:
    void updatePreview();

    AppContext &m_context;
    ReviewRow m_row;
    std::optional<ReviewSettings> m_settings;
    ReviewScore m_parts; // indicator and feedback now
    QString m_loadProblem;
    ReviewScore m_preview;
    QSpinBox *m_rating;
    QPlainTextEdit *m_comment;
    QLabel *m_result;
};

} // namespace baton
