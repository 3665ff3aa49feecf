#pragma once

#include "AccountLock.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace Smtpd {

class Account;

// Restores accounts from the keychain under their AccountLock (the lock protocol): the lock
// is held from just before an account's keychain load until the load is done, so a command
// line that is mid-refresh for that account saves its new tokens first and the app loads
// those. While another process holds a lock, its account shows Restoring and one timer tries
// the waiting locks again every RetryMs: a wait costs a few wake-ups a second, never a busy
// loop. A lock that cannot be made at all (no runtime folder) does not hold the account up.
class LockedRestore final : public QObject
{
    Q_OBJECT

public:
    static constexpr int RetryMs = 250;

    explicit LockedRestore(
        const QString &lockFolder = AccountLock::defaultFolder(), QObject *parent = nullptr);
    ~LockedRestore() override;

    // Restores `account` now, or once its lock is free.
    void restore(Account *account);
    // Whether `account` is waiting for its lock (its load has not started).
    bool isWaiting(const Account *account) const;

private:
    struct Waiting
    {
        QPointer<Account> account;
        std::unique_ptr<AccountLock> lock;
    };

    bool tryStart(Waiting &waiting);
    void retry();

    QString m_folder;
    std::vector<Waiting> m_waiting;
    QTimer m_retry;
};

} // namespace Smtpd
