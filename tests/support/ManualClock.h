#pragma once

#include "Clock.h"

namespace TestSupport {

// A clock the test moves. advance() is time passing; sleep() is a suspend (the wall clock
// jumps, the monotonic one stands still); shiftWall() is someone setting the clock.
class ManualClock final : public Smtpd::Clock
{
public:
    explicit ManualClock(const QDateTime &start = QDateTime::currentDateTimeUtc())
        : m_wall(start)
    { }

    QDateTime now() const override { return m_wall; }
    qint64 monotonicMs() const override { return m_monotonic; }

    void advance(qint64 ms)
    {
        m_wall = m_wall.addMSecs(ms);
        m_monotonic += ms;
    }
    void sleep(qint64 ms) { m_wall = m_wall.addMSecs(ms); }
    void shiftWall(qint64 ms) { m_wall = m_wall.addMSecs(ms); }

private:
    QDateTime m_wall;
    qint64 m_monotonic = 1000000;
};

} // namespace TestSupport
