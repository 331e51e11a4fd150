#pragma once

#include "workflow/approvals.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace baton {

// How approvals look wherever they are shown: amounts in major units with
// their currency, states with the colours of every other status in Baton
// (overdue red, waiting amber, done green), times in the viewer's zone.
class ApprovalFormat
{
    Q_DECLARE_TR_FUNCTIONS(ApprovalFormat)
public:
    enum class Tone { Neutral, Waiting, Done, Bad };

    // 1280000, "CNY" -> "¥12,800.00"; empty for a zero amount.
    static QString money(qint64 minorUnits, const QString &currency);
    // "12800.5" -> 1280050; nullopt-like -1 when the text is no amount.
    static qint64 parseMajorUnits(const QString &text);
    static QString majorUnits(qint64 minorUnits); // "12800.00", for editing

    // The request's state in words, with "overdue" when its deadline passed.
    static QString stateText(const Approvals::RequestView &v, qint64 nowMs);
    static Tone stateTone(const Approvals::RequestView &v, qint64 nowMs);
    static bool isOverdue(const Approvals::RequestView &v, qint64 nowMs);

    static QString stepStateTitle(const QString &state);
    static Tone stepTone(const QString &state);
    static QString decisionTitle(Approvals::Decision decision);
    static QString nodeActorTitle(NodeActor actor);

    static QColor color(Tone tone); // invalid for Neutral: the palette's text
    static QIcon icon(Tone tone);   // a round mark, none for Neutral
    static QString styleSheet(Tone tone);

    // Local date and time with the zone ("2024-10-14 09:30 CST"); empty for 0.
    static QString time(qint64 ms);
    static QString fileSize(qint64 bytes);
};

} // namespace baton
