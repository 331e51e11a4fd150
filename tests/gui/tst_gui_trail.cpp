// The work trail and the case questions through the real widgets: the
// People page's actions open them for the selected person; a chat export
// and an email are imported in the background with a summary of what was
// left out; search as you type, the kind filter, the full item, a document
// saved out (audited); who was responsible on a date and the trail around it.
#include "dossier/dossierdata.h"
#include "dossier/evidencebundle.h"
#include "dossierpdf.h"
#include "people/optionaldateedit.h"
#include "trail/addnotedialog.h"
#include "trail/casequestionsdialog.h"
#include "trail/dossierexport.h"
#include "trail/importsummarydialog.h"
#include "trail/traildialog.h"
#include "trail/trailimportjob.h"
#include "trail/trailitempane.h"
#include "trail/trailmodel.h"
#include "tst_gui_peoplefixture.h"
#include "work/taskconfirmation.h"
#include "work/workentities.h"
#include "workflow/approvals.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDateEdit>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

using namespace baton;
using baton::test::auditFor;
using baton::test::child;
using baton::test::openEmployee;

namespace {

constexpr int ImportTimeoutMs = 60000;
const QString Contract = QStringLiteral("请把劳动合同发给客户");

QString data(const char *relative)
{
    return QStringLiteral(BATON_TEST_DATA "/") + QLatin1String(relative);
}

QStringList titles(const TrailModel &model)
{
    QStringList out;
    for (const TrailHit &h : model.hits())
        out.append(h.title);
    return out;
}

QSet<QString> kinds(const TrailModel &model)
{
    QSet<QString> out;
    for (const TrailHit &h : model.hits())
        out.insert(h.kind);
    return out;
}

// Runs an import the way the buttons do after their file dialog, and waits
// for its summary.
ImportSummaryDialog *importAndWait(TrailDialog &dialog, TrailImporter::Kind kind,
                                   const QStringList &paths)
{
    dialog.importFiles(kind, paths);
    if (!dialog.isImporting() && !dialog.summaryDialog())
        return nullptr;
    const bool done = QTest::qWaitFor(
        [&] { return !dialog.isImporting() && dialog.summaryDialog(); }, ImportTimeoutMs);
    return done ? dialog.summaryDialog() : nullptr;
}

// The session's next change is dated after everything in the op log (the
// import's among them), even when the clock stands still.
bool clockIsAfterTheLog(test::PeopleFixture &f)
{
    SqlStatement &q =
        f.org.store->database().statement(QStringLiteral("SELECT max(hlc) FROM oplog"));
    if (!q.exec() || !q.next())
        return false;
    const auto last = Hlc::parse(q.text(0));
    q.finish();
    const Operation next =
        f.context->makeOp(QStringLiteral("trail_item"), createUuidV7(), OpKind::Append, {});
    return last && next.hlc > *last;
}

} // namespace

class TestGuiTrail : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void importSearchFilterAndSave();
    void approvalsReportsAndConfirmationsAmongTheItems();
    void caseQuestionsShowTheTrailAroundTheDate();
    void cancelStopsTheImport();
    void nobodyElsesTrail();
    void addNoteWritesItIntoTheTrail();
    void exportDossierWritesAVerifiableBundle();
    void screenshots();

private:
    TrailDialog *openTrail(PeoplePage &page, const QString &number);

    QTemporaryDir m_dir;
    std::unique_ptr<test::PeopleFixture> m_f;
};

void TestGuiTrail::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Chat exports carry local times: one zone for the import and the dates.
    qputenv("TZ", "Asia/Shanghai");
    test::isolatePeopleSettings(m_dir.filePath(QStringLiteral("settings")));
}

void TestGuiTrail::init()
{
    m_f = std::make_unique<test::PeopleFixture>();
    QVERIFY(m_f->open(QStringLiteral("lina"))); // HR: every trail, may import
}

void TestGuiTrail::cleanup()
{
    m_f.reset();
}

void TestGuiTrail::exportDossierWritesAVerifiableBundle()
{
    const QUuid zhangWei = m_f->org.emp.value(QStringLiteral("E002"));
    TrailImporter importer(*m_f->org.store, m_f->context->actor(), zhangWei);
    QVERIFY(importer.run(TrailImporter::Kind::Mail, {data("mail/onboarding.eml")}));
    const QString dir = m_dir.filePath(QStringLiteral("dossier-E002"));
    const Status written = DossierExport::write(nullptr, *m_f->context, zhangWei, dir);
    QVERIFY2(written, written ? "" : qPrintable(written.error().message));
    auto verdict = EvidenceBundle::verify(dir);
    QVERIFY(verdict && verdict->ok());
    // The PDF: its contents name each section with the page it starts on.
    QFile pdf(dir + QStringLiteral("/dossier.pdf"));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.readAll().startsWith("%PDF-"));
    auto data = DossierCollector(*m_f->org.store).collect(zhangWei, {}, {});
    QVERIFY(data);
    const QString html = DossierPdf::html(*data, {1, 2, 2, 2, 2, 2, 2, 3});
    for (const char *section :
         {"Responsibilities over time", "Handover", "Work trail", "How to verify this dossier"})
        QVERIFY2(html.contains(QLatin1String(section)), section);
    QVERIFY(html.contains(QStringLiteral("入职材料"))); // the imported email's subject
    // Recorded as an export; the same folder again is refused.
    QCOMPARE(auditFor(*m_f, QStringLiteral("export"), zhangWei).size(), 1);
    QVERIFY(!DossierExport::write(nullptr, *m_f->context, zhangWei, dir));
}

TrailDialog *TestGuiTrail::openTrail(PeoplePage &page, const QString &number)
{
    if (!openEmployee(page, number))
        return nullptr;
    auto *action = page.findChild<QAction *>(QStringLiteral("workTrailAction"));
    if (!action || !action->isEnabled())
        return nullptr;
    // Ctrl+T, as the toolbar says.
    QTest::keyClick(&page, Qt::Key_T, Qt::ControlModifier);
    return page.findChild<TrailDialog *>(QStringLiteral("trailDialog"));
}

void TestGuiTrail::importSearchFilterAndSave()
{
    PeoplePage page(*m_f->context);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    QPointer<TrailDialog> dialog = openTrail(page, QStringLiteral("E002"));
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isModal());
    QCOMPARE(dialog->employee(), m_f->org.emp.value(QStringLiteral("E002")));
    QVERIFY(child<QLabel>(*dialog, "trailEmployee")->text().contains(QStringLiteral("E002")));
    QCOMPARE(dialog->model()->rowCount(), 0);
    // Asking again brings the same window forward.
    page.findChild<QAction *>(QStringLiteral("workTrailAction"))->trigger();
    QCOMPARE(page.findChildren<TrailDialog *>().size(), 1);

    // The chat export: the messages come in; the picture and the empty
    // message are listed with their reasons.
    ImportSummaryDialog *summary =
        importAndWait(*dialog, TrailImporter::Kind::Chat, {data("chat/wecom.csv")});
    QVERIFY(summary);
    QVERIFY(summary->isVisible());
    QVERIFY2(summary->summaryText().contains(QStringLiteral("Items imported: 5")),
             qPrintable(summary->summaryText()));
    QTableWidget *skipped = summary->skippedTable();
    QVERIFY(skipped->rowCount() >= 2);
    for (int r = 0; r < skipped->rowCount(); ++r) {
        QVERIFY(skipped->item(r, 0)->text().startsWith(QStringLiteral("wecom.csv, line")));
        QVERIFY(!skipped->item(r, 1)->text().isEmpty());
    }
    summary->close();
    QTRY_VERIFY(!dialog->summaryDialog());
    QCOMPARE(dialog->model()->rowCount(), 5); // the list heard of the import
    // The test's clock stands still, yet no later edit is dated before the
    // import's items (the server would refuse it).
    QVERIFY(clockIsAfterTheLog(*m_f));

    // The email and its attached PDF.
    summary = importAndWait(*dialog, TrailImporter::Kind::Mail, {data("mail/onboarding.eml")});
    QVERIFY(summary);
    QVERIFY2(summary->summaryText().contains(QStringLiteral("of which files: 1")),
             qPrintable(summary->summaryText()));
    summary->close();

    // The same export again: nothing new, every message named as a duplicate.
    summary = importAndWait(*dialog, TrailImporter::Kind::Chat, {data("chat/wecom.csv")});
    QVERIFY(summary);
    QVERIFY(summary->summaryText().contains(QStringLiteral("Items imported: 0")));
    int duplicates = 0;
    for (int r = 0; r < summary->skippedTable()->rowCount(); ++r)
        duplicates += summary->skippedTable()->item(r, 1)->text()
                      == QLatin1String("Already in the work trail.");
    QCOMPARE(duplicates, 5);
    summary->close();
    QTRY_VERIFY(!dialog->summaryDialog());
    const int all = dialog->model()->rowCount();
    QCOMPARE(all, 7);

    // Ctrl+F, then typing searches after a pause.
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    auto *search = child<QLineEdit>(*dialog, "trailSearch");
    search->clearFocus();
    QTest::keyClick(dialog, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(search->hasFocus());
    QSignalSpy searched(dialog.data(), &TrailDialog::searched);
    search->insert(QStringLiteral("合同")); // an input method commits both at once
    QTRY_VERIFY(!searched.isEmpty());
    QTRY_VERIFY(titles(*dialog->model()).contains(Contract));
    QVERIFY(dialog->model()->rowCount() < all);

    // The chat message in full.
    const TrailHit hit = dialog->model()->hitAt(int(titles(*dialog->model()).indexOf(Contract)));
    QVERIFY(dialog->selectItem(hit.id));
    TrailItemPane *pane = dialog->itemPane();
    QCOMPARE(pane->itemId(), hit.id);
    QCOMPARE(pane->bodyText(), Contract);
    QCOMPARE(child<QLabel>(*pane, "trailItemSender")->text(), QStringLiteral("张伟"));
    QVERIFY(child<QLabel>(*pane, "trailItemTime")
                ->text()
                .startsWith(QStringLiteral("2024-03-01 14:05")));
    QVERIFY(!child<QPushButton>(*pane, "saveDocumentButton")->isEnabled());

    // The kind filter narrows: chats only, then emails only.
    auto *kind = child<QComboBox>(*dialog, "trailKindFilter");
    search->clear();
    QTRY_COMPARE(dialog->model()->rowCount(), all);
    kind->setCurrentIndex(kind->findData(QString::fromLatin1(trail::Chat)));
    QCOMPARE(dialog->model()->rowCount(), 5);
    QCOMPARE(kinds(*dialog->model()), QSet<QString>{QString::fromLatin1(trail::Chat)});
    kind->setCurrentIndex(kind->findData(QString::fromLatin1(trail::Email)));
    QCOMPARE(dialog->model()->rowCount(), 1);
    search->insert(QStringLiteral("合同")); // an input method commits both at once
    QTRY_COMPARE(dialog->model()->rowCount(), 0);
    search->clear();
    kind->setCurrentIndex(0);
    QTRY_COMPARE(dialog->model()->rowCount(), all);

    // The period: March 2024 holds the chat, not the email of the 15th.
    auto *to = child<OptionalDateEdit>(*dialog, "trailTo");
    to->dateEdit()->setDate(QDate(2024, 3, 10));
    to->checkBox()->setChecked(true);
    QCOMPARE(dialog->model()->rowCount(), 5);
    to->checkBox()->setChecked(false);
    QCOMPARE(dialog->model()->rowCount(), all);

    // The attached PDF saved out, byte for byte, and the save audited.
    kind->setCurrentIndex(kind->findData(QString::fromLatin1(trail::Document)));
    QCOMPARE(dialog->model()->rowCount(), 1);
    QVERIFY(dialog->selectItem(dialog->model()->hitAt(0).id));
    QVERIFY(child<QPushButton>(*pane, "saveDocumentButton")->isEnabled());
    const QString target = m_dir.filePath(QStringLiteral("saved.pdf"));
    QCOMPARE(pane->saveDocumentTo(target), QString());
    QFile original(data("mail/onboarding-attachment.pdf"));
    QFile saved(target);
    QVERIFY(original.open(QIODevice::ReadOnly) && saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), original.readAll());
    const auto exports = auditFor(*m_f, QStringLiteral("export"), pane->itemId());
    QCOMPARE(exports.size(), 1);

    // Esc closes the window (and it goes away).
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog);
}

// Zhang Wei's decision on a request, his progress report and his
// manager's signed confirmation of it, listed with his chat messages and
// read in full.
void TestGuiTrail::approvalsReportsAndConfirmationsAmongTheItems()
{
    test::TestOrg &org = m_f->org;
    const QUuid zhangWei = org.emp.value(QStringLiteral("E002"));
    auto actor = [&](const char *login) {
        return *org.store->actorFor(org.user.value(QLatin1String(login)), org.clockMs);
    };
    auto signer = [&](const char *login) {
        SigningKeys keys(*org.store);
        const QString name = QLatin1String(login);
        const QString password = QStringLiteral("password-") + name;
        const QUuid user = org.user.value(name);
        [&] {
            QVERIFY(keys.ensureKey(user, name, password));
            QVERIFY(keys.certify(user, name, SigningKeys::localAuthority(*org.store)));
        }();
        return *keys.unlock(user, password);
    };
    {
        TrailImporter importer(*org.store, m_f->context->actor(), zhangWei);
        importer.setTimeZone(QTimeZone("Asia/Shanghai"));
        QVERIFY(importer.run(TrailImporter::Kind::Chat, {data("chat/wecom.csv")}));
    }
    // Liu Yang's request, moved to Zhang Wei, who approves it.
    Approvals approvals(*org.store);
    QVERIFY(approvals.installDefaultTemplates(actor("lina")));
    RequestDraft draft;
    const auto templates = approvals.currentTemplates();
    QVERIFY(templates);
    for (const WorkflowTemplate &t : *templates)
        if (t.code == QLatin1String("document_approval"))
            draft.templateId = t.id;
    draft.subject = QStringLiteral("Supplier contract draft");
    org.tick();
    auto request = approvals.submit(actor("liuyang"), draft);
    QVERIFY(request);
    const QUuid step = Approvals::recordsWhere(*org.store, "approval_step", "request_id", *request)
                           ->first()
                           .id(u"id");
    org.tick();
    QVERIFY(approvals.reassign(actor("lina"), step, zhangWei));
    org.tick();
    const QString opinion = QStringLiteral("供应商合同已核对，同意");
    QVERIFY(approvals.decide(actor("zhangwei"), step, Approvals::Decision::Approve, opinion,
                             signer("zhangwei")));
    // His report on a task, confirmed by Chen Jing.
    const QUuid task = createUuidV7();
    org.tick();
    QVERIFY(org.submitAs(QStringLiteral("chenjing"), QStringLiteral("task"), task, OpKind::Create,
                         {{QStringLiteral("owner_id"), idString(zhangWei)},
                          {QStringLiteral("title"), QStringLiteral("Q1 requirements document")}})
                .ok());
    const QUuid report = createUuidV7();
    org.tick();
    QVERIFY(org.submitAs(QStringLiteral("zhangwei"), QStringLiteral("task_update"), report,
                         OpKind::Append,
                         {{QStringLiteral("task_id"), idString(task)},
                          {QStringLiteral("progress"), 60},
                          {QStringLiteral("status"), QStringLiteral("in_progress")},
                          {QStringLiteral("note"), QStringLiteral("Draft sent for review")},
                          {QStringLiteral("reported_by"), idString(zhangWei)},
                          {QStringLiteral("reported_ms"), org.clockMs}})
                .ok());
    org.tick();
    auto confirmation = TaskConfirmations(*org.store)
                            .confirm(actor("chenjing"), task, report,
                                     QStringLiteral("需求初稿已交付"), signer("chenjing"));
    QVERIFY(confirmation);

    TrailDialog dialog(*m_f->context, zhangWei);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // The five chat messages and the three records, newest first.
    TrailModel *model = dialog.model();
    QCOMPARE(model->rowCount(), 8);
    QCOMPARE(model->hitAt(0).id, *confirmation);
    QCOMPARE(model->hitAt(1).id, report);
    QCOMPARE(model->hitAt(2).id, step);
    QCOMPARE(kinds(*model),
             (QSet<QString>{QStringLiteral("chat"), QStringLiteral("approval"),
                            QStringLiteral("report"), QStringLiteral("confirmation")}));
    QCOMPARE(model->index(2, TrailModel::KindColumn).data().toString(), QStringLiteral("Approval"));
    QCOMPARE(model->index(1, TrailModel::KindColumn).data().toString(),
             QStringLiteral("Progress report"));

    // The kind filter offers them: approvals only.
    auto *kind = child<QComboBox>(dialog, "trailKindFilter");
    for (const char *k : {"approval", "report", "confirmation"})
        QVERIFY2(kind->findData(QLatin1String(k)) > 0, k);
    QCOMPARE(kind->itemText(kind->findData(QStringLiteral("confirmation"))),
             QStringLiteral("Confirmation"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("approval")));
    QCOMPARE(model->rowCount(), 1);

    // The decision in full.
    QVERIFY(dialog.selectItem(step));
    TrailItemPane *pane = dialog.itemPane();
    QCOMPARE(pane->itemId(), step);
    QCOMPARE(pane->entity(), QStringLiteral("approval_step"));
    const Record stepRecord = *org.store->readRecord(QStringLiteral("approval_step"), step);
    QCOMPARE(child<QLabel>(*pane, "trailItemTitle")->text(),
             QStringLiteral("Approved: Supplier contract draft"));
    QCOMPARE(child<QLabel>(*pane, "trailEventSubject")->text(),
             QStringLiteral("Supplier contract draft"));
    QCOMPARE(child<QLabel>(*pane, "trailEventNode")->text(), stepRecord.text(u"title"));
    QCOMPARE(child<QLabel>(*pane, "trailEventDecision")->text(), QStringLiteral("Approved"));
    QCOMPARE(child<QLabel>(*pane, "trailEventWho")->text(), QStringLiteral("Wei Zhang"));
    QVERIFY(!child<QLabel>(*pane, "trailEventTime")->text().isEmpty());
    QVERIFY(
        child<QLabel>(*pane, "trailEventSignature")->text().contains(QStringLiteral("zhangwei")));
    QVERIFY(
        child<QLabel>(*pane, "trailEventSignature")->text().endsWith(QStringLiteral("verified")));
    QCOMPARE(pane->bodyText(), opinion);
    QVERIFY(!child<QPushButton>(*pane, "saveDocumentButton")->isEnabled());
    QVERIFY(!child<QLabel>(*pane, "trailItemSender")->isVisible());
    if (const QString dir = qEnvironmentVariable("BATON_SCREENSHOT_DIR"); !dir.isEmpty()) {
        kind->setCurrentIndex(0);
        QVERIFY(dialog.selectItem(step));
        QCoreApplication::processEvents();
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/trail-approval.png")));
        kind->setCurrentIndex(kind->findData(QStringLiteral("approval")));
    }

    // The confirmation in full.
    kind->setCurrentIndex(0);
    QVERIFY(dialog.selectItem(*confirmation));
    QCOMPARE(pane->entity(), QStringLiteral("task_confirmation"));
    QCOMPARE(child<QLabel>(*pane, "trailEventStatement")->text(), QStringLiteral("需求初稿已交付"));
    QCOMPARE(child<QLabel>(*pane, "trailEventProgress")->text(), QStringLiteral("60%"));
    QCOMPARE(child<QLabel>(*pane, "trailEventWho")->text(), QStringLiteral("Jing Chen"));
    QCOMPARE(child<QLabel>(*pane, "trailEventOwner")->text(), QStringLiteral("Wei Zhang"));
    QVERIFY(
        child<QLabel>(*pane, "trailEventSignature")->text().contains(QStringLiteral("chenjing")));
    QVERIFY(
        !pane->findChild<QLabel *>(QStringLiteral("trailEventNode"))); // the decision's rows went

    // A search finds 合同 in the chat and in the opinion alike; a chat
    // message then shows as before.
    auto *search = child<QLineEdit>(dialog, "trailSearch");
    search->setText(QStringLiteral("合同"));
    dialog.search();
    QCOMPARE(titles(*model),
             (QStringList{QStringLiteral("Approved: Supplier contract draft"), Contract}));
    QVERIFY(dialog.selectItem(model->hitAt(1).id));
    QCOMPARE(pane->entity(), QStringLiteral("trail_item"));
    QCOMPARE(pane->bodyText(), Contract);
    QVERIFY(child<QLabel>(*pane, "trailItemSender")->isVisible());
    QVERIFY(!pane->findChild<QWidget *>(QStringLiteral("trailEventFields"))->isVisible());
}

void TestGuiTrail::caseQuestionsShowTheTrailAroundTheDate()
{
    const QUuid zhangWei = m_f->org.emp.value(QStringLiteral("E002"));
    // Zhang Wei kept the labour contracts in 2024.
    QVERIFY(m_f->org
                .submitAs(QStringLiteral("lina"), QStringLiteral("duty"), createUuidV7(),
                          OpKind::Create,
                          {{QStringLiteral("employee_id"), idString(zhangWei)},
                           {QStringLiteral("title"), QStringLiteral("劳动合同 filing")},
                           {QStringLiteral("valid_from"), QStringLiteral("2024-01-01")},
                           {QStringLiteral("valid_to"), QStringLiteral("2024-12-31")}})
                .ok());
    {
        TrailImporter importer(*m_f->org.store, m_f->context->actor(), zhangWei);
        importer.setTimeZone(QTimeZone("Asia/Shanghai"));
        QVERIFY(importer.run(TrailImporter::Kind::Chat, {data("chat/wecom.csv")}));
    }

    PeoplePage page(*m_f->context);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(openEmployee(page, QStringLiteral("E002")));
    auto *action = page.findChild<QAction *>(QStringLiteral("caseQuestionsAction"));
    QVERIFY(action && action->isEnabled());
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    action->trigger();
    auto *dialog = page.findChild<CaseQuestionsDialog *>(QStringLiteral("caseQuestionsDialog"));
    QVERIFY(dialog);
    QCOMPARE(dialog->employee(), zhangWei); // the one selected
    QVERIFY(child<QLabel>(*dialog, "casePerson")->text().contains(QStringLiteral("E002")));

    dialog->setDate(QDate(2024, 3, 1));
    child<QLineEdit>(*dialog, "caseTopic")->insert(QStringLiteral("合同"));
    QSignalSpy answered(dialog, &CaseQuestionsDialog::answered);
    QTest::mouseClick(child<QPushButton>(*dialog, "caseAnswerButton"), Qt::LeftButton);
    QCOMPARE(answered.size(), 1);

    // Responsible then: the duty, with its dates.
    auto *responsible = child<QTableWidget>(*dialog, "caseResponsible");
    QCOMPARE(responsible->rowCount(), 1);
    QVERIFY(responsible->item(0, 0)->text().contains(QStringLiteral("E002")));
    QCOMPARE(responsible->item(0, 1)->text(), QStringLiteral("劳动合同 filing"));
    QCOMPARE(responsible->item(0, 2)->text(), QStringLiteral("2024-01-01"));
    QCOMPARE(responsible->item(0, 3)->text(), QStringLiteral("2024-12-31"));
    // No handover, so not on a checklist and no sign-off.
    QCOMPARE(child<QLabel>(*dialog, "caseChecklistVerdict")->text(),
             QStringLiteral("No: this person has no handover case."));
    QCOMPARE(child<QTableWidget>(*dialog, "caseSignOff")->rowCount(), 0);

    // The trail around the date holds the chat message; a double-click
    // opens it in full.
    TrailModel *trail = dialog->trailModel();
    const int row = int(titles(*trail).indexOf(Contract));
    QVERIFY2(row >= 0, qPrintable(titles(*trail).join(QLatin1Char('|'))));
    QTableView *view = dialog->trailView();
    QVERIFY(view->isVisible());
    const QModelIndex index = trail->index(row, TrailModel::TitleColumn);
    view->scrollTo(index);
    // As a window system delivers it: a click, then the double-click.
    const QPoint at = view->visualRect(index).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    auto *item = dialog->findChild<TrailItemDialog *>(QStringLiteral("trailItemDialog"));
    QVERIFY(item);
    QCOMPARE(dialog->findChildren<TrailItemDialog *>().size(), 1);
    QCOMPARE(item->pane()->bodyText(), Contract);

    // Another date, far from it: the duty ended, the trail is quiet.
    dialog->setDate(QDate(2025, 6, 1));
    QTest::mouseClick(child<QPushButton>(*dialog, "caseAnswerButton"), Qt::LeftButton);
    QCOMPARE(responsible->rowCount(), 0);
    QCOMPARE(trail->rowCount(), 0);
}

void TestGuiTrail::cancelStopsTheImport()
{
    QTemporaryDir files;
    QVERIFY(files.isValid());
    for (int i = 0; i < 300; ++i) {
        QFile f(files.filePath(QStringLiteral("note-%1.txt").arg(i)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("会议记录 %1：合同续签").arg(i).toUtf8());
    }
    TrailDialog dialog(*m_f->context, m_f->org.emp.value(QStringLiteral("E002")));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.importFiles(TrailImporter::Kind::Documents, {files.path()});
    QVERIFY(dialog.isImporting());
    // The import has the application to itself until it ends.
    auto *progress =
        dialog.findChild<ImportProgressDialog *>(QStringLiteral("trailImportProgress"));
    QVERIFY(progress);
    QVERIFY(progress->isVisible());
    QCOMPARE(QApplication::activeModalWidget(), progress);
    for (QPushButton *b :
         dialog.findChildren<QPushButton *>(QRegularExpression(QStringLiteral("^import"))))
        QVERIFY(!b->isEnabled());
    // Esc on the trail window stops the import rather than closing it;
    // Cancel on the progress does the same.
    dialog.reject();
    QVERIFY(dialog.isVisible());
    QTest::keyClick(progress, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.summaryDialog(), ImportTimeoutMs);
    QVERIFY(!progress->isVisible());
    const QString text = dialog.summaryDialog()->summaryText();
    QVERIFY2(text.contains(QStringLiteral("cancelled")), qPrintable(text));
    QVERIFY(dialog.model()->rowCount() < 300);

    dialog.summaryDialog()->close();
}

void TestGuiTrail::nobodyElsesTrail()
{
    // Zhang Wei sees and adds to his own trail, not Liu Yang's.
    QVERIFY(m_f->signIn(QStringLiteral("zhangwei")));
    TrailDialog own(*m_f->context, m_f->org.emp.value(QStringLiteral("E002")));
    QVERIFY(child<QLineEdit>(own, "trailSearch")->isEnabled());
    QVERIFY(!child<QPushButton>(own, "importChatButton")->isHidden());
    TrailDialog other(*m_f->context, m_f->org.emp.value(QStringLiteral("E006")));
    QVERIFY(!child<QLineEdit>(other, "trailSearch")->isEnabled());
    QVERIFY(child<QPushButton>(other, "importChatButton")->isHidden());
    QVERIFY(child<QLabel>(other, "trailMessage")->text().contains(QStringLiteral("may not")));
    other.importFiles(TrailImporter::Kind::Chat, {data("chat/wecom.csv")});
    QVERIFY(!other.isImporting());
    CaseQuestionsDialog questions(*m_f->context, m_f->org.emp.value(QStringLiteral("E006")));
    QVERIFY(questions.employee().isNull());
    QVERIFY(!child<QPushButton>(questions, "caseAnswerButton")->isEnabled());
}

void TestGuiTrail::addNoteWritesItIntoTheTrail()
{
    // Zhang Wei writes down a call: the note is in his trail, selected, and
    // found by a word of it.
    QVERIFY(m_f->signIn(QStringLiteral("zhangwei")));
    TrailDialog dialog(*m_f->context, m_f->org.emp.value(QStringLiteral("E002")));
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *add = child<QPushButton>(dialog, "addNoteButton");
    QVERIFY(add && !add->isHidden());
    bool untitledRefused = false;
    QTimer::singleShot(0, this, [&] {
        auto *note = qobject_cast<AddNoteDialog *>(QApplication::activeModalWidget());
        if (!note)
            return;
        auto *ok = child<QPushButton>(*note, "addNoteButton");
        untitledRefused = !ok->isEnabled();
        // Typed Chinese arrives through an input method, not key by key.
        child<QLineEdit>(*note, "noteTitleEdit")
            ->insert(QStringLiteral("与华东建材通话：续约合同"));
        child<QPlainTextEdit>(*note, "noteBodyEdit")
            ->insertPlainText(QStringLiteral("客户要求在续约前确认交付物清单。"));
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    // Ctrl+Shift+N, as the button's tooltip says.
    QTest::keyClick(&dialog, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(untitledRefused);
    QVERIFY(!QApplication::activeModalWidget());
    QTRY_VERIFY(dialog.model()->rowCount() >= 1);
    const QModelIndex current = child<QTableView>(dialog, "trailTable")->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(dialog.model()->hitAt(current.row()).title,
             QStringLiteral("与华东建材通话：续约合同"));
    QCOMPARE(dialog.model()->hitAt(current.row()).kind, QStringLiteral("note"));
    TrailSearch search(*m_f->org.store);
    TrailQuery q;
    q.text = QStringLiteral("交付物");
    q.employee = m_f->org.emp.value(QStringLiteral("E002"));
    auto hits = search.search(q);
    QVERIFY(hits);
    QCOMPARE(hits->size(), 1);
}

// Pictures of the windows for people to look at: set BATON_SCREENSHOT_DIR.
void TestGuiTrail::screenshots()
{
    const QString dir = qEnvironmentVariable("BATON_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("Set BATON_SCREENSHOT_DIR to write screenshots of the work trail.");
    auto shoot = [&](QWidget &w, const char *name) {
        QCoreApplication::processEvents();
        QVERIFY(w.grab().save(dir + QLatin1Char('/') + QLatin1String(name)));
    };
    const QUuid zhangWei = m_f->org.emp.value(QStringLiteral("E002"));
    TrailDialog trail(*m_f->context, zhangWei);
    trail.show();
    QVERIFY(QTest::qWaitForWindowExposed(&trail));
    ImportSummaryDialog *summary = importAndWait(
        trail, TrailImporter::Kind::Chat, {data("chat/wecom.csv"), data("chat/wrong_columns.csv")});
    QVERIFY(summary);
    shoot(*summary, "trail-import-summary.png");
    summary->close();
    QVERIFY(importAndWait(trail, TrailImporter::Kind::Mail, {data("mail/onboarding.eml")}));
    trail.summaryDialog()->close();
    QTRY_VERIFY(!trail.summaryDialog());
    QVERIFY(trail.selectItem(trail.model()->hitAt(0).id));
    shoot(trail, "trail-window.png");

    CaseQuestionsDialog questions(*m_f->context, zhangWei);
    questions.setDate(QDate(2024, 3, 1));
    questions.setTopic(QStringLiteral("合同"));
    questions.show();
    QVERIFY(QTest::qWaitForWindowExposed(&questions));
    questions.answer();
    shoot(questions, "trail-case-questions.png");
}

QTEST_MAIN(TestGuiTrail)
#include "tst_gui_trail.moc"
