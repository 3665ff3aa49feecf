#include "EmulatorServer.h"

#include "core/api/HttpDate.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace SmtpdEmulator {

namespace {

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &header : request.headers())
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second.trimmed();
    return {};
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

const QByteArray CaptivePortalPage = R"(<!DOCTYPE html>
<html><head><title>Hotel Wi-Fi</title></head>
<body><h1>Welcome! Please accept the terms to use the Internet.</h1>
<form method="post"><button>Accept</button></form></body></html>
)";

} // namespace

EmulatorServer::EmulatorServer(QObject *parent)
    : QAbstractHttpServer(parent)
{ }

QString EmulatorServer::start(const QSslCertificate &certificate, const QSslKey &key, quint16 port)
{
    if (certificate.isNull() || key.isNull())
        return QStringLiteral("the TLS certificate or key could not be read");
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    sslSetup(tls);
    m_port = listen(QHostAddress::LocalHost, port);
    if (m_port == 0)
        return QStringLiteral("cannot listen on 127.0.0.1:%1").arg(port);
    return {};
}

QString EmulatorServer::startFromFiles(
    const QString &certificatePath, const QString &keyPath, quint16 port)
{
    QFile certificateFile(certificatePath), keyFile(keyPath);
    if (!certificateFile.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1").arg(certificatePath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1").arg(keyPath);
    return start(QSslCertificate(certificateFile.readAll(), QSsl::Pem),
        QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem), port);
}

QUrl EmulatorServer::baseUrl() const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port));
}

void EmulatorServer::stopListening()
{
    // A server that is down does not answer on connections it already had either: those that
    // carried a request, and those a client opened ahead and has not used yet (the listening
    // server is their parent).
    for (QTcpServer *server : servers()) {
        server->close();
        const QList<QTcpSocket *> idle = server->findChildren<QTcpSocket *>();
        for (QTcpSocket *socket : idle)
            socket->abort();
    }
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_connections))
        if (socket)
            socket->abort();
    m_connections.clear();
}

bool EmulatorServer::resumeListening()
{
    bool ok = true;
    for (QTcpServer *server : servers())
        ok = (server->isListening() || server->listen(QHostAddress::LocalHost, m_port)) && ok;
    return ok;
}

void EmulatorServer::addFault(const Fault &fault)
{
    m_faults.append(fault);
}

void EmulatorServer::clearFaults()
{
    m_faults.clear();
}

int EmulatorServer::requestCount(const QByteArray &method, const QString &path) const
{
    return static_cast<int>(std::count_if(m_requests.begin(), m_requests.end(),
        [&](const auto &r) { return r.method == method && r.path == path; }));
}

bool EmulatorServer::takeFault(const QString &path, Fault *fault)
{
    for (auto it = m_faults.begin(); it != m_faults.end(); ++it) {
        const bool matches = it->pathPrefixes.isEmpty()
            || std::any_of(it->pathPrefixes.begin(), it->pathPrefixes.end(),
                [&](const QString &prefix) { return path.startsWith(prefix); });
        if (!matches)
            continue;
        *fault = *it;
        if (it->count > 0 && --it->count == 0)
            m_faults.erase(it);
        return true;
    }
    return false;
}

bool EmulatorServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_connections.insert(socket, socket);
    RecordedRequest record;
    record.method = methodName(request.method());
    record.path = request.url().path();
    record.query = request.url().query();
    const QByteArray authorization = headerValue(request, "Authorization");
    record.authScheme = QString::fromLatin1(authorization.left(authorization.indexOf(' ')));
    if (record.authScheme.isEmpty() && !authorization.isEmpty())
        record.authScheme = QStringLiteral("(malformed)");
    record.contentType = QString::fromLatin1(headerValue(request, "Content-Type"));
    record.host = QString::fromLatin1(headerValue(request, "Host"));

    Fault fault;
    if (takeFault(record.path, &fault))
        applyFault(fault, request, socket, record);
    else
        send(socket, route(request), record);
    return true;
}

void EmulatorServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest() answers every request itself.
}

Response EmulatorServer::route(const QHttpServerRequest &request)
{
    const QString path = request.url().path();
    const auto method = request.method();
    const QByteArray authorization = headerValue(request, "Authorization");
    const QByteArray contentType = headerValue(request, "Content-Type");
    auto onlyAllow = [](const QByteArray &allowed) {
        Response r = AccountService::error(405, 40500, QStringLiteral("Method not allowed"));
        r.headers.append(qMakePair(QByteArray("Allow"), allowed));
        return r;
    };

    if (path == QLatin1String("/oauth/token")) {
        if (method != QHttpServerRequest::Method::Post)
            return onlyAllow("POST");
        const QString grantType = request.query().queryItemValue(QStringLiteral("grant_type"));
        const ClientInfo client {QString::fromUtf8(headerValue(request, "User-Agent")),
            request.remoteAddress().toString()};
        if (grantType == QLatin1String("password"))
            return m_accounts.grant(authorization, client);
        if (grantType == QLatin1String("refresh_token"))
            return m_accounts.refresh(request.body(), contentType, client);
        return AccountService::error(
            400, 40000, QStringLiteral("grant_type must be password or refresh_token"));
    }
    if (path == QLatin1String("/oauth/revoke")) {
        if (method != QHttpServerRequest::Method::Post)
            return onlyAllow("POST");
        return m_accounts.revoke(authorization, request.body(), contentType);
    }
    if (path == QLatin1String("/oauth/me")) {
        if (method != QHttpServerRequest::Method::Get)
            return onlyAllow("GET");
        return m_accounts.me(authorization);
    }
    if (path.startsWith(QLatin1String("/avatar/"))) {
        if (method != QHttpServerRequest::Method::Get)
            return onlyAllow("GET");
        const QUrlQuery query = request.query();
        return m_accounts.avatar(path.mid(8), query.queryItemValue(QStringLiteral("s")),
            query.queryItemValue(QStringLiteral("d")), headerValue(request, "If-None-Match"));
    }
    if (path.startsWith(QLatin1String("/api/v1/"))) // API keys and billing
        return m_accounts.accountApi(methodName(method), path, authorization, request.body());
    return AccountService::error(404, 40400, QStringLiteral("Not found"));
}

void EmulatorServer::applyFault(const Fault &fault, const QHttpServerRequest &request,
    QTcpSocket *socket, RecordedRequest record)
{
    switch (fault.kind) {
    case Fault::Kind::Drop:
        recordRequest(record, 0);
        socket->abort();
        return;
    case Fault::Kind::Slow: {
        // The state changes and the request is recorded now; only the answer comes late
        // (and never, if the client gives up first).
        const Response response = route(request);
        recordRequest(record, response.status);
        QPointer<EmulatorServer> self(this);
        QTimer::singleShot(fault.delayMs, socket, [self, socket, response] {
            if (self)
                socket->write(self->head(response, response.body.size()) + response.body);
        });
        return;
    }
    case Fault::Kind::Status: {
        Response response = fault.body.isEmpty()
            ? AccountService::error(
                fault.status, fault.status * 100, QStringLiteral("Emulated server error"))
            : Response {fault.status, {{"Content-Type", "application/json"}}, fault.body};
        for (const auto &header : fault.headers)
            response.headers.append(header);
        return send(socket, response, record);
    }
    case Fault::Kind::MalformedJson:
        return send(socket,
            {200, {{"Content-Type", "application/json"}},
                R"({"token_type": "bearer", "access_token": "eyJhbGciOiJIUzI1NiIs)"},
            record);
    case Fault::Kind::HugeBody:
        return streamHugeBody(socket, fault.hugeBytes, record);
    case Fault::Kind::TruncatedBody: {
        const Response response = route(request);
        return send(socket, response, record, response.body.size() / 2);
    }
    case Fault::Kind::Redirect: {
        QUrl target = fault.redirectTarget;
        target.setPath(request.url().path());
        target.setQuery(request.url().query());
        return send(socket,
            {307, {{"Location", target.toEncoded()}, {"Content-Type", "application/json"}}, "{}"},
            record);
    }
    case Fault::Kind::HtmlPage:
        return send(socket,
            {200, {{"Content-Type", "text/html; charset=utf-8"}}, CaptivePortalPage}, record);
    }
}

QByteArray EmulatorServer::head(const Response &response, qint64 contentLength) const
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + reasonPhrase(response.status) + "\r\n";
    head += "Date: " + Smtpd::formatHttpDate(m_accounts.now()) + "\r\n";
    head += "Server: smtpd-emulator\r\n";
    for (const auto &header : response.headers)
        head += header.first + ": " + header.second + "\r\n";
    head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n\r\n";
    return head;
}

void EmulatorServer::send(
    QTcpSocket *socket, const Response &response, RecordedRequest record, qint64 truncateBodyAt)
{
    recordRequest(record, response.status);
    if (truncateBodyAt < 0) {
        socket->write(head(response, response.body.size()) + response.body);
        return;
    }
    socket->write(head(response, response.body.size()) + response.body.left(truncateBodyAt));
    socket->disconnectFromHost(); // after the bytes above are flushed
}

void EmulatorServer::streamHugeBody(QTcpSocket *socket, qint64 total, RecordedRequest record)
{
    recordRequest(record, 200);
    socket->write(head({200, {{"Content-Type", "application/json"}}, {}}, total));
    // Written a chunk at a time as the client reads, so a client that stops reading stops it.
    auto remaining = std::make_shared<qint64>(total);
    QPointer<EmulatorServer> self(this);
    auto pump = [self, socket, remaining] {
        static const QByteArray chunk(64 * 1024, ' ');
        // A QSslSocket encrypts at once: what waits for the network is the encrypted buffer.
        auto *tls = qobject_cast<QSslSocket *>(socket);
        auto pending = [socket, tls] {
            return socket->bytesToWrite() + (tls ? tls->encryptedBytesToWrite() : 0);
        };
        while (*remaining > 0 && pending() < 256 * 1024
            && socket->state() == QAbstractSocket::ConnectedState) {
            const QByteArray piece
                = chunk.left(static_cast<int>(qMin<qint64>(*remaining, chunk.size())));
            socket->write(piece);
            *remaining -= piece.size();
            if (self)
                self->m_hugeBytesWritten += piece.size();
        }
    };
    connect(socket, &QIODevice::bytesWritten, socket, pump);
    if (auto *tls = qobject_cast<QSslSocket *>(socket))
        connect(tls, &QSslSocket::encryptedBytesWritten, socket, pump);
    pump();
}

void EmulatorServer::recordRequest(RecordedRequest record, int status)
{
    record.status = status;
    m_requests.append(record);
    emit requestRecorded(record);
}

QString parseFaultSpec(const QString &spec, Fault *fault)
{
    const QStringList parts = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return QStringLiteral("empty fault");
    *fault = Fault {};
    const QString kind = parts.first().section(QLatin1Char('='), 0, 0).trimmed();
    static const QHash<QString, Fault::Kind> kinds {
        {QStringLiteral("down"), Fault::Kind::Drop},
        {QStringLiteral("drop"), Fault::Kind::Drop},
        {QStringLiteral("slow"), Fault::Kind::Slow},
        {QStringLiteral("status"), Fault::Kind::Status},
        {QStringLiteral("malformed"), Fault::Kind::MalformedJson},
        {QStringLiteral("huge"), Fault::Kind::HugeBody},
        {QStringLiteral("truncated"), Fault::Kind::TruncatedBody},
        {QStringLiteral("redirect"), Fault::Kind::Redirect},
        {QStringLiteral("html"), Fault::Kind::HtmlPage},
    };
    if (!kinds.contains(kind))
        return QStringLiteral("unknown fault kind \u201c%1\u201d").arg(kind);
    fault->kind = kinds.value(kind);
    for (int i = 0; i < parts.size(); ++i) {
        const QString key = parts.at(i).section(QLatin1Char('='), 0, 0).trimmed();
        QString value = parts.at(i).section(QLatin1Char('='), 1);
        if (key == QLatin1String("body")) // the body may hold commas: it takes the rest
            value = QStringList(parts.mid(i)).join(QLatin1Char(',')).section(QLatin1Char('='), 1);
        bool ok = true;
        if (key == QLatin1String("status") && !value.isEmpty())
            fault->status = value.toInt(&ok);
        else if (key == QLatin1String("paths"))
            fault->pathPrefixes = value.split(QLatin1Char(':'), Qt::SkipEmptyParts);
        else if (key == QLatin1String("count"))
            fault->count = value.toInt(&ok);
        else if (key == QLatin1String("delay"))
            fault->delayMs = value.toInt(&ok);
        else if (key == QLatin1String("body")) {
            fault->body = value.toUtf8();
            break;
        } else if (key == QLatin1String("retry-after"))
            fault->headers.append(qMakePair(QByteArray("Retry-After"), value.toLatin1()));
        else if (key == QLatin1String("target"))
            fault->redirectTarget = QUrl(value);
        else if (key == QLatin1String("bytes"))
            fault->hugeBytes = value.toLongLong(&ok);
        else if (key != kind)
            return QStringLiteral("unknown fault setting \u201c%1\u201d").arg(key);
        if (!ok)
            return QStringLiteral("\u201c%1\u201d needs a number").arg(key);
    }
    if (fault->kind == Fault::Kind::Redirect && !fault->redirectTarget.isValid())
        return QStringLiteral("redirect needs target=URL");
    return {};
}

} // namespace SmtpdEmulator
