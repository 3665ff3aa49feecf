#pragma once

#include "../api/ApiError.h"
#include "../api/ApiKey.h"
#include "../api/Billing.h"
#include "../api/Role.h"

#include <QObject>

#include <functional>

namespace Smtpd {

class ApiClient;
class Session;

// One account's console: its API keys and its billing, through its own Session. Every call
// is a bearer call made with Session::callWithToken, so it gets a fresh access token (a
// refresh first when one is due) and a 401 causes one refresh and one retry, never more.
//
// Results come through callbacks, not signals: each call's handler runs exactly once, from
// the event loop (never inside the call that started it), unless `context` is destroyed
// first, in which case it never runs and the request is aborted. Nothing waits in a nested
// event loop. A callback has one receiver, which matters for createKey(): the new key's
// secret goes to that one handler and nowhere else (no signal carries it, core keeps no copy
// and never logs it).
//
// Errors are ApiErrors as for the auth calls: Forbidden when the signed-in user's or key's
// role may not do this (403), Http with the server's {code, message} for a 400 or a 404,
// Configuration when not signed in; the value is default-constructed then.
class AccountConsole final : public QObject
{
    Q_OBJECT

public:
    template<typename T> using Handler = std::function<void(const T &value, const ApiError &error)>;
    using NewKeyHandler = std::function<void(NewApiKey created, const ApiError &error)>;
    using DoneHandler = std::function<void(const ApiError &error)>;

    AccountConsole(Session *session, ApiClient *api, QObject *parent = nullptr);

    // GET /api/v1/account/api_key
    void listKeys(QObject *context, const Handler<QList<ApiKey>> &handler);
    // GET /api/v1/account/api_key/:id
    void key(QObject *context, const QString &id, const Handler<ApiKey> &handler);
    // POST /api/v1/account/api_key. The handler gets the new key with its secret, the only
    // time the API shows it; keysChanged() follows a success.
    void createKey(
        QObject *context, const QString &name, ApiRole role, const NewKeyHandler &handler);
    // PUT /api/v1/account/api_key/:id/revoke; keysChanged() follows a success.
    void revokeKey(QObject *context, const QString &id, const DoneHandler &handler);
    // GET /api/v1/account/api_key/:id/sessions
    void keySessions(
        QObject *context, const QString &id, const Handler<QList<ApiKeySession>> &handler);
    // GET /api/v1/account/billing/plan/current
    void plan(QObject *context, const Handler<Plan> &handler);
    // GET /api/v1/account/billing/usage (the last 30 days)
    void usage(QObject *context, const Handler<Usage> &handler);
    // GET /api/v1/billing/plan and /api/v1/billing/plan/:id: the public catalogue.
    void plans(QObject *context, const Handler<QList<Plan>> &handler);
    void catalogPlan(QObject *context, const QString &planId, const Handler<Plan> &handler);

signals:
    // A key was created or revoked through this console: a shown list is out of date.
    void keysChanged();

private:
    template<typename Reply, typename T, typename Make, typename Read>
    void call(QObject *context, Make make, Read read, const Handler<T> &handler);

    Session *m_session;
    ApiClient *m_api;
};

} // namespace Smtpd
