# Issue 6, reviews: the feedback inbox, rating, and causes stated and confirmed (signed).
baton_add_test(NAME tst_gui_reviews SOURCES tst_gui_reviews.cpp tst_gui_peoplefixture.h
    LIBS baton_ui baton_testsupport GUI LABELS gui reviews)
