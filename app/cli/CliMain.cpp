#include "CliMain.h"

#include "CliCommand.h"
#include "CliRunner.h"
#include "TerminalPrompt.h"
#include "TerminationSignals.h"
#include "Translations.h"
#include "api/ServerConfig.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

namespace Smtpd::Cli {

namespace {

struct Credentials
{
    QString username;
    QString secret;
};

int fail(ExitCode code, const QString &message)
{
    std::fprintf(stderr, "smtpd-accounts: %s\n", qPrintable(message));
    return toInt(code);
}

void wipe(QByteArray *bytes)
{
    bytes->fill('\0');
}

// The email and password (or API key and secret) for `login`: from the terminal, typed
// without echo, or from standard input (--password-stdin). Never from an argument or the
// environment. Returns an exit code, or -1 when *credentials is filled in.
int readCredentials(const CliCommand &command, Credentials *credentials)
{
    if (command.passwordStdin) {
        std::optional<QByteArray> input = readStandardInput();
        if (!input)
            return fail(ExitCode::Usage,
                QCoreApplication::translate(
                    "Smtpd::Cli::CliMain", "Standard input could not be read."));
        const QList<QByteArray> lines = input->split('\n');
        auto line = [&lines](int i) {
            QByteArray text = lines.value(i);
            if (text.endsWith('\r'))
                text.chop(1);
            return QString::fromUtf8(text);
        };
        if (command.apiKey) {
            credentials->username = line(0).trimmed();
            credentials->secret = line(1);
        } else {
            credentials->username = command.username;
            credentials->secret = line(0);
        }
        wipe(&*input);
        if (credentials->username.isEmpty() || credentials->secret.isEmpty())
            return fail(ExitCode::Usage,
                command.apiKey ? QCoreApplication::translate("Smtpd::Cli::CliMain",
                    "Standard input must hold the API key on its "
                    "first line and the secret on its second.")
                               : QCoreApplication::translate(
                                   "Smtpd::Cli::CliMain", "Standard input holds no password."));
        return -1;
    }
    TerminalPrompt terminal;
    if (!terminal.isOpen())
        return fail(ExitCode::Usage,
            QCoreApplication::translate("Smtpd::Cli::CliMain",
                "There is no terminal to ask on. Give the password on standard "
                "input: smtpd-accounts login --username EMAIL --password-stdin"));
    std::optional<QByteArray> secret;
    if (command.apiKey) {
        std::optional<QByteArray> key
            = terminal.readSecret(QCoreApplication::translate("Smtpd::Cli::CliMain", "API key: "));
        if (key)
            credentials->username = QString::fromUtf8(*key).trimmed();
        if (key)
            wipe(&*key);
        if (key)
            secret = terminal.readSecret(
                QCoreApplication::translate("Smtpd::Cli::CliMain", "API secret: "));
    } else {
        credentials->username = command.username;
        if (credentials->username.isEmpty())
            credentials->username
                = terminal.readLine(QCoreApplication::translate("Smtpd::Cli::CliMain", "Email: "))
                      .value_or(QString());
        if (!credentials->username.isEmpty())
            secret = terminal.readSecret(
                QCoreApplication::translate("Smtpd::Cli::CliMain", "Password: "));
    }
    if (secret) {
        credentials->secret = QString::fromUtf8(*secret);
        wipe(&*secret);
    }
    if (credentials->username.isEmpty() || credentials->secret.isEmpty())
        return fail(ExitCode::Failure,
            QCoreApplication::translate("Smtpd::Cli::CliMain", "Sign-in cancelled."));
    return -1;
}

} // namespace

int runCommand(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The app's names: the same settings (the list of accounts) and runtime folder.
    QCoreApplication::setApplicationName(QStringLiteral("smtpd-accounts"));
    QCoreApplication::setOrganizationName(QStringLiteral("smtpd-accounts"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SMTPD_VERSION));
    // stderr carries sentences for people; QT_LOGGING_RULES still turns logs on. Set first:
    // a catalogue that is missing is no message for people either.
    QLoggingCategory::setFilterRules(
        QStringLiteral("*.debug=false\n*.info=false\n*.warning=false"));
    installTranslations(&app);

    CliCommand command;
    QString output;
    switch (CliCommand::parse(QCoreApplication::arguments(), &command, &output)) {
    case CliCommand::Outcome::ExitOk:
        std::fprintf(stdout, "%s", qPrintable(output));
        return toInt(ExitCode::Ok);
    case CliCommand::Outcome::ExitError:
        return fail(ExitCode::Usage, output);
    case CliCommand::Outcome::Run:
        break;
    }

    CliRunner runner(command);
    if (command.command == Command::Login) {
        ServerChoice server;
        server.server = QUrl(command.server, QUrl::StrictMode);
        server.caFile = command.caFile;
        if (!server.caFile.isEmpty()) {
            if (const QString problem = loadCaCertificates(server.caFile, &server.caCertificates);
                !problem.isEmpty())
                return fail(ExitCode::Usage, problem);
        }
        Credentials credentials;
        if (const int code = readCredentials(command, &credentials); code >= 0)
            return code;
        runner.setLogin(server, credentials.username, credentials.secret);
        credentials.secret.fill(QLatin1Char('\0'));
    }
    // Only now: while a prompt reads a secret, Ctrl+C must end the process at once.
    TerminationSignals terminationSignals;
    QObject::connect(
        &terminationSignals, &TerminationSignals::received, &runner, &CliRunner::interrupt);
    QObject::connect(
        &runner, &CliRunner::finished, &app, [](int code) { QCoreApplication::exit(code); },
        Qt::QueuedConnection);
    QMetaObject::invokeMethod(&runner, &CliRunner::start, Qt::QueuedConnection);
    return app.exec();
}

} // namespace Smtpd::Cli
