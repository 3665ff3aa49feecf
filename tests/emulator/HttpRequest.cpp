#include "HttpRequest.h"

namespace SmtpdEmulator {

HttpRequest::Method HttpRequest::method() const
{
    // Methods are case-sensitive (RFC 9110 §9.1): "get" is not GET.
    static const QList<QPair<QByteArray, Method>> known {{"GET", Method::Get},
        {"HEAD", Method::Head}, {"POST", Method::Post}, {"PUT", Method::Put},
        {"DELETE", Method::Delete}, {"OPTIONS", Method::Options}, {"PATCH", Method::Patch}};
    for (const auto &entry : known)
        if (entry.first == m_methodName)
            return entry.second;
    return Method::Other;
}

QByteArray HttpRequest::value(const QByteArray &name) const
{
    for (const auto &header : m_headers)
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    return {};
}

bool HttpRequest::keepAlive() const
{
    bool close = false, keepAliveToken = false;
    for (const auto &header : m_headers) {
        if (header.first.compare("Connection", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &token : header.second.split(',')) {
            close = close || token.trimmed().compare("close", Qt::CaseInsensitive) == 0;
            keepAliveToken
                = keepAliveToken || token.trimmed().compare("keep-alive", Qt::CaseInsensitive) == 0;
        }
    }
    if (close)
        return false;
    return m_minorVersion >= 1 || keepAliveToken;
}

} // namespace SmtpdEmulator
