#include "SingleInstance.h"

#include <QLocalSocket>
#include <QStandardPaths>

namespace Smtpd {

namespace {
constexpr char RaiseCommand[] = "raise\n";
}

SingleInstance::SingleInstance(const QString &socketPath, QObject *parent)
    : QObject(parent)
    , m_path(socketPath)
{
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *peer = m_server.nextPendingConnection()) {
            connect(peer, &QLocalSocket::disconnected, peer, &QObject::deleteLater);
            connect(peer, &QLocalSocket::readyRead, this, [this, peer] {
                if (peer->readAll().contains("raise"))
                    emit raiseRequested();
                peer->disconnectFromServer();
            });
        }
    });
}

QString SingleInstance::defaultSocketPath()
{
    // XDG_RUNTIME_DIR (mode 0700); Qt creates a private fallback when it is not set.
    return QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation)
        + QStringLiteral("/smtpd-accounts.socket");
}

bool SingleInstance::askRunningInstanceToRaise()
{
    // Runs once at start-up, before any window exists; the waits are short and bounded.
    QLocalSocket socket;
    socket.connectToServer(m_path);
    if (!socket.waitForConnected(1000))
        return false;
    socket.write(RaiseCommand);
    const bool sent = socket.waitForBytesWritten(1000);
    socket.disconnectFromServer();
    return sent;
}

QString SingleInstance::listen()
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    if (m_server.listen(m_path))
        return {};
    // Nobody answered on it (askRunningInstanceToRaise() failed), so it is stale.
    QLocalServer::removeServer(m_path);
    if (m_server.listen(m_path))
        return {};
    return m_server.errorString();
}

} // namespace Smtpd
