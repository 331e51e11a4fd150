# Issue 6, goals: the work board and the goals page.
baton_add_test(NAME tst_gui_workboard SOURCES tst_gui_workboard.cpp tst_gui_peoplefixture.h
    LIBS baton_ui baton_testsupport GUI LABELS gui performance)
