#pragma once

#include "work/alertthresholds.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;

namespace baton {

class AppContext;
class MessageLabel;

// The company's warning thresholds (issue 6, item 4), for the Settings
// page: days past due before an overdue task warns, days into the next
// week before a weekly report is missing, hours before an approval step
// without a deadline is late. HR (performance.configure) changes them;
// others see them. Whole numbers in range, checked as typed and again
// when saved.
class AlertSettingsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit AlertSettingsWidget(AppContext &context, QWidget *parent = nullptr);

    AlertThresholds shown() const;
    QPushButton *saveButton() const { return m_save; }
    MessageLabel *message() const { return m_message; }

public Q_SLOTS:
    void reload();
    void save();
    void restoreDefaults();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateButtons();

    AppContext &m_context;
    bool m_mayChange = false;
    AlertThresholds m_saved;
    QLabel *m_intro;
    QLabel *m_taskLabel;
    QLabel *m_reportLabel;
    QLabel *m_approvalLabel;
    QSpinBox *m_taskDays;
    QSpinBox *m_reportDays;
    QSpinBox *m_approvalHours;
    QPushButton *m_save;
    QPushButton *m_defaults;
    MessageLabel *m_message;
};

} // namespace baton
