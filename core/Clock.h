#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>

namespace Smtpd {

// A single-shot timer that runs on a Clock's monotonic time: like a QTimer it stands still
// while the machine sleeps. Tests drive it with a manual clock at the product's real
// intervals, so a busy loop (a zero delay re-armed over and over) stays visible.
class ClockTimer : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // (Re)starts the timer: timeout() follows once, `delayMs` from now (0 = at the next turn
    // of the event loop, never from inside this call).
    virtual void start(qint64 delayMs) = 0;
    virtual void stop() = 0;
    virtual bool isActive() const = 0;

signals:
    void timeout();
};

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
    // A timer on this clock, owned by `parent`.
    virtual ClockTimer *createTimer(QObject *parent) const = 0;
};

class SystemClock final : public Clock
{
public:
    SystemClock() { m_monotonic.start(); }
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    qint64 monotonicMs() const override { return m_monotonic.elapsed(); }
    ClockTimer *createTimer(QObject *parent) const override;

private:
    QElapsedTimer m_monotonic;
};

} // namespace Smtpd
