# Issue 6, reviews: sources of baton_core (paths relative to core/).
target_sources(baton_core PRIVATE
    performance/reviewentities.h performance/reviewentities.cpp
    performance/reviewrules.h performance/reviewrules.cpp
    performance/feedbackrules.cpp performance/attributionrules.cpp
    performance/reviewsettings.h performance/reviewsettings.cpp
    performance/feedback.h performance/feedback.cpp
    performance/attributions.h performance/attributions.cpp
    performance/reviews.h performance/reviews.cpp
    performance/cycleclose.h performance/cycleclose.cpp
    performance/reviewindicators.h performance/reviewindicators.cpp
    demo/demoreviews.h demo/demoreviews.cpp
)
