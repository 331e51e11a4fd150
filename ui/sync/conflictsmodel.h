#pragma once

#include "util/result.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QUuid>

namespace baton {

class Store;

// One local change the server refused (a row of sync_rejected), with what
// the record holds now: the value that won.
struct Conflict
{
    struct Field
    {
        QString name;
        QString label; // translated
        QString tried; // as shown
        QString now;   // as shown; empty when the record is not on this device
    };
    QUuid opId;
    QString entity;
    QUuid entityId;
    QString kind; // create, update, retire, append
    QString code; // the server's reason code
    QString reason;
    qint64 rejectedMs = 0;
    QString record;              // "Zhang Wei (E002)", or the entity and a short id
    bool recordOnDevice = false; // the record still exists here
    QList<Field> fields;
};

// The Conflicts view's list, newest refusal first. Read whole: a device
// collects few refusals, and each is kept for good.
class ConflictsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, RecordColumn, ChangeColumn, ReasonColumn, NowColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit ConflictsModel(Store &store, QObject *parent = nullptr);

    Status reload();
    const Conflict &conflictAt(int row) const { return m_rows.at(row); }
    // Headers and kind names read anew after a language change.
    void retranslate();

    // The change as one line: "Phone: +86 755 ..." or "Created".
    static QString changeText(const Conflict &c);
    static QString nowText(const Conflict &c);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Store &m_store;
    QList<Conflict> m_rows;
};

} // namespace baton
