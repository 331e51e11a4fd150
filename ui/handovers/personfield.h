#pragma once

#include <QList>
#include <QUuid>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QToolButton;

namespace baton {

class AppContext;

// One or several colleagues chosen with the EmployeePicker: their names in a
// read-only line, a "Choose…" button, and optionally one that clears it.
// Children: "personEdit", "personChooseButton", "personClearButton".
class PersonField : public QWidget
{
    Q_OBJECT
public:
    PersonField(AppContext &context, bool several, QWidget *parent = nullptr);

    void setPickerTitle(const QString &title) { m_pickerTitle = title; }
    void setPlaceholderText(const QString &text);
    void setClearable(bool clearable);
    void setPeople(const QList<QUuid> &ids);
    void setPerson(const QUuid &id) { setPeople(id.isNull() ? QList<QUuid>() : QList<QUuid>{id}); }
    QList<QUuid> people() const { return m_ids; }
    QUuid person() const { return m_ids.value(0); }
    void retranslate();

Q_SIGNALS:
    // The people changed, by the user or by setPeople().
    void changed();
    // The user chose or cleared (not setPeople()).
    void edited();

private:
    void choose();

    AppContext &m_context;
    bool m_several;
    QString m_pickerTitle;
    QList<QUuid> m_ids;
    QLineEdit *m_edit;
    QPushButton *m_choose;
    QToolButton *m_clear;
};

} // namespace baton
