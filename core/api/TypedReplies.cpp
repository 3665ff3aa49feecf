#include "TypedReplies.h"

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

} // namespace Smtpd
