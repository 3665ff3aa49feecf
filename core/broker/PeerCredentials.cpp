#include "PeerCredentials.h"

#if defined(Q_OS_UNIX)
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>
#endif

namespace Smtpd::Broker {

std::optional<uint> peerUid(qintptr descriptor)
{
    if (descriptor < 0)
        return std::nullopt;
#if defined(Q_OS_LINUX)
    ucred credentials {};
    socklen_t size = sizeof credentials;
    if (getsockopt(int(descriptor), SOL_SOCKET, SO_PEERCRED, &credentials, &size) != 0
        || size != sizeof credentials)
        return std::nullopt;
    return uint(credentials.uid);
#elif defined(Q_OS_UNIX)
    uid_t uid = 0;
    gid_t gid = 0;
    if (getpeereid(int(descriptor), &uid, &gid) != 0)
        return std::nullopt;
    return uint(uid);
#else
    return std::nullopt;
#endif
}

bool isAllowedPeer(std::optional<uint> peerUid, uint ownUid)
{
    return peerUid && *peerUid == ownUid;
}

bool isAllowedPeer(qintptr descriptor)
{
#if defined(Q_OS_UNIX)
    return isAllowedPeer(peerUid(descriptor), uint(getuid()));
#elif defined(Q_OS_WIN)
    // Windows (untested here): QLocalServer is a named pipe, and `descriptor` its handle, which
    // has no peer uid. The app listens with QLocalServer::UserAccessOption, whose security
    // descriptor grants the pipe to this user's account only, so the system has refused any
    // other user's process before a connection reaches this check.
    return descriptor > 0;
#else
    Q_UNUSED(descriptor);
    return false; // no way to tell who is at the other end: nobody is let in
#endif
}

} // namespace Smtpd::Broker
