#include "BrokerServer.h"

#include "../Logging.h"
#include "BrokerProtocol.h"
#include "BrokerService.h"
#include "PeerCredentials.h"

#include <QLocalSocket>
#include <QTimer>

namespace Smtpd::Broker {

namespace {
// One connection: its requests are read one at a time, each answered before the next is
// read, so answers come in the order of the requests. Lives as the socket's child.
class Connection final : public QObject
{
public:
    Connection(QLocalSocket *peer, BrokerServer *server)
        : QObject(peer)
        , m_peer(peer)
        , m_server(server)
    {
        // Never more than one request line (and its newline) in memory.
        m_peer->setReadBufferSize(MaxLineBytes + 1);
        m_idle.setSingleShot(true);
        m_idle.setInterval(BrokerServer::IdleTimeoutMs);
        connect(&m_idle, &QTimer::timeout, m_peer, &QLocalSocket::disconnectFromServer);
        connect(m_peer, &QLocalSocket::readyRead, this, &Connection::readRequests);
        m_idle.start();
        readRequests();
    }

private:
    void readRequests()
    {
        while (!m_busy && !m_closing && m_peer->isOpen()) {
            if (!m_peer->canReadLine()) {
                if (m_peer->bytesAvailable() > MaxLineBytes)
                    refuse(
                        BrokerServer::tr("The request is longer than %1 bytes.").arg(MaxLineBytes));
                return;
            }
            const QByteArray line = m_peer->readLine();
            if (line.size() > MaxLineBytes + 1)
                return refuse(
                    BrokerServer::tr("The request is longer than %1 bytes.").arg(MaxLineBytes));
            onLine(line);
        }
    }

    void onLine(const QByteArray &line)
    {
        m_idle.start();
        if (line.trimmed() == "raise") { // versions before 1
            emit m_server->raiseRequested({}, {});
            return close();
        }
        const std::optional<Request> request = Request::fromLine(line);
        if (!request)
            return refuse(BrokerServer::tr("This is not a request this version of SMTPD Accounts "
                                           "understands."));
        if (request->op == Op::Raise) {
            emit m_server->raiseRequested(request->activationToken, request->account);
            return close();
        }
        BrokerService *service = m_server->service();
        if (!service) {
            write(Answer::failure(ExitCode::Failure,
                BrokerServer::tr("The running app does not answer this request.")));
            return;
        }
        m_busy = true;
        m_idle.stop(); // a sign-in or a slow refresh may take long; the peer waits for it
        service->handle(*request, this, [this](const Answer &answer) {
            m_busy = false;
            m_idle.start();
            write(answer);
            // Requests that came meanwhile are already buffered: no readyRead will tell.
            QMetaObject::invokeMethod(this, &Connection::readRequests, Qt::QueuedConnection);
        });
    }

    void write(const Answer &answer) { m_peer->write(answer.toLine()); }

    // Answers a request that cannot be taken and closes: what follows it cannot be trusted to
    // be a request either.
    void refuse(const QString &message)
    {
        qCInfo(lcAccounts) << "refused a command-line request:" << message;
        write(Answer::failure(ExitCode::Usage, message));
        close();
    }

    void close()
    {
        m_closing = true;
        m_idle.stop();
        m_peer->disconnectFromServer(); // after what was written has gone
    }

    QLocalSocket *m_peer;
    BrokerServer *m_server;
    QTimer m_idle;
    bool m_busy = false;
    bool m_closing = false;
};
} // namespace

BrokerServer::BrokerServer(QObject *parent)
    : QObject(parent)
    , m_peerCheck([](qintptr descriptor) { return isAllowedPeer(descriptor); })
{ }

void BrokerServer::setService(BrokerService *service)
{
    m_service = service;
}

BrokerService *BrokerServer::service() const
{
    return m_service;
}

void BrokerServer::serve(QLocalSocket *peer)
{
    connect(peer, &QLocalSocket::disconnected, peer, &QObject::deleteLater);
    if (!m_peerCheck(peer->socketDescriptor())) {
        qCWarning(lcAccounts) << "refused a connection from another user";
        peer->abort();
        peer->deleteLater();
        return;
    }
    new Connection(peer, this);
}

} // namespace Smtpd::Broker
