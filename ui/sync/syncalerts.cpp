#include "syncalerts.h"

#include "synccontroller.h"

#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

namespace baton {

namespace {
// Spaces every four hex digits, for reading out on the phone.
QString grouped(const QByteArray &hex)
{
    QString out;
    for (qsizetype i = 0; i < hex.size(); i += 4)
        out += QString::fromLatin1(hex.mid(i, 4)) + QLatin1Char(i % 32 == 28 ? '\n' : ' ');
    return out.trimmed();
}
} // namespace

QString SyncAlerts::alarmTitle()
{
    return tr("Sync stopped: the server's history does not add up");
}

QString SyncAlerts::alarmExplanation()
{
    return tr("The server showed this device a change log that does not extend the one it "
              "showed before. Its database may have been edited, or restored from an old "
              "backup, or this is not your organisation's server. Baton has stopped syncing so "
              "that nothing is lost or overwritten.\n\n"
              "Keep working if you need to: your changes stay on this computer. Do not delete "
              "or replace this database; it is evidence.\n\n"
              "Call your Baton administrator (or IT security) now and tell them this message. "
              "Sync stays stopped on this device until they have looked into it.");
}

QMessageBox *SyncAlerts::showAlarm(QWidget *parent, const QString &why)
{
    static QPointer<QMessageBox> open;
    if (open)
        return open;
    auto *box =
        new QMessageBox(QMessageBox::Critical, alarmTitle(), alarmTitle(), QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("syncAlarmBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(alarmExplanation());
    box->setDetailedText(why);
    box->button(QMessageBox::Ok)->setText(tr("I Will Call"));
    open = box;
    box->open();
    return box;
}

QMessageBox *SyncAlerts::reviewCertificate(QWidget *parent, SyncController &sync)
{
    const auto change = sync.certificateChange();
    if (!change)
        return nullptr;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("The server's certificate changed"),
                                tr("The server %1 now shows a different certificate than the "
                                   "one this device trusted.")
                                    .arg(sync.serverUrl().toDisplayString()),
                                QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("certificateBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("This is expected when the administrator renewed it. It is also what an attacker "
           "between you and the server would cause. Trust the new certificate only if your "
           "administrator confirms its fingerprint:\n\n%1\n\nUntil you decide, sync is paused.")
            .arg(grouped(change->seen)));
    box->setDetailedText(
        tr("Trusted until now (SHA-256):\n%1\n\nShown now (SHA-256):\n%2")
            .arg(QString::fromLatin1(change->pinned), QString::fromLatin1(change->seen)));
    QPushButton *trust = box->addButton(tr("Trust New Certificate"), QMessageBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustCertificateButton"));
    QPushButton *keep = box->addButton(tr("Do Not Trust"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepCertificateButton"));
    box->setDefaultButton(keep);
    QPointer<SyncController> target(&sync);
    QObject::connect(trust, &QPushButton::clicked, box, [target] {
        if (target)
            target->trustNewCertificate();
    });
    QObject::connect(keep, &QPushButton::clicked, box, [target] {
        if (target)
            target->keepOldCertificate();
    });
    box->open();
    return box;
}

} // namespace baton
