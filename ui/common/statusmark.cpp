#include "statusmark.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace baton {

QIcon statusMark(const QColor &color)
{
    static QHash<QRgb, QIcon> cache;
    if (!color.isValid())
        return {};
    if (auto it = cache.constFind(color.rgba()); it != cache.constEnd())
        return *it;
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(8, 8, 16, 16));
    p.end();
    pixmap.setDevicePixelRatio(2.0);
    QIcon icon;
    icon.addPixmap(pixmap);
    cache.insert(color.rgba(), icon);
    return icon;
}

} // namespace baton
