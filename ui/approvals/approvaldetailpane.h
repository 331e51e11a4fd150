#pragma once

#include "workflow/approvals.h"
#include "workflow/approvalverifier.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTemporaryDir;

namespace baton {

class AppContext;
class SignatureCheck;

// One request in full: the document (subject, body, amount), its
// attachments (open or save), and every step of every round with who acted,
// the opinion, the signer's local time beside the trusted time, the address
// it came from and the signature's state; "Check signatures" verifies them
// again off the GUI thread.
class ApprovalDetailPane : public QWidget
{
    Q_OBJECT
public:
    enum StepColumn {
        RoundColumn,
        StepTitleColumn,
        WhoColumn,
        DecisionColumn,
        LocalTimeColumn,
        TrustedTimeColumn,
        SignatureColumn,
        AddressColumn,
        OpinionColumn, // last: it may be long
        StepColumnCount
    };

    explicit ApprovalDetailPane(AppContext &context, QWidget *parent = nullptr);
    ~ApprovalDetailPane() override;

    void showRequest(const Approvals::RequestView &request);
    void clear();
    void retranslate();
    const Approvals::RequestView &request() const { return m_request; }
    bool isChecking() const;

Q_SIGNALS:
    void checkFinished(bool ok);

private:
    void fillSteps();
    void openAttachment();
    void saveAttachment();
    Result<QByteArray> currentAttachment(Approvals::AttachmentView *which);
    void startCheck();
    void checkDone(const QUuid &requestId, const RequestCheck &check, const QString &error);
    QString signatureText(const Approvals::StepView &step, int *tone) const;

    AppContext &m_context;
    Approvals::RequestView m_request;
    QHash<QUuid, DecisionCheck> m_checks; // by step, from the last check of m_request
    QLabel *m_subject;
    QLabel *m_meta;
    QLabel *m_state;
    QLabel *m_body;
    QLabel *m_attachmentsTitle;
    QListWidget *m_attachments;
    QPushButton *m_open;
    QPushButton *m_save;
    QLabel *m_stepsTitle;
    QTableWidget *m_steps;
    QPushButton *m_check;
    QLabel *m_checkResult;
    SignatureCheck *m_checker;
    std::unique_ptr<QTemporaryDir> m_openedFiles;
};

} // namespace baton
