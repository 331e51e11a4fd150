// Text for the search index (core/search/textsegmenter): Chinese cut into
// words by ICU and into bigrams, Western words case-folded, and FTS5 MATCH
// expressions that find two-character words inside sentences and never fail
// to parse, checked against a real SQLite FTS5 table.
#include "search/textsegmenter.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace baton::search;

namespace {

QStringList tokens(const QString &spaced)
{
    return spaced.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// Whether the tokens hold only what FTS5 may read as one token each.
bool wellFormed(const QString &spaced)
{
    if (spaced.startsWith(u' ') || spaced.endsWith(u' ') || spaced.contains(QLatin1String("  ")))
        return false;
    return !spaced.contains(u'"');
}

const QStringList Documents = {
    QStringLiteral("请把劳动合同发给客户张伟"),             // 1
    QStringLiteral("结合同时进行"),                         // 2
    QStringLiteral("劳动合同书已经签好了"),                 // 3
    QStringLiteral("Meeting with ACME about the Contract"), // 4
    QStringLiteral("Ｑ３报告：营收１２３４万"),             // 5
    QStringLiteral("客户说Qt6很好用"),                      // 6
    QStringLiteral("张伟明天入职"),                         // 7
};

} // namespace

class TestTextSegmenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void segmentsChineseSentences();
    void segmentsMixedText();
    void foldsWidthAndCase();
    void buildsQuotedExpressions();
    void capsQueryTerms();
    void findsTwoCharacterWords_data();
    void findsTwoCharacterWords();
    void wordsAreNotSubstrings();
    void gramsFindSubstrings();
    void hostileQueriesAreValidFts5_data();
    void hostileQueriesAreValidFts5();

private:
    QList<qint64> match(const QString &expression);
    QSqlDatabase m_db;
    QString m_lastError;
};

void TestTextSegmenter::initTestCase()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fts"));
    m_db.setDatabaseName(QStringLiteral(":memory:"));
    QVERIFY2(m_db.open(), qPrintable(m_db.lastError().text()));
    QSqlQuery q(m_db);
    QVERIFY2(q.exec(QStringLiteral("CREATE VIRTUAL TABLE t USING fts5(words, grams, "
                                   "tokenize='unicode61 remove_diacritics 2')")),
             qPrintable(q.lastError().text()));
    QVERIFY(q.prepare(QStringLiteral("INSERT INTO t(rowid, words, grams) VALUES (?, ?, ?)")));
    for (qsizetype i = 0; i < Documents.size(); ++i) {
        const IndexText text = segmentForIndex(Documents.at(i));
        q.addBindValue(i + 1);
        q.addBindValue(text.words);
        q.addBindValue(text.grams);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    }
}

void TestTextSegmenter::cleanupTestCase()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("fts"));
}

QList<qint64> TestTextSegmenter::match(const QString &expression)
{
    QList<qint64> rows;
    m_lastError.clear();
    if (expression.isEmpty())
        return rows;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid"));
    q.addBindValue(expression);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return rows;
    }
    while (q.next())
        rows.append(q.value(0).toLongLong());
    return rows;
}

void TestTextSegmenter::segmentsChineseSentences()
{
    const IndexText t = segmentForIndex(u"请把劳动合同发给客户张伟");
    QVERIFY2(wellFormed(t.words) && wellFormed(t.grams), qPrintable(t.words));
    const QStringList words = tokens(t.words);
    QVERIFY2(words.contains(QStringLiteral("合同")) || words.contains(QStringLiteral("劳动合同")),
             qPrintable(t.words));
    QVERIFY2(words.contains(QStringLiteral("客户")), qPrintable(t.words));
    // Every two-character piece, in order.
    QCOMPARE(t.grams, QStringLiteral("请把 把劳 劳动 动合 合同 同发 发给 给客 客户 户张 张伟"));

    // Punctuation and spaces are no tokens; a one-character run is one gram.
    const IndexText p = segmentForIndex(u"好。  你好，世界！“合同”");
    QCOMPARE(p.grams, QStringLiteral("好 你好 世界 合同"));
    QVERIFY2(wellFormed(p.words), qPrintable(p.words));
    for (const QString &w : tokens(p.words))
        QVERIFY2(!w.contains(u'，') && !w.contains(u'“'), qPrintable(p.words));

    // A variation selector on a character changes nothing; marks alone
    // make no token.
    QCOMPARE(segmentForIndex(u"合\uFE00同").grams, QStringLiteral("合同"));
    QCOMPARE(segmentForIndex(u"\u0301\u0301 x").words, QStringLiteral("x"));
    QCOMPARE(segmentForIndex(u"").words, QString());
    QCOMPARE(segmentForIndex(u" ，。😀 ").grams, QString());
}

void TestTextSegmenter::segmentsMixedText()
{
    const IndexText t = segmentForIndex(u"用Qt6开发HR系统, see README.md");
    QCOMPARE(t.grams, QStringLiteral("用 qt6 开发 hr 系统 see readme md"));
    const QStringList words = tokens(t.words);
    for (const char *w : {"qt6", "hr", "see", "readme", "md"})
        QVERIFY2(words.contains(QLatin1String(w)), qPrintable(t.words));
    QVERIFY2(wellFormed(t.words), qPrintable(t.words));

    // Japanese kana count as the Chinese runs do.
    const IndexText j = segmentForIndex(u"コーヒーを飲む");
    QVERIFY2(j.grams.startsWith(QStringLiteral("コー ーヒ ヒー")), qPrintable(j.grams));
}

void TestTextSegmenter::foldsWidthAndCase()
{
    QCOMPARE(segmentForIndex(u"ＡＢＣ１２３ ｄｅｆ").words, QStringLiteral("abc123 def"));
    QCOMPARE(segmentForIndex(u"电话：０１２３４５").grams, QStringLiteral("电话 012345"));
    QCOMPARE(segmentForIndex(u"HELLO World ÉTÉ").words, QStringLiteral("hello world été"));
    QCOMPARE(wordsExpression(u"ＨＥＬＬＯ"), QStringLiteral("words : (\"hello\")"));
}

void TestTextSegmenter::buildsQuotedExpressions()
{
    QCOMPARE(wordsExpression(u"Contract ACME"),
             QStringLiteral("words : (\"contract\" AND \"acme\")"));
    QCOMPARE(gramsExpression(u"Contract"), QStringLiteral("grams : (\"contract\")"));
    // Several tokens in one term make a phrase.
    QCOMPARE(wordsExpression(u"e-mail"), QStringLiteral("words : (\"e mail\")"));
    QCOMPARE(gramsExpression(u"合同书"), QStringLiteral("grams : (\"合同 同书\")"));
    // 合同 张伟: the shape is fixed, the cut of 张伟 is ICU's.
    const QString both = wordsExpression(u"合同　张伟"); // an ideographic space
    QVERIFY2(both.startsWith(QStringLiteral("words : (\"合同\" AND \"张")), qPrintable(both));
    QVERIFY2(both.endsWith(QStringLiteral("伟\")")), qPrintable(both));
    // Any white space separates terms.
    QCOMPARE(wordsExpression(u"Contract\tACME\n"),
             QStringLiteral("words : (\"contract\" AND \"acme\")"));
    // A lone Chinese character matches the grams it starts.
    QCOMPARE(gramsExpression(u"张"), QStringLiteral("grams : (\"张\" *)"));
    QCOMPARE(gramsExpression(u"合同"), QStringLiteral("grams : (\"合同\")"));
    QCOMPARE(gramsExpression(u"𠀀"), QStringLiteral("grams : (\"𠀀\" *)")); // beyond the BMP
    // Nothing searchable, nothing to match.
    QCOMPARE(wordsExpression(u""), QString());
    QCOMPARE(wordsExpression(u"  \"()*:^- "), QString());
    QCOMPARE(gramsExpression(u"。，😀"), QString());
    // User syntax is only text.
    QCOMPARE(wordsExpression(u"a OR b NOT c"),
             QStringLiteral("words : (\"a\" AND \"or\" AND \"b\" AND \"not\" AND \"c\")"));
    QCOMPARE(wordsExpression(u"\"x\" AND x"), QStringLiteral("words : (\"x\" AND \"and\")"));
}

void TestTextSegmenter::capsQueryTerms()
{
    QStringList terms;
    for (int i = 0; i < 200; ++i)
        terms.append(QStringLiteral("w%1").arg(i));
    const QString expr = wordsExpression(terms.join(u' '));
    QCOMPARE(expr.count(QLatin1String(" AND ")), 63);
    QVERIFY(match(expr).isEmpty());
    QVERIFY2(m_lastError.isEmpty(), qPrintable(m_lastError));
}

void TestTextSegmenter::findsTwoCharacterWords_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QList<qint64>>("rows");
    QTest::newRow("合同") << QStringLiteral("合同") << QList<qint64>{1};
    QTest::newRow("客户") << QStringLiteral("客户") << QList<qint64>{1, 6};
    QTest::newRow("张伟") << QStringLiteral("张伟") << QList<qint64>{1, 7};
    QTest::newRow("合同 张伟") << QStringLiteral("合同 张伟") << QList<qint64>{1};
    QTest::newRow("客户 qt6") << QStringLiteral("客户 QT6") << QList<qint64>{6};
    QTest::newRow("contract") << QStringLiteral("contract") << QList<qint64>{4};
    QTest::newRow("CONTRACT acme") << QStringLiteral("CONTRACT acme") << QList<qint64>{4};
    QTest::newRow("full-width q3") << QStringLiteral("q3") << QList<qint64>{5};
    QTest::newRow("1234") << QStringLiteral("１２３４") << QList<qint64>{5};
    QTest::newRow("nothing") << QStringLiteral("合同 acme") << QList<qint64>{};
}

void TestTextSegmenter::findsTwoCharacterWords()
{
    QFETCH(QString, query);
    QFETCH(QList<qint64>, rows);
    const QList<qint64> found = match(wordsExpression(query));
    QVERIFY2(m_lastError.isEmpty(), qPrintable(m_lastError));
    // 劳动合同书 (document 3) may hold 合同 as a word or not: ICU's choice.
    QList<qint64> withoutThree = found;
    withoutThree.removeAll(3);
    QCOMPARE(withoutThree, rows);
}

void TestTextSegmenter::wordsAreNotSubstrings()
{
    // 结合同时进行 holds 合同 as characters, not as a word.
    QVERIFY(!match(wordsExpression(u"合同")).contains(2));
    QVERIFY(match(wordsExpression(u"结合")).contains(2));
    // The grams do hold it: that is what the fallback is for.
    QVERIFY(match(gramsExpression(u"合同")).contains(2));
    QVERIFY2(m_lastError.isEmpty(), qPrintable(m_lastError));
}

void TestTextSegmenter::gramsFindSubstrings()
{
    QCOMPARE(match(gramsExpression(u"合同书")), QList<qint64>{3});
    QCOMPARE(match(gramsExpression(u"劳动合同")), (QList<qint64>{1, 3}));
    QCOMPARE(match(gramsExpression(u"同时进")), QList<qint64>{2});
    QCOMPARE(match(gramsExpression(u"张")), (QList<qint64>{1, 7}));
    QCOMPARE(match(gramsExpression(u"contract 合同书")), QList<qint64>{});
    QCOMPARE(match(gramsExpression(u"ACME")), QList<qint64>{4});
    QVERIFY2(m_lastError.isEmpty(), qPrintable(m_lastError));
}

void TestTextSegmenter::hostileQueriesAreValidFts5_data()
{
    QTest::addColumn<QString>("query");
    const QStringList queries = {
        QString(),
        QStringLiteral(" "),
        QStringLiteral("\""),
        QStringLiteral("\"\""),
        QStringLiteral("\"合同"),
        QStringLiteral("合同\""),
        QStringLiteral("a\"b"),
        QStringLiteral("("),
        QStringLiteral(")"),
        QStringLiteral("()"),
        QStringLiteral("(合同"),
        QStringLiteral("NEAR"),
        QStringLiteral("NEAR(合同 客户)"),
        QStringLiteral("NEAR/3"),
        QStringLiteral("合同 NEAR 客户"),
        QStringLiteral("*"),
        QStringLiteral("合同*"),
        QStringLiteral("a*b"),
        QStringLiteral("-"),
        QStringLiteral("-合同"),
        QStringLiteral("^"),
        QStringLiteral("^合同"),
        QStringLiteral(":"),
        QStringLiteral("words:合同"),
        QStringLiteral("grams : x"),
        QStringLiteral("{words}: a"),
        QStringLiteral("AND"),
        QStringLiteral("OR"),
        QStringLiteral("NOT"),
        QStringLiteral("合同 OR"),
        QStringLiteral("AND AND"),
        QStringLiteral("+"),
        QStringLiteral("'"),
        QStringLiteral("';DROP TABLE t;--"),
        QStringLiteral("😀"),
        QStringLiteral("👨‍👩‍👧 合同"),
        QStringLiteral("。，！"),
        QStringLiteral("\t\n\r"),
        QStringLiteral("　"),
        QString(QChar(0)) + QStringLiteral("合同"),
        QString(QChar(0xD800)) + QStringLiteral("x") + QChar(0xDFFF),
        QStringLiteral("\u0301\u0301"),
        QStringLiteral("e\u0301"),
        QStringLiteral("%_\\"),
        QString(5000, u'合'),
        QString(3000, u'"'),
    };
    for (const QString &q : queries)
        QTest::newRow(qPrintable(q.left(20))) << q;
}

void TestTextSegmenter::hostileQueriesAreValidFts5()
{
    // The check can fail: FTS5 does reject what it cannot parse.
    match(QStringLiteral("words : (\"a\" AND"));
    QVERIFY(!m_lastError.isEmpty());

    QFETCH(QString, query);
    for (const QString &expr : {wordsExpression(query), gramsExpression(query)}) {
        QCOMPARE(expr.count(u'"') % 2, 0);
        match(expr);
        QVERIFY2(m_lastError.isEmpty(), qPrintable(expr + QLatin1String(": ") + m_lastError));
    }
    // As a document, too.
    const IndexText t = segmentForIndex(query);
    QVERIFY(wellFormed(t.words) && wellFormed(t.grams));
}

QTEST_GUILESS_MAIN(TestTextSegmenter)
#include "tst_textsegmenter.moc"
