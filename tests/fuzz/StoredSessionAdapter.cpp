#include "StoredSessionAdapter.h"

#include "FuzzSupport.h"
#include "auth/StoredSession.h"

#include <type_traits>

namespace Fuzz {

// fromJson() has answered a bool, and is becoming an enum whose Ok means accepted: either
// compiles, so the core/auth rewrite can land without touching the fuzz targets.
template<typename Result> static bool isAccepted(Result result)
{
    if constexpr (std::is_same_v<Result, bool>)
        return result;
    else
        return result == Result::Ok;
}

bool decodeStoredSession(const QByteArray &json)
{
    Smtpd::StoredSession session;
    if (!isAccepted(Smtpd::StoredSession::fromJson(json, &session)))
        return false;
    check(session.isValid(), "an accepted stored session is not valid");
    (void)session.toJson();
    return true;
}

} // namespace Fuzz
