#pragma once

#include "broker/BrokerServer.h"

#include <QByteArray>
#include <QLocalServer>
#include <QLockFile>
#include <QObject>

namespace Smtpd {

// One running app per user. The first instance listens on a local socket in the user's
// runtime folder (readable by that user only); a later launch tells it to come to the front,
// handing over the launcher's activation token (and the account to show), and exits. The
// command line's requests come on the same socket (broker(): BrokerProtocol.h). A start-up lock
// beside the socket makes launches at the same instant take turns, so exactly one becomes the
// instance. A socket left behind by a crashed instance is removed, never in the way.
class SingleInstance final : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(
        const QString &socketPath = defaultSocketPath(), QObject *parent = nullptr);

    static QString defaultSocketPath();
    // What the launcher gave this launch for bringing a window forward: XDG_ACTIVATION_TOKEN
    // (Wayland) or DESKTOP_STARTUP_ID (X11 startup notification); empty when started from a
    // terminal. Call it before QApplication exists: Qt's X11 plugin takes DESKTOP_STARTUP_ID
    // out of the environment as it connects to the display.
    static QByteArray activationTokenFromEnvironment();

    // Takes the start-up lock and asks a running instance to raise its window, passing it
    // `activationToken` and `account` (--account: the account to show; empty: as it is).
    // True when one answered: this launch is done. When false, the lock is kept until
    // listen(), so that a launch at the same instant finds this one listening.
    bool askRunningInstanceToRaise(
        const QByteArray &activationToken = {}, const QString &account = {});
    // Starts listening (replacing a stale socket) and lets go of the start-up lock. Returns an
    // error sentence, or empty on success.
    QString listen();
    // The command line's end of the socket: give it a BrokerService to answer more than raise.
    Broker::BrokerServer *broker() { return &m_broker; }

signals:
    // A later launch asked for the window, on `account` when not empty. Its activation token
    // (empty when it had none) has already been handed to the platform, so the raise that
    // follows uses it.
    void raiseRequested(const QByteArray &activationToken, const QString &account);

private:
    void onRaise(const QByteArray &activationToken, const QString &account);

    QString m_path;
    QLockFile m_startLock;
    QLocalServer m_server;
    Broker::BrokerServer m_broker;
};

} // namespace Smtpd
