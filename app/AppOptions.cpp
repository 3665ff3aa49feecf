#include "AppOptions.h"

#include "api/ServerConfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace Smtpd {

inline constexpr char DefaultAvatarUrl[] = "https://www.gravatar.com/avatar/";

static QString environment(const char *name)
{
    return qEnvironmentVariable(name);
}

AppOptions::Outcome AppOptions::parse(
    const QStringList &arguments, AppOptions *options, QString *output)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Smtpd::AppOptions",
        "SMTPD Accounts keeps you signed in to the SMTPD email API and hands out fresh access "
        "tokens."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
        QCoreApplication::translate("Smtpd::AppOptions", "Show this help and exit."));
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
        QCoreApplication::translate("Smtpd::AppOptions", "Show the version and exit."));
    const QCommandLineOption apiUrlOption(QStringLiteral("api-url"),
        QCoreApplication::translate("Smtpd::AppOptions",
            "The SMTPD API server a new account signs in to (https only). Default: "
            "$SMTPD_API_URL or %1.")
            .arg(QLatin1String(DefaultApiUrl)),
        QStringLiteral("URL"));
    const QCommandLineOption caFileOption(QStringLiteral("ca-file"),
        QCoreApplication::translate("Smtpd::AppOptions",
            "For a new account on a self-hosted server: also trust the certificate "
            "authorities in this PEM file. Default: $SMTPD_CA_FILE."),
        QStringLiteral("PEM"));
    const QCommandLineOption avatarUrlOption(QStringLiteral("avatar-url"),
        QCoreApplication::translate(
            "Smtpd::AppOptions", "Where avatars come from. Default: $SMTPD_AVATAR_URL or %1.")
            .arg(QLatin1String(DefaultAvatarUrl)),
        QStringLiteral("URL"));
    const QCommandLineOption minimizedOption(QStringLiteral("minimized"),
        QCoreApplication::translate("Smtpd::AppOptions", "Start in the system tray."));
    const QCommandLineOption accountOption(QStringLiteral("account"),
        QCoreApplication::translate("Smtpd::AppOptions",
            "Open the window on this account: its email or name, optionally "
            "followed by @server when it is on several servers."),
        QStringLiteral("ACCOUNT"));
    parser.addOptions({helpOption, versionOption, apiUrlOption, caFileOption, avatarUrlOption,
        minimizedOption, accountOption});

    if (!parser.parse(arguments)) {
        *output = parser.errorText() + QLatin1Char('\n')
            + QCoreApplication::translate("Smtpd::AppOptions", "Try --help.");
        return Outcome::ExitError;
    }
    if (parser.isSet(helpOption)) {
        // Qt names the program by the application object's first argument (a path), or
        // "<executable_name>" without one.
        const QString named = QCoreApplication::instance()
            ? QCoreApplication::arguments().constFirst()
            : QStringLiteral("<executable_name>");
        *output = parser.helpText();
        if (const qsizetype at = output->indexOf(named); at >= 0)
            output->replace(at, named.size(), QStringLiteral("smtpd-accounts"));
        return Outcome::ExitOk;
    }
    if (parser.isSet(versionOption)) {
        *output = QStringLiteral("smtpd-accounts %1").arg(QLatin1String(SMTPD_VERSION));
        return Outcome::ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *output = QCoreApplication::translate("Smtpd::AppOptions", "Unexpected argument: %1")
                      .arg(parser.positionalArguments().first())
            + QLatin1Char('\n') + QCoreApplication::translate("Smtpd::AppOptions", "Try --help.");
        return Outcome::ExitError;
    }

    auto valueOf
        = [&](const QCommandLineOption &option, const char *variable, const QString &fallback) {
              if (parser.isSet(option))
                  return parser.value(option);
              const QString fromEnvironment = environment(variable);
              return fromEnvironment.isEmpty() ? fallback : fromEnvironment;
          };

    options->apiUrl = QUrl(
        valueOf(apiUrlOption, "SMTPD_API_URL", QLatin1String(DefaultApiUrl)), QUrl::StrictMode);
    if (const QString problem = validateApiUrl(options->apiUrl); !problem.isEmpty()) {
        *output = problem;
        return Outcome::ExitError;
    }
    options->avatarUrl
        = QUrl(valueOf(avatarUrlOption, "SMTPD_AVATAR_URL", QLatin1String(DefaultAvatarUrl)),
            QUrl::StrictMode);
    if (!options->avatarUrl.isValid() || options->avatarUrl.scheme() != QLatin1String("https")) {
        *output = QCoreApplication::translate(
            "Smtpd::AppOptions", "The avatar address must be an https:// address.");
        return Outcome::ExitError;
    }
    options->caFile = valueOf(caFileOption, "SMTPD_CA_FILE", QString());
    if (!options->caFile.isEmpty()) // remembered with an account: valid from any folder
        options->caFile = QFileInfo(options->caFile).absoluteFilePath();
    options->minimized = parser.isSet(minimizedOption);
    options->account = parser.value(accountOption).trimmed();
    return Outcome::Run;
}

QString AppOptions::loadCaFile()
{
    if (caFile.isEmpty())
        return {};
    return loadCaCertificates(caFile, &caCertificates);
}

} // namespace Smtpd
