#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace baton {

struct Conflict;

// One refused change in full: the record, when and why the server refused
// it, and field by field what this device tried against what won.
class ConflictDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit ConflictDetailPane(QWidget *parent = nullptr);

    void showConflict(const Conflict &conflict);
    void clear();
    void retranslate();

private:
    QLabel *m_title;
    QLabel *m_when;
    QLabel *m_reason;
    QLabel *m_note;
    QTableWidget *m_fields;
};

} // namespace baton
