# Issue 6, projects: sources of baton_core (paths relative to core/).
target_sources(baton_core PRIVATE
    work/projectentities.h work/projectentities.cpp
    work/projects.h work/projects.cpp
    work/projectreads.cpp
    work/projectdates.cpp
    work/projectsupport.h work/projectsupport.cpp
    demo/demoprojects.h demo/demoprojects.cpp
)
