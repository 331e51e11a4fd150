// The Audit page driven through its widgets, offscreen: listing, filters,
// chain verification (intact and tampered), jumping to an entry, export,
// and a language switch while the page is open.
#include "audit/auditfilterbar.h"
#include "audit/auditpage.h"
#include "audit/audittablemodel.h"
#include "auth/authenticator.h"
#include "common/appcontext.h"
#include "evidence/audittrail.h"
#include "sync/syncclient.h"
#include "testorg.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTranslator>
#include <QtTest>

using namespace baton;

namespace {

struct Fixture
{
    test::TestOrg org;
    std::unique_ptr<AppContext> context;
    std::unique_ptr<AuditPage> page;

    bool open(const QString &login = QStringLiteral("lina"))
    {
        return org.build() && showPage(login);
    }
    bool showPage(const QString &login = QStringLiteral("lina"))
    {
        Authenticator auth(*org.store);
        auto session = auth.login(login, QStringLiteral("password-") + login);
        if (!session) {
            qWarning() << session.error().message;
            return false;
        }
        context = std::make_unique<AppContext>(*org.store, *session);
        page = std::make_unique<AuditPage>(*context);
        page->resize(1280, 720);
        page->show();
        return QTest::qWaitForWindowExposed(page.get());
    }
    template<typename T>
    T *find(const char *name) const
    {
        return page->findChild<T *>(QLatin1String(name));
    }
    QTableView *table() const { return find<QTableView>("auditTable"); }
    AuditTableModel *model() const { return qobject_cast<AuditTableModel *>(table()->model()); }
    bool idle() const { return !model()->isLoading() && model()->count() >= 0; }
    qint64 seqAt(int row) const { return model()->entryAt(row).seq; }
    qint64 storedCount() { return AuditTrail(org.store->database()).count({}).value(); }
    void addEvents(int n)
    {
        QVERIFY(org.store->database().begin().ok());
        for (int i = 0; i < n; ++i)
            QVERIFY(org.store
                        ->recordEvent(QStringLiteral("login"), QStringLiteral("ok"),
                                      org.user.value(QStringLiteral("zhaolei")),
                                      QStringLiteral("zhaolei"), QStringLiteral("Signed in"))
                        .ok());
        QVERIFY(org.store->database().commit().ok());
    }
    // Plain SQL behind Baton's back, as an attacker with the file would.
    bool tamper(const QString &sql)
    {
        const QString name = QStringLiteral("tamper");
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(org.path());
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(sql);
                if (!ok)
                    qWarning() << q.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }
    void clickVerify()
    {
        auto *verify = find<QPushButton>("verifyButton");
        QVERIFY(verify->isEnabled());
        QTest::mouseClick(verify, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(verify->isEnabled(), 20000);
    }
};

} // namespace

class TestGuiAuditPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void listsNewestFirst();
    void filtersByText();
    void filtersByOutcomeAndGroup();
    void showsNewEntriesOnTop();
    void detailShowsIds();
    void verifyIntactChain();
    void verifyNamesTamperedEntry();
    void verifyCanBeCancelled();
    void closingWhileBusyIsSafe();
    void verifyShowsTheServersHistory();
    void verifyNeedsPermission();
    void exportWritesCsvAndIsAudited();
    void exportKeepsTheFilters();
    void exportThatCannotBeAuditedIsRemoved();
    void switchesLanguageAtRuntime();
};

void TestGuiAuditPage::listsNewestFirst()
{
    Fixture f;
    QVERIFY(f.open());
    QCOMPARE(f.page->objectName(), QStringLiteral("auditPage"));
    QTRY_VERIFY(f.idle() && f.model()->rowCount() > 0);
    const qint64 total = f.storedCount();
    QCOMPARE(f.model()->count(), total);
    QCOMPARE(f.seqAt(0), total); // lina's sign-in is the newest
    for (int r = 1; r < f.model()->rowCount(); ++r)
        QVERIFY(f.seqAt(r) < f.seqAt(r - 1));
    const QModelIndex action = f.model()->index(0, AuditTableModel::ActionColumn);
    QCOMPARE(action.data().toString(), QStringLiteral("Sign in"));
    QCOMPARE(f.model()->index(0, AuditTableModel::UserColumn).data().toString(),
             QStringLiteral("lina"));
    QVERIFY(f.find<QLabel>("auditCount")->text().contains(QString::number(total)));
}

void TestGuiAuditPage::filtersByText()
{
    Fixture f;
    QVERIFY(f.open());
    QTRY_VERIFY(f.idle());
    const qint64 total = f.model()->count();
    auto *filter = f.find<QLineEdit>("auditFilter");
    QTest::keyClicks(filter, QStringLiteral("E002"));
    QVERIFY(f.model()->query().text.isEmpty()); // debounced: no search per keystroke
    QTRY_VERIFY(f.idle() && f.model()->query().text == QStringLiteral("E002"));
    QVERIFY(f.model()->count() > 0);
    QVERIFY(f.model()->count() < total);
    QCOMPARE(f.model()->rowCount(), int(f.model()->count()));
    for (int r = 0; r < f.model()->rowCount(); ++r)
        QVERIFY(f.model()->entryAt(r).summary.contains(QStringLiteral("E002")));

    // Nothing matches: the empty state says so and offers to clear.
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("no such text anywhere"));
    auto *empty = f.find<QLabel>("auditEmptyState");
    QTRY_VERIFY(empty->isVisible());
    QCOMPARE(f.model()->rowCount(), 0);
    QTest::mouseClick(f.find<QPushButton>("clearFiltersButton"), Qt::LeftButton);
    QTRY_VERIFY(f.idle() && f.model()->count() == total);
    QVERIFY(f.table()->isVisible());
}

void TestGuiAuditPage::filtersByOutcomeAndGroup()
{
    Fixture f;
    QVERIFY(f.org.build());
    Authenticator auth(*f.org.store);
    for (int i = 0; i < 3; ++i)
        QVERIFY(!auth.login(QStringLiteral("zhangwei"), QStringLiteral("wrong")).ok());
    QVERIFY(f.showPage());
    QTRY_VERIFY(f.idle());

    auto *outcome = f.find<QComboBox>("auditOutcomeFilter");
    outcome->setCurrentIndex(outcome->findData(QStringLiteral("denied")));
    QTRY_VERIFY(f.idle() && f.model()->query().outcome == QStringLiteral("denied"));
    QCOMPARE(f.model()->count(), 3);
    QCOMPARE(f.model()->rowCount(), 3);
    for (int r = 0; r < 3; ++r) {
        const QModelIndex i = f.model()->index(r, AuditTableModel::OutcomeColumn);
        QCOMPARE(i.data(AuditTableModel::RawRole).toString(), QStringLiteral("denied"));
        QCOMPARE(i.data().toString(), QStringLiteral("Denied"));
        QCOMPARE(i.data(Qt::ForegroundRole).value<QColor>(), QColor(0xc6, 0x28, 0x28));
        QCOMPARE(f.model()->index(r, AuditTableModel::ActionColumn).data().toString(),
                 QStringLiteral("Failed sign-in"));
    }

    // Sign-ins span three actions: the failures, lina's sign-in, and nothing else.
    outcome->setCurrentIndex(0);
    auto *group = f.find<QComboBox>("auditActionFilter");
    group->setCurrentIndex(group->findText(QStringLiteral("Sign-ins")));
    QTRY_VERIFY(f.idle() && !f.model()->query().actions.isEmpty());
    QCOMPARE(f.model()->count(), 4);
    QCOMPARE(f.model()->rowCount(), 4);
    QCOMPARE(f.model()->entryAt(0).action, QStringLiteral("login"));
    for (int r = 1; r < 4; ++r)
        QCOMPARE(f.model()->entryAt(r).action, QStringLiteral("login.failed"));

    group->setCurrentIndex(group->findText(QStringLiteral("Employees")));
    QTRY_VERIFY(f.idle() && f.model()->query().actions == QStringList{QStringLiteral("employee.")});
    QVERIFY(f.model()->rowCount() >= 7); // seven people were created
    for (int r = 0; r < f.model()->rowCount(); ++r)
        QVERIFY(f.model()->entryAt(r).action.startsWith(QStringLiteral("employee.")));
}

void TestGuiAuditPage::showsNewEntriesOnTop()
{
    Fixture f;
    QVERIFY(f.org.build());
    f.addEvents(600); // three pages and more
    QVERIFY(f.showPage());
    QTRY_VERIFY(f.idle() && f.model()->rowCount() > 0);
    QCOMPARE(f.model()->rowCount(), AuditTableModel::PageSize); // lazy: one page only
    const qint64 before = f.model()->count();

    // At the top, a new entry shows up on top.
    QVERIFY(f.org.store
                ->recordEvent(QStringLiteral("logout"), QStringLiteral("ok"), {},
                              QStringLiteral("lina"), QStringLiteral("Signed out"))
                .ok());
    QTRY_COMPARE(f.model()->count(), before + 1);
    QTRY_COMPARE(f.seqAt(0), before + 1);
    QCOMPARE(f.model()->index(0, AuditTableModel::ActionColumn).data().toString(),
             QStringLiteral("Sign out"));

    // Reading further down, the rows in view stay in view.
    f.table()->scrollTo(f.model()->index(100, 0), QAbstractItemView::PositionAtTop);
    QCoreApplication::processEvents();
    const qint64 topSeq =
        f.table()->indexAt(QPoint(1, 1)).data(AuditTableModel::SeqRole).toLongLong();
    QVERIFY(topSeq < f.seqAt(50));
    QVERIFY(f.org.store
                ->recordEvent(QStringLiteral("export"), QStringLiteral("ok"), {},
                              QStringLiteral("lina"), QStringLiteral("Exported"))
                .ok());
    QTRY_COMPARE(f.seqAt(0), before + 2);
    QCoreApplication::processEvents();
    QCOMPARE(f.table()->indexAt(QPoint(1, 1)).data(AuditTableModel::SeqRole).toLongLong(), topSeq);
}

void TestGuiAuditPage::detailShowsIds()
{
    Fixture f;
    QVERIFY(f.open());
    QTRY_VERIFY(f.idle());
    auto *group = f.find<QComboBox>("auditActionFilter");
    group->setCurrentIndex(group->findText(QStringLiteral("Employees")));
    QTRY_VERIFY(f.idle() && f.model()->rowCount() > 0 && !f.model()->query().actions.isEmpty());
    QTest::mouseClick(f.table()->viewport(), Qt::LeftButton, {},
                      f.table()->visualRect(f.model()->index(0, 1)).center());
    const qint64 seq = f.seqAt(0);
    QCOMPARE(f.table()->currentIndex().row(), 0);

    QSqlQuery q(f.org.store->database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT op_id, record_id FROM audit_log WHERE seq=%1").arg(seq)));
    QVERIFY(q.next());
    const QString opId = q.value(0).toString();
    const QString recordId = q.value(1).toString();
    q.finish();
    QVERIFY(!opId.isEmpty());
    QCOMPARE(f.find<QLineEdit>("detailOpId")->text(), opId);
    QCOMPARE(f.find<QLineEdit>("detailRecordId")->text(), recordId);
    QCOMPARE(f.find<QLabel>("detailTitle")->text(), QStringLiteral("Entry %1").arg(seq));
    QVERIFY(f.find<QLabel>("detailHashCheck")->text().contains(QStringLiteral("matches")));
    QCOMPARE(f.find<QLineEdit>("detailHash")->text().size(), 64);

    // Another filter drops the selection, and the pane says so.
    group->setCurrentIndex(0);
    QTRY_VERIFY(f.find<QLabel>("detailMessage")->isVisible());
}

void TestGuiAuditPage::verifyIntactChain()
{
    Fixture f;
    QVERIFY(f.open());
    QTRY_VERIFY(f.idle());
    const qint64 total = f.storedCount();
    f.clickVerify();
    auto *result = f.find<QLabel>("verifyResult");
    QVERIFY(result->isVisible());
    QVERIFY2(result->text().startsWith(QStringLiteral("All %1 entries check out").arg(total)),
             qPrintable(result->text()));
    QCOMPARE(result->palette().color(QPalette::WindowText), QColor(0x2e, 0x7d, 0x32));
    QVERIFY(!f.find<QPushButton>("verifyJumpButton")->isVisible());
    // The check is recorded in the trail it checked, and shows up in the list.
    QCOMPARE(f.storedCount(), total + 1);
    QTRY_VERIFY(f.idle() && f.seqAt(0) == total + 1);
    QSqlQuery q(f.org.store->database().connection());
    QVERIFY(
        q.exec(QStringLiteral("SELECT action, summary FROM audit_log ORDER BY seq DESC LIMIT 1")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("audit.verify"));
    QCOMPARE(q.value(1).toString(),
             QStringLiteral("Verified the audit chain: all %1 entries check out").arg(total));
}

void TestGuiAuditPage::verifyNamesTamperedEntry()
{
    Fixture f;
    QVERIFY(f.org.build());
    f.addEvents(400); // entry 3 lies pages below the newest
    QVERIFY(f.showPage());
    QTRY_VERIFY(f.idle());
    QVERIFY(f.tamper(QStringLiteral("UPDATE audit_log SET summary='x' WHERE seq=3")));

    f.clickVerify();
    auto *result = f.find<QLabel>("verifyResult");
    QVERIFY2(result->text().contains(QStringLiteral("Entry 3 was changed")),
             qPrintable(result->text()));
    QCOMPARE(result->palette().color(QPalette::WindowText), QColor(0xc6, 0x28, 0x28));
    auto *jump = f.find<QPushButton>("verifyJumpButton");
    QVERIFY(jump->isVisible());
    QCOMPARE(f.model()->rowOfSeq(3), -1);

    // A filter that hides the entry is cleared on the way.
    auto *outcome = f.find<QComboBox>("auditOutcomeFilter");
    outcome->setCurrentIndex(outcome->findData(QStringLiteral("denied")));
    QTRY_VERIFY(f.idle() && !f.model()->query().outcome.isEmpty());
    QTest::mouseClick(jump, Qt::LeftButton);
    QTRY_VERIFY(f.idle() && f.table()->currentIndex().isValid());
    QCOMPARE(f.table()->currentIndex().data(AuditTableModel::SeqRole).toLongLong(), 3);
    QCOMPARE(outcome->currentIndex(), 0);
    QVERIFY(f.find<QLabel>("auditFromNotice")->isVisible());
    QCOMPARE(f.find<QLabel>("detailSummary")->text(), QStringLiteral("x"));
    QVERIFY(f.find<QLabel>("detailHashCheck")->text().contains(QStringLiteral("does not match")));

    QTest::mouseClick(f.find<QPushButton>("showNewestButton"), Qt::LeftButton);
    QTRY_VERIFY(f.idle() && f.model()->rowCount() > 0);
    QCOMPARE(f.seqAt(0), f.storedCount());
    QVERIFY(!f.find<QLabel>("auditFromNotice")->isVisible());

    // A removed entry is named too.
    QVERIFY(f.tamper(QStringLiteral("DELETE FROM audit_log WHERE seq=2")));
    f.clickVerify();
    QVERIFY2(result->text().contains(QStringLiteral("Entry 2 is missing")),
             qPrintable(result->text()));
}

void TestGuiAuditPage::verifyCanBeCancelled()
{
    Fixture f;
    QVERIFY(f.org.build());
    f.addEvents(30000); // long enough to still be running when Cancel is pressed
    QVERIFY(f.showPage());
    QTRY_VERIFY(f.idle());
    auto *verify = f.find<QPushButton>("verifyButton");
    auto *cancel = f.find<QPushButton>("verifyCancel");
    QTest::mouseClick(verify, Qt::LeftButton);
    QVERIFY(!verify->isEnabled());
    QVERIFY(cancel->isVisible());
    QVERIFY(f.find<QProgressBar>("verifyProgress")->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(verify->isEnabled(), 20000);
    QVERIFY(!cancel->isVisible());
    const QString text = f.find<QLabel>("verifyResult")->text();
    QVERIFY2(text.startsWith(QStringLiteral("Verification cancelled")), qPrintable(text));
    QVERIFY(!f.find<QPushButton>("verifyJumpButton")->isVisible());
    // Nothing was concluded, so nothing is recorded.
    QSqlQuery q(f.org.store->database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action='audit.verify'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestGuiAuditPage::closingWhileBusyIsSafe()
{
    Fixture f;
    QVERIFY(f.org.build());
    f.addEvents(30000);
    QVERIFY(f.showPage());
    QTest::mouseClick(f.find<QPushButton>("verifyButton"), Qt::LeftButton);
    f.find<QLineEdit>("auditFilter")->setText(QStringLiteral("Signed"));
    QTest::qWait(AuditFilterBar::DebounceMs + 10); // a search is under way too
    f.page.reset(); // the workers must not reach back into the page or model
    QTest::qWait(500);
    QVERIFY(f.org.store
                ->recordEvent(QStringLiteral("logout"), QStringLiteral("ok"), {},
                              QStringLiteral("lina"), QStringLiteral("Signed out"))
                .ok());
}

void TestGuiAuditPage::verifyShowsTheServersHistory()
{
    Fixture f;
    QVERIFY(f.org.build());
    QVERIFY(f.showPage());
    QTRY_VERIFY(f.idle());
    auto *central = f.find<QLabel>("centralHistory");
    // Never synced: nothing to say about a server.
    f.clickVerify();
    QVERIFY(!central->isVisible());
    // A server whose history did not add up: said on every verification.
    QVERIFY(f.org.store
                ->setMeta(SyncClient::AlarmKey,
                          QStringLiteral("The server's log head is not signed by its pinned key."))
                .ok());
    f.clickVerify();
    QVERIFY(central->isVisible());
    QVERIFY2(central->text().contains(QStringLiteral("not signed by its pinned key")),
             qPrintable(central->text()));
}

void TestGuiAuditPage::verifyNeedsPermission()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral("chenjing"))); // a department manager
    QVERIFY(!f.find<QPushButton>("verifyButton")->isEnabled());
}

void TestGuiAuditPage::exportWritesCsvAndIsAudited()
{
    Fixture f;
    QVERIFY(f.open());
    QTRY_VERIFY(f.idle());
    const qint64 total = f.model()->count();
    const QString path = f.org.dir.filePath(QStringLiteral("export.csv"));

    // The save dialog answers itself.
    QTimer::singleShot(0, this, [path] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog's override is protected
    });
    QTest::mouseClick(f.find<QPushButton>("exportButton"), Qt::LeftButton);
    QTRY_VERIFY(f.find<QPushButton>("exportButton")->isEnabled() && QFile::exists(path));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    const QList<QByteArray> lines = csv.mid(3).split('\n');
    QCOMPARE(lines.size(), total + 2); // header, rows, and the empty rest after the last CRLF
    QVERIFY(lines.at(0).startsWith("Entry,Time,"));
    QVERIFY(lines.at(1).startsWith(QByteArray(QByteArray::number(total) + ',')));

    // The export itself is in the trail, newest first.
    QTRY_COMPARE(f.seqAt(0), total + 1);
    const AuditRow exported = f.model()->entryAt(0);
    QCOMPARE(exported.action, QStringLiteral("export"));
    QCOMPARE(exported.outcome, QStringLiteral("ok"));
    QCOMPARE(exported.userName, QStringLiteral("lina"));
    QVERIFY2(exported.summary.contains(QStringLiteral("export.csv")), qPrintable(exported.summary));
    QVERIFY(exported.summary.contains(QString::number(total)));
    QVERIFY(f.find<QLabel>("auditMessage")->text().contains(QStringLiteral("Exported")));
}

void TestGuiAuditPage::exportKeepsTheFilters()
{
    Fixture f;
    QVERIFY(f.org.build());
    Authenticator auth(*f.org.store);
    for (int i = 0; i < 2; ++i)
        QVERIFY(!auth.login(QStringLiteral("zhangwei"), QStringLiteral("wrong")).ok());
    QVERIFY(f.showPage());
    auto *outcome = f.find<QComboBox>("auditOutcomeFilter");
    outcome->setCurrentIndex(outcome->findData(QStringLiteral("denied")));
    QTRY_VERIFY(f.idle() && f.model()->count() == 2);

    const QString path = f.org.dir.filePath(QStringLiteral("denied.csv"));
    QTimer::singleShot(0, this, [path] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept();
    });
    QTest::mouseClick(f.find<QPushButton>("exportButton"), Qt::LeftButton);
    QTRY_VERIFY(f.find<QPushButton>("exportButton")->isEnabled() && QFile::exists(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 4); // header, two refusals, the empty rest
    QVERIFY(lines.at(1).contains(",login.failed,Denied,"));
    QVERIFY(lines.at(2).contains(",login.failed,Denied,"));

    // The export entry is "ok", so the denied-only list does not show it;
    // the trail has it all the same.
    QTRY_VERIFY(f.model()->count() == 2 && f.idle());
    const QList<AuditRow> newest = AuditTrail(f.org.store->database()).page({}, 0, 1).value();
    QCOMPARE(newest.constFirst().action, QStringLiteral("export"));
    QVERIFY2(newest.constFirst().summary.contains(QStringLiteral("filtered by outcome: Denied")),
             qPrintable(newest.constFirst().summary));
}

void TestGuiAuditPage::exportThatCannotBeAuditedIsRemoved()
{
    Fixture f;
    QVERIFY(f.open());
    QTRY_VERIFY(f.idle());
    // The trail refuses the export entry (a trigger stands in for a full disk).
    QVERIFY(f.tamper(QStringLiteral("CREATE TRIGGER no_export BEFORE INSERT ON audit_log "
                                    "WHEN NEW.action = 'export' BEGIN SELECT RAISE(ABORT, 'full'); "
                                    "END")));
    const QString path = f.org.dir.filePath(QStringLiteral("unaudited.csv"));
    QTimer::singleShot(0, this, [path] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept();
    });
    QTest::mouseClick(f.find<QPushButton>("exportButton"), Qt::LeftButton);
    auto *message = f.find<QLabel>("auditMessage");
    QTRY_VERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("could not be recorded")),
             qPrintable(message->text()));
    QVERIFY(!QFile::exists(path));
}

// Settings -> Language at run time: every text of the page follows at once,
// stateful ones (verdict, count, selected entry) included, and the filters
// keep what they select without reloading the list.
void TestGuiAuditPage::switchesLanguageAtRuntime()
{
    Fixture f;
    QVERIFY(f.open());
    QTRY_VERIFY(f.idle());
    const qint64 total = f.storedCount();
    f.clickVerify();
    QTRY_VERIFY(f.idle() && f.seqAt(0) == total + 1); // the check's own entry

    auto *group = f.find<QComboBox>("auditActionFilter");
    auto *outcome = f.find<QComboBox>("auditOutcomeFilter");
    auto *period = f.find<QComboBox>("auditPeriod");
    auto *from = f.find<QDateEdit>("auditFromDate");
    auto *to = f.find<QDateEdit>("auditToDate");
    group->setCurrentIndex(group->findText(QStringLiteral("Employees")));
    outcome->setCurrentIndex(outcome->findData(QStringLiteral("ok")));
    period->setCurrentIndex(period->findText(QStringLiteral("Date range")));
    // Around the test organisation's clock (2026-01-01).
    from->setDate(QDate(2025, 12, 1));
    to->setDate(QDate(2026, 1, 31));
    QTRY_VERIFY(f.idle() && f.model()->query().outcome == QStringLiteral("ok")
                && !f.model()->query().actions.isEmpty() && f.model()->query().toMs > 0
                && f.model()->rowCount() > 0);
    QTest::mouseClick(f.table()->viewport(), Qt::LeftButton, {},
                      f.table()->visualRect(f.model()->index(0, 1)).center());
    const qint64 seq = f.seqAt(0);
    QCOMPARE(f.table()->currentIndex().row(), 0);
    QCOMPARE(f.find<QLabel>("detailTitle")->text(), QStringLiteral("Entry %1").arg(seq));

    auto *verify = f.find<QPushButton>("verifyButton");
    auto *filter = f.find<QLineEdit>("auditFilter");
    auto *result = f.find<QLabel>("verifyResult");
    auto *count = f.find<QLabel>("auditCount");
    auto rowLabel = [&f](const char *field) {
        auto *form = f.find<QWidget>("auditDetail")->findChild<QFormLayout *>();
        auto *label =
            form ? qobject_cast<QLabel *>(form->labelForField(f.find<QWidget>(field))) : nullptr;
        return label ? label->text() : QStringLiteral("(no label)");
    };
    auto header = [&f](int column) {
        return f.model()->headerData(column, Qt::Horizontal).toString();
    };
    QCOMPARE(verify->text(), QStringLiteral("Verify chain"));
    QCOMPARE(rowLabel("detailTime"), QStringLiteral("Time"));
    const QString verdict =
        QStringLiteral("All %1 entries check out").arg(QLocale().toString(total));
    QVERIFY2(result->text().startsWith(verdict), qPrintable(result->text()));
    const AuditQuery query = f.model()->query();
    const QVariant groupData = group->currentData();
    const qint64 shown = f.model()->count();
    QSignalSpy resets(f.model(), &QAbstractItemModel::modelReset);
    QSignalSpy headers(f.model(), &QAbstractItemModel::headerDataChanged);

    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral("baton_zh_CN"), QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&chinese));
    auto uninstall = qScopeGuard([&chinese] { QCoreApplication::removeTranslator(&chinese); });
    QTRY_COMPARE(verify->text(), QStringLiteral("校验哈希链"));
    QCOMPARE(f.find<QPushButton>("exportButton")->text(), QStringLiteral("导出 CSV…"));
    QCOMPARE(filter->placeholderText(), QStringLiteral("搜索摘要和用户"));
    QCOMPARE(group->itemText(0), QStringLiteral("全部操作"));
    QCOMPARE(outcome->itemText(0), QStringLiteral("全部结果"));
    QCOMPARE(period->itemText(0), QStringLiteral("全部时间"));
    QVERIFY(headers.count() > 0);
    QCOMPARE(header(AuditTableModel::ActionColumn), QStringLiteral("操作"));
    QCOMPARE(f.table()->model()->headerData(AuditTableModel::SeqColumn, Qt::Horizontal).toString(),
             QStringLiteral("序号"));
    QCOMPARE(f.model()->index(0, AuditTableModel::OutcomeColumn).data().toString(),
             QStringLiteral("成功"));
    QVERIFY2(result->text().startsWith(
                 QStringLiteral("全部 %1 条记录校验通过").arg(QLocale().toString(total))),
             qPrintable(result->text()));
    QCOMPARE(count->text(), shown == 1
                                ? QStringLiteral("1 条记录")
                                : QStringLiteral("%1 条记录").arg(QLocale().toString(shown)));
    QCOMPARE(rowLabel("detailTime"), QStringLiteral("时间"));
    QCOMPARE(rowLabel("detailHashCheck"), QStringLiteral("哈希校验"));
    QCOMPARE(f.find<QLabel>("detailTitle")->text(), QStringLiteral("记录 %1").arg(seq));
    QCOMPARE(f.find<QLabel>("detailOutcome")->text(), QStringLiteral("成功"));
    QCOMPARE(f.find<QLabel>("detailHashCheck")->text(),
             QStringLiteral("哈希值与此记录的内容相符。"));
    // The filters select what they did, in the new words, and nothing reloaded.
    QCOMPARE(group->currentText(), QStringLiteral("员工"));
    QCOMPARE(group->currentData(), groupData);
    QCOMPARE(outcome->currentText(), QStringLiteral("成功"));
    QCOMPARE(outcome->currentData().toString(), QStringLiteral("ok"));
    QCOMPARE(period->currentText(), QStringLiteral("日期范围"));
    QVERIFY(from->isVisible() && to->isVisible());
    QCOMPARE(from->date(), QDate(2025, 12, 1));
    QVERIFY(f.model()->query() == query);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(f.table()->currentIndex().row(), 0);
    QCOMPARE(f.seqAt(0), seq);

    // And back.
    uninstall.dismiss();
    QVERIFY(QCoreApplication::removeTranslator(&chinese));
    QTRY_COMPARE(verify->text(), QStringLiteral("Verify chain"));
    QCOMPARE(filter->placeholderText(), QStringLiteral("Search summaries and users"));
    QCOMPARE(group->itemText(0), QStringLiteral("All actions"));
    QCOMPARE(group->currentText(), QStringLiteral("Employees"));
    QCOMPARE(outcome->currentText(), QStringLiteral("OK"));
    QCOMPARE(period->currentText(), QStringLiteral("Date range"));
    QCOMPARE(header(AuditTableModel::ActionColumn), QStringLiteral("Action"));
    QCOMPARE(f.model()->index(0, AuditTableModel::OutcomeColumn).data().toString(),
             QStringLiteral("OK"));
    QVERIFY2(result->text().startsWith(verdict), qPrintable(result->text()));
    QVERIFY(count->text().endsWith(QStringLiteral("entries"))
            || count->text() == QStringLiteral("1 entry"));
    QCOMPARE(rowLabel("detailTime"), QStringLiteral("Time"));
    QCOMPARE(f.find<QLabel>("detailTitle")->text(), QStringLiteral("Entry %1").arg(seq));
    QCOMPARE(f.find<QLabel>("detailHashCheck")->text(),
             QStringLiteral("The hash matches this entry's content."));
    QVERIFY(f.model()->query() == query);
    QCOMPARE(resets.count(), 0);
}

QTEST_MAIN(TestGuiAuditPage)
#include "tst_gui_auditpage.moc"
