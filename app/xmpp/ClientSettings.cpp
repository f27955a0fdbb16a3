#include "xmpp/ClientSettings.h"

#include <algorithm>
#include <cmath>

namespace chorus::xmpp {

int ReconnectPolicy::delayMs(int attempt, double random01) const
{
    const double base = std::min(double(maxDelayMs),
                                 initialDelayMs * std::pow(multiplier, std::clamp(attempt, 0, 62)));
    const double factor = 1.0 + jitter * (2.0 * std::clamp(random01, 0.0, 1.0) - 1.0);
    return int(std::clamp(base * factor, 0.0, double(maxDelayMs)));
}

} // namespace chorus::xmpp
