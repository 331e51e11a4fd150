#include "modulepreviewpage.h"

#include "pageheader.h"
#include "svgiconengine.h"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QStyle>
#include <QVBoxLayout>

namespace baton {

ModulePreviewPage::ModulePreviewPage(Module module, QWidget *parent)
    : QWidget(parent)
    , m_module(module)
    , m_preview(ModulePreview::forModule(module))
    , m_header(new PageHeader(Modules::iconName(module), this))
    , m_columns(new QStandardItemModel(0, static_cast<int>(m_preview.columns.size()), this))
    , m_emptyTitle(new QLabel(this))
    , m_emptyText(new QLabel(this))
    , m_pointsTitle(new QLabel(this))
{
    setObjectName(Modules::key(module) + QStringLiteral("Page"));

    // The list frame: the columns the real list will have, over its empty
    // state, so the page already reads like the module it describes.
    auto *list = new QFrame(this);
    list->setObjectName(QStringLiteral("previewList"));
    list->setFrameShape(QFrame::StyledPanel);
    list->setBackgroundRole(QPalette::Base);
    list->setAutoFillBackground(true);
    auto *header = new QHeaderView(Qt::Horizontal, list);
    header->setModel(m_columns);
    header->setSectionResizeMode(QHeaderView::Stretch);
    header->setSectionsClickable(false);
    header->setHighlightSections(false);
    header->setFocusPolicy(Qt::NoFocus);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // A header without its view does not size itself; give it a row's height.
    header->setFixedHeight(header->fontMetrics().height()
                           + 4 * header->style()->pixelMetric(QStyle::PM_HeaderMargin));

    auto *icon = new QLabel(list);
    icon->setPixmap(SvgIconEngine::icon(Modules::iconName(module)).pixmap(48, 48, QIcon::Disabled));
    icon->setAlignment(Qt::AlignHCenter);
    m_emptyTitle->setObjectName(QStringLiteral("emptyTitle"));
    m_emptyTitle->setAlignment(Qt::AlignHCenter);
    QFont big = m_emptyTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_emptyTitle->setFont(big);
    m_emptyText->setObjectName(QStringLiteral("emptyText"));
    m_emptyText->setAlignment(Qt::AlignHCenter);
    m_emptyText->setWordWrap(true);
    QFont bold = m_pointsTitle->font();
    bold.setBold(true);
    m_pointsTitle->setFont(bold);

    auto *points = new QGridLayout;
    points->setHorizontalSpacing(32);
    points->setVerticalSpacing(16);
    for (int i = 0; i < m_preview.points.size(); ++i) {
        auto *label = new QLabel(list);
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        label->setTextFormat(Qt::RichText);
        points->addWidget(label, i / 2, i % 2);
        m_points.append(label);
    }
    points->setColumnStretch(0, 1);
    points->setColumnStretch(1, 1);

    // Keep the text in a readable column, centred in the list area.
    auto *body = new QWidget(list);
    body->setMaximumWidth(760);
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->setSpacing(8);
    bodyLayout->addWidget(icon);
    bodyLayout->addWidget(m_emptyTitle);
    bodyLayout->addWidget(m_emptyText);
    bodyLayout->addSpacing(24);
    bodyLayout->addWidget(m_pointsTitle);
    bodyLayout->addLayout(points);

    // Stretches, not an alignment: an aligned widget gets only its size hint,
    // and the word-wrapped texts would be cut short.
    auto *row = new QHBoxLayout;
    row->setContentsMargins(24, 0, 24, 0);
    row->addStretch(1);
    row->addWidget(body, 100);
    row->addStretch(1);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(header);
    listLayout->addStretch(1);
    listLayout->addLayout(row);
    listLayout->addStretch(2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(16);
    layout->addWidget(m_header);
    layout->addWidget(list, 1);

    retranslate();
}

void ModulePreviewPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ModulePreviewPage::retranslate()
{
    m_header->setTitle(Modules::title(m_module));
    m_header->setSubtitle(ModulePreview::translate(m_preview.summary));
    QStringList columns;
    for (const char *column : std::as_const(m_preview.columns))
        columns.append(ModulePreview::translate(column));
    m_columns->setHorizontalHeaderLabels(columns);
    m_emptyTitle->setText(ModulePreview::translate(m_preview.emptyTitle));
    m_emptyText->setText(ModulePreview::translate(m_preview.emptyText));
    m_pointsTitle->setText(tr("What you will find here"));
    for (int i = 0; i < m_points.size(); ++i) {
        const ModulePreview::Point &p = m_preview.points.at(i);
        m_points.at(i)->setText(QStringLiteral("<b>%1</b><br>%2")
                                    .arg(ModulePreview::translate(p.heading).toHtmlEscaped(),
                                         ModulePreview::translate(p.text).toHtmlEscaped()));
    }
}

} // namespace baton
