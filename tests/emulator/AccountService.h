#pragma once

#include "ApiKeyService.h"
#include "BillingService.h"
#include "EmulatorTypes.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace SmtpdEmulator {

// The SMTPD API's documented behaviour, without any transport: users, grants, refresh tokens
// with their 30-day absolute lifespan, HS256 access tokens, /oauth/me and avatars; the
// account endpoints (API keys, billing) are in AccountApi.cpp, their data in ApiKeyService
// and BillingService.
//
// A principal is a user (email + password) or an API key (key + secret). A grant expires the
// earlier refresh tokens of its own principal: a person's sign-in ends their other sign-ins,
// not the sessions of the keys they made, and a key's sign-in ends only that key's. An access
// token of a key's session carries two claims beyond the docs' set: "key_id" and "sid" (the
// session); it stops working when the key is revoked or goes inactive.
class AccountService
{
public:
    static constexpr qint64 RefreshLifespanMs = 30LL * 24 * 60 * 60 * 1000;

    AccountService();

    void addUser(const User &user);
    const QList<User> &users() const { return m_users; }
    // Reads a JSON array of users (see users.example.json). Returns an error text, or empty.
    QString loadUsers(const QByteArray &json);

    // The emulator's clock is the real one plus this offset (to play a server whose clock
    // differs from ours, or to move time forward for expiry and the 30-day limit).
    void setClockOffsetMs(qint64 offset) { m_clockOffsetMs = offset; }
    // Tests may drive the emulator from their own clock (the offset still applies).
    void setTimeSource(std::function<QDateTime()> source) { m_timeSource = std::move(source); }
    qint64 clockOffsetMs() const { return m_clockOffsetMs; }
    QDateTime now() const;

    void setAccessTokenLifetimeSeconds(int seconds) { m_accessLifetimeSeconds = seconds; }
    int accessTokenLifetimeSeconds() const { return m_accessLifetimeSeconds; }
    // When on, each refresh hands out a new refresh token and invalidates the old one.
    void setRefreshRotation(bool on) { m_rotateRefreshTokens = on; }
    bool refreshRotation() const { return m_rotateRefreshTokens; }

    // `client` is recorded with the session (a key's sessions list shows it).
    Response grant(const QByteArray &authorization, const ClientInfo &client = {});
    Response refresh(
        const QByteArray &body, const QByteArray &contentType, const ClientInfo &client = {});
    Response revoke(
        const QByteArray &authorization, const QByteArray &body, const QByteArray &contentType);
    Response me(const QByteArray &authorization);
    Response avatar(const QString &hash, const QString &size, const QString &defaultImage,
        const QByteArray &ifNoneMatch);
    // Everything under /api/v1/ (AccountApi.cpp): API keys and billing.
    Response accountApi(const QByteArray &method, const QString &path,
        const QByteArray &authorization, const QByteArray &body);

    ApiKeyService &apiKeys() { return m_apiKeys; }
    BillingService &billing() { return m_billing; }

    // How many refresh tokens are currently valid (for tests).
    int validRefreshTokenCount() const;
    // The refresh tokens the server would honour now (for tests).
    QStringList liveRefreshTokens() const;
    // Whether this server ever handed out `token` (a refresh token, or an access token it
    // signed, expired or not): tests check that no token reaches another server.
    bool issued(const QString &token) const;

    static Response error(int status, int code, const QString &message);

private:
    // One sign-in: the chain of refresh tokens a grant started (rotation continues it).
    struct SessionRecord
    {
        QString userId;
        QString keyId; // empty for a password sign-in
        qint64 grantedAtMs = 0; // the lifespan counts from the grant
        qint64 lastUsedMs = 0; // the grant, a refresh, or a call with its access token
        ClientInfo client; // of the grant, then of the latest refresh
    };
    struct RefreshRecord
    {
        QString sessionId;
        bool valid = true;
    };

    const User *userById(const QString &id) const;
    // Who the Authorization header names: a bearer JWT (signature and expiry checked; a
    // revoked or inactive key's tokens refused) or Basic with an active API key as the user
    // name. Marks the key and its session used.
    Principal principalFor(const QByteArray &authorization);
    Response tokenResponse(const User &user, const QString &sessionId, const QString &refreshToken);
    QString newSession(const User &user, const QString &keyId, const ClientInfo &client);
    QString newRefreshToken(const QString &sessionId);
    bool isLive(const RefreshRecord &record) const;
    bool isSessionLive(const QString &sessionId) const;
    static QString refreshTokenFromBody(const QByteArray &body, const QByteArray &contentType);
    static Response invalidAccessToken();

    // AccountApi.cpp
    Response listApiKeys(const Principal &principal);
    Response getApiKey(const Principal &principal, const QString &id);
    Response createApiKey(const Principal &principal, const QByteArray &body);
    Response revokeApiKey(const Principal &principal, const QString &id);
    Response apiKeySessions(const Principal &principal, const QString &id);
    const ApiKeyService::Key *keyInAccount(const Principal &principal, const QString &id) const;

    QList<User> m_users;
    ApiKeyService m_apiKeys;
    BillingService m_billing;
    QHash<QString, SessionRecord> m_sessions;
    QHash<QString, RefreshRecord> m_refreshTokens;
    QByteArray m_signingKey;
    qint64 m_clockOffsetMs = 0;
    std::function<QDateTime()> m_timeSource;
    int m_accessLifetimeSeconds = 3600;
    bool m_rotateRefreshTokens = false;
};

} // namespace SmtpdEmulator
