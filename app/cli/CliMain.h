#pragma once

namespace Smtpd::Cli {

// Runs `smtpd-accounts <subcommand> …` (argv[1] is one: see isSubcommand()) with a
// QCoreApplication: no window, no display needed. Returns the exit code (ExitCode.h).
int runCommand(int argc, char *argv[]);

} // namespace Smtpd::Cli
