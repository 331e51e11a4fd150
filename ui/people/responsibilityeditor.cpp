#include "responsibilityeditor.h"

#include "common/appcontext.h"
#include "oplog/uuidv7.h"
#include "responsibilitylistmodel.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace baton {

ResponsibilityEditor::ResponsibilityEditor(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    m_model = new ResponsibilityListModel(this);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("responsibilityView"));
    m_list->setModel(m_model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);

    m_up = new QPushButton(this);
    m_up->setObjectName(QStringLiteral("moveResponsibilityUp"));
    m_down = new QPushButton(this);
    m_down->setObjectName(QStringLiteral("moveResponsibilityDown"));
    m_retire = new QPushButton(this);
    m_retire->setObjectName(QStringLiteral("retireResponsibilityButton"));
    auto *order = new QVBoxLayout;
    order->addWidget(m_up);
    order->addWidget(m_down);
    order->addStretch(1);
    order->addWidget(m_retire);

    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("responsibilityTitle"));
    m_detail = new QPlainTextEdit(this);
    m_detail->setObjectName(QStringLiteral("responsibilityDetail"));
    m_detail->setTabChangesFocus(true);
    m_detail->setFixedHeight(m_detail->fontMetrics().lineSpacing() * 4 + 12);
    m_new = new QPushButton(this);
    m_new->setObjectName(QStringLiteral("newResponsibilityButton"));
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveResponsibilityButton"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("responsibilityError"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *form = new QFormLayout;
    m_titleLabel = new QLabel(this);
    m_detailLabel = new QLabel(this);
    form->addRow(m_titleLabel, m_title);
    form->addRow(m_detailLabel, m_detail);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addStretch(0);
    buttons->addWidget(m_new, 0, Qt::AlignRight);
    buttons->addWidget(m_save, 0, Qt::AlignRight);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_list, 0, 0);
    grid->addLayout(order, 0, 1);
    grid->addLayout(form, 1, 0, 1, 2);
    grid->addLayout(buttons, 2, 0, 1, 2);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ResponsibilityEditor::onCurrentChanged);
    connect(m_title, &QLineEdit::textChanged, this, &ResponsibilityEditor::updateButtons);
    connect(m_detail, &QPlainTextEdit::textChanged, this, &ResponsibilityEditor::updateButtons);
    connect(m_new, &QPushButton::clicked, this, &ResponsibilityEditor::startNew);
    connect(m_save, &QPushButton::clicked, this, &ResponsibilityEditor::save);
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(1); });
    connect(m_retire, &QPushButton::clicked, this, &ResponsibilityEditor::retireCurrent);
    setPosition({}, {});
    retranslate();
}

void ResponsibilityEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ResponsibilityEditor::retranslate()
{
    m_up->setText(tr("Move up"));
    m_down->setText(tr("Move down"));
    m_retire->setText(tr("Retire…"));
    m_new->setText(tr("New"));
    m_titleLabel->setText(tr("Title"));
    m_detailLabel->setText(tr("Details"));
    m_title->setPlaceholderText(tr("For example: requirements and delivery of project A"));
    m_detail->setPlaceholderText(tr("What it covers: customers, systems, documents, deadlines"));
    updateButtons();
}

void ResponsibilityEditor::setPosition(const QUuid &positionId,
                                       const QList<ResponsibilityInfo> &responsibilities)
{
    const bool samePosition = positionId == m_position;
    const ResponsibilityInfo *current = m_model->at(m_list->currentIndex().row());
    const QUuid keep = !m_select.isNull()        ? m_select
                       : samePosition && current ? current->id
                                                 : QUuid();
    m_select = {};
    m_position = positionId;
    {
        const QSignalBlocker blocker(m_list->selectionModel());
        m_model->setResponsibilities(responsibilities);
        const int row = m_model->rowOf(keep);
        if (row >= 0)
            m_list->setCurrentIndex(m_model->index(row));
    }
    if (!samePosition)
        setMessage({}, false);
    setEnabled(!positionId.isNull());
    onCurrentChanged();
}

void ResponsibilityEditor::onCurrentChanged()
{
    const ResponsibilityInfo *r = m_model->at(m_list->currentIndex().row());
    m_filling = true;
    m_title->setText(r ? r->title : QString());
    m_detail->setPlainText(r ? r->detail : QString());
    m_filling = false;
    updateButtons();
}

void ResponsibilityEditor::startNew()
{
    {
        const QSignalBlocker blocker(m_list->selectionModel());
        m_list->selectionModel()->clear();
    }
    onCurrentChanged();
    m_title->setFocus();
}

QString ResponsibilityEditor::problem() const
{
    const QString title = m_title->text().trimmed();
    if (title.isEmpty())
        return tr("Name the business area, for example \"requirements and delivery of project "
                  "A\".");
    if (title.size() > 200)
        return tr("The title may be at most 200 characters long.");
    if (m_detail->toPlainText().size() > 4000)
        return tr("The details may be at most 4000 characters long.");
    return {};
}

void ResponsibilityEditor::updateButtons()
{
    const int row = m_list->currentIndex().row();
    const ResponsibilityInfo *r = m_model->at(row);
    const bool changed =
        !r || r->title != m_title->text().trimmed() || r->detail != m_detail->toPlainText();
    const QString wrong = problem();
    m_save->setText(r ? tr("Save") : tr("Add"));
    m_save->setEnabled(changed && wrong.isEmpty() && !m_position.isNull());
    m_save->setToolTip(changed ? wrong : QString());
    m_up->setEnabled(r && row > 0);
    m_down->setEnabled(r && row + 1 < m_model->rowCount());
    m_retire->setEnabled(r != nullptr);
    if (!m_filling && changed && !m_title->text().isEmpty() && !wrong.isEmpty())
        setMessage(wrong, true);
    else if (!m_filling && m_message->property("isError").toBool())
        setMessage({}, false);
}

bool ResponsibilityEditor::submit(const QList<Operation> &ops, const QUuid &select)
{
    m_select = select;
    const Status s = m_context.submit(ops);
    if (!s) {
        m_select = {};
        setMessage(tr("Not saved. %1").arg(s.error().message), true);
        return false;
    }
    setMessage({}, false);
    return true;
}

bool ResponsibilityEditor::save()
{
    updateButtons();
    if (!m_save->isEnabled())
        return false;
    const ResponsibilityInfo *r = m_model->at(m_list->currentIndex().row());
    const QString title = m_title->text().trimmed();
    const QString detail = m_detail->toPlainText().trimmed();
    const QJsonValue detailValue = detail.isEmpty() ? QJsonValue(QJsonValue::Null) : detail;
    if (r) {
        QJsonObject changes;
        if (r->title != title)
            changes.insert(QStringLiteral("title"), title);
        if (r->detail != detail)
            changes.insert(QStringLiteral("detail"), detailValue);
        return submit(
            {m_context.makeOp(QStringLiteral("responsibility"), r->id, OpKind::Update, changes)},
            r->id);
    }
    int last = 0;
    for (const ResponsibilityInfo &i : m_model->responsibilities())
        last = std::max(last, i.sortOrder);
    const QUuid id = createUuidV7();
    QJsonObject fields{{QStringLiteral("position_id"), idString(m_position)},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("sort_order"), last + 10}};
    if (!detail.isEmpty())
        fields.insert(QStringLiteral("detail"), detail);
    return submit({m_context.makeOp(QStringLiteral("responsibility"), id, OpKind::Create, fields)},
                  id);
}

bool ResponsibilityEditor::move(int delta)
{
    const int row = m_list->currentIndex().row();
    const int target = row + delta;
    if (!m_model->at(row) || !m_model->at(target))
        return false;
    // Renumber in steps of ten with the two swapped; only the responsibilities
    // whose number changes get an op.
    QList<ResponsibilityInfo> items = m_model->responsibilities();
    items.swapItemsAt(row, target);
    QList<Operation> ops;
    for (int i = 0; i < items.size(); ++i) {
        const int order = (i + 1) * 10;
        if (items.at(i).sortOrder != order)
            ops.append(m_context.makeOp(QStringLiteral("responsibility"), items.at(i).id,
                                        OpKind::Update, {{QStringLiteral("sort_order"), order}}));
    }
    return submit(ops, items.at(target).id);
}

bool ResponsibilityEditor::retireCurrent()
{
    const ResponsibilityInfo *r = m_model->at(m_list->currentIndex().row());
    if (!r)
        return false;
    if (QMessageBox::question(this, tr("Retire responsibility"),
                              tr("Retire \"%1\"? It will no longer be listed for this position; "
                                 "its history is kept.")
                                  .arg(r->title),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return false;
    return submit({m_context.makeOp(QStringLiteral("responsibility"), r->id, OpKind::Retire, {})},
                  {});
}

void ResponsibilityEditor::setMessage(const QString &text, bool isError)
{
    m_message->setText(text);
    m_message->setProperty("isError", isError);
    m_message->setStyleSheet(isError ? QStringLiteral("color: #b71c1c;") : QString());
    m_message->setVisible(!text.isEmpty());
}

} // namespace baton
