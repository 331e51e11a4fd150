// The email parser (core/import/mailparser) on the fixtures of
// tests/data/mail (made by make_fixtures.py there): decoded headers and
// bodies, attachments, the content hash across .eml and mbox, and the
// problems of broken input while reading goes on.
#include "import/mailparser.h"

#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace baton::mail;

namespace {

// A multipart in a multipart... 100 deep (GMime and the parser give up well before).
QByteArray nestedTooDeeply()
{
    QByteArray raw("From: a@example.cn\nSubject: deep\nMIME-Version: 1.0\n");
    for (int i = 0; i < 100; ++i) {
        const QByteArray b = "b" + QByteArray::number(i);
        raw += "Content-Type: multipart/mixed; boundary=\"" + b + "\"\n\n--" + b + "\n";
    }
    raw += "Content-Type: text/plain\n\ninner\n";
    for (int i = 99; i >= 0; --i)
        raw += "--b" + QByteArray::number(i) + "--\n";
    return raw;
}

QString fixturePath(const char *name)
{
    return QFINDTESTDATA(QStringLiteral("../data/mail/") + QLatin1String(name));
}

QByteArray fixture(const char *name)
{
    QFile file(fixturePath(name));
    if (file.fileName().isEmpty() || !file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

Message parsed(const QByteArray &raw)
{
    QString error;
    const auto m = parseMessage(raw, &error);
    if (!m)
        qWarning("parseMessage failed: %s", qPrintable(error));
    return m.value_or(Message{});
}

qint64 utcMs(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC).toMSecsSinceEpoch();
}

struct Read
{
    QList<MboxReader::Item> items;
    QList<Message> messages;
    QList<Problem> problems;
    qint64 total = 0;
    bool progressOk = true;
};

Read readMbox(const QString &path)
{
    Read r;
    MboxReader reader;
    QString error;
    if (!reader.open(path, &error)) {
        qWarning("open failed: %s", qPrintable(error));
        return r;
    }
    r.total = reader.totalBytes();
    qint64 last = reader.bytesRead();
    while (auto item = reader.next()) {
        // Exactly one of the two, and progress only goes forward.
        if (item->message.has_value() == item->problem.has_value())
            r.progressOk = false;
        if (reader.bytesRead() < last || reader.bytesRead() > r.total)
            r.progressOk = false;
        last = reader.bytesRead();
        if (item->message)
            r.messages.append(*item->message);
        else
            r.problems.append(*item->problem);
        r.items.append(*item);
    }
    if (reader.bytesRead() != r.total)
        r.progressOk = false;
    return r;
}

const QString OnboardingText = QStringLiteral(
    "李四，你好：\n\n欢迎加入公司！附件是《员工手册 2024》，请在入职前阅读并签字确认。"
    "如有问题请随时联系人力资源部。\n\n王小明\n人力资源部");

const QString GbkText = QStringLiteral(
    "张三：\n\n根据公司制度，你的试用期将于三月底结束。请在 3 月 25 日前提交试用期总结。"
    "审批人：朱镕基办公室（测试用的 GBK 字：镕）。\n\n人力资源部");

const QString FromLineText =
    QStringLiteral("Hello all,\n\nFrom the desk of HR: the office is closed on Friday.\n"
                   ">From an earlier note, already quoted.\nRegards");

} // namespace

class TestMailParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void multipartWithAlternativeAndAttachment()
    {
        const Message m = parsed(fixture("onboarding.eml"));
        QCOMPARE(m.messageId, QStringLiteral("20240315093012.4711@mail.example.cn"));
        // Two adjacent RFC 2047 words: the folding space between them is not text.
        QCOMPARE(m.subject, QStringLiteral("入职材料 — 请查收"));
        QCOMPARE(m.from, QStringLiteral("王小明 <wang.xiaoming@example.cn>"));
        QCOMPARE(m.to, QStringList({QStringLiteral("李四 <li.si@example.cn>"),
                                    QStringLiteral("Zhang, San <zhang.san@example.cn>")}));
        QCOMPARE(m.cc, QStringList{QStringLiteral("hr-archive@example.cn")});
        QCOMPARE(m.dateMs, utcMs(2024, 3, 15, 1, 30, 12));
        // The text/plain alternative (quoted-printable, soft line breaks), not the HTML.
        QCOMPARE(m.bodyText, OnboardingText);
        QCOMPARE(m.attachments.size(), 1);
        // RFC 2231 continuation with percent-encoded UTF-8 wins over the RFC 2047 name.
        QCOMPARE(m.attachments[0].fileName, QStringLiteral("员工手册 2024.pdf"));
        QCOMPARE(m.attachments[0].mimeType, QStringLiteral("application/pdf"));
        QCOMPARE(m.attachments[0].content, fixture("onboarding-attachment.pdf"));
        QCOMPARE(m.contentHash.size(), 64);
        QCOMPARE(parsed(fixture("onboarding.eml")).contentHash, m.contentHash);
    }

    void gb2312SubjectAndGbkQuotedPrintableBody()
    {
        const Message m = parsed(fixture("gb2312-notice.eml"));
        QCOMPARE(m.subject, QStringLiteral("关于试用期考核的通知"));
        QCOMPARE(m.from, QStringLiteral("人力资源部 <hr@example.cn>"));
        QCOMPARE(m.to, QStringList{QStringLiteral("张三 <zhang.san@example.cn>")});
        QCOMPARE(m.dateMs, utcMs(2024, 3, 4, 6, 5, 0));
        // 镕 is GBK, not GB2312; its second byte is a literal 'F' in the QP text.
        QCOMPARE(m.bodyText, GbkText);
        QVERIFY(m.attachments.isEmpty());
        // Mailers label GBK text "GB2312": it still reads whole.
        QByteArray mislabelled = fixture("gb2312-notice.eml");
        mislabelled.replace("charset=\"GBK\"", "charset=gb2312");
        QCOMPARE(parsed(mislabelled).bodyText, GbkText);
        // No charset at all: the fallback guesses GB18030 for these bytes.
        mislabelled.replace("; charset=gb2312", "");
        QCOMPARE(parsed(mislabelled).bodyText, GbkText);
    }

    void htmlOnlyBecomesText()
    {
        const Message m = parsed(fixture("html-only.eml"));
        QCOMPARE(m.subject, QStringLiteral("薪酬 review"));
        QCOMPARE(m.dateMs, utcMs(2024, 4, 2, 8, 0, 0));
        QCOMPARE(m.bodyText,
                 QStringLiteral("Salary review & bonus <2024>\n\nLine one\nLine two\nLine three\n"
                                "Name 张三\nGrade P6\n- First\n- Second été\n\n"
                                "5 < 6 && a>b &unknown; \uFFFD end"));
    }

    void noDateAndFromLines()
    {
        const Message m = parsed(fixture("from-line.eml"));
        QCOMPARE(m.dateMs, qint64(0));
        QCOMPARE(m.subject, QStringLiteral("Office closed on Friday"));
        QCOMPARE(m.from, QStringLiteral("HR Desk <hr@example.cn>"));
        QCOMPARE(m.bodyText, FromLineText);
    }

    void sameHashForCrlfAndForAnEmlWithItsFromLine()
    {
        const QByteArray lf = fixture("onboarding.eml");
        QByteArray crlf = lf;
        crlf.replace("\n", "\r\n");
        const Message a = parsed(lf);
        const Message b = parsed(crlf);
        QCOMPARE(b.bodyText, a.bodyText);
        QCOMPARE(b.attachments.value(0).content, a.attachments.value(0).content);
        QCOMPARE(b.contentHash, a.contentHash);
        // Saved out of an mbox: the "From " line and the escaped body lines.
        QByteArray saved = fixture("from-line.eml");
        saved.replace("\nFrom the desk", "\n>From the desk");
        saved.replace("\n>From an earlier", "\n>>From an earlier");
        saved.prepend("From hr@example.cn Tue Apr  2 08:00:00 2024\n");
        const Message c = parsed(saved);
        QCOMPARE(c.bodyText, FromLineText);
        QCOMPARE(c.contentHash, parsed(fixture("from-line.eml")).contentHash);
    }

    void hashFollowsTheContent()
    {
        const QByteArray raw = fixture("onboarding.eml");
        const QString hash = parsed(raw).contentHash;
        QByteArray other = raw;
        other.replace("Date: Fri, 15 Mar 2024 09:30:12", "Date: Fri, 15 Mar 2024 09:30:13");
        QVERIFY(parsed(other).contentHash != hash);
        other = raw;
        other.replace("Cc: hr-archive@", "Cc: hr-archives@");
        QVERIFY(parsed(other).contentHash != hash);
        other = raw; // one byte of the attachment (base64 "JVBERi0x" is "%PDF-1")
        other.replace("JVBERi0x", "JVBERi0y");
        QVERIFY(parsed(other).contentHash != hash);
    }

    void forwardedMessageAndAttachmentNames()
    {
        const QByteArray raw =
            "From: a@example.cn\nTo: b@example.cn\nSubject: Fwd\nMIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; boundary=\"XX\"\n\n"
            "--XX\nContent-Type: text/plain\n\nSee below.\n"
            "--XX\nContent-Type: message/rfc822\n\n"
            "From: c@example.cn\nSubject: Inner note\n\nInner body\n"
            "--XX\nContent-Type: application/octet-stream\n"
            "Content-Disposition: attachment; filename=\"../../etc/passwd\"\n\nroot\n"
            "--XX\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n"
            "--XX--\n";
        const Message m = parsed(raw);
        QCOMPARE(m.bodyText, QStringLiteral("See below."));
        QCOMPARE(m.attachments.size(), 3);
        QCOMPARE(m.attachments[0].fileName, QStringLiteral("Inner note.eml"));
        QCOMPARE(m.attachments[0].mimeType, QStringLiteral("message/rfc822"));
        QVERIFY(m.attachments[0].content.contains("Inner body"));
        QCOMPARE(m.attachments[1].fileName, QStringLiteral("passwd")); // never a path
        QCOMPARE(m.attachments[1].content, QByteArray("root"));
        QCOMPARE(m.attachments[2].fileName, QStringLiteral("attachment-3"));
        QCOMPARE(m.attachments[2].content, QByteArray("\x89PNG\r\n\x1a\n", 8));
    }

    void notAnEmail_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("expected");
        const QString noHeaders = QStringLiteral("no email headers");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("blank") << QByteArray(" \r\n\n") << QStringLiteral("empty");
        QTest::newRow("text") << QByteArray("hello world\nthis is a note\n") << noHeaders;
        QTest::newRow("unknown headers")
            << QByteArray("Note: x\nColour: red\n\nbody\n") << noHeaders;
        QByteArray binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        QRandomGenerator random(42);
        for (int i = 0; i < 4096; ++i)
            binary.append(char(random.bounded(256)));
        QTest::newRow("binary") << binary << noHeaders;
        QTest::newRow("truncated") << fixture("truncated.eml") << QStringLiteral("cut off");
        QTest::newRow("nested") << nestedTooDeeply() << QStringLiteral("too deeply");
        QTest::newRow("headers cut")
            << QByteArray("From: a@example.cn\nSubject: Half a li") << QStringLiteral("cut off");
    }

    void notAnEmail()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!parseMessage(raw, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(!parseMessage(raw, nullptr)); // no error wanted: no crash
    }

    void mboxArchive()
    {
        const Read r = readMbox(fixturePath("archive.mbox"));
        QVERIFY(r.progressOk);
        QCOMPARE(r.total, QFileInfo(fixturePath("archive.mbox")).size());
        QCOMPARE(r.problems.size(), 0);
        QCOMPARE(r.messages.size(), 34);
        // The same messages as their .eml files, ">From " lines unescaped.
        QCOMPARE(r.messages[0].contentHash, parsed(fixture("onboarding.eml")).contentHash);
        QCOMPARE(r.messages[0].attachments.value(0).content, fixture("onboarding-attachment.pdf"));
        QCOMPARE(r.messages[1].contentHash, parsed(fixture("gb2312-notice.eml")).contentHash);
        QCOMPARE(r.messages[2].bodyText, FromLineText);
        QCOMPARE(r.messages[2].contentHash, parsed(fixture("from-line.eml")).contentHash);
        QCOMPARE(r.messages[3].contentHash, parsed(fixture("html-only.eml")).contentHash);
        QSet<QString> hashes;
        for (int n = 1; n <= 30; ++n) {
            const Message &m = r.messages[3 + n];
            QCOMPARE(m.subject, QStringLiteral("周报 第%1期").arg(n));
            QCOMPARE(m.messageId,
                     QStringLiteral("weekly-%1@example.cn").arg(n, 3, 10, QLatin1Char('0')));
            QCOMPARE(m.from, QStringLiteral("赵六 <zhao.liu@example.cn>"));
            QCOMPARE(m.bodyText, QStringLiteral("第%1周工作总结：完成了 %1 项任务。\n"
                                                "From now on, reports are due on Monday.")
                                     .arg(n));
            QCOMPARE(m.dateMs, n == 17 ? 0 : utcMs(2024, 5, 1 + n % 28, n % 10, n % 60, 0));
            QCOMPARE(m.attachments.size(), n % 5 == 0 && n % 3 != 0 ? 1 : 0);
            if (!m.attachments.isEmpty()) {
                QCOMPARE(m.attachments[0].fileName, QStringLiteral("hours-%1.csv").arg(n));
                QCOMPARE(m.attachments[0].mimeType, QStringLiteral("text/csv"));
                QCOMPARE(m.attachments[0].content,
                         QByteArray("task,hours\nreview,") + QByteArray::number(n) + '\n');
            }
            hashes.insert(m.contentHash);
        }
        QCOMPARE(hashes.size(), 30);
    }

    void mboxWithGarbageAndBrokenSeparators()
    {
        const QByteArray bytes = fixture("garbage.mbox");
        const Read r = readMbox(fixturePath("garbage.mbox"));
        QVERIFY(r.progressOk);
        QCOMPARE(r.items.size(), 6);
        // Text before the first "From " line belongs to no message.
        QVERIFY(r.items[0].problem);
        QCOMPARE(r.items[0].problem->index, 0);
        QCOMPARE(r.items[0].problem->offset, qint64(0));
        QVERIFY(r.items[0].problem->message.contains(QLatin1String("before the first")));
        QVERIFY(r.items[1].message);
        QCOMPARE(r.items[1].message->contentHash, parsed(fixture("from-line.eml")).contentHash);
        // An unescaped "From " line ends message 2 early and starts a broken message 3.
        QVERIFY(r.items[2].message);
        QCOMPARE(r.items[2].message->subject, QStringLiteral("Policy"));
        QCOMPARE(r.items[2].message->bodyText, QStringLiteral("Dear all,"));
        QVERIFY(r.items[3].problem);
        QCOMPARE(r.items[3].problem->index, 3);
        QCOMPARE(r.items[3].problem->offset, bytes.indexOf("\nFrom here on") + 1);
        QVERIFY2(r.items[3].problem->message.startsWith(
                     QStringLiteral("Message 3 (at byte %1) ").arg(r.items[3].problem->offset)),
                 qPrintable(r.items[3].problem->message));
        QVERIFY(r.items[4].problem);
        QCOMPARE(r.items[4].problem->index, 4);
        QCOMPARE(r.items[4].problem->offset, bytes.indexOf("\nFrom nobody") + 1);
        QVERIFY(r.items[4].problem->message.contains(QLatin1String("has no headers")));
        // Reading went on, in step.
        QVERIFY(r.items[5].message);
        QCOMPARE(r.items[5].message->contentHash, parsed(fixture("gb2312-notice.eml")).contentHash);
    }

    void mboxEndingInATruncatedMessage()
    {
        const QByteArray bytes = fixture("truncated.mbox");
        const Read r = readMbox(fixturePath("truncated.mbox"));
        QVERIFY(r.progressOk);
        QCOMPARE(r.messages.size(), 2);
        QCOMPARE(r.messages[1].subject, QStringLiteral("关于试用期考核的通知"));
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems[0].index, 3);
        QCOMPARE(r.problems[0].offset, bytes.lastIndexOf("\nFrom MAILER-DAEMON") + 1);
        QVERIFY(r.problems[0].message.contains(QLatin1String("cut off")));
    }

    void mboxGoesOnAfterADeeplyNestedMessage()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile f(dir.filePath(QStringLiteral("deep.mbox")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("From a Mon May  6 10:00:00 2024\n" + nestedTooDeeply()
                + "\nFrom b Mon May  6 10:00:00 2024\nFrom: b@example.cn\nSubject: after\n\nok\n");
        f.close();
        const Read r = readMbox(f.fileName());
        QVERIFY(r.progressOk);
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems[0].index, 1);
        QCOMPARE(r.problems[0].offset, qint64(0));
        QVERIFY(r.problems[0].message.contains(QLatin1String("too deeply")));
        QCOMPARE(r.messages.size(), 1);
        QCOMPARE(r.messages[0].subject, QStringLiteral("after"));
        QCOMPARE(r.messages[0].bodyText, QStringLiteral("ok"));
    }

    void mboxOpenErrors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto write = [&dir](const char *name, const QByteArray &bytes) {
            QFile f(dir.filePath(QLatin1String(name)));
            if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
                qFatal("cannot write %s", name);
            return f.fileName();
        };
        MboxReader reader;
        QString error;
        const QString missing = dir.filePath(QStringLiteral("missing.mbox"));
        QVERIFY(!reader.open(missing, &error));
        QVERIFY(error.contains(QDir::toNativeSeparators(missing)));
        QVERIFY(!reader.next()); // a reader that is not open reads nothing
        QVERIFY(!reader.open(write("empty.mbox", {}), &error));
        QVERIFY(error.contains(QLatin1String("empty")));
        QVERIFY(!reader.open(write("one.mbox", fixture("gb2312-notice.eml")), &error));
        QVERIFY2(error.contains(QLatin1String("single email")), qPrintable(error));
        QByteArray binary(1 << 16, '\0');
        for (qsizetype i = 0; i < binary.size(); ++i)
            binary[i] = char((i * 7919) % 251);
        QVERIFY(!reader.open(write("binary.mbox", binary), &error));
        QVERIFY2(error.contains(QLatin1String("not an mbox")), qPrintable(error));
        // A failed open leaves no earlier file behind.
        QVERIFY(reader.open(fixturePath("archive.mbox"), &error));
        QVERIFY(!reader.open(missing, &error));
        QVERIFY(!reader.next());
        QCOMPARE(reader.totalBytes(), qint64(0));
    }

    void mboxIsReadAsAStream()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("big.mbox"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray filler(900, 'x');
        for (int i = 0; i < 3000; ++i) {
            f.write("From x@example.cn Mon May  6 10:00:00 2024\nMessage-ID: <m"
                    + QByteArray::number(i) + "@example.cn>\nFrom: x@example.cn\nSubject: n"
                    + QByteArray::number(i) + "\n\n" + filler + "\n\n");
        }
        f.close();
        MboxReader reader;
        QString error;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        QCOMPARE(reader.totalBytes(), f.size());
        auto first = reader.next();
        QVERIFY(first && first->message);
        QCOMPARE(first->message->subject, QStringLiteral("n0"));
        // Only what the parser has looked at, not the whole file.
        QVERIFY(reader.bytesRead() > 0);
        QVERIFY(reader.bytesRead() < 64 * 1024);
        int count = 1;
        while (auto item = reader.next()) {
            QVERIFY(item->message);
            QCOMPARE(item->message->subject, QStringLiteral("n%1").arg(count));
            ++count;
        }
        QCOMPARE(count, 3000);
        QCOMPARE(reader.bytesRead(), reader.totalBytes());
    }
};

QTEST_GUILESS_MAIN(TestMailParser)
#include "tst_mailparser.moc"
