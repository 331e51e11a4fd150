#pragma once

#include "evidence/auditentry.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace baton {

// Everything one audit entry holds, ids and hashes included, selectable so
// an auditor can copy them into a report.
class AuditDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit AuditDetailPane(QWidget *parent = nullptr);

    void showEntry(const AuditEntry &entry);
    // The empty state, or a message when the entry could not be read.
    void showMessage(const QString &message);
    qint64 shownSeq() const { return m_seq; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    // Fills the fields from m_entry, or the message page from m_messageText.
    void render();
    QLabel *addRow(const char *objectName);
    // Ids and hashes: one line, copied exactly, scrolled rather than wrapped.
    QLineEdit *addCodeRow(const char *objectName);
    void addField(QWidget *field);
    void setRowLabel(QWidget *field, const QString &text);

    QStackedWidget *m_stack = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_time = nullptr;
    QLabel *m_user = nullptr;
    QLineEdit *m_userId = nullptr;
    QLabel *m_action = nullptr;
    QLabel *m_outcome = nullptr;
    QLabel *m_record = nullptr;
    QLineEdit *m_recordId = nullptr;
    QLineEdit *m_opId = nullptr;
    QLabel *m_device = nullptr;
    QLabel *m_ip = nullptr;
    QLabel *m_summary = nullptr;
    QLineEdit *m_prevHash = nullptr;
    QLineEdit *m_hash = nullptr;
    QLabel *m_hashCheck = nullptr;
    AuditEntry m_entry; // shown when m_seq > 0
    bool m_hashMatches = false;
    QString m_messageText; // shown otherwise; empty: the hint to select an entry
    qint64 m_seq = 0;
};

} // namespace baton
