#include "ratedialog.h"

#include "common/appcontext.h"
#include "reviewformat.h"
#include "shell/messagelabel.h"

#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace baton {

RateDialog::RateDialog(AppContext &context, const ReviewRow &row, QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_row(row)
    , m_rating(new QSpinBox(this))
    , m_comment(new QPlainTextEdit(this))
    , m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("rateDialog"));
    setWindowTitle(tr("Rate"));
    m_rating->setObjectName(QStringLiteral("ratingSpin"));
    m_comment->setObjectName(QStringLiteral("rateCommentEdit"));
    m_result->setObjectName(QStringLiteral("ratePreview"));
    message()->setObjectName(QStringLiteral("rateMessage"));
    m_rating->setRange(0, 100);
    m_rating->setSuffix(QStringLiteral("%"));
    m_rating->setValue(row.score.managerBp ? (*row.score.managerBp + 50) / 100 : 80);
    m_comment->setPlainText(row.comment);
    m_comment->setTabChangesFocus(true);
    m_comment->setMinimumHeight(70);
    m_result->setTextFormat(Qt::RichText);

    // The parts that are not the manager's, as they stand now.
    if (auto settings = ReviewSettings::load(context.store()))
        m_settings = *settings;
    else
        m_loadProblem = settings.error().message;
    if (auto now = Reviews(context.store()).compute(row.employee, row.cycle, 0))
        m_parts = *now;
    else if (m_loadProblem.isEmpty())
        m_loadProblem = now.error().message;

    auto *heading = new QLabel(
        tr("<b>%1</b> · %2").arg(row.name.toHtmlEscaped(), row.cycleTitle.toHtmlEscaped()), this);
    auto *parts = new QLabel(tr("Indicators %1 · 360 feedback %2")
                                 .arg(reviewformat::bpText(m_parts.indicatorBp),
                                      reviewformat::bpText(m_parts.feedbackBp)),
                             this);
    parts->setObjectName(QStringLiteral("rateParts"));
    if (m_settings) {
        const ReviewWeights &w = m_settings->weights();
        parts->setToolTip(tr("Weighted %1 indicators, %2 feedback, %3 your rating; a part "
                             "without data leaves its weight to the others.")
                              .arg(reviewformat::bpText(w.indicatorsBp),
                                   reviewformat::bpText(w.feedbackBp),
                                   reviewformat::bpText(w.managerBp)));
    }
    auto *form = new QFormLayout;
    form->addRow(tr("Parts:"), parts);
    form->addRow(tr("&Your rating:"), m_rating);
    form->addRow(tr("&Comment:"), m_comment);
    form->addRow(tr("Result:"), m_result);
    setUp(heading, form, tr("Rate"), "rateButton");
    setMinimumWidth(420);

    connect(m_rating, &QSpinBox::valueChanged, this, &RateDialog::updatePreview);
    updatePreview();
    m_rating->setFocus();
    m_rating->selectAll();
}

void RateDialog::updatePreview()
{
    if (m_settings) {
        auto s = Reviews::combine(*m_settings, m_parts.indicatorBp, m_parts.feedbackBp,
                                  m_rating->value() * 100);
        if (s)
            m_preview = *s;
    }
    const QColor color =
        m_settings ? reviewformat::gradeColor(*m_settings, m_preview.grade) : QColor();
    const QString grade = color.isValid()
                              ? QStringLiteral("<b style='color:%1'>%2</b>")
                                    .arg(color.name(), m_preview.grade.toHtmlEscaped())
                              : QStringLiteral("<b>%1</b>").arg(m_preview.grade.toHtmlEscaped());
    m_result->setText(tr("score %1, grade %2").arg(reviewformat::bpText(m_preview.scoreBp), grade));
    validate();
}

QString RateDialog::problem() const
{
    return m_loadProblem;
}

Status RateDialog::save()
{
    auto rated = Reviews(m_context.store())
                     .rate(m_context.actor(), m_row.employee, m_row.cycle, m_rating->value() * 100,
                           m_comment->toPlainText());
    if (!rated)
        return rated.error();
    return {};
}

} // namespace baton
