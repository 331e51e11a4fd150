#pragma once

#include "oplog/hlc.h"

#include <QList>
#include <QString>

#include <algorithm>
#include <utility>

namespace baton {

// A record's field clocks: for each field written after the create, the
// clock reading of the write that holds. Kept sorted by name in a flat list:
// a record has a few of them, every change reads, copies and writes them
// (a QHash was a tenth of a first sync's apply time), and the stored JSON
// text (fieldClocksToJson) lists them in this order.
class FieldClocks
{
public:
    using Item = std::pair<QString, Hlc>;

    bool isEmpty() const { return m_items.isEmpty(); }
    qsizetype size() const { return m_items.size(); }
    bool contains(QStringView field) const { return find(field) != m_items.cend(); }
    // The field's clock, or fallback when it has not been written since.
    Hlc value(QStringView field, const Hlc &fallback = {}) const
    {
        const auto it = find(field);
        return it == m_items.cend() ? fallback : it->second;
    }
    void insert(const QString &field, const Hlc &hlc)
    {
        auto it = std::lower_bound(m_items.begin(), m_items.end(), field,
                                   [](const Item &item, const QString &name) {
                                       return QStringView(item.first) < QStringView(name);
                                   });
        if (it != m_items.end() && it->first == field)
            it->second = hlc;
        else
            m_items.insert(it, Item{field, hlc});
    }
    const QList<Item> &items() const { return m_items; }

    friend bool operator==(const FieldClocks &a, const FieldClocks &b)
    {
        return a.m_items == b.m_items;
    }

private:
    QList<Item>::const_iterator find(QStringView field) const
    {
        const auto it = std::lower_bound(
            m_items.cbegin(), m_items.cend(), field,
            [](const Item &item, QStringView name) { return QStringView(item.first) < name; });
        return it != m_items.cend() && it->first == field ? it : m_items.cend();
    }
    QList<Item> m_items;
};

} // namespace baton
