#include "evidence/auditentry.h"
#include "evidence/sha256.h"
#include "oplog/canonicaljson.h"
#include "oplog/operation.h"
#include "oplog/uuidv7.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

using namespace baton;

Q_DECLARE_METATYPE(baton::AuditEntry)

namespace {

QString canonicalText(const QJsonValue &v)
{
    auto r = canonicalJson(v);
    return r ? QString::fromUtf8(*r) : QStringLiteral("<error %1>").arg(r.error().code);
}

QString errorCode(const QJsonValue &v)
{
    auto r = canonicalJson(v);
    return r ? QString() : r.error().code;
}

QString nonBmp(char32_t cp)
{
    return QString::fromUcs4(&cp, 1);
}

QString idOrEmpty(const QUuid &id)
{
    return id.isNull() ? QString() : idString(id);
}

// The same data as AuditEntry::canonical() writes, as an ordinary object.
QJsonObject auditObject(const AuditEntry &e)
{
    return QJsonObject{{QStringLiteral("action"), e.action},
                       {QStringLiteral("device"), e.device},
                       {QStringLiteral("entity"), e.entity},
                       {QStringLiteral("ip"), e.ip},
                       {QStringLiteral("op"), idOrEmpty(e.opId)},
                       {QStringLiteral("outcome"), e.outcome},
                       {QStringLiteral("record"), idOrEmpty(e.recordId)},
                       {QStringLiteral("seq"), e.seq},
                       {QStringLiteral("summary"), e.summary},
                       {QStringLiteral("time"), e.timeMs},
                       {QStringLiteral("user"), idOrEmpty(e.userId)},
                       {QStringLiteral("userName"), e.userName}};
}

Operation sampleOp()
{
    Operation op;
    op.hlc = Hlc{1767225600123, 4, QStringLiteral("9f8e7d6c5b4a3210")};
    op.id = createUuidV7(op.hlc.wallMs);
    op.entity = QStringLiteral("employee");
    op.entityId = createUuidV7(op.hlc.wallMs);
    op.kind = OpKind::Update;
    op.fields = {{QStringLiteral("phone"), QStringLiteral("+86 10 1234 5678")},
                 {QStringLiteral("family_name"), QStringLiteral("张")}};
    op.author = createUuidV7(op.hlc.wallMs);
    op.device = op.hlc.deviceId;
    return op;
}

} // namespace

class TestCanonicalJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void literalsAndNoWhitespace();
    void keysSortedByUtf16CodeUnits();
    void rfc8785SortingExample();
    void nfcNormalisation();
    void nfcKeysThatCollideAreRefused();
    void escapes();
    void integersOnly_data();
    void integersOnly();
    void unpairedSurrogatesRefused_data();
    void unpairedSurrogatesRefused();
    void nestingDepthLimit();
    void auditEntryMatchesCanonicalJson_data();
    void auditEntryMatchesCanonicalJson();
    void auditHashIsOverPrevAndCanonical();
    void operationRoundTrip();
    void operationCanonicalIsStable();
    void operationFromJsonRefuses_data();
    void operationFromJsonRefuses();
    void operationBootstrapAuthorAccepted();
};

void TestCanonicalJson::literalsAndNoWhitespace()
{
    const QJsonObject o{{QStringLiteral("b"), QJsonArray{1, true, false, QJsonValue()}},
                        {QStringLiteral("a"), QJsonObject{}},
                        {QStringLiteral("c"), QJsonArray{}},
                        {QStringLiteral("d"), QStringLiteral("x y")}};
    QCOMPARE(canonicalText(o),
             QStringLiteral(R"({"a":{},"b":[1,true,false,null],"c":[],"d":"x y"})"));
    QCOMPARE(canonicalText(QJsonValue(QStringLiteral("top"))), QStringLiteral("\"top\""));
}

void TestCanonicalJson::keysSortedByUtf16CodeUnits()
{
    // U+1F600 is D83D DE00 in UTF-16: it sorts before U+FF21 by code units
    // (RFC 8785), although its code point is larger.
    const QString emoji = nonBmp(0x1F600);
    const QString fullwidthA = QString(QChar(0xFF21));
    const QString eAcute = QString(QChar(0xE9));
    QJsonObject o;
    o.insert(fullwidthA, 5);
    o.insert(emoji, 4);
    o.insert(eAcute, 2);
    o.insert(QStringLiteral("z"), 1);
    o.insert(QStringLiteral("aa"), 6);
    o.insert(QStringLiteral("a"), 3);
    o.insert(QStringLiteral("A"), 7);
    o.insert(QString(), 8);
    const QString expected = QStringLiteral(R"({"":8,"A":7,"a":3,"aa":6,"z":1,")") + eAcute
                             + QStringLiteral(R"(":2,")") + emoji + QStringLiteral(R"(":4,")")
                             + fullwidthA + QStringLiteral(R"(":5})");
    QCOMPARE(canonicalText(o), expected);
    // And the bytes are UTF-8.
    QCOMPARE(*canonicalJson(o), expected.toUtf8());
}

void TestCanonicalJson::rfc8785SortingExample()
{
    // RFC 8785 section 3.2.3 (without U+FB33, which NFC changes).
    QJsonObject o;
    o.insert(QString(QChar(0x20AC)), QStringLiteral("Euro Sign"));
    o.insert(QStringLiteral("\r"), QStringLiteral("Carriage Return"));
    o.insert(QStringLiteral("1"), QStringLiteral("One"));
    o.insert(nonBmp(0x1F600), QStringLiteral("Emoji: Grinning Face"));
    o.insert(QString(QChar(0x80)), QStringLiteral("Control"));
    o.insert(QString(QChar(0xF6)), QStringLiteral("Latin Small Letter O With Diaeresis"));
    const QString expected = QStringLiteral(R"({"\r":"Carriage Return","1":"One",")") + QChar(0x80)
                             + QStringLiteral(R"(":"Control",")") + QChar(0xF6)
                             + QStringLiteral(R"(":"Latin Small Letter O With Diaeresis",")")
                             + QChar(0x20AC) + QStringLiteral(R"(":"Euro Sign",")")
                             + nonBmp(0x1F600) + QStringLiteral(R"(":"Emoji: Grinning Face"})");
    QCOMPARE(canonicalText(o), expected);
}

void TestCanonicalJson::nfcNormalisation()
{
    const QString composed = QStringLiteral("Ren") + QChar(0xE9);
    const QString decomposed = QStringLiteral("Rene") + QChar(0x301);
    QVERIFY(composed != decomposed);
    QCOMPARE(canonicalText(QJsonObject{{QStringLiteral("n"), decomposed}}),
             canonicalText(QJsonObject{{QStringLiteral("n"), composed}}));
    QCOMPARE(canonicalText(QJsonObject{{decomposed, 1}}),
             canonicalText(QJsonObject{{composed, 1}}));
    QCOMPARE(canonicalText(QJsonArray{decomposed}),
             QLatin1String("[\"") + composed + QLatin1String("\"]"));
    // Combining marks out of canonical order are reordered, including the
    // ideographic tone marks U+302A..U+302F that sit among CJK characters.
    const QString toneMarks = QString(QChar(0x4E00)) + QChar(0x302B) + QChar(0x302A);
    const QString reordered = QString(QChar(0x4E00)) + QChar(0x302A) + QChar(0x302B);
    QCOMPARE(toneMarks.normalized(QString::NormalizationForm_C), reordered);
    QCOMPARE(canonicalText(toneMarks), canonicalText(reordered));
    QCOMPARE(canonicalText(QJsonObject{{toneMarks, 1}}),
             canonicalText(QJsonObject{{reordered, 1}}));
    AuditEntry e;
    e.summary = toneMarks;
    AuditEntry f;
    f.summary = reordered;
    QCOMPARE(e.canonical(), f.canonical());
    // Chinese text is already NFC and passes through unchanged.
    const QString chinese = QStringLiteral("张伟 调往 第三门店");
    QCOMPARE(canonicalText(chinese), QLatin1Char('"') + chinese + QLatin1Char('"'));
}

void TestCanonicalJson::nfcKeysThatCollideAreRefused()
{
    QJsonObject o;
    o.insert(QStringLiteral("e") + QChar(0x301), 1);
    o.insert(QString(QChar(0xE9)), 2);
    QCOMPARE(o.size(), 2); // two different keys to QJsonObject...
    QCOMPARE(errorCode(o), QStringLiteral("json.duplicate_key")); // ...one key once normalised
}

void TestCanonicalJson::escapes()
{
    QString s = QStringLiteral("\b\f\n\r\t/\"\\");
    s += QChar(0x01);
    s += QChar(0x0B);
    s += QChar(0x1F);
    s += QChar(0x7F); // DEL is not a control character in JSON: written as is
    s += QChar(0x2028);
    QString expected = QStringLiteral(R"("\b\f\n\r\t/\"\\\u0001\u000b\u001f)");
    expected += QChar(0x7F);
    expected += QChar(0x2028);
    expected += QLatin1Char('"');
    QCOMPARE(canonicalText(s), expected);
    // Escapes in keys too.
    QCOMPARE(canonicalText(QJsonObject{{QStringLiteral("a\nb"), 1}}),
             QStringLiteral(R"({"a\nb":1})"));
}

void TestCanonicalJson::integersOnly_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected"); // empty: refused with json.number
    const qint64 maxSafe = (qint64(1) << 53) - 1;
    QTest::newRow("zero") << QJsonValue(0) << QStringLiteral("0");
    QTest::newRow("negative zero") << QJsonValue(-0.0) << QStringLiteral("0");
    QTest::newRow("whole double") << QJsonValue(1.0) << QStringLiteral("1");
    QTest::newRow("minor units") << QJsonValue(1234567) << QStringLiteral("1234567");
    QTest::newRow("time ms") << QJsonValue(qint64(1767225600123))
                             << QStringLiteral("1767225600123");
    QTest::newRow("2^53-1") << QJsonValue(maxSafe) << QStringLiteral("9007199254740991");
    QTest::newRow("-(2^53-1)") << QJsonValue(-maxSafe) << QStringLiteral("-9007199254740991");
    QTest::newRow("-(2^53-1) as double")
        << QJsonValue(-double(maxSafe)) << QStringLiteral("-9007199254740991");
    QTest::newRow("1.5") << QJsonValue(1.5) << QString();
    QTest::newRow("0.1") << QJsonValue(0.1) << QString();
    QTest::newRow("2^53 as double") << QJsonValue(9007199254740992.0) << QString();
    QTest::newRow("2^53 as integer") << QJsonValue(maxSafe + 1) << QString();
    QTest::newRow("-(2^53)") << QJsonValue(-(maxSafe + 1)) << QString();
    QTest::newRow("int64 max") << QJsonValue(std::numeric_limits<qint64>::max()) << QString();
    QTest::newRow("int64 min") << QJsonValue(std::numeric_limits<qint64>::min()) << QString();
    QTest::newRow("1e300") << QJsonValue(1e300) << QString();
    QTest::newRow("infinity") << QJsonValue(std::numeric_limits<double>::infinity()) << QString();
    QTest::newRow("nan") << QJsonValue(std::nan("")) << QString();
}

void TestCanonicalJson::integersOnly()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    if (expected.isEmpty()) {
        QCOMPARE(errorCode(value), QStringLiteral("json.number"));
        QCOMPARE(errorCode(QJsonObject{{QStringLiteral("n"), value}}),
                 QStringLiteral("json.number"));
        QCOMPARE(errorCode(QJsonArray{value}), QStringLiteral("json.number"));
    } else {
        QCOMPARE(canonicalText(value), expected);
    }
}

void TestCanonicalJson::unpairedSurrogatesRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("lone high") << QStringLiteral("a") + QChar(0xD83D) + QStringLiteral("b");
    QTest::newRow("lone high at end") << QStringLiteral("a") + QChar(0xD83D);
    QTest::newRow("lone low") << QString(QChar(0xDE00));
    QTest::newRow("reversed pair") << QString(QChar(0xDE00)) + QChar(0xD83D);
}

void TestCanonicalJson::unpairedSurrogatesRefused()
{
    QFETCH(QString, text);
    QCOMPARE(errorCode(text), QStringLiteral("json.surrogate"));
    QCOMPARE(errorCode(QJsonObject{{QStringLiteral("k"), text}}), QStringLiteral("json.surrogate"));
    QCOMPARE(errorCode(QJsonObject{{text, 1}}), QStringLiteral("json.surrogate"));
    QByteArray out;
    QVERIFY(!appendCanonicalString(out, text));
}

void TestCanonicalJson::nestingDepthLimit()
{
    auto nestedArrays = [](int depth) {
        QJsonValue v = QJsonArray{1};
        for (int i = 1; i < depth; ++i)
            v = QJsonArray{v};
        return v;
    };
    auto nestedObjects = [](int depth) {
        QJsonValue v = QJsonObject{{QStringLiteral("k"), 1}};
        for (int i = 1; i < depth; ++i)
            v = QJsonObject{{QStringLiteral("k"), v}};
        return v;
    };
    QVERIFY(canonicalJson(nestedArrays(32)).ok());
    QVERIFY(canonicalJson(nestedObjects(32)).ok());
    QCOMPARE(errorCode(nestedArrays(100)), QStringLiteral("json.depth"));
    QCOMPARE(errorCode(nestedObjects(100)), QStringLiteral("json.depth"));
    QCOMPARE(errorCode(nestedArrays(1000)), QStringLiteral("json.depth"));
}

void TestCanonicalJson::auditEntryMatchesCanonicalJson_data()
{
    QTest::addColumn<AuditEntry>("entry");
    AuditEntry plain;
    plain.seq = 1;
    plain.timeMs = 1767225600000;
    plain.userId = createUuidV7(plain.timeMs);
    plain.userName = QStringLiteral("admin");
    plain.device = QStringLiteral("9f8e7d6c5b4a3210");
    plain.ip = QStringLiteral("192.168.1.20, fe80::1");
    plain.action = QStringLiteral("employee.update");
    plain.outcome = QStringLiteral("ok");
    plain.entity = QStringLiteral("employee");
    plain.recordId = createUuidV7(plain.timeMs);
    plain.summary = QStringLiteral("Wei Zhang (E002): phone: - → +86 10 1234 5678");
    plain.opId = createUuidV7(plain.timeMs);
    QTest::newRow("ascii") << plain;

    AuditEntry chinese = plain;
    chinese.seq = 9007199254740991; // largest safe integer
    chinese.userName = QStringLiteral("李娜");
    chinese.summary =
        QStringLiteral("张伟 (E002)：部门：项目部 → 第三门店；电话已更改 ") + nonBmp(0x20BB7);
    QTest::newRow("chinese") << chinese;

    AuditEntry controls = plain;
    controls.summary = QStringLiteral("line 1\nline 2\ttab \"quoted\" back\\slash /path ");
    controls.summary += QChar(0x01);
    controls.summary += QChar(0x1F);
    controls.summary += QChar(0x7F);
    controls.userName = QStringLiteral("Ren") + QStringLiteral("e") + QChar(0x301); // decomposed
    QTest::newRow("control characters") << controls;

    AuditEntry nulls; // failed login of an unknown account: no ids
    nulls.seq = 2;
    nulls.timeMs = 0;
    nulls.userName = QStringLiteral("nobody");
    nulls.action = QStringLiteral("login.failed");
    nulls.outcome = QStringLiteral("denied");
    QTest::newRow("null ids") << nulls;
}

void TestCanonicalJson::auditEntryMatchesCanonicalJson()
{
    QFETCH(AuditEntry, entry);
    auto expected = canonicalJson(auditObject(entry));
    QVERIFY(expected.ok());
    QCOMPARE(QString::fromUtf8(entry.canonical()), QString::fromUtf8(*expected));
    QCOMPARE(entry.canonical(), *expected);
}

void TestCanonicalJson::auditHashIsOverPrevAndCanonical()
{
    AuditEntry e;
    e.seq = 1;
    e.timeMs = 1767225600000;
    e.userName = QStringLiteral("admin");
    e.summary = QStringLiteral("Signed in");
    e.prevHash = genesisHash();
    QCOMPARE(e.prevHash, QByteArray(32, '\0'));
    QCOMPARE(e.computeHash(), Sha256::hash(QByteArray(e.prevHash + e.canonical())));
    QCOMPARE(e.computeHash().size(), 32);
    // Known SHA-256 vector, so the hasher itself is checked.
    QCOMPARE(Sha256::hash(QByteArrayLiteral("abc")).toHex(),
             QByteArrayLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    AuditEntry changed = e;
    changed.summary += QLatin1Char('.');
    QVERIFY(changed.computeHash() != e.computeHash());
}

void TestCanonicalJson::operationRoundTrip()
{
    const Operation op = sampleOp();
    auto parsed = Operation::fromJson(op.toJson());
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed->id, op.id);
    QCOMPARE(parsed->entity, op.entity);
    QCOMPARE(parsed->entityId, op.entityId);
    QVERIFY(parsed->kind == op.kind);
    QCOMPARE(parsed->fields, op.fields);
    QCOMPARE(parsed->hlc, op.hlc);
    QCOMPARE(parsed->author, op.author);
    QCOMPARE(parsed->device, op.device);
    QCOMPARE(parsed->canonical(), op.canonical());
    // No base: no key, so the bytes of ops made before bases existed hold.
    QVERIFY(!op.toJson().contains(QStringLiteral("base")));
    Operation guarded = op;
    guarded.base.insert(QStringLiteral("status"), op.hlc.toString());
    auto withBase = Operation::fromJson(guarded.toJson());
    QVERIFY(withBase.ok());
    QCOMPARE(withBase->base, guarded.base);
    QCOMPARE(withBase->canonical(), guarded.canonical());
    QVERIFY(guarded.canonical() != op.canonical());
    for (OpKind kind : {OpKind::Create, OpKind::Update, OpKind::Append, OpKind::Retire}) {
        Operation k = op;
        k.kind = kind;
        auto p = Operation::fromJson(k.toJson());
        QVERIFY(p.ok());
        QVERIFY(p->kind == kind);
    }
}

void TestCanonicalJson::operationCanonicalIsStable()
{
    const Operation op = sampleOp();
    const QByteArray c = op.canonical();
    QVERIFY(!c.isEmpty());
    QCOMPARE(c, *canonicalJson(op.toJson()));
    QVERIFY(c.startsWith(QByteArrayLiteral("{\"author\":")));
    QVERIFY(c.contains(QByteArrayLiteral("\"fields\":{\"family_name\":")));

    // Written by hand, it must stay byte for byte what canonicalJson makes of
    // toJson(): the bootstrap author, text to normalise and to escape.
    Operation other = op;
    other.author = QUuid();
    other.device = QStringLiteral("e\u0301-\"device\"\n");
    other.fields = {{QStringLiteral("note"), QStringLiteral("caf\u0065\u0301 \\ \u0001")},
                    {QStringLiteral("count"), 3}};
    QCOMPARE(other.canonical(), *canonicalJson(other.toJson()));
    other.base = {{QStringLiteral("status"), other.hlc.toString()}};
    QCOMPARE(other.canonical(), *canonicalJson(other.toJson()));
    other.device = QString(QChar(0xD800)); // an unpaired surrogate: no canonical form
    QVERIFY(!canonicalJson(other.toJson()).ok());
    QVERIFY(other.canonical().isEmpty());
}

void TestCanonicalJson::operationFromJsonRefuses_data()
{
    QTest::addColumn<QJsonObject>("json");
    const QJsonObject good = sampleOp().toJson();
    auto with = [&](const char *key, const QJsonValue &v) {
        QJsonObject o = good;
        o.insert(QLatin1String(key), v);
        return o;
    };
    auto without = [&](const char *key) {
        QJsonObject o = good;
        o.remove(QLatin1String(key));
        return o;
    };
    QTest::newRow("unknown key") << with("extra", 1);
    for (const char *key :
         {"id", "entity", "entityId", "kind", "fields", "hlc", "author", "device"})
        QTest::addRow("missing %s", key) << without(key);
    QTest::newRow("id is a number") << with("id", 5);
    QTest::newRow("entity is null") << with("entity", QJsonValue());
    QTest::newRow("fields is text") << with("fields", QStringLiteral("phone=1"));
    QTest::newRow("fields is an array") << with("fields", QJsonArray{1});
    QTest::newRow("hlc is a number") << with("hlc", qint64(1767225600000));
    QTest::newRow("device is an object") << with("device", QJsonObject{});
    QTest::newRow("unknown kind") << with("kind", QStringLiteral("delete"));
    QTest::newRow("id is version 4") << with("id", idString(QUuid::createUuid()));
    QTest::newRow("id is junk") << with("id", QStringLiteral("0190-not-a-uuid"));
    QTest::newRow("id has braces") << with("id", QUuid(createUuidV7()).toString());
    QTest::newRow("entityId is junk") << with("entityId", QStringLiteral("x"));
    QTest::newRow("author is junk") << with("author", QStringLiteral("admin"));
    QTest::newRow("empty entity") << with("entity", QString());
    QTest::newRow("long entity") << with("entity", QString(65, QLatin1Char('e')));
    // Found by fuzz_syncwire: an entity with no canonical bytes to hash.
    QTest::newRow("surrogate in entity")
        << with("entity", QString(QStringLiteral("employee") + QChar(0xD800)));
    QTest::newRow("upper-case entity") << with("entity", QStringLiteral("Employee"));
    QTest::newRow("entity with a space") << with("entity", QStringLiteral("job position"));
    QTest::newRow("bad hlc") << with("hlc", QStringLiteral("yesterday"));
    QTest::newRow("device not the hlc's") << with("device", QStringLiteral("0123456789abcdef"));
    QTest::newRow("empty device") << with("device", QString());
    QTest::newRow("fractional field") << with("fields", QJsonObject{{QStringLiteral("n"), 1.5}});
    QTest::newRow("surrogate in field")
        << with("fields", QJsonObject{{QStringLiteral("n"), QString(QChar(0xD800))}});
    QTest::newRow("empty base") << with("base", QJsonObject{});
    QTest::newRow("base is text") << with("base", QStringLiteral("status"));
    QTest::newRow("base not a clock reading")
        << with("base", QJsonObject{{QStringLiteral("status"), QStringLiteral("yesterday")}});
    QTest::newRow("base of a number") << with("base", QJsonObject{{QStringLiteral("status"), 5}});
}

void TestCanonicalJson::operationFromJsonRefuses()
{
    QFETCH(QJsonObject, json);
    auto r = Operation::fromJson(json);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("op.malformed"));
    QVERIFY(!r.error().message.isEmpty());
}

void TestCanonicalJson::operationBootstrapAuthorAccepted()
{
    QJsonObject json = sampleOp().toJson();
    json.insert(QStringLiteral("author"), QStringLiteral("00000000-0000-0000-0000-000000000000"));
    auto r = Operation::fromJson(json);
    QVERIFY(r.ok());
    QVERIFY(r->author.isNull());
}

QTEST_GUILESS_MAIN(TestCanonicalJson)
#include "tst_canonicaljson.moc"
