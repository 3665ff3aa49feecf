#pragma once

#include "CliResult.h"

#include <QObject>
#include <QPointer>

namespace Smtpd {
class Account;
}

namespace Smtpd::Cli {

// `logout` without the app, under the account's lock, as the app's Remove account does
// (AccountManager::remove()): the session is restored from the keychain, its keychain item
// removed before anything else can fail, its session revoked on the server, and the account
// taken out of the remembered list.
class LocalLogout final : public QObject
{
    Q_OBJECT

public:
    LocalLogout(Account *account, const ResultCallback &done, QObject *parent = nullptr);
    void start();

private:
    void onRestored();
    void onDone();
    void finish(const CliResult &result);

    QPointer<Account> m_account;
    ResultCallback m_done;
    bool m_hadSession = false;
    bool m_finished = false;
};

} // namespace Smtpd::Cli
