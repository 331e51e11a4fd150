#pragma once

#include "oplog/operation.h"
#include "org/directory.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace baton {

class AppContext;
class ResponsibilityListModel;

// The responsibilities of one position: the named business areas its holder
// answers for ("requirements and delivery of project A"). Add, edit,
// reorder and retire them; each change is an Operation.
class ResponsibilityEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ResponsibilityEditor(AppContext &context, QWidget *parent = nullptr);

    // Null: no position chosen (or a new one not saved yet).
    void setPosition(const QUuid &positionId, const QList<ResponsibilityInfo> &responsibilities);
    ResponsibilityListModel *model() const { return m_model; }

public Q_SLOTS:
    // Clears the selection so that Save adds a new responsibility.
    void startNew();
    // Adds the responsibility typed, or saves the selected one.
    bool save();
    bool move(int delta);
    bool retireCurrent();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onCurrentChanged();
    void updateButtons();
    bool submit(const QList<Operation> &ops, const QUuid &select);
    QString problem() const;
    void setMessage(const QString &text, bool isError);

    AppContext &m_context;
    QUuid m_position;
    ResponsibilityListModel *m_model = nullptr;
    QListView *m_list = nullptr;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QPushButton *m_retire = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_detailLabel = nullptr;
    bool m_filling = false;
    QUuid m_select; // to select once the list is read again
};

} // namespace baton
