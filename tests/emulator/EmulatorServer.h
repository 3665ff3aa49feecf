#pragma once

#include "AccountService.h"
#include "EmulatorTypes.h"

#include <QAbstractHttpServer>
#include <QPointer>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>

namespace SmtpdEmulator {

// The SMTPD API on loopback over TLS (Qt HttpServer underneath). Every answer is written to
// the socket by this class, so faults can cut, delay, stream or drop it at will. It records
// each request (never a secret) for tests to assert on.
class EmulatorServer final : public QAbstractHttpServer
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

    void addFault(const Fault &fault);
    void clearFaults();

    const QList<RecordedRequest> &requests() const { return m_requests; }
    int requestCount(const QByteArray &method, const QString &path) const;
    void clearRequests() { m_requests.clear(); }
    // Bytes of huge bodies actually written to sockets (to prove a client stopped reading).
    qint64 hugeBytesWritten() const { return m_hugeBytesWritten; }

signals:
    void requestRecorded(const SmtpdEmulator::RecordedRequest &request);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Response route(const QHttpServerRequest &request);
    bool takeFault(const QString &path, Fault *fault);
    void applyFault(const Fault &fault, const QHttpServerRequest &request, QTcpSocket *socket,
        RecordedRequest record);
    void send(QTcpSocket *socket, const Response &response, RecordedRequest record,
        qint64 truncateBodyAt = -1);
    void streamHugeBody(QTcpSocket *socket, qint64 total, RecordedRequest record);
    void recordRequest(RecordedRequest record, int status);
    QByteArray head(const Response &response, qint64 contentLength) const;

    AccountService m_accounts;
    QList<Fault> m_faults;
    QHash<QTcpSocket *, QPointer<QTcpSocket>> m_connections; // open keep-alive connections
    QList<RecordedRequest> m_requests;
    quint16 m_port = 0;
    qint64 m_hugeBytesWritten = 0;
};

// Reads a fault from its command-line form, e.g. "status=503,paths=/oauth/token,count=2,
// retry-after=5" or "slow,delay=3000". A body=TEXT setting must come last (it may hold commas).
// Returns an error text, or empty.
QString parseFaultSpec(const QString &spec, Fault *fault);

} // namespace SmtpdEmulator
