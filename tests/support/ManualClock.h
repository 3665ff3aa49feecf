#pragma once

#include "Clock.h"

#include <QList>
#include <QObject>

namespace TestSupport {

// A clock the test moves, with timers that run on it at the product's real intervals.
// Three kinds of time:
// - true time: what the server follows (trueNow());
// - the monotonic clock: true time less every suspend;
// - the wall clock: true time plus whatever the person set it to (shiftWall()).
// advance() is time passing: due timers fire in order, each at its own instant. sleep() is a
// suspend: the wall clock and true time jump, the monotonic clock (and so every timer) stands
// still. A zero-delay timer fires at the next turn of the event loop; one that keeps re-arming
// itself at the same instant is a busy loop: it is stopped and reported (busyLoops()).
class ManualClock final : public Smtpd::Clock
{
public:
    explicit ManualClock(const QDateTime &start = QDateTime::currentDateTimeUtc());
    ~ManualClock() override;

    QDateTime now() const override { return m_wall; }
    qint64 monotonicMs() const override { return m_monotonic; }
    Smtpd::ClockTimer *createTimer(QObject *parent) const override;

    // The time the server sees (true time), whatever the wall clock says.
    QDateTime trueNow() const { return m_wall.addMSecs(-m_wallShiftMs); }
    // How far the wall clock has been set away from true time.
    qint64 wallShiftMs() const { return m_wallShiftMs; }

    void advance(qint64 ms);
    void sleep(qint64 ms);
    void shiftWall(qint64 ms);
    // Fires timers due now (those started with a zero delay).
    void fireDue() { advance(0); }

    // The monotonic time of the next timer, or -1 when none is armed.
    qint64 nextDeadline() const;
    int activeTimerCount() const;
    // How many timeouts fired so far, and how many busy loops were cut.
    int firedCount() const { return m_fired; }
    int busyLoops() const { return m_busyLoops; }

private:
    class Timer;
    friend class Timer;
    void scheduleZeroDelay() const;
    Timer *nextDue(qint64 until) const;

    QDateTime m_wall;
    qint64 m_monotonic = 1000000;
    qint64 m_wallShiftMs = 0;
    mutable QList<Timer *> m_timers;
    QObject m_poster; // posts zero-delay firings to the event loop
    mutable bool m_zeroDelayPosted = false;
    int m_fired = 0;
    int m_firedAtThisInstant = 0;
    qint64 m_instant = -1;
    int m_busyLoops = 0;
};

} // namespace TestSupport
