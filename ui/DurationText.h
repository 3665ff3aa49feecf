#pragma once

#include <QString>

namespace Smtpd {

// "45 s", "12 min", "3 h 5 min", "29 days": how long, in words a person reads at a glance.
QString durationText(qint64 milliseconds);

} // namespace Smtpd
