#include "TokenGrant.h"

#include "JsonObjectReader.h"

namespace Smtpd {

qint64 TokenGrant::lifetimeMs() const
{
    const QDateTime reference = serverDate.isValid() ? serverDate : receivedAt;
    return reference.msecsTo(expiresAt);
}

QDateTime TokenGrant::localExpiry() const
{
    return receivedAt.addMSecs(lifetimeMs());
}

TokenGrant TokenGrant::fromJson(const QByteArray &body, const QDateTime &serverDate,
    const QDateTime &receivedAt, ApiError *error)
{
    const QString what = QCoreApplication::translate("Smtpd::JsonObjectReader", "sign-in answer");
    TokenGrant grant;
    JsonObjectReader reader(body, what);
    grant.tokenType = reader.requiredString(QStringLiteral("token_type"));
    grant.accessToken = reader.requiredString(QStringLiteral("access_token"));
    grant.expiresAt = reader.requiredEpochTime(QStringLiteral("expires_at"));
    // The docs spell it "Scope"; OAuth servers say "scope". It only informs, so it may be absent.
    const QString scopeKey = reader.object().contains(QStringLiteral("Scope"))
        ? QStringLiteral("Scope")
        : QStringLiteral("scope");
    grant.scopes = reader.optionalStringArray(scopeKey);
    grant.refreshToken = reader.requiredString(QStringLiteral("refresh_token"));
    grant.serverDate = serverDate;
    grant.receivedAt = receivedAt;
    *error = reader.error();
    if (*error)
        return {};

    auto fail = [&](const QString &problem) {
        *error = ApiError::protocol(QCoreApplication::translate("Smtpd::JsonObjectReader",
                                        "The server's %1 could not be used: %2.")
                                        .arg(what, problem),
            problem);
        return TokenGrant {};
    };
    if (grant.tokenType.compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0)
        return fail(QCoreApplication::translate("Smtpd::JsonObjectReader",
            "the token type is not \u201c"
            "bearer\u201d"));
    if (grant.accessToken.isEmpty())
        return fail(
            QCoreApplication::translate("Smtpd::JsonObjectReader", "the access token is empty"));
    if (grant.refreshToken.isEmpty())
        return fail(
            QCoreApplication::translate("Smtpd::JsonObjectReader", "the refresh token is empty"));
    QString jwtProblem;
    if (!decodeJwtClaims(grant.accessToken, &grant.claims, &jwtProblem))
        return fail(QCoreApplication::translate(
            "Smtpd::JsonObjectReader", "the access token is unusable: %1")
                        .arg(jwtProblem));
    // Judged in the server's own clock, so a wrong local clock never rejects a good token.
    if (serverDate.isValid() && grant.expiresAt <= serverDate)
        return fail(QCoreApplication::translate(
            "Smtpd::JsonObjectReader", "the access token it issued has already expired"));
    return grant;
}

} // namespace Smtpd
