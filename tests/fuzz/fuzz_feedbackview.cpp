// libFuzzer target for the feedback view published with a review result
// (review_result.feedback_view), which arrives inside synced ops from other
// devices. Nothing may crash; what parses must write back to JSON that
// parses again to the same JSON.
#include "performance/feedbackviewjson.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace baton;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (auto view = performance::feedbackViewFromJson(bytes)) {
        const QByteArray json = performance::feedbackViewToJson(*view, 3);
        auto again = performance::feedbackViewFromJson(json);
        if (!again || performance::feedbackViewToJson(*again, 3) != json)
            std::abort();
    }
    return 0;
}
