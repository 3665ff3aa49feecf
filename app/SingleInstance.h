#pragma once

#include <QByteArray>
#include <QLocalServer>
#include <QLockFile>
#include <QObject>

namespace Smtpd {

// One running app per user. The first instance listens on a local socket in the user's
// runtime folder (readable by that user only); a later launch tells it to come to the front,
// handing over the launcher's activation token, and exits. A start-up lock beside the socket
// makes launches at the same instant take turns, so exactly one becomes the instance. A socket
// left behind by a crashed instance is removed, never in the way.
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
    // `activationToken`. True when one answered: this launch is done. When false, the lock is
    // kept until listen(), so that a launch at the same instant finds this one listening.
    bool askRunningInstanceToRaise(const QByteArray &activationToken = {});
    // Starts listening (replacing a stale socket) and lets go of the start-up lock. Returns an
    // error sentence, or empty on success.
    QString listen();

signals:
    // A later launch asked for the window. Its activation token (empty when it had none) has
    // already been handed to the platform, so the raise that follows uses it.
    void raiseRequested(const QByteArray &activationToken);

private:
    void onRequest(const QByteArray &line);

    QString m_path;
    QLockFile m_startLock;
    QLocalServer m_server;
};

} // namespace Smtpd
