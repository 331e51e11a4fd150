// The work board and the goal reads on a generated demo company (2,000
// employees by default, eight months of goals and values): how long the
// work board takes to open, populated, for Zhang Wei and for his manager
// (whose board also lists her people), and the indicator scores of a whole
// company for one cycle, as the review part reads them.
// Prints "name: value unit"; details go to stderr.
//
//   bench_workboard [--employees N] [--seed S] [--runs R]
#include "auth/authenticator.h"
#include "common/appcontext.h"
#include "demo/democompany.h"
#include "demo/demogoals.h"
#include "oplog/uuidv7.h"
#include "performance/goalboard.h"
#include "performance/workboardview.h"
#include "store/store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <algorithm>
#include <cstdio>

using namespace baton;

namespace {

void say(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : values[values.size() / 2];
}

// Milliseconds to construct the board until its goals and tasks are shown:
// the first opening, and the median of the later ones.
std::pair<double, double> openBoard(AppContext &context, int runs, int *goalRows)
{
    QList<double> later;
    double first = 0;
    for (int i = 0; i <= runs; ++i) {
        {
            QElapsedTimer t;
            t.start();
            WorkBoardView view(context);
            const double ms = double(t.nsecsElapsed()) / 1e6;
            *goalRows = view.goalsView()->topLevelItemCount();
            if (i == 0)
                first = ms;
            else
                later.append(ms);
        }
        // What the application's event loop does between two openings.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QApplication::processEvents();
    }
    return {first, median(later)};
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("employees"), QStringLiteral("Employees of the demo."),
                      QStringLiteral("n"), QStringLiteral("2000")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed of the demo."),
                      QStringLiteral("s"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Openings after the first."),
                      QStringLiteral("r"), QStringLiteral("5")});
    parser.process(app);
    const int employees = parser.value(QStringLiteral("employees")).toInt();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    QTemporaryDir dir;
    Store::Options options;
    options.path = dir.filePath(QStringLiteral("bench.db"));
    auto store = Store::open(options);
    if (!store) {
        say(store.error().message);
        return 1;
    }
    DemoOptions demo;
    demo.employees = employees;
    demo.seed = parser.value(QStringLiteral("seed")).toUInt();
    demo.locale = QStringLiteral("en");
    demo.progress = say;
    QElapsedTimer timer;
    timer.start();
    auto users = DemoCompany::create(**store, demo);
    if (!users) {
        say(users.error().message);
        return 1;
    }
    QHash<QString, DemoAccount> accounts;
    QHash<QString, QString> passwords;
    for (const DemoUser &u : std::as_const(*users)) {
        SqlStatement &q =
            (*store)->database().statement(QStringLiteral("SELECT id FROM app_user WHERE login=?"));
        q.bind(0, u.login);
        if (q.exec() && q.next())
            accounts.insert(u.login, {parseId(q.text(0)), u.password});
        q.finish();
        passwords.insert(u.login, u.password);
    }
    // Once the demo company adds its goals itself, they are there already.
    auto cycles = GoalBoard(**store).cycles();
    if (cycles && cycles->isEmpty()) {
        const QDate today = QDateTime::fromMSecsSinceEpoch((*store)->nowMs()).date();
        QElapsedTimer goalsTimer;
        goalsTimer.start();
        if (Status s = addDemoGoals(**store, accounts, demo.locale, today); !s) {
            say(s.error().message);
            return 1;
        }
        say(QStringLiteral("Demo goals in %1 s").arg(double(goalsTimer.elapsed()) / 1000.0));
        cycles = GoalBoard(**store).cycles();
    }
    say(QStringLiteral("Demo company of %1 in %2 s")
            .arg(employees)
            .arg(double(timer.elapsed()) / 1000.0));
    if (!cycles || cycles->isEmpty()) {
        say(QStringLiteral("The demo company has no review cycles."));
        return 1;
    }

    for (const char *login : {"zhangwei", "chenjing"}) {
        auto session = Authenticator(**store).login(QLatin1String(login),
                                                    passwords.value(QLatin1String(login)));
        if (!session) {
            say(session.error().message);
            return 1;
        }
        AppContext context(**store, *session);
        int goalRows = 0;
        const auto [first, later] = openBoard(context, runs, &goalRows);
        say(QStringLiteral("%1: %2 goals on the board").arg(QLatin1String(login)).arg(goalRows));
        const char *name = QLatin1String(login) == QLatin1String("zhangwei")
                               ? "workboard_open"
                               : "workboard_open_manager";
        std::printf("%s: %.1f ms\n", name, first);
        std::printf("%s_again: %.1f ms\n", name, later);
    }

    // The review part's read: every person's indicator score for a cycle.
    QUuid past;
    for (const CycleInfo &c : std::as_const(*cycles))
        if (!c.isOpen() && c.kind == QLatin1String("month") && past.isNull())
            past = c.id;
    QList<double> times;
    qsizetype people = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        auto scores = GoalBoard(**store).departmentScores({}, past);
        times.append(double(t.nsecsElapsed()) / 1e6);
        people = scores ? scores->size() : 0;
    }
    say(QStringLiteral("%1 people with indicator scores in a closed month").arg(people));
    std::printf("company_indicator_scores: %.1f ms\n", median(times));
    return 0;
}
