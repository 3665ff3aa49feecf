#pragma once

#include "BrokerProtocol.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace Smtpd {
class Account;
class ApiError;
class Session;
} // namespace Smtpd

namespace Smtpd::Broker {

// A token for a command line ("token"): valid for at least `minValidMs`, also beyond the
// session's refresh margin (Session::withFreshToken() keeps to that; then this forces one
// refresh), and handed over only once the keychain holds what a refresh brought, so that no
// one ever sees a token whose refresh token could be lost. The command line uses it on a
// session it restored under the account's lock; the running app can answer its socket's
// "token" with it. The result is an Answer: ok with the token, or a failure with its exit code
// and a sentence (never a secret).
class FreshToken final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const Answer &answer)>;

    // Calls `done` once, from the event loop (after a failure too, once the session has
    // nothing in flight: an ended session's item is being removed); not at all once
    // `account` is gone. `done` may delete the account.
    static void start(Account *account, qint64 minValidMs, const Done &done);

private:
    FreshToken(Account *account, qint64 minValidMs, const Done &done);
    void ask(bool forced);
    void onToken(const QString &token, const ApiError &error, bool forced);
    void finish(const Answer &answer);

    QPointer<Account> m_account;
    qint64 m_minValidMs;
    Done m_done;
    bool m_finished = false;
};

// Calls `then` (from the event loop, not at all once `context` is gone) once `session` has
// nothing in flight that quitting would lose: above all, once what it was asked to save has
// landed in the keychain.
void whenIdle(Session *session, QObject *context, const std::function<void()> &then);

} // namespace Smtpd::Broker
