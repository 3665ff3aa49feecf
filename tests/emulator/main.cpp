// smtpd-emulator: the SMTPD API on loopback over TLS, for tests and the demo.
#include "DemoUsers.h"
#include "EmulatorServer.h"

#include <QCommandLineParser>
#include <QFile>
#include <QGuiApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace SmtpdEmulator;

static int signalPipe[2];
static constexpr qint64 MaxTokenLifetimeSeconds = 10LL * 365 * 24 * 3600;
static constexpr qint64 MaxClockOffsetSeconds = 100LL * 365 * 24 * 3600;

// The HTTP limits and timeouts, for --help.
static QString httpNotes()
{
    const HttpLimits limits;
    const HttpTimeouts timeouts;
    return QStringLiteral(
        "HTTP/1.1 limits: request line and header fields %1 KiB and %2 fields at most (else "
        "431), a request body %3 MiB at most (else 413, without reading the body). A TLS "
        "handshake must end within %4 s; an idle connection is closed after %5 s.")
        .arg(limits.maxHeadBytes / 1024)
        .arg(limits.maxHeaderFields)
        .arg(limits.maxBodyBytes / (1024 * 1024))
        .arg(timeouts.handshakeMs / 1000)
        .arg(timeouts.idleMs / 1000);
}

int main(int argc, char *argv[])
{
    // QGuiApplication for drawing avatar images; no window is ever shown.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("smtpd-emulator"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "An emulator of the SMTPD API (https://api.smtpd.dev) on 127.0.0.1 over TLS.\n")
        + httpNotes());
    parser.addHelpOption();
    const QCommandLineOption certOption(
        QStringLiteral("cert"), QStringLiteral("Server certificate (PEM)."), QStringLiteral("PEM"));
    const QCommandLineOption keyOption(
        QStringLiteral("key"), QStringLiteral("Server private key (PEM)."), QStringLiteral("PEM"));
    const QCommandLineOption portOption(QStringLiteral("port"),
        QStringLiteral("Port (0 picks a free one)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption portFileOption(QStringLiteral("port-file"),
        QStringLiteral("Write the port to this file once listening."), QStringLiteral("FILE"));
    const QCommandLineOption usersOption(QStringLiteral("users"),
        QStringLiteral("JSON file of users (default: the demo users)."), QStringLiteral("FILE"));
    const QCommandLineOption lifetimeOption(QStringLiteral("token-lifetime"),
        QStringLiteral("Access token lifetime in seconds."), QStringLiteral("SECONDS"),
        QStringLiteral("3600"));
    const QCommandLineOption offsetOption(QStringLiteral("clock-offset"),
        QStringLiteral("The server clock's offset from real time, in seconds."),
        QStringLiteral("SECONDS"), QStringLiteral("0"));
    const QCommandLineOption rotateOption(QStringLiteral("rotate-refresh-tokens"),
        QStringLiteral("Hand out a new refresh token on every refresh."));
    const QCommandLineOption faultOption(QStringLiteral("fault"),
        QStringLiteral(
            "A fault, e.g. status=503,paths=/oauth/token,count=2,retry-after=5 (kinds: down, slow, "
            "status, malformed, huge, truncated, redirect, html; settings: delay=MS up to a day, "
            "status=200..599, count=N from 1, bytes=N, retry-after=SECONDS, "
            "target=URL, paths=/a:/b, body=TEXT last). Repeatable."),
        QStringLiteral("SPEC"));
    const QCommandLineOption logOption(QStringLiteral("log"),
        QStringLiteral("Print each request and each refusal (never a secret)."));
    parser.addOptions({certOption, keyOption, portOption, portFileOption, usersOption,
        lifetimeOption, offsetOption, rotateOption, faultOption, logOption});
    parser.process(app);

    auto fail = [](const QString &message) {
        std::fprintf(stderr, "smtpd-emulator: %s\n", qPrintable(message));
        return 2;
    };
    if (!parser.isSet(certOption) || !parser.isSet(keyOption))
        return fail(QStringLiteral("--cert and --key are required"));
    qint64 port = 0, lifetime = 0, offset = 0;
    auto number
        = [&parser](const QCommandLineOption &option, qint64 min, qint64 max, qint64 *value) {
              return parseWholeNumber(QStringLiteral("--") + option.names().constFirst(),
                  parser.value(option), min, max, value);
          };
    for (const QString &error : {number(portOption, 0, 65535, &port),
             number(lifetimeOption, 1, MaxTokenLifetimeSeconds, &lifetime),
             number(offsetOption, -MaxClockOffsetSeconds, MaxClockOffsetSeconds, &offset)})
        if (!error.isEmpty())
            return fail(error);

    EmulatorServer server;
    if (parser.isSet(usersOption)) {
        QFile file(parser.value(usersOption));
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1").arg(file.fileName()));
        if (const QString error = server.accounts().loadUsers(file.readAll()); !error.isEmpty())
            return fail(error);
    } else {
        for (const User &user : demoUsers())
            server.accounts().addUser(user);
    }
    server.accounts().setAccessTokenLifetimeSeconds(static_cast<int>(lifetime));
    server.accounts().setClockOffsetMs(offset * 1000);
    server.accounts().setRefreshRotation(parser.isSet(rotateOption));
    for (const QString &spec : parser.values(faultOption)) {
        Fault fault;
        if (const QString error = parseFaultSpec(spec, &fault); !error.isEmpty())
            return fail(QStringLiteral("--fault %1: %2").arg(spec, error));
        server.addFault(fault);
    }
    if (const QString error = server.startFromFiles(
            parser.value(certOption), parser.value(keyOption), static_cast<quint16>(port));
        !error.isEmpty())
        return fail(error);

    if (parser.isSet(logOption)) {
        QObject::connect(&server, &EmulatorServer::requestRecorded, [](const RecordedRequest &r) {
            std::fprintf(stdout, "%s %s%s%s auth=%s -> %d\n", r.method.constData(),
                qPrintable(r.path), r.query.isEmpty() ? "" : "?", qPrintable(r.query),
                r.authScheme.isEmpty() ? "none" : qPrintable(r.authScheme), r.status);
            std::fflush(stdout);
        });
        QObject::connect(
            &server, &EmulatorServer::requestRefused, [](int status, const QByteArray &reason) {
                std::fprintf(stdout, "refused (%s) -> %d\n", reason.constData(), status);
                std::fflush(stdout);
            });
    }
    if (parser.isSet(portFileOption)) {
        QFile file(parser.value(portFileOption));
        if (!file.open(QIODevice::WriteOnly))
            return fail(QStringLiteral("cannot write %1").arg(file.fileName()));
        file.write(QByteArray::number(server.port()) + '\n');
    }
    std::fprintf(
        stdout, "smtpd-emulator listening on %s\n", qPrintable(server.baseUrl().toString()));
    std::fflush(stdout);

    // Quit cleanly on SIGTERM/SIGINT so scripts can stop it: the handler only writes a byte
    // to a pipe (async-signal-safe); the event loop reads it and quits.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return fail(QStringLiteral("cannot create the signal pipe"));
    QSocketNotifier notifier(signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    for (int signalNumber : {SIGINT, SIGTERM})
        std::signal(signalNumber, [](int) {
            const char byte = 1;
            [[maybe_unused]] const auto written = ::write(signalPipe[0], &byte, 1);
        });
    return app.exec();
}
