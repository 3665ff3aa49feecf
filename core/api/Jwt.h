#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Smtpd {

// The readable claims of an SMTPD access token. The signature cannot be checked by a client
// (it has no key), so these are for display only, never for trust.
struct JwtClaims
{
    QJsonObject payload;
    QString subject; // the email ("subject", else "sub")
    QString name;
    QString accountId;
    QDateTime expiresAt; // from "exp" (seconds); invalid when missing or not 1970-9999
};

// Decodes the payload of a compact JWT ("header.payload.signature"), replacing all of *claims.
// Returns false, with a reason in *problem that never quotes the token, when it is not one
// (*claims is then left as it was).
bool decodeJwtClaims(const QString &token, JwtClaims *claims, QString *problem);

} // namespace Smtpd
