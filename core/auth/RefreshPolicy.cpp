#include "RefreshPolicy.h"

#include <algorithm>

namespace Smtpd::RefreshPolicy {

qint64 refreshMarginMs(qint64 lifetimeMs)
{
    return std::clamp<qint64>(lifetimeMs / 4, 0, 5 * 60 * 1000);
}

qint64 backoffDelayMs(
    int attempt, qint64 initialMs, qint64 maxMs, double random, int retryAfterSeconds)
{
    qint64 delay = initialMs;
    for (int i = 0; i < attempt && delay < maxMs; ++i)
        delay *= 2;
    delay = std::min(delay, maxMs);
    delay = static_cast<qint64>(static_cast<double>(delay) * (0.8 + 0.4 * random));
    if (retryAfterSeconds >= 0)
        delay = std::max<qint64>(delay, std::min<qint64>(retryAfterSeconds, 3600) * 1000LL);
    return std::max<qint64>(delay, 1);
}

} // namespace Smtpd::RefreshPolicy
