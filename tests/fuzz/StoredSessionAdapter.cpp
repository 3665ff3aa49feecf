#include "StoredSessionAdapter.h"

#include "FuzzSupport.h"
#include "auth/StoredSession.h"

namespace Fuzz {

bool decodeStoredSession(const QByteArray &json)
{
    Smtpd::StoredSession session;
    if (!Smtpd::StoredSession::fromJson(json, &session))
        return false;
    check(session.isValid(), "an accepted stored session is not valid");
    (void)session.toJson();
    return true;
}

} // namespace Fuzz
