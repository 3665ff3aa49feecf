#pragma once

#include "EmulatorTypes.h"

namespace SmtpdEmulator {

// The accounts the emulator knows when no users file is given. Demo credentials only.
QList<User> demoUsers();

} // namespace SmtpdEmulator
