#pragma once

#include <QWidget>

namespace baton {

class AppContext;

// Placeholder until the module lands; replaced by the real page.
class AuditPage : public QWidget
{
    Q_OBJECT
public:
    explicit AuditPage(AppContext &context, QWidget *parent = nullptr);
};

} // namespace baton
