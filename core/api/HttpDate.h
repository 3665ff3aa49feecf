#pragma once

#include <QByteArray>
#include <QDateTime>

namespace Smtpd {

// Parses an HTTP Date header (RFC 9110 IMF-fixdate, plus the obsolete RFC 850 and asctime
// forms). Returns an invalid QDateTime when the value is not a date.
QDateTime parseHttpDate(const QByteArray &value);

// Formats a UTC time as an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT").
QByteArray formatHttpDate(const QDateTime &time);

} // namespace Smtpd
