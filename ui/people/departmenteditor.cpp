#include "departmenteditor.h"

#include "common/appcontext.h"
#include "departmentfields.h"
#include "departmenttreemodel.h"
#include "employeechanges.h"
#include "oplog/uuidv7.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace baton {

namespace {

QJsonObject diffFields(const QJsonObject &before, const QJsonObject &after, bool create)
{
    QJsonObject out;
    for (const QString &f : DepartmentFields::fieldNames()) {
        const QJsonValue v = after.value(f);
        if (create ? !(v.isNull() || v.isUndefined()) : !EmployeeChanges::same(before.value(f), v))
            out.insert(f, v);
    }
    return out;
}

QJsonObject recordOf(const DepartmentInfo &d)
{
    auto id = [](const QUuid &u) {
        return u.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(idString(u));
    };
    return {
        {QStringLiteral("kind"), d.kind},          {QStringLiteral("code"), d.code},
        {QStringLiteral("name"), d.name},          {QStringLiteral("parent_id"), id(d.parentId)},
        {QStringLiteral("time_zone"), d.timeZone}, {QStringLiteral("currency"), d.currency},
        {QStringLiteral("head_id"), id(d.headId)}};
}

} // namespace

DepartmentEditor::DepartmentEditor(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    m_model = new DepartmentTreeModel(this);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("departmentTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(DepartmentTreeModel::Name, QHeaderView::Stretch);
    for (int c : {DepartmentTreeModel::TimeZone, DepartmentTreeModel::Currency})
        m_tree->setColumnHidden(c, true);

    m_new = new QPushButton(this);
    m_new->setObjectName(QStringLiteral("newDepartmentButton"));
    m_retire = new QPushButton(this);
    m_retire->setObjectName(QStringLiteral("retireDepartmentButton"));
    auto *treeButtons = new QHBoxLayout;
    treeButtons->addWidget(m_new);
    treeButtons->addStretch(1);
    treeButtons->addWidget(m_retire);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_tree, 1);
    leftLayout->addLayout(treeButtons);

    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setWeight(QFont::DemiBold);
    m_title->setFont(bold);
    m_fields = new DepartmentFields(context, this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("departmentError"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveDepartmentButton"));
    m_save->setDefault(true);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_save);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_fields);
    rightLayout->addWidget(m_message);
    rightLayout->addStretch(1);
    rightLayout->addLayout(saveRow);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DepartmentEditor::onCurrentChanged);
    connect(m_fields, &DepartmentFields::edited, this, &DepartmentEditor::revalidate);
    connect(m_new, &QPushButton::clicked, this, &DepartmentEditor::newDepartment);
    connect(m_save, &QPushButton::clicked, this, &DepartmentEditor::save);
    connect(m_retire, &QPushButton::clicked, this, &DepartmentEditor::retire);
    connect(&m_context, &AppContext::dataChanged, this, [this](const QSet<QString> &entities) {
        if (!m_saving
            && (entities.contains(QStringLiteral("department"))
                || entities.contains(QStringLiteral("employee"))))
            reload();
    });
    retranslate();
    if (m_model->rowCount() > 0)
        m_tree->setCurrentIndex(m_model->index(0, 0));
    else
        newDepartment();
}

void DepartmentEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DepartmentEditor::retranslate()
{
    m_new->setText(tr("New department"));
    m_retire->setText(tr("Retire…"));
    m_retire->setToolTip(tr("Take the department out of use; its history is kept"));
    if (m_isNew)
        m_title->setText(tr("New department"));
    reload(); // kinds and the fields' choices are words too
}

const DepartmentInfo *DepartmentEditor::info(const QUuid &id) const
{
    for (const DepartmentInfo &d : m_departments)
        if (d.id == id)
            return &d;
    return nullptr;
}

void DepartmentEditor::reload()
{
    auto departments = m_context.directory().departments();
    if (!departments) {
        setMessage(departments.error().message, true);
        return;
    }
    m_departments = *departments;
    const QUuid keep = m_id;
    {
        const QSignalBlocker blocker(m_tree->selectionModel());
        m_model->setDepartments(m_departments);
        m_tree->expandAll();
        m_tree->setCurrentIndex(m_model->indexOf(keep));
    }
    m_fields->setDepartments(m_departments);
    if (!m_isNew && !keep.isNull() && !hasUnsavedChanges())
        load(keep);
    else
        revalidate();
}

void DepartmentEditor::onCurrentChanged()
{
    const DepartmentInfo *d = m_model->department(m_tree->currentIndex());
    if (!d || (d->id == m_id && !m_isNew))
        return;
    if (hasUnsavedChanges()
        && QMessageBox::question(this, tr("Unsaved changes"),
                                 tr("Discard the changes you made to this department?"),
                                 QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Discard) {
        const QSignalBlocker blocker(m_tree->selectionModel());
        m_tree->setCurrentIndex(m_model->indexOf(m_id));
        return;
    }
    load(d->id);
}

void DepartmentEditor::load(const QUuid &id)
{
    const DepartmentInfo *d = info(id);
    if (!d) {
        // Retired or gone: nothing to edit any more.
        m_id = {};
        m_isNew = false;
        m_loaded = {};
        m_fields->setValues({}, {});
        m_title->clear();
        revalidate();
        return;
    }
    m_id = id;
    m_isNew = false;
    m_loaded = recordOf(*d);
    m_fields->setValues(m_loaded, id);
    m_title->setText(tr("%1 (%2)").arg(d->name, d->code));
    setMessage({}, false);
    revalidate();
}

void DepartmentEditor::selectDepartment(const QUuid &id)
{
    m_tree->setCurrentIndex(m_model->indexOf(id));
}

void DepartmentEditor::newDepartment()
{
    const DepartmentInfo *parent = info(m_isNew ? QUuid() : m_id);
    m_isNew = true;
    m_id = createUuidV7();
    QJsonObject blank{{QStringLiteral("kind"), QStringLiteral("department")},
                      {QStringLiteral("time_zone"), QStringLiteral("Asia/Shanghai")},
                      {QStringLiteral("currency"), QStringLiteral("CNY")}};
    if (m_departments.isEmpty())
        blank.insert(QStringLiteral("kind"), QStringLiteral("head_office"));
    if (parent) {
        // A new department starts below the one selected, in its time zone.
        blank.insert(QStringLiteral("parent_id"), idString(parent->id));
        blank.insert(QStringLiteral("time_zone"), parent->timeZone);
        blank.insert(QStringLiteral("currency"), parent->currency);
    }
    m_fields->setValues(blank, {});
    m_loaded = m_fields->values();
    {
        const QSignalBlocker blocker(m_tree->selectionModel());
        m_tree->clearSelection();
        m_tree->setCurrentIndex({});
    }
    m_title->setText(tr("New department"));
    setMessage({}, false);
    revalidate();
}

bool DepartmentEditor::hasUnsavedChanges() const
{
    if (m_id.isNull())
        return false;
    return !diffFields(m_loaded, m_fields->values(), false).isEmpty();
}

void DepartmentEditor::revalidate()
{
    const bool editing = !m_id.isNull();
    m_fields->setEnabled(editing);
    m_retire->setEnabled(editing && !m_isNew);
    const QString problem = editing ? m_fields->problem() : QString();
    const bool changed = editing && (m_isNew || hasUnsavedChanges());
    // Only what the user is changing is judged, so a stored record that
    // breaks a newer rule does not block unrelated edits.
    if (changed && !problem.isEmpty())
        setMessage(problem, true);
    else if (m_message->property("isError").toBool())
        setMessage({}, false);
    m_save->setEnabled(changed && problem.isEmpty());
    m_save->setText(m_isNew ? tr("Add department") : tr("Save"));
}

bool DepartmentEditor::save()
{
    revalidate();
    if (!m_save->isEnabled())
        return false;
    const QJsonObject changes = diffFields(m_loaded, m_fields->values(), m_isNew);
    const Operation op = m_context.makeOp(QStringLiteral("department"), m_id,
                                          m_isNew ? OpKind::Create : OpKind::Update, changes);
    m_saving = true;
    const Status s = m_context.submit({op});
    m_saving = false;
    if (!s) {
        setMessage(tr("Not saved. %1").arg(s.error().message), true);
        return false;
    }
    // What is in the form is what is stored now.
    m_isNew = false;
    m_loaded = m_fields->values();
    reload();
    setMessage(tr("Saved."), false);
    return true;
}

bool DepartmentEditor::retire()
{
    const DepartmentInfo *d = info(m_id);
    if (!d || m_isNew)
        return false;
    const auto answer = QMessageBox::question(
        this, tr("Retire department"),
        tr("Retire %1? It will no longer be offered for new assignments; its history is kept.")
            .arg(d->name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return false;
    const QString name = d->name;
    const QUuid parent = d->parentId;
    m_saving = true;
    const Status s = m_context.submit(
        {m_context.makeOp(QStringLiteral("department"), m_id, OpKind::Retire, {})});
    m_saving = false;
    if (!s) {
        setMessage(tr("%1 was not retired. %2").arg(name, s.error().message), true);
        return false;
    }
    load({});
    reload();
    selectDepartment(parent);
    setMessage(tr("%1 was retired.").arg(name), false);
    return true;
}

void DepartmentEditor::setMessage(const QString &text, bool isError)
{
    m_message->setText(text);
    m_message->setProperty("isError", isError);
    m_message->setStyleSheet(isError ? QStringLiteral("color: #b71c1c;") : QString());
    m_message->setVisible(!text.isEmpty());
}

} // namespace baton
