#pragma once

#include "org/directory.h"

#include <QAbstractListModel>

namespace baton {

// The responsibilities of one position, in their order.
class ResponsibilityListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, DetailRole };

    explicit ResponsibilityListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setResponsibilities(const QList<ResponsibilityInfo> &responsibilities);
    const QList<ResponsibilityInfo> &responsibilities() const { return m_items; }
    const ResponsibilityInfo *at(int row) const;
    int rowOf(const QUuid &id) const;

private:
    QList<ResponsibilityInfo> m_items;
};

} // namespace baton
