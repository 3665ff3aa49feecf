#include "RefreshScheduler.h"

#include "../Clock.h"
#include "../Logging.h"
#include "RefreshPolicy.h"

namespace Smtpd {

namespace {
// The wait after an immediate timer that did not settle what was due (see arm()).
constexpr qint64 SpinGuardMs = 1000;
// A session end that moved further than this belongs to a new grant.
constexpr qint64 NewSessionEndMs = 60 * 60 * 1000;
} // namespace

RefreshScheduler::RefreshScheduler(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_timer(clock->createTimer(this))
{
    connect(m_timer, &ClockTimer::timeout, this, &RefreshScheduler::onTimer);
}

void RefreshScheduler::setDeadline(const Deadline &deadline)
{
    // The end moves by the measured clock skew on every answer; only a new grant (a new
    // 30-day session) may warn again.
    if (!m_hasDeadline || !m_deadline.sessionEnd.isValid()
        || qAbs(deadline.sessionEnd.msecsTo(m_deadline.sessionEnd)) > NewSessionEndMs)
        m_warned = false;
    m_deadline = deadline;
    m_hasDeadline = true;
    arm();
}

void RefreshScheduler::clear()
{
    m_hasDeadline = false;
    m_deadline = {};
    m_inFlight = false;
    m_retryAt = -1;
    m_graceUntil = -1;
    m_warned = false;
    arm();
}

void RefreshScheduler::setWatching(bool watching)
{
    if (watching == m_watching)
        return;
    m_watching = watching;
    if (watching)
        noteCheck();
    arm();
}

void RefreshScheduler::setRefreshInFlight(bool inFlight)
{
    m_inFlight = inFlight;
    if (inFlight) {
        m_retryAt = -1;
        m_graceUntil = -1;
    }
    arm();
}

void RefreshScheduler::retryAfter(qint64 delayMs)
{
    m_retryAt = m_clock->monotonicMs() + std::max<qint64>(delayMs, 0);
    arm();
}

void RefreshScheduler::clearRetry()
{
    m_retryAt = -1;
    m_graceUntil = -1;
    arm();
}

void RefreshScheduler::expireNow()
{
    m_deadline.localExpiry = m_clock->now();
    m_deadline.monotonicExpiry = m_clock->monotonicMs();
    arm();
}

qint64 RefreshScheduler::accessValidForMs() const
{
    if (!m_hasDeadline || !m_deadline.localExpiry.isValid())
        return 0;
    qint64 valid = m_clock->now().msecsTo(m_deadline.localExpiry);
    if (m_deadline.monotonicExpiry >= 0)
        valid = std::min(valid, m_deadline.monotonicExpiry - m_clock->monotonicMs());
    return valid;
}

// After a restart of a format-1 item the lifetime is unknown: an hour is assumed, which makes
// the margin the usual five minutes.
qint64 RefreshScheduler::marginMs() const
{
    return RefreshPolicy::refreshMarginMs(
        m_deadline.lifetimeMs > 0 ? m_deadline.lifetimeMs : 60 * 60 * 1000);
}

bool RefreshScheduler::isDue() const
{
    return m_hasDeadline && accessValidForMs() <= marginMs();
}

void RefreshScheduler::noteCheck()
{
    m_lastCheckWall = m_clock->now();
    m_lastCheckMonotonic = m_clock->monotonicMs();
}

void RefreshScheduler::arm()
{
    if (!m_watching || !m_hasDeadline) {
        m_timer->stop();
        return;
    }
    const qint64 now = m_clock->monotonicMs();
    qint64 delay = ClockCheckMs - (now - m_lastCheckMonotonic);
    if (!m_inFlight) {
        if (m_graceUntil >= 0)
            delay = std::min(delay, m_graceUntil - now);
        else if (m_retryAt >= 0)
            delay = std::min(delay, m_retryAt - now);
        else
            delay = std::min(delay, accessValidForMs() - marginMs());
    }
    if (!m_warned && m_deadline.sessionEnd.isValid())
        delay = std::min(delay,
            m_clock->now().msecsTo(m_deadline.sessionEnd) - RefreshPolicy::SessionEndWarningMs);
    delay = std::max<qint64>(delay, 0);
    // Something due that the last immediate timer did not settle: wait for the next check
    // instead of spinning (a refresh that could not start is retried by the check).
    if (delay == 0 && m_lastZeroArm == now)
        delay = SpinGuardMs;
    if (delay == 0)
        m_lastZeroArm = now;
    m_timer->start(delay);
}

void RefreshScheduler::onTimer()
{
    const QDateTime wall = m_clock->now();
    const qint64 monotonic = m_clock->monotonicMs();
    const qint64 slept = m_lastCheckWall.msecsTo(wall) - (monotonic - m_lastCheckMonotonic);
    if (monotonic - m_lastCheckMonotonic >= ClockCheckMs
        || slept > RefreshPolicy::ResumeThresholdMs)
        noteCheck();

    if (!m_warned && m_deadline.sessionEnd.isValid()
        && wall.msecsTo(m_deadline.sessionEnd) <= RefreshPolicy::SessionEndWarningMs) {
        m_warned = true;
        emit sessionEndingSoon(m_deadline.sessionEnd);
    }
    bool refresh = false;
    if (slept > RefreshPolicy::ResumeThresholdMs) {
        qCInfo(lcAuth) << "woke from a suspend of about" << slept / 1000 << "s";
        emit resumed();
        if (isDue() && !m_inFlight) {
            // Give the network a moment to come back before asking the server.
            m_retryAt = -1;
            m_graceUntil = monotonic + ResumeGraceMs;
        }
    } else if (!m_inFlight && m_graceUntil >= 0) {
        if (monotonic >= m_graceUntil) {
            m_graceUntil = -1;
            refresh = isDue();
        }
    } else if (!m_inFlight && m_retryAt >= 0) {
        if (monotonic >= m_retryAt) {
            m_retryAt = -1;
            refresh = true; // the last refresh failed: find out whether the server is back
        }
    } else if (!m_inFlight) {
        refresh = isDue();
    }
    arm();
    if (refresh && m_watching)
        emit refreshDue();
}

} // namespace Smtpd
