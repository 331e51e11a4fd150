#include "dossierpdf.h"

#include "dossier/dossierdata.h"
#include "handover/handoverentities.h"
#include "performance/indicatorscore.h"
#include "performance/reviewentities.h"
#include "work/reportentities.h"
#include "work/reports.h"
#include "work/workentities.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDateTime>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextDocument>

namespace baton {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString when(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
              : QString();
}

QString table(const QStringList &headers, const QList<QStringList> &rows)
{
    QString h =
        QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                       "style=\"border-collapse: collapse; border-color: #999;\"><tr>");
    for (const QString &c : headers)
        h += QStringLiteral("<th align=\"left\" bgcolor=\"#e8eef4\">%1</th>").arg(esc(c));
    h += QStringLiteral("</tr>");
    for (const QStringList &r : rows) {
        h += QStringLiteral("<tr>");
        for (const QString &c : r)
            h += QStringLiteral("<td>%1</td>").arg(esc(c));
        h += QStringLiteral("</tr>");
    }
    return h + QStringLiteral("</table>");
}

// Section titles, in order; the table of contents lists them.
QStringList sections()
{
    return {DossierPdf::tr("Employee"),
            DossierPdf::tr("Responsibilities over time"),
            DossierPdf::tr("Tasks and progress"),
            DossierPdf::tr("Reports and comments"),
            DossierPdf::tr("Customers"),
            DossierPdf::tr("Handover"),
            DossierPdf::tr("Approvals and signatures"),
            DossierPdf::tr("Issues and their causes"),
            DossierPdf::tr("Reviews and awards"),
            DossierPdf::tr("Work trail"),
            DossierPdf::tr("How to verify this dossier")};
}

QString none(const QString &text)
{
    return QStringLiteral("<p>%1</p>").arg(esc(text));
}

QString subheading(const QString &text)
{
    return QStringLiteral("<h3>%1</h3>").arg(esc(text));
}

// Basis points as a percentage; a part not scored shows as a dash.
QString percent(const Record &r, QStringView field)
{
    const QVariant v = r.value(field);
    return v.isValid() && !v.isNull() ? performance::basisPointsText(v.toLongLong())
                                      : QStringLiteral("\u2014");
}

QString reportTitle(const Record &r)
{
    WorkReport w;
    w.period = r.text(u"period");
    w.start = QDate::fromString(r.text(u"period_start"), Qt::ISODate);
    return w.title();
}

} // namespace

QString DossierPdf::coverHtml(const DossierData &d, const QList<int> &pages)
{
    const Record &e = d.employee;
    const QStringList titles = sections();
    QString h = QStringLiteral("<html><body style=\"font-size: 9pt;\">");
    h += QStringLiteral("<h1>%1</h1>")
             .arg(esc(tr("Responsibility dossier: %1").arg(d.nameOf(e.id(u"id")))));
    h += QStringLiteral("<p>%1</p>")
             .arg(esc(tr("Period: %1 to %2. Made on %3.")
                          .arg(d.from.isValid() ? d.from.toString(Qt::ISODate) : tr("the start"),
                               d.to.isValid() ? d.to.toString(Qt::ISODate) : tr("today"),
                               QDateTime::currentDateTime().toString(Qt::ISODate))));
    h += QStringLiteral("<h2>%1</h2><table>").arg(esc(tr("Contents")));
    for (int i = 0; i < titles.size(); ++i)
        h += QStringLiteral("<tr><td width=\"90%\">%1. %2</td><td align=\"right\">%3</td></tr>")
                 .arg(i + 1)
                 .arg(esc(titles[i]),
                      pages.value(i) > 0 ? QString::number(pages[i]) : QStringLiteral("\u2026"));
    h += QStringLiteral("</table>");
    return h + QStringLiteral("</body></html>");
}

QString DossierPdf::bodyHtml(const DossierData &d)
{
    const Record &e = d.employee;
    const QStringList titles = sections();
    QString h = QStringLiteral("<html><body style=\"font-size: 9pt;\">");
    auto section = [&](int i) {
        return QStringLiteral("<h2>%1. %2</h2>").arg(i + 1).arg(esc(titles[i]));
    };

    h += section(0);
    h += table({tr("Field"), tr("Value")}, {{tr("Name"), d.nameOf(e.id(u"id"))},
                                            {tr("Department"), d.departmentName},
                                            {tr("Position"), d.positionTitle},
                                            {tr("Hired"), e.text(u"hire_date")},
                                            {tr("Status"), e.text(u"status")},
                                            {tr("Departure date"), e.text(u"departure_date")}});

    h += section(1);
    QList<QStringList> rows;
    for (const Record &r : d.duties)
        rows.append({r.text(u"title"), r.text(u"valid_from"),
                     r.text(u"valid_to").isEmpty() ? tr("open") : r.text(u"valid_to"),
                     r.text(u"project")});
    h += rows.isEmpty() ? QStringLiteral("<p>%1</p>").arg(esc(tr("None recorded.")))
                        : table({tr("Responsibility"), tr("From"), tr("To"), tr("Project")}, rows);

    h += section(2);
    rows.clear();
    for (const Record &t : d.tasks)
        rows.append({t.text(u"title"), t.text(u"project"), task::statusTitle(t.text(u"status")),
                     QStringLiteral("%1%").arg(t.value(u"progress").toLongLong()),
                     t.text(u"due_date"), d.nameOf(t.id(u"owner_id"))});
    h += rows.isEmpty() ? QStringLiteral("<p>%1</p>").arg(esc(tr("None recorded.")))
                        : table({tr("Task"), tr("Project"), tr("Status"), tr("Progress"), tr("Due"),
                                 tr("Owner now")},
                                rows);
    if (!d.taskUpdates.isEmpty()) {
        rows.clear();
        for (const Record &u : d.taskUpdates)
            rows.append({when(u.value(u"reported_ms").toLongLong()),
                         QStringLiteral("%1%").arg(u.value(u"progress").toLongLong()),
                         u.text(u"note"), d.nameOf(u.id(u"reported_by"))});
        h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Progress reports")))
             + table({tr("Time"), tr("Progress"), tr("Note"), tr("By")}, rows);
    }
    if (!d.confirmations.isEmpty()) {
        QHash<QUuid, QString> taskTitles;
        for (const Record &t : d.tasks)
            taskTitles.insert(t.id(u"id"), t.text(u"title"));
        rows.clear();
        for (const Record &c : d.confirmations)
            rows.append({when(c.value(u"confirmed_ms").toLongLong()),
                         taskTitles.value(c.id(u"task_id")), c.text(u"statement"),
                         QStringLiteral("%1%").arg(c.value(u"progress").toLongLong()),
                         d.nameOf(c.id(u"confirmed_by"))});
        h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Confirmed by the supervisor (signed)")))
             + table({tr("Time"), tr("Task"), tr("Statement"), tr("Progress"), tr("Signed by")},
                     rows);
    }

    h += section(3);
    h += reportsHtml(d);

    h += section(4);
    rows.clear();
    for (const Record &c : d.customers)
        rows.append({c.text(u"name"), c.text(u"status"), d.nameOf(c.id(u"owner_id"))});
    h += rows.isEmpty() ? QStringLiteral("<p>%1</p>").arg(esc(tr("None recorded.")))
                        : table({tr("Customer"), tr("Status"), tr("Owner now")}, rows);

    h += section(5);
    if (d.cases.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(tr("No handover case.")));
    for (const Record &c : d.cases) {
        QStringList successors;
        for (const QString &s : c.text(u"successors").split(QLatin1Char(' '), Qt::SkipEmptyParts))
            successors.append(d.nameOf(QUuid::fromString(s)));
        h += QStringLiteral("<p>%1</p>")
                 .arg(esc(tr("Departure %1; successors %2; supervisor %3; status: %4.")
                              .arg(c.text(u"departure_date"), successors.join(QStringLiteral(", ")),
                                   d.nameOf(c.id(u"supervisor_id")),
                                   handover::statusTitle(c.text(u"status")))));
        rows.clear();
        int n = 0;
        for (const Record &i : d.caseItems)
            if (i.id(u"case_id") == c.id(u"id"))
                rows.append({QString::number(++n), handover::itemKindTitle(i.text(u"kind")),
                             i.text(u"title"), i.text(u"detail"), d.nameOf(i.id(u"receiver_id"))});
        h += table({QStringLiteral("#"), tr("Kind"), tr("Item"), tr("Detail"), tr("Received by")},
                   rows);
    }

    h += section(6);
    rows.clear();
    for (const DossierData::Decision &x : d.decisions)
        rows.append({x.request.text(u"subject"), x.step.text(u"title"),
                     d.nameOf(x.step.id(u"decided_by")), x.step.text(u"state"),
                     x.step.text(u"opinion"), when(x.step.value(u"decided_ms").toLongLong()),
                     x.timestampToken.isEmpty() ? tr("not yet") : tr("yes"), x.step.text(u"id")});
    h += rows.isEmpty()
             ? QStringLiteral("<p>%1</p>").arg(esc(tr("No signed decisions.")))
             : table({tr("Request"), tr("Step"), tr("Signed by"), tr("Decision"), tr("Opinion"),
                      tr("Signer's time"), tr("Trusted time"), tr("Step id")},
                     rows);

    h += section(7);
    h += issuesHtml(d);

    h += section(8);
    h += reviewsHtml(d);

    h += section(9);
    rows.clear();
    for (const Record &t : d.trail)
        rows.append({when(t.value(u"occurred_ms").toLongLong()), trail::kindTitle(t.text(u"kind")),
                     t.text(u"title"), t.text(u"sender"), t.text(u"source")});
    h += rows.isEmpty() ? QStringLiteral("<p>%1</p>").arg(esc(tr("No trail items in the period.")))
                        : table({tr("Time"), tr("Kind"), tr("Title"),
                                 tr("From", "the sender of a message"), tr("Source")},
                                rows);

    h += section(10);
    h += QStringLiteral("<p>%1</p>")
             .arg(esc(tr("This report comes with an evidence bundle: the records above as "
                         "canonical JSON, each signed decision with its CMS signature and RFC "
                         "3161 time stamp, each supervisor's confirmation of progress or of the "
                         "cause of an issue with its signature, "
                         "the trail's files, and a manifest sealed by the organisation's "
                         "time-stamping authority. Where the organisation runs a Baton server, "
                         "each record also comes with Merkle proofs that the server's "
                         "append-only log holds the changes that made it. Run \"baton-cli "
                         "verify bundle DIR\", or follow HOW-TO-VERIFY.txt.")));
    return h + QStringLiteral("</body></html>");
}

QString DossierPdf::reportsHtml(const DossierData &d)
{
    QHash<QUuid, QString> targets; // what a comment is on
    QList<QStringList> rows;
    for (const Record &r : d.workReports) {
        targets.insert(r.id(u"id"), reportTitle(r));
        rows.append({reportTitle(r), when(r.value(u"submitted_ms").toLongLong()), r.text(u"done"),
                     r.text(u"planned"), r.text(u"blockers")});
    }
    QString h =
        rows.isEmpty()
            ? none(tr("No reports in the period."))
            : table({tr("Report"), tr("Submitted"), tr("Done"), tr("Planned"), tr("Blockers")},
                    rows);
    if (d.workComments.isEmpty())
        return h;
    for (const Record &t : d.tasks)
        targets.insert(t.id(u"id"), t.text(u"title"));
    rows.clear();
    for (const Record &c : d.workComments) {
        const bool onTask = c.text(u"target_entity") == QLatin1String(comment::OnTask);
        const QString target = targets.value(
            c.id(u"target_id"), onTask ? tr("a task not in this dossier") : tr("a report"));
        rows.append({when(c.value(u"written_ms").toLongLong()), target, c.text(u"body"),
                     d.nameOf(c.id(u"author_id"))});
    }
    return h + subheading(tr("Supervisors' comments"))
           + table({tr("Time"), tr("On"), tr("Comment"), tr("By")}, rows);
}

QString DossierPdf::issuesHtml(const DossierData &d)
{
    if (d.issues.isEmpty())
        return none(tr("No issues in the period."));
    // The cause that stands: a supervisor's decision, else the statement
    // (the steps come oldest first).
    QHash<QUuid, const Record *> stands;
    QHash<QUuid, QString> titles;
    for (const Record &a : d.attributions) {
        const QUuid issue = a.id(u"issue_id");
        if (!stands.contains(issue) || DossierData::isSigned(a))
            stands.insert(issue, &a);
    }
    QList<QStringList> rows;
    for (const Record &i : d.issues) {
        titles.insert(i.id(u"id"), i.text(u"title"));
        const Record *a = stands.value(i.id(u"id"));
        rows.append({i.text(u"occurred_on"), issue::categoryTitle(i.text(u"category")),
                     i.text(u"title"), i.text(u"detail"), d.cycleTitles.value(i.id(u"cycle_id")),
                     d.nameOf(i.id(u"recorded_by")),
                     a ? tr("%1 (%2)").arg(attribution::causeTitle(a->text(u"cause")),
                                           attribution::stageTitle(a->text(u"stage")))
                       : tr("not stated yet")});
    }
    QString h = table({tr("Occurred"), tr("Category"), tr("Issue"), tr("Detail"), tr("Cycle"),
                       tr("Recorded by"), tr("Cause")},
                      rows);
    if (d.attributions.isEmpty())
        return h;
    rows.clear();
    for (const Record &a : d.attributions)
        rows.append(
            {when(a.value(u"at_ms").toLongLong()), titles.value(a.id(u"issue_id")),
             attribution::stageTitle(a.text(u"stage")), attribution::causeTitle(a.text(u"cause")),
             a.text(u"statement"), d.nameOf(a.id(u"by_id")),
             DossierData::isSigned(a) ? tr("yes: attributions/%1").arg(a.text(u"id")) : tr("no")});
    return h + subheading(tr("Causes stated, confirmed and corrected"))
           + table({tr("Time"), tr("Issue"), tr("Step"), tr("Cause"), tr("Statement"), tr("By"),
                    tr("Signed")},
                   rows);
}

QString DossierPdf::reviewsHtml(const DossierData &d)
{
    if (d.reviewResults.isEmpty() && d.awards.isEmpty())
        return none(tr("No review results or awards in the period."));
    QString h;
    QList<QStringList> rows;
    for (const Record &r : d.reviewResults)
        rows.append({d.cycleTitles.value(r.id(u"cycle_id")), percent(r, u"score_bp"),
                     r.text(u"grade"), percent(r, u"indicator_score_bp"),
                     percent(r, u"feedback_score_bp"), percent(r, u"manager_rating_bp"),
                     r.text(u"comment"), d.nameOf(r.id(u"rated_by"))});
    h += rows.isEmpty()
             ? none(tr("No review results in the period."))
             : table({tr("Cycle"), tr("Score"), tr("Grade"), tr("Indicators"), tr("Feedback"),
                      tr("Manager's rating"), tr("Comment"), tr("Rated by")},
                     rows);
    if (d.awards.isEmpty())
        return h;
    rows.clear();
    for (const Record &a : d.awards) {
        const QString kind = a.text(u"kind");
        QString what = award::kindTitle(kind);
        if (kind == QLatin1String(award::Bonus))
            what = tr("%1 %2").arg(what, percent(a, u"bonus_bp"));
        else if (!a.text(u"name").isEmpty())
            what = tr("%1: %2").arg(what, a.text(u"name"));
        rows.append({when(a.value(u"granted_ms").toLongLong()), what, a.text(u"reason"),
                     a.text(u"rule_name"), d.cycleTitles.value(a.id(u"cycle_id")),
                     d.nameOf(a.id(u"granted_by"))});
    }
    return h + subheading(tr("Rewards and penalties"))
           + table({tr("Granted"), tr("Award"), tr("Reason"), tr("Rule"), tr("Cycle"),
                    tr("Granted by")},
                   rows);
}

QString DossierPdf::html(const DossierData &data, const QList<int> &pages)
{
    QString cover = coverHtml(data, pages);
    cover.chop(int(QStringLiteral("</body></html>").size()));
    QString body = bodyHtml(data);
    body.remove(0, body.indexOf(QLatin1String("<h2")));
    return cover + body;
}

QByteArray DossierPdf::render(const DossierData &data)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(tr("Responsibility dossier: %1").arg(data.nameOf(data.employee.id(u"id"))));
    writer.setCreator(QStringLiteral("Baton"));

    QPainter painter;
    if (!painter.begin(&writer))
        return {};
    const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPointSizeF(9);
    const QSizeF pageSize(page.width(), page.height() - 60); // room for the page number
    auto layOut = [&](QTextDocument &doc, const QString &html) {
        doc.setDefaultFont(font);
        doc.documentLayout()->setPaintDevice(&writer);
        doc.setPageSize(pageSize);
        doc.setHtml(html);
    };
    // The body is laid out once; the cover with its contents (small) is laid
    // out again once the body says on which page each section starts.
    QTextDocument cover, body;
    layOut(cover, coverHtml(data));
    const int coverPages = cover.pageCount();
    layOut(body, bodyHtml(data));
    QList<int> pages;
    const QStringList titles = sections();
    for (QTextBlock b = body.begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() != 2)
            continue;
        for (int i = 0; i < titles.size(); ++i)
            if (b.text().endsWith(titles[i]) && pages.size() == i)
                pages.append(
                    int(body.documentLayout()->blockBoundingRect(b).top() / pageSize.height()) + 1
                    + coverPages);
    }
    layOut(cover, coverHtml(data, pages));
    const int count = cover.pageCount() + body.pageCount();
    int number = 0;
    for (QTextDocument *doc : {&cover, &body}) {
        for (int p = 0; p < doc->pageCount(); ++p) {
            if (number > 0)
                writer.newPage();
            painter.save();
            painter.translate(0, -p * pageSize.height());
            doc->drawContents(
                &painter, QRectF(0, p * pageSize.height(), pageSize.width(), pageSize.height()));
            painter.restore();
            painter.setFont(font);
            painter.drawText(QRectF(0, page.height() - 50, page.width(), 50),
                             Qt::AlignRight | Qt::AlignBottom,
                             tr("Page %1 of %2").arg(++number).arg(count));
        }
    }
    painter.end();
    return bytes;
}

} // namespace baton
