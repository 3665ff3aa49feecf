// parseHttpDate on any bytes: the Date and Retry-After headers. Run in a zone with daylight
// saving, where reading a header as local time would show.
#include "FuzzSupport.h"
#include "api/HttpDate.h"

#include <ctime>

using namespace Smtpd;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    qputenv("TZ", "Europe/Berlin");
    tzset();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QDateTime time = parseHttpDate(Fuzz::bytes(data, size));
    if (!time.isValid())
        return 0;
    Fuzz::check(time.timeSpec() == Qt::UTC, "a Date header read as other than UTC");
    Fuzz::check(parseHttpDate(formatHttpDate(time)) == time, "a date does not survive formatting");
    return 0;
}
