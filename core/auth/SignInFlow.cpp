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
    m_account = username.trimmed();
    TokenReply *reply = m_api->grantPassword(m_account, secret);
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply != m_reply)
            return;
        m_reply.clear();
        if (reply->error())
            emit failed(reply->error());
        else
            emit granted(reply->grant(), m_account);
    });
}

void SignInFlow::cancel()
{
    // Deleting the reply aborts it; its finished() then reaches nobody.
    delete m_reply;
}

} // namespace Smtpd
