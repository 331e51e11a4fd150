#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>
#include <QVariant>

#include <utility>

namespace baton {

// A record's values by field name, as the write path sees them. Flat and
// cheap to build: a record has a few dozen fields and Store::apply makes
// several per op (QJsonObject allocated on every insert and dominated the
// profile). A null or absent field reads as an invalid QVariant.
class Record
{
public:
    bool isEmpty() const { return m_items.isEmpty(); }
    qsizetype size() const { return m_items.size(); }
    bool contains(QStringView field) const { return find(field) >= 0; }
    bool contains(QLatin1StringView field) const { return find(field) >= 0; }

    QVariant value(QStringView field) const
    {
        const qsizetype i = find(field);
        return i < 0 ? QVariant() : m_items[i].second;
    }
    QVariant value(QLatin1StringView field) const
    {
        const qsizetype i = find(field);
        return i < 0 ? QVariant() : m_items[i].second;
    }
    QVariant value(const QString &field) const { return value(QStringView(field)); }
    void insert(const QString &field, const QVariant &value)
    {
        const qsizetype i = find(field);
        if (i < 0)
            m_items.append({field, value});
        else
            m_items[i].second = value;
    }
    QStringList keys() const
    {
        QStringList out;
        out.reserve(m_items.size());
        for (const auto &item : m_items)
            out.append(item.first);
        out.sort();
        return out;
    }
    const QList<std::pair<QString, QVariant>> &items() const { return m_items; }
    void reserve(qsizetype n) { m_items.reserve(n); }

    // Conveniences for rules.
    QString text(QStringView field) const { return value(field).toString(); }
    bool flag(QStringView field) const { return value(field).toBool(); }
    QUuid id(QStringView field) const { return QUuid::fromString(value(field).toString()); }

    QJsonObject toJson() const
    {
        QJsonObject o;
        for (const auto &[k, v] : m_items)
            o.insert(k, v.isValid() ? QJsonValue::fromVariant(v) : QJsonValue(QJsonValue::Null));
        return o;
    }

private:
    template<typename View>
    qsizetype find(View field) const
    {
        for (qsizetype i = 0; i < m_items.size(); ++i)
            if (m_items[i].first == field)
                return i;
        return -1;
    }
    QList<std::pair<QString, QVariant>> m_items;
};

} // namespace baton
