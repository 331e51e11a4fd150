#pragma once

#include "trail/worktimeline.h"

#include <QDialog>
#include <QUuid>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace baton {

class AppContext;

// One trail item in full: what it is, when, from and to whom, where it came
// from, and its whole text; a document's bytes can be saved to a file
// (recorded in the audit trail as an export, like every file that leaves).
// The approvals, progress reports and confirmations the trail also lists
// are shown in full too: who, when, what was decided or stated, and whether
// the signature checks out.
class TrailItemPane : public QWidget
{
    Q_OBJECT
public:
    explicit TrailItemPane(AppContext &context, QWidget *parent = nullptr);

    // A trail item; a null id clears the pane.
    void showItem(const QUuid &id);
    // Whatever the trail lists (a trail item or one of the other records).
    void showHit(const TrailHit &hit);
    QUuid itemId() const { return m_id; }
    // The record's table (trail_item, approval_step, ...); empty when clear.
    QString entity() const { return m_entity; }
    QString documentSha256() const { return m_sha256; }
    QString bodyText() const;

    // Writes the item's document to path without asking (the button asks for
    // the path first); an empty result means saved, otherwise why not.
    QString saveDocumentTo(const QString &path);

Q_SIGNALS:
    // A translated line for the window's message area; error or not.
    void message(const QString &text, bool isError);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void chooseFile();
    QLabel *addRow(const char *name);
    void showRecord(const QString &entity, const QUuid &id);
    void clearEventRows();
    void addEventRow(const QString &caption, const char *name, const QString &value);

    AppContext &m_context;
    QUuid m_id;
    QString m_entity;
    QString m_sha256;
    QString m_fileName; // suggested when saving
    QLabel *m_title;
    QWidget *m_fields;
    QList<QLabel *> m_captions;
    QLabel *m_kind = nullptr;
    QLabel *m_time = nullptr;
    QLabel *m_sender = nullptr;
    QLabel *m_recipients = nullptr;
    QLabel *m_conversation = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_document = nullptr;
    QWidget *m_eventFields; // rows made for the record shown
    QPlainTextEdit *m_body;
    QPushButton *m_save;
};

// A trail item on its own, for lists that are not the trail window (the
// case questions' trail around the date).
class TrailItemDialog : public QDialog
{
    Q_OBJECT
public:
    TrailItemDialog(AppContext &context, const QUuid &id, QWidget *parent = nullptr);
    TrailItemDialog(AppContext &context, const TrailHit &hit, QWidget *parent = nullptr);
    TrailItemPane *pane() const { return m_pane; }

private:
    TrailItemPane *m_pane;
};

} // namespace baton
