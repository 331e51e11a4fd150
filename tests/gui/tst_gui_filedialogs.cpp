// Showing the folder of the open database in a file dialog must not release
// SQLite's locks on it (see ui/common/filedialogs.h). Linux only: the test
// reads the process's POSIX locks from /proc/locks.
#include "common/filedialogs.h"
#include "testorg.h"

#include <QFile>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QMimeDatabase>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace baton;

namespace {

quint64 inodeOf(const QString &path)
{
    struct stat st
    { };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? quint64(st.st_ino) : 0;
}

// POSIX locks this process holds on the database and its shared-memory file.
int locksHeld(const QString &dbPath)
{
    const QSet<quint64> inodes{inodeOf(dbPath), inodeOf(dbPath + QStringLiteral("-shm"))};
    QFile f(QStringLiteral("/proc/locks"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray pid = QByteArray::number(qint64(::getpid()));
    int n = 0;
    // "1: POSIX  ADVISORY  READ 1234 08:01:5678 128 128"
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() < 6 || parts[1] != "POSIX" || parts[4] != pid)
            continue;
        const QList<QByteArray> device = parts[5].split(':');
        if (device.size() == 3 && inodes.contains(device[2].toULongLong()))
            ++n;
    }
    return n;
}

// Shows the dialog on the database's folder until the listing, types
// included, is complete.
void listFolder(QFileDialog &dialog, const QString &folder, const QString &dbPath)
{
    dialog.setDirectory(folder);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *model = dialog.findChild<QFileSystemModel *>();
    QVERIFY(model);
    QTRY_VERIFY(model->index(dbPath).isValid());
    const QModelIndex db = model->index(dbPath);
    // Types are filled in by a background thread; asking starts it.
    QTRY_VERIFY_WITH_TIMEOUT(!model->type(db).isEmpty() && model->fileInfo(db).size() > 0, 10000);
    QTest::qWait(200); // let the gatherer finish the rest of the folder
    dialog.close();
}

} // namespace

class TestFileDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void safeDialogKeepsDatabaseLocks();
    void plainDialogWouldDropThem();

private:
    std::unique_ptr<test::TestOrg> m_org;
};

void TestFileDialogs::init()
{
#ifndef Q_OS_LINUX
    QSKIP("reads /proc/locks");
#endif
    m_org = std::make_unique<test::TestOrg>();
    QVERIFY(m_org->build());
}

void TestFileDialogs::cleanup()
{
    m_org.reset();
}

void TestFileDialogs::safeDialogKeepsDatabaseLocks()
{
    const QString db = m_org->path();
    const int before = locksHeld(db);
    QVERIFY2(before > 0, "the open database should hold POSIX locks");
    QFileDialog dialog(nullptr, QStringLiteral("Open"));
    FileDialogs::prepare(dialog);
    QVERIFY(dialog.testOption(QFileDialog::DontUseNativeDialog));
    listFolder(dialog, m_org->dir.path(), db);
    QCOMPARE(locksHeld(db), before);
    // And the store still writes through its write-ahead log.
    QVERIFY(m_org
                ->submitAs(QStringLiteral("lina"), QStringLiteral("employee"),
                           m_org->emp.value(QStringLiteral("E002")), OpKind::Update,
                           {{QStringLiteral("phone"), QStringLiteral("+86 10 7777 7777")}})
                .ok());
    QVERIFY(QFile::exists(db + QStringLiteral("-wal")));
}

// The failure the safe dialog avoids, shown on this machine: the plain Qt
// dialog reads files whose name does not settle their type (".db" has no
// glob in shared-mime-info) and so drops the locks.
void TestFileDialogs::plainDialogWouldDropThem()
{
    if (QMimeDatabase().mimeTypesForFileName(QStringLiteral("x.db")).size() == 1)
        QSKIP("this MIME database names .db files without reading them");
    const QString db = m_org->path();
    QVERIFY(locksHeld(db) > 0);
    QFileDialog dialog(nullptr, QStringLiteral("Open"));
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    listFolder(dialog, m_org->dir.path(), db);
    QCOMPARE(locksHeld(db), 0);
}

QTEST_MAIN(TestFileDialogs)
#include "tst_gui_filedialogs.moc"
