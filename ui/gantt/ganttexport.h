#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QImage>
#include <QSize>

class QPagedPaintDevice;
class QPrinter;

namespace baton {

class GanttChart;

// A Gantt chart on paper or in a file: the task table beside the bars, for
// every row the chart shows (collapsed summaries stay collapsed) and the
// project's whole date range at the chart's zoom.
class GanttExport
{
    Q_DECLARE_TR_FUNCTIONS(GanttExport)
public:
    // The image's size: the table's width plus the chart's content width,
    // the header's height plus every row's.
    static QSize imageSize(const GanttChart &chart);
    // Refused when the image would be too large to hold (PDF pages it).
    static Result<QImage> renderImage(const GanttChart &chart);
    static Status savePng(const GanttChart &chart, const QString &path);

    // Landscape pages, each with the title, the table's and the time
    // scale's header and as many rows as fit; the chart is scaled down to
    // the page's width when wider.
    static Status savePdf(const GanttChart &chart, const QString &title, const QString &path);
    static Status print(const GanttChart &chart, const QString &title, QPrinter &printer);
    // How many pages savePdf/print make on a device (for tests and the
    // progress of a long print).
    static int pageCount(const GanttChart &chart, QPagedPaintDevice &device);

private:
    static Status paintPages(const GanttChart &chart, const QString &title,
                             QPagedPaintDevice &device);
};

} // namespace baton
