#include "ui/Resources.h"

#include <QtGlobal>

static void initChorusQrc()
{
    Q_INIT_RESOURCE(chorus);
}

namespace chorus::ui {

void initResources()
{
    static const bool once = [] {
        initChorusQrc();
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace chorus::ui
