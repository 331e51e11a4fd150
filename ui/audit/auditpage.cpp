#include "auditpage.h"

#include "common/appcontext.h"

namespace baton {

AuditPage::AuditPage(AppContext &context, QWidget *parent)
    : QWidget(parent)
{
    Q_UNUSED(context)
}

} // namespace baton
