#pragma once

#include "CliResult.h"

#include <QObject>
#include <QPointer>

namespace Smtpd {
class Account;
class ApiError;
} // namespace Smtpd

namespace Smtpd::Cli {

// `token` without the app, under the account's lock: restores the session from the keychain,
// refreshes when the token is not valid for `minValidSeconds` (also beyond the session's own
// refresh margin: then one refresh is forced), waits until the new tokens are saved in the
// keychain, and only then hands the token over.
class LocalToken final : public QObject
{
    Q_OBJECT

public:
    LocalToken(Account *account, int minValidSeconds, const ResultCallback &done,
        QObject *parent = nullptr);
    void start();

private:
    void onRestored();
    void ask(bool forced);
    void onToken(const QString &token, const ApiError &error, bool forced);
    void finish(const CliResult &result);

    QPointer<Account> m_account;
    qint64 m_minValidMs;
    ResultCallback m_done;
    bool m_restored = false;
    bool m_finished = false;
};

} // namespace Smtpd::Cli
