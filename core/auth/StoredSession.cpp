#include "StoredSession.h"

#include "../api/ServerConfig.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace Smtpd {

namespace {
constexpr int LegacyFormatVersion = 1;

QJsonObject profileToJson(const Profile &p)
{
    return {{QStringLiteral("id"), p.id}, {QStringLiteral("account_id"), p.accountId},
        {QStringLiteral("email_address"), p.email}, {QStringLiteral("first_name"), p.firstName},
        {QStringLiteral("surname"), p.surname}, {QStringLiteral("gravatar_url"), p.gravatarUrl},
        {QStringLiteral("is_owner"), p.isOwner}, {QStringLiteral("is_verified"), p.isVerified},
        {QStringLiteral("created_at_utc"), p.createdAt.toMSecsSinceEpoch()},
        {QStringLiteral("modified_at_utc"),
            p.modifiedAt.isValid() ? QJsonValue(p.modifiedAt.toMSecsSinceEpoch()) : QJsonValue()}};
}
} // namespace

QString serverOrigin(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    QString origin = url.scheme().toLower() + QStringLiteral("://") + url.host().toLower();
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    if (!(url.scheme() == QLatin1String("https") && port == 443))
        origin += QLatin1Char(':') + QString::number(port);
    return origin;
}

QString productionOrigin()
{
    return serverOrigin(QUrl(QLatin1String(DefaultApiUrl)));
}

QString principalFor(const QString &account)
{
    if (account.contains(QLatin1Char('@')))
        return account.trimmed().toLower();
    return QStringLiteral("api-key-")
        + QString::fromLatin1(QCryptographicHash::hash(account.toUtf8(), QCryptographicHash::Sha256)
                                  .toHex()
                                  .left(24));
}

QString storageKeyFor(const QString &origin, const QString &account)
{
    if (origin.isEmpty())
        return principalFor(account);
    return origin + QLatin1Char('/') + principalFor(account);
}

QString StoredSession::storageKey() const
{
    return storageKeyFor(origin, account);
}

QDateTime StoredSession::localSessionEnd() const
{
    return grantedAt.addMSecs(RefreshTokenLifespanMs - clockSkewMs);
}

QByteArray StoredSession::toJson() const
{
    QJsonObject object {
        {QStringLiteral("v"), FormatVersion},
        {QStringLiteral("origin"), origin},
        {QStringLiteral("account"), account},
        {QStringLiteral("refresh_token"), refreshToken},
        {QStringLiteral("access_token"), accessToken},
        {QStringLiteral("access_expires_at"), accessExpiresAt.toMSecsSinceEpoch()},
        {QStringLiteral("access_lifetime_ms"), accessLifetimeMs},
        {QStringLiteral("clock_skew_ms"), clockSkewMs},
        {QStringLiteral("granted_at"), grantedAt.toMSecsSinceEpoch()},
    };
    if (profile.isValid())
        object.insert(QStringLiteral("profile"), profileToJson(profile));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

StoredSession::Decoded StoredSession::fromJson(const QByteArray &json, StoredSession *session)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return Decoded::Unreadable;
    const QJsonObject o = document.object();
    const QJsonValue version = o.value(QStringLiteral("v"));
    if (!version.isDouble())
        return Decoded::Unreadable;
    // A newer version wrote it: that version can read it, so it is kept as it is.
    if (version.toInteger() > FormatVersion)
        return Decoded::NewerFormat;
    if (version.toInteger() != FormatVersion && version.toInteger() != LegacyFormatVersion)
        return Decoded::Unreadable;
    StoredSession s;
    s.origin = o.value(QStringLiteral("origin")).toString();
    s.account = o.value(QStringLiteral("account")).toString();
    s.refreshToken = o.value(QStringLiteral("refresh_token")).toString();
    s.accessToken = o.value(QStringLiteral("access_token")).toString();
    const QJsonValue expires = o.value(QStringLiteral("access_expires_at"));
    const QJsonValue granted = o.value(QStringLiteral("granted_at"));
    if (!expires.isDouble() || !granted.isDouble() || s.refreshToken.isEmpty()
        || s.account.isEmpty())
        return Decoded::Unreadable;
    if (version.toInteger() == FormatVersion && s.origin.isEmpty())
        return Decoded::Unreadable;
    s.accessExpiresAt = QDateTime::fromMSecsSinceEpoch(expires.toInteger(), Qt::UTC);
    s.grantedAt = QDateTime::fromMSecsSinceEpoch(granted.toInteger(), Qt::UTC);
    // Times this app wrote are within a year of each other and of 1970..3000; anything else is
    // not ours (and would overflow the arithmetic on dates).
    constexpr qint64 Year = 366LL * 24 * 60 * 60 * 1000;
    s.clockSkewMs = o.value(QStringLiteral("clock_skew_ms")).toInteger();
    s.accessLifetimeMs = o.value(QStringLiteral("access_lifetime_ms")).toInteger();
    if (s.clockSkewMs < -Year || s.clockSkewMs > Year || s.accessLifetimeMs < 0
        || s.accessLifetimeMs > Year || expires.toInteger() < 0 || expires.toInteger() > 1030 * Year
        || granted.toInteger() < 0 || granted.toInteger() > 1030 * Year)
        return Decoded::Unreadable;
    if (o.value(QStringLiteral("profile")).isObject()) {
        ApiError ignored;
        s.profile = Profile::fromJson(
            QJsonDocument(o.value(QStringLiteral("profile")).toObject()).toJson(), &ignored);
    }
    *session = s;
    return Decoded::Ok;
}

} // namespace Smtpd
