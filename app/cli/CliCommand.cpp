#include "CliCommand.h"

#include "api/ServerConfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

namespace Smtpd::Cli {

namespace {

struct Subcommand
{
    Command command;
    const char *name;
    const char *synopsis; // command and option names: not translated
    const char *summary; // translated where it is shown: see summaryOf()
};

constexpr Subcommand Subcommands[] = {
    {Command::Token, "token", "token [--account A] [--min-valid SECONDS]",
        QT_TRANSLATE_NOOP("Smtpd::Cli::CliCommand",
            "Print an access token valid for at least 60 s (or SECONDS), refreshing it when "
            "needed.")},
    {Command::Status, "status", "status [--account A] [--json]",
        QT_TRANSLATE_NOOP("Smtpd::Cli::CliCommand",
            "Each account's server, who, state, access-token and session time left, and where "
            "its tokens are stored.")},
    {Command::Accounts, "accounts", "accounts [--json]",
        QT_TRANSLATE_NOOP("Smtpd::Cli::CliCommand", "List the accounts; * marks the default one.")},
    {Command::Login, "login",
        "login [--server URL] [--ca-file PEM] [--api-key] [--username EMAIL] [--password-stdin]",
        QT_TRANSLATE_NOOP("Smtpd::Cli::CliCommand",
            "Sign in: the email and password (or API key and secret) are asked for on the "
            "terminal without echo, or read from standard input with --password-stdin.")},
    {Command::Logout, "logout", "logout [--account A]",
        QT_TRANSLATE_NOOP("Smtpd::Cli::CliCommand",
            "Sign out (the server ends the session) and forget the account here.")},
};

QString translated(const char *text)
{
    return QCoreApplication::translate("Smtpd::Cli::CliCommand", text);
}

QString summaryOf(const Subcommand &subcommand)
{
    return translated(subcommand.summary);
}

const Subcommand *find(const QString &word)
{
    for (const Subcommand &subcommand : Subcommands)
        if (word == QLatin1String(subcommand.name))
            return &subcommand;
    return nullptr;
}

QString exitCodes()
{
    //: the help's list of exit codes: keep the numbers and the lines
    return QCoreApplication::translate("Smtpd::Cli::CliCommand",
        "Exit codes:\n"
        "  0  success\n"
        "  1  failure: an unexpected answer from the server, or a local error\n"
        "  2  usage: an unknown command or option, or a bad value\n"
        "  3  not signed in: no account matches, or it has no session\n"
        "  4  session ended: the server ended it (30 days, or a sign-in elsewhere)\n"
        "  5  unreachable: the server could not be reached (network, TLS, timeout, 5xx)\n"
        "  6  keychain unavailable: the system keyring is locked or missing\n"
        "  7  sign-in refused: wrong email or password, or API key or secret\n");
}

QString accountNote()
{
    return QCoreApplication::translate("Smtpd::Cli::CliCommand",
        "A is an account's email, its display name, or for an API key the "
        "name \"smtpd-accounts accounts\" lists for it (\"API key 3fa2c1\"), "
        "optionally followed by @server (host, host:port or "
        "https://host:port) when it is on several servers; the default "
        "account when omitted.");
}

// `text` broken into lines of at most 79 characters: the first starts with `indent` spaces,
// the others with `hanging` (by default the same).
QString wrapped(const QString &text, int indent, int hanging = -1)
{
    QString margin(indent, QLatin1Char(' '));
    QString result, line;
    QStringList words;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        // "[--username EMAIL]" stays on one line.
        if (!words.isEmpty()
            && words.last().count(QLatin1Char('[')) > words.last().count(QLatin1Char(']')))
            words.last() += QLatin1Char(' ') + word;
        else
            words.append(word);
    }
    for (const QString &word : std::as_const(words)) {
        if (!line.isEmpty() && margin.size() + line.size() + 1 + word.size() > 79) {
            result += margin + line + QLatin1Char('\n');
            line.clear();
            margin = QString(hanging < 0 ? indent : hanging, QLatin1Char(' '));
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        result += margin + line + QLatin1Char('\n');
    return result;
}

QString usageError(const QString &name, const QString &message)
{
    return message + QLatin1Char('\n')
        + QCoreApplication::translate("Smtpd::Cli::CliCommand", "Try: smtpd-accounts %1 --help")
              .arg(name);
}

} // namespace

bool isSubcommand(const QString &word)
{
    return find(word) != nullptr;
}

QString mainHelpAppendix()
{
    QString text = QLatin1Char('\n')
        + QCoreApplication::translate("Smtpd::Cli::CliCommand",
            "Commands (they start no window and need no display; each has --help):")
        + QLatin1Char('\n');
    for (const Subcommand &subcommand : Subcommands)
        text
            += wrapped(QStringLiteral("smtpd-accounts ") + QLatin1String(subcommand.synopsis), 2, 8)
            + wrapped(summaryOf(subcommand), 6);
    text += QLatin1Char('\n') + wrapped(accountNote(), 0)
        + wrapped(QCoreApplication::translate("Smtpd::Cli::CliCommand",
                      "While SMTPD Accounts runs, the commands ask it; otherwise they "
                      "use the keychain themselves."),
            0)
        + QLatin1Char('\n') + exitCodes();
    return text;
}

CliCommand::Outcome CliCommand::parse(
    const QStringList &arguments, CliCommand *command, QString *output)
{
    const Subcommand *subcommand = find(arguments.value(1));
    if (!subcommand) {
        *output = QCoreApplication::translate("Smtpd::Cli::CliCommand", "Unknown command: %1")
                      .arg(arguments.value(1))
            + QLatin1Char('\n')
            + QCoreApplication::translate("Smtpd::Cli::CliCommand", "Try: smtpd-accounts --help");
        return Outcome::ExitError;
    }
    const QString name = QLatin1String(subcommand->name);
    command->command = subcommand->command;

    QCommandLineParser parser;
    parser.setApplicationDescription(summaryOf(*subcommand));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
        QCoreApplication::translate("Smtpd::Cli::CliCommand", "Show this help and exit."));
    const QCommandLineOption accountOption(QStringLiteral("account"),
        QCoreApplication::translate(
            "Smtpd::Cli::CliCommand", "The account (see below); the default account when omitted."),
        QStringLiteral("A"));
    const QCommandLineOption minValidOption(QStringLiteral("min-valid"),
        QCoreApplication::translate("Smtpd::Cli::CliCommand",
            "The token must stay valid at least this long (0 to 86400; default 60). "
            "More than the server's token lifetime is an error."),
        QStringLiteral("SECONDS"), QStringLiteral("60"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
        QCoreApplication::translate(
            "Smtpd::Cli::CliCommand", "Print JSON (an array of accounts)."));
    QCommandLineOption namesOption(QStringLiteral("names"),
        QCoreApplication::translate("Smtpd::Cli::CliCommand",
            "Print only the names --account takes, one a line (for completion)."));
    namesOption.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption serverOption(QStringLiteral("server"),
        QCoreApplication::translate("Smtpd::Cli::CliCommand",
            "The SMTPD API server (https only). Default: $SMTPD_API_URL, else the "
            "running app's default, else %1.")
            .arg(QLatin1String(DefaultApiUrl)),
        QStringLiteral("URL"));
    const QCommandLineOption caFileOption(QStringLiteral("ca-file"),
        QCoreApplication::translate("Smtpd::Cli::CliCommand",
            "For a self-hosted server: also trust the certificate authorities in "
            "this PEM file (remembered with the account). Default: $SMTPD_CA_FILE."),
        QStringLiteral("PEM"));
    const QCommandLineOption apiKeyOption(QStringLiteral("api-key"),
        QCoreApplication::translate("Smtpd::Cli::CliCommand",
            "Sign in with an API key and its secret. With --password-stdin, standard "
            "input holds the key on its first line and the secret on its second (a "
            "key is a credential: never an argument)."));
    const QCommandLineOption usernameOption({QStringLiteral("u"), QStringLiteral("username")},
        QCoreApplication::translate(
            "Smtpd::Cli::CliCommand", "The email to sign in with (asked for when omitted)."),
        QStringLiteral("EMAIL"));
    const QCommandLineOption passwordStdinOption(QStringLiteral("password-stdin"),
        QCoreApplication::translate("Smtpd::Cli::CliCommand",
            "Read the password (or, with --api-key, the key and the secret) from "
            "standard input instead of the terminal."));

    QList<QCommandLineOption> options {helpOption};
    switch (command->command) {
    case Command::Token:
        options << accountOption << minValidOption;
        break;
    case Command::Status:
        options << accountOption << jsonOption;
        break;
    case Command::Accounts:
        options << jsonOption << namesOption;
        break;
    case Command::Login:
        options << serverOption << caFileOption << apiKeyOption << usernameOption
                << passwordStdinOption;
        break;
    case Command::Logout:
        options << accountOption;
        break;
    }
    parser.addOptions(options);

    QStringList rest = arguments;
    rest.removeAt(1);
    if (!parser.parse(rest)) {
        *output = usageError(name, parser.errorText());
        return Outcome::ExitError;
    }
    if (parser.isSet(helpOption)) {
        QString help = parser.helpText();
        // QCommandLineParser's first lines name the program only, and are not wrapped. Its
        // "Options:" (in Qt's own translation, when installed) becomes this catalogue's.
        const char *const qtOptions = "Options:"; // Qt's own text: not in this catalogue
        const QString qtHeading = QCoreApplication::translate("QCommandLineParser", qtOptions);
        qsizetype heading = help.indexOf(QLatin1Char('\n') + qtHeading + QLatin1Char('\n'));
        qsizetype headingSize = qtHeading.size();
        if (heading < 0) {
            heading = help.indexOf(QLatin1String("\nOptions:\n"));
            headingSize = qsizetype(qstrlen(qtOptions));
        }
        help = QCoreApplication::translate("Smtpd::Cli::CliCommand", "Options:")
            + help.mid(heading + 1 + headingSize);
        help.prepend(wrapped(QCoreApplication::translate("Smtpd::Cli::CliCommand", "Usage: %1")
                                 .arg(QStringLiteral("smtpd-accounts ")
                                     + QLatin1String(subcommand->synopsis)),
                         0, 8)
            + wrapped(summaryOf(*subcommand), 0) + QLatin1Char('\n'));
        if (command->command == Command::Login)
            //: keep the command lines; only EMAIL and the file names may be translated
            help += QLatin1Char('\n')
                + QCoreApplication::translate("Smtpd::Cli::CliCommand",
                    "Examples:\n"
                    "  smtpd-accounts login --server https://smtpd.example.com\n"
                    "  smtpd-accounts login --username EMAIL --password-stdin < password-file\n"
                    "  smtpd-accounts login --api-key --password-stdin < key-and-secret-file\n");
        else if (command->command != Command::Accounts)
            help += QLatin1Char('\n') + wrapped(accountNote(), 0);
        *output = help + QLatin1Char('\n') + exitCodes();
        return Outcome::ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *output = usageError(name,
            QCoreApplication::translate("Smtpd::Cli::CliCommand", "Unexpected argument: %1")
                .arg(parser.positionalArguments().first()));
        return Outcome::ExitError;
    }

    command->account = parser.value(accountOption).trimmed();
    if (parser.isSet(accountOption) && command->account.isEmpty()) {
        *output = usageError(name,
            QCoreApplication::translate(
                "Smtpd::Cli::CliCommand", "--account needs an account's name."));
        return Outcome::ExitError;
    }
    if (command->command == Command::Token) {
        bool ok = false;
        const int seconds = parser.value(minValidOption).toInt(&ok);
        if (!ok || seconds < 0 || seconds > 86400) {
            *output = usageError(name,
                QCoreApplication::translate("Smtpd::Cli::CliCommand",
                    "--min-valid takes whole seconds from 0 to 86400, not \u201c%1\u201d.")
                    .arg(parser.value(minValidOption)));
            return Outcome::ExitError;
        }
        command->minValidSeconds = seconds;
    }
    command->json = parser.isSet(jsonOption);
    command->names = parser.isSet(namesOption);
    if (command->command == Command::Login) {
        command->apiKey = parser.isSet(apiKeyOption);
        command->passwordStdin = parser.isSet(passwordStdinOption);
        command->username = parser.value(usernameOption).trimmed();
        if (command->apiKey && parser.isSet(usernameOption)) {
            *output = usageError(name,
                QCoreApplication::translate("Smtpd::Cli::CliCommand",
                    "An API key is a credential and never goes on the command line: "
                    "it is asked for, or read from standard input with "
                    "--password-stdin (the key on the first line, the secret on the "
                    "second)."));
            return Outcome::ExitError;
        }
        if (command->passwordStdin && !command->apiKey && command->username.isEmpty()) {
            *output = usageError(name,
                QCoreApplication::translate("Smtpd::Cli::CliCommand",
                    "--password-stdin needs --username EMAIL (or --api-key)."));
            return Outcome::ExitError;
        }
        command->server = parser.isSet(serverOption) ? parser.value(serverOption)
                                                     : qEnvironmentVariable("SMTPD_API_URL");
        if (!command->server.isEmpty()) {
            const QString problem = validateApiUrl(QUrl(command->server, QUrl::StrictMode));
            if (!problem.isEmpty()) {
                *output = usageError(name, problem);
                return Outcome::ExitError;
            }
        }
        command->caFile = parser.isSet(caFileOption) ? parser.value(caFileOption)
                                                     : qEnvironmentVariable("SMTPD_CA_FILE");
        if (!command->caFile.isEmpty()) // remembered with the account: valid from any folder
            command->caFile = QFileInfo(command->caFile).absoluteFilePath();
    }
    return Outcome::Run;
}

} // namespace Smtpd::Cli
