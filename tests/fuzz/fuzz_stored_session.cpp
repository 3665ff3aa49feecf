// StoredSession::fromJson (through StoredSessionAdapter) on any bytes: what the keychain hands
// back at start, which another program or an older version may have written.
#include "FuzzSupport.h"
#include "StoredSessionAdapter.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::decodeStoredSession(Fuzz::bytes(data, size));
    return 0;
}
