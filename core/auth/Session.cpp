#include "Session.h"

#include "../Clock.h"
#include "../Logging.h"
#include "../api/ApiClient.h"
#include "../api/ServerConfig.h"
#include "RefreshPolicy.h"
#include "RefreshScheduler.h"
#include "SessionStorage.h"
#include "SignInFlow.h"

#include <QMetaEnum>

namespace Smtpd {

Session::Session(ApiClient *api, TokenStore *store, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_clock(clock)
    , m_storage(new SessionStorage(store, this))
    , m_scheduler(new RefreshScheduler(clock, this))
    , m_signIn(new SignInFlow(api, this))
    , m_broker(new TokenBroker(this))
    , m_profileRetry(clock->createTimer(this))
{
    connect(m_scheduler, &RefreshScheduler::refreshDue, this, &Session::startRefresh);
    connect(m_scheduler, &RefreshScheduler::resumed, this, &Session::resumed);
    connect(m_scheduler, &RefreshScheduler::sessionEndingSoon, this, [this](const QDateTime &end) {
        emit sessionEndingSoon(end);
        emit notice(Reason::SessionEndingSoon);
    });
    connect(m_signIn, &SignInFlow::granted, this, &Session::onGranted);
    connect(m_signIn, &SignInFlow::failed, this, &Session::onSignInFailed);
    connect(m_signIn, &SignInFlow::lateGrant, this, &Session::onLateGrant);
    connect(m_signIn, &SignInFlow::cancelledRequestEnded, this, [this] {
        if (m_state == State::SigningOut && !m_revoke && !m_refreshReply)
            continueSignOut();
    });
    connect(m_profileRetry, &ClockTimer::timeout, this, &Session::fetchProfile);
    connect(m_storage, &SessionStorage::idle, this, &Session::checkIdle);
    for (auto signal : {&SignInFlow::granted, &SignInFlow::lateGrant})
        connect(m_signIn, signal, this, &Session::checkIdle, Qt::QueuedConnection);
    connect(m_signIn, &SignInFlow::failed, this, &Session::checkIdle, Qt::QueuedConnection);
}

bool Session::isIdle() const
{
    return !m_refreshReply && !m_signIn->isBusy() && m_state != State::SigningOut
        && !m_storage->isBusy() && m_quietRevokes == 0;
}

void Session::checkIdle()
{
    if (isIdle())
        emit idle();
}

Session::~Session()
{
    delete m_refreshReply;
}

QString Session::origin() const
{
    return serverOrigin(m_api->baseUrl());
}

bool Session::isOnItsServer() const
{
    return !m_tokens.origin.isEmpty() && m_tokens.origin == origin();
}

QString Session::storageDescription() const
{
    return m_storage->displayName();
}

QString Session::storageName() const
{
    return m_storage->storageName();
}

QDateTime Session::accessTokenExpiry() const
{
    return hasTokens() ? m_tokens.localAccessExpiry() : QDateTime();
}

QDateTime Session::sessionEnd() const
{
    return hasTokens() ? m_tokens.localSessionEnd() : QDateTime();
}

void Session::setState(State state, Reason reason, const QString &detail)
{
    if (reason != Reason::None || state == State::Active || state == State::SignedOut) {
        m_reason = reason;
        m_reasonDetail = detail;
    }
    if (state != State::Offline && state != State::Refreshing && state != State::KeychainUnavailable
        && state != State::SigningIn)
        m_offlineSince = {};
    if (m_state != state) {
        qCInfo(lcAuth) << "session state" << toString(m_state) << "->" << toString(state);
        m_state = state;
        updateWatching();
        emit stateChanged(state);
        checkIdle();
    } else {
        updateWatching();
    }
}

// Refreshes are scheduled only while the session is live; never once sign-out has begun.
void Session::updateWatching()
{
    const bool live = m_state == State::Active || m_state == State::Refreshing
        || m_state == State::Offline || m_state == State::SigningIn
        || m_state == State::KeychainUnavailable;
    m_scheduler->setWatching(hasTokens() && live && !m_refreshRejectedDuringSignIn);
}

// ---- Sign-in ---------------------------------------------------------------------------

void Session::signIn(const QString &username, const QString &secret)
{
    if (m_state == State::SigningIn || m_state == State::SigningOut || m_state == State::Restoring)
        return;
    if (!hasTokens())
        wipe();
    m_refreshRejectedDuringSignIn = false;
    m_stateBeforeSignIn = m_state;
    m_signIn->start(username, secret);
    setState(State::SigningIn);
}

void Session::cancelSignIn()
{
    if (m_state != State::SigningIn)
        return;
    m_cancelledRenewal = hasTokens();
    m_signIn->cancel();
    returnFromSignIn();
}

// A cancelled grant that the server made all the same. A renewal's becomes the session (the
// grant ended the old one on the server); any other is revoked, so that no session the person
// gave up on stays open there.
void Session::onLateGrant(const TokenGrant &grant, const QString &account)
{
    const bool renewal = std::exchange(m_cancelledRenewal, false);
    // Its account's session, still there or ended meanwhile (most likely by this very grant).
    const bool sameAccount = principalFor(account) == principalFor(m_tokens.account);
    if (renewal && sameAccount && m_state == State::SigningOut && hasTokens()) {
        // Signing out while it was on its way: these are now the live tokens to revoke.
        adoptGrant(grant, true);
        return;
    }
    if (renewal && sameAccount
        && (m_state == State::Active || m_state == State::Refreshing || m_state == State::Offline
            || m_state == State::Expired)) {
        onGranted(grant, account);
        return;
    }
    revokeQuietly(grant.accessToken, grant.refreshToken);
}

// Ends a session on the server that nobody here will use; no state waits for the answer, but
// the session is not idle until it came (quitting, or dropping the account, would abort it).
void Session::revokeQuietly(const QString &accessToken, const QString &refreshToken)
{
    if (origin().isEmpty())
        return;
    ApiReply *revoke = m_api->revoke(accessToken, refreshToken);
    ++m_quietRevokes;
    connect(revoke, &ApiReply::finished, this, [this, revoke] {
        revoke->deleteLater();
        --m_quietRevokes;
        checkIdle();
    });
}

void Session::onSignInFailed(const ApiError &error)
{
    if (error)
        emit signInFailed(error);
    returnFromSignIn();
}

// Back to where the person was before the attempt: their session, or signed out.
void Session::returnFromSignIn()
{
    if (m_refreshRejectedDuringSignIn) {
        expire(); // the old session died while the new one was being asked for
        return;
    }
    if (!hasTokens())
        setState(State::SignedOut);
    else if (m_stateBeforeSignIn == State::KeychainUnavailable)
        setState(State::KeychainUnavailable);
    else if (m_refreshReply)
        setState(State::Refreshing);
    else
        setState(liveState());
}

// Where a session with tokens stands when nothing is going on: offline or active.
Session::State Session::liveState() const
{
    return m_offlineSince.isValid() ? State::Offline : State::Active;
}

void Session::onGranted(const TokenGrant &grant, const QString &account)
{
    // The grant has expired any older refresh token of this user: from here on only the new
    // tokens are any good, so they replace the old ones and are saved at once.
    const StoredSession previous = m_tokens;
    const QString server = origin();
    const bool replacesAnother
        = previous.isValid() && previous.storageKey() != storageKeyFor(server, account);
    wipe(); // a refresh of the older chain in flight is of no use now
    if (replacesAnother) {
        // Another account's session: not kept here, and not left open on its server.
        forgetStored(previous);
        if (previous.origin == server)
            revokeQuietly(previous.accessToken, previous.refreshToken);
    }
    m_tokens.origin = server;
    m_tokens.account = account;
    if (principalFor(previous.account) == principalFor(account))
        m_tokens.profile = previous.profile;
    adoptGrant(grant, true);
    if (!m_tokens.profile.isValid())
        m_tokens.profile = Profile::fromAccessToken(m_tokens.accessToken);
    emit profileChanged(m_tokens.profile);
    saveTokens();
    emit signInGranted();
    setState(State::Active);
    // Callers that queued behind a refresh of the older chain get the new token.
    m_broker->serve(m_tokens.accessToken, accessValidForMs(), {});
    fetchProfile();
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
    m_tokens.accessLifetimeMs = grant.lifetimeMs();
    m_tokens.clockSkewMs = grant.receivedAt.msecsTo(serverNow);
    if (isPasswordGrant || !m_tokens.grantedAt.isValid())
        m_tokens.grantedAt = serverNow;
    if (isPasswordGrant)
        ++m_generation;
    updateDeadline(m_tokens.accessLifetimeMs);
    emit accessTokenChanged();
}

QString toString(Session::State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<Session::State>().valueToKey(int(state)));
}

QString toString(Session::Reason reason)
{
    return QString::fromLatin1(QMetaEnum::fromType<Session::Reason>().valueToKey(int(reason)));
}

} // namespace Smtpd
