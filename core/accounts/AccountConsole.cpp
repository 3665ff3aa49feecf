#include "AccountConsole.h"

#include "../Logging.h"
#include "../api/ApiClient.h"
#include "../auth/Session.h"

namespace Smtpd {

AccountConsole::AccountConsole(Session *session, ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_api(api)
{ }

// One bearer call: `make(token)` starts it, `read(reply)` takes the value out of a reply
// that finished without an error.
// The factories hold the ApiClient, not the console: a call may outlive a console deleted
// before the session that runs it.
template<typename Reply, typename T, typename Make, typename Read>
void AccountConsole::call(QObject *context, Make make, Read read, const Handler<T> &handler)
{
    m_session->callWithToken(
        context, [make](const QString &token) -> ApiReply * { return make(token); },
        [handler, read](ApiReply *reply, const ApiError &error) {
            if (error || !reply) {
                handler(T {}, error ? error : ApiError::protocol(tr("No answer.")));
                return;
            }
            handler(read(static_cast<Reply *>(reply)), {});
        });
}

void AccountConsole::listKeys(QObject *context, const Handler<QList<ApiKey>> &handler)
{
    call<ApiKeyListReply, QList<ApiKey>>(
        context, [api = m_api](const QString &token) { return api->listApiKeys(token); },
        [](ApiKeyListReply *reply) { return reply->keys(); }, handler);
}

void AccountConsole::key(QObject *context, const QString &id, const Handler<ApiKey> &handler)
{
    call<ApiKeyReply, ApiKey>(
        context, [api = m_api, id](const QString &token) { return api->apiKey(token, id); },
        [](ApiKeyReply *reply) { return reply->key(); }, handler);
}

void AccountConsole::createKey(
    QObject *context, const QString &name, ApiRole role, const NewKeyHandler &handler)
{
    const QPointer<AccountConsole> self(this);
    m_session->callWithToken(
        context,
        [api = m_api, name, role](
            const QString &token) { return api->createApiKey(token, name, role); },
        [self, handler](ApiReply *reply, const ApiError &error) {
            if (error || !reply) {
                handler(NewApiKey {}, error ? error : ApiError::protocol(tr("No answer.")));
                return;
            }
            NewApiKey created = static_cast<NewApiKeyReply *>(reply)->takeNewKey();
            qCInfo(lcAccounts) << "API key created:" << created.id;
            handler(std::move(created), {});
            if (self)
                emit self->keysChanged();
        });
}

void AccountConsole::revokeKey(QObject *context, const QString &id, const DoneHandler &handler)
{
    const QPointer<AccountConsole> self(this);
    m_session->callWithToken(
        context, [api = m_api, id](const QString &token) { return api->revokeApiKey(token, id); },
        [self, handler, id](ApiReply *reply, const ApiError &error) {
            if (error || !reply) {
                handler(error ? error : ApiError::protocol(tr("No answer.")));
                return;
            }
            qCInfo(lcAccounts) << "API key revoked:" << id;
            handler({});
            if (self)
                emit self->keysChanged();
        });
}

void AccountConsole::keySessions(
    QObject *context, const QString &id, const Handler<QList<ApiKeySession>> &handler)
{
    call<ApiKeySessionsReply, QList<ApiKeySession>>(
        context, [api = m_api, id](const QString &token) { return api->apiKeySessions(token, id); },
        [](ApiKeySessionsReply *reply) { return reply->sessions(); }, handler);
}

void AccountConsole::plan(QObject *context, const Handler<Plan> &handler)
{
    call<PlanReply, Plan>(
        context, [api = m_api](const QString &token) { return api->currentPlan(token); },
        [](PlanReply *reply) { return reply->plan(); }, handler);
}

void AccountConsole::usage(QObject *context, const Handler<Usage> &handler)
{
    call<UsageReply, Usage>(
        context, [api = m_api](const QString &token) { return api->usage(token); },
        [](UsageReply *reply) { return reply->usage(); }, handler);
}

void AccountConsole::plans(QObject *context, const Handler<QList<Plan>> &handler)
{
    call<PlanListReply, QList<Plan>>(
        context, [api = m_api](const QString &token) { return api->plans(token); },
        [](PlanListReply *reply) { return reply->plans(); }, handler);
}

void AccountConsole::catalogPlan(
    QObject *context, const QString &planId, const Handler<Plan> &handler)
{
    call<PlanReply, Plan>(
        context,
        [api = m_api, planId](const QString &token) { return api->catalogPlan(token, planId); },
        [](PlanReply *reply) { return reply->plan(); }, handler);
}

} // namespace Smtpd
