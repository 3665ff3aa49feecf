#pragma once

#include "../api/ApiError.h"
#include "../api/Profile.h"
#include "Backoff.h"
#include "StoredSession.h"
#include "TokenBroker.h"
#include "TokenStore.h"

#include <QObject>
#include <QPointer>

namespace Smtpd {

class ApiClient;
class ClockTimer;
class Clock;
class RefreshScheduler;
class SessionStorage;
class SignInFlow;
class TokenReply;

// The single source of truth for one account's sign-in state, on one server origin. It keeps
// the state and the signals; its parts do the work: SignInFlow (the grant), RefreshScheduler
// (when to refresh), TokenBroker/BearerCall (handing out tokens, the 401 retry),
// SessionStorage (the keychain), Backoff (retry spacing).
//
//            signIn()                  grant (tokens saved at once)
//  SignedOut ───────► SigningIn ───────────────────────────────► Active ◄──────────┐
//     ▲  ▲               │ error / cancel                         │ due / 401      │ok
//     │  └───────────────┘                                        ▼                │
//     │      restore()           valid token                  Refreshing ─────────┘
//     ├──── Restoring ─────────────────────────► Active           │ network, 5xx… ▲
//     │         │ token too short: one refresh first              ▼               │ok
//     │         └───────────────────────────────► Refreshing   Offline ──retry────┘
//     │                                                           │ 40106 (any refresh)
//  signOut(): SigningOut ─ revoke, remove ─► SignedOut         Expired (tokens wiped)
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

    // Why the session is where it is; the ui words it (detail() adds the specifics).
    enum class Reason {
        None,
        SignedOut, // the person signed out, and the server ended the session
        SignedOutServerNotTold, // signed out here; the revoke did not reach the server
        SignedOutItemKept, // signed out, but the keychain item could not be removed
        SignedInElsewhere, // 40106 after this run had refreshed: a grant elsewhere
        ServerEndedSession, // 40106 with no refresh this run (most likely a grant elsewhere)
        SessionLimitReached, // the 30-day absolute lifespan
        StoredSessionUnreadable, // the keychain item was damaged (and removed)
        StoredSessionNewerVersion, // the item was written by a newer version (kept, unused)
        KeychainUnavailable,
        ThisRunOnly, // the person chose to keep the session in memory only
        Offline, // the server could not be reached; retrying
        SessionEndingSoon, // less than a day to the 30-day end (a notice only)
    };
    Q_ENUM(Reason)

    using TokenCallback = TokenBroker::TokenCallback;
    using ReplyFactory = BearerCall::ReplyFactory;
    using ReplyHandler = BearerCall::ReplyHandler;

    // A token handed out stays valid at least this long (or for the refresh margin when the
    // server's tokens are shorter than that, which a copy cannot improve on).
    static constexpr qint64 HandOutValidityMs = 60 * 1000;
    // What the app's own bearer calls ask of a token.
    static constexpr qint64 BearerCallValidityMs = 10 * 1000;

    // The session lives on the server `api` is set to when it signs in or restores; its
    // tokens are never sent while `api` points anywhere else.
    Session(ApiClient *api, TokenStore *store, const Clock *clock, QObject *parent = nullptr);
    ~Session() override;

    State state() const { return m_state; }
    Reason reason() const { return m_reason; }
    // The specifics behind reason(): a server's or the keychain's message (may be empty).
    QString reasonDetail() const { return m_reasonDetail; }
    // Why the last sign-out could not tell the server (Reason::SignedOutServerNotTold); no
    // error otherwise.
    const ApiError &signOutError() const { return m_signOutError; }
    const Profile &profile() const { return m_tokens.profile; }
    QString account() const { return m_tokens.account; }
    QString origin() const;
    bool hasTokens() const { return !m_tokens.refreshToken.isEmpty(); }
    QDateTime accessTokenExpiry() const; // local clock; invalid without tokens
    QDateTime sessionEnd() const; // local clock: granted-at + 30 days
    QDateTime offlineSince() const { return m_offlineSince; }
    // Where the tokens are kept (the ui words it: see SessionStorage::displayName()).
    QString storageDescription() const;
    // The same in English, for scripts (the "storage" of `status --json`).
    QString storageName() const;
    SessionStorage *storage() const { return m_storage; }
    // Nothing under way that quitting would lose: no keychain write, refresh, grant or
    // sign-out in flight. idle() follows whenever that becomes true.
    bool isIdle() const;

    // Starts from what the keychain holds for `principal` (principalFor() of the account
    // signed in last on this server; the app remembers it).
    void restore(const QString &principal);
    // Calls `then` once the session is past Restoring (at once when it is already), unless
    // `context` is destroyed first.
    void whenPastRestoring(QObject *context, const std::function<void()> &then);
    // Shows Restoring for `principal` before its keychain load may start (another process
    // holds the account's lock, mid-refresh); restore() follows once it may.
    void expectRestore(const QString &principal);
    // Signs in with email + password, or API key + secret. Signing in while signed in (to
    // start a new 30-day session) keeps the session until the server has granted a new one.
    void signIn(const QString &username, const QString &secret);
    // Stops waiting for a sign-in. Its request may have reached the server already, so a
    // grant that still arrives becomes the session when it renewed one (the server ended the
    // old one), and is revoked otherwise. After the grant there is nothing to cancel.
    void cancelSignIn();
    // Refreshes the access token now (user action).
    void refreshNow();
    // Revokes the session on the server, then wipes it here. No other refresh starts once
    // it has begun; the revoke carries the refresh token held when it is sent.
    void signOut();
    // After KeychainUnavailable: try the keychain again, or keep the session in memory only.
    void retryKeychain();
    void continueWithoutKeychain();

    // Hands `callback` an access token valid for at least `minValidMs` (at most the refresh
    // margin), refreshing first when needed. Concurrent callers share one refresh. Never
    // called synchronously; not called at all once `context` is destroyed.
    void withFreshToken(
        QObject *context, const TokenCallback &callback, qint64 minValidMs = HandOutValidityMs);
    // The same for a caller that needs the whole `minValidMs` even beyond the refresh margin
    // (a script asking for a token that lasts its run): a token that would not last that long
    // is refreshed first (sharing the one refresh), and when even a fresh one cannot (the
    // server's tokens are shorter), the callback gets a Configuration error saying so.
    void withTokenValidFor(QObject *context, const TokenCallback &callback, qint64 minValidMs);
    // Makes a bearer call with a fresh token; a 401 causes one refresh and one retry, never
    // more. `handler` gets the final reply (deleted after it returns), or null and an error.
    void callWithToken(QObject *context, const ReplyFactory &factory, const ReplyHandler &handler);
    // A bearer call was refused with `token`: unless a refresh has replaced it already, it
    // is treated as expired (the next withFreshToken refreshes).
    void rejectAccessToken(const QString &token);

signals:
    void stateChanged(Smtpd::Session::State state);
    void profileChanged(const Smtpd::Profile &profile);
    // The access token changed (it is never passed around in a signal; ask withFreshToken).
    void accessTokenChanged();
    void signInFailed(const Smtpd::ApiError &error);
    // A sign-in's grant became the session (before the state turns Active).
    void signInGranted();
    // An event the person should hear about (session ended and why, keychain trouble, the
    // 30-day end near).
    void notice(Smtpd::Session::Reason reason);
    // The refresh token dies at `end` (local clock), less than a day from now.
    void sessionEndingSoon(const QDateTime &end);
    // The wall clock jumped ahead of the monotonic one: the machine slept.
    void resumed();
    void idle();

private:
    enum class KeychainRetry { None, Load, Save };

    void setState(State state, Reason reason = Reason::None, const QString &detail = {});
    void updateWatching();
    void onGranted(const TokenGrant &grant, const QString &account);
    void onSignInFailed(const ApiError &error);
    void returnFromSignIn();
    void onLateGrant(const TokenGrant &grant, const QString &account);
    void revokeQuietly(const QString &accessToken, const QString &refreshToken);
    State liveState() const;
    void checkIdle();
    void dropRefresh();
    void adoptGrant(const TokenGrant &grant, bool isPasswordGrant);
    void updateDeadline(qint64 validForMs = -1);
    void onLoaded(StoreJob *job, const QString &principal, bool legacy);
    void adoptStored(const StoredSession &stored, bool migrated);
    void confirmNothingStored(const QString &principal);
    void enterKeychainTrouble(KeychainRetry retry, const StoreError &error);
    bool startRefresh();
    void onRefreshFinished(TokenReply *reply, quint64 generation);
    void goOffline(const ApiError &error);
    void expire();
    void saveTokens();
    void fetchProfile();
    void continueSignOut();
    void sendRevoke();
    void finishSignOut(const ApiError &revokeError);
    void wipe();
    void wipeKeepingAccount();
    void forgetStored(const StoredSession &session);
    bool isOnItsServer() const;
    qint64 accessValidForMs() const;
    qint64 requiredValidityMs(qint64 minValidMs) const;
    void handOut(QObject *context, const TokenCallback &callback, qint64 requiredMs, bool exact);

    ApiClient *m_api;
    const Clock *m_clock;
    SessionStorage *m_storage;
    RefreshScheduler *m_scheduler;
    SignInFlow *m_signIn;
    TokenBroker *m_broker;
    ClockTimer *m_profileRetry;

    State m_state = State::SignedOut;
    State m_stateBeforeSignIn = State::SignedOut; // where a failed or cancelled sign-in returns
    Reason m_reason = Reason::None;
    QString m_reasonDetail;
    StoredSession m_tokens;
    quint64 m_generation = 0; // bumped by every grant: a refresh of an older chain is dropped
    bool m_refreshWorkedThisRun = false;
    bool m_refreshRejectedDuringSignIn = false;
    bool m_cancelledRenewal = false; // the cancelled sign-in renewed a session
    QDateTime m_offlineSince;
    KeychainRetry m_keychainRetry = KeychainRetry::None;
    QString m_restoring; // the principal being restored
    QPointer<TokenReply> m_refreshReply;
    QPointer<QObject> m_revoke; // the sign-out's revoke call, while it runs
    bool m_revokeRetried = false;
    ApiError m_signOutError;
    int m_quietRevokes = 0; // revokes of grants nobody uses, still on their way
    Backoff m_refreshBackoff;
    Backoff m_profileBackoff;
};

QString toString(Session::State state);
QString toString(Session::Reason reason);

} // namespace Smtpd
