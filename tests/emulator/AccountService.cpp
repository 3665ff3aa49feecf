#include "AccountService.h"

#include "AvatarImage.h"
#include "HmacJwt.h"
#include "Roles.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QUuid>

namespace SmtpdEmulator {

namespace {
constexpr int CodeAuthenticationRequired = 40100;
constexpr int CodeAccessTokenInvalid = 40101;
constexpr int CodeBadCredentials = 40102;
constexpr int CodeRefreshTokenInvalid = 40106;
constexpr int CodeBadRequest = 40000;

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes;
}

Response json(int status, const QJsonObject &object)
{
    return {status, {{"Content-Type", "application/json; charset=utf-8"}},
        QJsonDocument(object).toJson(QJsonDocument::Compact)};
}

QString emailHashInput(const QString &email)
{
    return email.trimmed().toLower();
}
} // namespace

AccountService::AccountService()
    : m_signingKey(randomBytes(32))
{ }

QDateTime AccountService::now() const
{
    const QDateTime base = m_timeSource ? m_timeSource() : QDateTime::currentDateTimeUtc();
    return base.addMSecs(m_clockOffsetMs);
}

void AccountService::addUser(const User &user)
{
    m_users.append(user);
    const qint64 nowMs = now().toMSecsSinceEpoch();
    for (const ApiKeyCredential &credential : user.apiKeys)
        m_apiKeys.addConfigured(user, credential, nowMs);
    m_billing.setAccount(user.accountId, user.planId, user.usage);
}

QString AccountService::loadUsers(const QByteArray &data)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (!document.isArray())
        return QStringLiteral("the users file must hold a JSON array of users (%1)")
            .arg(parseError.errorString());
    for (const QJsonValue &value : document.array()) {
        const QJsonObject o = value.toObject();
        User user;
        user.email = o.value(QStringLiteral("email_address")).toString();
        user.password = o.value(QStringLiteral("password")).toString();
        if (user.email.isEmpty() || user.password.isEmpty())
            return QStringLiteral("every user needs email_address and password");
        user.id = o.value(QStringLiteral("id"))
                      .toString(QUuid::createUuid().toString(QUuid::WithoutBraces));
        user.accountId = o.value(QStringLiteral("account_id"))
                             .toString(QUuid::createUuid().toString(QUuid::WithoutBraces));
        user.firstName = o.value(QStringLiteral("first_name")).toString();
        user.surname = o.value(QStringLiteral("surname")).toString();
        user.gravatarUrl = o.value(QStringLiteral("gravatar_url")).toString();
        user.isOwner = o.value(QStringLiteral("is_owner")).toBool(user.isOwner);
        user.role = o.value(QStringLiteral("role"))
                        .toString(user.isOwner ? QStringLiteral("owner") : QStringLiteral("admin"));
        if (!Roles::all().contains(user.role))
            return QStringLiteral("%1: unknown role \u201c%2\u201d (one of %3)")
                .arg(user.email, user.role, Roles::all().join(QStringLiteral(", ")));
        user.planId = o.value(QStringLiteral("plan")).toString();
        if (!user.planId.isEmpty() && !m_billing.hasPlan(user.planId))
            return QStringLiteral("%1: unknown plan \u201c%2\u201d").arg(user.email, user.planId);
        const QJsonObject usage = o.value(QStringLiteral("usage")).toObject();
        for (auto it = usage.begin(); it != usage.end(); ++it) {
            if (!BillingService::categories().contains(it.key()) || it.value().toInteger(-1) < 0)
                return QStringLiteral("%1: usage needs counts of %2")
                    .arg(user.email, BillingService::categories().join(QStringLiteral(", ")));
            user.usage.insert(it.key(), it.value().toInteger());
        }
        user.isVerified = o.value(QStringLiteral("is_verified")).toBool(user.isVerified);
        user.hasPicture = o.value(QStringLiteral("has_picture")).toBool(false);
        user.createdAtMs = o.value(QStringLiteral("created_at_utc")).toInteger(user.createdAtMs);
        user.modifiedAtMs = o.value(QStringLiteral("modified_at_utc")).toInteger(user.modifiedAtMs);
        for (const QJsonValue &entry : o.value(QStringLiteral("api_keys")).toArray()) {
            const QJsonObject k = entry.toObject();
            ApiKeyCredential key;
            key.key = k.value(QStringLiteral("key")).toString();
            key.secret = k.value(QStringLiteral("secret")).toString();
            key.name = k.value(QStringLiteral("name")).toString();
            key.role = k.value(QStringLiteral("role")).toString(key.role);
            key.id = k.value(QStringLiteral("id")).toString();
            if (key.key.isEmpty() || key.secret.isEmpty() || key.key.contains(QLatin1Char(':')))
                return QStringLiteral("%1: every API key needs a key (without ':') and a secret")
                    .arg(user.email);
            if (!Roles::forApiKeys().contains(key.role))
                return QStringLiteral("%1: an API key's role is one of %2")
                    .arg(user.email, Roles::forApiKeys().join(QStringLiteral(", ")));
            user.apiKeys.append(key);
        }
        addUser(user);
    }
    return {};
}

Response AccountService::error(int status, int code, const QString &message)
{
    return json(status, {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}});
}

Response AccountService::invalidAccessToken()
{
    return error(
        401, CodeAccessTokenInvalid, QStringLiteral("Access token is invalid or has expired"));
}

const User *AccountService::userById(const QString &id) const
{
    for (const User &user : m_users)
        if (user.id == id)
            return &user;
    return nullptr;
}

Principal AccountService::principalFor(const QByteArray &authorization)
{
    const int space = authorization.indexOf(' ');
    const QByteArray scheme = authorization.left(space).toLower();
    const QByteArray credentials = authorization.mid(space + 1).trimmed();
    if (space < 0 || credentials.isEmpty())
        return {};
    const qint64 nowMs = now().toMSecsSinceEpoch();
    if (scheme == "bearer") {
        QJsonObject payload;
        if (!verifyJwt(credentials, m_signingKey, &payload))
            return {};
        if (payload.value(QStringLiteral("exp")).toInteger() <= now().toSecsSinceEpoch())
            return {};
        const User *user = userById(payload.value(QStringLiteral("id")).toString());
        if (!user)
            return {};
        const QString keyId = payload.value(QStringLiteral("key_id")).toString();
        if (keyId.isEmpty())
            return {user, {}, user->role};
        const ApiKeyService::Key *key = m_apiKeys.find(keyId);
        if (!key || !m_apiKeys.isActive(*key, nowMs))
            return {};
        const QString role = key->role;
        m_apiKeys.touch(keyId, nowMs);
        auto session = m_sessions.find(payload.value(QStringLiteral("sid")).toString());
        if (session != m_sessions.end())
            session->lastUsedMs = qMax(session->lastUsedMs, nowMs);
        return {user, keyId, role};
    }
    if (scheme == "basic") {
        // The docs: the API key as the user name, no password needed.
        const QByteArray decoded = QByteArray::fromBase64(credentials);
        const QString keyText = QString::fromUtf8(decoded.left(decoded.indexOf(':')));
        const ApiKeyService::Key *key = m_apiKeys.findByKey(keyText);
        const User *user = key ? userById(key->userId) : nullptr;
        if (!user || !m_apiKeys.isActive(*key, nowMs))
            return {};
        const Principal principal {user, key->id, key->role};
        m_apiKeys.touch(key->id, nowMs);
        return principal;
    }
    return {};
}

QString AccountService::newSession(const User &user, const QString &keyId, const ClientInfo &client)
{
    const qint64 nowMs = now().toMSecsSinceEpoch();
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_sessions.insert(id, {user.id, keyId, nowMs, nowMs, client});
    return id;
}

QString AccountService::newRefreshToken(const QString &sessionId)
{
    // 96 random bytes are 128 url-safe characters, like the documented tokens.
    const QString token = QString::fromLatin1(
        randomBytes(96).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    m_refreshTokens.insert(token, {sessionId, true});
    return token;
}

// Valid, within the 30 days of its grant, and (for a key's session) the key still active.
bool AccountService::isLive(const RefreshRecord &record) const
{
    const auto session = m_sessions.constFind(record.sessionId);
    if (!record.valid || session == m_sessions.cend())
        return false;
    const qint64 nowMs = now().toMSecsSinceEpoch();
    if (nowMs >= session->grantedAtMs + RefreshLifespanMs)
        return false;
    if (session->keyId.isEmpty())
        return true;
    const ApiKeyService::Key *key = m_apiKeys.find(session->keyId);
    return key && m_apiKeys.isActive(*key, nowMs);
}

bool AccountService::isSessionLive(const QString &sessionId) const
{
    for (const RefreshRecord &record : m_refreshTokens)
        if (record.sessionId == sessionId && isLive(record))
            return true;
    return false;
}

Response AccountService::tokenResponse(
    const User &user, const QString &sessionId, const QString &refreshToken)
{
    const SessionRecord session = m_sessions.value(sessionId);
    const ApiKeyService::Key *key = m_apiKeys.find(session.keyId);
    const QString role = key ? key->role : user.role;
    const qint64 exp = now().toSecsSinceEpoch() + m_accessLifetimeSeconds;
    const QString name = QString(user.firstName + QLatin1Char(' ') + user.surname).trimmed();
    QJsonObject claims {
        {QStringLiteral("account_id"), user.accountId},
        {QStringLiteral("exp"), exp},
        {QStringLiteral("id"), user.id},
        {QStringLiteral("is_account_verified"), user.isVerified},
        {QStringLiteral("iss"), QStringLiteral("SMTPD Inc")},
        {QStringLiteral("name"), name},
        {QStringLiteral("scope"), QJsonArray {1}},
        {QStringLiteral("sub"), user.email},
        {QStringLiteral("subject"), user.email},
    };
    if (key) { // beyond the docs' claims: which key, which of its sessions
        claims.insert(QStringLiteral("key_id"), key->id);
        claims.insert(QStringLiteral("sid"), sessionId);
    }
    return json(200,
        {
            {QStringLiteral("token_type"), QStringLiteral("bearer")},
            {QStringLiteral("access_token"), QString::fromLatin1(signJwt(claims, m_signingKey))},
            {QStringLiteral("expires_at"), exp * 1000},
            {QStringLiteral("Scope"), QJsonArray {Roles::scopeFor(role)}},
            {QStringLiteral("refresh_token"), refreshToken},
        });
}

Response AccountService::grant(const QByteArray &authorization, const ClientInfo &client)
{
    if (!authorization.toLower().startsWith("basic "))
        return error(401, CodeAuthenticationRequired, QStringLiteral("Authentication is required"));
    const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
    const int colon = decoded.indexOf(':');
    const QString name = QString::fromUtf8(decoded.left(colon));
    const QString secret = QString::fromUtf8(decoded.mid(colon + 1));
    const qint64 nowMs = now().toMSecsSinceEpoch();
    const User *match = nullptr;
    QString keyId;
    for (const User &user : m_users)
        if (colon > 0 && user.email.compare(name.trimmed(), Qt::CaseInsensitive) == 0
            && user.password == secret)
            match = &user;
    if (const ApiKeyService::Key *key = colon > 0 ? m_apiKeys.match(name, secret) : nullptr;
        !match && key && m_apiKeys.isActive(*key, nowMs)) {
        // A revoked key, or one unused for 90 days, signs in no more (below: 40102).
        match = userById(key->userId);
        keyId = key->id;
    }
    if (!match)
        return error(
            403, CodeBadCredentials, QStringLiteral("Username and password are incorrect"));
    // "Existing Refresh Tokens are expired when a new Grant Token is successful": those of
    // the same principal (this user's password sign-ins, or this key's).
    for (RefreshRecord &record : m_refreshTokens) {
        const SessionRecord session = m_sessions.value(record.sessionId);
        if (session.userId == match->id && session.keyId == keyId)
            record.valid = false;
    }
    if (!keyId.isEmpty())
        m_apiKeys.touch(keyId, nowMs);
    const QString sessionId = newSession(*match, keyId, client);
    return tokenResponse(*match, sessionId, newRefreshToken(sessionId));
}

QString AccountService::refreshTokenFromBody(const QByteArray &body, const QByteArray &contentType)
{
    if (contentType.toLower().startsWith("application/x-www-form-urlencoded"))
        return QUrlQuery(QString::fromUtf8(body))
            .queryItemValue(QStringLiteral("refresh_token"), QUrl::FullyDecoded);
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("refresh_token")).toString();
}

Response AccountService::refresh(
    const QByteArray &body, const QByteArray &contentType, const ClientInfo &client)
{
    const QString token = refreshTokenFromBody(body, contentType);
    auto it = m_refreshTokens.find(token);
    const bool alive = it != m_refreshTokens.end() && isLive(*it);
    auto session = alive ? m_sessions.find(it->sessionId) : m_sessions.end();
    const User *user = session != m_sessions.end() ? userById(session->userId) : nullptr;
    if (!user)
        return error(403, CodeRefreshTokenInvalid, QStringLiteral("Refresh token is invalid"));
    const qint64 nowMs = now().toMSecsSinceEpoch();
    session->lastUsedMs = nowMs;
    if (!client.address.isEmpty() || !client.userAgent.isEmpty())
        session->client = client;
    if (!session->keyId.isEmpty())
        m_apiKeys.touch(session->keyId, nowMs);
    const QString sessionId = it->sessionId;
    QString handedOut = token;
    if (m_rotateRefreshTokens) {
        it->valid = false;
        handedOut = newRefreshToken(sessionId); // the same session: the lifespan does not restart
    }
    return tokenResponse(*user, sessionId, handedOut);
}

Response AccountService::revoke(
    const QByteArray &authorization, const QByteArray &body, const QByteArray &contentType)
{
    const Principal principal = principalFor(authorization);
    if (!principal || !authorization.toLower().startsWith("bearer "))
        return invalidAccessToken();
    auto it = m_refreshTokens.find(refreshTokenFromBody(body, contentType));
    // Past its 30-day lifespan (or its key revoked) a token is as dead here as for a refresh.
    if (it == m_refreshTokens.end() || !isLive(*it)
        || m_sessions.value(it->sessionId).userId != principal.user->id)
        return error(401, CodeRefreshTokenInvalid, QStringLiteral("Refresh token is invalid"));
    it->valid = false;
    return json(200, {});
}

Response AccountService::me(const QByteArray &authorization)
{
    if (authorization.isEmpty())
        return error(401, CodeAuthenticationRequired, QStringLiteral("Authentication is required"));
    const Principal principal = principalFor(authorization);
    if (!principal)
        return invalidAccessToken();
    const User *user = principal.user;
    return json(200,
        {
            {QStringLiteral("id"), user->id},
            {QStringLiteral("account_id"), user->accountId},
            {QStringLiteral("email_address"), user->email},
            {QStringLiteral("first_name"), user->firstName},
            {QStringLiteral("surname"), user->surname},
            {QStringLiteral("gravatar_url"), user->gravatarUrl},
            {QStringLiteral("is_owner"), user->isOwner},
            {QStringLiteral("is_verified"), user->isVerified},
            {QStringLiteral("created_at_utc"), user->createdAtMs},
            {QStringLiteral("modified_at_utc"), user->modifiedAtMs},
        });
}

Response AccountService::avatar(const QString &hash, const QString &size,
    const QString &defaultImage, const QByteArray &ifNoneMatch)
{
    const QString wanted = hash.toLower();
    const bool md5 = wanted.size() == 32, sha256 = wanted.size() == 64;
    if ((!md5 && !sha256) || wanted.contains(QRegularExpression(QStringLiteral("[^0-9a-f]"))))
        return {404, {{"Content-Type", "text/plain"}}, "Not Found"};
    const User *owner = nullptr;
    for (const User &user : m_users) {
        const QByteArray input = emailHashInput(user.email).toUtf8();
        const QByteArray digest = QCryptographicHash::hash(
            input, md5 ? QCryptographicHash::Md5 : QCryptographicHash::Sha256);
        if (user.hasPicture && QString::fromLatin1(digest.toHex()) == wanted)
            owner = &user;
    }
    if (!owner && defaultImage == QLatin1String("404"))
        return {
            404, {{"Content-Type", "text/plain"}, {"Cache-Control", "max-age=300"}}, "Not Found"};

    bool ok = false;
    const int pixels = qBound(1, size.isEmpty() ? 80 : size.toInt(&ok), 2048);
    const QByteArray etag = '"' + wanted.left(16).toLatin1() + '-' + QByteArray::number(pixels)
        + (owner ? "-p" : "-d") + '"';
    HeaderList headers {{"Cache-Control", "max-age=300"}, {"ETag", etag}};
    if (!ifNoneMatch.isEmpty() && ifNoneMatch == etag)
        return {304, headers, {}};
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("image/png")));
    return {200, headers, owner ? avatarPng(wanted, pixels) : defaultAvatarPng(pixels)};
}

int AccountService::validRefreshTokenCount() const
{
    int count = 0;
    for (const RefreshRecord &record : m_refreshTokens)
        count += isLive(record);
    return count;
}

QStringList AccountService::liveRefreshTokens() const
{
    QStringList live;
    for (auto it = m_refreshTokens.cbegin(); it != m_refreshTokens.cend(); ++it)
        if (isLive(*it))
            live.append(it.key());
    return live;
}

bool AccountService::issued(const QString &token) const
{
    if (m_refreshTokens.contains(token))
        return true;
    QJsonObject payload;
    return verifyJwt(token.toLatin1(), m_signingKey, &payload);
}

} // namespace SmtpdEmulator
