#pragma once

#include "TrayIcon.h"
#include "auth/Session.h"

#include <QCoreApplication>
#include <QString>

namespace Smtpd {

// Words for what core reports as enums: every sentence a person reads about the session.
struct SessionTexts
{
    Q_DECLARE_TR_FUNCTIONS(SessionTexts)

public:
    // The sentence for `reason` ("You signed in on another device…"); `detail` is the
    // server's or the keychain's own message, where the reason has one. Empty for None.
    static QString describe(Session::Reason reason, const QString &detail = {});
    // A short notification title for `reason`.
    static QString noticeTitle(Session::Reason reason);
};

// Which window shows for a session state, what the status line and the tray say. No widgets:
// Application applies what it decides; tests check it directly.
class SessionPresenter final : public QObject
{
    Q_OBJECT

public:
    struct Windows
    {
        bool account = false;
        bool signIn = false;
        bool keychain = false;
        friend bool operator==(const Windows &a, const Windows &b)
        {
            return a.account == b.account && a.signIn == b.signIn && a.keychain == b.keychain;
        }
    };

    explicit SessionPresenter(const Session *session, QObject *parent = nullptr);

    // The person opened the sign-in form to start a new 30-day session while signed in.
    void setRenewing(bool renewing);
    bool isRenewing() const { return m_renewing; }

    static Windows windowsFor(Session::State state, bool renewing);
    Windows windows() const { return windowsFor(m_session->state(), m_renewing); }
    // The account window's status line ("Refreshing the access token…", why it is offline…).
    QString statusLine() const;
    // The sign-in form's notice after the session ended or was signed out (why).
    QString signInNotice() const;
    TraySummary traySummary() const;

signals:
    // A renewal sign-in succeeded: the new session is in place.
    void renewed();

private:
    void onStateChanged(Session::State state);

    const Session *m_session;
    bool m_renewing = false;
    bool m_signInFailed = false;
    Session::State m_previous = Session::State::SignedOut;
    QDateTime m_endBeforeSignIn; // the session's 30-day end when a sign-in began
};

} // namespace Smtpd
