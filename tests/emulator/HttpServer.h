#pragma once

#include "HttpConnection.h"

#include <QSet>
#include <QTcpServer>

namespace SmtpdEmulator {

// Accepts TCP connections at once and gives each its own HttpConnection (TLS handshake,
// HTTP/1.1), so a client that never finishes its handshake holds only its own connection
// (until the handshake timeout), never the listen queue.
class HttpServer final : public QTcpServer
{
    Q_OBJECT

public:
    // Connections open at once; one more is closed as soon as it is accepted.
    static constexpr int MaxConnections = 512;

    explicit HttpServer(QObject *parent = nullptr);

    // For connections accepted from now on.
    HttpConnection::Settings &settings() { return m_settings; }
    const HttpConnection::Settings &settings() const { return m_settings; }
    // Closes every open connection at once (listening is not touched).
    void abortConnections();
    int connectionCount() const { return static_cast<int>(m_connections.size()); }

signals:
    void requestReceived(
        SmtpdEmulator::HttpConnection *connection, const SmtpdEmulator::HttpRequest &request);
    void refused(int status, const QByteArray &reason);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    HttpConnection::Settings m_settings;
    QSet<HttpConnection *> m_connections;
};

} // namespace SmtpdEmulator
