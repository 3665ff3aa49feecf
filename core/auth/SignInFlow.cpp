#include "SignInFlow.h"

#include "../api/ApiClient.h"

namespace Smtpd {

SignInFlow::SignInFlow(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{ }

SignInFlow::~SignInFlow()
{
    delete m_reply;
}

void SignInFlow::start(const QString &username, const QString &secret)
{
    cancel();
    m_running = true;
    m_queuedUser = username.trimmed();
    m_queuedSecret = secret;
    m_queued = true;
    if (!m_reply)
        send();
}

void SignInFlow::send()
{
    m_queued = false;
    m_cancelled = false;
    m_account = std::exchange(m_queuedUser, {});
    TokenReply *reply = m_api->grantPassword(m_account, std::exchange(m_queuedSecret, {}));
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply != m_reply)
            return;
        m_reply.clear();
        const QString account = m_account;
        if (m_cancelled) {
            if (!reply->error())
                emit lateGrant(reply->grant(), account);
            emit cancelledRequestEnded();
        } else {
            m_running = false;
            if (reply->error())
                emit failed(reply->error());
            else
                emit granted(reply->grant(), account);
        }
        if (m_queued)
            send();
    });
}

void SignInFlow::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    if (m_queued) { // never sent: nothing to wait for
        m_queued = false;
        m_queuedUser.clear();
        m_queuedSecret.clear();
        return;
    }
    m_cancelled = true;
}

} // namespace Smtpd
