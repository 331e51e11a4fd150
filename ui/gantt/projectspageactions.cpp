// The Projects page's actions: each asks what it needs in a FormDialog (which
// shows a refusal and stays open), makes its change through Projects, and
// says on the chart's message line what came of it.
#include "common/appcontext.h"
#include "common/filedialogs.h"
#include "dependencydialogs.h"
#include "ganttchart.h"
#include "gantteditor.h"
#include "ganttexport.h"
#include "ganttrowmodel.h"
#include "ganttview.h"
#include "plantaskdialog.h"
#include "projectdialog.h"
#include "projectspage.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QPrintDialog>
#include <QPrinter>
#include <QRegularExpression>
#include <QStandardPaths>

namespace baton {

void ProjectsPage::newProject()
{
    if (!m_canManage)
        return;
    ProjectDialog dialog(m_context, this);
    if (dialog.exec() == QDialog::Accepted) {
        reload();
        selectProject(dialog.createdId());
    }
}

void ProjectsPage::newTask()
{
    addTask({});
}

void ProjectsPage::newSubtask()
{
    const QUuid current = m_gantt->chart()->currentTask();
    if (!current.isNull())
        addTask(current);
}

void ProjectsPage::addTask(const QUuid &summary)
{
    if (!m_canAssign || m_editor->project().isNull())
        return;
    PlanTaskDialog dialog(m_context, m_editor->plan(), summary, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_gantt->clearMessage();
    m_editor->reload();
    m_gantt->model()->reveal(dialog.createdId());
    m_gantt->chart()->setCurrentTask(dialog.createdId());
    m_gantt->chart()->ensureRowVisible(m_gantt->chart()->currentRow());
}

void ProjectsPage::addDependency()
{
    if (!m_canManage || m_editor->project().isNull())
        return;
    AddDependencyDialog dialog(m_context, m_editor->plan(), m_gantt->chart()->currentTask(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_gantt->showMessage(tr("Dependency added."), MessageLabel::Kind::Success);
}

void ProjectsPage::removeDependency()
{
    if (!m_canManage || m_editor->project().isNull())
        return;
    RemoveDependencyDialog dialog(m_context, m_editor->plan(), m_gantt->chart()->currentTask(),
                                  this);
    if (!dialog.hasChoices()) {
        m_gantt->showMessage(tr("The selected task has no dependencies to remove."),
                             MessageLabel::Kind::Hint);
        return;
    }
    if (dialog.exec() == QDialog::Accepted)
        m_gantt->showMessage(tr("Dependency removed."), MessageLabel::Kind::Success);
}

void ProjectsPage::setShiftDependents(bool on)
{
    const QUuid project = m_editor->project();
    if (!m_canManage || project.isNull() || m_editor->plan().project.shiftDependents == on)
        return;
    const Status s = Projects(m_context.store()).setShiftDependents(m_context.actor(), project, on);
    if (!s) {
        m_gantt->showMessage(s.error().message, MessageLabel::Kind::Error);
        updateActions(); // the check goes back to what the project says
        return;
    }
    m_gantt->showMessage(on ? tr("Moving a task now moves the tasks that depend on it.")
                            : tr("Moving a task now leaves the tasks after it where they are."),
                         MessageLabel::Kind::Success);
}

QString ProjectsPage::suggestedPath(const QString &suffix) const
{
    QString name = m_editor->plan().project.title.trimmed();
    name.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|]+")), QStringLiteral("-"));
    if (name.isEmpty())
        name = tr("project");
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(folder).filePath(name + QLatin1Char('.') + suffix);
}

void ProjectsPage::exportPng()
{
    if (m_editor->project().isNull())
        return;
    QString path =
        FileDialogs::saveFile(this, tr("Export Chart as PNG"), suggestedPath(QStringLiteral("png")),
                              tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".png");
    const Status s = GanttExport::savePng(*m_gantt->chart(), path);
    m_gantt->showMessage(s ? tr("Saved %1.").arg(QDir::toNativeSeparators(path))
                           : s.error().message,
                         s ? MessageLabel::Kind::Success : MessageLabel::Kind::Error);
}

void ProjectsPage::exportPdf()
{
    if (m_editor->project().isNull())
        return;
    QString path =
        FileDialogs::saveFile(this, tr("Export Chart as PDF"), suggestedPath(QStringLiteral("pdf")),
                              tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".pdf");
    const Status s = GanttExport::savePdf(*m_gantt->chart(), m_editor->plan().project.title, path);
    m_gantt->showMessage(s ? tr("Saved %1.").arg(QDir::toNativeSeparators(path))
                           : s.error().message,
                         s ? MessageLabel::Kind::Success : MessageLabel::Kind::Error);
}

void ProjectsPage::print()
{
    if (m_editor->project().isNull())
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print Chart"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Status s = GanttExport::print(*m_gantt->chart(), m_editor->plan().project.title, printer);
    if (!s)
        m_gantt->showMessage(s.error().message, MessageLabel::Kind::Error);
}

} // namespace baton
