#pragma once

#include <QWidget>

namespace baton {

class AppContext;

// Placeholder until the module lands; replaced by the real page.
class PeoplePage : public QWidget
{
    Q_OBJECT
public:
    explicit PeoplePage(AppContext &context, QWidget *parent = nullptr);
};

} // namespace baton
