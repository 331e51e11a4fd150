#include "reportprogressdialog.h"

#include "common/appcontext.h"
#include "work/tasks.h"
#include "work/workentities.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

namespace baton {

ReportProgressDialog::ReportProgressDialog(AppContext &context, const TaskSummary &task,
                                           QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_task(task)
    , m_progress(new QSpinBox(this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_status(new QComboBox(this))
    , m_note(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("reportProgressDialog"));
    setWindowTitle(tr("Report Progress"));
    m_progress->setObjectName(QStringLiteral("progressSpin"));
    m_status->setObjectName(QStringLiteral("statusCombo"));
    m_note->setObjectName(QStringLiteral("noteEdit"));

    m_progress->setRange(0, 100);
    m_progress->setSuffix(QStringLiteral("%"));
    m_slider->setRange(0, 100);
    m_slider->setPageStep(10);
    for (const char *s : {task::Open, task::InProgress, task::Done})
        m_status->addItem(task::statusTitle(QLatin1String(s)), QLatin1String(s));
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("What was done, what is next, what is in the way"));
    m_note->setMinimumHeight(80);

    auto *title = new QLabel(tr("<b>%1</b><br>now %2%, %3")
                                 .arg(task.title.toHtmlEscaped())
                                 .arg(task.progress)
                                 .arg(task::statusTitle(task.status).toHtmlEscaped()),
                             this);
    title->setWordWrap(true);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_slider, 1);
    progressRow->addWidget(m_progress);
    auto *form = new QFormLayout;
    form->addRow(tr("&Progress:"), progressRow);
    form->addRow(tr("&Status:"), m_status);
    form->addRow(tr("&Note:"), m_note);
    qobject_cast<QLabel *>(form->labelForField(progressRow))->setBuddy(m_progress);
    setUp(title, form, tr("Report"), "reportButton");

    connect(m_slider, &QSlider::valueChanged, m_progress, &QSpinBox::setValue);
    connect(m_progress, &QSpinBox::valueChanged, this, [this](int v) {
        m_slider->setValue(v);
        // Reaching 100% suggests done, leaving it suggests in progress; the
        // reporter can still choose otherwise.
        const QString s = m_status->currentData().toString();
        if (v == 100 && s != QLatin1String(task::Done))
            setStatus(QLatin1String(task::Done));
        else if (v < 100 && v > 0 && s != QLatin1String(task::InProgress))
            setStatus(QLatin1String(task::InProgress));
        validate();
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, &ReportProgressDialog::validate);
    connect(m_note, &QPlainTextEdit::textChanged, this, &ReportProgressDialog::validate);

    setStatus(task.status);
    setProgress(int(task.progress));
    m_progress->setFocus();
    validate();
}

void ReportProgressDialog::setProgress(int percent)
{
    m_progress->setValue(percent);
}

void ReportProgressDialog::setStatus(const QString &status)
{
    const int i = m_status->findData(status);
    if (i >= 0)
        m_status->setCurrentIndex(i);
}

void ReportProgressDialog::setNote(const QString &note)
{
    m_note->setPlainText(note);
}

QString ReportProgressDialog::problem() const
{
    if (m_status->currentData().toString() == QLatin1String(task::Done)
        && m_progress->value() != 100)
        return tr("A task marked done is 100% complete.");
    if (m_progress->value() == m_task.progress
        && m_status->currentData().toString() == m_task.status
        && m_note->toPlainText().trimmed().isEmpty())
        return tr("Change the progress or say what was done.");
    return {};
}

Status ReportProgressDialog::save()
{
    ProgressDraft d;
    d.progress = m_progress->value();
    d.status = m_status->currentData().toString();
    d.note = m_note->toPlainText();
    auto reported = Tasks(m_context.store()).report(m_context.actor(), m_task.id, d);
    if (!reported)
        return reported.error();
    return {};
}

} // namespace baton
