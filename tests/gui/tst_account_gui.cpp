// The account window in use: Copy access token on the real X clipboard (read with xclip),
// its clearing rules, and the avatar (picture, initials, cache, no credentials).
#include "AppRig.h"
#include "AvatarView.h"
#include "TokenClipboard.h"
#include "TrayIcon.h"
#include "auth/KeychainTokenStore.h"
#include "auth/Session.h"
#include "auth/SessionStorage.h"
#include "avatar/AvatarFetcher.h"

#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace Smtpd;
using namespace TestSupport;

class TestAccountGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void copyPutsAFreshTokenOnTheClipboardAsSecret();
    void clipboardClearedAfterTimeout();
    void clipboardClearedOnSignOut();
    void clipboardClearedWhenTokenReplaced();
    void clipboardClearedWhenTheAppEnds();
    void foreignClipboardContentIsNeverCleared();
    void tokenIsNeverShownInAWidget();
    void profileDetailsShown();
    void signedInEvenWhenTheProfileFailsAtFirst();
    void avatarPictureWithoutCredentials();
    void noPictureShowsInitials();
    void cachedAvatarShowsWhileServerIsDown();
    void tokenPanelCountsDown();
    void keyboardOnly();
    void lastEmailRememberedNeverThePassword();
    void quitWaitsForTheKeychainAfterARotation();
    void quitWaitsForASignOutToFinish();
    void closingTheWindowWithoutATrayQuits();

private:
    void copy(AppRig &rig);
};

void TestAccountGui::initTestCase()
{
    QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"), "run under Xvfb");
    QSettings().setValue(QStringLiteral("clipboard/clearAfterSeconds"), 2);
}

void TestAccountGui::copy(AppRig &rig)
{
    auto *button = findByAccessibleName<QPushButton>(
        rig.app().accountWindow(), QStringLiteral("Copy access token"));
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rig.app().clipboard()->holdsOurToken(), 10000);
}

void TestAccountGui::copyPutsAFreshTokenOnTheClipboardAsSecret()
{
    QSettings().setValue(QStringLiteral("clipboard/clearAfterSeconds"), 30);
    AppRig rig;
    QVERIFY(rig.isReady());
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    copy(rig);
    const QByteArray onClipboard = readXClipboard();
    QCOMPARE(QString::fromUtf8(onClipboard), rig.currentToken());
    QVERIFY(readXClipboard(QStringLiteral("TARGETS")).contains("x-kde-passwordManagerHint"));
    QCOMPARE(readXClipboard(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
    auto *confirmation
        = rig.app().accountWindow()->findChild<QLabel *>(QStringLiteral("copyConfirmation"));
    QVERIFY(confirmation->isVisible());
    QVERIFY(confirmation->text().contains(QStringLiteral("cleared in")));
    QSettings().setValue(QStringLiteral("clipboard/clearAfterSeconds"), 2);
}

void TestAccountGui::clipboardClearedAfterTimeout()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    copy(rig);
    QVERIFY(!readXClipboard().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(readXClipboard().isEmpty(), 8000);
    QVERIFY(!rig.app()
                 .accountWindow()
                 ->findChild<QLabel *>(QStringLiteral("copyConfirmation"))
                 ->isVisible());
}

void TestAccountGui::clipboardClearedOnSignOut()
{
    QSettings().setValue(QStringLiteral("clipboard/clearAfterSeconds"), 0); // never by time
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    copy(rig);
    QTest::mouseClick(
        findByAccessibleName<QPushButton>(rig.app().accountWindow(), QStringLiteral("Sign out")),
        Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(rig.session().state()), toString(Session::State::SignedOut), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(readXClipboard().isEmpty(), 5000);
    QSettings().setValue(QStringLiteral("clipboard/clearAfterSeconds"), 2);
}

void TestAccountGui::clipboardClearedWhenTokenReplaced()
{
    QSettings().setValue(QStringLiteral("clipboard/clearAfterSeconds"), 0);
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    copy(rig);
    QTest::mouseClick(
        findByAccessibleName<QPushButton>(rig.app().accountWindow(), QStringLiteral("Refresh now")),
        Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(readXClipboard().isEmpty(), 10000);
    QSettings().setValue(QStringLiteral("clipboard/clearAfterSeconds"), 2);
}

void TestAccountGui::clipboardClearedWhenTheAppEnds()
{
    // The X clipboard outlives the app's windows here (this test process keeps owning it), as
    // it would with a clipboard manager that saves the owner's data when it exits.
    QSettings().setValue(QStringLiteral("clipboard/clearAfterSeconds"), 0);
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    copy(rig);
    QVERIFY(readXClipboard().startsWith("eyJ"));
    rig.restartApp(); // the first Application is gone
    QTRY_VERIFY_WITH_TIMEOUT(readXClipboard().isEmpty(), 5000);
    QSettings().setValue(QStringLiteral("clipboard/clearAfterSeconds"), 2);
}

void TestAccountGui::foreignClipboardContentIsNeverCleared()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    copy(rig);
    QVERIFY(writeXClipboardFromOutside("something the user copied"));
    QTRY_VERIFY_WITH_TIMEOUT(!rig.app().clipboard()->holdsOurToken(), 5000);
    QTest::qWait(2500); // longer than the 2 s clearing delay: nothing may happen
    QCOMPARE(readXClipboard(), QByteArray("something the user copied"));
    rig.session().signOut();
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(rig.session().state()), toString(Session::State::SignedOut), 10000);
    QCOMPARE(readXClipboard(), QByteArray("something the user copied"));
}

void TestAccountGui::tokenIsNeverShownInAWidget()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    copy(rig);
    const QString token = rig.currentToken();
    for (QWidget *widget : QApplication::allWidgets()) {
        if (auto *label = qobject_cast<QLabel *>(widget))
            QVERIFY(!label->text().contains(token));
        if (auto *edit = qobject_cast<QLineEdit *>(widget))
            QVERIFY(!edit->text().contains(token));
        QVERIFY(!widget->accessibleName().contains(token));
        QVERIFY(!widget->toolTip().contains(token));
    }
}

void TestAccountGui::profileDetailsShown()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    AccountWindow *window = rig.app().accountWindow();
    QCOMPARE(window->findChild<QLabel *>(QStringLiteral("profileName"))->text(),
        QStringLiteral("Dana Demo"));
    QCOMPARE(window->findChild<QLabel *>(QStringLiteral("profileEmail"))->text(), DemoEmail);
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("profileBadges"))
                ->text()
                .contains(QStringLiteral("Verified")));
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("profileBadges"))
                ->text()
                .contains(QStringLiteral("Owner")));
    auto *accountId = findByAccessibleName<QLineEdit>(window, QStringLiteral("Account ID"));
    QCOMPARE(accountId->text(), QStringLiteral("811affc1-66c7-4982-b39e-29f9536b4720"));
    QVERIFY(accountId->isReadOnly());
    // The whole id is visible, not cut at the field's edge.
    QTRY_VERIFY_WITH_TIMEOUT(
        accountId->fontMetrics().horizontalAdvance(accountId->text()) + 8 <= accountId->width(),
        2000);
    QTest::mouseClick(findByAccessibleName<QPushButton>(window, QStringLiteral("Copy account ID")),
        Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        readXClipboard(), QByteArray("811affc1-66c7-4982-b39e-29f9536b4720"), 5000);
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("profileDates"))
                ->text()
                .contains(QStringLiteral("2020")));
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("tokenStorage"))
                ->text()
                .contains(QStringLiteral("keyring")));
}

void TestAccountGui::signedInEvenWhenTheProfileFailsAtFirst()
{
    AppRig rig;
    SmtpdEmulator::Fault fault(SmtpdEmulator::Fault::Kind::Status);
    fault.status = 503;
    fault.pathPrefixes = {QStringLiteral("/oauth/me")};
    fault.count = 1;
    rig.emulator().server().addFault(fault);
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword, false));
    AccountWindow *window = rig.app().accountWindow();
    auto label
        = [window](const char *name) { return window->findChild<QLabel *>(QLatin1String(name)); };
    // The token's claims stand in: name and email show, the rest says it is coming.
    QCOMPARE(label("profileName")->text(), QStringLiteral("Dana Demo"));
    QCOMPARE(label("profileEmail")->text(), DemoEmail);
    QVERIFY(label("profileBadges")->text().contains(QStringLiteral("could not be loaded yet")));
    QVERIFY(!label("profileDates")->isVisible());
    // The app tries again by itself and the full profile replaces it.
    QTRY_VERIFY_WITH_TIMEOUT(
        label("profileBadges")->text().contains(QStringLiteral("Verified")), 15000);
    QVERIFY(label("profileDates")->isVisible());
}

void TestAccountGui::avatarPictureWithoutCredentials()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QTRY_VERIFY_WITH_TIMEOUT(rig.app().accountWindow()->avatar()->showsPicture(), 10000);
    int avatarRequests = 0;
    for (const auto &request : rig.emulator().server().requests()) {
        if (!request.path.startsWith(QStringLiteral("/avatar/")))
            continue;
        ++avatarRequests;
        QCOMPARE(request.authScheme, QString()); // never the bearer token
        QVERIFY(request.query.contains(QStringLiteral("d=404")));
        QVERIFY(request.path.size() == 8 + 64); // SHA-256 of the email
    }
    QCOMPARE(avatarRequests, 1);
}

void TestAccountGui::noPictureShowsInitials()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(
        QStringLiteral("jack.truong@jameshardie.com"), QStringLiteral("jack-password")));
    QTRY_COMPARE_WITH_TIMEOUT(
        rig.emulator().server().requestCount("GET",
            QStringLiteral("/avatar/") + emailHash(QStringLiteral("jack.truong@jameshardie.com"))),
        1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(rig.emulator().server().requests().last().status, 404, 5000);
    AvatarView *avatar = rig.app().accountWindow()->avatar();
    QVERIFY(!avatar->showsPicture());
    QCOMPARE(avatar->initials(), QStringLiteral("JT"));
}

void TestAccountGui::cachedAvatarShowsWhileServerIsDown()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QTRY_VERIFY_WITH_TIMEOUT(rig.app().accountWindow()->avatar()->showsPicture(), 10000);
    rig.emulator().server().stopListening();
    Application &restarted = rig.restartApp();
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(restarted.session()->state()), toString(Session::State::Active), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(restarted.accountWindow()->avatar()->showsPicture(), 10000);
}

void TestAccountGui::tokenPanelCountsDown()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    auto *validity
        = rig.app().accountWindow()->findChild<QLabel *>(QStringLiteral("tokenValidity"));
    auto *sessionEnd = rig.app().accountWindow()->findChild<QLabel *>(QStringLiteral("sessionEnd"));
    QVERIFY2(validity->text().contains(QStringLiteral("valid for 59 min"))
            || validity->text().contains(QStringLiteral("valid for 1 h")),
        qPrintable(validity->text()));
    QVERIFY2(
        sessionEnd->text().contains(QStringLiteral("29 days")), qPrintable(sessionEnd->text()));
}

void TestAccountGui::keyboardOnly()
{
    AppRig rig;
    SignInWindow *signIn = rig.app().signInWindow();
    signIn->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(signIn));
    // Typing starts in the email field, with nothing clicked first.
    QCOMPARE(QApplication::focusWidget()->accessibleName(), QStringLiteral("Email"));
    QTest::keyClicks(QApplication::focusWidget(), DemoEmail);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // to the password
    QCOMPARE(QApplication::focusWidget()->accessibleName(), QStringLiteral("Password"));
    QTest::keyClicks(QApplication::focusWidget(), DemoPassword);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(rig.session().state()), toString(Session::State::Active), 15000);
    AccountWindow *account = rig.app().accountWindow();
    account->activateWindow();
    QTRY_VERIFY_WITH_TIMEOUT(account->isActiveWindow(), 5000);
    QTest::keyClick(account, Qt::Key_C, Qt::AltModifier); // &Copy access token
    QTRY_VERIFY_WITH_TIMEOUT(rig.app().clipboard()->holdsOurToken(), 10000);
    QCOMPARE(QString::fromUtf8(readXClipboard()), rig.currentToken());
}

void TestAccountGui::lastEmailRememberedNeverThePassword()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    rig.session().signOut();
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(rig.session().state()), toString(Session::State::SignedOut), 10000);
    Application &restarted = rig.restartApp();
    QTRY_VERIFY_WITH_TIMEOUT(restarted.signInWindow()->isVisible(), 10000);
    QCOMPARE(
        findByAccessibleName<QLineEdit>(restarted.signInWindow(), QStringLiteral("Email"))->text(),
        DemoEmail);
    QVERIFY(findByAccessibleName<QLineEdit>(restarted.signInWindow(), QStringLiteral("Password"))
                ->text()
                .isEmpty());
    // The email is known, so the cursor waits in the password field.
    restarted.signInWindow()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(restarted.signInWindow()));
    QCOMPARE(QApplication::focusWidget()->accessibleName(), QStringLiteral("Password"));
    QSettings settings;
    for (const QString &key : settings.allKeys())
        QVERIFY(!settings.value(key).toString().contains(DemoPassword));
}

QTEST_MAIN(TestAccountGui)
// Defect 12: quitting right after a refresh rotated the refresh token lost the session (the
// keychain write had not landed when the app ended).
void TestAccountGui::quitWaitsForTheKeychainAfterARotation()
{
    AppRig rig;
    rig.emulator().server().accounts().setRefreshRotation(true);
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QSignalSpy ready(&rig.app(), &Application::quitReady);
    bool busyWhenReady = true;
    connect(&rig.app(), &Application::quitReady, this,
        [&] { busyWhenReady = rig.session().storage()->isBusy(); });
    // The person quits the moment the rotated tokens arrive.
    connect(&rig.session(), &Session::accessTokenChanged, &rig.app(), &Application::quit);
    rig.session().refreshNow();
    QVERIFY(ready.wait(10000));
    QCOMPARE(ready.count(), 1);
    QVERIFY(!busyWhenReady);
    // What the keychain holds is the live refresh token.
    KeychainTokenStore store;
    std::unique_ptr<StoreJob> load(store.load(storageKeyFor(rig.session().origin(), DemoEmail)));
    QSignalSpy loaded(load.get(), &StoreJob::finished);
    QVERIFY(loaded.wait(15000));
    QVERIFY(load->found());
    QCOMPARE(rig.emulator().server().accounts().liveRefreshTokens(),
        QStringList {load->session().refreshToken});
}

// Quitting during a sign-out waits for it: the revoke answers and the keychain item goes.
void TestAccountGui::quitWaitsForASignOutToFinish()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    SmtpdEmulator::Fault slow(SmtpdEmulator::Fault::Kind::Slow);
    slow.delayMs = 1000;
    slow.pathPrefixes = {QStringLiteral("/oauth/revoke")};
    rig.emulator().server().addFault(slow);
    QSignalSpy ready(&rig.app(), &Application::quitReady);
    QString stateWhenReady;
    connect(&rig.app(), &Application::quitReady, this,
        [&] { stateWhenReady = toString(rig.session().state()); });
    rig.session().signOut();
    rig.app().quit();
    QCOMPARE(ready.count(), 0); // not while the revoke is on its way
    QVERIFY(ready.wait(10000));
    QCOMPARE(stateWhenReady, toString(Session::State::SignedOut));
    QCOMPARE(rig.emulator().server().accounts().validRefreshTokenCount(), 0);
    KeychainTokenStore store;
    std::unique_ptr<StoreJob> load(store.load(storageKeyFor(rig.session().origin(), DemoEmail)));
    QSignalSpy loaded(load.get(), &StoreJob::finished);
    QVERIFY(loaded.wait(15000));
    QVERIFY(!load->found());
}

// Without a tray the app is a plain window application: closing its window quits it, through
// the same tidy path as Quit.
void TestAccountGui::closingTheWindowWithoutATrayQuits()
{
    AppRig rig;
    QVERIFY(!rig.app().tray()->isShown());
    QSignalSpy ready(&rig.app(), &Application::quitReady);
    QVERIFY(rig.app().signInWindow()->close());
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 5000);
}

#include "tst_account_gui.moc"
