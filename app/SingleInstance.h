#pragma once

#include <QLocalServer>
#include <QObject>

namespace Smtpd {

// One running app per user. The first instance listens on a local socket in the user's
// runtime folder (readable by that user only); a later launch tells it to come to the front
// and exits. A socket left behind by a crashed instance is removed, never in the way.
class SingleInstance final : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(
        const QString &socketPath = defaultSocketPath(), QObject *parent = nullptr);

    static QString defaultSocketPath();

    // True when a running instance answered and was asked to raise its window.
    bool askRunningInstanceToRaise();
    // Starts listening. Returns an error sentence, or empty on success.
    QString listen();

signals:
    void raiseRequested();

private:
    QString m_path;
    QLocalServer m_server;
};

} // namespace Smtpd
