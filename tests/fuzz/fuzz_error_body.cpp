// decodeServerErrorBody on any bytes: the {code, message} body of an error answer, which may
// come from the SMTPD API, a proxy, or anything in between.
#include "FuzzSupport.h"
#include "api/JsonObjectReader.h"

using namespace Smtpd;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = Fuzz::bytes(data, size);
    for (const QByteArray &contentType : {QByteArray("application/json"), QByteArray()}) {
        const ServerErrorBody server = decodeServerErrorBody(body, contentType);
        Fuzz::check(server.message.size() <= 500, "server message longer than 500");
        Fuzz::check(server.message == server.message.trimmed(), "server message not trimmed");
    }
    const ServerErrorBody html = decodeServerErrorBody(body, "text/html; charset=utf-8");
    Fuzz::check(html.code == 0 && html.message.isEmpty(), "a web page read as an error body");
    return 0;
}
