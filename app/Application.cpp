#include "Application.h"

#include "AccountListEntry.h"
#include "AccountWindow.h"
#include "AvatarView.h"
#include "KeychainProblemWindow.h"
#include "SessionPresenter.h"
#include "SignInWindow.h"
#include "TokenClipboard.h"
#include "TrayIcon.h"
#include "api/ApiClient.h"
#include "api/ServerConfig.h"
#include "auth/KeychainTokenStore.h"
#include "auth/Session.h"
#include "auth/SessionStorage.h"
#include "auth/StoredSession.h"
#include "avatar/AvatarFetcher.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QNetworkDiskCache>
#include <QStandardPaths>
#include <QTimer>

#include <tuple>
#include <utility>

// Resources from a static library must be registered by name (outside any namespace).
static void registerResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace Smtpd {

namespace {
// The account signed in last, per server origin (a principal: never a credential).
const QString LastAccountGroup = QStringLiteral("lastAccount/");
// Format 1 remembered one account, with no server: it was the production server's.
const QString LegacyLastAccountKey = QStringLiteral("account/last");
// How long a quit waits for keychain writes still in flight.
constexpr int QuitFlushTimeoutMs = 10000;
const QString ClipboardClearKey = QStringLiteral("clipboard/clearAfterSeconds");

// The account list's badge and words for a session state.
std::pair<AccountListEntry::Badge, QString> listState(Session::State state)
{
    using Badge = AccountListEntry::Badge;
    using State = Session::State;
    switch (state) {
    case State::Active:
        return {Badge::Active, Application::tr("Signed in")};
    case State::SigningIn:
        return {Badge::Busy, Application::tr("Signing in\u2026")};
    case State::Restoring:
        return {Badge::Busy, Application::tr("Restoring\u2026")};
    case State::Refreshing:
        return {Badge::Busy, Application::tr("Refreshing\u2026")};
    case State::SigningOut:
        return {Badge::Busy, Application::tr("Signing out\u2026")};
    case State::Offline:
        return {Badge::Offline, Application::tr("Offline")};
    case State::Expired:
        return {Badge::Attention, Application::tr("Session ended")};
    case State::KeychainUnavailable:
        return {Badge::Attention, Application::tr("Keyring unavailable")};
    case State::SignedOut:
        break;
    }
    return {Badge::SignedOut, Application::tr("Signed out")};
}
} // namespace

// One session for now: the list shows it as the only (and so the default) account.
void Application::updateAccountList()
{
    const QString account = m_session->account();
    if (account.isEmpty()) {
        m_accountWindow->setAccounts({});
        return;
    }
    const Profile &profile = m_session->profile();
    AccountListEntry entry;
    entry.id = QStringLiteral("current");
    // An API key is a credential: it is named by its opaque principal, never shown.
    const bool apiKey = !account.contains(QLatin1Char('@'));
    entry.who = apiKey
        ? tr("API key %1").arg(principalFor(account).section(QLatin1Char('-'), 2).left(6))
        : (profile.email.isEmpty() ? account : profile.email);
    entry.name = profile.displayName().isEmpty() ? entry.who : profile.displayName();
    if (m_session->origin() != productionOrigin())
        entry.server = m_session->origin();
    std::tie(entry.badge, entry.stateText) = listState(m_session->state());
    entry.isDefault = true;
    entry.avatar = m_accountWindow->avatar()->picture();
    // The initials' colour, as on the page; never from a hash of an API key.
    entry.avatarHash = emailHash(profile.email.isEmpty() ? principalFor(account) : profile.email);
    m_accountWindow->setAccounts({entry});
}

void Application::onProfileChanged(const Profile &profile)
{
    m_accountWindow->setProfile(profile);
    AvatarView *avatar = m_accountWindow->avatar();
    if (!avatar->showsPicture() || profile.email != m_avatarEmail)
        avatar->setInitials(profile.displayName(), emailHash(profile.email));
    if (profile.email != m_avatarEmail || profile.gravatarUrl != m_avatarUrl) {
        m_avatarEmail = profile.email;
        m_avatarUrl = profile.gravatarUrl;
        m_avatars->fetch(profile, avatar->requestPixels());
    }
    updateAccountList();
}

// Only an email is ever put back into the form: an API key is a credential.
void Application::prefillEmail(const QString &account)
{
    if (account.contains(QLatin1Char('@')))
        m_signInWindow->setEmail(account);
}

void Application::copyAccessToken()
{
    m_session->withFreshToken(this, [this](const QString &token, const ApiError &error) {
        if (error) {
            m_accountWindow->setStatus(
                tr("Could not copy a fresh access token: %1").arg(error.userMessage()));
            return;
        }
        m_clipboard->copy(token);
    });
}

void Application::updateTokenPanel()
{
    m_accountWindow->setExpiries(m_session->accessTokenExpiry(), m_session->sessionEnd());
    m_accountWindow->setStorage(m_session->storageDescription());
}

Application::Application(const AppOptions &options, TokenStore *store, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_api(new ApiClient(&m_network, &m_clock, this))
    , m_store(store ? store : new KeychainTokenStore(this))
    , m_session(new Session(m_api, m_store, &m_clock, this))
    , m_presenter(new SessionPresenter(m_session, this))
    , m_signInWindow(new SignInWindow)
    , m_accountWindow(new AccountWindow)
    , m_keychainWindow(new KeychainProblemWindow)
    , m_clipboard(new TokenClipboard(QGuiApplication::clipboard(), this))
    , m_avatars(new AvatarFetcher(&m_network, options.avatarUrl, options.caCertificates, this))
    , m_tray((registerResources(), new TrayIcon(this)))
{
    // Avatars are cached on disk following HTTP caching rules; API answers never are (the
    // ApiClient marks them uncacheable).
    auto *cache = new QNetworkDiskCache(&m_network);
    cache->setCacheDirectory(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
        + QStringLiteral("/avatars"));
    cache->setMaximumCacheSize(8 * 1024 * 1024);
    m_network.setCache(cache);
    m_clipboard->setClearAfterSeconds(m_settings.value(ClipboardClearKey, 30).toInt());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/smtpd-accounts.svg")));

    m_api->setServer(options.apiUrl, options.caCertificates);
    m_signInWindow->setServer(options.apiUrl, options.caFile);

    connect(m_signInWindow, &SignInWindow::signInRequested, m_session,
        [this](const SignInRequest &r) { m_session->signIn(r.username, r.secret); });
    connect(m_signInWindow, &SignInWindow::cancelRequested, this, [this] {
        m_presenter->setRenewing(false); // first: a cancelled renewal is no completed one
        m_session->cancelSignIn();
        onStateChanged();
    });
    connect(m_session, &Session::signInFailed, m_signInWindow,
        [this](const ApiError &error) { m_signInWindow->showError(error.userMessage()); });
    connect(m_presenter, &SessionPresenter::renewed, m_accountWindow,
        [this] { m_accountWindow->setRenewalOffer({}); });
    connect(m_session, &Session::sessionEndingSoon, m_accountWindow, [this](const QDateTime &end) {
        m_accountWindow->setRenewalOffer(
            tr("Your session ends %1 (every session lasts 30 days).")
                .arg(QLocale().toString(end.toLocalTime(), QLocale::ShortFormat)));
    });
    connect(m_accountWindow, &AccountWindow::renewRequested, this, [this] {
        m_presenter->setRenewing(true);
        prefillEmail(m_session->account());
        m_signInWindow->setNotice(tr("Sign in again to start a new 30-day session. You stay "
                                     "signed in until it succeeds."));
        onStateChanged();
    });
    connect(m_session, &Session::profileChanged, this, &Application::onProfileChanged);
    connect(m_avatars, &AvatarFetcher::pictureReady, m_accountWindow->avatar(),
        [this](const QByteArray &bytes) {
            m_accountWindow->avatar()->setPicture(bytes);
            updateAccountList();
        });
    connect(m_session, &Session::accessTokenChanged, this, [this] {
        // The copied token was replaced, or the session ended (wipe() emits this too): it
        // should not linger on the clipboard.
        m_clipboard->clearIfOurs();
        updateTokenPanel();
    });
    connect(
        m_accountWindow, &AccountWindow::copyTokenRequested, this, &Application::copyAccessToken);
    connect(m_clipboard, &TokenClipboard::changed, m_accountWindow, [this] {
        m_accountWindow->setCopyConfirmation(m_clipboard->isTracking(), m_clipboard->secondsLeft());
    });
    connect(qApp, &QCoreApplication::aboutToQuit, m_clipboard, &TokenClipboard::clearIfOurs);
    connect(m_accountWindow, &AccountWindow::refreshRequested, m_session, &Session::refreshNow);
    connect(m_accountWindow, &AccountWindow::signOutRequested, m_session, &Session::signOut);
    // The one account: removing it is signing it out (revoked, the keychain item removed).
    // Adding another and choosing the default wait for several sessions (addAccountRequested
    // and makeDefaultRequested are not connected yet; the one account is the default).
    connect(m_accountWindow, &AccountWindow::removeAccountRequested, m_session,
        [this](const QString &) { m_session->signOut(); });
    connect(m_keychainWindow, &KeychainProblemWindow::retryRequested, m_session,
        &Session::retryKeychain);
    connect(m_keychainWindow, &KeychainProblemWindow::continueWithoutSavingRequested, m_session,
        &Session::continueWithoutKeychain);
    connect(m_session, &Session::stateChanged, this, &Application::onStateChanged);

    connect(m_session, &Session::accessTokenChanged, this, &Application::updateTray);
    connect(m_session, &Session::profileChanged, this, &Application::updateTray);
    connect(m_session, &Session::notice, this, &Application::onNotice);
    connect(m_session, &Session::resumed, m_tray, [this] { m_tray->beQuietFor(30 * 1000); });
    connect(m_tray, &TrayIcon::toggleWindowRequested, this, &Application::toggleWindow);
    connect(m_tray, &TrayIcon::openRequested, this, &Application::raiseWindow);
    // The tray's actions name their account; there is one session here, so the id is not used.
    connect(m_tray, &TrayIcon::copyTokenRequested, this, &Application::copyAccessToken);
    connect(m_tray, &TrayIcon::refreshRequested, m_session, &Session::refreshNow);
    connect(m_tray, &TrayIcon::signOutRequested, m_session, &Session::signOut);
    connect(m_tray, &TrayIcon::quitRequested, this, &Application::quit);
    connect(m_tray, &TrayIcon::availabilityChanged, this, [this](bool shown) {
        if (!shown)
            raiseWindow(); // no tray to live in: the window must be reachable
    });
    // Closing the last window quits only without a tray, and through quit() like every other
    // way out, so that the keychain and a sign-out in progress get their moment.
    QApplication::setQuitOnLastWindowClosed(false);
    // Ctrl+Q (the platform's Quit keys) ends the app from any of its windows, tray or not.
    auto *quit = new QAction(tr("Quit"), this);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcuts(QKeySequence::Quit);
    quit->setShortcutContext(Qt::WindowShortcut);
    connect(quit, &QAction::triggered, this, &Application::quit);
    for (QWidget *window : {static_cast<QWidget *>(m_signInWindow),
             static_cast<QWidget *>(m_accountWindow), static_cast<QWidget *>(m_keychainWindow)}) {
        window->installEventFilter(this);
        window->addAction(quit);
    }
}

Application::~Application()
{
    m_clipboard->clearIfOurs();
    delete m_signInWindow;
    delete m_accountWindow;
    delete m_keychainWindow;
}

void Application::start()
{
    QString lastAccount = m_settings.value(lastAccountKey()).toString();
    if (lastAccount.isEmpty() && m_session->origin() == productionOrigin())
        lastAccount = m_settings.value(LegacyLastAccountKey).toString();
    prefillEmail(lastAccount);
    // --minimized starts in the tray, when there is one.
    m_hiddenToTray = m_options.minimized && m_tray->isShown();
    onStateChanged();
    if (!lastAccount.isEmpty())
        m_session->restore(lastAccount);
}

QString Application::lastAccountKey() const
{
    return LastAccountGroup + QString::fromLatin1(QUrl::toPercentEncoding(m_session->origin()));
}

void Application::onNotice(Session::Reason reason)
{
    QString message = SessionTexts::describe(reason, m_session->reasonDetail());
    if (reason == Session::Reason::SessionEndingSoon && m_session->sessionEnd().isValid())
        message = tr("Your session ends %1 (the 30-day limit). Sign in again now to avoid an "
                     "interruption.")
                      .arg(QLocale().toString(
                          m_session->sessionEnd().toLocalTime(), QLocale::ShortFormat));
    m_tray->notify(SessionTexts::noticeTitle(reason), message);
}

void Application::quit()
{
    if (m_quitting)
        return;
    m_quitting = true;
    if (m_session->isIdle()) {
        emit quitReady();
        return;
    }
    // A keychain write, a refresh or a sign-out is under way: its end is waited for (a
    // rotated refresh token must reach the keychain, a sign-out must remove the item).
    auto ready = [this] {
        if (!std::exchange(m_quitReady, true))
            emit quitReady();
    };
    connect(m_session, &Session::idle, this, ready);
    QTimer::singleShot(QuitFlushTimeoutMs, this, ready);
}

void Application::onStateChanged()
{
    using State = Session::State;
    const State state = m_session->state();
    if (state == State::Active && !m_session->account().isEmpty())
        m_settings.setValue(lastAccountKey(), principalFor(m_session->account()));
    const bool renewing = m_presenter->isRenewing();
    const SessionPresenter::Windows windows = m_presenter->windows();
    m_signInWindow->setDismissible(renewing);

    m_signInWindow->setBusy(state == State::SigningIn);
    if (state == State::Expired || state == State::SignedOut) {
        m_signInWindow->setNotice(m_presenter->signInNotice());
        prefillEmail(m_session->account());
        m_avatars->cancel();
        m_avatarEmail.clear();
        m_avatarUrl.clear();
    }
    m_accountWindow->setStatus(m_presenter->statusLine());
    m_accountWindow->setCopyEnabled(m_session->hasTokens() && state != State::SigningOut);
    updateTokenPanel();
    updateAccountList();
    m_accountWindow->setBusy(state == State::SigningOut || state == State::Restoring);
    m_keychainWindow->setReason(
        SessionTexts::describe(m_session->reason(), m_session->reasonDetail()));

    m_wantAccount = windows.account;
    m_wantKeychain = windows.keychain;
    m_wantSignIn = windows.signIn;
    // Events that need the person bring the window back from the tray.
    if (state == State::Expired || state == State::KeychainUnavailable)
        m_hiddenToTray = false;
    applyVisibility();
    updateTray();
}

void Application::applyVisibility()
{
    m_accountWindow->setVisible(!m_hiddenToTray && m_wantAccount);
    m_keychainWindow->setVisible(!m_hiddenToTray && m_wantKeychain);
    m_signInWindow->setVisible(!m_hiddenToTray && m_wantSignIn);
}

QWidget *Application::currentWindow() const
{
    if (m_wantKeychain)
        return m_keychainWindow;
    if (m_wantSignIn)
        return m_signInWindow;
    return m_accountWindow;
}

void Application::raiseWindow()
{
    m_hiddenToTray = false;
    applyVisibility();
    QWidget *window = currentWindow();
    window->showNormal();
    window->raise();
    window->activateWindow();
}

void Application::toggleWindow()
{
    if (!m_hiddenToTray && currentWindow()->isVisible() && m_tray->isShown()) {
        m_hiddenToTray = true;
        applyVisibility();
        return;
    }
    raiseWindow();
}

// Closing a window keeps the app in the tray when there is one; without a tray the app is a
// plain window application and closing its window quits it.
bool Application::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Close && m_tray->isShown())
        m_hiddenToTray = true;
    else if (event->type() == QEvent::Close)
        // Once the window is gone: the last one closing ends a window application.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_signInWindow->isVisible() && !m_accountWindow->isVisible()
                    && !m_keychainWindow->isVisible())
                    quit();
            },
            Qt::QueuedConnection);
    return QObject::eventFilter(watched, event);
}

void Application::updateTray()
{
    m_tray->setSummary(m_presenter->traySummary());
}

} // namespace Smtpd
