#include "EmulatorServer.h"

#include <QFile>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QUrlQuery>

namespace SmtpdEmulator {

namespace {

QByteArray headerValue(const HttpRequest &request, const QByteArray &name)
{
    for (const auto &header : request.headers())
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second.trimmed();
    return {};
}

const QByteArray CaptivePortalPage = R"(<!DOCTYPE html>
<html><head><title>Hotel Wi-Fi</title></head>
<body><h1>Welcome! Please accept the terms to use the Internet.</h1>
<form method="post"><button>Accept</button></form></body></html>
)";

} // namespace

EmulatorServer::EmulatorServer(QObject *parent)
    : QObject(parent)
{
    m_http.settings().clock = [this] { return m_accounts.now(); };
    connect(&m_http, &HttpServer::requestReceived, this, &EmulatorServer::handleRequest);
    connect(&m_http, &HttpServer::refused, this, &EmulatorServer::requestRefused);
}

QString EmulatorServer::start(const QSslCertificate &certificate, const QSslKey &key, quint16 port)
{
    if (certificate.isNull() || key.isNull())
        return QStringLiteral("the TLS certificate or key could not be read");
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    m_http.settings().tls = tls;
    if (m_http.listen(QHostAddress::LocalHost, port))
        m_port = m_http.serverPort();
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
    // carried a request, and those a client opened ahead and has not used yet.
    m_http.close();
    m_http.abortConnections();
}

bool EmulatorServer::resumeListening()
{
    return m_http.isListening() || m_http.listen(QHostAddress::LocalHost, m_port);
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

void EmulatorServer::handleRequest(HttpConnection *connection, const HttpRequest &request)
{
    RecordedRequest record;
    record.method = request.methodName();
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
        applyFault(fault, request, connection, record);
    else
        send(connection, answer(request), record);
}

// The API's answer: route()'s, and what every answer of an endpoint carries.
Response EmulatorServer::answer(const HttpRequest &request)
{
    Response response = route(request);
    const bool createsKey = request.method() == HttpRequest::Method::Post
        && request.url().path() == QLatin1String("/api/v1/account/api_key");
    if (request.url().path() == QLatin1String("/oauth/token") || createsKey) {
        // RFC 6749 §5.1: answers of the token endpoint are never stored by a cache; nor is the
        // answer that carries a new key's one-time secret.
        response.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store")));
        response.headers.append(qMakePair(QByteArray("Pragma"), QByteArray("no-cache")));
    }
    return response;
}

Response EmulatorServer::route(const HttpRequest &request)
{
    const QString path = request.url().path();
    // HEAD is answered as GET; the HTTP layer leaves the body out.
    const auto method = request.method() == HttpRequest::Method::Head ? HttpRequest::Method::Get
                                                                      : request.method();
    const QByteArray authorization = headerValue(request, "Authorization");
    const QByteArray contentType = headerValue(request, "Content-Type");
    auto onlyAllow = [](const QByteArray &allowed) {
        Response r = AccountService::error(405, 40500, QStringLiteral("Method not allowed"));
        r.headers.append(qMakePair(QByteArray("Allow"), allowed == "GET" ? "GET, HEAD" : allowed));
        return r;
    };

    if (path == QLatin1String("/oauth/token")) {
        if (method != HttpRequest::Method::Post)
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
        if (method != HttpRequest::Method::Post)
            return onlyAllow("POST");
        return m_accounts.revoke(authorization, request.body(), contentType);
    }
    if (path == QLatin1String("/oauth/me")) {
        if (method != HttpRequest::Method::Get)
            return onlyAllow("GET");
        return m_accounts.me(authorization);
    }
    if (path.startsWith(QLatin1String("/avatar/"))) {
        if (method != HttpRequest::Method::Get)
            return onlyAllow("GET");
        const QUrlQuery query = request.query();
        return m_accounts.avatar(path.mid(8), query.queryItemValue(QStringLiteral("s")),
            query.queryItemValue(QStringLiteral("d")), headerValue(request, "If-None-Match"));
    }
    if (path.startsWith(QLatin1String("/api/v1/"))) // API keys and billing
        return m_accounts.accountApi(request.methodName(), path, authorization, request.body());
    return AccountService::error(404, 40400, QStringLiteral("Not found"));
}

void EmulatorServer::applyFault(const Fault &fault, const HttpRequest &request,
    HttpConnection *connection, RecordedRequest record)
{
    switch (fault.kind) {
    case Fault::Kind::Drop:
        recordRequest(record, 0);
        connection->abort();
        return;
    case Fault::Kind::Slow: {
        // The state changes and the request is recorded now; only the answer comes late
        // (and never, if the client gives up first).
        const Response response = answer(request);
        recordRequest(record, response.status);
        QTimer::singleShot(
            fault.delayMs, connection, [connection, response] { connection->respond(response); });
        return;
    }
    case Fault::Kind::Status: {
        Response response = fault.body.isEmpty()
            ? AccountService::error(
                fault.status, fault.status * 100, QStringLiteral("Emulated server error"))
            : Response {fault.status, {{"Content-Type", "application/json"}}, fault.body};
        for (const auto &header : fault.headers)
            response.headers.append(header);
        return send(connection, response, record);
    }
    case Fault::Kind::MalformedJson:
        return send(connection,
            {200, {{"Content-Type", "application/json"}},
                R"({"token_type": "bearer", "access_token": "eyJhbGciOiJIUzI1NiIs)"},
            record);
    case Fault::Kind::HugeBody: {
        recordRequest(record, 200);
        // Written a chunk at a time as the client reads, so a client that stops reading
        // stops it.
        QPointer<EmulatorServer> self(this);
        connection->respondStreamed({200, {{"Content-Type", "application/json"}}, {}},
            fault.hugeBytes, [self](qint64 written) {
                if (self)
                    self->m_hugeBytesWritten += written;
            });
        return;
    }
    case Fault::Kind::TruncatedBody: {
        const Response response = answer(request);
        recordRequest(record, response.status);
        connection->respondTruncated(response, response.body.size() / 2);
        return;
    }
    case Fault::Kind::Redirect: {
        QUrl target = fault.redirectTarget;
        target.setPath(request.url().path());
        target.setQuery(request.url().query());
        return send(connection,
            {307, {{"Location", target.toEncoded()}, {"Content-Type", "application/json"}}, "{}"},
            record);
    }
    case Fault::Kind::HtmlPage:
        return send(connection,
            {200, {{"Content-Type", "text/html; charset=utf-8"}}, CaptivePortalPage}, record);
    }
}

void EmulatorServer::send(
    HttpConnection *connection, const Response &response, RecordedRequest record)
{
    recordRequest(record, response.status);
    connection->respond(response);
}

void EmulatorServer::recordRequest(RecordedRequest record, int status)
{
    record.status = status;
    m_requests.append(record);
    emit requestRecorded(record);
}

} // namespace SmtpdEmulator
