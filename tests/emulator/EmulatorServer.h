#pragma once

#include "AccountService.h"
#include "EmulatorTypes.h"
#include "FaultSpec.h"
#include "HttpServer.h"

#include <QObject>
#include <QSslCertificate>
#include <QSslKey>

namespace SmtpdEmulator {

// The SMTPD API on loopback over TLS (HttpServer underneath: HTTP/1.1 with the limits and
// timeouts of HttpLimits and HttpTimeouts). Faults can cut, delay, stream or drop any answer.
// It records each request (never a secret) for tests to assert on.
class EmulatorServer final : public QObject
{
    Q_OBJECT

public:
    explicit EmulatorServer(QObject *parent = nullptr);

    // Starts listening with TLS on 127.0.0.1. Port 0 picks a free one. Returns an error text,
    // or empty on success.
    QString start(const QSslCertificate &certificate, const QSslKey &key, quint16 port = 0);
    QString startFromFiles(
        const QString &certificatePath, const QString &keyPath, quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;

    // Stop accepting connections (clients then see "connection refused"), and start again
    // on the same port.
    void stopListening();
    bool resumeListening();

    AccountService &accounts() { return m_accounts; }

    // For connections opened from now on. The defaults are realistic; tests may shorten them.
    void setHttpLimits(const HttpLimits &limits) { m_http.settings().limits = limits; }
    HttpLimits httpLimits() const { return m_http.settings().limits; }
    void setHttpTimeouts(const HttpTimeouts &timeouts) { m_http.settings().timeouts = timeouts; }
    HttpTimeouts httpTimeouts() const { return m_http.settings().timeouts; }
    // Connections open now, in any state (handshake, idle, answering, closing).
    int connectionCount() const { return m_http.connectionCount(); }

    void addFault(const Fault &fault);
    void clearFaults();

    const QList<RecordedRequest> &requests() const { return m_requests; }
    int requestCount(const QByteArray &method, const QString &path) const;
    void clearRequests() { m_requests.clear(); }
    // Bytes of huge bodies actually written to sockets (to prove a client stopped reading).
    qint64 hugeBytesWritten() const { return m_hugeBytesWritten; }

signals:
    void requestRecorded(const SmtpdEmulator::RecordedRequest &request);
    // A request refused by the HTTP layer (over a limit, malformed, timed out): not recorded.
    void requestRefused(int status, const QByteArray &reason);

private:
    void handleRequest(HttpConnection *connection, const HttpRequest &request);
    Response answer(const HttpRequest &request);
    Response route(const HttpRequest &request);
    bool takeFault(const QString &path, Fault *fault);
    void applyFault(const Fault &fault, const HttpRequest &request, HttpConnection *connection,
        RecordedRequest record);
    void send(HttpConnection *connection, const Response &response, RecordedRequest record);
    void recordRequest(RecordedRequest record, int status);

    AccountService m_accounts;
    HttpServer m_http;
    QList<Fault> m_faults;
    QList<RecordedRequest> m_requests;
    quint16 m_port = 0;
    qint64 m_hugeBytesWritten = 0;
};

} // namespace SmtpdEmulator
