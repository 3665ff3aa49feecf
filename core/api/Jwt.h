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
    QDateTime expiresAt; // from "exp" (seconds)
};

// Decodes the payload of a compact JWT ("header.payload.signature"). Returns false, with a
// reason in *problem that never quotes the token, when it is not one.
bool decodeJwtClaims(const QString &token, JwtClaims *claims, QString *problem);

} // namespace Smtpd
