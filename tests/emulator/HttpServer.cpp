#include "HttpServer.h"

#include <QTcpSocket>
#include <QTimer>

namespace SmtpdEmulator {

HttpServer::HttpServer(QObject *parent)
    : QTcpServer(parent)
{
    // Out of file descriptors, QTcpServer stops accepting; try again shortly rather than
    // never.
    connect(this, &QTcpServer::acceptError, this, [this] {
        QTimer::singleShot(200, this, [this] {
            if (isListening())
                resumeAccepting();
        });
    });
}

void HttpServer::incomingConnection(qintptr socketDescriptor)
{
    if (m_connections.size() >= MaxConnections) {
        QTcpSocket refused;
        refused.setSocketDescriptor(socketDescriptor);
        refused.abort();
        return;
    }
    auto *connection = new HttpConnection(socketDescriptor, m_settings, this);
    m_connections.insert(connection);
    connect(connection, &HttpConnection::requestReceived, this, &HttpServer::requestReceived);
    connect(connection, &HttpConnection::refused, this, &HttpServer::refused);
    connect(connection, &HttpConnection::closed, this,
        [this](HttpConnection *closed) { m_connections.remove(closed); });
}

void HttpServer::abortConnections()
{
    const QSet<HttpConnection *> open = m_connections;
    for (HttpConnection *connection : open)
        connection->abort();
    m_connections.clear();
}

} // namespace SmtpdEmulator
