#include "HttpConnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>

namespace SmtpdEmulator {

namespace {
constexpr qint64 ReadChunkBytes = 64 * 1024;
// Decrypted bytes Qt may hold for us: while a request is being answered nothing is read, so
// the client's next bytes wait in the kernel (TCP flow control), not in memory.
constexpr qint64 ReadBufferBytes = 256 * 1024;
// How much of a streamed body may wait in the socket's buffers.
constexpr qint64 StreamWindowBytes = 256 * 1024;
} // namespace

HttpConnection::HttpConnection(qintptr socketDescriptor, const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_socket(new QSslSocket(this))
    , m_parser(settings.limits)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        m_phase = Phase::Idle;
        m_timer.start(m_settings.timeouts.idleMs);
        processInput();
    });
    connect(m_socket, &QIODevice::readyRead, this, &HttpConnection::processInput);
    connect(m_socket, &QIODevice::bytesWritten, this, &HttpConnection::pump);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &HttpConnection::pump);
    connect(m_socket, &QAbstractSocket::disconnected, this, &HttpConnection::onGone);
    // Any error (a handshake that fails, plain HTTP, a reset) ends the connection; the
    // client has closed or will see the close.
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this] {
        if (m_phase != Phase::Gone)
            abort();
    });

    m_socket->setReadBufferSize(ReadBufferBytes);
    if (!m_socket->setSocketDescriptor(socketDescriptor)) {
        QMetaObject::invokeMethod(this, &HttpConnection::onGone, Qt::QueuedConnection);
        return;
    }
    m_socket->setSslConfiguration(m_settings.tls);
    m_timer.start(m_settings.timeouts.handshakeMs);
    m_socket->startServerEncryption();
}

QDateTime HttpConnection::now() const
{
    return m_settings.clock ? m_settings.clock() : QDateTime::currentDateTimeUtc();
}

void HttpConnection::processInput()
{
    if (m_phase == Phase::Lingering) {
        m_socket->skip(m_socket->bytesAvailable()); // dropped
        m_timer.start(static_cast<int>(
            qMin<qint64>(m_settings.timeouts.lingerQuietMs, m_lingerEnd.remainingTime())));
        return;
    }
    if (m_phase != Phase::Idle || m_processing)
        return;
    m_processing = true;
    while (m_phase == Phase::Idle) {
        const HttpRequestParser::Step step = m_parser.advance();
        if (step == HttpRequestParser::Step::NeedMore) {
            if (m_socket->bytesAvailable() <= 0)
                break;
            m_parser.append(m_socket->read(ReadChunkBytes));
        } else if (step == HttpRequestParser::Step::HeadReady) {
            checkHead();
        } else if (step == HttpRequestParser::Step::Failed) {
            refuse(m_parser.errorStatus(), m_parser.errorReason());
        } else {
            HttpRequest request = m_parser.takeRequest();
            request.setRemoteAddress(m_socket->peerAddress());
            m_phase = Phase::Busy;
            m_timer.stop();
            m_headOnly = request.method() == HttpRequest::Method::Head;
            m_keepAlive = request.keepAlive();
            m_minorVersion = request.minorVersion();
            emit requestReceived(this, request); // may be answered before it returns
        }
    }
    m_processing = false;
}

// RFC 9110 §10.1.1: "100-continue" asks for an interim 100 before the body is sent; a body
// over the limit never gets here (the parser refuses its Content-Length first).
void HttpConnection::checkHead()
{
    const QByteArray expect = m_parser.request().value("Expect");
    if (expect.isEmpty())
        return;
    if (expect.compare("100-continue", Qt::CaseInsensitive) != 0)
        return refuse(417, "an expectation other than 100-continue");
    if (m_parser.expectsBody() && m_parser.request().minorVersion() >= 1)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
}

void HttpConnection::refuse(int status, const QByteArray &reason)
{
    emit refused(status, reason);
    const QJsonObject error {{QStringLiteral("code"), status * 100},
        {QStringLiteral("message"), QString::fromLatin1(reason)}};
    const Response response {status, {{"Content-Type", "application/json; charset=utf-8"}},
        QJsonDocument(error).toJson(QJsonDocument::Compact)};
    m_headOnly = m_parser.request().method() == HttpRequest::Method::Head;
    writeHead(response, response.body.size(), true);
    if (!m_headOnly)
        m_socket->write(response.body);
    // The rest of the request may still be on its way: read and drop it for a while, so that
    // the close does not reset the connection before the client has read the answer.
    m_phase = Phase::Lingering;
    m_lingerEnd.setRemainingTime(m_settings.timeouts.lingerMs);
    processInput();
}

void HttpConnection::writeHead(const Response &response, qint64 contentLength, bool close)
{
    ConnectionField field = ConnectionField::None;
    if (close)
        field = ConnectionField::Close;
    else if (m_minorVersion == 0)
        field = ConnectionField::KeepAlive;
    m_socket->write(httpResponseHead(response, contentLength, now(), field));
}

void HttpConnection::respond(const Response &response)
{
    if (m_phase != Phase::Busy)
        return; // closed meanwhile
    writeHead(response, response.body.size(), !m_keepAlive);
    if (!m_headOnly)
        m_socket->write(response.body);
    finishExchange(!m_keepAlive);
}

void HttpConnection::respondTruncated(const Response &response, qint64 bodyBytes)
{
    if (m_phase != Phase::Busy)
        return;
    writeHead(response, response.body.size(), !m_keepAlive);
    if (!m_headOnly)
        m_socket->write(response.body.left(bodyBytes));
    finishExchange(true);
}

void HttpConnection::respondStreamed(
    const Response &response, qint64 bodyBytes, std::function<void(qint64)> written)
{
    if (m_phase != Phase::Busy)
        return;
    writeHead(response, bodyBytes, !m_keepAlive);
    if (m_headOnly)
        return finishExchange(!m_keepAlive);
    m_phase = Phase::Streaming;
    m_streamRemaining = bodyBytes;
    m_streamWritten = std::move(written);
    pump();
}

// Writes the streamed body as the client reads: a QSslSocket encrypts at once, so what waits
// for the network is the encrypted buffer.
void HttpConnection::pump()
{
    if (m_phase != Phase::Streaming)
        return;
    static const QByteArray chunk(64 * 1024, ' ');
    while (m_streamRemaining > 0
        && m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() < StreamWindowBytes) {
        const qint64 size = qMin<qint64>(m_streamRemaining, chunk.size());
        m_socket->write(chunk.constData(), size);
        m_streamRemaining -= size;
        if (m_streamWritten)
            m_streamWritten(size);
    }
    if (m_streamRemaining == 0) {
        m_streamWritten = {};
        finishExchange(!m_keepAlive);
    }
}

void HttpConnection::finishExchange(bool close)
{
    if (close)
        return closeGracefully();
    m_phase = Phase::Idle;
    m_timer.start(m_settings.timeouts.idleMs);
    // Bytes of a next request may already wait: go on with them, but not from inside the
    // handler that answered.
    if (!m_processing)
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

void HttpConnection::closeGracefully()
{
    m_phase = Phase::Closing;
    m_timer.start(m_settings.timeouts.idleMs);
    m_socket->disconnectFromHost(); // once what was written is sent
}

void HttpConnection::onTimeout()
{
    switch (m_phase) {
    case Phase::Idle:
        if (m_parser.hasPartialRequest())
            return refuse(408, "no whole request in time");
        return closeGracefully();
    case Phase::Lingering:
        return closeGracefully();
    case Phase::Handshake:
    case Phase::Closing: // a client that does not read what is left to send
        return abort();
    default:
        return;
    }
}

void HttpConnection::abort()
{
    if (m_phase == Phase::Gone)
        return;
    m_socket->abort();
    onGone();
}

void HttpConnection::onGone()
{
    if (m_phase == Phase::Gone)
        return;
    m_phase = Phase::Gone;
    m_timer.stop();
    m_streamWritten = {};
    emit closed(this);
    deleteLater();
}

} // namespace SmtpdEmulator
