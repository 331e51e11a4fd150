#pragma once

#include "performance/goalboard.h"

#include "shell/formdialog.h"

class QDateEdit;
class QDoubleSpinBox;
class QLineEdit;

namespace baton {

class AppContext;

// A value measured by hand for one indicator ("on-time delivery rate: 93%
// on 28 March"), recorded in the signed-in person's name. A rate lies
// between 0% and 100%; the indicator's rules say the rest.
class RecordValueDialog : public FormDialog
{
    Q_OBJECT
public:
    RecordValueDialog(AppContext &context, const IndicatorView &indicator, const CycleInfo &cycle,
                      QWidget *parent = nullptr);

    void setValue(double value);
    void setMeasuredOn(const QDate &day);
    void setNote(const QString &note);
    QString problem() const override;

protected:
    Status save() override;

private:
    AppContext &m_context;
    IndicatorView m_indicator;
    QDoubleSpinBox *m_value;
    QDateEdit *m_day;
    QLineEdit *m_note;
};

} // namespace baton
