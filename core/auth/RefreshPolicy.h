#pragma once

#include <QtGlobal>

namespace Smtpd::RefreshPolicy {

// A token handed out must stay valid for at least this long.
inline constexpr qint64 MinimumValidityMs = 60 * 1000;
// The user is warned this long before the refresh token's 30-day end.
inline constexpr qint64 SessionEndWarningMs = 24LL * 60 * 60 * 1000;
// A wall clock that ran this much further than the monotonic clock means we were asleep.
inline constexpr qint64 ResumeThresholdMs = 30 * 1000;

// How long before the access token expires a refresh starts: a quarter of its lifetime,
// at most five minutes.
qint64 refreshMarginMs(qint64 lifetimeMs);

// The wait before retry number `attempt` (0 = first) while offline: `initialMs` doubling up
// to `maxMs`, spread by ±20 % (`random` in [0, 1)) so clients do not retry in lockstep; a
// server's Retry-After (seconds, -1 = none) is honoured, up to an hour.
qint64 backoffDelayMs(
    int attempt, qint64 initialMs, qint64 maxMs, double random, int retryAfterSeconds = -1);

} // namespace Smtpd::RefreshPolicy
