#pragma once

#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;

namespace baton {

class AppContext;
class LanguageManager;
class MessageLabel;
class PageHeader;
class PasswordForm;
class ServerSettings;

// Settings of this computer and of the signed-in user: the interface
// language (applies at once), which database Baton opens, the sync server,
// and the user's password.
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    SettingsPage(AppContext &context, LanguageManager &languages, QWidget *parent = nullptr);

    // Ask for a file, then request it (MainWindow and the buttons use these).
    void chooseDatabaseToOpen();
    void chooseNewDatabase();
    ServerSettings *serverSettings() const { return m_server; }

Q_SIGNALS:
    // The session opens path (creating it when missing) and signs in again.
    void openDatabaseRequested(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void selectCurrentLanguage();
    QString startFolder() const;

    AppContext &m_context;
    LanguageManager &m_languages;
    PageHeader *m_header;
    QGroupBox *m_languageBox;
    QLabel *m_languageLabel;
    QComboBox *m_language;
    QLabel *m_languageNote;
    QGroupBox *m_databaseBox;
    QLabel *m_databaseLabel;
    QLabel *m_databasePath;
    QLabel *m_deviceLabel;
    QLabel *m_device;
    QLabel *m_databaseNote;
    QPushButton *m_open;
    QPushButton *m_new;
    MessageLabel *m_databaseMessage;
    ServerSettings *m_server;
    QGroupBox *m_passwordBox;
    QLabel *m_passwordNote;
    PasswordForm *m_password;
};

} // namespace baton
