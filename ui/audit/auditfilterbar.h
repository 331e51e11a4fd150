#pragma once

#include "auditquery.h"

#include <QVariant>
#include <QWidget>

#include <utility>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QTimer;

namespace baton {

// The audit page's filters: text (debounced), action group, outcome and a
// period. Emits queryChanged() once the user settles on a change.
class AuditFilterBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int DebounceMs = 300;

    explicit AuditFilterBar(QWidget *parent = nullptr);

    AuditQuery query() const;
    // The active filters in words, for the export's audit entry; empty when
    // none is set.
    QString description() const;
    bool isFiltering() const { return !query().isEmpty(); }

public Q_SLOTS:
    void clear();
    void focusSearch();

Q_SIGNALS:
    void queryChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum Period { AnyTime, Today, Last7Days, Last30Days, CustomRange };
    using Items = QList<std::pair<QString, QVariant>>; // text, data
    void retranslate();
    // Replaces a combo's items, keeping the selected data and staying quiet:
    // new words are not a new query.
    static void setItems(QComboBox *combo, const Items &items);
    void periodChanged();
    void changedNow();

    QLineEdit *m_text = nullptr;
    QComboBox *m_group = nullptr;
    QComboBox *m_outcome = nullptr;
    QComboBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QTimer *m_debounce = nullptr;
    AuditQuery m_last; // what was last announced, so no-op edits stay quiet
};

} // namespace baton
