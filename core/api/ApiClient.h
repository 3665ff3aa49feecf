#pragma once

#include "ApiError.h"
#include "RequestPolicy.h"
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

private:
    QNetworkRequest makeRequest(const QString &path, const QString &query = {}) const;
    template<typename Reply>
    Reply *send(Reply *reply, const QNetworkRequest &request, const QByteArray &verb,
        const QByteArray &body);
    static QByteArray jsonBody(const char *key, const QString &value);

    QNetworkAccessManager *m_network;
    const Clock *m_clock;
    QUrl m_baseUrl;
    QString m_configurationProblem;
    QList<QSslCertificate> m_extraCaCertificates;
    RequestPolicy m_policy;
};

} // namespace Smtpd
