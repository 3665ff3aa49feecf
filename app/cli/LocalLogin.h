#pragma once

#include "CliResult.h"
#include "accounts/AccountManager.h" // ServerChoice
#include "api/ApiError.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace Smtpd {
class Clock;
class TokenStore;
} // namespace Smtpd

namespace Smtpd::Cli {

// `login` without the app, under the account's lock: signs in as the app's Add account does,
// waits until the granted tokens are in the keychain, then adds the account to the remembered
// list (the first becomes the default). A grant whose tokens cannot be saved is revoked again
// (the keychain is unavailable: exit 6), so no session is left open that nobody holds.
class LocalLogin final : public QObject
{
    Q_OBJECT

public:
    // The Account made for the sign-in becomes a child of `owner`.
    LocalLogin(const ServerChoice &server, const QString &username, QNetworkAccessManager *network,
        const Clock *clock, TokenStore *store, QObject *owner, const ResultCallback &done,
        QObject *parent = nullptr);
    // The id of the account signed in to (what its lock is named by).
    QString accountId() const;
    // `secret` is used once, for the grant.
    void start(const QString &secret);

private:
    void onChange();
    void finish(const CliResult &result);

    QPointer<Account> m_account;
    QString m_username;
    ResultCallback m_done;
    ApiError m_refused;
    QString m_keychainProblem;
    bool m_revoking = false;
    bool m_finished = false;
};

} // namespace Smtpd::Cli
