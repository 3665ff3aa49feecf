#include "HttpDate.h"

#include <QLocale>
#include <QTimeZone>

namespace Smtpd {

QDateTime parseHttpDate(const QByteArray &value)
{
    const QString text = QString::fromLatin1(value).simplified();
    const QLocale c = QLocale::c();
    static const char *const formats[] = {
        "ddd, dd MMM yyyy hh:mm:ss 'GMT'", // IMF-fixdate
        "dddd, dd-MMM-yy hh:mm:ss 'GMT'", // RFC 850
        "ddd MMM d hh:mm:ss yyyy", // asctime
    };
    for (const char *format : formats) {
        QDateTime time = c.toDateTime(text, QString::fromLatin1(format));
        if (time.isValid()) {
            time.setTimeZone(QTimeZone::utc());
            if (time.date().year() < 1970)
                time = time.addYears(100); // two-digit years of RFC 850
            return time;
        }
    }
    return {};
}

QByteArray formatHttpDate(const QDateTime &time)
{
    return QLocale::c()
        .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

} // namespace Smtpd
