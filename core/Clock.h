#pragma once

#include <QDateTime>

namespace Smtpd {

// Wall-clock time behind an interface, so tests move time (expiry, the 30-day limit,
// suspend/resume) without waiting.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace Smtpd
