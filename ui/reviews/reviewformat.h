#pragma once

#include "performance/reviews.h"

#include <QColor>
#include <QComboBox>
#include <QCoreApplication>

#include <optional>

class QTreeWidget;

namespace baton {

class AppContext;

// How the review screens show their numbers and states, the same way in
// each of them.
namespace reviewformat {

// "92%", or "—" when there is no value.
QString bpText(const std::optional<int> &bp);
// The colour of a grade: the scale's top grade green, its lowest red.
QColor gradeColor(const ReviewSettings &settings, const QString &grade);
// "Stated: process", "Confirmed: process ✓ signed" for an issue's state.
QString attributionText(const QString &stage, const QString &cause, bool signatureValid);
// A local date and time, short.
QString timeText(qint64 ms);
// A tree of rows, the first column stretched, the others sized to content.
QTreeWidget *makeTree(QWidget *parent, const char *name, const QStringList &headers);

} // namespace reviewformat

// The review cycles, newest first, each marked open or closed; remembers
// the cycle chosen across reloads.
class CyclePicker : public QComboBox
{
    Q_OBJECT
public:
    explicit CyclePicker(AppContext &context, QWidget *parent = nullptr);

    // Reads the cycles again, keeping the one chosen (else the newest open
    // month, else the newest).
    void reload();
    QUuid cycle() const;
    bool select(const QUuid &cycle);
    const ReviewCycleInfo *current() const;

Q_SIGNALS:
    void cycleChanged(const QUuid &cycle);

private:
    AppContext &m_context;
    QList<ReviewCycleInfo> m_cycles;
};

} // namespace baton
