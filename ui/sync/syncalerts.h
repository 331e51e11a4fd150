#pragma once

#include <QCoreApplication>

class QMessageBox;
class QWidget;

namespace baton {

class SyncController;

// The two sync messages that need the user: the alarm of a server whose
// history does not add up (sync stopped, whom to call), and a changed
// server certificate (trust it or not). Boxes are opened with open(), so
// tests answer them by object name.
class SyncAlerts
{
    Q_DECLARE_TR_FUNCTIONS(SyncAlerts)
public:
    static QString alarmTitle();
    static QString alarmExplanation();
    // "syncAlarmBox"; one at a time.
    static QMessageBox *showAlarm(QWidget *parent, const QString &why);
    // "certificateBox", buttons "trustCertificateButton" and
    // "keepCertificateButton".
    static QMessageBox *reviewCertificate(QWidget *parent, SyncController &sync);
};

} // namespace baton
