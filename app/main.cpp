#include "AppOptions.h"
#include "Application.h"
#include "CliCommand.h"
#include "CliMain.h"
#include "SingleInstance.h"
#include "TerminationSignals.h"
#include "Translations.h"
#include "broker/ExitCode.h"

#include <QApplication>
#include <QIcon>
#include <QLoggingCategory>

#include <cstdio>
#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif

using namespace Smtpd;

// Qt aborts with a plugin error when there is no display; say it plainly instead.
static bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

// A core dump would hold the tokens that are in memory: none is written.
static void disableCoreDumps()
{
#if defined(Q_OS_UNIX)
    const rlimit none {0, 0};
    setrlimit(RLIMIT_CORE, &none);
#endif
}

int main(int argc, char *argv[])
{
    disableCoreDumps();
    // `smtpd-accounts token` and the other subcommands: no GUI, no display.
    if (argc > 1 && Cli::isSubcommand(QString::fromLocal8Bit(argv[1])))
        return Cli::runCommand(argc, argv);

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    AppOptions options;
    QString output;
    AppOptions::Outcome outcome = AppOptions::parse(arguments, &options, &output);
    if (outcome != AppOptions::Outcome::Run || !hasDisplay()) {
        // Only text for the terminal: in the user's language, which needs an application
        // object for the translations (the options are parsed again with them).
        QCoreApplication textOnly(argc, argv);
        QLoggingCategory::setFilterRules(QStringLiteral("*.warning=false")); // text only
        installTranslations(&textOnly);
        if (outcome != AppOptions::Outcome::Run)
            outcome = AppOptions::parse(arguments, &options, &output);
        switch (outcome) {
        case AppOptions::Outcome::ExitOk:
            if (arguments.contains(QLatin1String("--help"))
                || arguments.contains(QLatin1String("-h")))
                output += QLatin1Char('\n') + Cli::mainHelpAppendix();
            std::fprintf(stdout, "%s\n", qPrintable(output));
            return 0;
        case AppOptions::Outcome::ExitError:
            std::fprintf(stderr, "smtpd-accounts: %s\n", qPrintable(output));
            return toInt(ExitCode::Usage);
        case AppOptions::Outcome::Run:
            break;
        }
        std::fprintf(stderr, "smtpd-accounts: %s\n",
            qPrintable(QCoreApplication::translate("Smtpd::AppMain",
                "no graphical display was found (DISPLAY is not set). Run it in a desktop "
                "session, or without one under a virtual display: xvfb-run -a smtpd-accounts "
                "[options]")));
        return 1;
    }

    // Read before QApplication: its X11 plugin takes DESKTOP_STARTUP_ID out of the environment.
    const QByteArray activationToken = SingleInstance::activationTokenFromEnvironment();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("smtpd-accounts"));
    QApplication::setApplicationDisplayName(QStringLiteral("SMTPD Accounts"));
    QApplication::setOrganizationName(QStringLiteral("smtpd-accounts"));
    QApplication::setApplicationVersion(QStringLiteral(SMTPD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("dev.smtpd.Accounts"));
    installTranslations(&app);

    if (const QString problem = options.loadCaFile(); !problem.isEmpty()) {
        std::fprintf(stderr, "smtpd-accounts: %s\n", qPrintable(problem));
        return 2;
    }

    SingleInstance instance;
    if (instance.askRunningInstanceToRaise(activationToken, options.account)) {
        std::fprintf(stdout, "%s\n",
            qPrintable(QCoreApplication::translate("Smtpd::AppMain",
                "SMTPD Accounts is already running; its window was brought to the front.")));
        return 0;
    }
    if (const QString problem = instance.listen(); !problem.isEmpty())
        std::fprintf(stderr, "smtpd-accounts: %s\n",
            qPrintable(QCoreApplication::translate(
                "Smtpd::AppMain", "a second launch will not find this one: %1")
                           .arg(problem)));

    Application application(options);
    QObject::connect(&application, &Application::quitReady, &app, &QCoreApplication::quit);
    // A termination signal (session end, kill, Ctrl+C) quits the way the Quit action does.
    TerminationSignals terminationSignals;
    QObject::connect(
        &terminationSignals, &TerminationSignals::received, &application, &Application::quit);
    // A second launch's raise (with its --account) and the command line's questions.
    application.answerRequestsFrom(instance);
    application.start();
    return app.exec();
}
