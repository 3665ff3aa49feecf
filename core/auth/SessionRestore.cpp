// Session: restoring from the keychain, saving to it, keychain trouble. (State and sign-in:
// Session.cpp; tokens: SessionTokens.cpp; sign-out: SessionSignOut.cpp.)
#include "../Clock.h"
#include "../api/ApiClient.h"
#include "RefreshScheduler.h"
#include "Session.h"
#include "SessionStorage.h"

namespace Smtpd {

// ---- Restore ---------------------------------------------------------------------------

void Session::whenPastRestoring(QObject *context, const std::function<void()> &then)
{
    if (m_state != State::Restoring) {
        then();
        return;
    }
    auto *watcher = new QObject(context);
    connect(this, &Session::stateChanged, watcher, [watcher, then](State state) {
        if (state == State::Restoring)
            return;
        const std::function<void()> run = then;
        delete watcher;
        run();
    });
}

void Session::restore(const QString &principal)
{
    if (principal.isEmpty() || origin().isEmpty()) {
        setState(State::SignedOut);
        return;
    }
    m_keychainRetry = KeychainRetry::None;
    wipe();
    m_restoring = principal;
    setState(State::Restoring);
    // The principal is already what an account is stored under: it needs no hashing again.
    StoreJob *job = m_storage->load(origin() + QLatin1Char('/') + principal);
    connect(job, &StoreJob::finished, this,
        [this, job, principal] { onLoaded(job, principal, false); });
}

void Session::expectRestore(const QString &principal)
{
    if (principal.isEmpty() || origin().isEmpty())
        return;
    m_keychainRetry = KeychainRetry::None;
    wipe();
    m_restoring = principal;
    setState(State::Restoring);
}

void Session::onLoaded(StoreJob *job, const QString &principal, bool legacy)
{
    job->deleteLater();
    if (m_state != State::Restoring || m_restoring != principal)
        return;
    const StoreError error = job->error();
    if (error.kind == StoreError::Kind::Corrupt) {
        setState(State::SignedOut, Reason::StoredSessionUnreadable);
        return;
    }
    if (error.kind == StoreError::Kind::NewerFormat) {
        setState(State::SignedOut, Reason::StoredSessionNewerVersion);
        return;
    }
    if (error) {
        enterKeychainTrouble(KeychainRetry::Load, error);
        return;
    }
    if (job->found() && !legacy && job->session().origin == origin()) {
        adoptStored(job->session(), false);
    } else if (job->found() && legacy && job->session().isLegacy()) {
        adoptStored(job->session(), true);
    } else if (!legacy && origin() == productionOrigin()) {
        // Saved by a version that did not record the server: only ever the production one.
        StoreJob *old = m_storage->load(principal);
        connect(old, &StoreJob::finished, this,
            [this, old, principal] { onLoaded(old, principal, true); });
    } else {
        confirmNothingStored(principal);
    }
}

void Session::adoptStored(const StoredSession &stored, bool migrated)
{
    m_tokens = stored;
    m_tokens.origin = origin();
    // Across a restart only the wall clock knows the expiry; from here on the monotonic one
    // keeps it too.
    updateDeadline();
    if (migrated) {
        // The format-1 item goes only once the new one is safely written.
        const QString legacyKey = principalFor(stored.account);
        m_storage->save(m_tokens, [this, legacyKey](const StoreError &error) {
            if (!error)
                m_storage->remove(legacyKey);
        });
    }
    if (!m_tokens.profile.isValid()) // /oauth/me never answered: the token's claims stand in
        m_tokens.profile = Profile::fromAccessToken(m_tokens.accessToken);
    emit profileChanged(m_tokens.profile);
    emit accessTokenChanged();
    if (accessValidForMs() >= requiredValidityMs(HandOutValidityMs)) {
        // Usable: ready at once, with no network call before the window shows. A token
        // inside its margin is refreshed by the scheduler right after, once.
        setState(State::Active);
        QMetaObject::invokeMethod(this, &Session::fetchProfile, Qt::QueuedConnection);
    } else {
        startRefresh(); // stays in Restoring until the refresh answers
    }
}

// The app remembered an account, yet the store says it holds nothing: either the user's
// item is really gone, or a locked keyring hid it. Only a working write tells them apart.
void Session::confirmNothingStored(const QString &principal)
{
    StoreJob *job = m_storage->checkWritable();
    connect(job, &StoreJob::finished, this, [this, job, principal] {
        job->deleteLater();
        if (m_state != State::Restoring || m_restoring != principal)
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
    setState(State::KeychainUnavailable, Reason::KeychainUnavailable, error.message);
    emit notice(Reason::KeychainUnavailable);
}

void Session::retryKeychain()
{
    if (m_state != State::KeychainUnavailable)
        return;
    if (m_keychainRetry == KeychainRetry::Load) {
        restore(m_restoring);
    } else {
        saveTokens();
        setState(liveState());
    }
}

void Session::continueWithoutKeychain()
{
    if (m_state != State::KeychainUnavailable)
        return;
    m_storage->keepThisRunOnly();
    if (m_keychainRetry == KeychainRetry::Save && hasTokens()) {
        saveTokens();
        setState(liveState(), Reason::ThisRunOnly);
    } else {
        wipeKeepingAccount();
        setState(State::SignedOut, Reason::ThisRunOnly);
    }
    m_keychainRetry = KeychainRetry::None;
}

void Session::saveTokens()
{
    const QString key = m_tokens.storageKey();
    m_storage->save(m_tokens, [this, key](const StoreError &error) {
        if (!error || !hasTokens() || m_tokens.storageKey() != key || m_state == State::SigningOut)
            return;
        enterKeychainTrouble(KeychainRetry::Save, error);
    });
}

// Removes a session's stored item; nothing waits for the answer.
void Session::forgetStored(const StoredSession &session)
{
    m_storage->remove(session.storageKey());
}

} // namespace Smtpd
