#include "StoredSession.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace Smtpd {

namespace {
constexpr int FormatVersion = 1;

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

QString storageKeyFor(const QString &account)
{
    if (account.contains(QLatin1Char('@')))
        return account.trimmed().toLower();
    return QStringLiteral("api-key-")
        + QString::fromLatin1(QCryptographicHash::hash(account.toUtf8(), QCryptographicHash::Sha256)
                                  .toHex()
                                  .left(24));
}

QDateTime StoredSession::localSessionEnd() const
{
    return grantedAt.addMSecs(RefreshTokenLifespanMs - clockSkewMs);
}

QByteArray StoredSession::toJson() const
{
    QJsonObject object {
        {QStringLiteral("v"), FormatVersion},
        {QStringLiteral("account"), account},
        {QStringLiteral("refresh_token"), refreshToken},
        {QStringLiteral("access_token"), accessToken},
        {QStringLiteral("access_expires_at"), accessExpiresAt.toMSecsSinceEpoch()},
        {QStringLiteral("clock_skew_ms"), clockSkewMs},
        {QStringLiteral("granted_at"), grantedAt.toMSecsSinceEpoch()},
    };
    if (profile.isValid())
        object.insert(QStringLiteral("profile"), profileToJson(profile));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool StoredSession::fromJson(const QByteArray &json, StoredSession *session)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.value(QStringLiteral("v")).toInt() != FormatVersion)
        return false;
    StoredSession s;
    s.account = o.value(QStringLiteral("account")).toString();
    s.refreshToken = o.value(QStringLiteral("refresh_token")).toString();
    s.accessToken = o.value(QStringLiteral("access_token")).toString();
    const QJsonValue expires = o.value(QStringLiteral("access_expires_at"));
    const QJsonValue granted = o.value(QStringLiteral("granted_at"));
    if (!expires.isDouble() || !granted.isDouble() || s.refreshToken.isEmpty()
        || s.account.isEmpty())
        return false;
    s.accessExpiresAt = QDateTime::fromMSecsSinceEpoch(expires.toInteger(), Qt::UTC);
    s.grantedAt = QDateTime::fromMSecsSinceEpoch(granted.toInteger(), Qt::UTC);
    s.clockSkewMs = o.value(QStringLiteral("clock_skew_ms")).toInteger();
    if (o.value(QStringLiteral("profile")).isObject()) {
        ApiError ignored;
        s.profile = Profile::fromJson(
            QJsonDocument(o.value(QStringLiteral("profile")).toObject()).toJson(), &ignored);
    }
    *session = s;
    return true;
}

} // namespace Smtpd
