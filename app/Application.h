#pragma once

#include "AppOptions.h"
#include "Clock.h"
#include "auth/Session.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QSettings>
#include <QWidget>

namespace Smtpd {

class AccountWindow;
class AvatarFetcher;
class TokenClipboard;
class TrayIcon;
class ApiClient;
class KeychainProblemWindow;
class SessionPresenter;
class SignInWindow;
class TokenStore;

// Builds the object graph of the running app and connects it. No logic of its own beyond
// deciding which window shows for which session state.
class Application final : public QObject
{
    Q_OBJECT

public:
    // `store` may be given by tests; by default the system keychain is used.
    explicit Application(
        const AppOptions &options, TokenStore *store = nullptr, QObject *parent = nullptr);
    ~Application() override;

    // Shows the first window and restores the remembered account, if any.
    void start();
    // Brings the current window to the front (from the tray, or for a second launch).
    void raiseWindow();
    // Asks the app to end: quitReady() follows once the keychain holds what was asked to be
    // saved (a refresh that rotated the refresh token just before quitting must not be
    // lost), or after a few seconds at most. main() ends the event loop on it.
    void quit();

signals:
    void quitReady();

public:
    Session *session() const { return m_session; }
    SignInWindow *signInWindow() const { return m_signInWindow; }
    AccountWindow *accountWindow() const { return m_accountWindow; }
    KeychainProblemWindow *keychainProblemWindow() const { return m_keychainWindow; }
    TokenClipboard *clipboard() const { return m_clipboard; }
    TrayIcon *tray() const { return m_tray; }

private:
    void onStateChanged();
    void applyVisibility();
    void toggleWindow();
    void updateTray();
    QWidget *currentWindow() const;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void onProfileChanged(const Smtpd::Profile &profile);
    void onNotice(Smtpd::Session::Reason reason);
    void copyAccessToken();
    void prefillEmail(const QString &account);
    void updateTokenPanel();
    void updateAccountList();
    QString lastAccountKey() const;

    AppOptions m_options;
    SystemClock m_clock;
    QSettings m_settings; // non-secret preferences only (the last account per server)
    QNetworkAccessManager m_network; // the process's only one
    ApiClient *m_api;
    TokenStore *m_store;
    Session *m_session;
    SessionPresenter *m_presenter;
    SignInWindow *m_signInWindow;
    AccountWindow *m_accountWindow;
    KeychainProblemWindow *m_keychainWindow;
    TokenClipboard *m_clipboard;
    AvatarFetcher *m_avatars;
    TrayIcon *m_tray;
    bool m_hiddenToTray = false;
    bool m_wantAccount = false;
    bool m_wantKeychain = false;
    bool m_wantSignIn = true;
    QString m_avatarEmail;
    QString m_avatarUrl;
    bool m_quitting = false;
    bool m_quitReady = false;
};

} // namespace Smtpd
