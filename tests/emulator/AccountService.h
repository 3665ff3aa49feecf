#pragma once

#include "EmulatorTypes.h"

#include <QHash>
#include <QJsonObject>

#include <functional>

namespace SmtpdEmulator {

// The SMTPD API's documented behaviour, without any transport: users, grants, refresh tokens
// with their 30-day absolute lifespan, HS256 access tokens, /oauth/me and avatars.
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

    Response grant(const QByteArray &authorization);
    Response refresh(const QByteArray &body, const QByteArray &contentType);
    Response revoke(
        const QByteArray &authorization, const QByteArray &body, const QByteArray &contentType);
    Response me(const QByteArray &authorization);
    Response avatar(const QString &hash, const QString &size, const QString &defaultImage,
        const QByteArray &ifNoneMatch);

    // How many refresh tokens are currently valid (for tests).
    int validRefreshTokenCount() const;
    // The refresh tokens the server would honour now (for tests).
    QStringList liveRefreshTokens() const;
    // Whether this server ever handed out `token` (a refresh token, or an access token it
    // signed, expired or not): tests check that no token reaches another server.
    bool issued(const QString &token) const;

    static Response error(int status, int code, const QString &message);

private:
    struct RefreshRecord
    {
        QString userId;
        qint64 grantedAtMs = 0; // the grant that started this chain: the lifespan counts from it
        bool valid = true;
    };

    const User *userById(const QString &id) const;
    const User *userForBearer(const QByteArray &authorization) const;
    Response tokenResponse(const User &user, const QString &refreshToken);
    QString newRefreshToken(const QString &userId, qint64 grantedAtMs);
    static QString refreshTokenFromBody(const QByteArray &body, const QByteArray &contentType);
    static Response invalidAccessToken();

    QList<User> m_users;
    QHash<QString, RefreshRecord> m_refreshTokens;
    QByteArray m_signingKey;
    qint64 m_clockOffsetMs = 0;
    std::function<QDateTime()> m_timeSource;
    int m_accessLifetimeSeconds = 3600;
    bool m_rotateRefreshTokens = false;
};

} // namespace SmtpdEmulator
