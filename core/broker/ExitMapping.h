#pragma once

#include "../api/ApiError.h"
#include "../auth/Session.h"
#include "ExitCode.h"

#include <QString>

namespace Smtpd::Broker {

// The one mapping from what went wrong to the command line's exit code, used by the command
// line itself and by the running app when it answers a command line over the socket, so both
// give a script the same code for the same trouble.
//
//   refresh token rejected (40106)            → SessionEnded (4)
//   wrong email/password or key/secret (40102) → SignInRefused (7)
//   network, TLS, timeout, HTTP 5xx            → Unreachable (5)
//   anything else                              → Failure (1)
ExitCode exitCodeFor(const ApiError &error);
// Where a session stands after a restore, refresh or sign-out: SignedOut → NotSignedIn (3),
// Expired or a reason saying the server ended it → SessionEnded (4), Offline → Unreachable
// (5), KeychainUnavailable → KeychainUnavailable (6); a live session → Ok.
ExitCode exitCodeFor(Session::State state, Session::Reason reason);

// Session::State as the protocol's "state" names it: lower case with underscores
// ("active", "keychain_unavailable").
QString stateName(Session::State state);

// A sentence for a person about why a session is not usable (`who` names the account;
// `detail` is the session's reasonDetail(), which may be empty). Never holds a secret.
QString sessionProblem(
    const QString &who, Session::State state, Session::Reason reason, const QString &detail);

} // namespace Smtpd::Broker
