#pragma once

#include <QDateTime>
#include <QObject>

namespace Smtpd {

class Clock;
class ClockTimer;

// Decides when the access token is refreshed, with one timer on the injected clock.
//
//   deadline = expiry - margin (a quarter of the lifetime, at most 5 min), kept in both the
//              wall clock (notices a suspend) and the monotonic clock (ignores a clock set back)
//   timer    = the earliest of: the deadline, a pending retry, the resume grace, the 30-day
//              warning, and a wall-clock check once a minute (a timer stands still in a
//              suspend; the check notices one). While a refresh is in flight only the check.
//
// It never arms a timer that is already due twice at one instant, so nothing spins.
class RefreshScheduler final : public QObject
{
    Q_OBJECT

public:
    // How often the wall clock is re-read (and so the longest a suspend goes unnoticed).
    static constexpr qint64 ClockCheckMs = 60 * 1000;
    // After a resume the network gets this long to come back before a due refresh.
    static constexpr qint64 ResumeGraceMs = 5 * 1000;

    struct Deadline
    {
        QDateTime localExpiry; // the access token's expiry in the local wall clock
        qint64 monotonicExpiry = -1; // the same in the monotonic clock
        qint64 lifetimeMs = 0; // how long the token was issued for (0 = unknown)
        QDateTime sessionEnd; // the refresh token's 30-day end, local wall clock
    };

    explicit RefreshScheduler(const Clock *clock, QObject *parent = nullptr);

    // The tokens' times; schedules from them while watching.
    void setDeadline(const Deadline &deadline);
    // No tokens: nothing to schedule.
    void clear();
    // Whether refreshDue() may be emitted (the session is in a state that refreshes).
    void setWatching(bool watching);
    void setRefreshInFlight(bool inFlight);
    // After a failed refresh: the next automatic attempt waits `delayMs`.
    void retryAfter(qint64 delayMs);
    // After a success, or when the person asks for a refresh now.
    void clearRetry();
    // The server refused the access token: it counts as expired from now on.
    void expireNow();

    // How long the access token stays valid (the smaller reading of the two clocks).
    qint64 accessValidForMs() const;
    qint64 marginMs() const;
    bool isDue() const;

signals:
    void refreshDue();
    // The wall clock ran ahead of the monotonic one: the machine slept.
    void resumed();
    // Less than a day to the 30-day end (once per session).
    void sessionEndingSoon(const QDateTime &end);

private:
    void arm();
    void onTimer();
    void noteCheck();

    const Clock *m_clock;
    ClockTimer *m_timer;
    Deadline m_deadline;
    bool m_hasDeadline = false;
    bool m_watching = false;
    bool m_inFlight = false;
    bool m_warned = false;
    qint64 m_retryAt = -1; // monotonic
    qint64 m_graceUntil = -1; // monotonic
    QDateTime m_lastCheckWall;
    qint64 m_lastCheckMonotonic = 0;
    qint64 m_lastZeroArm = -1; // monotonic instant of the last immediate timer
};

} // namespace Smtpd
