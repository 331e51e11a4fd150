# Issue 6, reviews: 360 feedback, review results, issues and attribution, awards.
baton_core_test(tst_feedback)
baton_core_test(tst_reviews)
baton_core_test(tst_feedbackviewjson)
baton_core_test(tst_performancesettings)
