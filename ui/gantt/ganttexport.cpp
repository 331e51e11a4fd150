#include "ganttexport.h"

#include "ganttchart.h"
#include "ganttrowmodel.h"

#include <QFontInfo>
#include <QFontMetricsF>
#include <QImageWriter>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>

#include <algorithm>
#include <cmath>

namespace baton {

namespace {
// Beyond this an image no longer fits in memory comfortably (4 bytes a
// pixel); the raster engine also draws no further than 32767 pixels.
constexpr qint64 maxImagePixels = qint64(128) * 1024 * 1024;
constexpr int maxImageSide = 32767;
// Rows painted per strip of a tall image, to stay inside the raster
// engine's coordinate range.
constexpr int stripRows = 512;

// The chart's font in pixels, so that it keeps its size on a device of any
// resolution (the painter is scaled instead).
QFont pixelFont(const GanttChart &chart)
{
    QFont font = chart.font();
    font.setPixelSize(std::max(8, QFontInfo(chart.font()).pixelSize()));
    return font;
}

struct PageLayout
{
    double scale = 1;       // device pixels per chart pixel
    double titleHeight = 0; // chart pixels
    int rowsPerPage = 1;
    int pages = 1;
};

PageLayout layoutPages(const GanttChart &chart, const QPagedPaintDevice &device, double tableWidth,
                       const QFont &font)
{
    PageLayout p;
    const double base = device.logicalDpiX() / 96.0; // a chart pixel is 1/96 inch
    const double width = tableWidth + chart.geometry().contentSize().width();
    p.scale = base * std::min(1.0, device.width() / (width * base));
    const double pageHeight = device.height() / p.scale;
    p.titleHeight = std::ceil(QFontMetricsF(font).height() * 2.2);
    const int rowHeight = chart.geometry().rowHeight();
    p.rowsPerPage =
        std::max(1, int((pageHeight - p.titleHeight - chart.headerHeight()) / double(rowHeight)));
    const int rows = chart.geometry().rowCount();
    p.pages = std::max(1, (rows + p.rowsPerPage - 1) / p.rowsPerPage);
    return p;
}
} // namespace

QSize GanttExport::imageSize(const GanttChart &chart)
{
    if (!chart.model())
        return {};
    const GanttPainter::Table table = GanttPainter::measureTable(*chart.model(), pixelFont(chart));
    const QSizeF content = chart.geometry().contentSize();
    return QSize(int(std::ceil(table.width + content.width())),
                 int(std::ceil(chart.headerHeight() + content.height())));
}

Result<QImage> GanttExport::renderImage(const GanttChart &chart)
{
    if (!chart.model())
        return Error(QStringLiteral("gantt.no_plan"), tr("There is no plan to export."));
    const QSize size = imageSize(chart);
    if (size.width() > maxImageSide || qint64(size.width()) * size.height() > maxImagePixels)
        return Error(QStringLiteral("gantt.image_too_large"),
                     tr("The chart is too large for an image (%1 × %2 pixels). Export it as a "
                        "PDF, which splits it into pages, or zoom out first.")
                         .arg(size.width())
                         .arg(size.height()));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return Error(QStringLiteral("gantt.image_memory"),
                     tr("There is not enough memory for an image of the chart."));
    const QFont font = pixelFont(chart);
    const GanttRowModel &model = *chart.model();
    const GanttGeometry &geometry = chart.geometry();
    const GanttPainter painter(model, geometry, chart.scale(), chart.colors(), font);
    const GanttPainter::Table table = GanttPainter::measureTable(model, font);
    const GanttPainter::Options options = chart.paintOptions(false);
    image.fill(chart.colors().base);
    const double width = geometry.contentSize().width();
    const int header = chart.headerHeight();
    const int rows = geometry.rowCount();
    const int h = geometry.rowHeight();

    // The header and the first strip of rows, then the rest strip by strip,
    // each painted into the part of the image that holds it.
    for (int first = 0; first == 0 || first < rows; first += stripRows) {
        const int last = std::min(rows, first + stripRows);
        const int top = first == 0 ? 0 : header + first * h;
        const int height = (first == 0 ? header : 0) + (last - first) * h;
        if (height <= 0)
            break;
        QImage strip(image.bits() + qsizetype(top) * image.bytesPerLine(), image.width(), height,
                     image.bytesPerLine(), image.format());
        QPainter p(&strip);
        p.setRenderHint(QPainter::TextAntialiasing);
        const double offset = first == 0 ? header : 0;
        // The table draws its header above its rows: above the strip (out
        // of the image) but on the first.
        p.save();
        p.translate(0, offset - header);
        painter.paintTable(p, table, first, last, header);
        p.restore();
        p.translate(table.width, 0);
        if (first == 0)
            painter.paintHeader(p, 0, width, header, chart.locale());
        p.translate(0, offset - geometry.rowTop(first));
        const QRectF area(0, geometry.rowTop(first), width, (last - first) * h);
        p.setClipRect(area);
        painter.paintRows(p, area, options);
        if (rows == 0)
            break;
    }
    return image;
}

Status GanttExport::savePng(const GanttChart &chart, const QString &path)
{
    auto image = renderImage(chart);
    if (!image)
        return image.error();
    QImageWriter writer(path, "png");
    if (!writer.write(image.value()))
        return Error(QStringLiteral("gantt.write_failed"),
                     tr("Could not write %1: %2").arg(path, writer.errorString()));
    return {};
}

int GanttExport::pageCount(const GanttChart &chart, QPagedPaintDevice &device)
{
    if (!chart.model())
        return 0;
    const QFont font = pixelFont(chart);
    const GanttPainter::Table table = GanttPainter::measureTable(*chart.model(), font);
    return layoutPages(chart, device, table.width, font).pages;
}

Status GanttExport::savePdf(const GanttChart &chart, const QString &title, const QString &path)
{
    QPdfWriter writer(path);
    writer.setCreator(QStringLiteral("Baton"));
    writer.setTitle(title);
    writer.setResolution(300);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter);
    return paintPages(chart, title, writer);
}

Status GanttExport::print(const GanttChart &chart, const QString &title, QPrinter &printer)
{
    printer.setDocName(title);
    return paintPages(chart, title, printer);
}

Status GanttExport::paintPages(const GanttChart &chart, const QString &title,
                               QPagedPaintDevice &device)
{
    if (!chart.model())
        return Error(QStringLiteral("gantt.no_plan"), tr("There is no plan to export."));
    const QFont font = pixelFont(chart);
    const GanttRowModel &model = *chart.model();
    const GanttGeometry &geometry = chart.geometry();
    const GanttPainter painter(model, geometry, chart.scale(), chart.colors(), font);
    const GanttPainter::Table table = GanttPainter::measureTable(model, font);
    const PageLayout layout = layoutPages(chart, device, table.width, font);
    const GanttPainter::Options options = chart.paintOptions(false);
    const double width = geometry.contentSize().width();
    const int header = chart.headerHeight();
    const int rows = geometry.rowCount();
    const int h = geometry.rowHeight();
    QFont titleFont = font;
    titleFont.setBold(true);
    titleFont.setPixelSize(int(font.pixelSize() * 1.4));

    QPainter p;
    if (!p.begin(&device))
        return Error(QStringLiteral("gantt.print_failed"),
                     tr("Could not start printing: the printer or file is not available."));
    p.setRenderHint(QPainter::TextAntialiasing);
    for (int page = 0; page < layout.pages; ++page) {
        if (page > 0 && !device.newPage()) {
            p.end();
            return Error(QStringLiteral("gantt.print_failed"),
                         tr("Could not start page %1.").arg(page + 1));
        }
        const int first = page * layout.rowsPerPage;
        const int last = std::min(rows, first + layout.rowsPerPage);
        p.save();
        p.scale(layout.scale, layout.scale);
        p.setFont(titleFont);
        p.setPen(chart.colors().text);
        const QRectF titleRect(0, 0, table.width + width, layout.titleHeight);
        p.drawText(titleRect, Qt::AlignLeft | Qt::AlignTop, title);
        p.setFont(font);
        p.drawText(titleRect, Qt::AlignRight | Qt::AlignTop,
                   tr("Page %1 of %2").arg(page + 1).arg(layout.pages));
        p.translate(0, layout.titleHeight);
        painter.paintTable(p, table, first, last, header);
        p.translate(table.width, 0);
        painter.paintHeader(p, 0, width, header, chart.locale());
        p.translate(0, header - geometry.rowTop(first));
        const QRectF area(0, geometry.rowTop(first), width, (last - first) * h);
        p.setClipRect(area);
        painter.paintRows(p, area, options);
        p.restore();
    }
    if (!p.end())
        return Error(QStringLiteral("gantt.print_failed"), tr("Could not finish the document."));
    return {};
}

} // namespace baton
