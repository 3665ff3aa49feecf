#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QLocalSocket;

namespace Smtpd::Broker {

class BrokerService;

// The running app's end of the local socket (BrokerProtocol.h): takes each connection, refuses
// one from another user, reads its requests one line at a time (at most MaxLineBytes, or it is
// refused and closed) and writes their answers in order. A raise is signalled (no answer);
// everything else goes to the BrokerService. Connections are independent: one waiting for a
// refresh, sending garbage or going away early holds up no other. A connection that sends
// nothing for IdleTimeoutMs is closed.
class BrokerServer final : public QObject
{
    Q_OBJECT

public:
    using PeerCheck = std::function<bool(qintptr socketDescriptor)>;
    static constexpr int IdleTimeoutMs = 60 * 1000;

    explicit BrokerServer(QObject *parent = nullptr);

    // The service that answers everything but a raise; until there is one, those requests
    // are refused (exit 1).
    void setService(BrokerService *service);
    BrokerService *service() const;
    // Who may connect; by default a process of this user (isAllowedPeer()).
    void setPeerCheck(const PeerCheck &check) { m_peerCheck = check; }

    // Takes over `peer`, a new connection, and answers it until it closes.
    void serve(QLocalSocket *peer);

signals:
    // A later launch asked for the window, maybe on `account` (empty: as it is). The token is
    // passed as it came.
    void raiseRequested(const QByteArray &activationToken, const QString &account);

private:
    QPointer<BrokerService> m_service;
    PeerCheck m_peerCheck;
};

} // namespace Smtpd::Broker
