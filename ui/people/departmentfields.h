#pragma once

#include "org/directory.h"

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLineEdit;

namespace baton {

class AppContext;
class DepartmentComboBox;

// The editors of one department (kind, code, name, where it belongs, time
// zone, currency, head) and the checks core makes on them, as you type.
class DepartmentFields : public QWidget
{
    Q_OBJECT
public:
    explicit DepartmentFields(AppContext &context, QWidget *parent = nullptr);

    // The departments it may belong to.
    void setDepartments(const QList<DepartmentInfo> &departments);
    // self: the department edited (null for a new one).
    void setValues(const QJsonObject &values, const QUuid &self);
    QJsonObject values() const;
    // What is wrong, in one sentence; empty when it can be saved.
    QString problem() const;

    static QStringList fieldNames();

Q_SIGNALS:
    void edited();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillHeads(const QUuid &keep);

    AppContext &m_context;
    QUuid m_self;
    QList<DepartmentInfo> m_departments;
    bool m_filling = false;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_name = nullptr;
    DepartmentComboBox *m_parent = nullptr;
    QComboBox *m_timeZone = nullptr;
    QComboBox *m_currency = nullptr;
    QComboBox *m_head = nullptr;
};

} // namespace baton
