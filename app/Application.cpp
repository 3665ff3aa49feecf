#include "Application.h"

#include "AccountListEntry.h"
#include "AccountUi.h"
#include "AccountWindow.h"
#include "AvatarView.h"
#include "ConsoleController.h"
#include "KeychainProblemWindow.h"
#include "Logging.h"
#include "SessionPresenter.h"
#include "SettingsDialog.h"
#include "SignInWindow.h"
#include "SingleInstance.h"
#include "TokenClipboard.h"
#include "TrayIcon.h"
#include "accounts/AccountManager.h"
#include "api/ServerConfig.h"
#include "auth/KeychainTokenStore.h"
#include "avatar/AvatarFetcher.h"
#include "broker/BrokerService.h"
#include "settings/Preferences.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QNetworkDiskCache>
#include <QStandardPaths>
#include <QTimer>

// Resources from a static library must be registered by name (outside any namespace).
static void registerResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace Smtpd {

namespace {
// How long a quit waits for keychain writes and sign-outs still in flight.
constexpr int QuitFlushTimeoutMs = 10000;
} // namespace

Application::Application(const AppOptions &options, TokenStore *store, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_preferences(new Preferences(&m_settings, this))
    , m_store(store ? store : new KeychainTokenStore(this))
    , m_accounts(new AccountManager(&m_network, &m_clock, m_store, &m_settings, this))
    , m_signInFormFor(FormForNobody)
    , m_signInWindow(new SignInWindow)
    , m_accountWindow(new AccountWindow)
    , m_keychainWindow(new KeychainProblemWindow)
    , m_clipboard(new TokenClipboard(QGuiApplication::clipboard(), this))
    , m_tray((registerResources(), new TrayIcon(this)))
    , m_console(new ConsoleController(m_accountWindow, m_clipboard, this))
    , m_broker(new Broker::BrokerService(
          m_accounts, {options.apiUrl, options.caFile, options.caCertificates}, this))
{
    connect(m_console, &ConsoleController::copied, this,
        [this](const QString &id) { m_clipboardAccount = id; });
    // Avatars are cached on disk following HTTP caching rules; API answers never are (the
    // ApiClient marks them uncacheable).
    auto *cache = new QNetworkDiskCache(&m_network);
    cache->setCacheDirectory(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
        + QStringLiteral("/avatars"));
    cache->setMaximumCacheSize(8 * 1024 * 1024);
    m_network.setCache(cache);
    connectSettings();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/smtpd-accounts.svg")));

    connect(m_accounts, &AccountManager::accountAdded, this, [this](Account *account) {
        watch(account);
        if (account == m_signingIn) {
            m_signingIn = nullptr;
            m_addingAccount = false;
            setCurrentAccount(account);
        } else if (!m_current) {
            setCurrentAccount(account); // the first, signed in from the command line
        }
        updateAll();
    });
    connect(m_accounts, &AccountManager::accountRemoved, this, &Application::onAccountRemoved);
    connect(m_accounts, &AccountManager::listChanged, this, &Application::updateLists);

    connect(m_signInWindow, &SignInWindow::signInRequested, this, &Application::onSignInRequested);
    connect(m_signInWindow, &SignInWindow::cancelRequested, this, &Application::onSignInCancelled);

    connect(
        m_accountWindow, &AccountWindow::currentAccountChanged, this, [this](const QString &id) {
            if (!m_fillingList) // the person chose it (not the list picking one while it fills)
                setCurrentAccount(accountFor(id));
        });
    connect(m_accountWindow, &AccountWindow::addAccountRequested, this, &Application::addAccount);
    connect(m_accountWindow, &AccountWindow::removeAccountRequested, this,
        [this](const QString &id) { m_accounts->remove(accountFor(id)); });
    connect(m_accountWindow, &AccountWindow::moveRequested, this,
        [this](const QString &id, int index) { m_accounts->move(accountFor(id), index); });
    connect(m_accountWindow, &AccountWindow::makeDefaultRequested, this,
        [this](const QString &id) { m_accounts->setDefault(accountFor(id)); });
    connect(m_accountWindow, &AccountWindow::copyTokenRequested, this,
        [this] { copyAccessToken(m_current); });
    connect(m_accountWindow, &AccountWindow::copyHeaderRequested, this,
        [this] { copyAccessToken(m_current, TokenClipboard::Format::AuthorizationHeader); });
    connect(m_accountWindow, &AccountWindow::copyCurlRequested, this,
        [this] { copyAccessToken(m_current, TokenClipboard::Format::CurlCommand); });
    connect(m_accountWindow, &AccountWindow::refreshRequested, this, [this] {
        if (m_current)
            m_current->session()->refreshNow();
    });
    connect(m_accountWindow, &AccountWindow::signOutRequested, this, [this] {
        if (m_current)
            m_current->session()->signOut();
    });
    connect(m_accountWindow, &AccountWindow::renewRequested, this, [this] {
        if (!m_current)
            return;
        currentPresenter()->setRenewing(true);
        m_signInDismissed.remove(m_current->id());
        updateAll();
        m_signInWindow->setNotice(tr("Sign in again to start a new 30-day session. You stay "
                                     "signed in until it succeeds."));
    });
    connect(m_keychainWindow, &KeychainProblemWindow::retryRequested, this, [this] {
        if (m_current)
            m_current->session()->retryKeychain();
    });
    connect(m_keychainWindow, &KeychainProblemWindow::continueWithoutSavingRequested, this, [this] {
        if (m_current)
            m_current->session()->continueWithoutKeychain();
    });
    connect(m_clipboard, &TokenClipboard::changed, this, &Application::updateTokenPanel);
    connect(qApp, &QCoreApplication::aboutToQuit, m_clipboard, &TokenClipboard::clearIfOurs);

    connect(m_tray, &TrayIcon::toggleWindowRequested, this, &Application::toggleWindow);
    connect(m_tray, &TrayIcon::openRequested, this, &Application::raiseWindow);
    connect(m_tray, &TrayIcon::copyTokenRequested, this,
        [this](const QString &id) { copyAccessToken(accountFor(id)); });
    connect(m_tray, &TrayIcon::refreshRequested, this, [this](const QString &id) {
        if (Account *account = accountFor(id))
            account->session()->refreshNow();
    });
    connect(m_tray, &TrayIcon::signOutRequested, this, [this](const QString &id) {
        if (Account *account = accountFor(id))
            account->session()->signOut();
    });
    connect(m_tray, &TrayIcon::quitRequested, this, &Application::quit);
    connect(m_tray, &TrayIcon::availabilityChanged, this, [this](bool shown) {
        if (!shown)
            raiseWindow(); // no tray to live in: the window must be reachable
        // Started at login, the app often comes before the desktop's tray: it goes there once
        // the tray appears, soon after the start.
        if (shown && !m_trayStartDeadline.hasExpired()) {
            m_hiddenToTray = true;
            applyVisibility();
        }
        m_trayStartDeadline = QDeadlineTimer(); // expired: once at most
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
    delete m_settingsDialog;
}

void Application::start()
{
    m_accounts->start({m_options.apiUrl, m_options.caFile, m_options.caCertificates});
    for (Account *account : m_accounts->accounts())
        watch(account);
    Account *initial = m_accounts->defaultAccount();
    if (!m_options.account.isEmpty()) {
        if (Account *named = m_accounts->find(m_options.account))
            initial = named;
        else
            qCWarning(lcAccounts) << "--account names no single account; showing the default one";
    }
    startInTrayIfAsked();
    setCurrentAccount(initial);
    updateAll();
}

void Application::answerRequestsFrom(SingleInstance &instance)
{
    instance.broker()->setService(m_broker);
    connect(&instance, &SingleInstance::raiseRequested, this,
        [this](const QByteArray &, const QString &account) { raiseWindowOn(account); });
}

Session *Application::session() const
{
    if (m_current)
        return m_current->session();
    return m_signingIn ? m_signingIn->session() : nullptr;
}

Account *Application::accountFor(const QString &id) const
{
    return id.isEmpty() ? m_accounts->defaultAccount() : m_accounts->account(id);
}

AccountUi *Application::uiFor(const Account *account) const
{
    return m_ui.value(account);
}

SessionPresenter *Application::currentPresenter() const
{
    AccountUi *ui = uiFor(m_current);
    return ui ? ui->presenter() : nullptr;
}

// An account in the list: its state, profile and picture reach the windows and the tray.
void Application::watch(Account *account)
{
    if (m_ui.contains(account))
        return;
    auto *ui = new AccountUi(account, &m_network, m_options, this);
    m_ui.insert(account, ui);
    Session *session = account->session();
    connect(session, &Session::stateChanged, this, &Application::onSessionChanged,
        Qt::UniqueConnection);
    connect(
        session, &Session::signInFailed, this, &Application::onSignInFailed, Qt::UniqueConnection);
    connect(session, &Session::profileChanged, ui, [this, account, ui](const Profile &profile) {
        ui->updatePicture(profile, m_accountWindow->avatar()->requestPixels());
        if (account == m_current)
            updateAccountPage();
        updateLists();
    });
    connect(ui, &AccountUi::pictureChanged, this, [this, account] {
        if (account == m_current)
            updateAccountPage();
        updateLists();
    });
    connect(session, &Session::accessTokenChanged, ui, [this, account] {
        // The copied token was replaced, or the session ended: it should not linger.
        if (m_clipboardAccount == account->id())
            m_clipboard->clearIfOurs();
        if (account == m_current)
            updateTokenPanel();
        updateLists();
    });
    connect(session, &Session::notice, ui,
        [this, account](Session::Reason reason) { onNotice(account, reason); });
    connect(session, &Session::resumed, m_tray, [this] { m_tray->beQuietFor(30 * 1000); });
    connect(session, &Session::sessionEndingSoon, ui, [this, account, ui](const QDateTime &end) {
        ui->setSessionEndingSoon(end);
        if (account == m_current)
            updateAccountPage();
    });
    connect(ui->presenter(), &SessionPresenter::renewed, this, [this, ui] {
        ui->setSessionEndingSoon({});
        updateAll(); // the renewal form has done its work; the banner goes
    });
    if (session->profile().isValid())
        ui->updatePicture(session->profile(), m_accountWindow->avatar()->requestPixels());
}

void Application::setCurrentAccount(Account *account)
{
    if (account == m_current && (!account || m_accountWindow->currentAccountId() == account->id()))
        return;
    m_current = account;
    m_console->setAccount(account);
    if (account) {
        const Profile &profile = account->session()->profile();
        m_accountWindow->avatar()->setInitials(account->displayName(),
            emailHash(profile.email.isEmpty() ? account->who() : profile.email));
        if (AccountUi *ui = uiFor(account); ui && !ui->picture().isEmpty())
            m_accountWindow->avatar()->setPicture(ui->picture());
        m_accountWindow->setCurrentAccount(account->id());
    }
    updateAll();
}

void Application::addAccount()
{
    m_addingAccount = true;
    m_hiddenToTray = false;
    updateAll();
    raiseWindow();
}

void Application::onAccountRemoved(const QString &id)
{
    m_signInDismissed.remove(id);
    if (m_clipboardAccount == id)
        m_clipboard->clearIfOurs();
    for (auto it = m_ui.begin(); it != m_ui.end(); ++it) {
        if (it.key()->id() == id) {
            it.value()->deleteLater();
            m_ui.erase(it);
            break;
        }
    }
    if (!m_current || m_current->id() == id)
        setCurrentAccount(m_accounts->defaultAccount());
    updateAll();
}

void Application::onSessionChanged()
{
    auto *session = qobject_cast<Session *>(sender());
    // A sign-in that ended well: the account it renewed is shown (a new one arrives through
    // AccountManager::accountAdded).
    if (m_signingIn && session == m_signingIn->session()
        && session->state() != Session::State::SigningIn && session->hasTokens() && !m_signInFailed
        && m_accounts->accounts().contains(m_signingIn.data())) {
        Account *renewed = m_signingIn;
        m_signingIn = nullptr;
        m_addingAccount = false;
        setCurrentAccount(renewed);
    }
    // Events that need the person bring the window back from the tray.
    if (m_current && session == m_current->session()
        && (session->state() == Session::State::Expired
            || session->state() == Session::State::KeychainUnavailable))
        m_hiddenToTray = false;
    updateAll();
}

void Application::onNotice(Account *account, Session::Reason reason)
{
    Session *session = account->session();
    QString message = SessionTexts::describe(reason, session->reasonDetail());
    if (reason == Session::Reason::SessionEndingSoon && session->sessionEnd().isValid())
        message = tr("Your session ends %1 (the 30-day limit). Sign in again now to avoid an "
                     "interruption.")
                      .arg(QLocale().toString(
                          session->sessionEnd().toLocalTime(), QLocale::ShortFormat));
    const AccountUi *ui = uiFor(account);
    //: A notification about one account: "Dana Demo: You signed in on another device…"
    m_tray->notify(SessionTexts::noticeTitle(reason),
        tr("%1: %2").arg(ui ? ui->label() : account->displayName(), message));
}

void Application::copyAccessToken(Account *account, TokenClipboard::Format format)
{
    if (!account)
        return;
    const QString id = account->id();
    const QString origin = account->origin();
    account->session()->withFreshToken(
        this, [this, id, origin, format](const QString &token, const ApiError &error) {
            if (error) {
                if (m_current && m_current->id() == id)
                    m_accountWindow->setStatus(
                        tr("Could not copy a fresh access token: %1").arg(error.userMessage()));
                else
                    m_tray->notify(tr("Could not copy the access token"), error.userMessage());
                return;
            }
            m_clipboardAccount = id;
            m_clipboard->copy(TokenClipboard::textFor(format, token, origin));
        });
}

void Application::quit()
{
    if (m_quitting)
        return;
    m_quitting = true;
    if (m_accounts->isIdle()) {
        emit quitReady();
        return;
    }
    // A keychain write, a refresh or a sign-out is under way: its end is waited for (a
    // rotated refresh token must reach the keychain, a sign-out must remove the item).
    auto ready = [this] {
        if (!std::exchange(m_quitReady, true))
            emit quitReady();
    };
    connect(m_accounts, &AccountManager::idle, this, ready);
    QTimer::singleShot(QuitFlushTimeoutMs, this, ready);
}

} // namespace Smtpd
