#pragma once

#include "AppOptions.h"
#include "Clock.h"
#include "SettingsDialog.h"
#include "TokenClipboard.h"
#include "accounts/Account.h"
#include "auth/Session.h"
#include "settings/Autostart.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSettings>
#include <QWidget>

namespace Smtpd {

class AccountManager;
class AccountUi;
class AccountWindow;
class ConsoleController;
class KeychainProblemWindow;
class Preferences;
class SessionPresenter;
class SignInWindow;
class SingleInstance;
class TokenStore;
class TrayIcon;
struct SignInRequest;
namespace Broker {
class BrokerService;
}

// Builds the object graph of the running app and connects it: one AccountManager (a Session
// per account), the windows, the tray. Beyond wiring it decides only which window shows: the
// account window while there are accounts, the sign-in window for a new account or for the
// shown account when it needs the person, the keychain window when its keychain failed.
class Application final : public QObject
{
    Q_OBJECT

public:
    // `store` may be given by tests; by default the system keychain is used.
    explicit Application(
        const AppOptions &options, TokenStore *store = nullptr, QObject *parent = nullptr);
    ~Application() override;

    // Restores every remembered account and shows the first window.
    void start();
    // Brings the current window to the front (from the tray, or for a second launch).
    void raiseWindow();
    // The same, first showing the account `name` names (Account::matches()), if one does: a
    // second launch with --account.
    void raiseWindowOn(const QString &name);
    // Answers the requests that come to `instance`: a second launch's raise, and the command
    // line's (token, status, accounts, logout, login: Broker::BrokerService).
    void answerRequestsFrom(SingleInstance &instance);
    // Asks the app to end: quitReady() follows once every account's keychain holds what was
    // asked to be saved and no sign-out is half done, or after a few seconds at most.
    void quit();

signals:
    void quitReady();

public:
    AccountManager *accounts() const { return m_accounts; }
    // The account the window shows (null when there is none).
    Account *currentAccount() const { return m_current; }
    void setCurrentAccount(Account *account);
    // The current account's session; before the first account exists, the session of the
    // sign-in under way (null when none).
    Session *session() const;
    SignInWindow *signInWindow() const { return m_signInWindow; }
    AccountWindow *accountWindow() const { return m_accountWindow; }
    KeychainProblemWindow *keychainProblemWindow() const { return m_keychainWindow; }
    TokenClipboard *clipboard() const { return m_clipboard; }
    TrayIcon *tray() const { return m_tray; }
    Broker::BrokerService *broker() const { return m_broker; }
    // Opens the sign-in window for a new account.
    void addAccount();
    // Opens (or raises) the Settings dialog.
    void showSettings();
    SettingsDialog *settingsDialog() const { return m_settingsDialog; }
    Preferences *preferences() const { return m_preferences; }

private:
    void watch(Account *account);
    void onAccountRemoved(const QString &id);
    void onSessionChanged();
    void onSignInRequested(const SignInRequest &request);
    void onSignInCancelled();
    void onSignInFailed(const Smtpd::ApiError &error);
    void onNotice(Account *account, Session::Reason reason);
    void updateAll();
    void updateAccountPage();
    void updateTokenPanel();
    void updateSignInForm();
    void updateLists();
    void applyVisibility();
    void toggleWindow();
    QWidget *currentWindow() const;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void copyAccessToken(
        Account *account, TokenClipboard::Format format = TokenClipboard::Format::Token);
    Account *accountFor(const QString &id) const;
    AccountUi *uiFor(const Account *account) const;
    SessionPresenter *currentPresenter() const;
    void connectSettings();
    void startInTrayIfAsked();
    void updateSettingsServers();
    void onServerCaFileChosen(const QString &origin, const QString &caFile);

    AppOptions m_options;
    SystemClock m_clock;
    QSettings m_settings; // non-secret preferences and the list of accounts
    Preferences *m_preferences;
    Autostart m_autostart; // start at login: the running executable with --minimized
    QNetworkAccessManager m_network; // the process's only one
    TokenStore *m_store;
    AccountManager *m_accounts;
    QHash<const Account *, AccountUi *> m_ui;
    QPointer<Account> m_current;
    // The account the sign-in window signs in to (new or renewed), while it is open for one.
    QPointer<Account> m_signingIn;
    // m_signInFormFor while the form is set up for nobody.
    static inline const QString FormForNobody = QStringLiteral("\n");
    QString m_signInFormFor; // which account the form was set up for ("" = a new one)
    bool m_addingAccount = false;
    bool m_fillingList = false; // the account list is being given its entries
    bool m_signInFailed = false; // the attempt under way was refused
    QSet<QString> m_signInDismissed; // accounts whose "sign in again" form the person closed
    QString m_clipboardAccount; // whose token is on the clipboard
    SignInWindow *m_signInWindow;
    AccountWindow *m_accountWindow;
    KeychainProblemWindow *m_keychainWindow;
    TokenClipboard *m_clipboard;
    TrayIcon *m_tray;
    ConsoleController *m_console; // the API keys and Plan & usage tabs
    Broker::BrokerService *m_broker; // the command line's requests
    QPointer<SettingsDialog> m_settingsDialog; // made when first opened
    bool m_hiddenToTray = false;
    // Until when a start in the tray waits for a tray that is not there yet (expired: not).
    QDeadlineTimer m_trayStartDeadline;
    bool m_wantAccount = false;
    bool m_wantKeychain = false;
    bool m_wantSignIn = true;
    bool m_quitting = false;
    bool m_quitReady = false;
};

} // namespace Smtpd
