#pragma once

#include "ApiReply.h"
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

} // namespace Smtpd
