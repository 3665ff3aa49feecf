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

// The exit codes themselves: ExitMapping.h; the account entries: AccountEntry.h.
// Why `account`'s session cannot hand out a token: signing out or not signed in (3), ended by
// the server (4), the keychain failed (6). Nothing when it has a session to try.
std::optional<Answer> unusable(const Account &account);
} // namespace Smtpd::Broker
