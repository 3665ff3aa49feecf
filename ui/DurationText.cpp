#include "DurationText.h"

#include <QCoreApplication>

namespace Smtpd {

QString durationText(qint64 ms)
{
    const qint64 seconds = qMax<qint64>(0, ms / 1000);
    auto tr = [](const char *text) { return QCoreApplication::translate("Duration", text); };
    if (seconds < 60)
        return tr("%n s").replace(QStringLiteral("%n"), QString::number(seconds));
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return minutes % 60 ? tr("%1 h %2 min").arg(hours).arg(minutes % 60)
                            : tr("%1 h").arg(hours);
    const qint64 days = hours / 24;
    return days == 1 ? tr("1 day") : tr("%1 days").arg(days);
}

} // namespace Smtpd
