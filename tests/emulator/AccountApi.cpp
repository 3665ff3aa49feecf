// The account endpoints under /api/v1/ (SMTPD-API "Account endpoints"): API keys and billing.
// Each request is checked in this order: the route (404), the method (405), authentication
// (401), the principal's role (403, see Roles.h), the resource (404: another account's key
// is not found), the request body (400). Every error is {"code": <int>, "message": "..."}.
#include "AccountService.h"
#include "Roles.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace SmtpdEmulator {

namespace {

constexpr int CodeAuthenticationRequired = 40100;
constexpr int CodeAccessTokenInvalid = 40101;
constexpr int CodeBadRequest = 40000;
constexpr int CodeForbidden = 40300;
constexpr int CodeNotFound = 40400;
constexpr int CodeMethodNotAllowed = 40500;

Response jsonAnswer(int status, const QJsonDocument &document)
{
    return {status, {{"Content-Type", "application/json; charset=utf-8"}},
        document.toJson(QJsonDocument::Compact)};
}

Response ok(const QJsonObject &object, int status = 200)
{
    return jsonAnswer(status, QJsonDocument(object));
}

Response okList(const QJsonArray &array)
{
    return jsonAnswer(200, QJsonDocument(array));
}

Response onlyAllow(const QByteArray &allowed)
{
    Response r
        = AccountService::error(405, CodeMethodNotAllowed, QStringLiteral("Method not allowed"));
    r.headers.append(qMakePair(QByteArray("Allow"), allowed));
    return r;
}

Response badRequest(const QString &message)
{
    return AccountService::error(400, CodeBadRequest, message);
}

Response forbidden(const QString &role, const QString &what)
{
    return AccountService::error(
        403, CodeForbidden, QStringLiteral("The role %1 may not %2").arg(role, what));
}

Response keyNotFound()
{
    return AccountService::error(404, CodeNotFound, QStringLiteral("API key not found"));
}

} // namespace

Response AccountService::accountApi(const QByteArray &method, const QString &path,
    const QByteArray &authorization, const QByteArray &body)
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts).mid(2); // api/v1
    enum class Route {
        None,
        Keys,
        Key,
        KeySessions,
        KeyRevoke,
        CurrentPlan,
        Usage,
        Catalogue,
        CataloguePlan
    };
    Route route = Route::None;
    const auto is = [&parts](std::initializer_list<const char *> names) {
        if (parts.size() != int(names.size()))
            return false;
        int i = 0;
        for (const char *name : names) {
            if (qstrcmp(name, "*") != 0 && parts.at(i) != QLatin1String(name))
                return false;
            ++i;
        }
        return true;
    };
    if (is({"account", "api_key"}))
        route = Route::Keys;
    else if (is({"account", "api_key", "*"}))
        route = Route::Key;
    else if (is({"account", "api_key", "*", "sessions"}))
        route = Route::KeySessions;
    else if (is({"account", "api_key", "*", "revoke"}))
        route = Route::KeyRevoke;
    else if (is({"account", "billing", "plan", "current"}))
        route = Route::CurrentPlan;
    else if (is({"account", "billing", "usage"}))
        route = Route::Usage;
    else if (is({"billing", "plan"}))
        route = Route::Catalogue;
    else if (is({"billing", "plan", "*"}))
        route = Route::CataloguePlan;
    if (route == Route::None || path.count(QLatin1Char('/')) != parts.size() + 2)
        return error(404, CodeNotFound, QStringLiteral("Not found"));

    const bool get = method == "GET";
    switch (route) {
    case Route::Keys:
        if (!get && method != "POST")
            return onlyAllow("GET, POST");
        break;
    case Route::KeyRevoke:
        if (method != "PUT")
            return onlyAllow("PUT");
        break;
    default:
        if (!get)
            return onlyAllow("GET");
    }

    if (authorization.isEmpty())
        return error(401, CodeAuthenticationRequired, QStringLiteral("Authentication is required"));
    const Principal principal = principalFor(authorization);
    if (!principal)
        return error(
            401, CodeAccessTokenInvalid, QStringLiteral("Access token is invalid or has expired"));

    const QString accountId = principal.user->accountId;
    switch (route) {
    case Route::Keys:
        return get ? listApiKeys(principal) : createApiKey(principal, body);
    case Route::Key:
        return getApiKey(principal, parts.at(2));
    case Route::KeySessions:
        return apiKeySessions(principal, parts.at(2));
    case Route::KeyRevoke:
        return revokeApiKey(principal, parts.at(2));
    case Route::CurrentPlan:
        if (!Roles::mayReadBilling(principal.role))
            return forbidden(principal.role, QStringLiteral("read the account's billing"));
        return ok(m_billing.plan(m_billing.planOf(accountId)));
    case Route::Usage:
        if (!Roles::mayReadBilling(principal.role))
            return forbidden(principal.role, QStringLiteral("read the account's billing"));
        return ok(m_billing.usageOf(accountId));
    case Route::Catalogue:
        return okList(m_billing.catalogue());
    case Route::CataloguePlan:
        if (!m_billing.hasPlan(parts.at(2)))
            return error(404, CodeNotFound, QStringLiteral("Plan not found"));
        return ok(m_billing.plan(parts.at(2)));
    case Route::None:
        break;
    }
    return error(404, CodeNotFound, QStringLiteral("Not found"));
}

const ApiKeyService::Key *AccountService::keyInAccount(
    const Principal &principal, const QString &id) const
{
    const ApiKeyService::Key *key = m_apiKeys.find(id);
    return key && key->accountId == principal.user->accountId ? key : nullptr;
}

Response AccountService::listApiKeys(const Principal &principal)
{
    if (!Roles::mayManageApiKeys(principal.role))
        return forbidden(principal.role, QStringLiteral("see the account's API keys"));
    const qint64 nowMs = now().toMSecsSinceEpoch();
    QJsonArray keys;
    for (const ApiKeyService::Key *key : m_apiKeys.inAccount(principal.user->accountId))
        keys.append(m_apiKeys.toJson(*key, nowMs));
    return okList(keys);
}

Response AccountService::getApiKey(const Principal &principal, const QString &id)
{
    if (!Roles::mayManageApiKeys(principal.role))
        return forbidden(principal.role, QStringLiteral("see the account's API keys"));
    const ApiKeyService::Key *key = keyInAccount(principal, id);
    if (!key)
        return keyNotFound();
    return ok(m_apiKeys.toJson(*key, now().toMSecsSinceEpoch()));
}

Response AccountService::createApiKey(const Principal &principal, const QByteArray &body)
{
    if (!Roles::mayManageApiKeys(principal.role))
        return forbidden(principal.role, QStringLiteral("create API keys"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return badRequest(QStringLiteral("The request body must be a JSON object"));
    const QJsonObject o = document.object();
    const QJsonValue name = o.value(QStringLiteral("name"));
    const QJsonValue role = o.value(QStringLiteral("role"));
    if (name.isUndefined() || name.isNull())
        return badRequest(QStringLiteral("name is required"));
    if (!name.isString())
        return badRequest(QStringLiteral("name must be a string"));
    if (name.toString().trimmed().isEmpty())
        return badRequest(QStringLiteral("name must not be empty"));
    if (role.isUndefined() || role.isNull())
        return badRequest(QStringLiteral("role is required"));
    if (!role.isString())
        return badRequest(QStringLiteral("role must be a string"));
    if (!Roles::forApiKeys().contains(role.toString()))
        return badRequest(QStringLiteral("role must be one of %1")
                              .arg(Roles::forApiKeys().join(QStringLiteral(", "))));
    QString secret;
    const ApiKeyService::Key &key = m_apiKeys.create(*principal.user, name.toString().trimmed(),
        role.toString(), &secret, now().toMSecsSinceEpoch());
    // The only answer that ever holds the secret.
    return ok({{QStringLiteral("ID"), key.id}, {QStringLiteral("Name"), key.name},
                  {QStringLiteral("Key"), key.key}, {QStringLiteral("Secret"), secret}},
        201);
}

Response AccountService::revokeApiKey(const Principal &principal, const QString &id)
{
    if (!Roles::mayManageApiKeys(principal.role))
        return forbidden(principal.role, QStringLiteral("revoke API keys"));
    if (!keyInAccount(principal, id))
        return keyNotFound();
    // Revoking a revoked key again is no error. Its sessions end with it: their refresh
    // tokens are refused (403 40106) and their access tokens too (401).
    const qint64 nowMs = now().toMSecsSinceEpoch();
    m_apiKeys.revoke(id, nowMs);
    return ok(m_apiKeys.toJson(*m_apiKeys.find(id), nowMs));
}

// The key's sessions: the refresh-token sessions started by signing in with the key and its
// secret, oldest first. The docs do not give this answer's shape; the emulator sends
//   [{"id": "<session id>", "created_at_utc": <s>, "expires_at_utc": <s: grant + 30 days>,
//     "last_used_at_utc": <s: the grant, a refresh, or a call with its access token>,
//     "user_agent": "<of the grant or the latest refresh>", "ip_address": "127.0.0.1",
//     "is_active": <its refresh token still works>}]
Response AccountService::apiKeySessions(const Principal &principal, const QString &id)
{
    if (!Roles::mayManageApiKeys(principal.role))
        return forbidden(principal.role, QStringLiteral("see the account's API keys"));
    if (!keyInAccount(principal, id))
        return keyNotFound();
    QList<QPair<QString, SessionRecord>> sessions;
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it)
        if (it->keyId == id)
            sessions.append({it.key(), it.value()});
    std::sort(sessions.begin(), sessions.end(), [](const auto &a, const auto &b) {
        return a.second.grantedAtMs != b.second.grantedAtMs
            ? a.second.grantedAtMs < b.second.grantedAtMs
            : a.first < b.first;
    });
    QJsonArray list;
    for (const auto &[sessionId, session] : sessions)
        list.append(QJsonObject {
            {QStringLiteral("id"), sessionId},
            {QStringLiteral("created_at_utc"), session.grantedAtMs / 1000},
            {QStringLiteral("expires_at_utc"), (session.grantedAtMs + RefreshLifespanMs) / 1000},
            {QStringLiteral("last_used_at_utc"), session.lastUsedMs / 1000},
            {QStringLiteral("user_agent"), session.client.userAgent},
            {QStringLiteral("ip_address"), session.client.address},
            {QStringLiteral("is_active"), isSessionLive(sessionId)},
        });
    return okList(list);
}

} // namespace SmtpdEmulator
