#pragma once

#include "org/directory.h"

#include <QJsonObject>
#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace baton {

class AppContext;
class DepartmentComboBox;
class PositionTableModel;
class ResponsibilityEditor;

// Job positions for HR and administrators: code, title, department, grade,
// summary, and the responsibilities that come with the position.
class PositionEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PositionEditor(AppContext &context, QWidget *parent = nullptr);

    void selectPosition(const QUuid &id);
    QUuid currentPosition() const { return m_id; }
    ResponsibilityEditor *responsibilities() const { return m_responsibilities; }

public Q_SLOTS:
    void newPosition();
    bool save();
    bool retire();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void reload();
    void onCurrentChanged();
    void load(const PositionInfo *position);
    QJsonObject values() const;
    QJsonObject changes() const;
    QString problem() const;
    void revalidate();
    void setMessage(const QString &text, bool isError);

    AppContext &m_context;
    PositionTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_title = nullptr;
    DepartmentComboBox *m_department = nullptr;
    QLineEdit *m_grade = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_retire = nullptr;
    ResponsibilityEditor *m_responsibilities = nullptr;
    QGroupBox *m_detailsBox = nullptr;
    QGroupBox *m_responsibilitiesBox = nullptr;
    QFormLayout *m_form = nullptr;
    QList<PositionInfo> m_positions;
    QUuid m_id;
    bool m_isNew = false;
    bool m_saving = false;
    bool m_filling = false;
    QJsonObject m_loaded;
};

} // namespace baton
