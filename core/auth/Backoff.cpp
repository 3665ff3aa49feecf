#include "Backoff.h"

#include "../api/ApiError.h"
#include "RefreshPolicy.h"

#include <QRandomGenerator>

namespace Smtpd {

qint64 Backoff::next(const ApiError &error)
{
    return RefreshPolicy::backoffDelayMs(m_attempt++, InitialMs, MaxMs,
        QRandomGenerator::global()->generateDouble(), error.retryAfterSeconds());
}

} // namespace Smtpd
