#include "LockedRestore.h"

#include "../Logging.h"
#include "../auth/Session.h"
#include "Account.h"

namespace Smtpd {

namespace {
// Owns a held lock and lets go of it once the account's keychain load is done: the first
// token change after restore() began (the loaded tokens), or the end of Restoring (nothing
// stored, a keychain error). Dies with the account at the latest.
class LockHolder final : public QObject
{
public:
    LockHolder(std::unique_ptr<AccountLock> lock, Session *session, QObject *parent)
        : QObject(parent)
        , m_lock(std::move(lock))
    {
        connect(session, &Session::accessTokenChanged, this, &QObject::deleteLater);
        connect(session, &Session::stateChanged, this, [this](Session::State state) {
            if (state != Session::State::Restoring)
                deleteLater();
        });
    }

private:
    std::unique_ptr<AccountLock> m_lock;
};
} // namespace

LockedRestore::LockedRestore(const QString &lockFolder, QObject *parent)
    : QObject(parent)
    , m_folder(lockFolder)
    , m_retry(this)
{
    m_retry.setObjectName(QStringLiteral("accountLockRetry"));
    m_retry.setInterval(RetryMs);
    connect(&m_retry, &QTimer::timeout, this, &LockedRestore::retry);
}

LockedRestore::~LockedRestore() = default;

void LockedRestore::restore(Account *account)
{
    Waiting waiting {account, std::make_unique<AccountLock>(account->id(), m_folder)};
    if (tryStart(waiting))
        return;
    qCInfo(lcAccounts) << "an account's lock is held by another process; restoring it later";
    account->session()->expectRestore(account->record().principal);
    m_waiting.push_back(std::move(waiting));
    if (!m_retry.isActive())
        m_retry.start();
}

bool LockedRestore::isWaiting(const Account *account) const
{
    for (const Waiting &waiting : m_waiting)
        if (waiting.account == account)
            return true;
    return false;
}

// Restores `waiting.account` if its lock can be had (or cannot be made at all); false while
// another process holds it.
bool LockedRestore::tryStart(Waiting &waiting)
{
    Account *account = waiting.account;
    if (!account)
        return true;
    const bool locked = waiting.lock->tryLock();
    if (!locked && waiting.lock->error().isEmpty())
        return false;
    if (!locked)
        qCWarning(lcAccounts) << "restoring without the account's lock:" << waiting.lock->error();
    Session *session = account->session();
    session->restore(account->record().principal);
    if (locked && session->state() == Session::State::Restoring)
        new LockHolder(std::move(waiting.lock), session, account);
    return true;
}

void LockedRestore::retry()
{
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (tryStart(*it))
            it = m_waiting.erase(it);
        else
            ++it;
    }
    if (m_waiting.empty())
        m_retry.stop();
}

} // namespace Smtpd
