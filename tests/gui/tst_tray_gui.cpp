// The tray: found on a real XEmbed tray (trayer) under Xvfb, also when it starts late or
// restarts; icon, tooltip and menu follow the session across Active -> Offline -> Active ->
// needs sign-in -> signed out; closing the window keeps the app in the tray and the tray
// brings it back; hidden in the tray, the app does not wake up every few seconds.
#include "AppRig.h"
#include "Clock.h"
#include "TrayHost.h"
#include "TrayIcon.h"
#include "WaitUntil.h"
#include "api/ApiClient.h"
#include "auth/Session.h"

#include <QAction>
#include <QApplication>
#include <QCursor>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QTimer>

using namespace Smtpd;
using namespace TestSupport;
using Look = TraySummary::Look;

namespace {
QAction *action(TrayIcon *tray, const char *name)
{
    return tray->menu()->findChild<QAction *>(QLatin1String(name));
}

// Moves the X pointer there and clicks the left button through XTEST (xdotool, another client),
// as the person's mouse would. (xdotool's own "mousemove --sync" waits for a motion that never
// comes when the pointer is already in place.)
bool clickOnScreen(const QPoint &point, int clicks = 1)
{
    QCursor::setPos(point);
    if (!waitUntil([&] { return QCursor::pos() == point; }, 5000))
        return false;
    return QProcess::execute(QStringLiteral("xdotool"),
               {QStringLiteral("click"), QStringLiteral("--repeat"), QString::number(clicks),
                   QStringLiteral("--delay"), QStringLiteral("60"), QStringLiteral("1")})
        == 0;
}

// Counts the timeouts of each QTimer of the main thread while it is installed on the app.
class TimerCounter final : public QObject
{
public:
    TimerCounter() { qApp->installEventFilter(this); }
    ~TimerCounter() override { qApp->removeEventFilter(this); }
    // The most timeouts any one timer had.
    int most() const
    {
        int most = 0;
        for (const int count : m_counts)
            most = qMax(most, count);
        return most;
    }

private:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Timer && qobject_cast<QTimer *>(watched))
            ++m_counts[watched];
        return false;
    }
    QHash<QObject *, int> m_counts;
};

// The poll() and ppoll() calls of all of `pid`'s threads over `seconds` (each one a return
// from waiting: a wake-up), counted by strace; -1 when strace could not tell.
int pollsOver(qint64 pid, int seconds)
{
    QTemporaryFile summary;
    if (!summary.open())
        return -1;
    QProcess strace;
    strace.setProcessChannelMode(QProcess::ForwardedChannels);
    // SIGINT after `seconds`: strace detaches and writes its summary.
    strace.start(QStringLiteral("timeout"),
        {QStringLiteral("-s"), QStringLiteral("INT"), QString::number(seconds),
            QStringLiteral("strace"), QStringLiteral("-f"), QStringLiteral("-c"),
            QStringLiteral("-e"), QStringLiteral("trace=poll,ppoll"), QStringLiteral("-o"),
            summary.fileName(), QStringLiteral("-p"), QString::number(pid)});
    QSignalSpy finished(&strace, &QProcess::finished);
    if (!finished.wait((seconds + 30) * 1000) || strace.exitCode() != 124)
        return -1;
    int calls = 0;
    // "% time  seconds  usecs/call  calls  [errors]  syscall"
    for (const QByteArray &line : summary.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 5 && (fields.last() == "poll" || fields.last() == "ppoll"))
            calls += fields.at(3).toInt();
    }
    return calls;
}

QString artifactsDir()
{
    const QString dir = QStringLiteral(SMTPD_ARTIFACTS_DIR);
    QDir().mkpath(dir);
    return dir;
}
} // namespace

class TestTrayGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void lateTrayIsPickedUp();
    void followsTheSessionAcrossStates();
    void notifiesOnlyWhatNeedsTheUserAndNotRightAfterResume();
    void closingTheWindowKeepsTheAppInTheTray();
    void leftClickOnTheIconTogglesTheWindow();
    void hiddenInTheTrayNothingTicks();
    void idleInTheTrayTheAppBarelyWakesUp();
    void tooltipWording();
    void trayRestartIsFollowed();

private:
    std::unique_ptr<TrayHost> m_host;
};

void TestTrayGui::initTestCase()
{
    QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"), "run under Xvfb");
}

void TestTrayGui::lateTrayIsPickedUp()
{
    // The app starts before any tray exists (as at login): a plain window application...
    QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
    AppRig rig;
    QVERIFY(rig.isReady());
    QVERIFY(!rig.app().tray()->isShown());
    // ... until the tray appears, which it then joins.
    m_host = std::make_unique<TrayHost>();
    QVERIFY2(m_host->isUp(), "trayer did not provide a system tray");
    QTRY_VERIFY_WITH_TIMEOUT(rig.app().tray()->isShown(), 10000);
}

void TestTrayGui::notifiesOnlyWhatNeedsTheUserAndNotRightAfterResume()
{
    AppRig rig;
    TrayIcon *tray = rig.app().tray();
    QTRY_VERIFY_WITH_TIMEOUT(tray->isShown(), 5000);
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QSignalSpy tokens(rig.app().session(), &Session::accessTokenChanged);
    action(tray, "trayRefresh")->trigger(); // routine: no notification
    QVERIFY(tokens.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(tray->summary().look, Look::Active, 5000);
    QVERIFY(tray->shownNotifications().isEmpty());
    // Right after a resume, even an event that needs the user stays quiet...
    emit rig.app().session()->resumed();
    emit rig.app().session()->notice(Session::Reason::KeychainUnavailable);
    QVERIFY(tray->shownNotifications().isEmpty());
    // ... otherwise the session's end is announced, with the reason.
    tray->beQuietFor(0);
    QVERIFY(rig.signInElsewhere(DemoEmail, DemoPassword));
    action(tray, "trayRefresh")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(
        tray->shownNotifications(), QStringList {QStringLiteral("Signed out")}, 10000);
}

void TestTrayGui::followsTheSessionAcrossStates()
{
    AppRig rig;
    TrayIcon *tray = rig.app().tray();
    QTRY_VERIFY_WITH_TIMEOUT(tray->isShown(), 5000);
    QCOMPARE(tray->summary().look, Look::SignedOut);
    QVERIFY(!action(tray, "trayCopy")->isEnabled());
    QVERIFY(!action(tray, "traySignOut")->isEnabled());
    QVERIFY(action(tray, "trayOpen")->isEnabled());
    QVERIFY(action(tray, "trayQuit")->isEnabled());

    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QTRY_COMPARE_WITH_TIMEOUT(tray->summary().look, Look::Active, 5000);
    QVERIFY(tray->toolTip().contains(QStringLiteral("Signed in")));
    QVERIFY(tray->toolTip().contains(QStringLiteral("Dana Demo <demo@example.com>")));
    QVERIFY(tray->toolTip().contains(QStringLiteral("Access token: 59 min left"))
        || tray->toolTip().contains(QStringLiteral("Access token: 1 h left")));
    QVERIFY(tray->toolTip().contains(QStringLiteral("Session: 29 days left")));
    QVERIFY(action(tray, "trayCopy")->isEnabled());
    QVERIFY(action(tray, "trayRefresh")->isEnabled());
    QVERIFY(action(tray, "traySignOut")->isEnabled());

    // The server goes away: Offline, with the time it started.
    rig.emulator().server().stopListening();
    action(tray, "trayRefresh")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(tray->summary().look, Look::Offline, 10000);
    QVERIFY(tray->toolTip().contains(QStringLiteral("Offline")));
    QVERIFY(tray->toolTip().contains(QStringLiteral("Offline since")));
    QVERIFY(action(tray, "trayCopy")->isEnabled()); // the token is still good
    // ... and comes back: Active again by itself.
    QVERIFY(rig.emulator().server().resumeListening());
    QTRY_COMPARE_WITH_TIMEOUT(tray->summary().look, Look::Active, 15000);
    QVERIFY(!tray->toolTip().contains(QStringLiteral("Offline")));

    // A sign-in elsewhere ends the session: the tray asks for attention.
    QVERIFY(rig.signInElsewhere(DemoEmail, DemoPassword));
    action(tray, "trayRefresh")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(tray->summary().look, Look::Attention, 10000);
    QVERIFY(tray->toolTip().contains(QStringLiteral("sign in again")));
    QVERIFY(!action(tray, "trayCopy")->isEnabled());
    QVERIFY(!action(tray, "trayRefresh")->isEnabled());
    QVERIFY(rig.app().signInWindow()->isVisible());

    // The icons differ per state.
    const QImage active = TrayIcon::iconFor(Look::Active).pixmap(32).toImage();
    for (Look other : {Look::Refreshing, Look::Offline, Look::Attention, Look::SignedOut})
        QVERIFY(TrayIcon::iconFor(other).pixmap(32).toImage() != active);

    // A picture of the menu for the record.
    tray->menu()->popup(QPoint(900, 40));
    QVERIFY(QTest::qWaitForWindowExposed(tray->menu()));
    tray->menu()->grab().save(artifactsDir() + QStringLiteral("/tray-menu.png"));
    tray->menu()->hide();
}

void TestTrayGui::closingTheWindowKeepsTheAppInTheTray()
{
    AppRig rig;
    TrayIcon *tray = rig.app().tray();
    QTRY_VERIFY_WITH_TIMEOUT(tray->isShown(), 5000);
    QSignalSpy quits(&rig.app(), &Application::quitReady);
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QVERIFY(rig.app().accountWindow()->close());
    QVERIFY(!rig.app().accountWindow()->isVisible());
    QCoreApplication::processEvents();
    QCOMPARE(quits.count(), 0); // it lives on in the tray
    // A refresh does not pop the window up again.
    QSignalSpy tokens(rig.app().session(), &Session::accessTokenChanged);
    action(tray, "trayRefresh")->trigger();
    QVERIFY(tokens.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(tray->summary().look, Look::Active, 5000);
    QVERIFY(!rig.app().accountWindow()->isVisible());
    // Open brings it back.
    action(tray, "trayOpen")->trigger();
    QVERIFY(rig.app().accountWindow()->isVisible());
}

void TestTrayGui::leftClickOnTheIconTogglesTheWindow()
{
    AppRig rig;
    TrayIcon *tray = rig.app().tray();
    QTRY_VERIFY_WITH_TIMEOUT(tray->isShown(), 5000);
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QWidget *window = rig.app().accountWindow();
    QVERIFY(window->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!tray->geometry().isEmpty(), 5000);
    // A real click on the icon in the tray, as the person's mouse would do it.
    QVERIFY(clickOnScreen(tray->geometry().center()));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 5000);
    QVERIFY(tray->isShown()); // the app lives on in the tray
    // The person clicks again a moment later (a quicker second click would be a double-click).
    QTest::qWait(QApplication::doubleClickInterval() + 100);
    QVERIFY(clickOnScreen(tray->geometry().center()));
    QTRY_VERIFY_WITH_TIMEOUT(window->isVisible(), 5000);
    // A double-click on the icon of a shown window leaves it shown.
    QTest::qWait(QApplication::doubleClickInterval() + 100);
    QSignalSpy toggled(tray, &TrayIcon::toggleWindowRequested);
    QSignalSpy opened(tray, &TrayIcon::openRequested);
    QVERIFY(clickOnScreen(tray->geometry().center(), 2));
    // Its first click hides the window, its second brings it back.
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 5000);
    QCOMPARE(toggled.count(), 1);
    QVERIFY(window->isVisible());
}

void TestTrayGui::hiddenInTheTrayNothingTicks()
{
    AppRig rig;
    TrayIcon *tray = rig.app().tray();
    QTRY_VERIFY_WITH_TIMEOUT(tray->isShown(), 5000);
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QVERIFY(rig.app().accountWindow()->close());
    QTRY_COMPARE_WITH_TIMEOUT(tray->summary().look, Look::Active, 5000);
    // Signed in, hidden in the tray: the countdowns nobody can see do not tick. This is a
    // measurement window (what fires in it is counted), not a wait for something to happen.
    TimerCounter counter;
    QTest::qWait(3500);
    QVERIFY2(counter.most() <= 1,
        qPrintable(QStringLiteral("a timer fired %1 times in 3.5 s").arg(counter.most())));
    // On screen again, they do: a last few seconds are counted down to the end.
    action(tray, "trayOpen")->trigger();
    AccountWindow *window = rig.app().accountWindow();
    QVERIFY(window->isVisible());
    auto *validity = window->findChild<QLabel *>(QStringLiteral("tokenValidity"));
    window->setExpiries(QDateTime::currentDateTimeUtc().addSecs(3), {});
    QVERIFY2(validity->text().contains(QStringLiteral(" s")), qPrintable(validity->text()));
    QTRY_VERIFY_WITH_TIMEOUT(validity->text().contains(QStringLiteral("expired")), 6000);
}

void TestTrayGui::idleInTheTrayTheAppBarelyWakesUp()
{
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("strace")).isEmpty(),
        "strace is missing: scripts/install-deps test");
    QVERIFY(m_host && m_host->isUp());
    QTemporaryDir runtime;
    QVERIFY(runtime.isValid());
    QFile::setPermissions(runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedChannels);
    // The real executable, signed out and minimized to the tray.
    app.start(QStringLiteral(SMTPD_ACCOUNTS_EXE),
        {QStringLiteral("--api-url"), QStringLiteral("https://127.0.0.1:9"),
            QStringLiteral("--minimized")});
    QVERIFY(app.waitForStarted(5000));
    // Settled: listening for a second launch, with its icon in the tray.
    QTRY_VERIFY_WITH_TIMEOUT(
        QFile::exists(runtime.path() + QStringLiteral("/smtpd-accounts.socket")), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(
        QProcess::execute(QStringLiteral("xdotool"),
            {QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--pid"),
                QString::number(app.processId()), QStringLiteral("--name"), QString()})
            == 0,
        15000);
    // How often the whole app wakes, for the record (it used to look for a tray every 2 s).
    const int polls = pollsOver(app.processId(), 30);
    qInfo("idle in the tray: %d wake-ups in 30 s", polls);
    app.terminate();
    QVERIFY(app.waitForFinished(10000));
    QVERIFY2(polls >= 0, "strace could not count");
    // The count is reported, not judged: it is a performance figure (the project keeps those in
    // tests/bench/run-bench, whose budget is two wake-ups a minute), and the session bus and the
    // X server, shared with the tests running beside this one, add polls of their own (0 alone,
    // up to 17 seen beside other tests). What a test can hold reliably is that no timer of the
    // app runs while it idles in the tray: hiddenInTheTrayNothingTicks.
}

void TestTrayGui::trayRestartIsFollowed()
{
    AppRig rig;
    TrayIcon *tray = rig.app().tray();
    QTRY_VERIFY_WITH_TIMEOUT(tray->isShown(), 5000);
    QSignalSpy availability(tray, &TrayIcon::availabilityChanged);
    // The tray host quits: the app becomes a window application again...
    m_host.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!tray->isShown(), 10000);
    // ... and joins the tray when one starts again.
    m_host = std::make_unique<TrayHost>();
    QVERIFY(m_host->isUp());
    QTRY_VERIFY_WITH_TIMEOUT(tray->isShown(), 10000);
    QCOMPARE(availability.count(), 2);
}

void TestTrayGui::tooltipWording()
{
    TraySummary summary;
    summary.headline = QStringLiteral("Offline, retrying");
    summary.who = QStringLiteral("Dana Demo <demo@example.com>");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    summary.accessTokenExpiry = now.addSecs(12 * 60 + 5);
    summary.sessionEnd = now.addDays(29).addSecs(60);
    summary.offlineSince = now.addSecs(-300);
    const QString text = trayTooltip(summary, now);
    QVERIFY(text.startsWith(QStringLiteral("SMTPD Accounts \u2013 Offline, retrying")));
    QVERIFY(text.contains(QStringLiteral("Access token: 12 min left")));
    QVERIFY(text.contains(QStringLiteral("Session: 29 days left")));
    QVERIFY(text.contains(QStringLiteral("Offline since")));

    // It changes when a minute goes by in a countdown, and only then.
    QCOMPARE(msecsToTooltipChange(summary, now), 5 * 1000 + 20);
    summary.accessTokenExpiry = {};
    QCOMPARE(msecsToTooltipChange(summary, now), 60 * 1000 + 20); // 29 days left, for a minute
    summary.sessionEnd = {};
    QCOMPARE(msecsToTooltipChange(summary, now), -1);
    // Its last minute is one: no countdown by the second.
    summary.accessTokenExpiry = now.addSecs(30);
    QVERIFY(trayTooltip(summary, now).contains(QStringLiteral("Access token: less than a minute")));
    QCOMPARE(msecsToTooltipChange(summary, now), 30 * 1000 + 20);
}

QTEST_MAIN(TestTrayGui)
#include "tst_tray_gui.moc"
