#include "BrokerClient.h"

#include <QLocalSocket>
#include <QTimer>

namespace Smtpd::Broker {

BrokerClient::BrokerClient(const QString &socketPath, QObject *parent)
    : QObject(parent)
    , m_path(socketPath)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this,
        [this] { finish(m_connected ? Outcome::NoAnswer : Outcome::NoServer); });
}

BrokerClient::~BrokerClient()
{
    m_line.fill('\0');
}

void BrokerClient::send(const Request &request, int answerTimeoutMs, const Done &done)
{
    m_done = done;
    m_answerTimeoutMs = answerTimeoutMs;
    m_line = request.toLine();
    m_socket = new QLocalSocket(this);
    connect(m_socket, &QLocalSocket::connected, this, [this] {
        m_connected = true;
        m_timer->start(m_answerTimeoutMs);
        m_socket->write(m_line);
        m_line.fill('\0');
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &BrokerClient::readAnswer);
    // Closed before a whole answer came: it was connected, so something listened.
    connect(m_socket, &QLocalSocket::disconnected, this, [this] {
        readAnswer();
        finish(Outcome::NoAnswer);
    });
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError) {
        if (!m_connected)
            finish(Outcome::NoServer);
        else
            readAnswer(); // a closed peer may have written its answer first
    });
    m_timer->start(ConnectTimeoutMs);
    m_socket->connectToServer(m_path);
}

void BrokerClient::readAnswer()
{
    if (m_finished)
        return;
    m_received += m_socket->readAll();
    const qsizetype end = m_received.indexOf('\n');
    if (end < 0) {
        if (m_received.size() > MaxAnswerBytes)
            finish(Outcome::NoAnswer);
        return;
    }
    const std::optional<Answer> answer = Answer::fromLine(m_received.left(end + 1));
    m_received.fill('\0'); // it may hold a token
    if (answer)
        finish(Outcome::Answered, *answer);
    else
        finish(Outcome::NoAnswer);
}

void BrokerClient::finish(Outcome outcome, const Answer &answer)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer->stop();
    m_line.fill('\0');
    if (m_socket)
        m_socket->abort();
    // Never from inside send() or a socket's signal: the caller may delete this object.
    QMetaObject::invokeMethod(
        this, [this, outcome, answer] { m_done(outcome, answer); }, Qt::QueuedConnection);
}

} // namespace Smtpd::Broker
