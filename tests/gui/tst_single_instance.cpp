// One instance per user, with the real executable: a second launch raises the first window
// and exits, handing over the launcher's activation token; two launches at the same instant
// leave exactly one running; a socket left by a crashed instance never blocks a start.
#include "EmulatorFixture.h"
#include "TrayHost.h"
#include "WaitUntil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace TestSupport;

namespace {
// Runs xdotool (another X client, as a person's input would come); false when it failed.
bool xdotool(const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QStringLiteral("xdotool"), arguments);
    const bool ok = process.waitForFinished(5000) && process.exitCode() == 0;
    if (output)
        *output = process.readAllStandardOutput();
    return ok;
}

// The windows of `process` with this title mapped on the display (other tests may have windows
// on the same display).
// The app's own process id: a wrapped app (strace) is the wrapper's child.
qint64 appPid(const QProcess *process)
{
    qint64 pid = process->processId();
    if (process->property("wrapped").toBool()) {
        QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
        if (children.open(QIODevice::ReadOnly))
            pid = children.readAll().trimmed().split(' ').value(0).toLongLong();
    }
    return pid;
}

QStringList visibleWindows(const QProcess *process, const QString &title)
{
    QByteArray ids;
    xdotool({QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("--onlyvisible"),
                QStringLiteral("--pid"), QString::number(appPid(process)), QStringLiteral("--name"),
                title},
        &ids);
    return QString::fromLatin1(ids).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool windowVisible(const QProcess *process, const QString &title)
{
    return !visibleWindows(process, title).isEmpty();
}
} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void secondLaunchRaisesFirstAndExits();
    void simultaneousLaunchesLeaveExactlyOne_data();
    void simultaneousLaunchesLeaveExactlyOne();
    void aLaunchWaitsForAnInstanceStillStarting();
    void raiseCarriesTheActivationToken_data();
    void raiseCarriesTheActivationToken();
    void bareRaiseFromAnOlderVersionIsAccepted();
    void staleSocketNeverBlocksAStart();
    void terminationSignalQuitsCleanly();
    void ctrlQQuits();

private:
    // `wrapper` runs the app (a command and its arguments before the app's).
    QProcess *launch(const QStringList &extra = {}, const QProcessEnvironment &more = {},
        const QStringList &wrapper = {});
    // Ends `process` the way a session end does and waits for it.
    static bool stop(QProcess *process);
    QString socketPath() const
    {
        return m_runtime.path() + QStringLiteral("/smtpd-accounts.socket");
    }

    std::unique_ptr<TrayHost> m_tray;
    QTemporaryDir m_runtime;
    QList<QProcess *> m_processes;
};

void TestSingleInstance::initTestCase()
{
    QVERIFY(m_runtime.isValid());
    QFile::setPermissions(m_runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_tray = std::make_unique<TrayHost>();
    QVERIFY(m_tray->isUp());
}

void TestSingleInstance::cleanup()
{
    // A failed test leaves no instance behind to answer the next test's launches.
    for (QProcess *process : std::as_const(m_processes)) {
        if (!stop(process)) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
    qDeleteAll(m_processes);
    m_processes.clear();
}

QProcess *TestSingleInstance::launch(
    const QStringList &extra, const QProcessEnvironment &more, const QStringList &wrapper)
{
    auto *process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtime.path());
    // Only the launches that mean to carry a launcher's token have one.
    env.remove(QStringLiteral("XDG_ACTIVATION_TOKEN"));
    env.remove(QStringLiteral("DESKTOP_STARTUP_ID"));
    for (const QString &key : more.keys())
        env.insert(key, more.value(key));
    // LeakSanitizer refuses to run under ptrace (the strace wrapper) and exits 1; the asan
    // build's leak checks run in every other test.
    if (!wrapper.isEmpty())
        env.insert(QStringLiteral("ASAN_OPTIONS"),
            env.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":detect_leaks=0"));
    process->setProcessEnvironment(env);
    const QStringList command = wrapper
        + QStringList {QStringLiteral(SMTPD_ACCOUNTS_EXE), QStringLiteral("--api-url"),
            QStringLiteral("https://127.0.0.1:9")}
        + extra;
    process->setProperty("wrapped", !wrapper.isEmpty());
    process->start(command.first(), command.mid(1));
    m_processes.append(process);
    return process;
}

void TestSingleInstance::secondLaunchRaisesFirstAndExits()
{
    QProcess *first = launch({QStringLiteral("--minimized")});
    QVERIFY(waitUntil([&] { return QFile::exists(socketPath()); }, 15000));
    // Minimized to the tray: no window shows.
    QVERIFY(!windowVisible(first, QStringLiteral("Sign in")));
    // Only this user may open the socket.
    QVERIFY(!(QFile::permissions(socketPath()) & (QFile::ReadOther | QFile::WriteOther)));

    QProcess *second = launch();
    QVERIFY(second->waitForFinished(15000));
    QCOMPARE(second->exitCode(), 0);
    QVERIFY(second->readAllStandardOutput().contains("already running"));
    QVERIFY(waitUntil([&] { return windowVisible(first, QStringLiteral("Sign in")); }, 10000));
    QCOMPARE(first->state(), QProcess::Running);
    first->terminate();
    QVERIFY(first->waitForFinished(10000));
}

bool TestSingleInstance::stop(QProcess *process)
{
    if (process->state() == QProcess::NotRunning)
        return true;
    // A wrapped app is ended itself; the wrapper (strace) passes its exit on.
    const qint64 pid = appPid(process);
    if (pid <= 0 || ::kill(static_cast<pid_t>(pid), SIGTERM) != 0)
        return false;
    return process->waitForFinished(10000);
}

void TestSingleInstance::simultaneousLaunchesLeaveExactlyOne_data()
{
    QTest::addColumn<QStringList>("wrapper");
    QTest::newRow("as started") << QStringList();
    // The moment between a launch's look for a running instance and its listen lasts well
    // under a millisecond, so launches at the same instant rarely meet there by chance. strace
    // makes every connect() take 300 ms, which makes them meet every time.
    QTest::newRow("slow connect") << QStringList {QStringLiteral("strace"), QStringLiteral("-f"),
        QStringLiteral("-qq"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
        QStringLiteral("-e"), QStringLiteral("trace=connect"), QStringLiteral("-e"),
        QStringLiteral("inject=connect:delay_exit=300000"), QStringLiteral("--")};
}

void TestSingleInstance::simultaneousLaunchesLeaveExactlyOne()
{
    QFETCH(QStringList, wrapper);
    if (!wrapper.isEmpty())
        QVERIFY2(!QStandardPaths::findExecutable(wrapper.first()).isEmpty(),
            "strace is missing: scripts/install-deps test");
    // Both start before either listens, many times over: one must win, the other raise it.
    for (int round = 0; round < 10; ++round) {
        QProcess *a = launch({QStringLiteral("--minimized")}, {}, wrapper);
        QProcess *b = launch({QStringLiteral("--minimized")}, {}, wrapper);
        const bool oneEnded = waitUntil(
            [&] {
                return a->state() == QProcess::NotRunning || b->state() == QProcess::NotRunning;
            },
            20000);
        const QByteArray where = "round " + QByteArray::number(round);
        QVERIFY2(oneEnded, where + ": both launches kept running");
        QProcess *loser = a->state() == QProcess::NotRunning ? a : b;
        QProcess *winner = loser == a ? b : a;
        QCOMPARE(loser->exitStatus(), QProcess::NormalExit);
        QCOMPARE(loser->exitCode(), 0);
        QVERIFY2(loser->readAllStandardOutput().contains("already running"), where);
        QVERIFY2(winner->state() == QProcess::Running, where + ": no launch kept running");
        // The one left is the instance a later launch finds.
        QProcess *later = launch();
        QVERIFY(later->waitForFinished(15000));
        QCOMPARE(later->exitCode(), 0);
        QVERIFY2(later->readAllStandardOutput().contains("already running"), where);
        // Raised by the others: up and running (and ending through the event loop on SIGTERM,
        // which removes its socket; a slowed start may not have got that far until now).
        QVERIFY2(waitUntil([&] { return windowVisible(winner, QStringLiteral("Sign in")); }, 15000),
            where);
        QVERIFY(stop(winner));
        QVERIFY2(!QFile::exists(socketPath()), where);
    }
}

void TestSingleInstance::aLaunchWaitsForAnInstanceStillStarting()
{
    // This test plays an instance in the middle of starting: it holds the start-up lock beside
    // the socket (part of the protocol between versions) and does not listen yet. That is the
    // moment two launches at the same instant meet, made to last.
    QFile::remove(socketPath());
    QLockFile starting(socketPath() + QStringLiteral(".lock"));
    QVERIFY(starting.tryLock(0));
    QProcessEnvironment env;
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("smtpd.app.debug=true"));
    env.insert(QStringLiteral("DESKTOP_STARTUP_ID"), QStringLiteral("launcher-1-host_TIME777"));
    QProcess *later = launch({}, env);
    QByteArray log;
    QVERIFY(waitUntil(
        [&] {
            log += later->readAllStandardError();
            return log.contains("waiting for another launch") || QFile::exists(socketPath());
        },
        15000));
    QVERIFY2(!QFile::exists(socketPath()), "a launch took over from one still starting");
    QCOMPARE(later->state(), QProcess::Running);

    // Started: listening, then the lock let go. The waiting launch asks it to raise, and exits.
    QLocalServer server;
    server.setSocketOptions(QLocalServer::UserAccessOption);
    QVERIFY(server.listen(socketPath()));
    starting.unlock();
    QVERIFY(server.waitForNewConnection(15000));
    QLocalSocket *peer = server.nextPendingConnection();
    QVERIFY(waitUntil([&] { return peer->canReadLine(); }, 10000));
    const QByteArray line = peer->readLine().trimmed();
    const QJsonObject message = QJsonDocument::fromJson(line).object();
    QCOMPARE(message.value(QStringLiteral("v")).toInt(), 1);
    QCOMPARE(message.value(QStringLiteral("op")).toString(), QStringLiteral("raise"));
    QCOMPARE(message.value(QStringLiteral("activationToken")).toString(),
        QStringLiteral("launcher-1-host_TIME777"));
    QVERIFY(later->waitForFinished(15000));
    QCOMPARE(later->exitCode(), 0);
    QVERIFY(later->readAllStandardOutput().contains("already running"));
}

void TestSingleInstance::raiseCarriesTheActivationToken_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QByteArray>("token");
    // X11 startup notification: the launcher's id, with the time of the click in it.
    QTest::newRow("x11") << QStringLiteral("DESKTOP_STARTUP_ID")
                         << QByteArray("launcher-4242-host-test_TIME123456");
    // Wayland: the compositor's xdg-activation token.
    QTest::newRow("wayland") << QStringLiteral("XDG_ACTIVATION_TOKEN")
                             << QByteArray("kwin-7-d1e2f3-token");
}

void TestSingleInstance::raiseCarriesTheActivationToken()
{
    QFETCH(QString, variable);
    QFETCH(QByteArray, token);
    QProcessEnvironment debug;
    debug.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("smtpd.app.debug=true"));
    QProcess *first = launch({QStringLiteral("--minimized")}, debug);
    QVERIFY(waitUntil([&] { return QFile::exists(socketPath()); }, 15000));

    QProcessEnvironment launcher;
    launcher.insert(variable, QString::fromLatin1(token));
    QProcess *second = launch({}, launcher);
    QVERIFY(second->waitForFinished(15000));
    QCOMPARE(second->exitCode(), 0);
    QByteArray log;
    QVERIFY2(waitUntil(
                 [&] {
                     log += first->readAllStandardError();
                     return log.contains("raise requested with an activation token");
                 },
                 10000),
        log.constData());
    QVERIFY(waitUntil([&] { return windowVisible(first, QStringLiteral("Sign in")); }, 10000));
    // Not a secret, but it stays out of the log all the same.
    QVERIFY(!log.contains(token));

    // A launch without a token (from a terminal) still raises, and says so.
    QProcess *third = launch();
    QVERIFY(third->waitForFinished(15000));
    QCOMPARE(third->exitCode(), 0);
    QVERIFY(waitUntil(
        [&] {
            log += first->readAllStandardError();
            return log.contains("raise requested without an activation token");
        },
        10000));
    QVERIFY(stop(first));
}

void TestSingleInstance::bareRaiseFromAnOlderVersionIsAccepted()
{
    QProcess *first = launch({QStringLiteral("--minimized")});
    QVERIFY(waitUntil([&] { return QFile::exists(socketPath()); }, 15000));
    QVERIFY(!windowVisible(first, QStringLiteral("Sign in")));
    // What versions before the activation token sent.
    QLocalSocket socket;
    socket.connectToServer(socketPath());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("raise\n");
    QVERIFY(socket.waitForBytesWritten(5000));
    QVERIFY(waitUntil([&] { return windowVisible(first, QStringLiteral("Sign in")); }, 10000));
    QVERIFY(stop(first));
}

void TestSingleInstance::staleSocketNeverBlocksAStart()
{
    // A socket file nobody listens on, as a crashed instance leaves behind.
    QFile::remove(socketPath());
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    const QByteArray path = socketPath().toLocal8Bit();
    qstrncpy(address.sun_path, path.constData(), sizeof(address.sun_path));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    ::close(fd);
    QVERIFY(QFile::exists(socketPath()));

    QProcess *app = launch();
    QVERIFY(waitUntil([&] { return windowVisible(app, QStringLiteral("Sign in")); }, 15000));
    QCOMPARE(app->state(), QProcess::Running);
    // And it now answers a second launch.
    QProcess *second = launch();
    QVERIFY(second->waitForFinished(15000));
    QCOMPARE(second->exitCode(), 0);
    app->terminate();
    QVERIFY(app->waitForFinished(10000));
}

void TestSingleInstance::terminationSignalQuitsCleanly()
{
    QProcess *app = launch();
    QVERIFY(waitUntil([&] { return windowVisible(app, QStringLiteral("Sign in")); }, 15000));
    QVERIFY(QFile::exists(socketPath()));
    app->terminate(); // SIGTERM, as a session ending or `kill` sends it
    QVERIFY(app->waitForFinished(10000));
    // Left through the event loop like Quit: a normal exit (not killed by the signal), and
    // the single-instance socket removed on the way out.
    QCOMPARE(app->exitStatus(), QProcess::NormalExit);
    QCOMPARE(app->exitCode(), 0);
    QVERIFY(!QFile::exists(socketPath()));
}

void TestSingleInstance::ctrlQQuits()
{
    QProcess *app = launch();
    QVERIFY(waitUntil([&] { return windowVisible(app, QStringLiteral("Sign in")); }, 15000));
    // Real key presses (XTEST) into the app's window once it has the keyboard focus. The
    // window is looked up on every try: Qt may replace a native window while it settles.
    QVERIFY(waitUntil(
        [&] {
            const QString window = visibleWindows(app, QStringLiteral("Sign in")).value(0);
            return !window.isEmpty()
                && xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), window});
        },
        10000));
    QVERIFY(xdotool(
        {QStringLiteral("key"), QStringLiteral("--clearmodifiers"), QStringLiteral("ctrl+q")}));
    QVERIFY(app->waitForFinished(10000));
    QCOMPARE(app->exitStatus(), QProcess::NormalExit);
    QCOMPARE(app->exitCode(), 0);
}

QTEST_MAIN(TestSingleInstance)
#include "tst_single_instance.moc"
