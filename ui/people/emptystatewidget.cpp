#include "emptystatewidget.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace baton {

EmptyStateWidget::EmptyStateWidget(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setWeight(QFont::DemiBold);
    m_title->setFont(big);
    m_title->setWordWrap(true);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("emptyStateMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::PlaceholderText);

    m_action = new QPushButton(this);
    m_action->setObjectName(QStringLiteral("emptyStateAction"));
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, &EmptyStateWidget::actionTriggered);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addSpacing(8);
    layout->addWidget(m_action, 0, Qt::AlignHCenter);
    layout->addStretch(2);
}

void EmptyStateWidget::setTitle(const QString &title)
{
    m_title->setText(title);
}

void EmptyStateWidget::setMessage(const QString &message)
{
    m_message->setText(message);
}

void EmptyStateWidget::setActionText(const QString &text)
{
    m_action->setText(text);
    m_action->setVisible(!text.isEmpty());
}

} // namespace baton
