#include "HttpResponseHead.h"

#include "core/api/HttpDate.h"

namespace SmtpdEmulator {

QByteArray reasonPhrase(int status)
{
    static const QHash<int, QByteArray> phrases {
        {100, "Continue"},
        {200, "OK"},
        {201, "Created"},
        {304, "Not Modified"},
        {307, "Temporary Redirect"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {408, "Request Timeout"},
        {413, "Payload Too Large"},
        {414, "URI Too Long"},
        {417, "Expectation Failed"},
        {429, "Too Many Requests"},
        {431, "Request Header Fields Too Large"},
        {500, "Internal Server Error"},
        {501, "Not Implemented"},
        {502, "Bad Gateway"},
        {503, "Service Unavailable"},
        {504, "Gateway Timeout"},
        {505, "HTTP Version Not Supported"},
    };
    return phrases.value(status, "Status");
}

QByteArray httpResponseHead(const Response &response, qint64 contentLength, const QDateTime &date,
    ConnectionField connection)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + reasonPhrase(response.status) + "\r\n";
    head += "Date: " + Smtpd::formatHttpDate(date) + "\r\n";
    head += "Server: smtpd-emulator\r\n";
    for (const auto &header : response.headers)
        head += header.first + ": " + header.second + "\r\n";
    head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    if (connection == ConnectionField::Close)
        head += "Connection: close\r\n";
    else if (connection == ConnectionField::KeepAlive)
        head += "Connection: keep-alive\r\n";
    return head + "\r\n";
}

} // namespace SmtpdEmulator
