#include "Session.h"

#include "../Clock.h"
#include "../Logging.h"
#include "../api/ApiClient.h"
#include "RefreshPolicy.h"

#include <QMetaEnum>
#include <QRandomGenerator>

namespace Smtpd {

Session::Session(ApiClient *api, TokenStore *store, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_keychain(store)
    , m_memory(new MemoryTokenStore(this))
    , m_clock(clock)
{
    m_clockCheck.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    m_resumeGrace.setSingleShot(true);
    connect(&m_clockCheck, &QTimer::timeout, this, &Session::onClockCheck);
    connect(&m_retryTimer, &QTimer::timeout, this, &Session::startRefresh);
    m_profileRetry.setSingleShot(true);
    connect(&m_profileRetry, &QTimer::timeout, this, &Session::fetchProfile);
    connect(&m_resumeGrace, &QTimer::timeout, this, [this] {
        if (isRefreshDue())
            startRefresh();
    });
}

Session::~Session()
{
    delete m_signInReply;
    delete m_refreshReply;
}

void Session::setBackoff(qint64 initialMs, qint64 maxMs)
{
    m_backoffInitialMs = initialMs;
    m_backoffMaxMs = maxMs;
}

TokenStore *Session::activeStore() const
{
    return m_thisRunOnly ? static_cast<TokenStore *>(m_memory) : m_keychain;
}

QString Session::storageDescription() const
{
    return activeStore()->displayName();
}

QDateTime Session::accessTokenExpiry() const
{
    return hasTokens() ? m_tokens.localAccessExpiry() : QDateTime();
}

QDateTime Session::sessionEnd() const
{
    return hasTokens() ? m_tokens.localSessionEnd() : QDateTime();
}

void Session::setState(State state, const QString &reason)
{
    if (!reason.isEmpty() || state == State::Active || state == State::SignedOut)
        m_reason = reason;
    if (state != State::Offline && state != State::Refreshing)
        m_offlineSince = {};
    if (m_state != state) {
        qCInfo(lcAuth) << "session state" << toString(m_state) << "->" << toString(state);
        m_state = state;
        emit stateChanged(state);
    }
    scheduleCheck();
}

// ---- Sign-in ---------------------------------------------------------------------------

// Signing in while signed in (to start a new 30-day session) keeps the current session
// until the server has granted the new one; a failed or cancelled attempt changes nothing.
void Session::signIn(const QString &username, const QString &secret)
{
    if (m_state == State::SigningIn || m_state == State::SigningOut)
        return;
    if (!hasTokens())
        wipe();
    delete m_signInReply;
    m_pendingAccount = username.trimmed();
    TokenReply *reply = m_api->grantPassword(m_pendingAccount, secret);
    m_signInReply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] { onGrantFinished(reply); });
    setState(State::SigningIn);
}

void Session::cancelSignIn()
{
    if (m_state != State::SigningIn)
        return;
    delete m_signInReply;
    leaveSigningIn();
}

// Back to where the person was before the attempt: their session, or signed out.
void Session::leaveSigningIn()
{
    if (hasTokens())
        setState(State::Active);
    else
        setState(State::SignedOut);
}

void Session::onGrantFinished(TokenReply *reply)
{
    reply->deleteLater();
    if (reply != m_signInReply)
        return;
    if (reply->error()) {
        emit signInFailed(reply->error().userMessage(), reply->error());
        leaveSigningIn();
        return;
    }
    // The grant has expired any older refresh token of this user: from here on only the new
    // tokens are any good, so they replace the old ones at once.
    const StoredSession previous = m_tokens;
    if (!previous.account.isEmpty() && previous.account != m_pendingAccount)
        forgetStored(previous.account);
    wipe();
    m_tokens.account = m_pendingAccount;
    if (previous.account == m_pendingAccount)
        m_tokens.profile = previous.profile;
    adoptGrant(reply->grant(), true);
    ProfileReply *profileReply = m_api->me(m_tokens.accessToken);
    m_signInReply = profileReply;
    connect(profileReply, &ApiReply::finished, this,
        [this, profileReply] { onSignInProfileFinished(profileReply); });
}

void Session::onSignInProfileFinished(ApiReply *reply)
{
    reply->deleteLater();
    if (reply != m_signInReply)
        return;
    if (!reply->error()) {
        m_tokens.profile = static_cast<ProfileReply *>(reply)->profile();
    } else if (!m_tokens.profile.isValid()) {
        // Signed in all the same: the grant is good (and has already ended any older session),
        // so it is kept. The token's claims stand in for the profile until /oauth/me answers.
        m_tokens.profile = Profile::fromAccessToken(m_tokens.accessToken);
        retryProfileLater(reply->error());
    }
    emit profileChanged(m_tokens.profile);
    saveTokens(State::Active);
}

// Takes the tokens of a grant or refresh. Lifetimes are measured in the server's clock
// (expires_at - Date), and deadlines kept in both the wall and the monotonic clock.
void Session::adoptGrant(const TokenGrant &grant, bool isPasswordGrant)
{
    const QDateTime serverNow = grant.serverDate.isValid() ? grant.serverDate : grant.receivedAt;
    m_tokens.accessToken = grant.accessToken;
    // Rotation-safe: whatever refresh token comes back replaces the old one.
    m_tokens.refreshToken = grant.refreshToken;
    m_tokens.accessExpiresAt = grant.expiresAt;
    m_tokens.clockSkewMs = grant.receivedAt.msecsTo(serverNow);
    if (isPasswordGrant || !m_tokens.grantedAt.isValid())
        m_tokens.grantedAt = serverNow;
    m_lifetimeMs = grant.lifetimeMs();
    m_monotonicExpiry = m_clock->monotonicMs() + m_lifetimeMs;
    emit accessTokenChanged();
}

// ---- Restore ---------------------------------------------------------------------------

void Session::restore(const QString &account)
{
    if (account.isEmpty()) {
        setState(State::SignedOut);
        return;
    }
    m_keychainRetry = KeychainRetry::None;
    m_tokens = {};
    m_tokens.account = account;
    setState(State::Restoring);
    StoreJob *job = activeStore()->load(account);
    connect(job, &StoreJob::finished, this, [this, job, account] {
        job->deleteLater();
        if (m_state != State::Restoring || m_tokens.account != account)
            return;
        if (job->error().kind == StoreError::Kind::Corrupt) {
            wipeKeepingAccount();
            setState(State::SignedOut,
                tr("Your saved sign-in could not be read, so it was removed. "
                   "Please sign in again."));
            return;
        }
        if (job->error()) {
            enterKeychainTrouble(KeychainRetry::Load, job->error());
            return;
        }
        if (!job->found()) {
            confirmNothingStored(account);
            return;
        }
        m_tokens = job->session();
        m_monotonicExpiry = -1; // unknown across a restart: the wall clock decides
        m_lifetimeMs = 0;
        if (!m_tokens.profile.isValid()) // /oauth/me never answered: the token's claims stand in
            m_tokens.profile = Profile::fromAccessToken(m_tokens.accessToken);
        emit profileChanged(m_tokens.profile);
        emit accessTokenChanged();
        if (accessValidForMs() >= RefreshPolicy::MinimumValidityMs) {
            // Still valid: ready at once, with no network call before the window shows.
            setState(State::Active);
            QMetaObject::invokeMethod(this, &Session::fetchProfile, Qt::QueuedConnection);
        } else {
            startRefresh(); // stays in Restoring until the refresh answers
        }
    });
}

// The app remembered an account, yet the store says it holds nothing: either the user's
// item is really gone, or a locked keyring hid it. Only a working write tells them apart.
void Session::confirmNothingStored(const QString &account)
{
    StoreJob *job = activeStore()->checkWritable();
    connect(job, &StoreJob::finished, this, [this, job, account] {
        job->deleteLater();
        if (m_state != State::Restoring || m_tokens.account != account)
            return;
        if (job->error()) {
            enterKeychainTrouble(KeychainRetry::Load, job->error());
            return;
        }
        setState(State::SignedOut);
    });
}

void Session::enterKeychainTrouble(KeychainRetry retry, const StoreError &error)
{
    m_keychainRetry = retry;
    const QString reason = tr("Keychain unavailable: %1").arg(error.message);
    setState(State::KeychainUnavailable, reason);
    emit notice(tr("Keychain unavailable"), reason);
}

// ---- Refresh ---------------------------------------------------------------------------

qint64 Session::accessValidForMs() const
{
    if (m_tokens.accessToken.isEmpty())
        return 0;
    qint64 valid = m_clock->now().msecsTo(m_tokens.localAccessExpiry());
    if (m_monotonicExpiry >= 0)
        valid = std::min(valid, m_monotonicExpiry - m_clock->monotonicMs());
    return valid;
}

// After a restart only the remaining time is known; a full hour is assumed then, which makes
// the margin the usual five minutes.
qint64 Session::knownLifetimeMs() const
{
    return m_lifetimeMs > 0 ? m_lifetimeMs : 60 * 60 * 1000;
}

bool Session::isRefreshDue() const
{
    return hasTokens() && accessValidForMs() <= RefreshPolicy::refreshMarginMs(knownLifetimeMs());
}

void Session::refreshNow()
{
    if (hasTokens() && m_state != State::SigningOut)
        startRefresh();
}

//   due / 401 / withFreshToken ─► startRefresh ─► POST /oauth/token (one in flight)
//        ok      ─► adopt, save, Active, serve waiters
//        40106   ─► Expired (wipe), waiters get the error
//        other   ─► Offline, retry after backoff, waiters get the old token while valid
void Session::startRefresh()
{
    if (m_refreshReply || !hasTokens())
        return;
    m_retryTimer.stop();
    m_resumeGrace.stop();
    if (m_state == State::Active || m_state == State::Offline)
        setState(State::Refreshing);
    TokenReply *reply = m_api->refresh(m_tokens.refreshToken);
    m_refreshReply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] { onRefreshFinished(reply); });
}

void Session::onRefreshFinished(TokenReply *reply)
{
    reply->deleteLater();
    if (reply != m_refreshReply)
        return;
    m_refreshReply.clear();
    if (!reply->error()) {
        const bool restoring = m_state == State::Restoring;
        adoptGrant(reply->grant(), false);
        m_refreshWorkedThisRun = true;
        m_retryAttempt = 0;
        if (m_state != State::SigningOut)
            saveTokens(State::Active);
        serveWaiters({});
        if (restoring || !m_tokens.profile.isValid())
            fetchProfile();
        return;
    }
    if (reply->error().isRefreshTokenRejected()) {
        expire();
        return;
    }
    goOffline(reply->error());
}

// The wait before retry number *attempt (then counted), with jitter and the server's Retry-After.
qint64 Session::nextBackoffMs(int *attempt, const ApiError &error) const
{
    return RefreshPolicy::backoffDelayMs((*attempt)++, m_backoffInitialMs, m_backoffMaxMs,
        QRandomGenerator::global()->generateDouble(), error.retryAfterSeconds());
}

void Session::goOffline(const ApiError &error)
{
    if (!m_offlineSince.isValid())
        m_offlineSince = m_clock->now();
    const qint64 delay = nextBackoffMs(&m_retryAttempt, error);
    qCInfo(lcAuth) << "refresh failed:" << ApiError::kindName(error.kind()) << "retry in" << delay
                   << "ms";
    if (m_state != State::SigningOut) {
        setState(
            State::Offline, tr("Offline: %1 Retrying automatically.").arg(error.userMessage()));
        m_retryTimer.start(static_cast<int>(delay));
    }
    serveWaiters(error);
}

void Session::expire()
{
    const QDateTime now = m_clock->now();
    QString reason;
    if (now.msecsTo(m_tokens.localSessionEnd()) <= 60 * 1000)
        reason
            = tr("Your session reached its 30-day limit, so it has ended. Please sign in again.");
    else if (m_refreshWorkedThisRun)
        reason = tr("You signed in on another device, which ended the session here. Please sign in "
                    "again.");
    else
        reason = tr("The server ended this session — most likely you signed in on another device. "
                    "Please sign in again.");
    forgetStored(m_tokens.account);
    wipeKeepingAccount(); // the email is kept for the sign-in form
    serveWaiters(ApiError::http(403, ApiError::CodeRefreshTokenInvalid, QString(), reason));
    setState(State::Expired, reason);
    emit notice(tr("Signed out"), reason);
}

void Session::saveTokens(State stateAfterSave)
{
    StoreJob *job = activeStore()->save(m_tokens);
    const QString account = m_tokens.account;
    connect(job, &StoreJob::finished, this, [this, job, account, stateAfterSave] {
        job->deleteLater();
        if (!hasTokens() || m_tokens.account != account || m_state == State::SigningOut)
            return;
        if (job->error()) {
            enterKeychainTrouble(KeychainRetry::Save, job->error());
            return;
        }
        m_keychainRetry = KeychainRetry::None;
        setState(stateAfterSave);
    });
}

void Session::fetchProfile()
{
    if (!hasTokens())
        return;
    callWithToken(
        this, [this](const QString &token) { return m_api->me(token); },
        [this](ApiReply *reply) {
            if (!hasTokens())
                return;
            if (!reply || reply->error()) {
                // The cached profile stays; nothing here ends the session.
                if (reply && !m_tokens.profile.isValid())
                    retryProfileLater(reply->error());
                return;
            }
            m_profileAttempt = 0;
            const Profile profile = static_cast<ProfileReply *>(reply)->profile();
            if (profile == m_tokens.profile)
                return;
            m_tokens.profile = profile;
            emit profileChanged(profile);
            if (m_state == State::Active)
                saveTokens(State::Active);
        });
}

// /oauth/me could not be read while no real profile is known: try again with the same backoff
// as a failed refresh.
void Session::retryProfileLater(const ApiError &error)
{
    const qint64 delay = nextBackoffMs(&m_profileAttempt, error);
    qCInfo(lcAuth) << "profile not loaded:" << ApiError::kindName(error.kind()) << "retry in"
                   << delay << "ms";
    m_profileRetry.start(static_cast<int>(delay));
}

// ---- Handing out tokens ------------------------------------------------------------------

void Session::withFreshToken(QObject *context, const TokenCallback &callback)
{
    const QPointer<QObject> guard(context);
    auto deliver = [this, guard, callback](const QString &token, const ApiError &error) {
        QMetaObject::invokeMethod(
            this,
            [guard, callback, token, error] {
                if (guard)
                    callback(token, error);
            },
            Qt::QueuedConnection);
    };
    if (!hasTokens() || m_state == State::SigningIn) {
        deliver({}, ApiError::configuration(tr("You are not signed in.")));
        return;
    }
    if (accessValidForMs() >= RefreshPolicy::MinimumValidityMs && !m_refreshReply) {
        deliver(m_tokens.accessToken, {});
        return;
    }
    m_waiters.append({guard, callback});
    startRefresh();
}

void Session::serveWaiters(const ApiError &error)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    const bool usable = accessValidForMs() >= RefreshPolicy::MinimumValidityMs;
    for (const Waiter &waiter : waiters) {
        if (!waiter.context)
            continue;
        if (!error || usable)
            waiter.callback(m_tokens.accessToken, {});
        else
            waiter.callback({}, error);
    }
}

void Session::callWithToken(
    QObject *context, const ReplyFactory &factory, const ReplyHandler &handler)
{
    const QPointer<QObject> guard(context);
    auto attempt = std::make_shared<std::function<void(bool)>>();
    *attempt = [this, guard, factory, handler, attempt](bool isRetry) {
        withFreshToken(guard,
            [this, guard, factory, handler, attempt, isRetry](
                const QString &token, const ApiError &error) {
                if (error) {
                    handler(nullptr);
                    return;
                }
                ApiReply *reply = factory(token);
                connect(reply, &ApiReply::finished, this,
                    [this, guard, reply, handler, attempt, isRetry] {
                        if (!guard) {
                            reply->deleteLater();
                            return;
                        }
                        if (reply->error().isAccessTokenRejected() && !isRetry) {
                            // The server did not take a token we thought valid: refresh once, retry
                            // once.
                            reply->deleteLater();
                            invalidateAccessToken();
                            (*attempt)(true);
                            return;
                        }
                        handler(reply);
                        reply->deleteLater();
                        *attempt = nullptr; // break the self-reference
                    });
            });
    };
    (*attempt)(false);
}

// ---- Sign-out ------------------------------------------------------------------------------

void Session::signOut()
{
    if (m_state == State::SigningOut)
        return;
    if (!hasTokens()) {
        wipe();
        setState(State::SignedOut);
        return;
    }
    delete m_signInReply;
    setState(State::SigningOut);
    const QString refreshToken = m_tokens.refreshToken;
    callWithToken(
        this,
        [this, refreshToken](const QString &token) { return m_api->revoke(token, refreshToken); },
        [this](ApiReply *reply) {
            finishSignOut(
                reply ? reply->error() : ApiError::network(tr("the server could not be reached")));
        });
}

void Session::finishSignOut(const ApiError &revokeError)
{
    // Whatever the server said, nothing of the session stays here.
    forgetStored(m_tokens.account);
    wipeKeepingAccount();
    const bool endedOnServer
        = !revokeError || revokeError.serverCode() == ApiError::CodeRefreshTokenInvalid;
    const QString reason = endedOnServer
        ? tr("You are signed out.")
        : tr("Signed out on this computer. The server could not be told (%1), so the session "
             "there ends by itself within 30 days.")
              .arg(revokeError.userMessage());
    setState(State::SignedOut, reason);
}

void Session::wipe()
{
    delete m_refreshReply;
    m_retryTimer.stop();
    m_profileRetry.stop();
    m_profileAttempt = 0;
    m_resumeGrace.stop();
    m_clockCheck.stop();
    m_tokens = {};
    m_lifetimeMs = 0;
    m_monotonicExpiry = -1;
    m_retryAttempt = 0;
    m_warnedSessionEnd = false;
    m_refreshWorkedThisRun = false;
    m_offlineSince = {};
    emit accessTokenChanged();
}

void Session::wipeKeepingAccount()
{
    const QString account = m_tokens.account;
    wipe();
    m_tokens.account = account;
}

// Removes the account's stored session; nothing waits for the answer.
void Session::forgetStored(const QString &account)
{
    StoreJob *job = activeStore()->clear(storageKeyFor(account));
    connect(job, &StoreJob::finished, job, &QObject::deleteLater);
}

// The server did not take a token we thought valid: treat it as expired in both clocks.
void Session::invalidateAccessToken()
{
    m_monotonicExpiry = m_clock->monotonicMs();
    m_tokens.accessExpiresAt = m_tokens.accessExpiresAt.addYears(-1);
}

// ---- Keychain trouble ----------------------------------------------------------------------

void Session::retryKeychain()
{
    if (m_state != State::KeychainUnavailable)
        return;
    if (m_keychainRetry == KeychainRetry::Load)
        restore(m_tokens.account);
    else
        saveTokens(State::Active);
}

void Session::continueWithoutKeychain()
{
    if (m_state != State::KeychainUnavailable)
        return;
    m_thisRunOnly = true;
    if (m_keychainRetry == KeychainRetry::Save && hasTokens()) {
        saveTokens(State::Active);
    } else {
        wipeKeepingAccount();
        setState(State::SignedOut, tr("Your sign-in will be kept for this run only."));
    }
    m_keychainRetry = KeychainRetry::None;
}

// ---- The clock -----------------------------------------------------------------------------

// A QTimer does not run while the machine sleeps, so the wall clock is re-read at least every
// m_clockCheckIntervalMs: a deadline that passed during a suspend is then noticed at once.
void Session::scheduleCheck()
{
    const bool watching = hasTokens()
        && (m_state == State::Active || m_state == State::Refreshing || m_state == State::Offline
            || m_state == State::KeychainUnavailable);
    if (!watching) {
        m_clockCheck.stop();
        return;
    }
    if (!m_lastCheckWall.isValid() || !m_clockCheck.isActive()) {
        m_lastCheckWall = m_clock->now();
        m_lastCheckMonotonic = m_clock->monotonicMs();
    }
    const qint64 untilDue = accessValidForMs() - RefreshPolicy::refreshMarginMs(knownLifetimeMs());
    m_clockCheck.start(static_cast<int>(std::clamp<qint64>(untilDue, 0, m_clockCheckIntervalMs)));
}

void Session::onClockCheck()
{
    const QDateTime wall = m_clock->now();
    const qint64 monotonic = m_clock->monotonicMs();
    const qint64 slept = m_lastCheckWall.msecsTo(wall) - (monotonic - m_lastCheckMonotonic);
    m_lastCheckWall = wall;
    m_lastCheckMonotonic = monotonic;

    if (!m_warnedSessionEnd && hasTokens()
        && wall.msecsTo(m_tokens.localSessionEnd()) <= RefreshPolicy::SessionEndWarningMs) {
        m_warnedSessionEnd = true;
        emit sessionEndingSoon(m_tokens.localSessionEnd());
        emit notice(tr("Session ends soon"),
            tr("Your session ends %1 (the 30-day limit). Sign in again now to avoid "
               "an interruption.")
                .arg(QLocale().toString(
                    m_tokens.localSessionEnd().toLocalTime(), QLocale::ShortFormat)));
    }
    if (slept > RefreshPolicy::ResumeThresholdMs) {
        qCInfo(lcAuth) << "woke from a suspend of about" << slept / 1000 << "s";
        emit resumed();
        if (isRefreshDue()) {
            // Give the network a moment to come back before asking the server.
            m_retryTimer.stop();
            m_retryAttempt = 0;
            m_resumeGrace.start(static_cast<int>(m_resumeGraceMs));
        }
    } else if (isRefreshDue() && !m_retryTimer.isActive() && !m_resumeGrace.isActive()) {
        startRefresh();
    }
    scheduleCheck();
}

QString toString(Session::State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<Session::State>().valueToKey(int(state)));
}

} // namespace Smtpd
