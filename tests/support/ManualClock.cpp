#include "ManualClock.h"

#include <QMetaObject>

namespace TestSupport {

namespace {
// More firings than this at one instant is a loop, not work.
constexpr int BusyLoopFirings = 200;
} // namespace

class ManualClock::Timer final : public Smtpd::ClockTimer
{
public:
    Timer(ManualClock *clock, QObject *parent)
        : ClockTimer(parent)
        , m_clock(clock)
    {
        m_clock->m_timers.append(this);
    }
    ~Timer() override
    {
        if (m_clock)
            m_clock->m_timers.removeOne(this);
    }

    void start(qint64 delayMs) override
    {
        m_deadline = m_clock->m_monotonic + std::max<qint64>(delayMs, 0);
        m_active = true;
        if (delayMs <= 0)
            m_clock->scheduleZeroDelay();
    }
    void stop() override { m_active = false; }
    bool isActive() const override { return m_active; }

    void fire()
    {
        m_active = false;
        emit timeout();
    }

    ManualClock *m_clock;
    qint64 m_deadline = 0;
    bool m_active = false;
};

ManualClock::ManualClock(const QDateTime &start)
    : m_wall(start)
{ }

ManualClock::~ManualClock()
{
    for (Timer *timer : std::as_const(m_timers))
        timer->m_clock = nullptr;
}

Smtpd::ClockTimer *ManualClock::createTimer(QObject *parent) const
{
    return new Timer(const_cast<ManualClock *>(this), parent);
}

void ManualClock::scheduleZeroDelay() const
{
    if (m_zeroDelayPosted)
        return;
    m_zeroDelayPosted = true;
    QMetaObject::invokeMethod(
        const_cast<QObject *>(&m_poster),
        [this] {
            m_zeroDelayPosted = false;
            const_cast<ManualClock *>(this)->fireDue();
        },
        Qt::QueuedConnection);
}

ManualClock::Timer *ManualClock::nextDue(qint64 until) const
{
    Timer *next = nullptr;
    for (Timer *timer : std::as_const(m_timers))
        if (timer->m_active && timer->m_deadline <= until
            && (!next || timer->m_deadline < next->m_deadline))
            next = timer;
    return next;
}

void ManualClock::advance(qint64 ms)
{
    const qint64 target = m_monotonic + std::max<qint64>(ms, 0);
    while (Timer *timer = nextDue(target)) {
        const qint64 at = std::max(timer->m_deadline, m_monotonic);
        m_wall = m_wall.addMSecs(at - m_monotonic);
        m_monotonic = at;
        if (m_instant != at) {
            m_instant = at;
            m_firedAtThisInstant = 0;
        }
        if (++m_firedAtThisInstant > BusyLoopFirings) {
            ++m_busyLoops;
            timer->stop();
            continue;
        }
        ++m_fired;
        timer->fire();
    }
    m_wall = m_wall.addMSecs(target - m_monotonic);
    m_monotonic = target;
}

void ManualClock::sleep(qint64 ms)
{
    m_wall = m_wall.addMSecs(ms);
}

void ManualClock::shiftWall(qint64 ms)
{
    m_wall = m_wall.addMSecs(ms);
    m_wallShiftMs += ms;
}

qint64 ManualClock::nextDeadline() const
{
    qint64 next = -1;
    for (Timer *timer : std::as_const(m_timers))
        if (timer->m_active && (next < 0 || timer->m_deadline < next))
            next = timer->m_deadline;
    return next;
}

int ManualClock::activeTimerCount() const
{
    int n = 0;
    for (Timer *timer : std::as_const(m_timers))
        n += timer->m_active;
    return n;
}

} // namespace TestSupport
