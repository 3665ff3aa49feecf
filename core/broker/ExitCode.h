#pragma once

namespace Smtpd {

// The command line's exit codes (documented in `smtpd-accounts --help`, the man page and
// the README). Scripts branch on them, so they never change meaning.
enum class ExitCode {
    Ok = 0,
    Failure = 1, // anything else: an unexpected answer from the server, a local error
    Usage = 2, // the command line was wrong (unknown subcommand or option, bad value)
    NotSignedIn = 3, // no account matches, or the account has no session
    SessionEnded = 4, // the server ended the session (30 days, signed in elsewhere): sign in again
    Unreachable = 5, // the server could not be reached (network, TLS, timeout, 5xx)
    KeychainUnavailable = 6, // the OS keychain could not be used (locked, no Secret Service)
    SignInRefused = 7, // login: wrong email/password or API key/secret (the server's message)
};

inline int toInt(ExitCode code)
{
    return static_cast<int>(code);
}

} // namespace Smtpd
