#pragma once

#include <QtGlobal>

namespace Smtpd {

class ApiError;

// The spacing of automatic retries after failures (a refresh while offline, a profile that
// could not be read): 2 s doubling to 5 min, ±20 % jitter, and the server's Retry-After.
// One instance per thing being retried; reset() after a success.
class Backoff
{
public:
    static constexpr qint64 InitialMs = 2 * 1000;
    static constexpr qint64 MaxMs = 5 * 60 * 1000;

    // The wait before the next attempt after `error`; counts the attempt.
    qint64 next(const ApiError &error);
    void reset() { m_attempt = 0; }

private:
    int m_attempt = 0;
};

} // namespace Smtpd
