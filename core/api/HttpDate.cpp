#include "HttpDate.h"

#include <QList>
#include <QLocale>

#include <iterator>

namespace Smtpd {

namespace {

// Names are matched exactly: HTTP dates are case-sensitive and never localised.
constexpr const char *MonthNames[]
    = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char *DayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr const char *LongDayNames[]
    = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

template<std::size_t N> bool isOneOf(const QByteArray &word, const char *const (&names)[N])
{
    for (const char *name : names) {
        if (word == name)
            return true;
    }
    return false;
}

int month(const QByteArray &word)
{
    for (int i = 0; i < static_cast<int>(std::size(MonthNames)); ++i) {
        if (word == MonthNames[i])
            return i + 1;
    }
    return 0;
}

// A number of minDigits to maxDigits ASCII digits and nothing else; -1 otherwise (QByteArray's
// own toInt() would also take a sign, spaces or a hexadecimal prefix).
int number(const QByteArray &word, int minDigits, int maxDigits)
{
    if (word.size() < minDigits || word.size() > maxDigits)
        return -1;
    int value = 0;
    for (const char c : word) {
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

// "hh:mm:ss"; invalid when it is anything else.
QTime timeOfDay(const QByteArray &word)
{
    const QList<QByteArray> parts = word.split(':');
    if (parts.size() != 3)
        return {};
    const int hours = number(parts.at(0), 2, 2);
    const int minutes = number(parts.at(1), 2, 2);
    const int seconds = number(parts.at(2), 2, 2);
    if (hours < 0 || minutes < 0 || seconds < 0)
        return {};
    return QTime(hours, minutes, seconds); // invalid for 24:00:00, 12:60:00 and the like
}

// The date and time are built as UTC directly: reading them as a local time first would make
// a time in the local zone's daylight-saving gap invalid (or shift it by the gap).
QDateTime utc(int year, int monthNumber, int day, const QTime &time)
{
    const QDate date(year, monthNumber, day); // invalid for 31 Feb and the like
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

// "Sun, 06 Nov 1994 08:49:37 GMT"
QDateTime fromImfFixdate(const QList<QByteArray> &words)
{
    if (words.size() != 6 || !words.at(0).endsWith(',')
        || !isOneOf(words.at(0).chopped(1), DayNames) || words.at(5) != "GMT")
        return {};
    return utc(number(words.at(3), 4, 4), month(words.at(2)), number(words.at(1), 2, 2),
        timeOfDay(words.at(4)));
}

// "Sunday, 06-Nov-94 08:49:37 GMT" (obsolete RFC 850)
QDateTime fromRfc850(const QList<QByteArray> &words)
{
    if (words.size() != 4 || !words.at(0).endsWith(',')
        || !isOneOf(words.at(0).chopped(1), LongDayNames) || words.at(3) != "GMT")
        return {};
    const QList<QByteArray> date = words.at(1).split('-');
    if (date.size() != 3)
        return {};
    int year = number(date.at(2), 2, 2);
    if (year < 0)
        return {};
    // Two-digit years: 70-99 are 19xx, 00-69 are 20xx (the epoch-based reading of RFC 9110's
    // "more than 50 years in the future" rule, fixed so the result never depends on today).
    year += year < 70 ? 2000 : 1900;
    return utc(year, month(date.at(1)), number(date.at(0), 2, 2), timeOfDay(words.at(2)));
}

// "Sun Nov  6 08:49:37 1994" (obsolete C asctime(); the day is space-padded, not zero-padded)
QDateTime fromAsctime(const QList<QByteArray> &words)
{
    if (words.size() != 5 || !isOneOf(words.at(0), DayNames))
        return {};
    return utc(number(words.at(4), 4, 4), month(words.at(1)), number(words.at(2), 1, 2),
        timeOfDay(words.at(3)));
}

} // namespace

QDateTime parseHttpDate(const QByteArray &value)
{
    // The weekday is checked to be a weekday name but not against the date: the date and time
    // are what the clock correction needs, and a mismatch would only be the server's typo.
    const QList<QByteArray> words = value.simplified().split(' ');
    for (const auto parse : {fromImfFixdate, fromRfc850, fromAsctime}) {
        const QDateTime time = parse(words);
        if (time.isValid())
            return time;
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
