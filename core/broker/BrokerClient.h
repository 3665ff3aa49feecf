#pragma once

#include "BrokerProtocol.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QLocalSocket;
class QTimer;

namespace Smtpd::Broker {

// Asks the running app one question over its local socket: connects, writes the request's
// line, reads the answer's line. Whether anyone answers is part of the result: the command
// line works on its own when no app listens, and refuses to when one listens but does not
// speak this protocol (an older version, which would go on refreshing behind its back).
class BrokerClient final : public QObject
{
    Q_OBJECT

public:
    enum class Outcome {
        Answered, // the app answered (the answer may still say ok:false)
        NoServer, // nobody listens on the socket (no file, or a file left by a dead app)
        NoAnswer, // something listens, but gave no valid answer in time
    };
    using Done = std::function<void(Outcome outcome, const Answer &answer)>;

    // How long connecting may take; an app that runs accepts at once.
    static constexpr int ConnectTimeoutMs = 2000;

    explicit BrokerClient(const QString &socketPath, QObject *parent = nullptr);
    ~BrokerClient() override;

    // Sends `request` and calls `done` once, from the event loop (never from inside send()),
    // and not at all once this object is gone (delete it with deleteLater() from `done`).
    // `answerTimeoutMs` bounds the wait for the answer once connected (a token may need a refresh,
    // a login a grant).
    void send(const Request &request, int answerTimeoutMs, const Done &done);

private:
    void readAnswer();
    void finish(Outcome outcome, const Answer &answer = {});

    QString m_path;
    QLocalSocket *m_socket = nullptr;
    QTimer *m_timer;
    QByteArray m_line; // the request (may hold a login's secret): overwritten once sent
    QByteArray m_received;
    int m_answerTimeoutMs = 0;
    bool m_connected = false;
    bool m_finished = false;
    Done m_done;
};

} // namespace Smtpd::Broker
