# Issue 6, goals: sources of baton_core (paths relative to core/).
target_sources(baton_core PRIVATE
    performance/goalentities.h performance/goalentities.cpp
    performance/goalvalues.h performance/goalvalues.cpp
    performance/weightshares.h performance/weightshares.cpp
    performance/goalrollup.h performance/goalrollup.cpp
    performance/goalbatch.h performance/goalbatch.cpp
    performance/goals.h performance/goals.cpp
    performance/goalassignment.h performance/goalassignment.cpp
    performance/reviewcycles.h performance/reviewcycles.cpp
    performance/goalboard.h performance/goalboard.cpp
    demo/demogoals.h demo/demogoals.cpp
)
