#pragma once

#include "EmulatorTypes.h"

#include <QByteArray>
#include <QHostAddress>
#include <QUrl>
#include <QUrlQuery>

namespace SmtpdEmulator {

// One HTTP/1.x request as HttpRequestParser read it. The accessors the router uses have the
// names Qt HttpServer's QHttpServerRequest gives them.
class HttpRequest
{
public:
    enum class Method { Get, Head, Post, Put, Delete, Options, Patch, Other };

    Method method() const;
    const QByteArray &methodName() const { return m_methodName; } // as sent, e.g. "GET"
    const QUrl &url() const { return m_url; } // path and query of the request target
    QUrlQuery query() const { return QUrlQuery(m_url); }
    const HeaderList &headers() const { return m_headers; } // in the order sent, values trimmed
    // The first header field of that name (case-insensitive), or empty.
    QByteArray value(const QByteArray &name) const;
    const QByteArray &body() const { return m_body; }
    // Where it came from (set by the connection that read it).
    const QHostAddress &remoteAddress() const { return m_remoteAddress; }
    void setRemoteAddress(const QHostAddress &address) { m_remoteAddress = address; }
    int minorVersion() const { return m_minorVersion; } // HTTP/1.<minor>
    // Whether the client lets the connection stay open after the answer: HTTP/1.1 unless it
    // sent "Connection: close", HTTP/1.0 only with "Connection: keep-alive".
    bool keepAlive() const;

private:
    friend class HttpRequestParser;

    QByteArray m_methodName;
    QUrl m_url;
    HeaderList m_headers;
    QByteArray m_body;
    QHostAddress m_remoteAddress;
    int m_minorVersion = 1;
};

} // namespace SmtpdEmulator
