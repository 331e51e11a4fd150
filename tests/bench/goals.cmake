# Issue 6, goals: the work board opening on a demo company of 2,000 people.
baton_add_benchmark(bench_workboard bench_workboard.cpp)
target_link_libraries(bench_workboard PRIVATE baton_ui)
