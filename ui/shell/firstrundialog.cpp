#include "firstrundialog.h"

#include "auth/accounts.h"
#include "messagelabel.h"
#include "newpasswordfields.h"
#include "store/store.h"
#include "workflow/approvals.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace baton {

FirstRunDialog::FirstRunDialog(Store &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_intro(new QLabel(this))
    , m_loginLabel(new QLabel(this))
    , m_login(new QLineEdit(this))
    , m_loginHint(new MessageLabel(this))
    , m_password(new NewPasswordFields(this))
    , m_error(new MessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_create(m_buttons->button(QDialogButtonBox::Ok))
    , m_joinServer(m_buttons->addButton(QString(), QDialogButtonBox::ActionRole))
{
    setObjectName(QStringLiteral("firstRunDialog"));
    m_intro->setWordWrap(true);
    m_login->setObjectName(QStringLiteral("adminLoginEdit"));
    m_login->setText(QStringLiteral("admin"));
    m_login->setMaxLength(64);
    m_loginLabel->setBuddy(m_login);
    m_loginHint->setObjectName(QStringLiteral("loginHint"));
    m_error->setObjectName(QStringLiteral("firstRunError"));
    m_create->setObjectName(QStringLiteral("createAdminButton"));
    m_joinServer->setObjectName(QStringLiteral("joinServerButton"));

    // The login rows join the password rows in one aligned form.
    m_password->form()->insertRow(0, m_loginLabel, m_login);
    m_password->form()->insertRow(1, QString(), m_loginHint);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addSpacing(8);
    layout->addWidget(m_password);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_login, &QLineEdit::textChanged, this, &FirstRunDialog::validate);
    connect(m_password, &NewPasswordFields::validityChanged, this, &FirstRunDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FirstRunDialog::create);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_joinServer, &QPushButton::clicked, this, &FirstRunDialog::joinServerRequested);
    retranslate();
    setMinimumWidth(480);
}

void FirstRunDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void FirstRunDialog::retranslate()
{
    setWindowTitle(tr("Set up Baton"));
    m_intro->setText(
        tr("<p><b>This database is new.</b> Choose the login and password of its administrator: "
           "the account that creates departments, user accounts and roles.</p>"
           "<p>Keep the password somewhere safe. Baton stores only a verifier, so nobody can "
           "recover a forgotten password; another administrator can set a new one.</p>"
           "<p>Database: %1</p>")
            .arg(QDir::toNativeSeparators(m_store.database().path()).toHtmlEscaped()));
    m_loginLabel->setText(tr("Administrator &login:"));
    m_create->setText(tr("&Create administrator"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Quit"));
    m_joinServer->setText(tr("&Join a Server..."));
    m_joinServer->setToolTip(tr("Your organisation already uses Baton: sign in to its server "
                                "instead of creating an administrator here."));
    validate();
}

void FirstRunDialog::validate()
{
    // The same rule the store applies to every account; checked here as the
    // user types so the button never leads to a refusal.
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{1,63}$"));
    const QString login = Accounts::normaliseLogin(m_login->text());
    const bool loginOk = pattern.match(login).hasMatch();
    if (loginOk)
        m_loginHint->clearMessage();
    else
        m_loginHint->showMessage(tr("A login uses 2 to 64 lower-case letters, digits, '.', '_' "
                                    "or '-', and starts with a letter or digit."),
                                 login.isEmpty() ? MessageLabel::Kind::Hint
                                                 : MessageLabel::Kind::Error);
    m_create->setEnabled(loginOk && m_password->isValid());
}

void FirstRunDialog::create()
{
    if (!m_create->isEnabled())
        return;
    m_error->clearMessage();
    const QString login = Accounts::normaliseLogin(m_login->text());
    auto admin = Accounts(m_store).createFirstAdmin(login, m_password->password());
    if (!admin) {
        m_error->showMessage(admin.error().message, MessageLabel::Kind::Error);
        return;
    }
    // The shipped workflow templates, named in the language the organisation
    // is set up in; HR adapts them later.
    auto actor = m_store.actorFor(*admin, m_store.nowMs());
    const Status templates = actor ? Approvals(m_store).installDefaultTemplates(
                                 *actor, QLocale().language() == QLocale::Chinese)
                                   : Status(actor.error());
    if (!templates)
        m_error->showMessage(templates.error().message, MessageLabel::Kind::Error);
    m_createdLogin = login;
    accept();
}

} // namespace baton
