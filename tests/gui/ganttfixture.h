#pragma once

#include <QDate>

#include <utility>

// The plan both Gantt tests build: tst_gui_ganttview in memory,
// tst_gui_gantt on a real store through Projects.
namespace baton::test {

inline QDate day(int month, int d)
{
    return QDate(2026, month, d);
}

// The plan every test uses, by title:
//   A 01-05..01-09 → B 01-10..01-14 → C 01-15..01-17 → S 01-18..01-26
//   A → D 01-10..01-11;  S holds S1 01-18..01-20 → S2 01-21..01-26
// The chain A, B, C, S (S1, S2) runs without a gap to the project's end;
// D may slip from 01-11 to 01-26: 15 days.
struct Spec
{
    const char *title;
    const char *parent;
    QDate start;
    QDate due;
};
inline const Spec plan[] = {
    {"A", nullptr, day(1, 5), day(1, 9)},   {"B", nullptr, day(1, 10), day(1, 14)},
    {"C", nullptr, day(1, 15), day(1, 17)}, {"D", nullptr, day(1, 10), day(1, 11)},
    {"S", nullptr, day(1, 18), day(1, 26)}, {"S1", "S", day(1, 18), day(1, 20)},
    {"S2", "S", day(1, 21), day(1, 26)},
};
inline const std::pair<const char *, const char *> links[] = {
    {"A", "B"}, {"B", "C"}, {"A", "D"}, {"C", "S"}, {"S1", "S2"}};

} // namespace baton::test
