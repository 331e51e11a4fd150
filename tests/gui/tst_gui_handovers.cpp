// Handovers through the real widgets, on the test organisation: HR starts
// Zhang Wei's departure (journey 3), keeps his checklist, submits it for
// sign-off and completes it once the three signatures are in; the dialogs
// refuse what cannot be, saying why and saving nothing.
#include "approvals/approvalspage.h"
#include "approvals/employeepicker.h"
#include "auth/authenticator.h"
#include "common/appcontext.h"
#include "handover/handovers.h"
#include "handovers/additemdialog.h"
#include "handovers/handoverdetailpane.h"
#include "handovers/handoversmodel.h"
#include "handovers/handoverspage.h"
#include "handovers/personfield.h"
#include "handovers/startdeparturedialog.h"
#include "shell/languagemanager.h"
#include "shell/mainwindow.h"
#include "shell/messagelabel.h"
#include "shellfixture.h"
#include "workflow/approvals.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabBar>
#include <QTableWidget>
#include <QTimer>
#include <QtTest>

#include <functional>
#include <memory>

using namespace baton;

// QVERIFY that text contains part, showing the text when it does not.
#define VERIFY_CONTAINS(text, part) \
    QVERIFY2(QString(text).contains(QStringLiteral(part)), qPrintable(QString(text)))

namespace {

template<typename T>
T *child(QObject &parent, const char *name)
{
    return parent.findChild<T *>(QLatin1String(name));
}

// Runs fill on the modal dialog of type T that trigger opens, then closes
// the dialog if fill left it open, so that a failed check cannot hang the
// test. Returns whether the dialog was found.
template<typename T>
bool onModal(const std::function<void()> &trigger, const std::function<void(T &)> &fill)
{
    bool found = false;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        found = true;
        fill(*dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
    trigger();
    return found;
}

QString label(QWidget &parent, const char *name)
{
    return child<QLabel>(parent, name)->text();
}

QString cell(QTableWidget &table, int row, int column)
{
    return table.item(row, column) ? table.item(row, column)->text() : QString();
}

QStringList column(QTableWidget &table, int column)
{
    QStringList out;
    for (int row = 0; row < table.rowCount(); ++row)
        out.append(cell(table, row, column));
    return out;
}

} // namespace

class TestGuiHandovers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void hrStartsADepartureThroughTheDialog();
    void checklistIsKeptThenSubmitted();
    void dialogRefusesWhatCannotBe();
    void severalDeparturesAtOnce();
    void completeWaitsForTheSignOff();
    void signOffOpensInApprovals();
    void othersSeeWhatConcernsThem();

private:
    QUuid emp(const char *number) const { return m_org->emp.value(QLatin1String(number)); }
    Actor actor(const char *login)
    {
        auto a = m_org->store->actorFor(m_org->user.value(QLatin1String(login)), m_org->clockMs);
        return a ? *a : Actor();
    }
    // The account's signing key on this device, certified by the
    // installation's own authority, as at sign-in.
    SigningKeys::Unlocked signer(const char *login)
    {
        SigningKeys keys(*m_org->store);
        const QString name = QLatin1String(login), password = QStringLiteral("password-") + name;
        const QUuid user = m_org->user.value(name);
        if (!keys.prepareAtSignIn(user, name, password, SigningKeys::localAuthority(*m_org->store)))
            return SigningKeys::Unlocked();
        auto unlocked = keys.unlock(user, password);
        return unlocked ? *unlocked : SigningKeys::Unlocked();
    }
    bool signIn(const char *login)
    {
        m_page.reset();
        m_context.reset();
        const QString name = QLatin1String(login);
        auto session = Authenticator(*m_org->store).login(name, QStringLiteral("password-") + name);
        if (session)
            m_context = std::make_unique<AppContext>(*m_org->store, *session);
        return bool(session);
    }
    HandoversPage *openPage()
    {
        m_page = std::make_unique<HandoversPage>(*m_context);
        m_page->resize(1200, 760);
        m_page->show();
        return QTest::qWaitForWindowActive(m_page.get()) ? m_page.get() : nullptr;
    }
    DepartureDraft zhangWeiLeaves() const
    {
        return {emp("E002"), QDate(2026, 1, 31), {emp("E006")}, emp("E001"), {}};
    }
    QUuid startZhangWei()
    {
        m_org->tick();
        auto id = Handovers(*m_org->store).start(actor("lina"), zhangWeiLeaves());
        return id ? *id : QUuid();
    }
    Record read(const char *entity, const QUuid &id)
    {
        auto r = m_org->store->readRecord(QLatin1String(entity), id);
        return r ? *r : Record();
    }

    QTemporaryDir m_settings;
    std::unique_ptr<test::TestOrg> m_org;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<HandoversPage> m_page;
    QUuid m_task; // Zhang Wei's open task
};

void TestGuiHandovers::initTestCase()
{
    QVERIFY(m_settings.isValid());
    test::isolateSettings(m_settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("BatonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui_handovers"));
    test::TestOrg::lowCost();
}

void TestGuiHandovers::init()
{
    m_org = std::make_unique<test::TestOrg>();
    QVERIFY(m_org->build());
    // The shipped workflows, the handover sign-off among them.
    QVERIFY(Approvals(*m_org->store).installDefaultTemplates(actor("lina")));
    // Zhang Wei's work: an open task his manager gave him, and a duty.
    m_task = createUuidV7();
    m_org->tick();
    QVERIFY(m_org->submitAs(QStringLiteral("chenjing"), QStringLiteral("task"), m_task,
                            OpKind::Create,
                            {{QStringLiteral("owner_id"), idString(emp("E002"))},
                             {QStringLiteral("title"), QStringLiteral("Project A delivery")},
                             {QStringLiteral("due_date"), QStringLiteral("2026-03-31")}}));
    QVERIFY(m_org->submitAs(QStringLiteral("lina"), QStringLiteral("duty"), createUuidV7(),
                            OpKind::Create,
                            {{QStringLiteral("employee_id"), idString(emp("E002"))},
                             {QStringLiteral("title"), QStringLiteral("Supplier contracts")},
                             {QStringLiteral("valid_from"), QStringLiteral("2024-01-01")}}));
    QVERIFY(signIn("lina"));
}

void TestGuiHandovers::cleanup()
{
    m_page.reset();
    m_context.reset();
    m_org.reset();
}

void TestGuiHandovers::hrStartsADepartureThroughTheDialog()
{
    HandoversPage *page = openPage();
    QVERIFY(page);
    QAbstractItemModelTester tester(page->model());
    // Nothing yet: the empty state says what goes here and offers to start.
    QVERIFY(child<QWidget>(*page, "handoversEmptyState")->isVisible());
    QVERIFY(!label(*page, "emptyTitle").isEmpty());
    auto *start = child<QAction>(*page, "startDepartureAction");
    QVERIFY(start && start->isVisible() && start->isEnabled());
    QCOMPARE(start->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));

    // Ctrl+N opens the dialog; the fields are set on its widgets.
    QString supervisorShown, hint;
    bool okWithoutSuccessor = true;
    const bool opened = onModal<StartDepartureDialog>(
        [&] { QTest::keyClick(page, Qt::Key_N, Qt::ControlModifier); },
        [&](StartDepartureDialog &dialog) {
            auto *date = child<QDateEdit>(dialog, "departureDateEdit");
            // A month's notice from the organisation's today.
            QCOMPARE(date->date(),
                     QDateTime::fromMSecsSinceEpoch(m_org->clockMs).date().addDays(30));
            auto *ok = child<QPushButton>(dialog, "startDepartureButton");
            QVERIFY(!ok->isEnabled()); // nobody chosen yet
            child<PersonField>(dialog, "leaverField")->setPerson(emp("E002"));
            // The supervisor defaults to his manager, Chen Jing.
            auto *supervisor = child<PersonField>(dialog, "supervisorField");
            QCOMPARE(supervisor->person(), emp("E001"));
            supervisorShown = supervisor->findChild<QLineEdit *>()->text();
            okWithoutSuccessor = ok->isEnabled();
            hint = child<MessageLabel>(dialog, "startDepartureMessage")->text();
            date->setDate(QDate(2026, 2, 27));
            child<PersonField>(dialog, "successorsField")->setPeople({emp("E006")});
            QTest::keyClicks(child<QLineEdit>(dialog, "reasonEdit"), QStringLiteral("Resigned"));
            QVERIFY(ok->isEnabled());
            QTest::mouseClick(ok, Qt::LeftButton);
        });
    QVERIFY(opened);
    QVERIFY(!QApplication::activeModalWidget());
    VERIFY_CONTAINS(supervisorShown, "(E001)");
    QVERIFY(!okWithoutSuccessor);
    VERIFY_CONTAINS(hint, "successor");

    // The case is there, selected, with its pre-filled checklist: the task
    // and the duty, each to the successor.
    QCOMPARE(page->model()->rowCount(), 1);
    const QUuid caseId = page->currentCase();
    QVERIFY(!caseId.isNull());
    QCOMPARE(page->filter(), HandoversPage::Filter::Open);
    VERIFY_CONTAINS(label(*page, "handoverLeaver"), "(E002)");
    QCOMPARE(label(*page, "handoverDeparture"), QStringLiteral("2026-02-27"));
    VERIFY_CONTAINS(label(*page, "handoverSuccessors"), "(E006)");
    VERIFY_CONTAINS(label(*page, "handoverSupervisor"), "(E001)");
    QVERIFY(label(*page, "handoverStatus").startsWith(QStringLiteral("Open")));
    auto *checklist = child<QTableWidget>(*page, "handoverChecklist");
    QCOMPARE(
        column(*checklist, HandoverDetailPane::ItemColumn),
        QStringList({QStringLiteral("Project A delivery"), QStringLiteral("Supplier contracts")}));
    for (const QString &receiver : column(*checklist, HandoverDetailPane::ReceiverColumn))
        VERIFY_CONTAINS(receiver, "(E006)");
    QCOMPARE(page->model()->data(page->model()->index(0, HandoversModel::ChecklistColumn)).toInt(),
             2);
    QCOMPARE(read("employee", emp("E002")).text(u"status"), QStringLiteral("departing"));
    QCOMPARE(child<QTabBar>(*page, "handoverFilterTabs")->tabText(0), QStringLiteral("Open (1)"));
}

void TestGuiHandovers::checklistIsKeptThenSubmitted()
{
    const QUuid caseId = startZhangWei();
    QVERIFY(!caseId.isNull());
    HandoversPage *page = openPage();
    QVERIFY(page);
    QVERIFY(page->selectCase(caseId));
    auto *checklist = child<QTableWidget>(*page, "handoverChecklist");
    QCOMPARE(checklist->rowCount(), 2);
    auto *addItem = child<QAction>(*page, "addItemAction");
    auto *receiver = child<QAction>(*page, "changeReceiverAction");
    auto *remove = child<QAction>(*page, "removeItemAction");
    auto *submit = child<QAction>(*page, "submitHandoverAction");
    auto *complete = child<QAction>(*page, "completeHandoverAction");
    QVERIFY(addItem->isEnabled() && submit->isEnabled());
    QVERIFY(!remove->isEnabled()); // no line selected
    QVERIFY(!complete->isEnabled());

    // Ctrl+I: the laptop to return; an asset goes back to the company, so
    // nobody receives it unless chosen.
    bool receiverEmpty = false;
    QVERIFY(onModal<AddItemDialog>(
        [&] { QTest::keyClick(page, Qt::Key_I, Qt::ControlModifier); },
        [&](AddItemDialog &dialog) {
            auto *kind = child<QComboBox>(dialog, "itemKindCombo");
            kind->setCurrentIndex(kind->findData(QStringLiteral("asset")));
            receiverEmpty = child<PersonField>(dialog, "itemReceiverField")->person().isNull();
            auto *ok = child<QPushButton>(dialog, "addItemButton");
            QVERIFY(!ok->isEnabled()); // nothing described yet
            QTest::keyClicks(child<QLineEdit>(dialog, "itemTitleEdit"),
                             QStringLiteral("Return laptop"));
            QTest::keyClicks(child<QWidget>(dialog, "itemDetailEdit"),
                             QStringLiteral("ThinkPad T14, asset tag 0231"));
            QVERIFY(ok->isEnabled());
            QTest::mouseClick(ok, Qt::LeftButton);
        }));
    QVERIFY(receiverEmpty);
    QCOMPARE(checklist->rowCount(), 3);
    QCOMPARE(cell(*checklist, 2, HandoverDetailPane::ItemColumn), QStringLiteral("Return laptop"));
    QCOMPARE(cell(*checklist, 2, HandoverDetailPane::KindColumn),
             QStringLiteral("Asset to return"));
    QCOMPARE(cell(*checklist, 2, HandoverDetailPane::ReceiverColumn), QStringLiteral("Nobody"));
    QCOMPARE(checklist->currentRow(), 2); // the new line is selected
    QVERIFY(remove->isEnabled() && receiver->isEnabled());

    // The duty goes to Wang Fang instead, chosen in the picker.
    checklist->setCurrentCell(1, 0);
    QVERIFY(onModal<EmployeePicker>([&] { receiver->trigger(); },
                                    [&](EmployeePicker &picker) {
                                        picker.setFilterText(QStringLiteral("E003"));
                                        QCOMPARE(picker.selectedIds(), QList<QUuid>{emp("E003")});
                                        picker.accept();
                                    }));
    VERIFY_CONTAINS(cell(*checklist, 1, HandoverDetailPane::ReceiverColumn), "(E003)");
    QCOMPARE(checklist->currentRow(), 1);

    // Delete takes the selected line off (the laptop, added by mistake).
    checklist->setCurrentCell(2, 0);
    checklist->setFocus();
    page->activateWindow(); // back from the dialogs
    QVERIFY(QTest::qWaitForWindowActive(page));
    QTest::keyClick(checklist, Qt::Key_Delete);
    QCOMPARE(checklist->rowCount(), 2);
    QCOMPARE(Handovers(*m_org->store).caseById(caseId)->items.size(), 2);

    // Submitted: the list follows the case to "Waiting for sign-off", the
    // checklist is frozen, and the sign-off waits on the leaver first.
    submit->trigger();
    QCOMPARE(page->filter(), HandoversPage::Filter::Submitted);
    QCOMPARE(page->currentCase(), caseId);
    QCOMPARE(Handovers(*m_org->store).caseById(caseId)->status, QStringLiteral("submitted"));
    QVERIFY(child<QLabel>(*page, "handoverStatus")
                ->text()
                .startsWith(QStringLiteral("Waiting for sign-off")));
    checklist->setCurrentCell(0, 0);
    QVERIFY(!addItem->isEnabled() && !remove->isEnabled() && !receiver->isEnabled());
    QVERIFY(!submit->isEnabled());
    QVERIFY(!complete->isEnabled());
    VERIFY_CONTAINS(complete->toolTip(), "Wei Zhang");
    QVERIFY(child<QAction>(*page, "openSignOffAction")->isEnabled());
    auto *steps = child<QTableWidget>(*page, "handoverSignOffSteps");
    QCOMPARE(steps->rowCount(), 3);
    VERIFY_CONTAINS(cell(*steps, 0, HandoverDetailPane::WhoColumn), "Wei");
    QCOMPARE(cell(*steps, 0, HandoverDetailPane::DecisionColumn), QStringLiteral("Waiting"));
    QCOMPARE(cell(*steps, 2, HandoverDetailPane::DecisionColumn), QStringLiteral("Not reached"));
}

void TestGuiHandovers::dialogRefusesWhatCannotBe()
{
    HandoversPage *page = openPage();
    QVERIFY(page);
    {
        StartDepartureDialog dialog(*m_context);
        dialog.show();
        auto *ok = child<QPushButton>(dialog, "startDepartureButton");
        auto *message = child<MessageLabel>(dialog, "startDepartureMessage");
        child<PersonField>(dialog, "leaverField")->setPerson(emp("E002"));
        child<PersonField>(dialog, "successorsField")->setPeople({emp("E006")});
        // Before he was hired (2020-03-01): said as you type, not startable.
        child<QDateEdit>(dialog, "departureDateEdit")->setDate(QDate(2019, 12, 31));
        QCOMPARE(message->kind(), MessageLabel::Kind::Error);
        VERIFY_CONTAINS(message->text(), "2020-03-01");
        QVERIFY(!ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        dialog.accept();
        QVERIFY(dialog.isVisible());
        // His own successor.
        child<QDateEdit>(dialog, "departureDateEdit")->setDate(QDate(2026, 1, 31));
        QVERIFY(ok->isEnabled());
        child<PersonField>(dialog, "successorsField")->setPeople({emp("E006"), emp("E002")});
        QCOMPARE(message->kind(), MessageLabel::Kind::Error);
        VERIFY_CONTAINS(message->text(), "own successor");
        QVERIFY(!ok->isEnabled());
        dialog.reject();
    }
    // Nothing was written.
    QVERIFY(Handovers(*m_org->store).cases()->isEmpty());
    QCOMPARE(read("employee", emp("E002")).text(u"status"), QStringLiteral("active"));
    QCOMPARE(page->model()->rowCount(), 0);

    // What only core knows: a departure already in progress. Its message
    // shows in place and the dialog stays open.
    QVERIFY(!startZhangWei().isNull());
    QCOMPARE(page->model()->rowCount(), 1);
    StartDepartureDialog dialog(*m_context);
    dialog.show();
    child<PersonField>(dialog, "leaverField")->setPerson(emp("E002"));
    child<PersonField>(dialog, "successorsField")->setPeople({emp("E001")});
    auto *ok = child<QPushButton>(dialog, "startDepartureButton");
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    auto *message = child<MessageLabel>(dialog, "startDepartureMessage");
    QCOMPARE(message->kind(), MessageLabel::Kind::Error);
    VERIFY_CONTAINS(message->text(), "in progress already");
    QVERIFY(dialog.startedIds().isEmpty());
    QCOMPARE(Handovers(*m_org->store).cases()->size(), 1);
}

void TestGuiHandovers::severalDeparturesAtOnce()
{
    // Liu Yang's departure is under way already; HR enters his again by
    // mistake with Zhang Wei's.
    m_org->tick();
    DepartureDraft liuYang = zhangWeiLeaves();
    liuYang.leaver = emp("E006");
    liuYang.successors = {emp("E001")};
    QVERIFY(Handovers(*m_org->store).start(actor("lina"), liuYang));
    HandoversPage *page = openPage();
    QVERIFY(page);

    QString report;
    QStringList listed;
    int started = 0;
    QVERIFY(onModal<StartDepartureDialog>(
        [&] { child<QAction>(*page, "startDepartureAction")->trigger(); },
        [&](StartDepartureDialog &dialog) {
            auto *add = child<QPushButton>(dialog, "addDepartureButton");
            QVERIFY(!add->isEnabled());
            child<PersonField>(dialog, "leaverField")->setPerson(emp("E002"));
            child<PersonField>(dialog, "successorsField")->setPeople({emp("E001")});
            QVERIFY(add->isEnabled());
            QTest::mouseClick(add, Qt::LeftButton);
            QCOMPARE(dialog.listedCount(), 1);
            QVERIFY(child<PersonField>(dialog, "leaverField")->person().isNull());
            // The same leaver twice in one list is refused as you type.
            child<PersonField>(dialog, "leaverField")->setPerson(emp("E002"));
            VERIFY_CONTAINS(dialog.problem(), "in the list already");
            child<PersonField>(dialog, "leaverField")->setPerson(emp("E006"));
            child<PersonField>(dialog, "successorsField")->setPeople({emp("E003")});
            child<PersonField>(dialog, "supervisorField")->setPerson(emp("E001"));
            auto *ok = child<QPushButton>(dialog, "startDepartureButton");
            QCOMPARE(ok->text(), QStringLiteral("Start All"));
            QTest::mouseClick(ok, Qt::LeftButton);
            // One started, one not, and why: the dialog stays to say so.
            QVERIFY(dialog.isVisible());
            report = child<MessageLabel>(dialog, "startDepartureMessage")->text();
            auto *list = child<QListWidget>(dialog, "departureList");
            for (int i = 0; i < list->count(); ++i)
                listed.append(list->item(i)->text());
            started = int(dialog.startedIds().size());
        }));
    QCOMPARE(started, 1);
    QVERIFY2(report.startsWith(QStringLiteral("1 of 2 departures started")), qPrintable(report));
    QCOMPARE(listed.size(), 2);
    QVERIFY2(listed.at(0).startsWith(QStringLiteral("Started: ")), qPrintable(listed.at(0)));
    VERIFY_CONTAINS(listed.at(0), "(E002)");
    QVERIFY2(listed.at(1).startsWith(QStringLiteral("Not started: ")), qPrintable(listed.at(1)));
    VERIFY_CONTAINS(listed.at(1), "in progress already");
    // Closed afterwards: the one started is shown.
    QCOMPARE(page->model()->rowCount(), 2);
    const HandoverCase shown = page->detailPane()->handoverCase();
    QCOMPARE(shown.leaver, emp("E002"));
    QCOMPARE(shown.successors, QList<QUuid>{emp("E001")});
}

void TestGuiHandovers::completeWaitsForTheSignOff()
{
    const QUuid caseId = startZhangWei();
    QVERIFY(!caseId.isNull());
    m_org->tick();
    QVERIFY(Handovers(*m_org->store).submit(actor("lina"), caseId));
    HandoversPage *page = openPage();
    QVERIFY(page);
    QVERIFY(page->selectCase(caseId));
    QCOMPARE(page->filter(), HandoversPage::Filter::Submitted);
    auto *complete = child<QAction>(*page, "completeHandoverAction");
    auto *cancel = child<QAction>(*page, "cancelDepartureAction");
    QVERIFY(!complete->isEnabled());
    QVERIFY(cancel->isEnabled());

    // The leaver, the successor and the supervisor sign, in turn; the page
    // follows each decision.
    const QUuid request = Handovers(*m_org->store).caseById(caseId)->requestId;
    Approvals approvals(*m_org->store);
    for (const char *login : {"zhangwei", "liuyang", "chenjing"}) {
        QVERIFY(!complete->isEnabled());
        auto steps = Approvals::recordsWhere(*m_org->store, "approval_step", "request_id", request);
        QVERIFY(steps);
        QUuid waiting;
        for (const Record &s : *steps)
            if (s.text(u"state") == QLatin1String("pending")
                && s.id(u"assignee_id") == actor(login).employeeId)
                waiting = s.id(u"id");
        QVERIFY2(!waiting.isNull(), login);
        m_org->tick();
        const Status s = approvals.decide(actor(login), waiting, Approvals::Decision::Approve,
                                          QStringLiteral("Confirmed."), signer(login));
        QVERIFY2(s, s ? "" : qPrintable(s.error().message));
    }
    QTRY_VERIFY(complete->isEnabled());
    QVERIFY(page->detailPane()->signOffApproved());
    auto *steps = child<QTableWidget>(*page, "handoverSignOffSteps");
    QCOMPARE(column(*steps, HandoverDetailPane::DecisionColumn),
             QStringList(3, QStringLiteral("Approved")));
    QCOMPARE(column(*steps, HandoverDetailPane::OpinionColumn),
             QStringList(3, QStringLiteral("Confirmed.")));
    for (const QString &decided : column(*steps, HandoverDetailPane::DecidedColumn))
        QVERIFY(!decided.isEmpty());

    // Completed: the task is the successor's now, and the case approved.
    QCOMPARE(read("task", m_task).id(u"owner_id"), emp("E002"));
    m_org->tick();
    complete->trigger();
    QCOMPARE(read("task", m_task).id(u"owner_id"), emp("E006"));
    QCOMPARE(Handovers(*m_org->store).caseById(caseId)->status, QStringLiteral("approved"));
    QCOMPARE(page->filter(), HandoversPage::Filter::Approved);
    QCOMPARE(page->currentCase(), caseId);
    QVERIFY(label(*page, "handoverStatus").startsWith(QStringLiteral("Approved")));
    QVERIFY(!complete->isEnabled());
    QVERIFY(!cancel->isEnabled());
}

void TestGuiHandovers::signOffOpensInApprovals()
{
    const QUuid caseId = startZhangWei();
    m_org->tick();
    QVERIFY(Handovers(*m_org->store).submit(actor("lina"), caseId));
    const QUuid request = Handovers(*m_org->store).caseById(caseId)->requestId;
    LanguageManager languages;
    MainWindow window(*m_context, languages);
    window.show();
    QVERIFY(window.showModule(Module::Handovers));
    auto *page = qobject_cast<HandoversPage *>(window.page(Module::Handovers));
    QVERIFY(page);
    QVERIFY(page->selectCase(caseId));
    // Li Na decides none of its steps: the request is not in her "waiting"
    // queue, so Approvals shows it under All.
    child<QAction>(*page, "openSignOffAction")->trigger();
    QCOMPARE(window.currentModule(), Module::Approvals);
    auto *approvals = qobject_cast<ApprovalsPage *>(window.page(Module::Approvals));
    QVERIFY(approvals);
    QCOMPARE(approvals->currentRequest(), request);
    QCOMPARE(approvals->view(), ApprovalsPage::View::All);
}

void TestGuiHandovers::othersSeeWhatConcernsThem()
{
    const QUuid caseId = startZhangWei();
    QVERIFY(!caseId.isNull());
    // The leaver sees his case and adds to his checklist, but starts,
    // submits and cancels nothing.
    QVERIFY(signIn("zhangwei"));
    HandoversPage *page = openPage();
    QVERIFY(page);
    QCOMPARE(page->model()->rowCount(), 1);
    QCOMPARE(page->currentCase(), caseId);
    QVERIFY(!child<QAction>(*page, "startDepartureAction")->isVisible());
    QVERIFY(!child<QAction>(*page, "submitHandoverAction")->isVisible());
    QVERIFY(!child<QAction>(*page, "cancelDepartureAction")->isVisible());
    QVERIFY(child<QAction>(*page, "addItemAction")->isEnabled());
    // A manager of another branch sees nothing of it.
    QVERIFY(signIn("wangfang"));
    page = openPage();
    QVERIFY(page);
    QCOMPARE(page->model()->rowCount(), 0);
    QVERIFY(child<QAction>(*page, "startDepartureAction")->isVisible());
    QVERIFY(!child<QAction>(*page, "addItemAction")->isEnabled());
    // His own manager does, and manages it.
    QVERIFY(signIn("chenjing"));
    page = openPage();
    QVERIFY(page);
    QCOMPARE(page->model()->rowCount(), 1);
    QVERIFY(child<QAction>(*page, "submitHandoverAction")->isEnabled());
}

QTEST_MAIN(TestGuiHandovers)
#include "tst_gui_handovers.moc"
