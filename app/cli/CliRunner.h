#pragma once

#include "CliCommand.h"
#include "CliResult.h"
#include "Clock.h"
#include "accounts/AccountManager.h" // ServerChoice
#include "broker/BrokerProtocol.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <memory>

class QNetworkAccessManager;

namespace Smtpd {
class AccountLock;
class KeychainTokenStore;
} // namespace Smtpd

namespace Smtpd::Cli {

class LocalAccounts;

// Runs one subcommand. The running app is asked first (over its socket): while it runs it is
// the only one that refreshes. Without it, the command works on the keychain itself, holding
// the account's lock (AccountLock) from loading the session to its saved refresh:
//
//   ask the app ── answered ──────────────────────────────────► print its answer
//      │ nobody listens
//      ▼
//   take the account's lock ── held by another command ─► every 150 ms: ask the app, then
//      │ held                                              try the lock again (30 s at most)
//      ▼
//   ask the app once more ── answered ───────────────────────► let go, print its answer
//      │ nobody listens
//      ▼
//   restore, refresh if needed, wait for the keychain save ──► let go, print
//
// `status` and `accounts` only read, so they need no lock. A termination signal while the
// lock is held lets the work in flight finish and its tokens be saved (a second one does not
// wait), then ends without printing: exit 128 + the signal (130 for Ctrl+C).
class CliRunner final : public QObject
{
    Q_OBJECT

public:
    // How long a command waits for another one that holds the account's lock.
    static constexpr int LockWaitMs = 30 * 1000;
    static constexpr int LockRetryMs = 150;

    explicit CliRunner(const CliCommand &command, QObject *parent = nullptr);
    ~CliRunner() override;

    // For login: where to sign in (server empty: the app's default, or the production server)
    // and with what. The secret is kept only until it is handed on, then overwritten.
    void setLogin(const ServerChoice &server, const QString &username, const QString &secret);
    void start();
    // A termination signal came.
    void interrupt(int signalNumber);

signals:
    void finished(int exitCode);

private:
    Broker::Request request() const;
    void askApp(const std::function<void()> &noApp);
    void onAnswer(const Broker::Answer &answer);
    void runLocal();
    void runListing();
    void withLock(const QString &key, const std::function<void()> &work);
    void tryLock();
    void whenAppListens(const std::function<void(bool)> &then);
    void report(const CliResult &result);
    void forgetSecret();

    CliCommand m_command;
    ServerChoice m_server;
    QString m_username;
    QString m_secret;
    SystemClock m_clock;
    QNetworkAccessManager *m_network;
    KeychainTokenStore *m_store;
    QObject *m_work = nullptr; // the accounts and their sessions: gone before the lock is
    LocalAccounts *m_accounts = nullptr;
    std::unique_ptr<AccountLock> m_lock;
    std::function<void()> m_lockedWork;
    QElapsedTimer m_lockWaited;
    int m_interruptedBy = 0;
    bool m_reported = false;
};

} // namespace Smtpd::Cli
