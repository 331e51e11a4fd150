#include "answerfeedbackdialog.h"

#include "common/appcontext.h"
#include "common/filedialogs.h"
#include "performance/reviewentities.h"
#include "shell/messagelabel.h"

#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>

namespace baton {

namespace {

// Larger files stay where they are: the message is what the answer needs.
constexpr qint64 MaxMessageFileBytes = 5 * 1024 * 1024;

} // namespace

AnswerFeedbackDialog::AnswerFeedbackDialog(AppContext &context, const FeedbackRequestView &request,
                                           QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_request(request)
    , m_comment(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("answerFeedbackDialog"));
    setWindowTitle(tr("Answer Feedback Request"));
    message()->setObjectName(QStringLiteral("answerMessage"));
    m_comment->setObjectName(QStringLiteral("answerCommentEdit"));
    m_comment->setTabChangesFocus(true);
    m_comment->setMinimumHeight(60);
    if (auto dims = Feedback(context.store()).dimensions())
        m_dimensions = *dims;
    else
        m_loadProblem = dims.error().message;

    const bool customer = request.relation == QLatin1String(feedback::Customer);
    auto *heading = new QLabel(
        customer ? tr("<b>%1</b> on %2 · %3<br>You enter the customer's answer, with their own "
                      "message.")
                       .arg(request.customerName.toHtmlEscaped(),
                            request.subjectName.toHtmlEscaped(), request.cycleTitle.toHtmlEscaped())
                 : tr("On <b>%1</b> · %2 · you answer as: %3")
                       .arg(request.subjectName.toHtmlEscaped(), request.cycleTitle.toHtmlEscaped(),
                            feedback::relationTitle(request.relation).toHtmlEscaped()),
        this);
    heading->setWordWrap(true);
    auto *form = new QFormLayout;
    for (const performance::FeedbackDimension &d : std::as_const(m_dimensions)) {
        auto *box = new QSpinBox(this);
        box->setObjectName(QStringLiteral("score_") + d.key);
        // One below the range reads "not scored": a dimension may be left out.
        box->setRange(d.minScore - 1, d.maxScore);
        box->setSpecialValueText(tr("not scored"));
        box->setValue(d.minScore - 1);
        box->setToolTip(tr("%1 (lowest) to %2 (highest)").arg(d.minScore).arg(d.maxScore));
        connect(box, &QSpinBox::valueChanged, this, &AnswerFeedbackDialog::validate);
        m_scores.insert(d.key, box);
        form->addRow(d.title + QLatin1Char(':'), box);
    }
    form->addRow(tr("&Comment:"), m_comment);
    if (!anonymousNote().isEmpty()) {
        auto *note = new QLabel(anonymousNote(), this);
        note->setWordWrap(true);
        note->setForegroundRole(QPalette::PlaceholderText);
        form->addRow(note);
    }
    if (customer) {
        m_message = new QPlainTextEdit(this);
        m_message->setObjectName(QStringLiteral("customerMessageEdit"));
        m_message->setTabChangesFocus(true);
        m_message->setMinimumHeight(80);
        m_message->setPlaceholderText(tr("Paste the customer's email or message here."));
        m_file = new QLabel(this);
        m_file->setObjectName(QStringLiteral("customerFileLabel"));
        auto *fromFile = new QPushButton(tr("From &file…"), this);
        fromFile->setObjectName(QStringLiteral("customerFileButton"));
        auto *row = new QHBoxLayout;
        row->addWidget(m_file, 1);
        row->addWidget(fromFile);
        form->addRow(tr("Customer's &message:"), m_message);
        form->addRow(QString(), row);
        connect(m_message, &QPlainTextEdit::textChanged, this, &AnswerFeedbackDialog::validate);
        connect(fromFile, &QPushButton::clicked, this, &AnswerFeedbackDialog::chooseFile);
    }
    setUp(heading, form, tr("Send answer"), "sendAnswerButton");
    setMinimumWidth(460);
}

QString AnswerFeedbackDialog::anonymousNote() const
{
    if (m_request.relation == QLatin1String(feedback::Manager))
        return tr("%1 sees your answer with your name.").arg(m_request.subjectName);
    if (m_request.relation == QLatin1String(feedback::Customer))
        return {};
    return tr("%1 sees answers like yours only as averages of at least three, without names; "
              "HR and their supervisors see who answered what.")
        .arg(m_request.subjectName);
}

QString AnswerFeedbackDialog::problem() const
{
    if (!m_loadProblem.isEmpty())
        return m_loadProblem;
    bool any = false;
    for (const performance::FeedbackDimension &d : m_dimensions)
        any = any || m_scores.value(d.key)->value() >= d.minScore;
    if (!any)
        return tr("Score at least one dimension.");
    if (m_message && m_message->toPlainText().trimmed().isEmpty())
        return tr("Attach the customer's own message: paste it or read it from a file.");
    return {};
}

bool AnswerFeedbackDialog::loadMessageFile(const QString &path)
{
    QFile f(path);
    if (!m_message || !f.open(QIODevice::ReadOnly) || f.size() > MaxMessageFileBytes) {
        message()->showMessage(tr("The file cannot be read, or is larger than 5 MB."),
                               MessageLabel::Kind::Error);
        return false;
    }
    m_fileBytes = f.readAll();
    m_fileMime = QMimeDatabase().mimeTypeForFileNameAndData(path, m_fileBytes).name();
    m_file->setText(tr("Attached: %1").arg(QFileInfo(path).fileName()));
    // Text goes into the message too, where it can be read and trimmed.
    if (m_fileMime.startsWith(QLatin1String("text/"))
        || m_fileMime == QLatin1String("message/rfc822"))
        m_message->setPlainText(QString::fromUtf8(m_fileBytes));
    validate();
    return true;
}

void AnswerFeedbackDialog::chooseFile()
{
    const QString path = FileDialogs::openFile(
        this, tr("Customer's Message"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Messages and documents (*.eml *.txt *.pdf *.msg);;All files (*)"));
    if (!path.isEmpty())
        loadMessageFile(path);
}

Status AnswerFeedbackDialog::save()
{
    FeedbackAnswerDraft d;
    for (const performance::FeedbackDimension &dim : std::as_const(m_dimensions)) {
        const int v = m_scores.value(dim.key)->value();
        if (v >= dim.minScore)
            d.scores.insert(dim.key, v);
    }
    d.comment = m_comment->toPlainText();
    if (m_message) {
        d.customerMessage = m_message->toPlainText();
        d.messageFile = m_fileBytes;
        d.messageFileMime = m_fileMime;
    }
    auto id = Feedback(m_context.store()).answer(m_context.actor(), m_request.id, d);
    if (!id)
        return id.error();
    return {};
}

} // namespace baton
