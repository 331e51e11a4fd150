#include "svgiconengine.h"

#include <QApplication>
#include <QFile>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

namespace baton {

SvgIconEngine::SvgIconEngine(const QString &name)
    : m_name(name)
{
    QFile file(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
    if (file.open(QIODevice::ReadOnly))
        m_svg = file.readAll();
}

QIcon SvgIconEngine::icon(const QString &name)
{
    return QIcon(new SvgIconEngine(name));
}

QByteArray SvgIconEngine::tinted(QIcon::Mode mode) const
{
    const QPalette palette = QApplication::palette();
    QColor color;
    switch (mode) {
    case QIcon::Disabled:
        color = palette.color(QPalette::Disabled, QPalette::WindowText);
        break;
    case QIcon::Selected:
        color = palette.color(QPalette::Active, QPalette::HighlightedText);
        break;
    case QIcon::Normal:
    case QIcon::Active:
        color = palette.color(QPalette::Active, QPalette::WindowText);
        break;
    }
    QByteArray svg = m_svg;
    svg.replace("currentColor", color.name().toLatin1());
    return svg;
}

void SvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
                          QIcon::State state)
{
    Q_UNUSED(state)
    QSvgRenderer renderer(tinted(mode));
    renderer.render(painter, QRectF(rect));
}

QPixmap SvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    if (size.isEmpty())
        return pixmap;
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    paint(&painter, QRect(QPoint(0, 0), size), mode, state);
    return pixmap;
}

QIconEngine *SvgIconEngine::clone() const
{
    return new SvgIconEngine(*this);
}

} // namespace baton
