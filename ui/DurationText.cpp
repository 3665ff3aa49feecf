#include "DurationText.h"

#include <QCoreApplication>

namespace Smtpd {

// Each text with its context spelt out: lupdate reads the literal, and a free function has
// no class to lend it one.
QString durationText(qint64 ms)
{
    const qint64 seconds = qMax<qint64>(0, ms / 1000);
    if (seconds < 60)
        return QCoreApplication::translate("DurationText", "%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return QCoreApplication::translate("DurationText", "%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return minutes % 60 ? QCoreApplication::translate("DurationText", "%1 h %2 min")
                                  .arg(hours)
                                  .arg(minutes % 60)
                            : QCoreApplication::translate("DurationText", "%1 h").arg(hours);
    const qint64 days = hours / 24;
    return QCoreApplication::translate("DurationText", "%Ln days", nullptr, int(days));
}

} // namespace Smtpd
