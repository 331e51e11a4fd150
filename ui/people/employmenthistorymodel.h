#pragma once

#include "orgnameresolver.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QUuid>

namespace baton {

class AppContext;

// An employee's history from the op log, one row per field change, newest
// first: when, who, what, from and to, with ids shown as names.
class EmploymentHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, ChangedBy, What, From, To, ColumnCount };

    explicit EmploymentHistoryModel(AppContext &context, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setEmployee(const QUuid &id);
    QUuid employee() const { return m_employee; }
    // Employment fields only (department, position, manager, status, dates,
    // sales flag), or every archive field including contacts and names.
    void setAllFields(bool all);
    void reload();
    QString lastError() const { return m_error; }

    // Fields of the employment history proper.
    static bool isEmploymentField(const QString &field);

private:
    struct Change
    {
        qint64 timeMs = 0;
        QString author;
        QString field;
        QString from;
        QString to;
        QString fromStatus; // status keys, for the status colours
        QString toStatus;
    };
    QString display(const QString &field, const QJsonValue &value);

    AppContext &m_context;
    OrgNameResolver m_names;
    QUuid m_employee;
    bool m_allFields = false;
    QList<Change> m_changes;
    QString m_error;
};

} // namespace baton
