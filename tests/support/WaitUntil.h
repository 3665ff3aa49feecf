#pragma once

#include <QDeadlineTimer>
#include <QTest>

#include <functional>

namespace TestSupport {

// Runs the event loop until `condition` holds or `timeoutMs` passes, like QTRY_VERIFY, but
// usable in helpers that return a value. Returns the condition's final value.
inline bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return condition();
        QTest::qWait(10);
    }
    return true;
}

} // namespace TestSupport
