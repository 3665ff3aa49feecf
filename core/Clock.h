#pragma once

#include <QDateTime>
#include <QElapsedTimer>

namespace Smtpd {

// Time behind an interface, so tests move time (expiry, the 30-day limit, suspend/resume)
// without waiting. Two readings, because each alone can be fooled:
// - now(): the wall clock. It jumps forward across a suspend (what we need to notice a
//   deadline that passed while asleep) but can also be set back by hand.
// - monotonicMs(): never goes back, but stands still while the machine sleeps.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    virtual qint64 monotonicMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    SystemClock() { m_monotonic.start(); }
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    qint64 monotonicMs() const override { return m_monotonic.elapsed(); }

private:
    QElapsedTimer m_monotonic;
};

} // namespace Smtpd
