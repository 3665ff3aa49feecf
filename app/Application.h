#pragma once

#include "AppOptions.h"
#include "Clock.h"

#include <QNetworkAccessManager>
#include <QObject>

namespace Smtpd {

class AccountWindow;
class ApiClient;
class Session;
class SignInWindow;

// Builds the object graph of the running app and connects it. No logic of its own beyond
// deciding which window shows for which session state.
class Application final : public QObject
{
    Q_OBJECT

public:
    explicit Application(const AppOptions &options, QObject *parent = nullptr);
    ~Application() override;

    void show();

    // For tests: the windows the app shows.
    SignInWindow *signInWindow() const { return m_signInWindow; }
    AccountWindow *accountWindow() const { return m_accountWindow; }

private:
    void onStateChanged();

    AppOptions m_options;
    SystemClock m_clock;
    QNetworkAccessManager m_network; // the process's only one
    ApiClient *m_api;
    Session *m_session;
    SignInWindow *m_signInWindow;
    AccountWindow *m_accountWindow;
};

} // namespace Smtpd
