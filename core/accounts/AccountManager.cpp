#include "AccountManager.h"

#include "../Logging.h"
#include "../auth/Session.h"
#include "../auth/SessionStorage.h"
#include "LockedRestore.h"

#include <QFileInfo>
#include <QSettings>

namespace Smtpd {

AccountManager::AccountManager(QNetworkAccessManager *network, const Clock *clock,
    TokenStore *store, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
    , m_store(store)
    , m_settings(settings)
    , m_restorer(new LockedRestore(AccountLock::defaultFolder(), this))
{ }

AccountManager::~AccountManager() = default;

void AccountManager::start(const ServerChoice &launch)
{
    const AccountList list = AccountList::load(*m_settings, launch.server, launch.caFile);
    m_defaultId = list.defaultId;
    for (const AccountRecord &record : list.records) {
        // The launch's CA (already read by the options) serves the accounts on its server.
        const bool launchServer
            = record.origin() == serverOrigin(launch.server) && record.caFile == launch.caFile;
        m_accounts.append(
            makeAccount(record, launchServer ? launch.caCertificates : QList<QSslCertificate>()));
    }
    const QList<Account *> accounts = m_accounts; // adopted ones may leave the list meanwhile
    for (Account *account : accounts) {
        if (list.adopted)
            dropIfNothingStored(account);
        m_restorer->restore(account);
    }
}

// The previous version remembered an account per server even after its sign-out: adopted
// ones whose keychain holds nothing are not accounts, only old memories, and are dropped.
void AccountManager::dropIfNothingStored(Account *account)
{
    auto *watcher = new QObject(account);
    connect(account->session(), &Session::stateChanged, watcher,
        [this, account, watcher](Session::State state) {
            if (state == Session::State::Restoring)
                return;
            delete watcher;
            Session *session = account->session();
            if (state == Session::State::SignedOut && !session->hasTokens()
                && session->reason() == Session::Reason::None && takeOut(account, false))
                qCInfo(lcAccounts) << "an adopted account had nothing stored; dropped";
        });
}

Account *AccountManager::makeAccount(
    const AccountRecord &record, const QList<QSslCertificate> &authorities)
{
    auto *account = new Account(record, authorities, m_network, m_clock, m_store, this);
    connect(account, &Account::nameChanged, this, [this, account] {
        if (m_accounts.contains(account)) {
            save();
            emit listChanged();
        }
    });
    connect(account->session(), &Session::idle, this, &AccountManager::checkIdle);
    return account;
}

Account *AccountManager::account(const QString &id) const
{
    for (Account *account : m_accounts)
        if (account->id() == id)
            return account;
    return nullptr;
}

Account *AccountManager::defaultAccount() const
{
    Account *found = account(m_defaultId);
    return found ? found : m_accounts.value(0);
}

Account *AccountManager::find(const QString &name) const
{
    Account *found = nullptr;
    for (Account *account : m_accounts) {
        if (!account->matches(name))
            continue;
        if (found)
            return nullptr; // ambiguous: the person has to say which server
        found = account;
    }
    return found;
}

void AccountManager::setDefault(Account *account)
{
    if (!account || !m_accounts.contains(account) || account->id() == m_defaultId)
        return;
    m_defaultId = account->id();
    save();
    emit listChanged();
}

void AccountManager::move(Account *account, int index)
{
    const qsizetype from = m_accounts.indexOf(account);
    if (from < 0)
        return;
    index = qBound(0, index, int(m_accounts.size()) - 1);
    if (from == index)
        return;
    m_accounts.move(from, index);
    save();
    emit listChanged();
}

Account *AccountManager::signIn(
    const ServerChoice &choice, const QString &username, const QString &secret)
{
    AccountRecord record;
    record.server = choice.server;
    record.principal = principalFor(username);
    // Remembered absolute: the app may start from another folder next time.
    record.caFile
        = choice.caFile.isEmpty() ? QString() : QFileInfo(choice.caFile).absoluteFilePath();
    for (Account *leaving : std::as_const(m_leaving))
        if (leaving->id() == record.id() && leaving->session()->storage()->isBusy())
            return nullptr; // still taking its keychain item away: a moment later
    if (Account *existing = account(record.id())) {
        if (!record.caFile.isEmpty() && record.caFile != existing->record().caFile
            && !choice.caCertificates.isEmpty()) {
            existing->setCertificateAuthority(record.caFile, choice.caCertificates);
            save();
        }
        existing->session()->signIn(username, secret);
        return existing;
    }
    if (m_pending && m_pending->id() == record.id() && m_pending->record().caFile == record.caFile
        && m_pending->record().server == choice.server) {
        m_pending->session()->signIn(username, secret);
        return m_pending;
    }
    if (m_pending)
        cancelSignIn(m_pending);
    m_pending = makeAccount(record, choice.caCertificates);
    connect(
        m_pending->session(), &Session::stateChanged, this, &AccountManager::onPendingStateChanged);
    m_pending->session()->signIn(username, secret);
    return m_pending;
}

// A new account joins the list the moment the server grants it (its tokens are being saved
// under its own item already).
void AccountManager::onPendingStateChanged()
{
    Account *account = m_pending;
    if (!account || !account->session()->hasTokens())
        return;
    disconnect(
        account->session(), &Session::stateChanged, this, &AccountManager::onPendingStateChanged);
    m_pending = nullptr;
    m_accounts.append(account);
    if (!this->account(m_defaultId))
        m_defaultId = account->id();
    save();
    qCInfo(lcAccounts) << "account added;" << m_accounts.size() << "accounts";
    emit accountAdded(account);
    emit listChanged();
}

void AccountManager::cancelSignIn(Account *account)
{
    if (!account)
        return;
    account->session()->cancelSignIn();
    if (account == m_pending) {
        m_pending = nullptr;
        dropWhenIdle(account);
    }
}

void AccountManager::remove(Account *account)
{
    takeOut(account, true);
}

// Takes `account` out of the list (the first one left becomes the default if it was the
// default), first ending its session and removing its item when `retireIt`; its object goes
// once it is idle. False when it was not listed.
bool AccountManager::takeOut(Account *account, bool retireIt)
{
    if (!account || !m_accounts.removeOne(account))
        return false;
    const QString id = account->id();
    if (m_defaultId == id)
        m_defaultId = m_accounts.isEmpty() ? QString() : m_accounts.first()->id();
    save();
    if (retireIt)
        retire(account);
    emit accountRemoved(id);
    emit listChanged();
    dropWhenIdle(account);
    return true;
}

// Forgets the account here first (its keychain item goes before anything else, so a slow
// server or a quit cannot leave it behind), then ends its session on the server.
void AccountManager::retire(Account *account)
{
    Session *session = account->session();
    if (m_restorer->isWaiting(account)) {
        // A command line holds its lock and may be saving new tokens: once those are loaded,
        // they are what is revoked and removed.
        auto *watcher = new QObject(account);
        connect(session, &Session::stateChanged, watcher,
            [this, account, watcher](Session::State state) {
                if (state == Session::State::Restoring)
                    return;
                delete watcher;
                retire(account);
            });
        return;
    }
    const bool restoring = session->state() == Session::State::Restoring;
    if (!restoring && (session->hasTokens() || session->state() == Session::State::SigningIn))
        session->signOut(); // first: it drops saves that have not started
    session->storage()->remove(account->id());
    session->storage()->closeKeychain();
    if (!restoring)
        return;
    // Its tokens are on their way from the keychain: once here, they are revoked too.
    auto *watcher = new QObject(account);
    connect(session, &Session::stateChanged, watcher, [session, watcher](Session::State state) {
        if (state == Session::State::Restoring)
            return;
        delete watcher;
        if (session->hasTokens())
            session->signOut();
    });
}

// The account's object stays until its session has nothing left in flight (a revoke, a
// keychain removal, a cancelled grant to revoke), then goes.
void AccountManager::dropWhenIdle(Account *account)
{
    m_leaving.append(account);
    auto drop = [this, account] {
        // A restore still waiting for the keychain is waited for too: its tokens are revoked.
        if (!m_leaving.contains(account) || !account->session()->isIdle()
            || account->session()->state() == Session::State::Restoring)
            return;
        m_leaving.removeOne(account);
        account->deleteLater();
        checkIdle();
    };
    connect(account->session(), &Session::idle, this, drop);
    connect(account->session(), &Session::stateChanged, this, drop, Qt::QueuedConnection);
    QMetaObject::invokeMethod(this, drop, Qt::QueuedConnection);
}

bool AccountManager::isIdle() const
{
    for (Account *account : m_accounts)
        if (!account->session()->isIdle())
            return false;
    return m_leaving.isEmpty() && (!m_pending || m_pending->session()->isIdle());
}

void AccountManager::checkIdle()
{
    if (isIdle())
        emit idle();
}

void AccountManager::setCertificateAuthority(
    const QString &origin, const QString &caFile, const QList<QSslCertificate> &authorities)
{
    const QString absolute = caFile.isEmpty() ? QString() : QFileInfo(caFile).absoluteFilePath();
    bool changed = false;
    for (Account *account : std::as_const(m_accounts)) {
        if (account->origin() != origin)
            continue;
        account->setCertificateAuthority(absolute, authorities);
        changed = true;
    }
    if (changed) {
        save();
        emit listChanged();
    }
}

void AccountManager::save()
{
    AccountList list;
    for (Account *account : std::as_const(m_accounts))
        list.records.append(account->record());
    list.defaultId = m_defaultId;
    list.save(*m_settings);
}

} // namespace Smtpd
