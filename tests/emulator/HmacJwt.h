#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace SmtpdEmulator {

// Compact HS256 JSON Web Tokens, as the SMTPD API issues them.
QByteArray signJwt(const QJsonObject &payload, const QByteArray &key);
// Returns true and the payload when the token is well-formed and its signature is right.
bool verifyJwt(const QByteArray &token, const QByteArray &key, QJsonObject *payload);

} // namespace SmtpdEmulator
