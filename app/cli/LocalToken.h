#pragma once

#include "CliResult.h"

#include <QObject>
#include <QPointer>

namespace Smtpd {
class Account;
}

namespace Smtpd::Cli {

// `token` without the app, under the account's lock: restores the session from the keychain,
// then Broker::FreshToken (refreshed when not valid for `minValidSeconds`, and saved in the
// keychain before it is handed over).
class LocalToken final : public QObject
{
    Q_OBJECT

public:
    LocalToken(Account *account, int minValidSeconds, const ResultCallback &done,
        QObject *parent = nullptr);
    void start();

private:
    void onRestored();
    void finish(const CliResult &result);

    QPointer<Account> m_account;
    qint64 m_minValidMs;
    ResultCallback m_done;
    bool m_finished = false;
};

} // namespace Smtpd::Cli
