#pragma once

#include "../accounts/AccountManager.h"
#include "BrokerProtocol.h"

#include <QObject>

#include <functional>

namespace Smtpd::Broker {

// What the running app does for the command line (BrokerProtocol.h), on its own accounts:
// hands out tokens (the app stays the only refresher while it runs, and concurrent requests
// share its one refresh), reports status, lists, removes (signs out) and signs in accounts.
// Every request is answered on its own and asynchronously: a slow refresh or sign-in holds
// up only the requests waiting for it. No answer carries a secret but a "token".
class BrokerService final : public QObject
{
    Q_OBJECT

public:
    using Reply = std::function<void(const Answer &answer)>;

    // `defaultServer` is where a "login" without a server signs in (the app's launch server).
    BrokerService(
        AccountManager *accounts, const ServerChoice &defaultServer, QObject *parent = nullptr);

    // Answers `request` (any op but raise) through `reply`: once, from the event loop, and
    // not at all once `context` is gone (the connection it came on closed). What was begun
    // for it (a sign-out) goes on.
    void handle(const Request &request, QObject *context, const Reply &reply);

private:
    void token(const Request &request, QObject *context, const Reply &reply);
    void status(const Request &request, const Reply &reply);
    void list(const Reply &reply);
    void logout(const Request &request, QObject *context, const Reply &reply);
    void login(const Request &request, QObject *context, const Reply &reply);
    void signIn(
        const ServerChoice &choice, const Request &request, QObject *context, const Reply &reply);
    // The account `name` names (the default one when empty), or null with *failure set.
    Account *match(const QString &name, Answer *failure) const;
    // Runs `then` once `account` has been loaded from the keychain (at once when it has).
    void whenLoaded(
        Account *account, QObject *context, const std::function<void()> &then, const Reply &reply);

    AccountManager *m_accounts;
    ServerChoice m_defaultServer;
};

} // namespace Smtpd::Broker
