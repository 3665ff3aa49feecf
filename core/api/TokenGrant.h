#pragma once

#include "ApiError.h"
#include "Jwt.h"

#include <QDateTime>
#include <QStringList>

namespace Smtpd {

// What the token endpoint hands out, for a password grant and a refresh alike.
struct TokenGrant
{
    QString tokenType;
    QString accessToken;
    QString refreshToken;
    QDateTime expiresAt; // UTC, in the server's clock
    QStringList scopes; // the API's "Scope"
    QDateTime serverDate; // the response's Date header; invalid when it had none
    QDateTime receivedAt; // local clock when the answer arrived
    JwtClaims claims; // decoded for display only

    // How long the access token lives, measured in the server's clock (expires_at - Date),
    // so that a wrong local clock does not matter. Falls back to the local clock without Date.
    qint64 lifetimeMs() const;
    // The local time by which the access token expires (receivedAt + lifetime).
    QDateTime localExpiry() const;

    // Decodes a 200 answer of the token endpoint. `serverDate` is the Date header (may be
    // invalid), `receivedAt` the local time of arrival.
    static TokenGrant fromJson(const QByteArray &body, const QDateTime &serverDate,
        const QDateTime &receivedAt, ApiError *error);
};

} // namespace Smtpd
