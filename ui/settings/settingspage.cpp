#include "settingspage.h"

#include "alerts/alertsettingswidget.h"
#include "common/appcontext.h"
#include "common/filedialogs.h"
#include "passwordform.h"
#include "policy/roles.h"
#include "serversettings.h"
#include "shell/languagemanager.h"
#include "shell/messagelabel.h"
#include "shell/pageheader.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace baton {

SettingsPage::SettingsPage(AppContext &context, LanguageManager &languages, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_languages(languages)
    , m_header(new PageHeader(QStringLiteral("settings"), this))
    , m_languageBox(new QGroupBox(this))
    , m_languageLabel(new QLabel(this))
    , m_language(new QComboBox(this))
    , m_languageNote(new QLabel(this))
    , m_databaseBox(new QGroupBox(this))
    , m_databaseLabel(new QLabel(this))
    , m_databasePath(new QLabel(this))
    , m_deviceLabel(new QLabel(this))
    , m_device(new QLabel(this))
    , m_databaseNote(new QLabel(this))
    , m_open(new QPushButton(this))
    , m_new(new QPushButton(this))
    , m_databaseMessage(new MessageLabel(this))
    , m_server(new ServerSettings(context.sync(), this))
    , m_passwordBox(new QGroupBox(this))
    , m_passwordNote(new QLabel(this))
    , m_password(new PasswordForm(context, this))
{
    setObjectName(QStringLiteral("settingsPage"));

    m_languageBox->setObjectName(QStringLiteral("languageBox"));
    m_databaseBox->setObjectName(QStringLiteral("databaseBox"));
    m_passwordBox->setObjectName(QStringLiteral("passwordBox"));
    m_language->setObjectName(QStringLiteral("languageCombo"));
    for (const LanguageManager::Language &l : LanguageManager::languages())
        m_language->addItem(l.nativeName, l.code);
    m_languageLabel->setBuddy(m_language);
    m_languageNote->setWordWrap(true);
    m_languageNote->setForegroundRole(QPalette::PlaceholderText);
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_language);
    languageRow->addStretch(1);
    auto *languageForm = new QFormLayout(m_languageBox);
    languageForm->addRow(m_languageLabel, languageRow);
    languageForm->addRow(QString(), m_languageNote);

    m_databasePath->setObjectName(QStringLiteral("databasePath"));
    m_databasePath->setText(QDir::toNativeSeparators(context.store().database().path()));
    m_databasePath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_databasePath->setWordWrap(true);
    m_device->setText(context.store().deviceId());
    m_device->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_databaseNote->setWordWrap(true);
    m_databaseNote->setForegroundRole(QPalette::PlaceholderText);
    m_open->setObjectName(QStringLiteral("openDatabaseButton"));
    m_new->setObjectName(QStringLiteral("newDatabaseButton"));
    m_databaseMessage->setObjectName(QStringLiteral("databaseMessage"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_new);
    buttons->addStretch(1);
    auto *databaseForm = new QFormLayout(m_databaseBox);
    databaseForm->addRow(m_databaseLabel, m_databasePath);
    databaseForm->addRow(m_deviceLabel, m_device);
    databaseForm->addRow(QString(), m_databaseNote);
    databaseForm->addRow(QString(), buttons);
    databaseForm->addRow(QString(), m_databaseMessage);

    m_passwordNote->setWordWrap(true);
    m_passwordNote->setForegroundRole(QPalette::PlaceholderText);
    auto *passwordLayout = new QVBoxLayout(m_passwordBox);
    passwordLayout->addWidget(m_passwordNote);
    passwordLayout->addWidget(m_password);

    // The sections keep a readable width; the page scrolls on small screens.
    auto *content = new QWidget(this);
    content->setMaximumWidth(720);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(16);
    contentLayout->addWidget(m_languageBox);
    contentLayout->addWidget(m_databaseBox);
    contentLayout->addWidget(m_server);
    contentLayout->addWidget(m_passwordBox);
    // HR sets when warnings are raised, for the whole company.
    if (context.can(QString::fromLatin1(actions::PerformanceConfigure)))
        contentLayout->addWidget(new AlertSettingsWidget(context, content));
    contentLayout->addStretch(1);
    auto *holder = new QWidget(this);
    auto *holderLayout = new QHBoxLayout(holder);
    holderLayout->setContentsMargins(0, 0, 0, 0);
    holderLayout->addWidget(content, 1);
    holderLayout->addStretch(0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(holder);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(16);
    layout->addWidget(m_header);
    layout->addWidget(scroll, 1);

    selectCurrentLanguage();
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_languages.setLanguage(m_language->itemData(index).toString()); });
    connect(&m_languages, &LanguageManager::languageChanged, this,
            &SettingsPage::selectCurrentLanguage);
    connect(m_open, &QPushButton::clicked, this, &SettingsPage::chooseDatabaseToOpen);
    connect(m_new, &QPushButton::clicked, this, &SettingsPage::chooseNewDatabase);
    retranslate();
}

void SettingsPage::selectCurrentLanguage()
{
    const QSignalBlocker blocker(m_language);
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_languages.current())));
}

void SettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SettingsPage::retranslate()
{
    m_header->setTitle(tr("Settings"));
    m_header->setSubtitle(tr("The language, database and sync server of this computer, and "
                             "your own password."));
    m_languageBox->setTitle(tr("Language"));
    m_languageLabel->setText(tr("&Language:"));
    m_languageNote->setText(tr("Baton switches at once and remembers the choice on this "
                               "computer."));
    m_databaseBox->setTitle(tr("Database"));
    m_databaseLabel->setText(tr("Open now:"));
    m_deviceLabel->setText(tr("This device:"));
    m_device->setToolTip(tr("The name under which this computer's changes appear in the audit "
                            "trail."));
    m_databaseNote->setText(tr("Baton opens this database when it starts. Each database has its "
                               "own people, accounts and history; switching signs you out."));
    m_open->setText(tr("&Open Another Database..."));
    m_new->setText(tr("&New Database..."));
    m_passwordBox->setTitle(tr("Your password"));
    m_passwordNote->setText(tr("Signed in as %1. The password protects your account and, "
                               "later, the key you sign decisions with.")
                                .arg(m_context.session().login));
}

QString SettingsPage::startFolder() const
{
    return QFileInfo(m_context.store().database().path()).absolutePath();
}

void SettingsPage::chooseDatabaseToOpen()
{
    m_databaseMessage->clearMessage();
    const QString path = FileDialogs::openFile(this, tr("Open a Baton Database"), startFolder(),
                                               tr("Baton databases (*.db *.baton);;All files (*)"));
    if (!path.isEmpty())
        Q_EMIT openDatabaseRequested(path);
}

void SettingsPage::chooseNewDatabase()
{
    m_databaseMessage->clearMessage();
    // Overwriting is never offered: a database holds records that are kept
    // for good, so an existing file is refused rather than replaced.
    QString path = FileDialogs::saveFile(
        this, tr("New Baton Database"), QDir(startFolder()).filePath(tr("baton-new.db")),
        tr("Baton databases (*.db)"), QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".db");
    if (QFileInfo::exists(path)) {
        m_databaseMessage->showMessage(
            tr("%1 already exists. Baton never replaces a database; to use it, choose Open "
               "Another Database.")
                .arg(QDir::toNativeSeparators(path)),
            MessageLabel::Kind::Error);
        return;
    }
    Q_EMIT openDatabaseRequested(path);
}

} // namespace baton
