# Issue 6, reports: sources of baton_core (paths relative to core/).
target_sources(baton_core PRIVATE
    work/reportentities.h work/reportentities.cpp
    work/teamroster.h work/teamroster.cpp
    work/reports.h work/reports.cpp
    work/alertthresholds.h work/alertthresholds.cpp
    work/alertscanner.h work/alertscanner.cpp
    work/alerts.h work/alerts.cpp
    demo/demoreports.h demo/demoreports.cpp
)
