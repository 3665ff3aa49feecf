// Session: signing out and wiping. (State and sign-in: Session.cpp; tokens: SessionTokens.cpp.)
//
//   signOut ─► SigningOut (no refresh scheduled, pending saves dropped)
//     refresh or grant in flight? ─► wait ┐
//     token too short?   ─► one refresh ──┤ (its rotated refresh token is the one revoked)
//                                         ▼
//     POST /oauth/revoke (bearer + the refresh token held now)
//        200 / 40106 (already dead) ─► remove the item ─► SignedOut
//        401 other ─► one refresh, one more revoke
//        network…   ─► remove the item ─► SignedOut, "the server could not be told"
#include "../Clock.h"
#include "../api/ApiClient.h"
#include "RefreshScheduler.h"
#include "Session.h"
#include "SessionStorage.h"
#include "SignInFlow.h"

namespace Smtpd {

void Session::signOut()
{
    if (m_state == State::SigningOut)
        return;
    m_signOutError = {};
    // A renewal on its way may end the current session on the server: its grant, should it
    // come, is then the session to revoke.
    if (m_state == State::SigningIn)
        m_cancelledRenewal = hasTokens();
    m_signIn->cancel();
    m_profileRetry->stop();
    if (!hasTokens()) {
        wipe();
        setState(State::SignedOut, Reason::SignedOut);
        return;
    }
    setState(State::SigningOut);
    m_storage->cancelPendingSaves();
    m_broker->failAll(ApiError::configuration(tr("You are signing out.")));
    m_revokeRetried = false;
    if (m_refreshReply || m_signIn->isBusy())
        return; // its answer brings the refresh token to revoke (continueSignOut())
    continueSignOut();
}

// A renewal or refresh that was on its way has answered: revoke what is live now.
void Session::continueSignOut()
{
    if (accessValidForMs() >= requiredValidityMs(BearerCallValidityMs) || !startRefresh())
        sendRevoke();
}

void Session::sendRevoke()
{
    if (!isOnItsServer())
        return finishSignOut(
            ApiError::configuration(tr("This session belongs to another server.")));
    ApiReply *reply = m_api->revoke(m_tokens.accessToken, m_tokens.refreshToken);
    m_revoke = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply != m_revoke || m_state != State::SigningOut)
            return;
        m_revoke.clear();
        const ApiError error = reply->error();
        if (!error || error.serverCode() == ApiError::CodeRefreshTokenInvalid)
            return finishSignOut({}); // revoked now, or already dead: the session is over
        if (error.isAccessTokenRejected() && !m_revokeRetried) {
            m_revokeRetried = true;
            rejectAccessToken(m_tokens.accessToken);
            if (startRefresh())
                return;
        }
        finishSignOut(error);
    });
}

void Session::finishSignOut(const ApiError &revokeError)
{
    // Whatever the server said, nothing of the session stays here.
    const QString key = m_tokens.storageKey();
    wipeKeepingAccount();
    const Reason reason = revokeError ? Reason::SignedOutServerNotTold : Reason::SignedOut;
    m_signOutError = revokeError;
    const QString detail = revokeError.userMessage();
    m_storage->remove(key, [this, reason, detail](const StoreError &error) {
        if (m_state != State::SigningOut)
            return;
        if (error)
            setState(State::SignedOut, Reason::SignedOutItemKept, error.message);
        else
            setState(State::SignedOut, reason, detail);
    });
}

// Forgets a refresh in flight: its answer is of no use any more.
void Session::dropRefresh()
{
    delete m_refreshReply; // no finished() follows
    m_scheduler->setRefreshInFlight(false);
}

void Session::wipe()
{
    dropRefresh();
    m_profileRetry->stop();
    m_profileBackoff.reset();
    m_refreshBackoff.reset();
    m_scheduler->clear();
    m_tokens = {};
    m_refreshWorkedThisRun = false;
    m_offlineSince = {};
    updateWatching();
    emit accessTokenChanged();
}

void Session::wipeKeepingAccount()
{
    const QString account = m_tokens.account;
    wipe();
    m_tokens.account = account;
}

} // namespace Smtpd
