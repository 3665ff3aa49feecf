#pragma once

#include "../auth/Session.h"
#include "BrokerProtocol.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace Smtpd {
class Account;
class ApiError;
} // namespace Smtpd

namespace Smtpd::Broker {

// What the broker tells a script about an account: the exit codes and sentences of its
// failures, and its entries in "accounts" and "status". Never a secret.

// A failed API call (a refresh, a revoke, a sign-in): 4 when the server ended the session
// (40106), 5 when it could not be reached (network, TLS, timeout, a 5xx), else 1.
ExitCode exitCodeFor(const ApiError &error);
// Why `account`'s session cannot hand out a token: signing out or not signed in (3), ended by
// the server (4), the keychain failed (6). Nothing when it has a session to try.
std::optional<Answer> unusable(const Account &account);
// "signed_out", "keychain_unavailable", …: Session::State in lower case with underscores.
QString stateName(Session::State state);
// The account's entry for "accounts" ({account, name, server, default}); `full` adds the
// status fields (state, accessTokenValidSeconds, sessionEndsAt, sessionValidSeconds,
// storage), measured at `now` (UTC).
QJsonObject accountEntry(
    const Account &account, bool isDefault, bool full, const QDateTime &now = {});

} // namespace Smtpd::Broker
