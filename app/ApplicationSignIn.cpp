// Application: the sign-in form's flow — a new account, or the shown one renewed; its
// failure and its cancelling. (Wiring: Application.cpp; windows: ApplicationWindows.cpp.)
#include "AccountUi.h"
#include "Application.h"
#include "SessionPresenter.h"
#include "SignInWindow.h"
#include "accounts/AccountManager.h"
#include "api/ServerConfig.h"
#include "auth/StoredSession.h"

namespace Smtpd {

void Application::onSignInRequested(const SignInRequest &request)
{
    ServerChoice choice {request.server, request.caFile, request.caCertificates};
    // The launch's server and CA file: the options read that CA already.
    if (choice.caCertificates.isEmpty() && choice.caFile == m_options.caFile
        && serverOrigin(choice.server) == serverOrigin(m_options.apiUrl))
        choice.caCertificates = m_options.caCertificates;
    if (!m_addingAccount && m_current && m_signInFormFor == m_current->id())
        choice = {m_current->server(), m_current->record().caFile, {}}; // its own server only
    m_signInFailed = false;
    if (Account *existing
        = m_accounts->account(storageKeyFor(serverOrigin(choice.server), request.username))) {
        const Session::State state = existing->session()->state();
        if (state == Session::State::SigningOut || state == Session::State::Restoring) {
            m_signInWindow->showError(state == Session::State::SigningOut
                    ? tr("This account is signing out right now. Try again in a moment.")
                    : tr("This account is being restored from the keychain. Try again in a "
                         "moment."));
            return;
        }
    }
    m_signingIn = m_accounts->signIn(choice, request.username, request.secret);
    if (!m_signingIn) {
        m_signInWindow->showError(
            tr("This account is still being removed. Try again in a moment."));
        return;
    }
    // A new account's session is watched by the window before it joins the list.
    connect(m_signingIn->session(), &Session::stateChanged, this, &Application::onSessionChanged,
        Qt::UniqueConnection);
    connect(m_signingIn->session(), &Session::signInFailed, this, &Application::onSignInFailed,
        Qt::UniqueConnection);
    updateAll();
}

void Application::onSignInFailed(const ApiError &error)
{
    if (!m_signingIn || sender() != m_signingIn->session())
        return;
    m_signInFailed = true;
    // The token endpoint refuses a key in a password's words ("Username and password are
    // incorrect"): for a key, say what that means.
    if (error.serverCode() == ApiError::CodeBadCredentials && m_signingIn->record().isApiKey()) {
        m_signInWindow->showError(tr("This API key cannot sign in: the key or its secret is "
                                     "wrong, or the key was revoked (keys unused for 90 days "
                                     "are revoked too). The server said: %1")
                                      .arg(error.userMessage()));
        return;
    }
    m_signInWindow->showError(error.userMessage());
}

void Application::onSignInCancelled()
{
    if (m_current && currentPresenter())
        currentPresenter()->setRenewing(false); // first: a cancelled renewal is no completed one
    if (m_signingIn)
        m_accounts->cancelSignIn(m_signingIn);
    m_signingIn = nullptr;
    if (m_addingAccount)
        m_addingAccount = false;
    else if (m_current && m_accounts->accounts().size() > 1)
        m_signInDismissed.insert(m_current->id()); // it stays "signed out" in the list
    updateAll();
}

} // namespace Smtpd
