#pragma once

#include <QString>
#include <QStringList>

namespace Smtpd::Cli {

// The subcommands of `smtpd-accounts` that work without the GUI (see CliMain.h).
enum class Command { Token, Status, Accounts, Login, Logout };

// One parsed command line: the subcommand and its options. Never a secret: the password or
// API secret is prompted for, or read from standard input (--password-stdin).
struct CliCommand
{
    Command command = Command::Token;
    QString account; // --account: empty for the default account
    int minValidSeconds = 60; // token --min-valid
    bool json = false; // status/accounts --json
    bool names = false; // accounts --names (hidden: one name per line, for completion)
    // login
    QString server; // --server or $SMTPD_API_URL; empty: the default (or the running app's)
    QString caFile; // --ca-file or $SMTPD_CA_FILE, absolute; empty when none
    bool apiKey = false; // --api-key: an API key and its secret instead of email + password
    QString username; // --username: the email (with --password-stdin)
    bool passwordStdin = false;

    enum class Outcome { Run, ExitOk, ExitError };
    // Parses `arguments` (argv, the subcommand at index 1). On ExitOk/ExitError, *output holds
    // what to print (the help, or the error) and nothing runs.
    static Outcome parse(const QStringList &arguments, CliCommand *command, QString *output);
};

// Whether `word` (argv[1]) names a subcommand.
bool isSubcommand(const QString &word);
// What `smtpd-accounts --help` adds after the GUI's options: the subcommands and exit codes.
QString mainHelpAppendix();

} // namespace Smtpd::Cli
