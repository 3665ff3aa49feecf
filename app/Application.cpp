#include "Application.h"

#include "AccountWindow.h"
#include "KeychainProblemWindow.h"
#include "SignInWindow.h"
#include "api/ApiClient.h"
#include "api/ServerConfig.h"
#include "auth/KeychainTokenStore.h"
#include "auth/Session.h"

#include <QLocale>

namespace Smtpd {

namespace {
const QString LastAccountKey = QStringLiteral("account/last");
}

Application::Application(const AppOptions &options, TokenStore *store, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_api(new ApiClient(&m_network, &m_clock, this))
    , m_store(store ? store : new KeychainTokenStore(this))
    , m_session(new Session(m_api, m_store, &m_clock, this))
    , m_signInWindow(new SignInWindow)
    , m_accountWindow(new AccountWindow)
    , m_keychainWindow(new KeychainProblemWindow)
{
    m_api->setServer(options.apiUrl, options.caCertificates);
    if (options.apiUrl != QUrl(QLatin1String(DefaultApiUrl)))
        m_signInWindow->setServerNote(
            tr("Signing in to %1").arg(options.apiUrl.toDisplayString(QUrl::RemoveUserInfo)));

    connect(m_signInWindow, &SignInWindow::signInRequested, m_session, &Session::signIn);
    connect(m_signInWindow, &SignInWindow::cancelRequested, this, [this] {
        m_session->cancelSignIn();
        m_renewing = false;
        onStateChanged();
    });
    connect(m_session, &Session::signInFailed, m_signInWindow, [this](const QString &message) {
        m_signInFailed = true;
        m_signInWindow->showError(message);
    });
    connect(m_session, &Session::sessionEndingSoon, m_accountWindow, [this](const QDateTime &end) {
        m_accountWindow->setRenewalOffer(
            tr("Your session ends %1 (every session lasts 30 days).")
                .arg(QLocale().toString(end.toLocalTime(), QLocale::ShortFormat)));
    });
    connect(m_accountWindow, &AccountWindow::renewRequested, this, [this] {
        m_renewing = true;
        m_signInWindow->setEmail(m_session->account());
        m_signInWindow->setNotice(tr("Sign in again to start a new 30-day session. You stay "
                                     "signed in until it succeeds."));
        onStateChanged();
    });
    connect(m_session, &Session::profileChanged, m_accountWindow, &AccountWindow::setProfile);
    connect(m_accountWindow, &AccountWindow::refreshRequested, m_session, &Session::refreshNow);
    connect(m_accountWindow, &AccountWindow::signOutRequested, m_session, &Session::signOut);
    connect(m_keychainWindow, &KeychainProblemWindow::retryRequested, m_session,
        &Session::retryKeychain);
    connect(m_keychainWindow, &KeychainProblemWindow::continueWithoutSavingRequested, m_session,
        &Session::continueWithoutKeychain);
    connect(m_session, &Session::stateChanged, this, &Application::onStateChanged);
}

Application::~Application()
{
    delete m_signInWindow;
    delete m_accountWindow;
    delete m_keychainWindow;
}

void Application::start()
{
    const QString lastAccount = m_settings.value(LastAccountKey).toString();
    m_signInWindow->setEmail(lastAccount);
    onStateChanged();
    if (!lastAccount.isEmpty())
        m_session->restore(lastAccount);
}

QString Application::statusLine() const
{
    switch (m_session->state()) {
    case Session::State::Restoring:
        return tr("Signing you back in\u2026");
    case Session::State::Refreshing:
        return tr("Refreshing the access token\u2026");
    case Session::State::SigningOut:
        return tr("Signing out\u2026");
    case Session::State::Offline:
        return m_session->reason();
    default:
        return tr("Signed in. Tokens are kept in %1.").arg(m_session->storageDescription());
    }
}

void Application::onStateChanged()
{
    using State = Session::State;
    const State state = m_session->state();
    if (state == State::Active && !m_session->account().isEmpty())
        m_settings.setValue(LastAccountKey, m_session->account());
    if (state == State::SigningIn)
        m_signInFailed = false;
    else if (m_previousState == State::SigningIn && state == State::Active && !m_signInFailed) {
        m_renewing = false; // a new session is in place
        m_accountWindow->setRenewalOffer({});
    }
    if (state == State::SignedOut || state == State::Expired)
        m_renewing = false;
    m_previousState = state;

    const bool showAccount = (m_renewing && state == State::SigningIn) || state == State::Active
        || state == State::Refreshing || state == State::Offline || state == State::SigningOut
        || state == State::Restoring;
    const bool showKeychain = state == State::KeychainUnavailable;
    const bool showSignIn = (!showAccount && !showKeychain) || m_renewing;
    m_signInWindow->setDismissible(m_renewing);

    m_signInWindow->setBusy(state == State::SigningIn);
    if (state == State::Expired || state == State::SignedOut) {
        m_signInWindow->setNotice(m_session->reason());
        if (!m_session->account().isEmpty())
            m_signInWindow->setEmail(m_session->account());
    }
    m_accountWindow->setStatus(statusLine());
    m_accountWindow->setBusy(state == State::SigningOut || state == State::Restoring);
    m_keychainWindow->setReason(m_session->reason());

    m_accountWindow->setVisible(showAccount);
    m_keychainWindow->setVisible(showKeychain);
    m_signInWindow->setVisible(showSignIn);
}

} // namespace Smtpd
