#pragma once

#include "Account.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QSettings;

namespace Smtpd {

class Clock;
class LockedRestore;
class TokenStore;

// Where a new account signs in: the server's base URL and, for a self-hosted server with a
// private CA, that CA (its file is remembered with the account).
struct ServerChoice
{
    QUrl server;
    QString caFile;
    QList<QSslCertificate> caCertificates;
};

// Owns one Account (and so one Session) per server and email or API key. It restores them all
// at start, each from its own keychain item; adds, removes and orders them; keeps one default.
// The list itself (never a secret) lives in QSettings. Each session refreshes on its own: one
// server being down never touches another account.
class AccountManager final : public QObject
{
    Q_OBJECT

public:
    AccountManager(QNetworkAccessManager *network, const Clock *clock, TokenStore *store,
        QSettings *settings, QObject *parent = nullptr);
    ~AccountManager() override;

    // Reads the list (adopting the previous version's account the first time; `launch` is the
    // server the app was started for) and restores every account, each under its AccountLock
    // (an account whose lock a command line holds shows Restoring until it is free).
    void start(const ServerChoice &launch);

    const QList<Account *> &accounts() const { return m_accounts; }
    Account *account(const QString &id) const;
    Account *defaultAccount() const;
    // The account `name` names (see Account::matches()); null when none or several do.
    Account *find(const QString &name) const;

    void setDefault(Account *account);
    // Moves `account` to position `index` in the list.
    void move(Account *account, int index);

    // Signs in on `server`. An account that exists there for the same email or key renews in
    // place (its session goes on until the server grants the new one); otherwise a new
    // account is made, and it joins the list once the server has granted it. Returns the
    // account whose session carries the attempt (watch its signals), or null while an
    // account of that server and email is still being removed (for a moment: ask again).
    // A new CA file given for an existing account replaces its old one.
    Account *signIn(const ServerChoice &server, const QString &username, const QString &secret);
    // Stops waiting for the sign-in `account` carries (see Session::cancelSignIn()). A new
    // account that was never granted is dropped once its session is idle.
    void cancelSignIn(Account *account);
    // The new account being signed in to, until it is granted or dropped.
    Account *pendingAccount() const { return m_pending; }

    // Signs the account out (revoking its session on the server), removes its keychain item
    // and forgets it. It leaves the list at once; its object goes once the revoke is done.
    void remove(Account *account);

    // Trusts `authorities` (read from `caFile`; both empty: the system's certificate
    // authorities only) for every account on the server `origin` from now on, and remembers it.
    void setCertificateAuthority(
        const QString &origin, const QString &caFile, const QList<QSslCertificate> &authorities);

    // Nothing under way in any account that quitting would lose.
    bool isIdle() const;

signals:
    void accountAdded(Smtpd::Account *account);
    void accountRemoved(const QString &id);
    // Order, default or a display name changed.
    void listChanged();
    void idle();

private:
    bool takeOut(Account *account, bool retireIt);
    void retire(Account *account);
    void dropIfNothingStored(Account *account);
    Account *makeAccount(const AccountRecord &record, const QList<QSslCertificate> &authorities);
    void onPendingStateChanged();
    void dropWhenIdle(Account *account);
    void save();
    void checkIdle();

    QNetworkAccessManager *m_network;
    const Clock *m_clock;
    TokenStore *m_store;
    QSettings *m_settings;
    LockedRestore *m_restorer;
    QList<Account *> m_accounts;
    QString m_defaultId;
    QPointer<Account> m_pending;
    QList<Account *> m_leaving; // removed or abandoned, finishing their sign-out
};

} // namespace Smtpd
