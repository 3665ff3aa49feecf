// Profile::fromJson (JsonObjectReader underneath) on any bytes: the body of GET /oauth/me.
#include "FuzzSupport.h"
#include "api/Profile.h"

using namespace Smtpd;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ApiError error;
    const Profile profile = Profile::fromJson(Fuzz::bytes(data, size), &error);
    if (error) {
        Fuzz::check(error.kind() == ApiError::Kind::Protocol, "profile error is not Protocol");
        Fuzz::check(!error.userMessage().isEmpty(), "profile error without a message");
        Fuzz::check(!profile.isValid(), "a refused profile is valid");
        return 0;
    }
    Fuzz::check(profile.isValid(), "an accepted profile is not valid");
    Fuzz::check(profile.createdAt.isValid(), "an accepted profile without created_at_utc");
    (void)profile.displayName();
    Fuzz::check(profile == profile, "a profile differs from itself");
    return 0;
}
