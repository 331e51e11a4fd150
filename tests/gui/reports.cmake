# Issue 6: reports, comments and warnings.
foreach(reports_test tst_gui_alerts tst_gui_reports)
    baton_add_test(NAME ${reports_test} SOURCES ${reports_test}.cpp tst_gui_peoplefixture.h
        LIBS baton_ui baton_testsupport GUI LABELS gui reports)
endforeach()
