#include "StoredSessionAdapter.h"

#include "FuzzSupport.h"
#include "auth/StoredSession.h"

namespace Fuzz {

bool decodeStoredSession(const QByteArray &json)
{
    Smtpd::StoredSession session;
    if (Smtpd::StoredSession::fromJson(json, &session) != Smtpd::StoredSession::Decoded::Ok)
        return false;
    check(session.isValid(), "an accepted stored session is not valid");
    // What a restore computes from it (the date arithmetic must not overflow).
    (void)session.localAccessExpiry();
    (void)session.localSessionEnd();
    (void)session.storageKey();
    (void)session.toJson();
    return true;
}

} // namespace Fuzz
