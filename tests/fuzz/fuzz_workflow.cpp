// libFuzzer target for the approval records other devices send: a
// workflow template's nodes (WorkflowNodes::parse) and a decision's signed
// content (DecisionContent::parse), both arriving inside synced ops. Nothing
// may crash; what parses must write back to what was read (nodes: parse of
// toJson gives the same nodes; content: exactly the bytes given).
#include "workflow/decisioncontent.h"
#include "workflow/workflowtemplate.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace baton;

namespace {

bool sameNodes(const QList<WorkflowNode> &a, const QList<WorkflowNode> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i].key != b[i].key || a[i].title != b[i].title || a[i].actor != b[i].actor
            || a[i].role != b[i].role || a[i].people != b[i].people
            || a[i].everyone != b[i].everyone || a[i].amountAbove != b[i].amountAbove
            || a[i].deadlineHours != b[i].deadlineHours
            || a[i].attachmentRequired != b[i].attachmentRequired)
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (auto nodes = WorkflowNodes::parse(QString::fromUtf8(bytes))) {
        auto again = WorkflowNodes::parse(WorkflowNodes::toJson(*nodes));
        if (!again || !sameNodes(*nodes, *again))
            std::abort();
    }
    if (auto content = DecisionContent::parse(bytes)) {
        if (content->canonical() != bytes)
            std::abort();
    }
    return 0;
}
