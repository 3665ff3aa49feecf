#pragma once

#include <QtGlobal>

#include <chrono>

namespace Smtpd {

// Limits every API request is held to.
struct RequestPolicy
{
    // The whole request, from sending to the last byte, must be done in this time.
    std::chrono::milliseconds timeout {std::chrono::seconds(30)};
    // A larger answer is cut off while it streams in; no API answer is anywhere near it.
    qint64 maxResponseBytes = 1024 * 1024;
};

} // namespace Smtpd
