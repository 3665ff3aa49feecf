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

ApiError RevokeReply::decodeSuccess(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return {};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject())
        return {};
    return ApiError::protocol(
        QStringLiteral("The server's answer to the sign-out was not the SMTPD API's, so the "
                       "session may still be open there."),
        QStringLiteral("revoke answered 200 with a body that is not JSON"));
}

} // namespace Smtpd
