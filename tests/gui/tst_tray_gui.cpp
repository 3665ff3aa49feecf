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
#include <QPainter>
#include <QPointer>
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

// Three accounts, the default in the middle: every action enabled.
QList<TrayAccount> threeAccounts()
{
    QList<TrayAccount> accounts;
    for (const char *label : {"work@example.com", "personal@example.com", "ops@example.com"}) {
        TrayAccount account;
        account.id
            = QStringLiteral("id-") + QLatin1String(label).left(QLatin1String(label).indexOf('@'));
        account.label = QLatin1String(label);
        account.summary.look = Look::Active;
        account.summary.headline = QStringLiteral("Signed in");
        account.summary.canCopy = account.summary.canRefresh = account.summary.canSignOut = true;
        accounts << account;
    }
    accounts[1].isDefault = true;
    return accounts;
}

QMenu *accountMenu(TrayIcon &tray, int index)
{
    return tray.menu()->findChild<QMenu *>(QStringLiteral("trayAccount-%1").arg(index));
}

QStringList names(const QList<QAction *> &actions)
{
    QStringList names;
    for (QAction *action : actions)
        names << (action->isSeparator() ? QStringLiteral("-")
                : action->menu()        ? action->menu()->objectName()
                                        : action->objectName());
    return names;
}

QStringList texts(const QList<QAction *> &actions)
{
    QStringList texts;
    for (QAction *action : actions)
        texts << action->text();
    return texts;
}

QList<bool> enabled(const QList<QAction *> &actions)
{
    QList<bool> states;
    for (QAction *action : actions)
        states << action->isEnabled();
    return states;
}

QImage iconImage(const QIcon &icon, int size)
{
    return icon.pixmap(size).toImage().convertToFormat(QImage::Format_ARGB32);
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
    void tooltipForSeveralAccounts();
    void oneAccountKeepsTheFlatMenu();
    void severalAccountsHaveASubmenuEach();
    void eachSubmenuNamesItsAccount();
    void anActionMayChangeTheAccounts();
    void stateUpdatesKeepTheSubmenus();
    void anotherAccountsTroubleMarksTheIcon();
    void trayRestartIsFollowed();

private:
    std::unique_ptr<TrayHost> m_host;
};

void TestTrayGui::initTestCase()
{
    QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"), "run under Xvfb");
    // The icons, for the tests that make a TrayIcon without the app.
    Q_INIT_RESOURCE(resources);
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

void TestTrayGui::tooltipForSeveralAccounts()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<TrayAccount> accounts = threeAccounts();
    TraySummary &work = accounts[0].summary;
    work.who = QStringLiteral("Dana Demo <work@example.com>");
    work.accessTokenExpiry = now.addSecs(12 * 60 + 45);
    work.sessionEnd = now.addDays(29).addSecs(5);
    TraySummary &personal = accounts[1].summary;
    personal.look = Look::Offline;
    personal.headline = QStringLiteral("Offline, retrying");
    personal.accessTokenExpiry = now.addSecs(40);
    personal.offlineSince = now.addSecs(-300);
    TraySummary &ops = accounts[2].summary;
    ops.look = Look::SignedOut;
    ops.headline = QStringLiteral("Signed out");

    // One account: exactly the words of today's tooltip.
    const QList<TrayAccount> one {accounts[0]};
    QCOMPARE(trayTooltip(one, now), trayTooltip(work, now));
    QCOMPARE(msecsToTooltipChange(one, now), msecsToTooltipChange(work, now));
    QCOMPARE(msecsToTooltipChange(one, now), 5 * 1000 + 20); // its session's countdown too
    QCOMPARE(trayTooltip(QList<TrayAccount>(), now), trayTooltip(TraySummary(), now));

    // Several: a line each, in the list's order, the default marked.
    QCOMPARE(trayTooltip(accounts, now),
        QStringLiteral("SMTPD Accounts\n"
                       "work@example.com: Signed in, access token 12 min left\n"
                       "personal@example.com (default): Offline, retrying, access token less "
                       "than a minute left\n"
                       "ops@example.com: Signed out"));
    // The words change when the soonest countdown of all does, wherever it is in the list.
    QCOMPARE(msecsToTooltipChange(accounts, now), 40 * 1000 + 20);
    personal.accessTokenExpiry = now.addSecs(-1);
    QVERIFY(trayTooltip(accounts, now)
                .contains(QStringLiteral("personal@example.com (default): Offline, retrying, "
                                         "access token expired\n")));
    QCOMPARE(msecsToTooltipChange(accounts, now), 45 * 1000 + 20); // expired stays expired
    ops.accessTokenExpiry = now.addSecs(3 * 3600 + 10);
    QVERIFY(trayTooltip(accounts, now).endsWith(QStringLiteral(", access token 3 h left")));
    QCOMPARE(msecsToTooltipChange(accounts, now), 10 * 1000 + 20);
    // A line counts down the access token only (the session's end is the window's to tell).
    work.accessTokenExpiry = {};
    ops.accessTokenExpiry = {};
    QVERIFY(!trayTooltip(accounts, now).contains(QStringLiteral("days")));
    QCOMPARE(msecsToTooltipChange(accounts, now), -1);
}

void TestTrayGui::oneAccountKeepsTheFlatMenu()
{
    const QStringList flat {QStringLiteral("trayOpen"), QStringLiteral("-"),
        QStringLiteral("trayCopy"), QStringLiteral("trayRefresh"), QStringLiteral("traySignOut"),
        QStringLiteral("-"), QStringLiteral("traySettings"), QStringLiteral("trayQuit")};
    const QStringList flatTexts {QStringLiteral("&Open SMTPD Accounts"), QString(),
        QStringLiteral("&Copy access token"), QStringLiteral("&Refresh now"),
        QStringLiteral("Sign &out"), QString(), QStringLiteral("&Settings\u2026"),
        QStringLiteral("&Quit")};
    TrayIcon tray;
    QCOMPARE(names(tray.menu()->actions()), flat);
    QCOMPARE(texts(tray.menu()->actions()), flatTexts);
    QVERIFY(tray.menu()->findChildren<QMenu *>().isEmpty());
    QSignalSpy copies(&tray, &TrayIcon::copyTokenRequested);
    QSignalSpy refreshes(&tray, &TrayIcon::refreshRequested);
    QSignalSpy signOuts(&tray, &TrayIcon::signOutRequested);

    // One account, by its id: still flat, the same words.
    TrayAccount account = threeAccounts().at(0);
    account.summary.canRefresh = false;
    tray.setAccounts({account});
    QCOMPARE(names(tray.menu()->actions()), flat);
    QCOMPARE(texts(tray.menu()->actions()), flatTexts);
    QCOMPARE(tray.summary().headline, QStringLiteral("Signed in"));
    QCOMPARE(tray.toolTip(), trayTooltip(account.summary, QDateTime::currentDateTimeUtc()));
    QVERIFY(action(&tray, "trayCopy")->isEnabled());
    QVERIFY(!action(&tray, "trayRefresh")->isEnabled());
    QVERIFY(action(&tray, "traySignOut")->isEnabled());
    action(&tray, "trayCopy")->trigger();
    action(&tray, "trayRefresh")->trigger(); // disabled: nothing
    action(&tray, "traySignOut")->trigger();
    QCOMPARE(copies.count(), 1);
    QCOMPARE(copies.at(0).at(0).toString(), QStringLiteral("id-work"));
    QCOMPARE(refreshes.count(), 0);
    QCOMPARE(signOuts.count(), 1);
    QCOMPARE(signOuts.at(0).at(0).toString(), QStringLiteral("id-work"));

    // Three, then one again: flat as before, and nothing left of the submenus.
    tray.setAccounts(threeAccounts());
    QVERIFY(!action(&tray, "trayRefresh"));
    tray.setAccounts({account});
    QCOMPARE(names(tray.menu()->actions()), flat);
    QVERIFY(!accountMenu(tray, 0));
    QTRY_VERIFY(tray.menu()->findChildren<QMenu *>().isEmpty());

    // setSummary() is one account without an id.
    TraySummary summary;
    summary.canRefresh = true;
    tray.setSummary(summary);
    QCOMPARE(names(tray.menu()->actions()), flat);
    QCOMPARE(tray.accounts().size(), 1);
    action(&tray, "trayRefresh")->trigger();
    QCOMPARE(refreshes.count(), 1);
    QCOMPARE(refreshes.at(0).at(0).toString(), QString());
}

void TestTrayGui::severalAccountsHaveASubmenuEach()
{
    QList<TrayAccount> accounts = threeAccounts();
    accounts[1].summary.look = Look::Refreshing;
    accounts[1].summary.canRefresh = false;
    accounts[2].summary.look = Look::SignedOut;
    accounts[2].summary.canCopy = accounts[2].summary.canRefresh = accounts[2].summary.canSignOut
        = false;
    TrayIcon tray;
    tray.setAccounts(accounts);

    // Open, the default's Copy, a submenu per account in the list's order, Settings, Quit.
    QCOMPARE(names(tray.menu()->actions()),
        (QStringList {QStringLiteral("trayOpen"), QStringLiteral("-"), QStringLiteral("trayCopy"),
            QStringLiteral("-"), QStringLiteral("trayAccount-0"), QStringLiteral("trayAccount-1"),
            QStringLiteral("trayAccount-2"), QStringLiteral("-"), QStringLiteral("traySettings"),
            QStringLiteral("trayQuit")}));
    QVERIFY(!action(&tray, "trayRefresh"));
    QVERIFY(!action(&tray, "traySignOut"));
    QCOMPARE(action(&tray, "trayCopy")->text(),
        QStringLiteral("&Copy access token (personal@example.com)"));
    QCOMPARE(accountMenu(tray, 0)->title(), QStringLiteral("work@example.com"));
    QCOMPARE(accountMenu(tray, 1)->title(), QStringLiteral("personal@example.com (default)"));
    QCOMPARE(accountMenu(tray, 2)->title(), QStringLiteral("ops@example.com"));
    const QStringList each {QStringLiteral("&Copy access token"), QStringLiteral("&Refresh now"),
        QStringLiteral("Sign &out")};
    for (int i = 0; i < 3; ++i)
        QCOMPARE(texts(accountMenu(tray, i)->actions()), each);

    // Each submenu's items follow its own account; the Copy at the top, the default's.
    QCOMPARE(enabled(accountMenu(tray, 0)->actions()), (QList<bool> {true, true, true}));
    QCOMPARE(enabled(accountMenu(tray, 1)->actions()), (QList<bool> {true, false, true}));
    QCOMPARE(enabled(accountMenu(tray, 2)->actions()), (QList<bool> {false, false, false}));
    QVERIFY(action(&tray, "trayCopy")->isEnabled());
    accounts[1].summary.canCopy = false;
    accounts[2].summary.canCopy = true;
    tray.setAccounts(accounts);
    QVERIFY(!action(&tray, "trayCopy")->isEnabled());
    QCOMPARE(enabled(accountMenu(tray, 1)->actions()), (QList<bool> {false, false, true}));
    QCOMPARE(enabled(accountMenu(tray, 2)->actions()), (QList<bool> {true, false, false}));
    QCOMPARE(enabled(accountMenu(tray, 0)->actions()), (QList<bool> {true, true, true}));
    QCOMPARE(tray.summary().look, Look::Refreshing); // the default's

    // The tooltip lists them all.
    QCOMPARE(tray.toolTip(), trayTooltip(accounts, QDateTime::currentDateTimeUtc()));
    QVERIFY(tray.toolTip().startsWith(QStringLiteral("SMTPD Accounts\nwork@example.com: ")));

    // A picture of it, open on the default's submenu, for the record.
    tray.menu()->popup(QPoint(900, 40));
    QVERIFY(QTest::qWaitForWindowExposed(tray.menu()));
    accountMenu(tray, 1)->popup(tray.menu()->geometry().topRight());
    QVERIFY(QTest::qWaitForWindowExposed(accountMenu(tray, 1)));
    QImage picture(tray.menu()->width() + accountMenu(tray, 1)->width(),
        qMax(tray.menu()->height(), accountMenu(tray, 1)->height()), QImage::Format_ARGB32);
    picture.fill(Qt::transparent);
    {
        QPainter painter(&picture);
        painter.drawPixmap(0, 0, tray.menu()->grab());
        painter.drawPixmap(tray.menu()->width(), 0, accountMenu(tray, 1)->grab());
    }
    picture.save(artifactsDir() + QStringLiteral("/tray-menu-accounts.png"));
    accountMenu(tray, 1)->hide();
    tray.menu()->hide();
}

void TestTrayGui::eachSubmenuNamesItsAccount()
{
    TrayIcon tray;
    tray.setAccounts(threeAccounts());
    QSignalSpy copies(&tray, &TrayIcon::copyTokenRequested);
    QSignalSpy refreshes(&tray, &TrayIcon::refreshRequested);
    QSignalSpy signOuts(&tray, &TrayIcon::signOutRequested);
    const QStringList ids {
        QStringLiteral("id-work"), QStringLiteral("id-personal"), QStringLiteral("id-ops")};
    for (int i = 0; i < 3; ++i) {
        const QList<QAction *> items = accountMenu(tray, i)->actions();
        items.at(0)->trigger();
        items.at(1)->trigger();
        items.at(2)->trigger();
        QCOMPARE(copies.count(), 1);
        QCOMPARE(refreshes.count(), 1);
        QCOMPARE(signOuts.count(), 1);
        QCOMPARE(copies.takeFirst().at(0).toString(), ids.at(i));
        QCOMPARE(refreshes.takeFirst().at(0).toString(), ids.at(i));
        QCOMPARE(signOuts.takeFirst().at(0).toString(), ids.at(i));
    }
    // The Copy at the top is the default's.
    action(&tray, "trayCopy")->trigger();
    QCOMPARE(copies.count(), 1);
    QCOMPARE(copies.takeFirst().at(0).toString(), QStringLiteral("id-personal"));
    // Another default: the top Copy follows it.
    QList<TrayAccount> accounts = threeAccounts();
    accounts[1].isDefault = false;
    accounts[2].isDefault = true;
    tray.setAccounts(accounts);
    QCOMPARE(accountMenu(tray, 1)->title(), QStringLiteral("personal@example.com"));
    QCOMPARE(accountMenu(tray, 2)->title(), QStringLiteral("ops@example.com (default)"));
    action(&tray, "trayCopy")->trigger();
    QCOMPARE(copies.takeFirst().at(0).toString(), QStringLiteral("id-ops"));
}

void TestTrayGui::anActionMayChangeTheAccounts()
{
    // A sign-out from a submenu that removes its account at once: the menu it came from is
    // rebuilt while its action is still being triggered.
    TrayIcon tray;
    tray.setAccounts(threeAccounts());
    QPointer<QMenu> ops = accountMenu(tray, 2);
    connect(&tray, &TrayIcon::signOutRequested, &tray, [&tray](const QString &id) {
        QList<TrayAccount> left;
        for (const TrayAccount &account : tray.accounts()) {
            if (account.id != id)
                left << account;
        }
        tray.setAccounts(left);
    });
    ops->actions().at(2)->trigger();
    QCOMPARE(tray.accounts().size(), 2);
    QCOMPARE(accountMenu(tray, 1)->title(), QStringLiteral("personal@example.com (default)"));
    QVERIFY(!accountMenu(tray, 2));
    QTRY_VERIFY(ops.isNull());
    QCOMPARE(tray.menu()->findChildren<QMenu *>().size(), 2);
}

void TestTrayGui::stateUpdatesKeepTheSubmenus()
{
    QList<TrayAccount> accounts = threeAccounts();
    TrayIcon tray;
    tray.setAccounts(accounts);
    const QList<QAction *> items = tray.menu()->actions();
    QList<QPointer<QMenu>> menus;
    QList<QList<QAction *>> subItems;
    for (int i = 0; i < 3; ++i) {
        menus << accountMenu(tray, i);
        subItems << menus.last()->actions();
    }
    // Every state, every action on and off, countdowns: the same menus, updated in place.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Look look :
        {Look::Refreshing, Look::Offline, Look::Attention, Look::SignedOut, Look::Active}) {
        for (TrayAccount &account : accounts) {
            account.summary.look = look;
            account.summary.headline = QStringLiteral("headline %1").arg(int(look));
            account.summary.canCopy = !account.summary.canCopy;
            account.summary.accessTokenExpiry = now.addSecs(int(look) * 60);
        }
        tray.setAccounts(accounts);
        QCOMPARE(tray.menu()->actions(), items);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(accountMenu(tray, i), menus.at(i).data());
            QCOMPARE(menus.at(i)->actions(), subItems.at(i));
            QCOMPARE(subItems.at(i).at(0)->isEnabled(), accounts.at(i).summary.canCopy);
        }
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    for (const QPointer<QMenu> &menu : std::as_const(menus))
        QVERIFY(!menu.isNull());

    // A new label (or account, or default) does make them anew.
    accounts[0].label = QStringLiteral("work & play@example.com");
    tray.setAccounts(accounts);
    QCOMPARE(accountMenu(tray, 0)->title(), QStringLiteral("work && play@example.com"));
    QVERIFY(accountMenu(tray, 1) != menus.at(1).data());
    QTRY_VERIFY(menus.at(0).isNull() && menus.at(1).isNull() && menus.at(2).isNull());
}

void TestTrayGui::anotherAccountsTroubleMarksTheIcon()
{
    QList<TrayAccount> accounts = threeAccounts();
    TrayIcon tray;
    tray.setAccounts(accounts);
    const QImage active = iconImage(TrayIcon::iconFor(Look::Active), 64);
    QVERIFY(!active.isNull());
    // All well: exactly the default's icon of today.
    QCOMPARE(iconImage(tray.icon(), 64), active);

    // An account the person signed out of is no trouble.
    accounts[2].summary.look = Look::SignedOut;
    tray.setAccounts(accounts);
    QCOMPARE(iconImage(tray.icon(), 64), active);
    for (const Look trouble : {Look::Offline, Look::Attention}) {
        accounts[2].summary.look = trouble;
        tray.setAccounts(accounts);
        const QImage marked = iconImage(tray.icon(), 64);
        QVERIFY(marked != active);
        // A badge in the lower-right corner: the rest is the default's icon as it was.
        QCOMPARE(marked.copy(0, 0, 64, 24), active.copy(0, 0, 64, 24));
        QCOMPARE(marked.copy(0, 0, 24, 64), active.copy(0, 0, 24, 64));
        QCOMPARE(marked, iconImage(TrayIcon::iconFor(Look::Active, true), 64));
    }
    // Drawn at every size the tray may ask for, not scaled: at each, a red disc (about 60 % of
    // the icon) with a white "!" and rim, in the lower-right corner.
    for (const int size : {16, 22, 24, 32, 48, 64, 128}) {
        const QImage image = iconImage(tray.icon(), size);
        QCOMPARE(image.size(), QSize(size, size));
        image.save(artifactsDir() + QStringLiteral("/tray-icon-marked-%1.png").arg(size));
        const int diameter = 2 * qRound(size * 0.3);
        const int centre = size - diameter / 2;
        const QColor red = image.pixelColor(centre - diameter * 3 / 10, centre);
        QVERIFY2(red.red() > 150 && red.green() < 90 && red.blue() < 90,
            qPrintable(QStringLiteral("%1 px: %2").arg(size).arg(red.name())));
        const QColor bar = image.pixelColor(centre, centre - diameter / 10);
        QVERIFY2(bar.red() > 240 && bar.green() > 240 && bar.blue() > 240,
            qPrintable(QStringLiteral("%1 px: %2").arg(size).arg(bar.name())));
        const QColor rim = image.pixelColor(size - 1 - diameter / 2, size - 1);
        QVERIFY2(rim.red() > 150 && rim.green() > 150 && rim.blue() > 150,
            qPrintable(QStringLiteral("%1 px: %2").arg(size).arg(rim.name())));
    }
    if (tray.isShown()) {
        const auto *shown = tray.findChild<QSystemTrayIcon *>();
        QVERIFY(shown);
        QCOMPARE(iconImage(shown->icon(), 32), iconImage(tray.icon(), 32));
    }
    // Refreshing is no trouble; the trouble gone, the mark goes.
    accounts[2].summary.look = Look::Refreshing;
    tray.setAccounts(accounts);
    QCOMPARE(iconImage(tray.icon(), 64), active);
    // The default's own trouble is its own look, unmarked.
    accounts[1].summary.look = Look::Offline;
    tray.setAccounts(accounts);
    QCOMPARE(iconImage(tray.icon(), 64), iconImage(TrayIcon::iconFor(Look::Offline), 64));
    // ... marked when another is in trouble too.
    accounts[0].summary.look = Look::Attention;
    tray.setAccounts(accounts);
    QCOMPARE(iconImage(tray.icon(), 64), iconImage(TrayIcon::iconFor(Look::Offline, true), 64));
    QVERIFY(iconImage(tray.icon(), 64) != iconImage(TrayIcon::iconFor(Look::Offline), 64));
    // One account alone is never marked.
    tray.setAccounts({accounts[0]});
    QCOMPARE(iconImage(tray.icon(), 64), iconImage(TrayIcon::iconFor(Look::Attention), 64));
    if (tray.isShown())
        QCOMPARE(iconImage(tray.findChild<QSystemTrayIcon *>()->icon(), 32),
            iconImage(TrayIcon::iconFor(Look::Attention), 32));
}

QTEST_MAIN(TestTrayGui)
#include "tst_tray_gui.moc"
