#pragma once

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
class TrailItemPane : public QWidget
{
    Q_OBJECT
public:
    explicit TrailItemPane(AppContext &context, QWidget *parent = nullptr);

    // A null id clears the pane.
    void showItem(const QUuid &id);
    QUuid itemId() const { return m_id; }
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

    AppContext &m_context;
    QUuid m_id;
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
    TrailItemPane *pane() const { return m_pane; }

private:
    TrailItemPane *m_pane;
};

} // namespace baton
