#include "requestfeedbackdialog.h"

#include "common/appcontext.h"
#include "handovers/personfield.h"
#include "org/orgvalues.h"
#include "performance/reviewentities.h"
#include "shell/messagelabel.h"
#include "workflow/approvalentities.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>

namespace baton {

RequestFeedbackDialog::RequestFeedbackDialog(AppContext &context, const QUuid &cycle,
                                             const QUuid &subject, const QString &subjectName,
                                             QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_cycle(cycle)
    , m_subject(subject)
    , m_peers(new PersonField(context, true, this))
    , m_askManager(new QCheckBox(this))
    , m_subordinates(new PersonField(context, true, this))
    , m_customers(new QListWidget(this))
{
    setObjectName(QStringLiteral("requestFeedbackDialog"));
    setWindowTitle(tr("Request Feedback"));
    m_peers->setObjectName(QStringLiteral("peersField"));
    m_subordinates->setObjectName(QStringLiteral("subordinatesField"));
    m_askManager->setObjectName(QStringLiteral("askManagerCheck"));
    m_customers->setObjectName(QStringLiteral("customerList"));
    message()->setObjectName(QStringLiteral("requestMessage"));
    m_peers->setPickerTitle(tr("Peers to Ask"));
    m_subordinates->setPickerTitle(tr("People Reporting to %1").arg(subjectName));
    m_peers->setPlaceholderText(tr("Colleagues who work beside %1").arg(subjectName));
    m_subordinates->setPlaceholderText(tr("People who report to %1").arg(subjectName));
    m_customers->setMaximumHeight(110);

    Store &store = context.store();
    // Their nearest supervisor, to ask as the manager.
    const RecordLookup lookup = [&store](const QString &entity, const QUuid &id) {
        auto r = store.readRecord(entity, id);
        return r ? *r : Record();
    };
    const QList<QUuid> chain = managerChain(lookup, subject);
    QString managerName;
    if (!chain.isEmpty()) {
        m_manager = chain.constFirst();
        const Record m = lookup(QStringLiteral("employee"), m_manager);
        managerName = org::displayName(m.text(u"family_name"), m.text(u"given_name"));
    }
    m_askManager->setText(m_manager.isNull() ? tr("%1 has no manager on file").arg(subjectName)
                                             : tr("Ask %1, their manager").arg(managerName));
    m_askManager->setEnabled(!m_manager.isNull());

    // Who has been asked already, so that nobody is asked twice.
    QStringList asked;
    if (auto requests = Feedback(store).requestsAbout(subject, cycle))
        for (const FeedbackRequestView &r : std::as_const(*requests)) {
            asked.append(r.customer.isNull()
                             ? QStringLiteral("%1 (%2)").arg(r.respondentName,
                                                             feedback::relationTitle(r.relation))
                             : QStringLiteral("%1 (%2)").arg(r.customerName,
                                                             feedback::relationTitle(r.relation)));
            if (r.respondent == m_manager && r.relation == QLatin1String(feedback::Manager))
                m_askManager->setEnabled(false);
        }

    // Customers their department looks after: each asked through its owner.
    if (auto customers = Feedback(store).customersFor(subject))
        for (const FeedbackCustomer &c : std::as_const(*customers)) {
            auto *item =
                new QListWidgetItem(tr("%1 — entered by %2").arg(c.name, c.ownerName), m_customers);
            item->setData(Qt::UserRole, c.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }

    auto *heading =
        new QLabel(tr("360 feedback on <b>%1</b>").arg(subjectName.toHtmlEscaped()), this);
    auto *form = new QFormLayout;
    form->addRow(tr("&Peers:"), m_peers);
    form->addRow(tr("Manager:"), m_askManager);
    form->addRow(tr("&Reporting to them:"), m_subordinates);
    if (m_customers->count() > 0)
        form->addRow(tr("&Customers:"), m_customers);
    else
        m_customers->hide();
    if (!asked.isEmpty()) {
        auto *already =
            new QLabel(tr("Asked already: %1").arg(asked.join(QStringLiteral(", "))), this);
        already->setObjectName(QStringLiteral("askedAlreadyLabel"));
        already->setWordWrap(true);
        already->setForegroundRole(QPalette::PlaceholderText);
        form->addRow(already);
    }
    setUp(heading, form, tr("Ask"), "askButton");
    setMinimumWidth(480);
    connect(m_peers, &PersonField::changed, this, &RequestFeedbackDialog::validate);
    connect(m_subordinates, &PersonField::changed, this, &RequestFeedbackDialog::validate);
    connect(m_askManager, &QCheckBox::toggled, this, &RequestFeedbackDialog::validate);
    connect(m_customers, &QListWidget::itemChanged, this, &RequestFeedbackDialog::validate);
}

QList<FeedbackAsk> RequestFeedbackDialog::asks() const
{
    QList<FeedbackAsk> out;
    for (const QUuid &p : m_peers->people())
        out.append({QLatin1String(feedback::Peer), p, {}});
    if (m_askManager->isEnabled() && m_askManager->isChecked())
        out.append({QLatin1String(feedback::Manager), m_manager, {}});
    for (const QUuid &p : m_subordinates->people())
        out.append({QLatin1String(feedback::Subordinate), p, {}});
    for (int i = 0; i < m_customers->count(); ++i)
        if (m_customers->item(i)->checkState() == Qt::Checked)
            out.append({QLatin1String(feedback::Customer),
                        {},
                        m_customers->item(i)->data(Qt::UserRole).toUuid()});
    return out;
}

QString RequestFeedbackDialog::problem() const
{
    if (asks().isEmpty())
        return tr("Choose whom to ask.");
    return {};
}

Status RequestFeedbackDialog::save()
{
    auto ids = Feedback(m_context.store()).request(m_context.actor(), m_cycle, m_subject, asks());
    if (!ids)
        return ids.error();
    return {};
}

} // namespace baton
