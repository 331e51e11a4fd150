#pragma once

#include "shell/formdialog.h"

#include <QUuid>

class QComboBox;
class QDateEdit;
class QLineEdit;

namespace baton {

class AppContext;

// HR opens a review cycle: a month, quarter or year, its first and last
// day (the period of today, to begin with) and its title.
class NewCycleDialog : public FormDialog
{
    Q_OBJECT
public:
    explicit NewCycleDialog(AppContext &context, QWidget *parent = nullptr);

    void setKind(const QString &kind);
    QString problem() const override;
    QUuid created() const { return m_created; }

protected:
    Status save() override;

private:
    void periodChanged();

    AppContext &m_context;
    QComboBox *m_kind;
    QDateEdit *m_starts;
    QDateEdit *m_ends;
    QLineEdit *m_title;
    QUuid m_created;
};

} // namespace baton
