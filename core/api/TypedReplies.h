#pragma once

#include "ApiKey.h"
#include "ApiReply.h"
#include "Billing.h"
#include "Profile.h"
#include "TokenGrant.h"

namespace Smtpd {

// The answer of the token endpoint (password grant or refresh).
class TokenReply final : public ApiReply
{
    Q_OBJECT

public:
    using ApiReply::ApiReply;
    const TokenGrant &grant() const { return m_grant; }

protected:
    ApiError decodeSuccess(const QByteArray &body) override;

private:
    TokenGrant m_grant;
};

// The answer of GET /oauth/me.
class ProfileReply final : public ApiReply
{
    Q_OBJECT

public:
    using ApiReply::ApiReply;
    const Profile &profile() const { return m_profile; }

protected:
    ApiError decodeSuccess(const QByteArray &body) override;

private:
    Profile m_profile;
};

// The answer of POST /oauth/revoke. A 200 counts only when it is the API's own (no body,
// or JSON): a captive portal's web page or a cut-off answer did not revoke anything.
class RevokeReply final : public ApiReply
{
    Q_OBJECT

public:
    using ApiReply::ApiReply;

protected:
    ApiError decodeSuccess(const QByteArray &body) override;
};

// ---- Account calls (bearer token): API keys and billing --------------------------------
// Each maps a 403 to ApiError::Kind::Forbidden (the principal's role may not do this); 400
// and the others carry the server's {code, message} as for the auth calls.
class AccountApiReply : public ApiReply
{
    Q_OBJECT

protected:
    using ApiReply::ApiReply;
    bool refusalMeansNoPermission() const override { return true; }
};

// GET /api/v1/account/api_key: a JSON list of keys.
class ApiKeyListReply final : public AccountApiReply
{
    Q_OBJECT

public:
    using AccountApiReply::AccountApiReply;
    const QList<ApiKey> &keys() const { return m_keys; }

protected:
    ApiError decodeSuccess(const QByteArray &body) override;

private:
    QList<ApiKey> m_keys;
};

// GET /api/v1/account/api_key/:id.
class ApiKeyReply final : public AccountApiReply
{
    Q_OBJECT

public:
    using AccountApiReply::AccountApiReply;
    const ApiKey &key() const { return m_key; }

protected:
    ApiError decodeSuccess(const QByteArray &body) override;

private:
    ApiKey m_key;
};

// POST /api/v1/account/api_key: 201 {"ID", "Name", "Key", "Secret"}. The secret is handed
// out once: takeNewKey() moves it to the caller and leaves nothing behind here.
class NewApiKeyReply final : public AccountApiReply
{
    Q_OBJECT

public:
    using AccountApiReply::AccountApiReply;
    ~NewApiKeyReply() override;
    // The new key, once; later calls (and calls after an error) return an invalid one.
    NewApiKey takeNewKey();

protected:
    ApiError decodeSuccess(const QByteArray &body) override;

private:
    NewApiKey m_created;
};

// PUT /api/v1/account/api_key/:id/revoke. Any 2xx whose body is empty or JSON counts (the
// docs do not give its body); a web page does not.
class ApiKeyRevokeReply final : public AccountApiReply
{
    Q_OBJECT

public:
    using AccountApiReply::AccountApiReply;

protected:
    ApiError decodeSuccess(const QByteArray &body) override;
};

// GET /api/v1/account/api_key/:id/sessions (shape undocumented: see ApiKeySession).
class ApiKeySessionsReply final : public AccountApiReply
{
    Q_OBJECT

public:
    using AccountApiReply::AccountApiReply;
    const QList<ApiKeySession> &sessions() const { return m_sessions; }

protected:
    ApiError decodeSuccess(const QByteArray &body) override;

private:
    QList<ApiKeySession> m_sessions;
};

// GET /api/v1/account/billing/plan/current and GET /api/v1/billing/plan/:id.
class PlanReply final : public AccountApiReply
{
    Q_OBJECT

public:
    using AccountApiReply::AccountApiReply;
    const Plan &plan() const { return m_plan; }

protected:
    ApiError decodeSuccess(const QByteArray &body) override;

private:
    Plan m_plan;
};

// GET /api/v1/billing/plan: the catalogue, a JSON list of plans.
class PlanListReply final : public AccountApiReply
{
    Q_OBJECT

public:
    using AccountApiReply::AccountApiReply;
    const QList<Plan> &plans() const { return m_plans; }

protected:
    ApiError decodeSuccess(const QByteArray &body) override;

private:
    QList<Plan> m_plans;
};

// GET /api/v1/account/billing/usage (the last 30 days).
class UsageReply final : public AccountApiReply
{
    Q_OBJECT

public:
    using AccountApiReply::AccountApiReply;
    const Usage &usage() const { return m_usage; }

protected:
    ApiError decodeSuccess(const QByteArray &body) override;

private:
    Usage m_usage;
};

} // namespace Smtpd
