# Issue 6, goals: plans and weights, scores, assignment, closed cycles, policy.
baton_core_test(tst_goals)
set_tests_properties(tst_goals PROPERTIES TIMEOUT 600)
