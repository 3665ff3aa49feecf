#include "AccountService.h"

#include "AvatarImage.h"
#include "HmacJwt.h"

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
        user.role = o.value(QStringLiteral("role")).toString(user.role);
        user.isOwner = o.value(QStringLiteral("is_owner")).toBool(user.isOwner);
        user.isVerified = o.value(QStringLiteral("is_verified")).toBool(user.isVerified);
        user.hasPicture = o.value(QStringLiteral("has_picture")).toBool(false);
        user.createdAtMs = o.value(QStringLiteral("created_at_utc")).toInteger(user.createdAtMs);
        user.modifiedAtMs = o.value(QStringLiteral("modified_at_utc")).toInteger(user.modifiedAtMs);
        for (const QJsonValue &key : o.value(QStringLiteral("api_keys")).toArray())
            user.apiKeys.append({key.toObject().value(QStringLiteral("key")).toString(),
                key.toObject().value(QStringLiteral("secret")).toString()});
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

// Bearer JWT (signature and expiry checked), or Basic with an API key as the user name.
const User *AccountService::userForBearer(const QByteArray &authorization) const
{
    const int space = authorization.indexOf(' ');
    const QByteArray scheme = authorization.left(space).toLower();
    const QByteArray credentials = authorization.mid(space + 1).trimmed();
    if (space < 0 || credentials.isEmpty())
        return nullptr;
    if (scheme == "bearer") {
        QJsonObject payload;
        if (!verifyJwt(credentials, m_signingKey, &payload))
            return nullptr;
        if (payload.value(QStringLiteral("exp")).toInteger() <= now().toSecsSinceEpoch())
            return nullptr;
        return userById(payload.value(QStringLiteral("id")).toString());
    }
    if (scheme == "basic") {
        const QByteArray decoded = QByteArray::fromBase64(credentials);
        const QString key = QString::fromUtf8(decoded.left(decoded.indexOf(':')));
        for (const User &user : m_users)
            for (const ApiKeyCredential &apiKey : user.apiKeys)
                if (!key.isEmpty() && apiKey.key == key)
                    return &user;
    }
    return nullptr;
}

QString AccountService::newRefreshToken(const QString &userId, qint64 grantedAtMs)
{
    // 96 random bytes are 128 url-safe characters, like the documented tokens.
    const QString token = QString::fromLatin1(
        randomBytes(96).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    m_refreshTokens.insert(token, {userId, grantedAtMs, true});
    return token;
}

Response AccountService::tokenResponse(const User &user, const QString &refreshToken)
{
    const qint64 exp = now().toSecsSinceEpoch() + m_accessLifetimeSeconds;
    const QString name = QString(user.firstName + QLatin1Char(' ') + user.surname).trimmed();
    const QJsonObject claims {
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
    return json(200,
        {
            {QStringLiteral("token_type"), QStringLiteral("bearer")},
            {QStringLiteral("access_token"), QString::fromLatin1(signJwt(claims, m_signingKey))},
            {QStringLiteral("expires_at"), exp * 1000},
            {QStringLiteral("Scope"), QJsonArray {user.role}},
            {QStringLiteral("refresh_token"), refreshToken},
        });
}

Response AccountService::grant(const QByteArray &authorization)
{
    if (!authorization.toLower().startsWith("basic "))
        return error(401, CodeAuthenticationRequired, QStringLiteral("Authentication is required"));
    const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
    const int colon = decoded.indexOf(':');
    const QString name = QString::fromUtf8(decoded.left(colon));
    const QString secret = QString::fromUtf8(decoded.mid(colon + 1));
    const User *match = nullptr;
    for (const User &user : m_users) {
        if (colon > 0 && user.email.compare(name.trimmed(), Qt::CaseInsensitive) == 0
            && user.password == secret)
            match = &user;
        for (const ApiKeyCredential &key : user.apiKeys)
            if (colon > 0 && key.key == name && key.secret == secret)
                match = &user;
    }
    if (!match)
        return error(
            403, CodeBadCredentials, QStringLiteral("Username and password are incorrect"));
    // "Existing Refresh Tokens are expired when a new Grant Token is successful."
    for (RefreshRecord &record : m_refreshTokens)
        if (record.userId == match->id)
            record.valid = false;
    return tokenResponse(*match, newRefreshToken(match->id, now().toMSecsSinceEpoch()));
}

QString AccountService::refreshTokenFromBody(const QByteArray &body, const QByteArray &contentType)
{
    if (contentType.toLower().startsWith("application/x-www-form-urlencoded"))
        return QUrlQuery(QString::fromUtf8(body))
            .queryItemValue(QStringLiteral("refresh_token"), QUrl::FullyDecoded);
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("refresh_token")).toString();
}

Response AccountService::refresh(const QByteArray &body, const QByteArray &contentType)
{
    const QString token = refreshTokenFromBody(body, contentType);
    auto it = m_refreshTokens.find(token);
    const bool alive = it != m_refreshTokens.end() && it->valid
        && now().toMSecsSinceEpoch() < it->grantedAtMs + RefreshLifespanMs;
    const User *user = alive ? userById(it->userId) : nullptr;
    if (!user)
        return error(403, CodeRefreshTokenInvalid, QStringLiteral("Refresh token is invalid"));
    QString handedOut = token;
    if (m_rotateRefreshTokens) {
        it->valid = false;
        handedOut = newRefreshToken(user->id, it->grantedAtMs); // the lifespan does not restart
    }
    return tokenResponse(*user, handedOut);
}

Response AccountService::revoke(
    const QByteArray &authorization, const QByteArray &body, const QByteArray &contentType)
{
    const User *user = userForBearer(authorization);
    if (!user || !authorization.toLower().startsWith("bearer "))
        return invalidAccessToken();
    auto it = m_refreshTokens.find(refreshTokenFromBody(body, contentType));
    // Past its 30-day lifespan a token is as dead here as for a refresh.
    if (it == m_refreshTokens.end() || !it->valid || it->userId != user->id
        || now().toMSecsSinceEpoch() >= it->grantedAtMs + RefreshLifespanMs)
        return error(401, CodeRefreshTokenInvalid, QStringLiteral("Refresh token is invalid"));
    it->valid = false;
    return json(200, {});
}

Response AccountService::me(const QByteArray &authorization)
{
    if (authorization.isEmpty())
        return error(401, CodeAuthenticationRequired, QStringLiteral("Authentication is required"));
    const User *user = userForBearer(authorization);
    if (!user)
        return invalidAccessToken();
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
    const qint64 nowMs = now().toMSecsSinceEpoch();
    for (const RefreshRecord &record : m_refreshTokens)
        count += record.valid && nowMs < record.grantedAtMs + RefreshLifespanMs;
    return count;
}

QStringList AccountService::liveRefreshTokens() const
{
    QStringList live;
    const qint64 nowMs = now().toMSecsSinceEpoch();
    for (auto it = m_refreshTokens.cbegin(); it != m_refreshTokens.cend(); ++it)
        if (it->valid && nowMs < it->grantedAtMs + RefreshLifespanMs)
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
