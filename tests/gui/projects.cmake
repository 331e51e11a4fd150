# Projects (issue 6): the Gantt chart, its drags and undo, exports, the page.
baton_add_test(NAME tst_gui_gantt SOURCES tst_gui_gantt.cpp LIBS ${gui_test_libs} GUI LABELS gui)
baton_add_test(NAME tst_gui_ganttview SOURCES tst_gui_ganttview.cpp LIBS ${gui_test_libs} GUI LABELS gui)
