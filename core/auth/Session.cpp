#include "Session.h"

#include "../Logging.h"
#include "../api/ApiClient.h"

#include <QMetaEnum>

namespace Smtpd {

Session::Session(ApiClient *api, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_clock(clock)
{ }

Session::~Session()
{
    delete m_pending;
}

QDateTime Session::accessTokenExpiry() const
{
    return m_grant.accessToken.isEmpty() ? QDateTime() : m_grant.localExpiry();
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    qCInfo(lcAuth) << "session state" << toString(m_state) << "->" << toString(state);
    m_state = state;
    emit stateChanged(state);
}

void Session::signIn(const QString &username, const QString &secret)
{
    if (m_state == State::SigningIn)
        return;
    delete m_pending;
    TokenReply *reply = m_api->grantPassword(username.trimmed(), secret);
    m_pending = reply;
    connect(reply, &ApiReply::finished, this, &Session::onGrantFinished);
    setState(State::SigningIn);
}

void Session::cancelSignIn()
{
    if (m_state != State::SigningIn)
        return;
    delete m_pending;
    m_grant = {};
    setState(State::SignedOut);
}

void Session::onGrantFinished()
{
    auto *reply = qobject_cast<TokenReply *>(sender());
    reply->deleteLater();
    if (reply != m_pending)
        return;
    m_pending.clear();
    if (reply->error())
        return failSignIn(reply->error());
    m_grant = reply->grant();
    ProfileReply *profileReply = m_api->me(m_grant.accessToken);
    m_pending = profileReply;
    connect(profileReply, &ApiReply::finished, this, &Session::onProfileFinished);
}

void Session::onProfileFinished()
{
    auto *reply = qobject_cast<ProfileReply *>(sender());
    reply->deleteLater();
    if (reply != m_pending)
        return;
    m_pending.clear();
    if (reply->error()) {
        m_grant = {};
        return failSignIn(reply->error(),
            QStringLiteral("You were signed in, but your profile could not be "
                           "loaded. "));
    }
    m_profile = reply->profile();
    emit profileChanged(m_profile);
    setState(State::Active);
}

void Session::failSignIn(const ApiError &error, const QString &prefix)
{
    QString message = error.userMessage();
    if (error.kind() == ApiError::Kind::Http && error.serverCode() == ApiError::CodeBadCredentials
        && error.serverMessage().isEmpty())
        message = QStringLiteral("The email or password is incorrect.");
    setState(State::SignedOut);
    emit signInFailed(prefix + message, error);
}

QString toString(Session::State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<Session::State>().valueToKey(int(state)));
}

} // namespace Smtpd
