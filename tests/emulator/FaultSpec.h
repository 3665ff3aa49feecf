#pragma once

#include "EmulatorTypes.h"

namespace SmtpdEmulator {

// Reads a fault from its command-line form, e.g. "status=503,paths=/oauth/token,count=2,
// retry-after=5" or "slow,delay=3000". A body=TEXT setting must come last (it may hold commas).
// Every number is checked against its range. Returns an error text, or empty.
QString parseFaultSpec(const QString &spec, Fault *fault);

// Reads a whole decimal number within [min, max] into *value. Returns an error text that names
// `what`, or empty.
QString parseWholeNumber(
    const QString &what, const QString &text, qint64 min, qint64 max, qint64 *value);

} // namespace SmtpdEmulator
