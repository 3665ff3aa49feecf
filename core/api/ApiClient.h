#pragma once

#include "ApiError.h"
#include "RequestPolicy.h"
#include "Role.h"
#include "TypedReplies.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkRequest;

namespace Smtpd {

class Clock;

// The SMTPD API over HTTPS: one method per endpoint, each returning a reply object that
// emits finished() once. It uses the process's one QNetworkAccessManager (injected) and
// enforces the transport rules: https only, extra CAs only when configured, no redirect to
// another origin, a timeout and a size cap (see RequestPolicy).
class ApiClient final : public QObject
{
    Q_OBJECT

public:
    ApiClient(QNetworkAccessManager *network, const Clock *clock, QObject *parent = nullptr);

    // Sets the server. Refuses (and returns the reason) a URL that is not https; requests
    // made while no valid server is set fail with a Configuration error.
    QString setServer(const QUrl &baseUrl, const QList<QSslCertificate> &extraCaCertificates = {});
    QUrl baseUrl() const { return m_baseUrl; }
    bool isConfigured() const { return m_baseUrl.isValid(); }

    void setRequestPolicy(const RequestPolicy &policy) { m_policy = policy; }
    const RequestPolicy &requestPolicy() const { return m_policy; }

    // POST /oauth/token?grant_type=password with HTTP Basic: email:password or key:secret.
    TokenReply *grantPassword(const QString &username, const QString &secret);
    // POST /oauth/token?grant_type=refresh_token with {"refresh_token": ...}.
    TokenReply *refresh(const QString &refreshToken);
    // POST /oauth/revoke with the bearer token and {"refresh_token": ...}.
    ApiReply *revoke(const QString &accessToken, const QString &refreshToken);
    // GET /oauth/me with the bearer token.
    ProfileReply *me(const QString &accessToken);

    // ---- Account calls, each with the bearer token (see SMTPD-API "Account endpoints"). A
    // 403 finishes with ApiError::Kind::Forbidden. An id that is not a plain identifier
    // (letters, digits, '-', '_', '.', '~') fails with a Configuration error, unsent.
    // GET /api/v1/account/api_key
    ApiKeyListReply *listApiKeys(const QString &accessToken);
    // GET /api/v1/account/api_key/:id
    ApiKeyReply *apiKey(const QString &accessToken, const QString &id);
    // POST /api/v1/account/api_key {"name", "role"}. `role` must be one an API key may have
    // (isApiKeyRole()); the name is the server's to judge (an empty one gets its 400).
    NewApiKeyReply *createApiKey(const QString &accessToken, const QString &name, ApiRole role);
    // PUT /api/v1/account/api_key/:id/revoke
    ApiKeyRevokeReply *revokeApiKey(const QString &accessToken, const QString &id);
    // GET /api/v1/account/api_key/:id/sessions
    ApiKeySessionsReply *apiKeySessions(const QString &accessToken, const QString &id);
    // GET /api/v1/account/billing/plan/current
    PlanReply *currentPlan(const QString &accessToken);
    // GET /api/v1/account/billing/usage (the last 30 days)
    UsageReply *usage(const QString &accessToken);
    // GET /api/v1/billing/plan: the public plan catalogue.
    PlanListReply *plans(const QString &accessToken);
    // GET /api/v1/billing/plan/:id
    PlanReply *catalogPlan(const QString &accessToken, const QString &planId);

private:
    QNetworkRequest makeRequest(const QString &path, const QString &query = {}) const;
    template<typename Reply>
    Reply *send(Reply *reply, const QNetworkRequest &request, const QByteArray &verb,
        const QByteArray &body);
    static QByteArray jsonBody(const char *key, const QString &value);
    // Whether the connection may carry later requests. An answer holding a one-time secret
    // closes it, so the socket's buffers (which keep the last bytes read) are freed, and so
    // overwritten (app/ZeroOnFree.cpp), instead of holding the secret until the next answer.
    enum class Connection { KeepAlive, CloseAfterAnswer };
    template<typename Reply>
    Reply *sendBearer(Reply *reply, const QString &accessToken, const QString &path,
        const QByteArray &verb, const QByteArray &jsonPayload = {},
        Connection connection = Connection::KeepAlive);
    // Checks `id` for a path segment; false (and `reply` failing later) when it is not one.
    bool checkId(ApiReply *reply, const QString &id, const QString &what);

    QNetworkAccessManager *m_network;
    const Clock *m_clock;
    QUrl m_baseUrl;
    QString m_configurationProblem;
    QList<QSslCertificate> m_extraCaCertificates;
    RequestPolicy m_policy;
};

} // namespace Smtpd
