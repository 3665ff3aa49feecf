#include "Application.h"

#include "AccountWindow.h"
#include "SignInWindow.h"
#include "api/ApiClient.h"
#include "api/ServerConfig.h"
#include "auth/Session.h"

namespace Smtpd {

Application::Application(const AppOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_api(new ApiClient(&m_network, &m_clock, this))
    , m_session(new Session(m_api, &m_clock, this))
    , m_signInWindow(new SignInWindow)
    , m_accountWindow(new AccountWindow)
{
    m_api->setServer(options.apiUrl, options.caCertificates);
    if (options.apiUrl != QUrl(QLatin1String(DefaultApiUrl)))
        m_signInWindow->setServerNote(
            tr("Signing in to %1").arg(options.apiUrl.toDisplayString(QUrl::RemoveUserInfo)));

    connect(m_signInWindow, &SignInWindow::signInRequested, m_session, &Session::signIn);
    connect(m_signInWindow, &SignInWindow::cancelRequested, m_session, &Session::cancelSignIn);
    connect(m_session, &Session::signInFailed, m_signInWindow,
        [this](const QString &message) { m_signInWindow->showError(message); });
    connect(m_session, &Session::profileChanged, m_accountWindow, &AccountWindow::setProfile);
    connect(m_session, &Session::stateChanged, this, &Application::onStateChanged);
}

Application::~Application()
{
    delete m_signInWindow;
    delete m_accountWindow;
}

void Application::show()
{
    onStateChanged();
}

void Application::onStateChanged()
{
    const Session::State state = m_session->state();
    m_signInWindow->setBusy(state == Session::State::SigningIn);
    const bool signedIn = state == Session::State::Active || state == Session::State::Refreshing
        || state == Session::State::Offline;
    m_accountWindow->setVisible(signedIn);
    m_signInWindow->setVisible(!signedIn);
}

} // namespace Smtpd
