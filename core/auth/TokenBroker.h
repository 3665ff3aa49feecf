#pragma once

#include "../api/ApiError.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace Smtpd {

class ApiReply;
class Session;

// Hands out access tokens: callers that need one while a refresh is due queue behind a
// single refresh (single flight) and are served when it answers.
class TokenBroker final : public QObject
{
    Q_OBJECT

public:
    using TokenCallback = std::function<void(const QString &accessToken, const ApiError &error)>;

    explicit TokenBroker(QObject *parent = nullptr)
        : QObject(parent)
    { }

    // Queues `callback` until serve() or failAll(). Not called at all once `context` is gone.
    void wait(QObject *context, qint64 minValidMs, const TokenCallback &callback);

    // A refresh answered: each waiter gets `token` when it is valid for the time it asked,
    // else `error` (or a Configuration error when the refresh worked but is still too short).
    void serve(const QString &token, qint64 validForMs, const ApiError &error);
    void failAll(const ApiError &error);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        qint64 minValidMs = 0;
        TokenCallback callback;
    };
    QList<Waiter> m_waiters;
};

// One bearer call with a fresh token. A 401 causes one refresh and one retry, never more.
// A job object: it deletes itself (and its reply) once the handler has run, or when its
// context is destroyed first.
class BearerCall final : public QObject
{
    Q_OBJECT

public:
    using ReplyFactory = std::function<ApiReply *(const QString &accessToken)>;
    // `reply` is null when no token could be had (then `error` says why). The reply is
    // deleted after the handler returns.
    using ReplyHandler = std::function<void(ApiReply *reply, const ApiError &error)>;

    BearerCall(Session *session, QObject *context, const ReplyFactory &factory,
        const ReplyHandler &handler);
    ~BearerCall() override;

    void start();

private:
    void onToken(const QString &token, const ApiError &error);
    void onReply();
    void finish(ApiReply *reply, const ApiError &error);

    Session *m_session;
    QPointer<QObject> m_context;
    ReplyFactory m_factory;
    ReplyHandler m_handler;
    QPointer<ApiReply> m_reply;
    QString m_token;
    bool m_retried = false;
};

} // namespace Smtpd
