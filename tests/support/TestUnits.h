#pragma once

#include "EmulatorServer.h"

#include <QtGlobal>

namespace TestSupport {

// Durations in milliseconds, as the clocks take them.
inline constexpr qint64 Second = 1000;
inline constexpr qint64 Minute = 60 * Second;
inline constexpr qint64 Hour = 60 * Minute;
inline constexpr qint64 Day = 24 * Hour;

// How many requests for `path` (with `status`, when given) the emulator has answered.
inline int countRequests(
    SmtpdEmulator::EmulatorServer &server, const QString &path, int status = -1)
{
    int n = 0;
    for (const SmtpdEmulator::RecordedRequest &r : server.requests())
        n += r.path == path && (status < 0 || r.status == status);
    return n;
}

// A fault in its command-line form (see parseFaultSpec), on the paths under `path`.
inline SmtpdEmulator::Fault faultOn(const QString &spec, const QString &path)
{
    SmtpdEmulator::Fault fault;
    SmtpdEmulator::parseFaultSpec(spec + QStringLiteral(",paths=") + path, &fault);
    return fault;
}

} // namespace TestSupport
