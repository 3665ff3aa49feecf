#include "TokenBroker.h"

#include "../api/ApiReply.h"
#include "Session.h"

namespace Smtpd {

void TokenBroker::wait(QObject *context, qint64 minValidMs, const TokenCallback &callback)
{
    m_waiters.append({QPointer<QObject>(context), minValidMs, callback});
}

void TokenBroker::serve(const QString &token, qint64 validForMs, const ApiError &error)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (!waiter.context)
            continue;
        if (!token.isEmpty() && validForMs >= waiter.minValidMs)
            waiter.callback(token, {});
        else if (error)
            waiter.callback({}, error);
        else
            waiter.callback({},
                ApiError::configuration(
                    tr("The server hands out access tokens that expire too soon.")));
    }
}

void TokenBroker::failAll(const ApiError &error)
{
    serve({}, 0, error);
}

BearerCall::BearerCall(
    Session *session, QObject *context, const ReplyFactory &factory, const ReplyHandler &handler)
    : QObject(session)
    , m_session(session)
    , m_context(context)
    , m_factory(factory)
    , m_handler(handler)
{
    if (context && context != session)
        connect(context, &QObject::destroyed, this, &QObject::deleteLater);
}

BearerCall::~BearerCall()
{
    delete m_reply; // aborts a call still in flight
}

void BearerCall::start()
{
    m_session->withFreshToken(
        this, [this](const QString &token, const ApiError &error) { onToken(token, error); },
        Session::BearerCallValidityMs);
}

void BearerCall::onToken(const QString &token, const ApiError &error)
{
    if (!m_context) { // the caller is gone: nothing is sent for it
        deleteLater();
        return;
    }
    if (error) {
        finish(nullptr, error);
        return;
    }
    m_token = token;
    m_reply = m_factory(token);
    connect(m_reply, &ApiReply::finished, this, &BearerCall::onReply);
}

void BearerCall::onReply()
{
    ApiReply *reply = m_reply;
    if (reply->error().isAccessTokenRejected() && !m_retried) {
        // The server did not take a token we thought valid: refresh once, retry once.
        m_retried = true;
        m_reply = nullptr;
        reply->deleteLater();
        m_session->rejectAccessToken(m_token);
        start();
        return;
    }
    finish(reply, reply->error());
}

void BearerCall::finish(ApiReply *reply, const ApiError &error)
{
    if (m_context)
        m_handler(reply, error);
    m_reply = nullptr;
    if (reply)
        reply->deleteLater();
    deleteLater();
}

} // namespace Smtpd
