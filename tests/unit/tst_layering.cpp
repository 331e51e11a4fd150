// core/ is the library the server runs too: it may use QtCore, QtSql,
// QtNetwork and OpenSSL, never a GUI module. This test reads every file
// under core/ and fails naming the file and line that includes a header of
// QtGui, QtWidgets, QtCharts, QtPrintSupport or QtSvg.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

#ifndef BATON_SOURCE_DIR
#error "BATON_SOURCE_DIR must name the source tree (tests/unit/CMakeLists.txt)"
#endif

namespace {

const QStringList &guiModules()
{
    static const QStringList modules = {
        QStringLiteral("QtGui"),    QStringLiteral("QtWidgets"),
        QStringLiteral("QtCharts"), QStringLiteral("QtPrintSupport"),
        QStringLiteral("QtSvg"),    QStringLiteral("QtSvgWidgets"),
        QStringLiteral("QtOpenGL"), QStringLiteral("QtQuick")};
    return modules;
}

// Header names that belong to GUI modules: every file in those modules'
// include folders (QWidget, QPainter, qpixmap.h, ...), plus a fixed list in
// case the folders are not where QLibraryInfo says (framework builds).
QSet<QString> forbiddenHeaders()
{
    QSet<QString> names = {QStringLiteral("QWidget"),       QStringLiteral("QDialog"),
                           QStringLiteral("QApplication"),  QStringLiteral("QGuiApplication"),
                           QStringLiteral("QMainWindow"),   QStringLiteral("QMessageBox"),
                           QStringLiteral("QPainter"),      QStringLiteral("QPixmap"),
                           QStringLiteral("QImage"),        QStringLiteral("QIcon"),
                           QStringLiteral("QColor"),        QStringLiteral("QFont"),
                           QStringLiteral("QAction"),       QStringLiteral("QClipboard"),
                           QStringLiteral("QPrinter"),      QStringLiteral("QChart"),
                           QStringLiteral("QChartView"),    QStringLiteral("QSvgRenderer"),
                           QStringLiteral("QTableView"),    QStringLiteral("QStandardItemModel"),
                           QStringLiteral("QTextDocument"), QStringLiteral("QPdfWriter"),
                           QStringLiteral("QScreen")};
    const QString headers = QLibraryInfo::path(QLibraryInfo::HeadersPath);
    for (const QString &module : guiModules()) {
        QDir dir(headers + QLatin1Char('/') + module);
        const auto entries = dir.entryList(QDir::Files);
        for (const QString &e : entries)
            names.insert(e);
    }
    return names;
}

struct Violation
{
    int line;
    QString header;
};

// The scanner, separate from the file walk so that it can be checked on
// known input.
QList<Violation> scan(const QString &text, const QSet<QString> &forbidden)
{
    static const QRegularExpression include(
        QStringLiteral("^\\s*#\\s*(?:include|import)\\s*[<\"]([^>\"]+)[>\"]"));
    QList<Violation> out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto m = include.match(lines[i]);
        if (!m.hasMatch())
            continue;
        const QString header = m.captured(1);
        const QString module = header.section(QLatin1Char('/'), 0, 0);
        const QString name = header.section(QLatin1Char('/'), -1);
        const bool viaModule = header.contains(QLatin1Char('/')) && guiModules().contains(module);
        const bool bareModule = guiModules().contains(header);
        const bool byName = !header.contains(QLatin1Char('/')) && forbidden.contains(name);
        if (viaModule || bareModule || byName)
            out.append({int(i) + 1, header});
    }
    return out;
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scannerCatchesGuiIncludes_data();
    void scannerCatchesGuiIncludes();
    void coreIncludesNoGuiHeaders();
    void coreLinksNoGuiModule();
};

void TestLayering::scannerCatchesGuiIncludes_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("forbidden");
    QTest::newRow("QWidget") << QStringLiteral("#include <QWidget>") << true;
    QTest::newRow("spaces") << QStringLiteral("  #  include   <QDialog>") << true;
    QTest::newRow("module path") << QStringLiteral("#include <QtWidgets/QTreeView>") << true;
    QTest::newRow("module header") << QStringLiteral("#include <QtWidgets>") << true;
    QTest::newRow("charts") << QStringLiteral("#include <QtCharts/QLineSeries>") << true;
    QTest::newRow("gui private") << QStringLiteral("#include <QtGui/private/qguiapplication_p.h>")
                                 << true;
    QTest::newRow("painter, quoted") << QStringLiteral("#include \"QPainter\"") << true;
    QTest::newRow("lower-case header") << QStringLiteral("#include <qpixmap.h>") << true;
    QTest::newRow("QtCore") << QStringLiteral("#include <QString>") << false;
    QTest::newRow("QtCore path") << QStringLiteral("#include <QtCore/QObject>") << false;
    QTest::newRow("QtSql") << QStringLiteral("#include <QSqlQuery>") << false;
    QTest::newRow("own header") << QStringLiteral("#include \"store/store.h\"") << false;
    QTest::newRow("a comment") << QStringLiteral("// no #include <QWidget> here") << false;
}

void TestLayering::scannerCatchesGuiIncludes()
{
    QFETCH(QString, line);
    QFETCH(bool, forbidden);
    const QList<Violation> v =
        scan(QStringLiteral("#pragma once\n") + line + QLatin1Char('\n'), forbiddenHeaders());
    QCOMPARE(!v.isEmpty(), forbidden);
    if (forbidden)
        QCOMPARE(v.first().line, 2);
}

void TestLayering::coreIncludesNoGuiHeaders()
{
    const QString core = QStringLiteral(BATON_SOURCE_DIR "/core");
    QVERIFY2(QDir(core).exists(), qPrintable(core));
    const QSet<QString> forbidden = forbiddenHeaders();
    QVERIFY2(forbidden.contains(QStringLiteral("QWidget")), "the forbidden list is empty");
    QStringList problems;
    int scanned = 0;
    QDirIterator it(core, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        ++scanned;
        const auto found = scan(QString::fromUtf8(f.readAll()), forbidden);
        for (const Violation &v : found)
            problems << QStringLiteral("%1:%2 includes <%3>")
                            .arg(QDir(QStringLiteral(BATON_SOURCE_DIR)).relativeFilePath(path))
                            .arg(v.line)
                            .arg(v.header);
    }
    QVERIFY2(scanned >= 20, qPrintable(QStringLiteral("only %1 files under core/").arg(scanned)));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

void TestLayering::coreLinksNoGuiModule()
{
    // The CMake side of the same rule: core/CMakeLists.txt links no GUI module.
    QFile f(QStringLiteral(BATON_SOURCE_DIR "/core/CMakeLists.txt"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString cmake = QString::fromUtf8(f.readAll());
    static const QRegularExpression gui(
        QStringLiteral("Qt6?::(Gui|Widgets|Charts|PrintSupport|Svg|SvgWidgets|OpenGL|Quick)\\b"));
    const auto m = gui.match(cmake);
    QVERIFY2(!m.hasMatch(),
             qPrintable(QStringLiteral("core/CMakeLists.txt mentions ") + m.captured(0)));
}

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
