#include "Clock.h"

#include <QTimer>

namespace Smtpd {

namespace {

// A coarse QTimer: the session's deadlines are minutes apart, so letting the system batch
// wake-ups costs nothing and saves power.
class SystemClockTimer final : public ClockTimer
{
public:
    explicit SystemClockTimer(QObject *parent)
        : ClockTimer(parent)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::CoarseTimer);
        connect(&m_timer, &QTimer::timeout, this, &ClockTimer::timeout);
    }

    void start(qint64 delayMs) override
    {
        // QTimer takes an int; a month is far beyond any deadline we keep.
        m_timer.start(static_cast<int>(std::clamp<qint64>(delayMs, 0, 0x7fffffff)));
    }
    void stop() override { m_timer.stop(); }
    bool isActive() const override { return m_timer.isActive(); }

private:
    QTimer m_timer;
};

} // namespace

ClockTimer *SystemClock::createTimer(QObject *parent) const
{
    return new SystemClockTimer(parent);
}

} // namespace Smtpd
