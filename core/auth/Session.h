#pragma once

#include "../api/ApiError.h"
#include "../api/Profile.h"
#include "../api/TokenGrant.h"

#include <QObject>
#include <QPointer>

namespace Smtpd {

class ApiClient;
class ApiReply;
class Clock;

// The single source of truth for one account's sign-in state.
//
//   SignedOut --signIn()--> SigningIn --grant+profile--> Active
//       ^                      |
//       `----- failure --------'   (the reason goes out through signInFailed)
class Session final : public QObject
{
    Q_OBJECT

public:
    enum class State {
        SignedOut,
        SigningIn,
        Restoring,
        Active,
        Refreshing,
        Offline,
        Expired,
        SigningOut,
    };
    Q_ENUM(State)

    Session(ApiClient *api, const Clock *clock, QObject *parent = nullptr);
    ~Session() override;

    State state() const { return m_state; }
    const Profile &profile() const { return m_profile; }
    // When the current access token expires, in the local clock; invalid when signed out.
    QDateTime accessTokenExpiry() const;

    // Signs in with email + password, or API key + secret.
    void signIn(const QString &username, const QString &secret);
    // Abandons a sign-in in progress; nothing is kept.
    void cancelSignIn();

signals:
    void stateChanged(Smtpd::Session::State state);
    void profileChanged(const Smtpd::Profile &profile);
    // A sign-in did not work: a sentence for the person, and the error behind it.
    void signInFailed(const QString &message, const Smtpd::ApiError &error);

private:
    void setState(State state);
    void onGrantFinished();
    void onProfileFinished();
    void failSignIn(const ApiError &error, const QString &prefix = {});

    ApiClient *m_api;
    const Clock *m_clock;
    State m_state = State::SignedOut;
    TokenGrant m_grant;
    Profile m_profile;
    QPointer<ApiReply> m_pending;
};

QString toString(Session::State state);

} // namespace Smtpd
