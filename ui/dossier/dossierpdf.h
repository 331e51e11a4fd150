#pragma once

#include <QByteArray>
#include <QCoreApplication>

namespace baton {

struct DossierData;

// The responsibility dossier as a PDF (issue 5, item 6): a readable report
// for lawyers and auditors, with a table of contents and page numbers, in
// the interface's language; Chinese set in a CJK font. Needs a
// QGuiApplication (fonts); offscreen is enough.
class DossierPdf
{
    Q_DECLARE_TR_FUNCTIONS(DossierPdf)
public:
    static QByteArray render(const DossierData &data);
    // The same report as HTML (what render() lays out), for tests and
    // previews.
    static QString html(const DossierData &data, const QList<int> &pages = {});

private:
    // The title page with the contents (pages: where each section starts),
    // and the sections.
    static QString coverHtml(const DossierData &data, const QList<int> &pages = {});
    static QString bodyHtml(const DossierData &data);
    // The performance sections (issue 6): reports and comments, issues and
    // their causes, review results and awards.
    static QString reportsHtml(const DossierData &data);
    static QString issuesHtml(const DossierData &data);
    static QString reviewsHtml(const DossierData &data);
};

} // namespace baton
