#pragma once

#include "../api/ApiError.h"
#include "../api/Profile.h"
#include "StoredSession.h"
#include "TokenStore.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace Smtpd {

class ApiClient;
class ApiReply;
class Clock;
class TokenReply;

// The single source of truth for one account's sign-in state.
//
//            signIn()                    grant + profile + saved
//  SignedOut ───────► SigningIn ───────────────────────────────► Active ◄──────────┐
//     ▲  ▲               │ error                                  │ due / 401      │ok
//     │  └───────────────┘                                        ▼                │
//     │      restore()           valid token                  Refreshing ─────────┘
//     ├──── Restoring ─────────────────────────► Active           │ network, 5xx… ▲
//     │         │ expired token: refresh first                    ▼               │ok
//     │         └───────────────────────────────► Refreshing   Offline ──retry────┘
//     │                                                           │ 40106 (any refresh)
//  signOut(): SigningOut ─ revoke, wipe ─► SignedOut          Expired (tokens wiped)
//  Keychain failure on load or save: KeychainUnavailable (Retry, or this run only).
class Session final : public QObject
{
    Q_OBJECT

public:
    enum class State {
        SignedOut,
        SigningIn,
        Restoring,
        Active,
        Refreshing,
        Offline,
        Expired,
        SigningOut,
        KeychainUnavailable,
    };
    Q_ENUM(State)

    using TokenCallback = std::function<void(const QString &accessToken, const ApiError &error)>;
    using ReplyFactory = std::function<ApiReply *(const QString &accessToken)>;
    using ReplyHandler = std::function<void(ApiReply *reply)>;

    Session(ApiClient *api, TokenStore *store, const Clock *clock, QObject *parent = nullptr);
    ~Session() override;

    // Tuning, for tests (defaults are the product's).
    void setClockCheckIntervalMs(qint64 ms) { m_clockCheckIntervalMs = ms; }
    void setResumeGraceMs(qint64 ms) { m_resumeGraceMs = ms; }
    void setBackoff(qint64 initialMs, qint64 maxMs);

    State state() const { return m_state; }
    // The sentence behind the latest move into Offline, Expired, SignedOut or
    // KeychainUnavailable (empty when there is nothing to say).
    QString reason() const { return m_reason; }
    const Profile &profile() const { return m_tokens.profile; }
    QString account() const { return m_tokens.account; }
    bool hasTokens() const { return !m_tokens.refreshToken.isEmpty(); }
    QDateTime accessTokenExpiry() const; // local clock; invalid without tokens
    QDateTime sessionEnd() const; // local clock: granted-at + 30 days
    QDateTime offlineSince() const { return m_offlineSince; }
    // Where the tokens are kept, for the user ("the system keyring…", "this run only…").
    QString storageDescription() const;

    // Starts from what the keychain holds under `storageKey` (storageKeyFor() of the account
    // signed in last; the app remembers it).
    void restore(const QString &storageKey);
    // Signs in with email + password, or API key + secret.
    void signIn(const QString &username, const QString &secret);
    void cancelSignIn();
    // Refreshes the access token now (user action).
    void refreshNow();
    // Revokes the session on the server, then wipes it here.
    void signOut();
    // After KeychainUnavailable: try the keychain again, or keep the session in memory only.
    void retryKeychain();
    void continueWithoutKeychain();

    // Hands `callback` an access token valid for at least a minute, refreshing first when
    // needed. Concurrent callers share one refresh. Never called synchronously; not called
    // at all once `context` is destroyed.
    void withFreshToken(QObject *context, const TokenCallback &callback);
    // Makes a bearer call with a fresh token; a 401 causes one refresh and one retry, never
    // more. `handler` gets the final reply (owned by the caller, deleteLater it).
    void callWithToken(QObject *context, const ReplyFactory &factory, const ReplyHandler &handler);

signals:
    void stateChanged(Smtpd::Session::State state);
    void profileChanged(const Smtpd::Profile &profile);
    // The access token changed (it is never passed around in a signal; ask withFreshToken).
    void accessTokenChanged();
    void signInFailed(const QString &message, const Smtpd::ApiError &error);
    // An event the person should hear about (session ended and why, keychain trouble,
    // 30-day end near). `title` is short, `message` a sentence.
    void notice(const QString &title, const QString &message);
    // The refresh token dies at `end` (local clock), less than a day from now.
    void sessionEndingSoon(const QDateTime &end);
    // The wall clock jumped ahead of the monotonic one: the machine slept.
    void resumed();

private:
    struct Waiter
    {
        QPointer<QObject> context;
        TokenCallback callback;
    };
    enum class KeychainRetry { None, Load, Save };

    void setState(State state, const QString &reason = {});
    void onGrantFinished(TokenReply *reply);
    void leaveSigningIn();
    void onSignInProfileFinished(ApiReply *reply);
    void adoptGrant(const class TokenGrant &grant, bool isPasswordGrant);
    void confirmNothingStored(const QString &account);
    void enterKeychainTrouble(KeychainRetry retry, const StoreError &error);
    void startRefresh();
    void onRefreshFinished(TokenReply *reply);
    void goOffline(const ApiError &error);
    void expire();
    void saveTokens(State stateAfterSave);
    void fetchProfile();
    void retryProfileLater(const ApiError &error);
    qint64 nextBackoffMs(int *attempt, const ApiError &error) const;
    void finishSignOut(const ApiError &revokeError);
    void wipe();
    void wipeKeepingAccount();
    void forgetStored(const QString &account);
    void invalidateAccessToken();
    void serveWaiters(const ApiError &error);
    qint64 accessValidForMs() const;
    qint64 knownLifetimeMs() const;
    bool isRefreshDue() const;
    void scheduleCheck();
    void onClockCheck();
    TokenStore *activeStore() const;

    ApiClient *m_api;
    TokenStore *m_keychain;
    MemoryTokenStore *m_memory;
    const Clock *m_clock;
    bool m_thisRunOnly = false;

    State m_state = State::SignedOut;
    QString m_reason;
    StoredSession m_tokens;
    QString m_pendingAccount;
    qint64 m_monotonicExpiry = -1; // -1 when unknown (after a restart)
    qint64 m_lifetimeMs = 0;
    bool m_refreshWorkedThisRun = false;
    bool m_warnedSessionEnd = false;
    QDateTime m_offlineSince;
    KeychainRetry m_keychainRetry = KeychainRetry::None;

    QPointer<ApiReply> m_signInReply;
    QPointer<TokenReply> m_refreshReply;
    QList<Waiter> m_waiters;

    QTimer m_clockCheck;
    QTimer m_retryTimer;
    QTimer m_resumeGrace;
    QTimer m_profileRetry;
    QDateTime m_lastCheckWall;
    qint64 m_lastCheckMonotonic = 0;
    qint64 m_clockCheckIntervalMs = 60 * 1000;
    qint64 m_resumeGraceMs = 5 * 1000;
    qint64 m_backoffInitialMs = 2 * 1000;
    qint64 m_backoffMaxMs = 5 * 60 * 1000;
    int m_retryAttempt = 0;
    int m_profileAttempt = 0;
};

QString toString(Session::State state);

} // namespace Smtpd
