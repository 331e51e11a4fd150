// Approvals through the real widgets, on the demo company: Chen Jing's
// Monday morning (journey 4) and finance's blocked claim (journey 5).
#include "approvals/approvaldetailpane.h"
#include "approvals/approvalsmodel.h"
#include "approvals/approvalspage.h"
#include "approvals/attachmentlist.h"
#include "approvals/employeepicker.h"
#include "approvals/requestdialog.h"
#include "approvals/signdecisiondialog.h"
#include "approvals/templatenodestable.h"
#include "approvals/templatesdialog.h"
#include "common/appcontext.h"
#include "demo/democompany.h"
#include "shell/desktopsession.h"
#include "shell/languagemanager.h"
#include "shell/mainwindow.h"
#include "shell/messagelabel.h"
#include "shellfixture.h"
#include "store/store.h"
#include "workflow/approvals.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QToolBar>
#include <QtTest>

using namespace baton;

namespace {

template<typename T>
T *child(QObject &parent, const char *name)
{
    return parent.findChild<T *>(QLatin1String(name));
}

int rowWithSubject(const ApprovalsModel &model, const QString &subject)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.requestAt(row).subject == subject)
            return row;
    return -1;
}

void clickAction(QToolBar &bar, QAction *action)
{
    QWidget *button = bar.widgetForAction(action);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace

class TestGuiApprovals : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void chenJingApprovesWithHerSignature();
    void financeSeesTheBlockedClaim();
    void newRequestValidatesAsYouType();
    void hrCreatesATemplateWithNamedPeople();
    void hrMovesAStepOfSomeoneAway();
    void submitterWithdrawsBeforeAnyDecision();

private:
    // Signs in to the demo database the way a user does.
    bool signIn(const QString &login);
    ApprovalsPage *openApprovals();

    QTemporaryDir m_dir;
    QString m_path;
    QHash<QString, QString> m_passwords;
    LanguageManager *m_languages = nullptr;
    std::unique_ptr<DesktopSession> m_session;
};

void TestGuiApprovals::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    test::TestOrg::lowCost();
    m_path = m_dir.filePath(QStringLiteral("demo.db"));
    Store::Options options;
    options.path = m_path;
    auto store = Store::open(options);
    QVERIFY(store.ok());
    DemoOptions demo;
    demo.employees = 40;
    demo.locale = QStringLiteral("en");
    auto users = DemoCompany::create(**store, demo);
    QVERIFY2(users.ok(), users.ok() ? "" : qPrintable(users.error().message));
    for (const DemoUser &u : *users)
        m_passwords.insert(u.login, u.password);
    QVERIFY(m_passwords.contains(QStringLiteral("chenjing")));
    QVERIFY(m_passwords.contains(QStringLiteral("zhaolei")));
    m_languages = new LanguageManager(this);
}

bool TestGuiApprovals::signIn(const QString &login)
{
    m_session.reset();
    m_session = std::make_unique<DesktopSession>(*m_languages);
    if (!m_session->start(m_path).ok())
        return false;
    test::typeSignIn(*m_session, login, m_passwords.value(login));
    if (QTest::currentTestFailed())
        return false;
    return QTest::qWaitFor(
        [this] { return m_session->mainWindow() && m_session->mainWindow()->isVisible(); });
}

ApprovalsPage *TestGuiApprovals::openApprovals()
{
    MainWindow *window = m_session->mainWindow();
    if (!window->showModule(Module::Approvals))
        return nullptr;
    return qobject_cast<ApprovalsPage *>(window->page(Module::Approvals));
}

void TestGuiApprovals::chenJingApprovesWithHerSignature()
{
    QVERIFY(signIn(QStringLiteral("chenjing")));
    MainWindow *window = m_session->mainWindow();
    ApprovalsPage *page = openApprovals();
    QVERIFY(page);
    QAbstractItemModelTester tester(page->model());
    QCOMPARE(page->view(), ApprovalsPage::View::WaitingForMe);

    // Monday morning: six requests wait on her, and the sidebar says so.
    QCOMPARE(page->model()->rowCount(), 6);
    QCOMPARE(window->badge(Module::Approvals), 6);
    auto *tabs = child<QTabBar>(*page, "approvalQueueTabs");
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 4); // no "Claims blocked": she does not pay claims
    QCOMPARE(tabs->tabText(0), QStringLiteral("Waiting for me (6)"));

    // She reads the delivery request and its attachment first.
    const QString subject = QStringLiteral("Project A: phase 1 delivery");
    QVERIFY(
        page->selectRequest(page->model()->requestAt(rowWithSubject(*page->model(), subject)).id));
    const QUuid request = page->currentRequest();
    QCOMPARE(child<QLabel>(*page, "approvalSubject")->text(), subject);
    auto *attachments = child<QListWidget>(*page, "approvalAttachments");
    QCOMPARE(attachments->count(), 1);
    QVERIFY(attachments->item(0)->text().startsWith(QStringLiteral("project-A-delivery-list.txt")));

    auto *bar = child<QToolBar>(*page, "approvalsToolBar");
    auto *approve = child<QAction>(*page, "approveAction");
    QVERIFY(bar && approve);
    QVERIFY(approve->isEnabled());
    QVERIFY(!child<QAction>(*page, "withdrawAction")->isEnabled()); // not hers

    // The sign dialog: a reject needs an opinion; a wrong password is
    // refused and the dialog stays; her password signs.
    QString wrongPasswordMessage;
    bool openAfterWrongPassword = false;
    bool rejectNeededOpinion = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<SignDecisionDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *decision = child<QComboBox>(*dialog, "decisionCombo");
        auto *password = child<QLineEdit>(*dialog, "signPasswordEdit");
        auto *sign = child<QPushButton>(*dialog, "signButton");
        auto *message = child<MessageLabel>(*dialog, "signMessage");
        QTest::keyClicks(password, QStringLiteral("not-her-password"));
        decision->setCurrentIndex(decision->findData(int(Approvals::Decision::Reject)));
        rejectNeededOpinion = !sign->isEnabled() && message->text().contains(QStringLiteral("why"));
        decision->setCurrentIndex(decision->findData(int(Approvals::Decision::Approve)));
        QTest::mouseClick(sign, Qt::LeftButton);
        wrongPasswordMessage = message->text();
        openAfterWrongPassword =
            dialog->isVisible() && message->kind() == MessageLabel::Kind::Error;
        QTest::keyClicks(child<QPlainTextEdit>(*dialog, "opinionEdit"),
                         QStringLiteral("Deliverables read; agreed."));
        password->clear();
        QTest::keyClicks(password, m_passwords.value(QStringLiteral("chenjing")));
        QTest::mouseClick(sign, Qt::LeftButton);
    });
    clickAction(*bar, approve);
    QVERIFY(rejectNeededOpinion);
    QVERIFY(openAfterWrongPassword);
    QVERIFY2(wrongPasswordMessage.contains(QStringLiteral("password"), Qt::CaseInsensitive),
             qPrintable(wrongPasswordMessage));
    QVERIFY(!QApplication::activeModalWidget());

    // Decided: it leaves her queue, the badge goes down, and it is in Done.
    QCOMPARE(rowWithSubject(*page->model(), subject), -1);
    QCOMPARE(page->model()->rowCount(), 5);
    QCOMPARE(window->badge(Module::Approvals), 5);
    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(2).center());
    QCOMPARE(page->view(), ApprovalsPage::View::Done);
    QVERIFY(page->selectRequest(request));

    // Every step: her decision, signed, with trusted time (no server: the
    // installation's own authority stamped it at once).
    auto *steps = child<QTableWidget>(*page, "approvalSteps");
    int hers = -1;
    for (int row = 0; row < steps->rowCount(); ++row)
        if (steps->item(row, ApprovalDetailPane::OpinionColumn)->text()
            == QLatin1String("Deliverables read; agreed."))
            hers = row;
    QVERIFY(hers >= 0);
    QCOMPARE(steps->item(hers, ApprovalDetailPane::DecisionColumn)->text(),
             QStringLiteral("Approved"));
    QVERIFY(!steps->item(hers, ApprovalDetailPane::LocalTimeColumn)->text().isEmpty());
    QVERIFY(!steps->item(hers, ApprovalDetailPane::TrustedTimeColumn)->text().isEmpty());
    QCOMPARE(steps->item(hers, ApprovalDetailPane::SignatureColumn)->text(),
             QStringLiteral("Signed and time-stamped"));

    // Checked again off the GUI thread, decision by decision.
    auto *check = child<QPushButton>(*page, "checkSignaturesButton");
    QVERIFY(check->isEnabled());
    QSignalSpy checked(page->detailPane(), &ApprovalDetailPane::checkFinished);
    QTest::mouseClick(check, Qt::LeftButton);
    QVERIFY(checked.wait(60000));
    const QString verdict = child<QLabel>(*page, "checkResult")->text();
    QVERIFY2(checked.first().first().toBool(), qPrintable(verdict));
    QVERIFY2(verdict.contains(QStringLiteral("check out")), qPrintable(verdict));
    QCOMPARE(steps->item(hers, ApprovalDetailPane::SignatureColumn)->text(),
             QStringLiteral("Signature and time stamp verified"));
}

void TestGuiApprovals::financeSeesTheBlockedClaim()
{
    QVERIFY(signIn(QStringLiteral("zhaolei")));
    ApprovalsPage *page = openApprovals();
    QVERIFY(page);
    auto *tabs = child<QTabBar>(*page, "approvalQueueTabs");
    QCOMPARE(tabs->count(), 5);
    QCOMPARE(tabs->tabText(4), QStringLiteral("Claims blocked"));
    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(4).center());
    QCOMPARE(page->view(), ApprovalsPage::View::Blocked);

    const int row =
        rowWithSubject(*page->model(), QStringLiteral("Customer B appreciation event venue"));
    QVERIFY(row >= 0);
    const QModelIndex missing = page->model()->index(row, ApprovalsModel::WaitingColumn);
    QCOMPARE(missing.data().toString(), QStringLiteral("General manager approval"));
    QCOMPARE(page->model()->headerData(ApprovalsModel::WaitingColumn, Qt::Horizontal).toString(),
             QStringLiteral("Missing step"));
    QVERIFY(page->model()
                ->index(row, ApprovalsModel::AmountColumn)
                .data()
                .toString()
                .contains(QStringLiteral("12,800.00")));

    // It cannot be marked paid, and the action says why.
    QVERIFY(page->selectRequest(page->model()->requestAt(row).id));
    auto *markPaid = child<QAction>(*page, "markPaidAction");
    QVERIFY(markPaid->isVisible());
    QVERIFY(!markPaid->isEnabled());
    QVERIFY(markPaid->toolTip().contains(QStringLiteral("General manager approval")));
}

void TestGuiApprovals::newRequestValidatesAsYouType()
{
    QVERIFY(signIn(QStringLiteral("chenjing")));
    RequestDialog dialog(*m_session->context());
    auto *templates = child<QComboBox>(dialog, "templateCombo");
    auto *subject = child<QLineEdit>(dialog, "subjectEdit");
    auto *amount = child<QLineEdit>(dialog, "amountEdit");
    auto *submit = child<QPushButton>(dialog, "submitRequestButton");
    auto *message = child<MessageLabel>(dialog, "requestMessage");
    QVERIFY(templates && subject && amount && submit && message);
    int claim = -1;
    for (int i = 0; i < templates->count(); ++i)
        if (templates->itemText(i) == QLatin1String("Expense claim"))
            claim = i;
    QVERIFY(claim >= 0);
    templates->setCurrentIndex(claim);
    QVERIFY(!submit->isEnabled());
    QTest::keyClicks(subject, QStringLiteral("Taxi to the customer"));
    QVERIFY(!submit->isEnabled());
    QVERIFY(message->text().contains(QStringLiteral("amount")));
    QTest::keyClicks(amount, QStringLiteral("12.345"));
    QVERIFY(!submit->isEnabled());
    amount->clear();
    QTest::keyClicks(amount, QStringLiteral("86.50"));
    QVERIFY(submit->isEnabled());
    QCOMPARE(dialog.draft().amount, 8650);

    // Files over 2 MiB are refused, saying so.
    const QString big = m_dir.filePath(QStringLiteral("big.bin"));
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(AttachmentList::MaxBytes + 1, 'x'));
    file.close();
    const QStringList refused = dialog.attachments()->addFiles({big});
    QCOMPARE(refused.size(), 1);
    QVERIFY2(refused.first().contains(QStringLiteral("at most")), qPrintable(refused.first()));
    QCOMPARE(dialog.attachments()->count(), 0);

    QTest::mouseClick(submit, Qt::LeftButton);
    QVERIFY(!dialog.submittedId().isNull());
    Approvals approvals(*m_session->store());
    auto v = approvals.detail(m_session->context()->actor(), dialog.submittedId());
    QVERIFY(v.ok());
    QCOMPARE(v->amount, 8650);
    QCOMPARE(v->subject, QStringLiteral("Taxi to the customer"));
}

void TestGuiApprovals::hrCreatesATemplateWithNamedPeople()
{
    QVERIFY(signIn(QStringLiteral("lina")));
    AppContext *context = m_session->context();
    QVERIFY(context);
    TemplatesDialog dialog(*context);
    dialog.show();
    auto *list = child<QListWidget>(dialog, "templateList");
    QVERIFY(list);
    const int before = list->count();
    dialog.startNewTemplate(QStringLiteral("Contract review"),
                            QLatin1String(workflow::DocumentApproval));
    QCOMPARE(list->count(), before + 1);
    auto *save = child<QPushButton>(dialog, "saveTemplateButton");
    QVERIFY(save->isEnabled()); // one step to start from: the manager's review

    // The step is decided by named people: none chosen yet, so it cannot be
    // saved; the picker names Chen Jing and Liu Yang.
    TemplateNodesTable *nodes = dialog.nodesTable();
    auto *actor = qobject_cast<QComboBox *>(nodes->cellWidget(0, TemplateNodesTable::ActorColumn));
    QVERIFY(actor);
    actor->setCurrentIndex(actor->findData(nodeActorKey(NodeActor::Person)));
    QVERIFY(!save->isEnabled());
    auto *people =
        qobject_cast<QPushButton *>(nodes->cellWidget(0, TemplateNodesTable::PeopleColumn));
    QVERIFY(people && people->isEnabled());
    bool picked = false;
    QTimer::singleShot(0, this, [&] {
        auto *picker = qobject_cast<EmployeePicker *>(QApplication::activeModalWidget());
        if (!picker)
            return;
        auto *found = picker->findChild<QListWidget *>();
        picker->setFilterText(QString()); // everyone the user may see
        for (int i = 0; found && i < found->count(); ++i)
            for (const char *name : {"Jing Chen", "Yang Liu"})
                if (found->item(i)->text().contains(QLatin1String(name)))
                    found->item(i)->setSelected(true);
        picked = picker->selectedIds().size() == 2;
        picker->accept();
    });
    QTest::mouseClick(people, Qt::LeftButton);
    QVERIFY(picked);
    QCOMPARE(nodes->people(0).size(), 2);
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);

    Approvals approvals(context->store());
    auto templates = approvals.currentTemplates();
    QVERIFY(templates);
    const WorkflowTemplate *made = nullptr;
    for (const WorkflowTemplate &t : *templates)
        if (t.name == QLatin1String("Contract review"))
            made = &t;
    QVERIFY(made);
    QCOMPARE(made->code, QStringLiteral("contract_review"));
    QCOMPARE(made->version, 1);
    QCOMPARE(made->kind, QLatin1String(workflow::DocumentApproval));
    QCOMPARE(made->nodes.size(), 1);
    QCOMPARE(made->nodes.first().actor, NodeActor::Person);
    QCOMPARE(made->nodes.first().people.size(), 2);
}

void TestGuiApprovals::hrMovesAStepOfSomeoneAway()
{
    QVERIFY(signIn(QStringLiteral("lina")));
    ApprovalsPage *page = openApprovals();
    QVERIFY(page);
    auto *move = child<QAction>(*page, "reassignAction");
    QVERIFY(move && move->isVisible()); // HR may move steps
    page->setView(ApprovalsPage::View::All);
    const QString subject = QStringLiteral("Project team overtime meals");
    const int row = rowWithSubject(*page->model(), subject);
    QVERIFY(row >= 0);
    QVERIFY(page->selectRequest(page->model()->requestAt(row).id));
    const QUuid request = page->currentRequest();
    QVERIFY(move->isEnabled()); // it waits on Jing Chen
    bool picked = false;
    QTimer::singleShot(0, this, [&] {
        auto *picker = qobject_cast<EmployeePicker *>(QApplication::activeModalWidget());
        if (!picker)
            return;
        picker->setFilterText(QStringLiteral("Sun"));
        auto *found = picker->findChild<QListWidget *>();
        for (int i = 0; found && i < found->count(); ++i)
            if (found->item(i)->text().contains(QLatin1String("Hao Sun")))
                found->item(i)->setSelected(true);
        picked = picker->selectedIds().size() == 1;
        picker->accept();
    });
    move->trigger();
    QVERIFY(picked);
    AppContext *context = m_session->context();
    auto v = Approvals(context->store()).detail(context->actor(), request);
    QVERIFY(v);
    QCOMPARE(v->waitingOn, QStringLiteral("Hao Sun"));
}

void TestGuiApprovals::submitterWithdrawsBeforeAnyDecision()
{
    QVERIFY(signIn(QStringLiteral("zhangwei")));
    ApprovalsPage *page = openApprovals();
    QVERIFY(page);
    page->setView(ApprovalsPage::View::SubmittedByMe);
    auto *withdraw = child<QAction>(*page, "withdrawAction");
    QVERIFY(withdraw);
    // Decided already: too late to withdraw.
    const int decided = rowWithSubject(*page->model(), QStringLiteral("Personal phone bill"));
    QVERIFY(decided >= 0);
    QVERIFY(page->selectRequest(page->model()->requestAt(decided).id));
    QVERIFY(!withdraw->isEnabled());
    // Nobody has decided this one yet.
    const int open = rowWithSubject(*page->model(), QStringLiteral("Project A requirements v2.1"));
    QVERIFY(open >= 0);
    QVERIFY(page->selectRequest(page->model()->requestAt(open).id));
    const QUuid request = page->currentRequest();
    QVERIFY(withdraw->isEnabled());
    bool asked = false;
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        asked = box->text().contains(QStringLiteral("Project A requirements v2.1"));
        box->button(QMessageBox::Yes)->click();
    });
    withdraw->trigger();
    QVERIFY(asked);
    AppContext *context = m_session->context();
    auto v = Approvals(context->store()).detail(context->actor(), request);
    QVERIFY(v);
    QCOMPARE(v->progress.state, RequestProgress::State::Withdrawn);
    QTRY_VERIFY(!withdraw->isEnabled());
}

QTEST_MAIN(TestGuiApprovals)
#include "tst_gui_approvals.moc"
