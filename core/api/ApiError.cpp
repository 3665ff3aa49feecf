#include "ApiError.h"

#include <QCoreApplication>

namespace Smtpd {

ApiError::ApiError(Kind kind, const QString &userMessage, const QString &detail)
    : m_kind(kind)
    , m_userMessage(userMessage)
    , m_detail(detail)
{ }

ApiError ApiError::configuration(const QString &userMessage)
{
    return ApiError(Kind::Configuration, userMessage, {});
}

ApiError ApiError::network(const QString &userMessage, const QString &detail)
{
    return ApiError(Kind::Network, userMessage, detail);
}

ApiError ApiError::tls(const QString &userMessage, const QString &detail)
{
    return ApiError(Kind::Tls, userMessage, detail);
}

ApiError ApiError::timeout(const QString &userMessage)
{
    return ApiError(Kind::Timeout, userMessage, {});
}

ApiError ApiError::http(
    int status, int serverCode, const QString &serverMessage, const QString &userMessage)
{
    ApiError error(Kind::Http, userMessage, {});
    error.m_httpStatus = status;
    error.m_serverCode = serverCode;
    error.m_serverMessage = serverMessage;
    return error;
}

ApiError ApiError::forbidden(
    int serverCode, const QString &serverMessage, const QString &userMessage)
{
    ApiError error = http(403, serverCode, serverMessage, userMessage);
    error.m_kind = Kind::Forbidden;
    return error;
}

ApiError ApiError::protocol(const QString &userMessage, const QString &detail)
{
    return ApiError(Kind::Protocol, userMessage, detail);
}

ApiError ApiError::cancelled()
{
    return ApiError(Kind::Cancelled,
        QCoreApplication::translate("Smtpd::ApiError", "The request was cancelled."), {});
}

bool ApiError::isRefreshTokenRejected() const
{
    return m_kind == Kind::Http && (m_httpStatus == 401 || m_httpStatus == 403)
        && m_serverCode == CodeRefreshTokenInvalid;
}

bool ApiError::isAccessTokenRejected() const
{
    return m_kind == Kind::Http && m_httpStatus == 401;
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("None");
    case Kind::Configuration:
        return QStringLiteral("Configuration");
    case Kind::Network:
        return QStringLiteral("Network");
    case Kind::Tls:
        return QStringLiteral("Tls");
    case Kind::Timeout:
        return QStringLiteral("Timeout");
    case Kind::Http:
        return QStringLiteral("Http");
    case Kind::Forbidden:
        return QStringLiteral("Forbidden");
    case Kind::Protocol:
        return QStringLiteral("Protocol");
    case Kind::Cancelled:
        return QStringLiteral("Cancelled");
    }
    return {};
}

} // namespace Smtpd
