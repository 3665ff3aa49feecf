#include "Profile.h"

#include "JsonObjectReader.h"
#include "Jwt.h"

namespace Smtpd {

QString Profile::displayName() const
{
    const QString name
        = QString(firstName.trimmed() + QLatin1Char(' ') + surname.trimmed()).trimmed();
    return name.isEmpty() ? email : name;
}

Profile Profile::fromAccessToken(const QString &accessToken)
{
    JwtClaims claims;
    QString problem;
    Profile profile;
    if (!decodeJwtClaims(accessToken, &claims, &problem))
        return profile;
    profile.email = claims.subject;
    profile.firstName = claims.name; // the whole name: the token has no separate surname
    profile.accountId = claims.accountId;
    return profile;
}

Profile Profile::fromJson(const QByteArray &body, ApiError *error)
{
    JsonObjectReader reader(
        body, QCoreApplication::translate("Smtpd::JsonObjectReader", "profile"));
    Profile profile;
    profile.id = reader.requiredString(QStringLiteral("id"));
    profile.accountId = reader.requiredString(QStringLiteral("account_id"));
    profile.email = reader.requiredString(QStringLiteral("email_address"));
    profile.firstName = reader.optionalString(QStringLiteral("first_name"));
    profile.surname = reader.optionalString(QStringLiteral("surname"));
    profile.gravatarUrl = reader.optionalString(QStringLiteral("gravatar_url"));
    profile.isOwner = reader.requiredBool(QStringLiteral("is_owner"));
    profile.isVerified = reader.requiredBool(QStringLiteral("is_verified"));
    profile.createdAt = reader.requiredEpochTime(QStringLiteral("created_at_utc"));
    profile.modifiedAt = reader.optionalEpochTime(QStringLiteral("modified_at_utc"));
    *error = reader.error();
    if (!*error && profile.id.isEmpty()) {
        *error = ApiError::protocol(
            QCoreApplication::translate("Smtpd::JsonObjectReader",
                "The server's profile could not be read: the field \u201cid\u201d is "
                "empty."),
            QStringLiteral("field id: empty"));
    }
    return *error ? Profile {} : profile;
}

bool operator==(const Profile &a, const Profile &b)
{
    return a.id == b.id && a.accountId == b.accountId && a.email == b.email
        && a.firstName == b.firstName && a.surname == b.surname && a.gravatarUrl == b.gravatarUrl
        && a.isOwner == b.isOwner && a.isVerified == b.isVerified && a.createdAt == b.createdAt
        && a.modifiedAt == b.modifiedAt;
}

} // namespace Smtpd
