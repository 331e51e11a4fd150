#include "employeeform.h"

#include "workflow/approvals.h"

#include "common/appcontext.h"
#include "employeearchivefields.h"
#include "employeechanges.h"
#include "employeevalidator.h"
#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "policy/roles.h"

#include <QDate>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QVBoxLayout>

namespace baton {

EmployeeForm::EmployeeForm(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("employeeForm"));

    m_staleBanner = new QFrame(this);
    m_staleBanner->setObjectName(QStringLiteral("staleBanner"));
    m_staleBanner->setStyleSheet(QStringLiteral(
        "#staleBanner { background: #fff4e0; border: 1px solid #e0a040; border-radius: 4px; }"
        "#staleBanner QLabel { color: #5a3a00; }"));
    m_staleText = new QLabel(m_staleBanner);
    m_staleText->setWordWrap(true);
    m_reload = new QPushButton(m_staleBanner);
    m_reload->setObjectName(QStringLiteral("reloadButton"));
    auto *bannerLayout = new QHBoxLayout(m_staleBanner);
    bannerLayout->addWidget(m_staleText, 1);
    bannerLayout->addWidget(m_reload);
    m_staleBanner->hide();
    connect(m_reload, &QPushButton::clicked, this, &EmployeeForm::discardChanges);

    m_formError = new QLabel(this);
    m_formError->setObjectName(QStringLiteral("formError"));
    m_formError->setWordWrap(true);
    m_formError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_formError->setStyleSheet(QStringLiteral(
        "#formError { color: #b71c1c; background: #fdecea; border: 1px solid #e57373; "
        "border-radius: 4px; padding: 6px; }"));
    m_formError->hide();

    m_fields = new EmployeeArchiveFields(context, this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *inner = new QWidget(scroll);
    auto *innerLayout = new QVBoxLayout(inner);
    innerLayout->setContentsMargins(0, 0, 4, 0);
    innerLayout->addWidget(m_fields);
    innerLayout->addStretch(1);
    scroll->setWidget(inner);

    m_accessNote = new QLabel(this);
    m_accessNote->setObjectName(QStringLiteral("accessNote"));
    m_accessNote->setWordWrap(true);
    m_accessNote->setForegroundRole(QPalette::PlaceholderText);

    m_discard = new QPushButton(this);
    m_discard->setObjectName(QStringLiteral("discardButton"));
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_accessNote, 1);
    buttons->addWidget(m_discard);
    buttons->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_staleBanner);
    layout->addWidget(m_formError);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);

    connect(m_fields, &EmployeeArchiveFields::edited, this, &EmployeeForm::revalidate);
    connect(m_save, &QPushButton::clicked, this, &EmployeeForm::save);
    connect(m_discard, &QPushButton::clicked, this, &EmployeeForm::discardChanges);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &EmployeeForm::save);
    connect(&m_context, &AppContext::dataChanged, this, &EmployeeForm::onDataChanged);
    clear();
    retranslate();
}

void EmployeeForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EmployeeForm::retranslate()
{
    m_reload->setText(tr("Show the saved version"));
    m_discard->setText(tr("Discard changes"));
    applyAccess();
    revalidate();
    showStaleText();
}

void EmployeeForm::showEmployee(const QUuid &id)
{
    auto detail = m_context.directory().employee(
        id, m_context.readScope(QString::fromLatin1(actions::EmployeeRead)));
    if (!detail) {
        clear();
        setFormError(detail.error().message);
        return;
    }
    m_isNew = false;
    m_id = id;
    load(*detail);
}

void EmployeeForm::load(const EmployeeDetail &detail)
{
    m_detail = detail;
    m_loaded = EmployeeChanges::archiveOf(detail.record);
    m_fields->setEmployeeId(m_id);
    m_fields->setValues(m_loaded, detail.managerName);
    m_staleBanner->hide();
    setFormError({});
    applyAccess();
    revalidate();
    Q_EMIT loaded();
}

void EmployeeForm::startNew(const QUuid &departmentId)
{
    m_isNew = true;
    m_id = createUuidV7();
    m_detail = {};
    QJsonObject blank = EmployeeChanges::archiveOf({});
    blank.insert(QStringLiteral("status"), QStringLiteral("active"));
    blank.insert(QStringLiteral("hire_date"), QDate::currentDate().toString(Qt::ISODate));
    blank.insert(QStringLiteral("is_sales"), false);
    if (!departmentId.isNull())
        blank.insert(QStringLiteral("department_id"), idString(departmentId));
    m_fields->setEmployeeId(m_id);
    m_fields->setValues(blank);
    // The blank form is the base: "changed" means the user typed something.
    m_loaded = m_fields->values();
    m_staleBanner->hide();
    setFormError({});
    applyAccess();
    revalidate();
    Q_EMIT loaded();
}

void EmployeeForm::clear()
{
    m_id = {};
    m_isNew = false;
    m_detail = {};
    m_fields->setEmployeeId({});
    m_fields->setValues(EmployeeChanges::archiveOf({}));
    m_loaded = m_fields->values();
    m_staleBanner->hide();
    setFormError({});
    applyAccess();
    revalidate();
}

bool EmployeeForm::hasUnsavedChanges() const
{
    if (m_id.isNull())
        return false;
    return !EmployeeChanges::diff(m_loaded, m_fields->values()).isEmpty();
}

bool EmployeeForm::canSave() const
{
    return m_editable && m_save->isEnabled();
}

void EmployeeForm::revalidate()
{
    const QJsonObject current = m_fields->values();
    const QJsonObject changes = EmployeeChanges::diff(m_loaded, current);
    m_errors.clear();
    if (!m_id.isNull()) {
        m_errors = EmployeeValidator::check(current, m_isNew);
        // Core checks the reporting line only when it changes; so do we.
        const bool lineChanged = m_isNew || changes.contains(QStringLiteral("department_id"))
                                 || changes.contains(QStringLiteral("manager_id"));
        if (lineChanged && !m_fields->managerInLine())
            m_errors.insert(QStringLiteral("manager_id"),
                            tr("The manager must work in the employee's department or a "
                               "department above it."));
    }
    // A new archive does not complain about fields nobody has filled in yet.
    QHash<QString, QString> shown;
    for (auto it = m_errors.constBegin(); it != m_errors.constEnd(); ++it)
        if (!m_isNew || changes.contains(it.key()) || it.key() == QLatin1String("departure_date"))
            shown.insert(it.key(), it.value());
    m_fields->setErrors(shown);

    const bool dirty = !changes.isEmpty();
    m_save->setEnabled(dirty && m_errors.isEmpty());
    m_discard->setEnabled(dirty);
    if (dirty && shown.size() < m_errors.size())
        m_save->setToolTip(tr("Fill in the employee number, family name, given name and "
                              "department to save."));
    else
        m_save->setToolTip(dirty && !m_errors.isEmpty() ? tr("Correct the fields marked in red "
                                                             "to save.")
                                                        : QString());
    Q_EMIT editStateChanged();
}

bool EmployeeForm::mayDo(const char *action) const
{
    RecordScope scope;
    scope.ownerEmployee = m_id;
    scope.departmentId = parseId(m_loaded.value(QStringLiteral("department_id")).toString());
    Store &store = m_context.store();
    return store.policy()
        .check(m_context.actor(), QString::fromLatin1(action), scope, store.orgTree(),
               store.nowMs())
        .allowed;
}

void EmployeeForm::applyAccess()
{
    using Access = EmployeeArchiveFields::Access;
    Access access = Access::ReadOnly;
    if (m_isNew)
        access = m_context.can(QString::fromLatin1(actions::EmployeeCreate)) ? Access::All
                                                                             : Access::ReadOnly;
    else if (!m_id.isNull() && mayDo(actions::EmployeeUpdate))
        access = Access::All;
    else if (!m_id.isNull() && mayDo(actions::EmployeeUpdateContact))
        access = Access::ContactOnly;
    m_fields->setAccess(access, m_isNew);
    m_editable = access != Access::ReadOnly;
    m_fields->setEnabled(!m_id.isNull());

    QString note;
    if (access == Access::ContactOnly)
        note = tr("You may change only the e-mail, phone and English name in this archive.");
    else if (access == Access::ReadOnly && !m_id.isNull())
        note = tr("This archive is read-only for you.");
    m_accessNote->setText(note);
    m_accessNote->setVisible(!note.isEmpty());
    m_save->setVisible(access != Access::ReadOnly);
    m_discard->setVisible(access != Access::ReadOnly);
    m_save->setText(m_isNew ? tr("Add employee") : tr("Save"));
}

bool EmployeeForm::save()
{
    revalidate();
    if (!canSave())
        return false;
    const QJsonObject current = m_fields->values();
    QJsonObject changes = EmployeeChanges::diff(m_isNew ? QJsonObject() : m_loaded, current);
    if (!m_isNew)
        changes.remove(QStringLiteral("number")); // fixed once the archive exists
    if (!m_isNew && changes.value(QStringLiteral("status")) == QLatin1String("departed")
        && !confirmDeparture(current))
        return false;
    QList<Operation> ops{m_context.makeOp(QStringLiteral("employee"), m_id,
                                          m_isNew ? OpKind::Create : OpKind::Update, changes)};
    // Someone who leaves or goes on leave keeps no approval waiting: what
    // waits on them moves to their manager, in the same change.
    const QString status = changes.value(QStringLiteral("status")).toString();
    if (!m_isNew && (status == QLatin1String("departed") || status == QLatin1String("on_leave"))) {
        auto moves = Approvals(m_context.store()).reassignmentOps(m_context.actor(), m_id);
        if (!moves) {
            setFormError(tr("Nothing was saved. %1").arg(moves.error().message));
            return false;
        }
        ops += *moves;
    }
    m_saving = true;
    const Status submitted = m_context.submit(ops);
    m_saving = false;
    if (!submitted) {
        setFormError(tr("Nothing was saved. %1").arg(submitted.error().message));
        return false;
    }
    const QUuid id = m_id;
    showEmployee(id);
    Q_EMIT saved(id);
    return true;
}

// Marking someone departed ends their access to Baton from the departure
// day on: asked once more, as other actions that cannot simply be undone.
bool EmployeeForm::confirmDeparture(const QJsonObject &values)
{
    const QString name = org::displayName(values.value(QStringLiteral("family_name")).toString(),
                                          values.value(QStringLiteral("given_name")).toString());
    const QDate day =
        QDate::fromString(values.value(QStringLiteral("departure_date")).toString(), Qt::ISODate);
    const auto answer = QMessageBox::question(
        this, tr("Mark as departed"),
        tr("Mark %1 as departed? Their access to Baton ends on %2 (at once if that day has "
           "come). The archive and its history are kept.")
            .arg(name, QLocale().toString(day, QLocale::LongFormat)),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Yes;
}

void EmployeeForm::discardChanges()
{
    if (m_isNew)
        startNew(parseId(m_loaded.value(QStringLiteral("department_id")).toString()));
    else if (!m_id.isNull())
        showEmployee(m_id);
}

void EmployeeForm::onDataChanged(const QSet<QString> &entities)
{
    if (entities.contains(QStringLiteral("department"))
        || entities.contains(QStringLiteral("job_position"))
        || entities.contains(QStringLiteral("responsibility"))) {
        m_fields->reloadLists();
        revalidate();
    }
    if (m_saving || m_isNew || m_id.isNull())
        return;
    if (entities.contains(QStringLiteral("employee"))
        || entities.contains(QStringLiteral("app_user")))
        takeInOutsideChange();
}

void EmployeeForm::takeInOutsideChange()
{
    auto fresh = m_context.directory().employee(
        m_id, m_context.readScope(QString::fromLatin1(actions::EmployeeRead)));
    if (!fresh) {
        setFormError(fresh.error().message);
        return;
    }
    const QJsonObject theirs = EmployeeChanges::archiveOf(fresh->record);
    if (EmployeeChanges::diff(m_loaded, theirs).isEmpty()) {
        m_detail = *fresh; // the account or names around it may have changed
        return;
    }
    if (!hasUnsavedChanges()) {
        load(*fresh);
        return;
    }
    const QJsonObject mine = m_fields->values();
    const QStringList conflicts = EmployeeChanges::conflicts(m_loaded, mine, theirs);
    const QJsonObject merged = EmployeeChanges::merge(m_loaded, mine, theirs);
    m_detail = *fresh;
    m_loaded = theirs;
    m_fields->setValues(merged, fresh->managerName);
    applyAccess();
    revalidate();
    m_conflicts = conflicts;
    showStaleText();
    m_staleBanner->show();
    Q_EMIT loaded();
}

void EmployeeForm::showStaleText()
{
    if (m_conflicts.isEmpty()) {
        m_staleText->setText(tr("Someone else saved changes to this archive while you were "
                                "editing. Their changes are shown now; your unsaved edits are "
                                "kept."));
        return;
    }
    QStringList titles;
    for (const QString &f : std::as_const(m_conflicts))
        titles << EmployeeChanges::title(f);
    m_staleText->setText(tr("Someone else changed %1 while you were editing. Your values are "
                            "still in the form and will replace theirs if you save.")
                             .arg(QLocale().createSeparatedList(titles)));
}

void EmployeeForm::setFormError(const QString &message)
{
    m_formError->setText(message);
    m_formError->setVisible(!message.isEmpty());
}

} // namespace baton
