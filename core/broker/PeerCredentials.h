#pragma once

#include <QtGlobal>

#include <optional>

namespace Smtpd::Broker {

// The user id of the process at the other end of the connected local socket `descriptor`, as
// the kernel recorded it when it connected (SO_PEERCRED; getpeereid() on the BSDs); nothing
// when it cannot be read.
std::optional<uint> peerUid(qintptr descriptor);

// Whether a peer may talk to the broker: only a process of the user the app runs as
// (`ownUid`). The socket's folder and mode keep others out already; this holds even if they
// were wrong. A peer whose uid cannot be read is refused.
bool isAllowedPeer(std::optional<uint> peerUid, uint ownUid);
// The same for the peer of `descriptor` and this process's own user. On Windows, where the
// named pipe's access rights admit this user only, any connected peer.
bool isAllowedPeer(qintptr descriptor);

} // namespace Smtpd::Broker
