// AuditTableModel: structure (QAbstractItemModelTester), keyset paging,
// merged action groups, refresh on new entries, starting at an old entry;
// plus the CSV field rules of AuditCsvWriter.
#include "audit/auditcsvwriter.h"
#include "audit/audittablemodel.h"
#include "auth/authenticator.h"
#include "common/appcontext.h"
#include "testorg.h"

#include <QAbstractItemModelTester>
#include <QSqlQuery>
#include <QtTest>

using namespace baton;

namespace {

struct Fixture
{
    test::TestOrg org;
    std::unique_ptr<AppContext> context;

    bool open(int extraEvents)
    {
        if (!org.build())
            return false;
        if (!org.store->database().begin())
            return false;
        // Alternate actions so groups interleave across pages.
        const QStringList actions{QStringLiteral("login"), QStringLiteral("export"),
                                  QStringLiteral("logout"), QStringLiteral("login.failed")};
        for (int i = 0; i < extraEvents; ++i)
            if (!org.store
                     ->recordEvent(actions.at(i % actions.size()),
                                   i % 7 == 0 ? QStringLiteral("denied") : QStringLiteral("ok"), {},
                                   QStringLiteral("zhaolei"), QStringLiteral("event %1").arg(i))
                     .ok())
                return false;
        if (!org.store->database().commit())
            return false;
        auto session = Authenticator(*org.store)
                           .login(QStringLiteral("lina"), QStringLiteral("password-lina"));
        if (!session)
            return false;
        context = std::make_unique<AppContext>(*org.store, *session);
        return true;
    }

    // The expected seqs, newest first, straight from SQL.
    QList<qint64> seqs(const QString &where = {})
    {
        QList<qint64> out;
        QSqlQuery q(org.store->database().connection());
        q.exec(QStringLiteral("SELECT seq FROM audit_log ") + where
               + QStringLiteral(" ORDER BY seq DESC"));
        while (q.next())
            out.append(q.value(0).toLongLong());
        return out;
    }
};

bool idle(const AuditTableModel &m)
{
    return !m.isLoading() && m.count() >= 0;
}

// Pages through everything, as a view scrolled to the end would.
bool fetchAll(AuditTableModel &m)
{
    for (int guard = 0; guard < 1000; ++guard) {
        if (!QTest::qWaitFor([&] { return idle(m); }, 10000))
            return false;
        if (!m.canFetchMore({}))
            return true;
        m.fetchMore({});
    }
    return false;
}

QList<qint64> modelSeqs(const AuditTableModel &m)
{
    QList<qint64> out;
    for (int r = 0; r < m.rowCount(); ++r)
        out.append(
            m.index(r, AuditTableModel::SeqColumn).data(AuditTableModel::SeqRole).toLongLong());
    return out;
}

} // namespace

class TestGuiAuditTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passesModelTester();
    void pagesLazily();
    void mergesActionGroups();
    void refreshInsertsOnTop();
    void startsAtAnOldEntry();
    void labelsAndColours();
    void csvFields();
};

void TestGuiAuditTableModel::passesModelTester()
{
    Fixture f;
    QVERIFY(f.open(450));
    AuditTableModel model(*f.context);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(model));
    QCOMPARE(modelSeqs(model), f.seqs());
    QCOMPARE(model.columnCount(), int(AuditTableModel::ColumnCount));

    AuditQuery q;
    q.actions = QStringList{QStringLiteral("login"), QStringLiteral("logout")};
    q.outcome = QStringLiteral("ok");
    model.setQuery(q);
    QVERIFY(fetchAll(model));
    QCOMPARE(modelSeqs(model),
             f.seqs(QStringLiteral("WHERE action IN ('login','logout') AND outcome='ok'")));
    QCOMPARE(model.count(), model.rowCount());

    QVERIFY(f.org.store
                ->recordEvent(QStringLiteral("logout"), QStringLiteral("ok"), {},
                              QStringLiteral("lina"), QStringLiteral("Signed out"))
                .ok());
    const QList<qint64> expected =
        f.seqs(QStringLiteral("WHERE action IN ('login','logout') AND outcome='ok'"));
    QTRY_COMPARE(model.rowCount(), expected.size());
    QTRY_COMPARE(model.count(), expected.size());
    QCOMPARE(modelSeqs(model), expected);
}

void TestGuiAuditTableModel::pagesLazily()
{
    Fixture f;
    QVERIFY(f.open(1000));
    AuditTableModel model(*f.context);
    QTRY_VERIFY(idle(model));
    const QList<qint64> all = f.seqs();
    QCOMPARE(model.count(), all.size());
    QCOMPARE(model.rowCount(), AuditTableModel::PageSize);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QTRY_VERIFY(idle(model));
    QCOMPARE(model.rowCount(), 2 * AuditTableModel::PageSize);
    QCOMPARE(modelSeqs(model), all.mid(0, 2 * AuditTableModel::PageSize));
}

void TestGuiAuditTableModel::mergesActionGroups()
{
    Fixture f;
    QVERIFY(f.open(900));
    AuditTableModel model(*f.context);
    AuditQuery q;
    q.actions = QStringList{QStringLiteral("login"), QStringLiteral("login.failed"),
                            QStringLiteral("employee.")};
    model.setQuery(q);
    QTRY_VERIFY(idle(model));
    const QList<qint64> expected = f.seqs(
        QStringLiteral("WHERE action IN ('login','login.failed') OR action LIKE 'employee.%'"));
    QCOMPARE(model.count(), expected.size());
    QCOMPARE(modelSeqs(model), expected.mid(0, AuditTableModel::PageSize));
    QVERIFY(fetchAll(model));
    QCOMPARE(modelSeqs(model), expected);
}

void TestGuiAuditTableModel::refreshInsertsOnTop()
{
    Fixture f;
    QVERIFY(f.open(10));
    AuditTableModel model(*f.context);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(idle(model));
    const int before = model.rowCount();
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(f.org.store
                ->recordEvent(QStringLiteral("export"), QStringLiteral("ok"), {},
                              QStringLiteral("lina"), QStringLiteral("one"))
                .ok());
    QVERIFY(f.org.store
                ->recordEvent(QStringLiteral("export"), QStringLiteral("ok"), {},
                              QStringLiteral("lina"), QStringLiteral("two"))
                .ok());
    QTRY_COMPARE(model.rowCount(), before + 2);
    QTRY_COMPARE(model.count(), before + 2);
    QCOMPARE(reset.size(), 0); // inserted, not reloaded: selection and scroll survive
    QVERIFY(!inserted.isEmpty());
    QCOMPARE(inserted.constFirst().at(1).toInt(), 0);
    QCOMPARE(modelSeqs(model), f.seqs());
    QCOMPARE(model.entryAt(0).summary, QStringLiteral("two"));

    // Other entities changing leave the model alone.
    QTRY_VERIFY(idle(model));
    Q_EMIT f.context->dataChanged({QStringLiteral("employee")});
    QVERIFY(!model.isLoading());
}

void TestGuiAuditTableModel::startsAtAnOldEntry()
{
    Fixture f;
    QVERIFY(f.open(700));
    AuditTableModel model(*f.context);
    model.setQuery({}, 50);
    QTRY_VERIFY(idle(model));
    QCOMPARE(model.fromSeq(), 50);
    QCOMPARE(model.entryAt(0).seq, 50);
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(model.rowOfSeq(3), 47);
    QVERIFY(!model.canFetchMore({}));
    // New entries do not push into a view that starts in the past.
    QVERIFY(f.org.store
                ->recordEvent(QStringLiteral("export"), QStringLiteral("ok"), {},
                              QStringLiteral("lina"), QStringLiteral("later"))
                .ok());
    QTRY_COMPARE(model.count(), f.seqs().size());
    QCOMPARE(model.entryAt(0).seq, 50);
}

void TestGuiAuditTableModel::labelsAndColours()
{
    Fixture f;
    QVERIFY(f.open(0));
    QVERIFY(f.org.store
                ->recordEvent(QStringLiteral("payroll.run"), QStringLiteral("rejected"), {},
                              QStringLiteral("lina"), QStringLiteral("s"))
                .ok());
    AuditTableModel model(*f.context);
    QTRY_VERIFY(idle(model) && model.rowCount() > 0);
    QCOMPARE(model.index(0, AuditTableModel::ActionColumn).data().toString(),
             QStringLiteral("payroll.run")); // unknown: raw
    QCOMPARE(model.index(0, AuditTableModel::OutcomeColumn).data().toString(),
             QStringLiteral("Rejected"));
    QVERIFY(model.index(0, AuditTableModel::OutcomeColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(!model.index(1, AuditTableModel::OutcomeColumn).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.headerData(AuditTableModel::IpColumn, Qt::Horizontal).toString(),
             QStringLiteral("IP address"));
    // Times show in the viewer's zone.
    const qint64 ms =
        model.index(0, AuditTableModel::TimeColumn).data(AuditTableModel::RawRole).toLongLong();
    QCOMPARE(model.index(0, AuditTableModel::TimeColumn).data().toString(),
             QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(
                 QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    int employeeRow = -1;
    for (int r = 0; r < model.rowCount() && employeeRow < 0; ++r)
        if (model.entryAt(r).action == QStringLiteral("employee.create"))
            employeeRow = r;
    QVERIFY(employeeRow >= 0);
    QCOMPARE(model.index(employeeRow, AuditTableModel::ActionColumn).data().toString(),
             QStringLiteral("Create employee"));
    QVERIFY(model.index(employeeRow, AuditTableModel::RecordColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("Employee ")));
}

void TestGuiAuditTableModel::csvFields()
{
    QCOMPARE(AuditCsvWriter::field(QStringLiteral("plain")), QStringLiteral("plain"));
    QCOMPARE(AuditCsvWriter::field(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    QCOMPARE(AuditCsvWriter::field(QStringLiteral("say \"hi\"")),
             QStringLiteral("\"say \"\"hi\"\"\""));
    QCOMPARE(AuditCsvWriter::field(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    QCOMPARE(AuditCsvWriter::field(QStringLiteral("=HYPERLINK(\"x\")")),
             QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\""));
    QCOMPARE(AuditCsvWriter::field(QStringLiteral("@sum")), QStringLiteral("'@sum"));
}

QTEST_MAIN(TestGuiAuditTableModel)
#include "tst_gui_audittablemodel.moc"
