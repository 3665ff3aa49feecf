#pragma once

#include "EmulatorTypes.h"
#include "HttpRequestParser.h"
#include "HttpResponseHead.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <functional>

class QSslSocket;

namespace SmtpdEmulator {

struct HttpTimeouts
{
    int handshakeMs = 10 * 1000; // a TLS handshake not done by then: the connection is dropped
    // No whole request this long after the connection went idle (a new connection, or one
    // whose last answer was sent): it is closed, with 408 if part of a request had come.
    int idleMs = 30 * 1000;
    // After a refusal, request bytes still arriving are read and dropped before the close, so
    // that the client can read the answer (a close with unread bytes resets the connection):
    // until the client is quiet for lingerQuietMs, or for lingerMs at most.
    int lingerMs = 2 * 1000;
    int lingerQuietMs = 250;
};

// One client connection: the TLS handshake, then HTTP/1.1 requests one after the other
// (keep-alive, Connection: close, HTTP/1.0, Expect: 100-continue, HEAD), within the limits.
// Each request is handed out with requestReceived(); the connection reads nothing more until
// it has been answered with exactly one of respond(), respondTruncated(), respondStreamed()
// or abort(), at once or later. It deletes itself (later) once closed.
class HttpConnection final : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        QSslConfiguration tls;
        HttpLimits limits;
        HttpTimeouts timeouts;
        std::function<QDateTime()> clock; // for the Date field; the real clock when empty
    };

    HttpConnection(qintptr socketDescriptor, const Settings &settings, QObject *parent = nullptr);

    void respond(const Response &response);
    // The head announces the whole body; only its first `bodyBytes` follow, then the close.
    void respondTruncated(const Response &response, qint64 bodyBytes);
    // `response` with a body of `bodyBytes` spaces instead of its own, written only as fast
    // as the client reads; `written` is told of each piece.
    void respondStreamed(
        const Response &response, qint64 bodyBytes, std::function<void(qint64)> written);
    // Closes at once, without an answer.
    void abort();

signals:
    void requestReceived(
        SmtpdEmulator::HttpConnection *connection, const SmtpdEmulator::HttpRequest &request);
    // A request refused before it reached requestReceived (over a limit, malformed, timed out).
    void refused(int status, const QByteArray &reason);
    void closed(SmtpdEmulator::HttpConnection *connection);

private:
    enum class Phase { Handshake, Idle, Busy, Streaming, Closing, Lingering, Gone };

    void processInput();
    void checkHead();
    void refuse(int status, const QByteArray &reason);
    void writeHead(const Response &response, qint64 contentLength, bool close);
    void finishExchange(bool close);
    void closeGracefully();
    void pump();
    void onTimeout();
    void onGone();
    QDateTime now() const;

    Settings m_settings;
    QSslSocket *m_socket;
    HttpRequestParser m_parser;
    QTimer m_timer; // the handshake, idle or linger timeout, by phase
    QDeadlineTimer m_lingerEnd;
    Phase m_phase = Phase::Handshake;
    bool m_processing = false; // inside processInput()
    // The request being answered.
    bool m_headOnly = false;
    bool m_keepAlive = true;
    int m_minorVersion = 1;
    qint64 m_streamRemaining = 0;
    std::function<void(qint64)> m_streamWritten;
};

} // namespace SmtpdEmulator
