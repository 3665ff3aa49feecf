#pragma once

#include "AccountWindow.h"
#include "Application.h"
#include "EmulatorFixture.h"
#include "SignInWindow.h"

#include <QLineEdit>
#include <QPushButton>

namespace TestSupport {

// The whole app (real windows, real keychain) against an in-process emulator, starting from
// a clean slate: nothing remembered, nothing in the keychain for the demo users.
class AppRig
{
public:
    AppRig();
    ~AppRig();
    bool isReady() const { return m_ready; }

    EmulatorFixture &emulator() { return *m_emulator; }
    Smtpd::Application &app() { return *m_app; }
    Smtpd::Session &session() { return *m_app->session(); }

    // A new Application on the same emulator, settings, keychain and cache (an app restart).
    // `account` is the --account option.
    Smtpd::Application &restartApp(const QString &account = {});
    // Signs in through the sign-in window's fields; true once the account window shows.
    bool signInThroughWindow(
        const QString &email, const QString &password, bool waitForProfile = true);
    // The access token the session would hand out now.
    QString currentToken();
    // The same user signs in on another machine (which expires this session's refresh token).
    bool signInElsewhere(const QString &email, const QString &password);

    static void clearPersistentState();

private:
    Smtpd::AppOptions options(const QString &account = {}) const;

    std::unique_ptr<EmulatorFixture> m_emulator;
    std::unique_ptr<Smtpd::Application> m_app;
    bool m_ready = false;
};

// The real X clipboard as another program sees it (xclip), read without blocking the event
// loop, so that this process can answer for the selection it owns. Empty when it holds nothing.
QByteArray readXClipboard(const QString &target = QStringLiteral("UTF8_STRING"));
// Puts text on the X clipboard from another process (xclip), as another app would.
bool writeXClipboardFromOutside(const QByteArray &text);

template<typename T> T *findByAccessibleName(QWidget *root, const QString &name)
{
    const QList<T *> candidates = root->findChildren<T *>();
    for (T *widget : candidates)
        if (widget->accessibleName() == name)
            return widget;
    return nullptr;
}

} // namespace TestSupport
