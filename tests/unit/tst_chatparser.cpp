// Chat exports (core/import/chatparser) and the decoding of outside text
// (core/import/textdecoding): WeCom- and DingTalk-style CSV and JSON, in
// UTF-8 with a BOM and in GBK, with odd quoting, bad rows and non-text
// messages. Fixtures are in tests/data/chat.
#include "import/chatparser.h"
#include "import/textdecoding.h"

#include <QFile>
#include <QtTest>

using namespace baton;
using namespace baton::chat;

namespace {

// China Standard Time as a fixed offset, so no tz database is needed.
const QTimeZone Beijing(8 * 3600);

QByteArray fixture(const char *name)
{
    const QString path = QFINDTESTDATA(QStringLiteral("../data/chat/") + QLatin1String(name));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

QList<int> problemLines(const Export &e)
{
    QList<int> lines;
    for (const Problem &p : e.problems)
        lines.append(p.line);
    return lines;
}

QString problemAt(const Export &e, int line)
{
    for (const Problem &p : e.problems) {
        if (p.line == line)
            return p.message;
    }
    return {};
}

std::optional<qint64> csvTime(const QString &time, const QTimeZone &zone = QTimeZone::utc())
{
    const QString csv = QStringLiteral("time,sender,content\n") + time + QStringLiteral(",a,b\n");
    QString error;
    const auto e = parseCsv(csv.toUtf8(), zone, &error);
    if (!e || e->messages.size() != 1)
        return std::nullopt;
    return e->messages.first().timeMs;
}

} // namespace

class TestChatParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesByBomUtf8AndGb18030();
    void decodesNamedCharsets();
    void readsWeComCsvWithBomAndOddQuoting();
    void readsDingTalkCsvInGbk();
    void namesColumnsWhenTheyAreWrong();
    void reportsBadRowsAndImportsTheRest();
    void readsTimeFormats_data();
    void readsTimeFormats();
    void readsTabAndSemicolonSeparatedCsv();
    void findsHeaderBelowTitleAndSplitDateTime();
    void reportsUnclosedQuote();
    void failsOnUnusableFiles();
    void readsJsonObjectShape();
    void readsJsonArrayShape();
    void readsOtherJsonContainers();
    void sameMessageInTwoExportsHasSameHash();
    void picksFormatByNameOrContent();
};

void TestChatParser::decodesByBomUtf8AndGb18030()
{
    const QString hello = QStringLiteral("你好, Baton");
    QString encoding;
    QCOMPARE(decodeText("\xEF\xBB\xBF" + hello.toUtf8(), &encoding), hello);
    QCOMPARE(encoding, QStringLiteral("UTF-8"));

    QByteArray le("\xFF\xFE"), be("\xFE\xFF");
    for (const QChar c : hello) {
        const char low = char(c.unicode() & 0xFF), high = char(c.unicode() >> 8);
        le.append(low).append(high);
        be.append(high).append(low);
    }
    QCOMPARE(decodeText(le, &encoding), hello);
    QCOMPARE(encoding, QStringLiteral("UTF-16LE"));
    QCOMPARE(decodeText(be, &encoding), hello);
    QCOMPARE(encoding, QStringLiteral("UTF-16BE"));
    QVERIFY(!decodeText(le.left(le.size() - 1)));                    // a UTF-16 unit cut in half
    QVERIFY(!decodeText(QByteArray("\xFF\xFE\x00\xD8\x41\x00", 6))); // a lone surrogate

    QCOMPARE(decodeText(hello.toUtf8(), &encoding), hello);
    QCOMPARE(encoding, QStringLiteral("UTF-8"));
    QCOMPARE(decodeText(QByteArray(), &encoding), QString());

    // 你好 in GBK is not UTF-8: read as GB18030.
    QCOMPARE(decodeText(QByteArray("\xC4\xE3\xBA\xC3"), &encoding), QStringLiteral("你好"));
    QCOMPARE(encoding, QStringLiteral("GB18030"));

    // Neither UTF-8 nor GB18030 (0xFF never starts a GB18030 character).
    encoding.clear();
    QVERIFY(!decodeText(QByteArray("abc\xFF")));
    QVERIFY(!decodeText(QByteArray("\xC4"), &encoding)); // a GBK character cut off
    QVERIFY(encoding.isEmpty());
}

void TestChatParser::decodesNamedCharsets()
{
    QCOMPARE(decodeCharset("\xC4\xE3\xBA\xC3", "GBK"), QStringLiteral("你好"));
    QCOMPARE(decodeCharset("\xA4\xA4\xA4\xE5", "Big5"), QStringLiteral("中文"));
    QCOMPARE(decodeCharset("caf\xE9", "ISO-8859-1"), QStringLiteral("café"));
    QCOMPARE(decodeCharset("\x82\xA0", "Shift_JIS"), QStringLiteral("あ"));
    QCOMPARE(decodeCharset("", "GBK"), QString());
    QVERIFY(!decodeCharset("abc", "no-such-charset"));
    QVERIFY(!decodeCharset("abc", ""));
    QVERIFY(!decodeCharset("\xC4", "GBK"));       // truncated
    QVERIFY(!decodeCharset("a\x81\x20", "GBK"));  // illegal
    QVERIFY(!decodeCharset("\xE4\xBD", "UTF-8")); // truncated
    QVERIFY(!decodeCharset("\xC0\xAF", "UTF-8")); // overlong
}

void TestChatParser::readsWeComCsvWithBomAndOddQuoting()
{
    QString error;
    const auto e = parseCsv(fixture("wecom.csv"), Beijing, &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->encoding, QStringLiteral("UTF-8"));
    QCOMPARE(e->messages.size(), 5);

    const Message &first = e->messages.at(0);
    QCOMPARE(first.line, 2);
    QCOMPARE(first.timeMs, Q_INT64_C(1709273100000)); // 14:05 in Beijing, 06:05 UTC
    QCOMPARE(first.sender, QStringLiteral("张伟"));
    QCOMPARE(first.conversation, QStringLiteral("人事部"));
    QCOMPARE(first.text, QStringLiteral("请把劳动合同发给客户"));
    QCOMPARE(first.contentHash.size(), 64);

    QCOMPARE(e->messages.at(1).text, QStringLiteral("好的,马上发"));
    QCOMPARE(e->messages.at(1).timeMs, Q_INT64_C(1709273190000));
    QCOMPARE(e->messages.at(2).text, QStringLiteral("他说:\"下周一入职\",请确认"));
    const Message &multi = e->messages.at(3);
    QCOMPARE(multi.line, 5);
    QCOMPARE(multi.text, QStringLiteral("第一行\n第二行,带逗号\n第三行"));
    const Message &last = e->messages.at(4);
    QCOMPARE(last.line, 10); // counted after the three lines of the one before
    QCOMPARE(last.sender, QStringLiteral("赵强"));
    QCOMPARE(last.timeMs, Q_INT64_C(1709273460000));

    // The picture (no text, type 图片) and the empty text message.
    QCOMPARE(problemLines(*e), QList<int>({8, 9}));
    QVERIFY2(problemAt(*e, 8).contains(QLatin1String("not text")), qPrintable(problemAt(*e, 8)));
    QVERIFY(problemAt(*e, 8).contains(QStringLiteral("图片")));
    QVERIFY2(problemAt(*e, 9).contains(QLatin1String("no text")), qPrintable(problemAt(*e, 9)));
}

void TestChatParser::readsDingTalkCsvInGbk()
{
    const QByteArray bytes = fixture("dingtalk_gbk.csv");
    QVERIFY(!decodeCharset(bytes, "UTF-8")); // really GBK
    QString error;
    const auto e = parseCsv(bytes, Beijing, &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->encoding, QStringLiteral("GB18030"));
    QVERIFY(e->problems.isEmpty());
    QCOMPARE(e->messages.size(), 3);
    QCOMPARE(e->messages.at(0).timeMs, Q_INT64_C(1709254800000)); // 2024年3月1日 09:00
    QCOMPARE(e->messages.at(0).sender, QStringLiteral("陈静"));
    QCOMPARE(e->messages.at(0).conversation, QStringLiteral("招聘群"));
    QCOMPARE(e->messages.at(0).text, QStringLiteral("明天面试三位候选人"));
    QCOMPARE(e->messages.at(1).timeMs, Q_INT64_C(1709254875000));
    QCOMPARE(e->messages.at(1).text, QStringLiteral("收到,我来安排会议室"));
    QCOMPARE(e->messages.at(2).timeMs, Q_INT64_C(1709375400000));
    QCOMPARE(e->messages.at(2).text, QStringLiteral("薪资范围：１５Ｋ－２０Ｋ"));
    QCOMPARE(e->messages.at(2).line, 4);
}

void TestChatParser::namesColumnsWhenTheyAreWrong()
{
    QString error;
    QVERIFY(!parseCsv(fixture("wrong_columns.csv"), Beijing, &error));
    // The columns found, and the ones expected.
    for (const QString &part :
         {QStringLiteral("编号"), QStringLiteral("用户名"), QStringLiteral("备注"),
          QStringLiteral("time"), QStringLiteral("sender"), QStringLiteral("content")})
        QVERIFY2(error.contains(part), qPrintable(error));

    // Only what is missing is named as missing.
    QVERIFY(!parseCsv("Time,Body Text\n1709273100,hi\n", Beijing, &error));
    QVERIFY2(error.contains(QLatin1String("sender")), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("time (")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("\"Body Text\"")), qPrintable(error));
}

void TestChatParser::reportsBadRowsAndImportsTheRest()
{
    QString error;
    const auto e = parseCsv(fixture("bad_times.csv"), Beijing, &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->messages.size(), 2);
    QCOMPARE(e->messages.at(0).sender, QStringLiteral("Alice"));
    QCOMPARE(e->messages.at(0).timeMs, Q_INT64_C(1709273100000));
    QCOMPARE(e->messages.at(1).sender, QStringLiteral("Eve"));
    QCOMPARE(e->messages.at(1).line, 10);
    QCOMPARE(e->messages.at(1).timeMs, Q_INT64_C(1709273280000));

    QCOMPARE(problemLines(*e), QList<int>({3, 4, 5, 6, 7, 8}));
    QVERIFY(problemAt(*e, 3).contains(QStringLiteral("“yesterday” could not be read")));
    QVERIFY(problemAt(*e, 4).contains(QLatin1String("2024-02-30")));
    QVERIFY(problemAt(*e, 5).contains(QLatin1String("could not be read")));
    QVERIFY(problemAt(*e, 6).contains(QLatin1String("no sender")));
    QVERIFY(problemAt(*e, 7).contains(QLatin1String("no text")));
    QVERIFY(problemAt(*e, 8).contains(QLatin1String("no time")));
}

void TestChatParser::readsTimeFormats_data()
{
    QTest::addColumn<QString>("time");
    QTest::addColumn<qint64>("expected");      // -1: not readable
    const qint64 t = Q_INT64_C(1709273100000); // 2024-03-01T06:05:00Z
    QTest::newRow("dashes, seconds") << QStringLiteral("2024-03-01 06:05:00") << t;
    QTest::newRow("dashes, minutes") << QStringLiteral("2024-03-01 06:05") << t;
    QTest::newRow("slashes") << QStringLiteral("2024/03/01 06:05:00") << t;
    QTest::newRow("slashes, short") << QStringLiteral("2024/3/1 6:05") << t;
    QTest::newRow("年月日") << QStringLiteral("2024年3月1日 06:05") << t;
    QTest::newRow("年月日, no space") << QStringLiteral("2024年3月1日06:05:00") << t;
    QTest::newRow("ISO Z") << QStringLiteral("2024-03-01T06:05:00Z") << t;
    QTest::newRow("ISO ms") << QStringLiteral("2024-03-01T06:05:00.250Z") << t + 250;
    QTest::newRow("ISO +08:00") << QStringLiteral("2024-03-01T14:05:00+08:00") << t;
    QTest::newRow("ISO +0800") << QStringLiteral("2024-03-01T14:05:00+0800") << t;
    QTest::newRow("ISO -05:00") << QStringLiteral("2024-03-01T01:05:00-05:00") << t;
    QTest::newRow("ISO local") << QStringLiteral("2024-03-01T06:05:00") << t;
    QTest::newRow("unix s") << QStringLiteral("1709273100") << t;
    QTest::newRow("unix ms") << QStringLiteral("1709273100250") << t + 250;
    QTest::newRow("spaces") << QStringLiteral("  2024-03-01 06:05  ") << t;
    QTest::newRow("9 digits") << QStringLiteral("170927310") << qint64(-1);
    QTest::newRow("date only") << QStringLiteral("2024-03-01") << qint64(-1);
    QTest::newRow("time only") << QStringLiteral("06:05") << qint64(-1);
    QTest::newRow("month 13") << QStringLiteral("2024-13-01 06:05") << qint64(-1);
    QTest::newRow("zone +15") << QStringLiteral("2024-03-01T06:05:00+15:00") << qint64(-1);
    QTest::newRow("words") << QStringLiteral("March 1, 2024") << qint64(-1);
}

void TestChatParser::readsTimeFormats()
{
    QFETCH(QString, time);
    QFETCH(qint64, expected);
    const auto ms = csvTime(time);
    if (expected < 0)
        QVERIFY(!ms);
    else
        QCOMPARE(ms.value_or(-1), expected);
    // Local times are read in the zone given; times with a zone are not.
    const bool local = expected > 0 && !time.contains(u'Z') && !time.contains(u'+')
                       && !time.endsWith(QLatin1String("-05:00")) && time.contains(u':');
    QCOMPARE(csvTime(time, Beijing).value_or(-1), local ? expected - 8 * 3600 * 1000 : expected);
}

void TestChatParser::readsTabAndSemicolonSeparatedCsv()
{
    QString error;
    auto e = parseCsv("时间\t发送人\t内容\n2024-03-01 06:05\t张伟\t你好;世界,逗号\n",
                      QTimeZone::utc(), &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->messages.size(), 1);
    QCOMPARE(e->messages.first().text, QStringLiteral("你好;世界,逗号"));

    e = parseCsv("TIME;Sender;Text\r\n2024-03-01 06:05;Bob;\"a;b, c\"\r\n", QTimeZone::utc(),
                 &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->messages.size(), 1);
    QCOMPARE(e->messages.first().sender, QStringLiteral("Bob"));
    QCOMPARE(e->messages.first().text, QStringLiteral("a;b, c"));
}

void TestChatParser::findsHeaderBelowTitleAndSplitDateTime()
{
    QString error;
    const auto e =
        parseCsv("聊天记录导出,,,\n\n日期,时间,发送人,内容\n2024-03-01,06:05:00,张伟,好\n",
                 QTimeZone::utc(), &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->messages.size(), 1);
    QCOMPARE(e->messages.first().timeMs, Q_INT64_C(1709273100000));
    QCOMPARE(e->messages.first().line, 4);

    // A title without separators above a tab-separated header.
    const auto tab = parseCsv("企业微信会话存档\n发送时间\t发送者\t消息内容\n"
                              "2024-03-01 06:05\t张伟\t好,的\n",
                              QTimeZone::utc(), &error);
    QVERIFY2(tab, qPrintable(error));
    QCOMPARE(tab->messages.size(), 1);
    QCOMPARE(tab->messages.first().text, QStringLiteral("好,的"));
}

void TestChatParser::reportsUnclosedQuote()
{
    QString error;
    const auto e = parseCsv("time,sender,content\n2024-03-01 06:05,a,ok\n"
                            "2024-03-01 06:06,b,\"open\n2024-03-01 06:07,c,d\n",
                            QTimeZone::utc(), &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->messages.size(), 1);
    QCOMPARE(problemLines(*e), QList<int>({3}));
    QVERIFY(problemAt(*e, 3).contains(QLatin1String("never closed")));
}

void TestChatParser::failsOnUnusableFiles()
{
    QString error;
    QVERIFY(!parseCsv(QByteArray(), QTimeZone::utc(), &error));
    QVERIFY2(error.contains(QLatin1String("empty")), qPrintable(error));
    QVERIFY(!parseCsv("\xEF\xBB\xBF\r\n\r\n", QTimeZone::utc(), &error));
    QVERIFY(!parseCsv("time,sender,content\n\xFF\xFF\n", QTimeZone::utc(), &error));
    QVERIFY2(error.contains(QLatin1String("GB18030")), qPrintable(error));
    QVERIFY(!parseJson("time,sender\n", QTimeZone::utc(), &error));
    QVERIFY2(error.contains(QLatin1String("not valid JSON")), qPrintable(error));
    QVERIFY(!parseJson("{\"foo\": [1]}", QTimeZone::utc(), &error));
    QVERIFY2(error.contains(QLatin1String("messages")), qPrintable(error));
    QVERIFY(!parseJson("{\"messages\": {}}", QTimeZone::utc(), &error));

    // A header and nothing else is an empty export, not an error.
    const auto e = parseCsv("time,sender,content\n", QTimeZone::utc(), &error);
    QVERIFY(e && e->messages.isEmpty() && e->problems.isEmpty());
}

void TestChatParser::readsJsonObjectShape()
{
    QString error;
    const auto e = parseJson(fixture("wecom_archive.json"), Beijing, &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->messages.size(), 2);
    const Message &first = e->messages.at(0);
    QCOMPARE(first.line, 1);
    QCOMPARE(first.timeMs, Q_INT64_C(1709273100123)); // msgtime in ms
    QCOMPARE(first.sender, QStringLiteral("张伟"));
    QCOMPARE(first.conversation, QStringLiteral("人事部"));
    QCOMPARE(first.text, QStringLiteral("请把劳动合同发给客户"));
    QCOMPARE(e->messages.at(1).timeMs, Q_INT64_C(1709273460000)); // msgtime in seconds
    QCOMPARE(e->messages.at(1).text, QStringLiteral("第二条消息\n换行"));

    QCOMPARE(problemLines(*e), QList<int>({2, 3, 5, 6}));
    QVERIFY2(problemAt(*e, 2).contains(QLatin1String("not text"))
                 && problemAt(*e, 2).contains(QLatin1String("image")),
             qPrintable(problemAt(*e, 2)));
    QVERIFY(problemAt(*e, 3).contains(QLatin1String("not text")));
    QVERIFY(problemAt(*e, 5).contains(QLatin1String("no sender")));
    QVERIFY(problemAt(*e, 6).contains(QLatin1String("not a message")));
}

void TestChatParser::readsJsonArrayShape()
{
    QString error;
    const auto e = parseJson(fixture("dingtalk.json"), Beijing, &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->encoding, QStringLiteral("UTF-8"));
    QCOMPARE(e->messages.size(), 4);
    QCOMPARE(e->messages.at(0).timeMs, Q_INT64_C(1709254800000));
    QCOMPARE(e->messages.at(0).sender, QStringLiteral("陈静"));
    QCOMPARE(e->messages.at(0).conversation, QStringLiteral("招聘群"));
    QCOMPARE(e->messages.at(0).text, QStringLiteral("明天面试三位候选人")); // content.text
    QCOMPARE(e->messages.at(1).timeMs, Q_INT64_C(1709254875000));
    QCOMPARE(e->messages.at(1).sender, QStringLiteral("刘洋"));               // sender_name
    QCOMPARE(e->messages.at(1).text, QStringLiteral("收到，我来安排会议室")); // message
    QCOMPARE(e->messages.at(2).timeMs, Q_INT64_C(1709283600000));             // digits in a string
    QCOMPARE(e->messages.at(2).text, QStringLiteral("数字字符串时间"));       // text
    QCOMPARE(e->messages.at(3).timeMs, Q_INT64_C(1709375400000));
    QCOMPARE(e->messages.at(3).conversation, QStringLiteral("招聘群")); // group
    QCOMPARE(e->messages.at(3).line, 4);

    QCOMPARE(problemLines(*e), QList<int>({5, 6, 7}));
    QVERIFY(problemAt(*e, 5).contains(QStringLiteral("“not a time” could not be read")));
    QVERIFY(problemAt(*e, 6).contains(QLatin1String("not text")));
    QVERIFY(problemAt(*e, 7).contains(QLatin1String("no text")));
}

void TestChatParser::readsOtherJsonContainers()
{
    const QByteArray message = R"({"time": 1709273100, "from": "a", "content": "x", "roomid": 42})";
    for (const char *key : {"messages", "msgs", "data", "records"}) {
        QString error;
        const auto e =
            parseJson("{\"" + QByteArray(key) + "\": [" + message + "]}", QTimeZone::utc(), &error);
        QVERIFY2(e, qPrintable(error));
        QCOMPARE(e->messages.size(), 1);
        QCOMPARE(e->messages.first().timeMs, Q_INT64_C(1709273100000));
        QCOMPARE(e->messages.first().conversation, QStringLiteral("42"));
    }
    QString error;
    const auto nested =
        parseJson("{\"data\": {\"records\": [" + message + "]}}", QTimeZone::utc(), &error);
    QVERIFY2(nested && nested->messages.size() == 1, qPrintable(error));
    // Numbers out of any sensible range are bad times, not undefined behaviour.
    const auto huge = parseJson(R"([{"time": 1e300, "from": "a", "content": "x"},
                                    {"time": -5, "from": "a", "content": "x"},
                                    {"time": {"s": 1}, "from": "a", "content": "x"}])",
                                QTimeZone::utc(), &error);
    QVERIFY(huge && huge->messages.isEmpty() && huge->problems.size() == 3);
    QVERIFY2(problemAt(*huge, 3).contains(QStringLiteral("“{…}” could not be read")),
             qPrintable(problemAt(*huge, 3)));
}

void TestChatParser::sameMessageInTwoExportsHasSameHash()
{
    QString error;
    const auto csv = parseCsv(fixture("wecom.csv"), Beijing, &error);
    const auto json = parseJson(fixture("wecom_archive.json"), Beijing, &error);
    QVERIFY(csv && json);
    // The same message: the CSV has seconds, the archive milliseconds.
    QCOMPARE(csv->messages.at(0).contentHash, json->messages.at(0).contentHash);
    QVERIFY(csv->messages.at(1).contentHash != json->messages.at(0).contentHash);

    // GBK CSV and UTF-8 JSON, with their own time formats.
    const auto gbk = parseCsv(fixture("dingtalk_gbk.csv"), Beijing, &error);
    const auto ding = parseJson(fixture("dingtalk.json"), Beijing, &error);
    QVERIFY(gbk && ding);
    QCOMPARE(gbk->messages.at(0).contentHash, ding->messages.at(0).contentHash);

    // Every field counts, and no two fields run into each other.
    const auto hashOf = [](const char *row) {
        QString e;
        const auto x =
            parseCsv(QByteArray("time,sender,chat,content\n") + row, QTimeZone::utc(), &e);
        return x && x->messages.size() == 1 ? x->messages.first().contentHash : e;
    };
    const QString base = hashOf("1709273100,a,b,c\n");
    QCOMPARE(hashOf("1709273100999,a,b,c\n"), base);
    QCOMPARE(hashOf("1709273100,a,b,\" c\r\n\"\n"), base);
    QVERIFY(hashOf("1709273101,a,b,c\n") != base);
    QVERIFY(hashOf("1709273100,A,b,c\n") != base);
    QVERIFY(hashOf("1709273100,a,,c\n") != base);
    QVERIFY(hashOf("1709273100,a,b,d\n") != base);
    QVERIFY(hashOf("1709273100,ab,,c\n") != hashOf("1709273100,a,b,c\n"));
}

void TestChatParser::picksFormatByNameOrContent()
{
    QString error;
    const QByteArray json = fixture("dingtalk.json");
    const QByteArray csv = fixture("wecom.csv");
    const auto count = [&](const QByteArray &bytes, const char *name) {
        const auto e = parseFile(bytes, QString::fromUtf8(name), Beijing, &error);
        return e ? e->messages.size() : -1;
    };
    QCOMPARE(count(json, "Export.JSON"), 4);
    QCOMPARE(count(csv, "export.csv"), 5);
    QCOMPARE(count(json, "export.txt"), 4);
    QCOMPARE(count(csv, "export"), 5);
    QVERIFY(!parseFile(csv, QStringLiteral("export.json"), Beijing, &error));
}

QTEST_GUILESS_MAIN(TestChatParser)
#include "tst_chatparser.moc"
