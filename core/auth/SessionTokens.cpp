// Session: refreshing and handing out tokens, the profile. (State and sign-in: Session.cpp;
// sign-out: SessionSignOut.cpp.)
#include "../Clock.h"
#include "../Logging.h"
#include "../api/ApiClient.h"
#include "RefreshScheduler.h"
#include "Session.h"
#include "SessionStorage.h"
#include "SignInFlow.h"

#include <QScopeGuard>

namespace Smtpd {

qint64 Session::accessValidForMs() const
{
    return m_tokens.accessToken.isEmpty() ? 0 : m_scheduler->accessValidForMs();
}

// A token for a caller must stay valid for `minValidMs`, or for the refresh margin when that
// is shorter: asking more than the margin would refresh before the deadline, and a server
// that issues short tokens cannot hand out longer ones.
qint64 Session::requiredValidityMs(qint64 minValidMs) const
{
    return std::min(minValidMs, m_scheduler->marginMs());
}

void Session::refreshNow()
{
    if (!hasTokens() || m_state == State::SigningOut || m_state == State::Restoring)
        return;
    m_scheduler->clearRetry();
    startRefresh();
}

//   due / 401 / withFreshToken ─► startRefresh ─► POST /oauth/token (one in flight)
//        ok      ─► adopt, save, Active, serve waiters
//        40106   ─► Expired (wipe), waiters get the error
//        other   ─► Offline, retry after backoff, waiters get the old token while valid
// Returns whether a refresh is in flight.
bool Session::startRefresh()
{
    if (m_refreshReply)
        return true;
    if (!hasTokens() || !isOnItsServer())
        return false;
    // Once sign-out has begun, only its own refresh (for a bearer token) may start.
    if (m_state == State::SigningOut && m_revoke)
        return false;
    if (m_state == State::Active || m_state == State::Offline)
        setState(State::Refreshing);
    TokenReply *reply = m_api->refresh(m_tokens.refreshToken);
    m_refreshReply = reply;
    m_scheduler->setRefreshInFlight(true);
    const quint64 generation = m_generation;
    connect(reply, &ApiReply::finished, this,
        [this, reply, generation] { onRefreshFinished(reply, generation); });
    return true;
}

void Session::onRefreshFinished(TokenReply *reply, quint64 generation)
{
    reply->deleteLater();
    if (reply != m_refreshReply)
        return;
    m_refreshReply.clear();
    m_scheduler->setRefreshInFlight(false);
    const auto announceIdle = qScopeGuard([this] { checkIdle(); });
    const ApiError error = reply->error();
    if (generation != m_generation || !hasTokens()) {
        // A grant replaced the chain this refresh belonged to.
        if (m_state == State::SigningOut && hasTokens() && !m_revoke && !m_signIn->isBusy())
            continueSignOut();
        return;
    }
    if (m_state == State::SigningOut) {
        if (!error)
            adoptGrant(reply->grant(), false);
        if (m_signIn->isBusy())
            return; // a grant on its way decides what is left to revoke (continueSignOut())
        if (error.isRefreshTokenRejected())
            return finishSignOut({}); // already dead on the server: nothing left to revoke
        return error ? finishSignOut(error) : sendRevoke();
    }
    if (!error) {
        const bool restoring = m_state == State::Restoring;
        adoptGrant(reply->grant(), false);
        m_refreshWorkedThisRun = true;
        m_scheduler->clearRetry();
        if (m_scheduler->isDue()) {
            // A token that is due the moment it arrives (a server clock far behind ours and no
            // Date header): the next refresh waits like a retry instead of following at once.
            m_scheduler->retryAfter(m_refreshBackoff.next({}));
        } else {
            m_refreshBackoff.reset();
        }
        saveTokens();
        if (m_state == State::SigningIn)
            m_stateBeforeSignIn = State::Active; // where a failed renewal now returns
        else if (m_state != State::KeychainUnavailable)
            setState(State::Active);
        m_broker->serve(m_tokens.accessToken, accessValidForMs(), {});
        if (restoring || !m_tokens.profile.isValid())
            fetchProfile();
        return;
    }
    if (error.isRefreshTokenRejected()) {
        if (m_state == State::SigningIn) {
            // A grant is on its way and will replace this chain; if it fails, this ends it.
            // Nothing refreshes the dead token meanwhile.
            m_refreshRejectedDuringSignIn = true;
            updateWatching();
            m_broker->failAll(error);
            return;
        }
        expire();
        return;
    }
    goOffline(error);
}

void Session::goOffline(const ApiError &error)
{
    if (!m_offlineSince.isValid())
        m_offlineSince = m_clock->now();
    const qint64 delay = m_refreshBackoff.next(error);
    qCInfo(lcAuth) << "refresh failed:" << ApiError::kindName(error.kind()) << "retry in" << delay
                   << "ms";
    m_scheduler->retryAfter(delay);
    if (m_state == State::Refreshing || m_state == State::Active || m_state == State::Restoring)
        setState(State::Offline, Reason::Offline, error.userMessage());
    else if (m_state == State::SigningIn)
        m_stateBeforeSignIn = State::Offline;
    // Waiters get the old token while it is still usable, else the error.
    m_broker->serve(m_tokens.accessToken, accessValidForMs(), error);
}

void Session::expire()
{
    Reason reason = Reason::ServerEndedSession;
    if (m_clock->now().msecsTo(m_tokens.localSessionEnd()) <= 60 * 1000)
        reason = Reason::SessionLimitReached;
    else if (m_refreshWorkedThisRun)
        reason = Reason::SignedInElsewhere;
    forgetStored(m_tokens);
    wipeKeepingAccount(); // the email is kept for the sign-in form
    m_broker->failAll(ApiError::http(403, ApiError::CodeRefreshTokenInvalid, QString(),
        tr("The session has ended. Please sign in again.")));
    setState(State::Expired, reason);
    emit notice(reason);
}

// ---- Handing out tokens ------------------------------------------------------------------

void Session::withFreshToken(QObject *context, const TokenCallback &callback, qint64 minValidMs)
{
    handOut(context, callback, requiredValidityMs(minValidMs), false);
}

void Session::withTokenValidFor(QObject *context, const TokenCallback &callback, qint64 minValidMs)
{
    handOut(context, callback, std::max<qint64>(minValidMs, 1), true);
}

// `exact`: `requiredMs` may be beyond the refresh margin. It is refused at once when the
// token in hand is (nearly) fresh and its lifetime is shorter: a refresh now would bring the
// same lifetime, and a script asking again must not cause a refresh each time. An older token
// is refreshed first (the server may hand out longer-lived tokens now); TokenBroker refuses
// the wait if the fresh one still falls short.
void Session::handOut(
    QObject *context, const TokenCallback &callback, qint64 requiredMs, bool exact)
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
    if (!hasTokens() || m_state == State::SigningOut || m_state == State::Restoring) {
        deliver({}, ApiError::configuration(tr("You are not signed in.")));
        return;
    }
    if (!isOnItsServer()) {
        deliver({}, ApiError::configuration(tr("This session belongs to another server.")));
        return;
    }
    constexpr qint64 FreshWithinMs = 60 * 1000;
    if (exact && m_tokens.accessLifetimeMs > 0 && m_tokens.accessLifetimeMs < requiredMs
        && accessValidForMs() >= m_tokens.accessLifetimeMs - FreshWithinMs) {
        deliver({},
            // More is asked for than the lifetime: %1 is always 2 or more.
            ApiError::configuration(tr("This server's access tokens are valid for %n seconds, "
                                       "less than the %1 seconds asked for.",
                nullptr, int(m_tokens.accessLifetimeMs / 1000))
                                        .arg((requiredMs + 999) / 1000)));
        return;
    }
    if (accessValidForMs() >= requiredMs && !m_refreshReply) {
        deliver(m_tokens.accessToken, {});
        return;
    }
    m_broker->wait(context, requiredMs, callback);
    if (!startRefresh())
        m_broker->failAll(ApiError::configuration(tr("You are not signed in.")));
}

void Session::callWithToken(
    QObject *context, const ReplyFactory &factory, const ReplyHandler &handler)
{
    (new BearerCall(this, context, factory, handler))->start();
}

void Session::rejectAccessToken(const QString &token)
{
    if (token != m_tokens.accessToken)
        return; // already replaced by a refresh
    // Treated as expired: the next withFreshToken refreshes. What is stored stays as the
    // server issued it (keychain and memory keep agreeing).
    m_scheduler->expireNow();
}

// Hands the tokens' times to the scheduler. `validForMs` is how long the access token lives
// from now in the monotonic clock; by default the wall clock's reading of it.
void Session::updateDeadline(qint64 validForMs)
{
    RefreshScheduler::Deadline deadline;
    deadline.localExpiry = m_tokens.localAccessExpiry();
    deadline.monotonicExpiry = m_clock->monotonicMs()
        + (validForMs >= 0 ? validForMs : m_clock->now().msecsTo(deadline.localExpiry));
    deadline.lifetimeMs = m_tokens.accessLifetimeMs;
    deadline.sessionEnd = m_tokens.localSessionEnd();
    m_scheduler->setDeadline(deadline);
}

// ---- The profile -------------------------------------------------------------------------

void Session::fetchProfile()
{
    if (!hasTokens() || m_state == State::SigningOut)
        return;
    m_profileRetry->stop();
    const QString key = m_tokens.storageKey();
    callWithToken(
        this, [this](const QString &token) { return m_api->me(token); },
        [this, key](ApiReply *reply, const ApiError &error) {
            if (!hasTokens() || m_tokens.storageKey() != key || m_state == State::SigningOut)
                return;
            if (error) {
                // The cached profile stays; nothing here ends the session. Without a real
                // profile it is asked for again, spaced like a failed refresh.
                if (reply && !m_tokens.profile.isValid())
                    m_profileRetry->start(m_profileBackoff.next(error));
                return;
            }
            m_profileBackoff.reset();
            const Profile profile = static_cast<ProfileReply *>(reply)->profile();
            if (profile == m_tokens.profile)
                return;
            m_tokens.profile = profile;
            emit profileChanged(profile);
            saveTokens();
        });
}

} // namespace Smtpd
