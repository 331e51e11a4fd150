#include "employeestatusstyle.h"

#include "org/orgvalues.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace baton {

QColor EmployeeStatusStyle::color(const QString &status)
{
    // Mid-tone colours stay readable on light and dark palettes.
    if (status == QLatin1String("departed"))
        return QColor(0x80, 0x80, 0x80);
    if (status == QLatin1String("departing"))
        return QColor(0xb8, 0x6e, 0x00);
    if (status == QLatin1String("on_leave"))
        return QColor(0x2f, 0x6f, 0xb5);
    return {};
}

QIcon EmployeeStatusStyle::icon(const QString &status)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.constFind(status);
    if (it != cache.constEnd())
        return *it;
    QIcon result;
    const QColor c = color(status);
    if (c.isValid()) {
        // Drawn at 2x so it stays crisp on high-density screens.
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(QRectF(8, 8, 16, 16));
        p.end();
        pixmap.setDevicePixelRatio(2.0);
        result.addPixmap(pixmap);
    }
    cache.insert(status, result);
    return result;
}

QString EmployeeStatusStyle::title(const QString &status)
{
    return org::employeeStatusTitle(status);
}

QString EmployeeStatusStyle::labelStyleSheet(const QString &status)
{
    const QColor c = color(status);
    if (!c.isValid())
        return {};
    return QStringLiteral("color: %1; font-weight: 600;").arg(c.name());
}

} // namespace baton
