#include "shellfixture.h"

#include "shell/desktopsession.h"
#include "shell/logindialog.h"
#include "shell/mainwindow.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTest>

namespace baton::test {

void isolateSettings(const QString &folder)
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
}

bool buildClosedOrg(TestOrg &org)
{
    if (!org.build())
        return false;
    org.store.reset();
    return true;
}

void typeSignIn(DesktopSession &session, const QString &login, const QString &password)
{
    LoginDialog *dialog = session.loginDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    auto *loginEdit = dialog->findChild<QLineEdit *>(QStringLiteral("loginEdit"));
    auto *passwordEdit = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("loginButton"));
    QVERIFY(loginEdit && passwordEdit && button);
    loginEdit->clear();
    QTest::keyClicks(loginEdit, login);
    passwordEdit->clear();
    QTest::keyClicks(passwordEdit, password);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

bool signIn(DesktopSession &session, const QString &login)
{
    typeSignIn(session, login, QStringLiteral("password-") + login);
    if (QTest::currentTestFailed())
        return false;
    return QTest::qWaitFor(
        [&] { return session.mainWindow() && session.mainWindow()->isVisible(); });
}

} // namespace baton::test
