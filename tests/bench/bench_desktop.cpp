// The desktop app on a big company, with the real widgets (offscreen unless
// QT_QPA_PLATFORM says otherwise): from a successful sign-in to a main
// window whose employee list shows its first rows; the People filter
// answering each keystroke; peak memory once the Audit page has loaded.
// Prints "name: value unit"; details go to stderr.
//
//   bench_desktop [--database FILE --password PASSWORD [--login LOGIN]]
//                 [--employees N] [--audit-entries N]
#include "audit/audittablemodel.h"
#include "benchdatabase.h"
#include "people/employeefilterbar.h"
#include "people/employeetablemodel.h"
#include "people/peoplepage.h"
#include "shell/desktopsession.h"
#include "shell/languagemanager.h"
#include "shell/logindialog.h"
#include "shell/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace baton;

namespace {

QElapsedTimer benchClock;

double nowMs()
{
    return double(benchClock.nsecsElapsed()) / 1e6;
}

void say(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

// Sees every event of the main thread before its receiver does.
class EventProbe : public QObject
{
public:
    explicit EventProbe(std::function<void(QObject *, QEvent *)> seen)
        : m_seen(std::move(seen))
    { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        m_seen(watched, event);
        return false;
    }

private:
    std::function<void(QObject *, QEvent *)> m_seen;
};

// Runs the event loop until done() holds; false after timeoutMs.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 120000)
{
    QElapsedTimer elapsed;
    elapsed.start();
    QTimer tick; // wakes the loop to look at the deadline
    tick.start(50);
    while (!done()) {
        if (elapsed.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Handles what is pending (the repaint a change asked for, layouts it
// started) until a pass paints nothing; returns when the last paint ended.
double settle(const int &paints)
{
    double settledAt = nowMs();
    for (int pass = 0; pass < 10; ++pass) {
        const int before = paints;
        QCoreApplication::processEvents();
        if (paints == before)
            break;
        settledAt = nowMs();
    }
    return settledAt;
}

// One key as a user presses it: Latin letters and digits as key events,
// other characters as the commit of an input method.
void typeCharacter(QLineEdit *edit, QChar c)
{
    if (c.unicode() < 0x80) {
        const int key = c.toUpper().unicode();
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(edit, &press);
        QCoreApplication::sendEvent(edit, &release);
        return;
    }
    QInputMethodEvent commit;
    commit.setCommitString(QString(c));
    QCoreApplication::sendEvent(edit, &commit);
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// VmHWM of this process in MB; -1 where /proc does not say.
double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // Read whole: /proc files have no size, so atEnd() holds from the start.
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines)
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

QString ms(double value)
{
    return QString::number(value, 'f', 1);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Never the user's own settings: a fresh window, as on a first sign-in.
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Baton"));
    QApplication::setApplicationName(QStringLiteral("BatonBench"));
    QApplication::setQuitOnLastWindowClosed(false);
    benchClock.start();

    QCommandLineParser parser;
    parser.addHelpOption();
    bench::BenchDatabase::addOptions(parser, 1000000);
    parser.process(app);
    bench::BenchDatabase database;
    if (!database.prepare(parser))
        return 1;
    if (database.password().isEmpty()) {
        say(QStringLiteral("Give the password of %1 with --password.").arg(database.login()));
        return 2;
    }

    // What the probe sees: the end of the sign-in dialog, paints in the main
    // window (and of the employee list), the filter's typing pause ending.
    QObject *loginDialog = nullptr;
    QWidget *mainWindow = nullptr;
    QObject *typingTimer = nullptr;
    double signedInAt = -1;
    double typingFiredAt = -1;
    int windowPaints = 0;
    int listPaints = 0;
    EventProbe probe([&](QObject *o, QEvent *e) {
        switch (e->type()) {
        case QEvent::Hide:
            if (o == loginDialog && signedInAt < 0)
                signedInAt = nowMs();
            break;
        case QEvent::Timer:
            if (o == typingTimer)
                typingFiredAt = nowMs();
            break;
        case QEvent::Paint: {
            if (!o->isWidgetType())
                break;
            auto *w = static_cast<QWidget *>(o);
            if (!mainWindow || w->window() != mainWindow)
                break;
            ++windowPaints;
            if (w->parent() && w->parent()->objectName() == QLatin1String("employeeTable"))
                ++listPaints;
            break;
        }
        default:
            break;
        }
    });
    app.installEventFilter(&probe);

    LanguageManager languages;
    DesktopSession session(languages);
    if (!session.start(database.path()))
        return 1;
    LoginDialog *dialog = session.loginDialog();
    if (!dialog) {
        say(QStringLiteral("No sign-in dialog: the database has no administrator yet."));
        return 1;
    }
    waitUntil([&] { return dialog->windowHandle() && dialog->windowHandle()->isExposed(); });
    auto *loginEdit = dialog->findChild<QLineEdit *>(QStringLiteral("loginEdit"));
    auto *passwordEdit = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    auto *signIn = dialog->findChild<QPushButton *>(QStringLiteral("loginButton"));
    if (!loginEdit || !passwordEdit || !signIn) {
        say(QStringLiteral("The sign-in dialog changed: fields not found."));
        return 1;
    }
    loginEdit->setText(database.login());
    passwordEdit->setText(database.password());
    loginDialog = dialog;
    // Everything after the password check runs inside this click: the
    // session, the main window and its pages, show().
    signIn->click();
    MainWindow *window = session.mainWindow();
    if (signedInAt < 0 || !window) {
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("loginError"));
        say(QStringLiteral("Sign-in failed: %1").arg(error ? error->text() : QString()));
        return 1;
    }
    mainWindow = window;
    auto *people = qobject_cast<PeoplePage *>(window->page(Module::People));
    if (!people) {
        say(QStringLiteral("%1 may not see the People page.").arg(database.login()));
        return 1;
    }
    if (!waitUntil([&] {
            return window->windowHandle() && window->windowHandle()->isExposed()
                   && people->model()->rowCount() > 0;
        })) {
        say(QStringLiteral("The main window never showed the employee list."));
        return 1;
    }
    if (listPaints == 0)
        settle(windowPaints); // the paint the exposure asked for
    if (listPaints == 0)
        (void)window->grab(); // the platform never asked for one: force it
    const double loginMs = nowMs() - signedInAt;
    const qint64 employees = people->model()->totalCount();
    say(QStringLiteral("usable window: %1 ms, %2 rows loaded of %3")
            .arg(ms(loginMs))
            .arg(people->model()->rowCount())
            .arg(employees));

    // The filter: one key at a time, each one let through the typing pause.
    auto *filterBar = people->findChild<EmployeeFilterBar *>();
    if (!filterBar) {
        say(QStringLiteral("No filter bar on the People page."));
        return 1;
    }
    QLineEdit *filter = filterBar->textEdit();
    const auto timers = filterBar->findChildren<QTimer *>(Qt::FindDirectChildrenOnly);
    for (QTimer *t : timers)
        if (t->isSingleShot() && t->interval() == EmployeeFilterBar::TypingDelayMs)
            typingTimer = t;
    if (!typingTimer)
        say(QStringLiteral("No typing pause found: keystrokes are timed from the key."));
    int applied = 0;
    double appliedAt = 0;
    // Connected after the page's own slot, so this runs once the list is read.
    QObject::connect(filterBar, &EmployeeFilterBar::filterChanged, filterBar, [&] {
        ++applied;
        appliedAt = nowMs();
    });
    filter->setFocus();
    QList<double> debounces;
    QList<double> keystrokes;
    const QStringList searches = {QStringLiteral("王芳"), QStringLiteral("zhang"),
                                  QStringLiteral("李娜"), QStringLiteral("E0042")};
    for (const QString &search : searches) {
        for (const QChar c : search) {
            const int before = applied;
            typingFiredAt = -1;
            const double keyAt = nowMs();
            typeCharacter(filter, c);
            if (!waitUntil([&] { return applied > before; }, 10000)) {
                say(QStringLiteral("The filter did not answer \"%1\".").arg(filter->text()));
                return 1;
            }
            const int paintsBefore = windowPaints;
            const double settledAt = settle(windowPaints);
            const double firedAt = typingFiredAt >= 0 ? typingFiredAt : keyAt;
            debounces.append(firedAt - keyAt);
            keystrokes.append(settledAt - firedAt);
            say(QStringLiteral("filter \"%1\": %2 rows; pause %3 ms, list read %4 ms, "
                               "painted %5 ms (%6 paints)")
                    .arg(filter->text())
                    .arg(people->model()->totalCount())
                    .arg(ms(firedAt - keyAt), ms(appliedAt - firedAt), ms(settledAt - firedAt))
                    .arg(windowPaints - paintsBefore));
        }
        const int before = applied;
        filter->clear();
        waitUntil([&] { return applied > before; }, 10000);
        settle(windowPaints);
    }

    // The Audit page, so its model holds its first page of the trail.
    window->showModule(Module::Audit);
    auto *auditModel = window->page(Module::Audit)->findChild<AuditTableModel *>();
    if (!auditModel || !waitUntil([&] {
            return auditModel->rowCount() > 0 && !auditModel->isLoading()
                   && auditModel->count() >= 0;
        })) {
        say(QStringLiteral("The Audit page did not load."));
        return 1;
    }
    settle(windowPaints);
    const double rssMb = peakRssMb();

    QTextStream out(stdout);
    out << "employees: " << employees << Qt::endl;
    out << "audit_entries: " << auditModel->count() << Qt::endl;
    out << "login_to_usable_window_ms: " << ms(loginMs) << " ms" << Qt::endl;
    out << "employee_filter_debounce_ms: " << ms(median(debounces)) << " ms" << Qt::endl;
    out << "employee_filter_keystroke_median_ms: " << ms(median(keystrokes)) << " ms" << Qt::endl;
    out << "employee_filter_keystroke_max_ms: "
        << ms(*std::max_element(keystrokes.cbegin(), keystrokes.cend())) << " ms" << Qt::endl;
    if (rssMb >= 0)
        out << "desktop_peak_rss_mb: " << ms(rssMb) << " MB" << Qt::endl;
    return 0;
}
