# Issue 6, reports, comments and warnings.
baton_core_test(tst_reports)
baton_core_test(tst_alerts)
