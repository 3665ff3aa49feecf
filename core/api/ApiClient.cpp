#include "ApiClient.h"

#include "../Logging.h"
#include "ServerConfig.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace Smtpd {

ApiClient::ApiClient(QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
    , m_configurationProblem(tr("No SMTPD server address is set."))
{ }

QString ApiClient::setServer(const QUrl &baseUrl, const QList<QSslCertificate> &extraCas)
{
    const QString problem = validateApiUrl(baseUrl);
    if (!problem.isEmpty()) {
        m_baseUrl = QUrl();
        m_configurationProblem = problem;
        return problem;
    }
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    // QNetworkAccessManager keeps a connection per host with the TLS settings it was opened
    // with: new trust for the same server needs new connections.
    if (m_baseUrl.isValid() && extraCas != m_extraCaCertificates)
        m_network->clearConnectionCache();
    m_baseUrl = url;
    m_extraCaCertificates = extraCas;
    m_configurationProblem.clear();
    return {};
}

QNetworkRequest ApiClient::makeRequest(const QString &path, const QString &query) const
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader,
        QStringLiteral("SMTPD-Accounts/%1").arg(QLatin1String(SMTPD_VERSION)));
    // Redirects are checked one by one in ApiReply: only the configured origin is followed.
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    // HTTP/1.1 only: a few small calls gain nothing from HTTP/2, and Qt's HTTP/2 client is a
    // second, less travelled code path for timeouts, aborts and redirects that the tests (and
    // the emulator, which speaks HTTP/1.1) would not cover.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // API answers hold secrets: never cached, never served from a cache.
    request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (!m_extraCaCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_extraCaCertificates);
        request.setSslConfiguration(tls);
    }
    return request;
}

QByteArray ApiClient::jsonBody(const char *key, const QString &value)
{
    return QJsonDocument(QJsonObject {{QLatin1String(key), value}}).toJson(QJsonDocument::Compact);
}

template<typename Reply>
Reply *ApiClient::send(
    Reply *reply, const QNetworkRequest &request, const QByteArray &verb, const QByteArray &body)
{
    if (!isConfigured()) {
        reply->failLater(ApiError::configuration(m_configurationProblem));
        return reply;
    }
    qCDebug(lcApi) << verb.constData() << request.url().path();
    QNetworkReply *networkReply = verb == "GET" ? m_network->get(request)
                                                : m_network->sendCustomRequest(request, verb, body);
    reply->start(networkReply, m_policy, m_clock);
    return reply;
}

static QByteArray basicAuthorization(const QString &username, const QString &secret)
{
    return "Basic " + (username + QLatin1Char(':') + secret).toUtf8().toBase64();
}

static QByteArray bearerAuthorization(const QString &accessToken)
{
    return "Bearer " + accessToken.toUtf8();
}

TokenReply *ApiClient::grantPassword(const QString &username, const QString &secret)
{
    auto *reply = new TokenReply(this);
    QNetworkRequest request
        = makeRequest(QStringLiteral("/oauth/token"), QStringLiteral("grant_type=password"));
    if (username.isEmpty() || secret.isEmpty()) {
        reply->failLater(ApiError::configuration(
            tr("Enter both your email (or API key) and your password (or secret).")));
        return reply;
    }
    request.setRawHeader("Authorization", basicAuthorization(username, secret));
    return send(reply, request, "POST", QByteArray());
}

TokenReply *ApiClient::refresh(const QString &refreshToken)
{
    auto *reply = new TokenReply(this);
    QNetworkRequest request
        = makeRequest(QStringLiteral("/oauth/token"), QStringLiteral("grant_type=refresh_token"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return send(reply, request, "POST", jsonBody("refresh_token", refreshToken));
}

ApiReply *ApiClient::revoke(const QString &accessToken, const QString &refreshToken)
{
    auto *reply = new RevokeReply(this);
    QNetworkRequest request = makeRequest(QStringLiteral("/oauth/revoke"));
    request.setRawHeader("Authorization", bearerAuthorization(accessToken));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return send(reply, request, "POST", jsonBody("refresh_token", refreshToken));
}

ProfileReply *ApiClient::me(const QString &accessToken)
{
    auto *reply = new ProfileReply(this);
    QNetworkRequest request = makeRequest(QStringLiteral("/oauth/me"));
    request.setRawHeader("Authorization", bearerAuthorization(accessToken));
    return send(reply, request, "GET", QByteArray());
}

// ---- Account calls ---------------------------------------------------------------------

template<typename Reply>
Reply *ApiClient::sendBearer(Reply *reply, const QString &accessToken, const QString &path,
    const QByteArray &verb, const QByteArray &jsonPayload, Connection connection)
{
    QNetworkRequest request = makeRequest(path);
    request.setRawHeader("Authorization", bearerAuthorization(accessToken));
    if (connection == Connection::CloseAfterAnswer)
        request.setRawHeader("Connection", "close");
    if (!jsonPayload.isEmpty())
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return send(reply, request, verb, jsonPayload);
}

bool ApiClient::checkId(ApiReply *reply, const QString &id, const QString &what)
{
    // Only unreserved URL characters: an id never changes the path it is put into.
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9._~-]{1,200}$"));
    if (plain.match(id).hasMatch() && id != QLatin1String(".") && id != QLatin1String(".."))
        return true;
    reply->failLater(
        ApiError::configuration(tr("\u201c%1\u201d is not a valid %2 id.").arg(id.left(60), what)));
    return false;
}

ApiKeyListReply *ApiClient::listApiKeys(const QString &accessToken)
{
    return sendBearer(
        new ApiKeyListReply(this), accessToken, QStringLiteral("/api/v1/account/api_key"), "GET");
}

ApiKeyReply *ApiClient::apiKey(const QString &accessToken, const QString &id)
{
    auto *reply = new ApiKeyReply(this);
    if (!checkId(reply, id, tr("API key")))
        return reply;
    return sendBearer(reply, accessToken, QStringLiteral("/api/v1/account/api_key/") + id, "GET");
}

NewApiKeyReply *ApiClient::createApiKey(
    const QString &accessToken, const QString &name, ApiRole role)
{
    auto *reply = new NewApiKeyReply(this);
    if (!isApiKeyRole(role)) {
        reply->failLater(ApiError::configuration(
            tr("An API key cannot have the role \u201c%1\u201d: choose iac, "
               "standard, read_only or send_only.")
                .arg(roleName(role))));
        return reply;
    }
    const QByteArray body = QJsonDocument(
        QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("role"), roleName(role)}})
                                .toJson(QJsonDocument::Compact);
    return sendBearer(reply, accessToken, QStringLiteral("/api/v1/account/api_key"), "POST", body,
        Connection::CloseAfterAnswer);
}

ApiKeyRevokeReply *ApiClient::revokeApiKey(const QString &accessToken, const QString &id)
{
    auto *reply = new ApiKeyRevokeReply(this);
    if (!checkId(reply, id, tr("API key")))
        return reply;
    return sendBearer(
        reply, accessToken, QStringLiteral("/api/v1/account/api_key/%1/revoke").arg(id), "PUT");
}

ApiKeySessionsReply *ApiClient::apiKeySessions(const QString &accessToken, const QString &id)
{
    auto *reply = new ApiKeySessionsReply(this);
    if (!checkId(reply, id, tr("API key")))
        return reply;
    return sendBearer(
        reply, accessToken, QStringLiteral("/api/v1/account/api_key/%1/sessions").arg(id), "GET");
}

PlanReply *ApiClient::currentPlan(const QString &accessToken)
{
    return sendBearer(new PlanReply(this), accessToken,
        QStringLiteral("/api/v1/account/billing/plan/current"), "GET");
}

UsageReply *ApiClient::usage(const QString &accessToken)
{
    return sendBearer(
        new UsageReply(this), accessToken, QStringLiteral("/api/v1/account/billing/usage"), "GET");
}

PlanListReply *ApiClient::plans(const QString &accessToken)
{
    return sendBearer(
        new PlanListReply(this), accessToken, QStringLiteral("/api/v1/billing/plan"), "GET");
}

PlanReply *ApiClient::catalogPlan(const QString &accessToken, const QString &planId)
{
    auto *reply = new PlanReply(this);
    if (!checkId(reply, planId, QStringLiteral("plan")))
        return reply;
    return sendBearer(reply, accessToken, QStringLiteral("/api/v1/billing/plan/") + planId, "GET");
}

} // namespace Smtpd
