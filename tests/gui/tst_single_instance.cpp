// One instance per user, with the real executable: a second launch raises the first window
// and exits; a socket left by a crashed instance never blocks a start.
#include "EmulatorFixture.h"
#include "TrayHost.h"
#include "WaitUntil.h"

#include <QLocalServer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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
QStringList visibleWindows(const QProcess *process, const QString &title)
{
    QByteArray ids;
    xdotool({QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("--onlyvisible"),
                QStringLiteral("--pid"), QString::number(process->processId()),
                QStringLiteral("--name"), title},
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
    void secondLaunchRaisesFirstAndExits();
    void staleSocketNeverBlocksAStart();
    void terminationSignalQuitsCleanly();
    void ctrlQQuits();

private:
    QProcess *launch(const QStringList &extra = {});
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

QProcess *TestSingleInstance::launch(const QStringList &extra)
{
    auto *process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtime.path());
    process->setProcessEnvironment(env);
    process->start(QStringLiteral(SMTPD_ACCOUNTS_EXE),
        QStringList {QStringLiteral("--api-url"), QStringLiteral("https://127.0.0.1:9")} + extra);
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
