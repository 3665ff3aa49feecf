#include "TypedReplies.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Smtpd {

ApiError TokenReply::decodeSuccess(const QByteArray &body)
{
    ApiError error;
    m_grant = TokenGrant::fromJson(body, serverDate(), receivedAt(), &error);
    return error;
}

ApiError ProfileReply::decodeSuccess(const QByteArray &body)
{
    ApiError error;
    m_profile = Profile::fromJson(body, &error);
    return error;
}

static bool isEmptyOrJson(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return true;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    return parseError.error == QJsonParseError::NoError
        && (document.isObject() || document.isArray());
}

ApiError RevokeReply::decodeSuccess(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return {};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject())
        return {};
    return ApiError::protocol(
        tr("The server's answer to the sign-out was not the SMTPD API's, so the "
           "session may still be open there."),
        QStringLiteral("revoke answered 200 with a body that is not JSON"));
}

ApiError ApiKeyListReply::decodeSuccess(const QByteArray &body)
{
    ApiError error;
    m_keys = ApiKey::listFromJson(body, &error);
    return error;
}

ApiError ApiKeyReply::decodeSuccess(const QByteArray &body)
{
    ApiError error;
    m_key = ApiKey::fromJson(body, &error);
    return error;
}

NewApiKeyReply::~NewApiKeyReply()
{
    // Not taken (the caller went away): dropped with the reply, never kept.
    m_created.secret.fill(QChar(0));
}

NewApiKey NewApiKeyReply::takeNewKey()
{
    return std::exchange(m_created, NewApiKey {});
}

ApiError NewApiKeyReply::decodeSuccess(const QByteArray &body)
{
    ApiError error;
    m_created = NewApiKey::fromJson(body, &error);
    return error;
}

ApiError ApiKeyRevokeReply::decodeSuccess(const QByteArray &body)
{
    if (isEmptyOrJson(body))
        return {};
    return ApiError::protocol(
        tr("The server's answer to revoking the API key was not the SMTPD API's, so "
           "the key may still work."),
        QStringLiteral("revoke of an API key answered 2xx with a body that is not JSON"));
}

ApiError ApiKeySessionsReply::decodeSuccess(const QByteArray &body)
{
    ApiError error;
    m_sessions = ApiKeySession::listFromJson(body, &error);
    return error;
}

ApiError PlanReply::decodeSuccess(const QByteArray &body)
{
    ApiError error;
    m_plan = Plan::fromJson(body, &error);
    return error;
}

ApiError PlanListReply::decodeSuccess(const QByteArray &body)
{
    ApiError error;
    m_plans = Plan::listFromJson(body, &error);
    return error;
}

ApiError UsageReply::decodeSuccess(const QByteArray &body)
{
    ApiError error;
    m_usage = Usage::fromJson(body, &error);
    return error;
}

} // namespace Smtpd
