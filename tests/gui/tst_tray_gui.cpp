// The tray: found on a real XEmbed tray (trayer) under Xvfb; icon, tooltip and menu follow the
// session across Active -> Offline -> Active -> needs sign-in -> signed out; closing the
// window keeps the app in the tray and the tray brings it back.
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
#include <QMenu>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

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
    void tooltipWording();

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
    QVERIFY(QApplication::quitOnLastWindowClosed());
    // ... until the tray appears, which it then joins.
    m_host = std::make_unique<TrayHost>();
    QVERIFY2(m_host->isUp(), "trayer did not provide a system tray");
    QTRY_VERIFY_WITH_TIMEOUT(rig.app().tray()->isShown(), 10000);
    QVERIFY(!QApplication::quitOnLastWindowClosed());
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
    QVERIFY(!QApplication::quitOnLastWindowClosed());
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QVERIFY(rig.app().accountWindow()->close());
    QVERIFY(!rig.app().accountWindow()->isVisible());
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
}

QTEST_MAIN(TestTrayGui)
#include "tst_tray_gui.moc"
