#pragma once

#include "testorg.h"

#include <QString>

namespace baton {
class DesktopSession;
}

// Helpers shared by the shell's GUI tests.
namespace baton::test {

// Points QSettings at folder (an INI file), so tests never read or write the
// user's own settings. Call before anything creates a QSettings.
void isolateSettings(const QString &folder);

// Builds the test organisation and closes its store, so that a session can
// open the file the way the desktop app does.
bool buildClosedOrg(TestOrg &org);

// Types login and password into the open sign-in dialog and clicks the
// sign-in button, like a user.
void typeSignIn(DesktopSession &session, const QString &login, const QString &password);

// Signs in with "password-<login>" and waits for the main window.
bool signIn(DesktopSession &session, const QString &login);

} // namespace baton::test
