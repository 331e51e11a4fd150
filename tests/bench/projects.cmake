# Projects (issue 6): the Gantt chart with 5,000 tasks and 4,000 dependencies.
baton_add_benchmark(bench_gantt bench_gantt.cpp)
target_link_libraries(bench_gantt PRIVATE baton_ui)
