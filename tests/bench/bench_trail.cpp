// The work trail and the dossier at scale (issue 5). Prints "name: value unit".
//
//   bench_trail [--messages N] [--message-kb K] [--items N] [--dossier-items N]
//
// 1. Importing an mbox of N messages of about K KB each (default 50,000 x
//    20 KB: 1 GB) into one person's trail: MB/s and the peak RSS.
// 2. Full-text queries over a trail of --items items (default 500,000).
// 3. The dossier of one person with --dossier-items trail items (default
//    5,000): collected, printed to PDF and written as an evidence bundle.
#include "auth/accounts.h"
#include "dossier/dossierdata.h"
#include "dossier/evidencebundle.h"
#include "dossierpdf.h"
#include "oplog/uuidv7.h"
#include "store/store.h"
#include "trail/trailimporter.h"
#include "trail/trailsearch.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace baton;

namespace {

QTextStream out(stdout);

double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

// A vocabulary with the long tail of real text: the 20 everyday words first
// (most frequent), then 1,600 two-character Chinese words and 500 English
// terms, picked with a skew towards the front, so that some words are in
// most items and most words in few.
const QStringList &vocabulary()
{
    static const QStringList words = [] {
        QStringList w;
        for (const char *x :
             {"合同",    "客户",    "交付",     "验收",   "项目",     "需求",     "会议",
              "报价",    "发票",    "付款",     "供应商", "确认",     "delivery", "contract",
              "invoice", "meeting", "schedule", "review", "customer", "report"})
            w.append(QString::fromUtf8(x));
        const QString chars =
            QStringLiteral("安保测产单订定费工供管规户划货计价检建交结经库款控理料流率门面品期签清"
                           "人商设审生收售数送算提务物系销效信修业营运质制中周资组");
        for (QChar a : chars)
            for (QChar b : chars)
                if (w.size() < 1620 && a != b)
                    w.append(QString(a) + b);
        for (int i = 0; i < 500; ++i)
            w.append(QStringLiteral("term%1").arg(i, 3, 10, QLatin1Char('0')));
        return w;
    }();
    return words;
}

QString sentence(QRandomGenerator &rng, int words)
{
    const QStringList &v = vocabulary();
    QString s;
    for (int i = 0; i < words; ++i) {
        const double r = rng.generateDouble();
        const QString &w = v[qMin(int(v.size() - 1), int(r * r * r * v.size()))];
        s += w;
        s += w.at(0).unicode() < 128 ? QStringLiteral(" ") : QString();
        if (i % 12 == 11)
            s += QStringLiteral("。\n");
    }
    return s;
}

// An mbox of realistic messages: headers, an encoded Chinese subject, a
// body of roughly kb kilobytes, every tenth with a small attachment.
bool writeMbox(const QString &path, int messages, int kb, qint64 *bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QRandomGenerator rng(42);
    for (int i = 0; i < messages; ++i) {
        QByteArray m;
        m += "From zhangwei@example.cn Mon Mar  4 09:00:00 2024\n";
        m += "Message-ID: <" + QByteArray::number(i) + "@bench.example.cn>\n";
        m += "Date: Mon, 4 Mar 2024 09:" + QByteArray::number(i % 60).rightJustified(2, '0')
             + ":00 +0800\n";
        m += "From: =?UTF-8?B?" + QStringLiteral("张伟").toUtf8().toBase64()
             + "?= <zhangwei@example.cn>\n";
        m += "To: customer" + QByteArray::number(i % 97) + "@client.example.com\n";
        m += "Subject: =?UTF-8?B?" + sentence(rng, 6).toUtf8().toBase64() + "?=\n";
        m += "MIME-Version: 1.0\n";
        QByteArray body;
        while (body.size() < kb * 1024)
            body += sentence(rng, 40).toUtf8() + '\n';
        if (i % 10 == 0) {
            m += "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\n";
            m += "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n";
            m += body + "\n--b\nContent-Type: application/octet-stream; name=\"notes-"
                 + QByteArray::number(i) + ".txt\"\nContent-Transfer-Encoding: base64\n\n";
            m += QByteArray("attachment " + QByteArray::number(i)).toBase64() + "\n--b--\n\n";
        } else {
            m += "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n";
            m += body + "\n";
        }
        if (f.write(m) != m.size())
            return false;
    }
    *bytes = f.size();
    return true;
}

struct Company
{
    std::unique_ptr<Store> store;
    Actor admin;
    QUuid employee;
};

// A store with one department, one employee and the bootstrap
// administrator, who authors everything.
std::optional<Company> company(const QString &path)
{
    Store::Options o;
    o.path = path;
    auto store = Store::open(o);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return std::nullopt;
    }
    Company c;
    c.store = std::move(store).value();
    auto admin = Accounts(*c.store).createFirstAdmin(QStringLiteral("admin"),
                                                     QStringLiteral("bench-password"));
    if (!admin)
        return std::nullopt;
    auto actor = c.store->actorFor(*admin, c.store->nowMs());
    if (!actor)
        return std::nullopt;
    c.admin = *actor;
    const QUuid dept = createUuidV7();
    c.employee = createUuidV7();
    const Status s = c.store->submit(
        {c.store->makeOp(QStringLiteral("department"), dept, OpKind::Create,
                         {{QStringLiteral("code"), QStringLiteral("PRJ")},
                          {QStringLiteral("name"), QStringLiteral("Projects")},
                          {QStringLiteral("kind"), QStringLiteral("head_office")},
                          {QStringLiteral("time_zone"), QStringLiteral("Asia/Shanghai")},
                          {QStringLiteral("currency"), QStringLiteral("CNY")}},
                         c.admin.userId),
         c.store->makeOp(QStringLiteral("employee"), c.employee, OpKind::Create,
                         {{QStringLiteral("number"), QStringLiteral("E001")},
                          {QStringLiteral("family_name"), QStringLiteral("张")},
                          {QStringLiteral("given_name"), QStringLiteral("伟")},
                          {QStringLiteral("department_id"), idString(dept)},
                          {QStringLiteral("hire_date"), QStringLiteral("2018-03-01")},
                          {QStringLiteral("status"), QStringLiteral("active")}},
                         c.admin.userId)});
    if (!s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
        return std::nullopt;
    }
    return c;
}

// items trail notes for the employee, straight through Store::apply.
bool fillTrail(Company &c, int items)
{
    QRandomGenerator rng(7);
    const qint64 start = 1704067200000; // 2024-01-01
    for (int done = 0; done < items;) {
        QList<Operation> ops;
        for (int k = 0; k < 2000 && done < items; ++k, ++done) {
            const QString title = sentence(rng, 5);
            const QString body = sentence(rng, 30);
            ops.append(c.store->makeOp(
                QStringLiteral("trail_item"), createUuidV7(), OpKind::Append,
                {{QStringLiteral("employee_id"), idString(c.employee)},
                 {QStringLiteral("kind"), QStringLiteral("note")},
                 {QStringLiteral("occurred_ms"), start + qint64(done) * 60000},
                 {QStringLiteral("title"), title},
                 {QStringLiteral("body"), body},
                 {QStringLiteral("content_hash"),
                  QString::fromLatin1(QCryptographicHash::hash(
                                          QByteArray(QByteArray::number(done) + title.toUtf8()),
                                          QCryptographicHash::Sha256)
                                          .toHex())}},
                c.admin.userId));
        }
        if (Status s = c.store->submit(ops); !s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // the dossier's PDF needs fonts
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("messages"), QStringLiteral("Messages in the mbox."),
                      QStringLiteral("N"), QStringLiteral("50000")});
    parser.addOption({QStringLiteral("message-kb"), QStringLiteral("Size of a message body."),
                      QStringLiteral("K"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("items"), QStringLiteral("Trail items to search."),
                      QStringLiteral("N"), QStringLiteral("500000")});
    parser.addOption({QStringLiteral("dossier-items"),
                      QStringLiteral("Trail items in the dossier."), QStringLiteral("N"),
                      QStringLiteral("5000")});
    parser.process(app);
    QTemporaryDir dir;

    // 1. mbox import.
    {
        const QString mbox = dir.filePath(QStringLiteral("archive.mbox"));
        qint64 bytes = 0;
        if (!writeMbox(mbox, parser.value(QStringLiteral("messages")).toInt(),
                       parser.value(QStringLiteral("message-kb")).toInt(), &bytes))
            return 1;
        auto c = company(dir.filePath(QStringLiteral("import.db")));
        if (!c)
            return 1;
        const double rssBefore = peakRssMb();
        TrailImporter importer(*c->store, c->admin, c->employee);
        QElapsedTimer timer;
        timer.start();
        auto report = importer.run(TrailImporter::Kind::Mail, {mbox});
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!report) {
            std::fprintf(stderr, "%s\n", qPrintable(report.error().message));
            return 1;
        }
        out << "mbox_bytes: " << QString::number(double(bytes) / 1e6, 'f', 0) << " MB" << Qt::endl;
        out << "mbox_messages_imported: " << report->imported - report->documents << " messages"
            << Qt::endl;
        out << "mbox_attachments_imported: " << report->documents << " files" << Qt::endl;
        out << "mbox_skipped: " << report->skipped.size() << " items" << Qt::endl;
        out << "mbox_import_seconds: " << QString::number(seconds, 'f', 1) << " s" << Qt::endl;
        out << "mbox_import_rate: " << QString::number(double(bytes) / 1e6 / seconds, 'f', 1)
            << " MB/s" << Qt::endl;
        out << "mbox_peak_rss_before_import_mb: " << QString::number(rssBefore, 'f', 1) << " MB"
            << Qt::endl;
        out << "mbox_peak_rss_mb: " << QString::number(peakRssMb(), 'f', 1) << " MB" << Qt::endl;
        QFile::remove(mbox);
    }

    // 2. Full-text search.
    {
        auto c = company(dir.filePath(QStringLiteral("search.db")));
        if (!c)
            return 1;
        const int items = parser.value(QStringLiteral("items")).toInt();
        QElapsedTimer timer;
        timer.start();
        if (!fillTrail(*c, items))
            return 1;
        out << "search_items: " << items << " items" << Qt::endl;
        out << "search_fill_seconds: " << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s"
            << Qt::endl;
        TrailSearch search(*c->store);
        timer.restart();
        auto indexed = search.catchUp();
        if (!indexed)
            return 1;
        out << "search_index_seconds: " << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s"
            << Qt::endl;
        // Words from the middle and the tail of the vocabulary, alone and
        // together, Chinese and English; then the most frequent word, in
        // most items, on its own line.
        const QStringList &v = vocabulary();
        const QStringList queries = {v[300],
                                     v[800],
                                     v[1500],
                                     v[250] + QLatin1Char(' ') + v[600],
                                     QStringLiteral("term050"),
                                     QStringLiteral("term120 ") + v[400],
                                     v[200] + v[201],
                                     QStringLiteral("供应商 term010")};
        auto timeQuery = [&](const QString &q) -> double {
            TrailQuery tq;
            tq.text = q;
            tq.employee = c->employee;
            tq.limit = 200;
            QElapsedTimer t;
            t.start();
            auto hits = search.search(tq);
            const double elapsed = double(t.nsecsElapsed()) / 1e6;
            return hits ? elapsed : -1;
        };
        QList<double> ms;
        QList<double> worst(queries.size(), 0.0);
        for (int round = 0; round < 5; ++round)
            for (qsizetype i = 0; i < queries.size(); ++i) {
                const double t = timeQuery(queries[i]);
                if (t < 0)
                    return 1;
                ms.append(t);
                worst[i] = std::max(worst[i], t);
            }
        // Which query is slowest, for whoever tunes the search.
        for (qsizetype i = 0; i < queries.size(); ++i)
            out << "search_query_" << i << "_max_ms: " << QString::number(worst[i], 'f', 1)
                << " ms (" << queries[i] << ")" << Qt::endl;
        std::sort(ms.begin(), ms.end());
        out << "search_query_median_ms: " << QString::number(ms[ms.size() / 2], 'f', 1) << " ms"
            << Qt::endl;
        out << "search_query_max_ms: " << QString::number(ms.constLast(), 'f', 1) << " ms"
            << Qt::endl;
        double common = 0;
        for (int round = 0; round < 3; ++round)
            common = std::max(common, timeQuery(v[0]));
        out << "search_most_frequent_word_ms: " << QString::number(common, 'f', 1) << " ms"
            << Qt::endl;
    }

    // 3. The dossier.
    {
        auto c = company(dir.filePath(QStringLiteral("dossier.db")));
        if (!c || !fillTrail(*c, parser.value(QStringLiteral("dossier-items")).toInt()))
            return 1;
        auto stamper = EvidenceBundle::localStamper(*c->store);
        if (!stamper)
            return 1;
        QElapsedTimer timer;
        timer.start();
        auto data = DossierCollector(*c->store).collect(c->employee, {}, {});
        if (!data)
            return 1;
        const qint64 collectMs = timer.elapsed();
        const QByteArray pdf = DossierPdf::render(*data);
        const qint64 pdfMs = timer.elapsed() - collectMs;
        const Status s = EvidenceBundle::write(*c->store, *data, pdf,
                                               dir.filePath(QStringLiteral("bundle")), *stamper);
        const double seconds = timer.elapsed() / 1000.0;
        out << "dossier_collect_ms: " << collectMs << " ms" << Qt::endl;
        out << "dossier_pdf_ms: " << pdfMs << " ms" << Qt::endl;
        if (!s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
            return 1;
        }
        out << "dossier_items: " << data->itemCount() << " items" << Qt::endl;
        out << "dossier_pdf_kb: " << pdf.size() / 1024 << " KB" << Qt::endl;
        out << "dossier_export_seconds: " << QString::number(seconds, 'f', 2) << " s" << Qt::endl;
    }
    return 0;
}
