#pragma once

#include <QByteArray>
#include <QIcon>
#include <QIconEngine>
#include <QString>

namespace baton {

// Draws one of Baton's line icons (resources/icons, drawn in currentColor)
// at any size, tinted from the application palette at paint time: text
// colour normally, highlighted-text colour when selected, the disabled text
// colour when disabled. Rendering at the requested pixel size keeps the
// icons crisp at 200% and follows a palette change without reloading.
class SvgIconEngine : public QIconEngine
{
public:
    explicit SvgIconEngine(const QString &name);

    // QIcon for ":/icons/<name>.svg".
    static QIcon icon(const QString &name);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override { return QStringLiteral("baton-svg"); }
    QString iconName() override { return m_name; }
    bool isNull() override { return m_svg.isEmpty(); }

private:
    QByteArray tinted(QIcon::Mode mode) const;

    QString m_name;
    QByteArray m_svg;
};

} // namespace baton
