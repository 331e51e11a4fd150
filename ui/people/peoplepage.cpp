#include "peoplepage.h"

#include "common/appcontext.h"

namespace baton {

PeoplePage::PeoplePage(AppContext &context, QWidget *parent)
    : QWidget(parent)
{
    Q_UNUSED(context)
}

} // namespace baton
