#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Smtpd {
class Account;
struct AccountRecord;
} // namespace Smtpd

namespace Smtpd::Broker {

// The account entries of the "accounts" and "status" answers (BrokerProtocol.h), built the
// same way by the command line (from the list and the keychain) and by the running app (from
// its live sessions). Never a secret: no token, no API key.

// {"account", "name", "server", "default"}: `name` is the display name (may equal account).
QJsonObject accountEntry(const AccountRecord &record, const QString &displayName, bool isDefault);

// Adds "state", "accessTokenValidSeconds" (0 when none or expired), "sessionEndsAt" and
// "sessionValidSeconds" (only when `sessionEnd` is valid) and "storage". Times in the local
// clock, measured from `now`.
void addSessionStatus(QJsonObject *entry, const QString &state, const QDateTime &accessExpiry,
    const QDateTime &sessionEnd, const QString &storage, const QDateTime &now);

// The full status entry of a live account in the running app.
QJsonObject statusEntry(const Account &account, bool isDefault, const QDateTime &now);

} // namespace Smtpd::Broker
