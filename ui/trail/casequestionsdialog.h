#pragma once

#include "handover/casequestions.h"

#include <QDialog>
#include <QUuid>

class QComboBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTableWidget;

namespace baton {

class AppContext;
class TrailModel;

// A problem found after someone left (journey 2): the person, the date and
// what it is about (a customer or task from their handover checklist, or a
// few words) answer who was responsible then, whether it was on the
// handover checklist and who received it, who signed the handover off, and
// what the person's work trail holds around the date.
class CaseQuestionsDialog : public QDialog
{
    Q_OBJECT
public:
    CaseQuestionsDialog(AppContext &context, const QUuid &employee, QWidget *parent = nullptr);

    QUuid employee() const { return m_employee; }
    void setEmployee(const QUuid &employee);
    void setDate(const QDate &date);
    void setTopic(const QString &topic);
    // Valid after answer() succeeded.
    const CaseAnswer &lastAnswer() const { return m_answer; }
    bool hasAnswer() const { return m_answered; }
    TrailModel *trailModel() const { return m_trailModel; }
    QTableView *trailView() const { return m_trailView; }

public Q_SLOTS:
    void answer();

Q_SIGNALS:
    void answered();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void choosePerson();
    void loadChecklistChoices();
    void render();
    void openTrailItem(const QModelIndex &index);
    void showMessage(const QString &text, bool isError);

    AppContext &m_context;
    QUuid m_employee;
    QLabel *m_person;
    QPushButton *m_choose;
    QDateEdit *m_date;
    QComboBox *m_customer;
    QComboBox *m_task;
    QLineEdit *m_topic;
    QPushButton *m_answerButton;
    QLabel *m_message;
    QWidget *m_results;
    QGroupBox *m_responsibleBox;
    QGroupBox *m_checklistBox;
    QGroupBox *m_signOffBox;
    QGroupBox *m_trailBox;
    QTableWidget *m_responsible;
    QLabel *m_responsibleNote;
    QLabel *m_verdict;
    QTableWidget *m_checklist;
    QTableWidget *m_signOff;
    QLabel *m_signOffNote;
    QTableView *m_trailView;
    QLabel *m_trailNote;
    TrailModel *m_trailModel;
    QList<QLabel *> m_formLabels;
    CaseAnswer m_answer;
    bool m_answered = false;
};

} // namespace baton
