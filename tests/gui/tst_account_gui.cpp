// The account window in use: Copy access token on the real X clipboard (read with xclip),
// its clearing rules, and the avatar (picture, initials, cache, no credentials). The list of
// accounts on a window of its own (no emulator): names, selection, keyboard, confirmation.
#include "AccountListModel.h"
#include "AppRig.h"
#include "AvatarImage.h"
#include "AvatarView.h"
#include "TokenClipboard.h"
#include "TrayIcon.h"
#include "auth/KeychainTokenStore.h"
#include "auth/Session.h"
#include "auth/SessionStorage.h"
#include "avatar/AvatarFetcher.h"

#include <QAccessible>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
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
    void copyAsHeaderAndAsCurlCommand();
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
    void accountListControlsAreNamed();
    void accountEntriesAreNamed();
    void selectionKeptByIdAcrossUpdates();
    void listTakesFocusFirstWithSeveralAccounts();
    void arrowKeysSwitchAccounts();
    void deleteAsksBeforeRemoving();
    void makeDefaultOnlyForAnotherAccount();
    void ctrlNAsksToAddAnAccount();
    void everyButtonReachableByTab();

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

// The token in a ready-made form: the same rules as the token alone (a fresh token, marked
// secret, cleared after the delay, and only while the clipboard still holds it).
void TestAccountGui::copyAsHeaderAndAsCurlCommand()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    const QString origin = rig.emulator().baseUrl().toString();
    struct Case
    {
        QString button;
        QString text; // %1: the token
    };
    const QList<Case> cases {
        {QStringLiteral("Copy as Authorization header"),
            QStringLiteral("Authorization: Bearer %1")},
        {QStringLiteral("Copy curl command"),
            QStringLiteral("curl -H \"Authorization: Bearer %1\" ") + origin
                + QStringLiteral("/oauth/me")},
    };
    for (const Case &c : cases) {
        auto *button = findByAccessibleName<QPushButton>(rig.app().accountWindow(), c.button);
        QVERIFY2(button && button->isEnabled(), qPrintable(c.button));
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(rig.app().clipboard()->holdsOurToken(), 10000);
        QCOMPARE(QString::fromUtf8(readXClipboard()), c.text.arg(rig.currentToken()));
        QVERIFY(readXClipboard(QStringLiteral("TARGETS")).contains("x-kde-passwordManagerHint"));
        QVERIFY(rig.app()
                    .accountWindow()
                    ->findChild<QLabel *>(QStringLiteral("copyConfirmation"))
                    ->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(readXClipboard().isEmpty(), 8000); // the 2 s delay
    }
    // Signed out, none of them can copy.
    rig.session().signOut();
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(rig.session().state()), toString(Session::State::SignedOut), 10000);
    for (const Case &c : cases)
        QVERIFY(
            !findByAccessibleName<QPushButton>(rig.app().accountWindow(), c.button)->isEnabled());
}

void TestAccountGui::clipboardClearedOnSignOut()
{
    // Longer than the test: only the sign-out can clear it.
    QSettings().setValue(QStringLiteral("clipboard/clearAfterSeconds"), 600);
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
    QSettings().setValue(QStringLiteral("clipboard/clearAfterSeconds"), 600);
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
    QSettings().setValue(QStringLiteral("clipboard/clearAfterSeconds"), 600);
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

// Three accounts: the default one with a picture on production, one on another server, one
// signed in with an API key.
static QList<AccountListEntry> threeAccounts()
{
    AccountListEntry dana;
    dana.id = QStringLiteral("a");
    dana.name = QStringLiteral("Dana Demo");
    dana.who = DemoEmail;
    dana.stateText = QStringLiteral("Signed in");
    dana.badge = AccountListEntry::Badge::Active;
    dana.isDefault = true;
    dana.avatarHash = emailHash(DemoEmail);
    dana.avatar.loadFromData(SmtpdEmulator::avatarPng(dana.avatarHash, 192));
    AccountListEntry jack;
    jack.id = QStringLiteral("b");
    jack.name = QStringLiteral("Jack Truong");
    jack.who = QStringLiteral("jack.truong@jameshardie.com");
    jack.server = QStringLiteral("https://127.0.0.1:8443");
    jack.stateText = QStringLiteral("Offline");
    jack.badge = AccountListEntry::Badge::Offline;
    jack.avatarHash = emailHash(jack.who);
    AccountListEntry bot;
    bot.id = QStringLiteral("c");
    bot.name = QStringLiteral("Build server");
    bot.who = QStringLiteral("API key 3fa2c1");
    bot.stateText = QStringLiteral("Signed out");
    bot.badge = AccountListEntry::Badge::SignedOut;
    return {dana, jack, bot};
}

static QListView *accountList(AccountWindow &window)
{
    return findByAccessibleName<QListView>(&window, QStringLiteral("Accounts"));
}

static bool showActive(AccountWindow &window)
{
    window.show();
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

void TestAccountGui::accountListControlsAreNamed()
{
    AccountWindow window;
    window.setAccounts(threeAccounts());
    auto *list = accountList(window);
    QVERIFY(list);
    QCOMPARE(list->objectName(), QStringLiteral("accountList"));
    QCOMPARE(list->model()->rowCount(), 3);
    for (const char *name :
        {"Add account", "Remove account", "Make default", "Copy access token", "Refresh now",
            "Copy as Authorization header", "Copy curl command", "Copy account ID", "Sign out"})
        QVERIFY2(findByAccessibleName<QPushButton>(&window, QLatin1String(name)), name);
    // The page keeps its names.
    for (const char *name : {"profileName", "profileEmail", "tokenValidity", "sessionStatus"})
        QVERIFY2(window.findChild<QLabel *>(QLatin1String(name)), name);
    QVERIFY(findByAccessibleName<QLineEdit>(&window, QStringLiteral("Account ID")));
}

void TestAccountGui::accountEntriesAreNamed()
{
    AccountWindow window;
    window.setAccounts(threeAccounts());
    QAbstractItemModel *model = accountList(window)->model();
    const QString dana = QStringLiteral("Dana Demo, demo@example.com, Signed in, default account");
    const QString jack = QStringLiteral("Jack Truong, jack.truong@jameshardie.com, on "
                                        "https://127.0.0.1:8443, Offline");
    const QString bot = QStringLiteral("Build server, API key 3fa2c1, Signed out");
    const QStringList expected {dana, jack, bot};
    for (int row = 0; row < 3; ++row) {
        const QModelIndex index = model->index(row, 0);
        QCOMPARE(index.data(Qt::AccessibleTextRole).toString(), expected.at(row));
        QCOMPARE(index.data(Qt::DisplayRole).toString(), expected.at(row));
        QCOMPARE(index.data(Qt::ToolTipRole).toString(), expected.at(row));
    }
    // What the accessibility tree hands a screen reader.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(accountList(window));
    QVERIFY(list);
    QCOMPARE(list->text(QAccessible::Name), QStringLiteral("Accounts"));
    QStringList names;
    for (int i = 0; i < list->childCount(); ++i)
        names << list->child(i)->text(QAccessible::Name);
    QCOMPARE(names, expected);
}

void TestAccountGui::selectionKeptByIdAcrossUpdates()
{
    const QList<AccountListEntry> original = threeAccounts();
    AccountWindow window;
    QSignalSpy changed(&window, &AccountWindow::currentAccountChanged);
    window.setAccounts(original);
    // With nothing chosen yet, the default account is current.
    QCOMPARE(window.currentAccountId(), QStringLiteral("a"));
    QCOMPARE(changed.count(), 1);
    window.setCurrentAccount(QStringLiteral("b"));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.last().at(0).toString(), QStringLiteral("b"));
    QVERIFY(showActive(window));
    auto *add = findByAccessibleName<QPushButton>(&window, QStringLiteral("Add account"));
    add->setFocus();
    QCOMPARE(QApplication::focusWidget(), add);

    QListView *list = accountList(window);
    QSignalSpy reset(list->model(), &QAbstractItemModel::modelReset);
    QSignalSpy removed(list->model(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(list->model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy updated(list->model(), &QAbstractItemModel::dataChanged);
    // A state-only update: rows are updated in place, the selection and the focus stay.
    QList<AccountListEntry> accounts = original;
    accounts[1].stateText = QStringLiteral("Signed in");
    accounts[1].badge = AccountListEntry::Badge::Active;
    accounts[2].stateText = QStringLiteral("Signing in\u2026");
    accounts[2].badge = AccountListEntry::Badge::Busy;
    window.setAccounts(accounts);
    QCOMPARE(window.currentAccountId(), QStringLiteral("b"));
    QCOMPARE(list->currentIndex().row(), 1);
    QCOMPARE(list->currentIndex().data(AccountListModel::IdRole).toString(), QStringLiteral("b"));
    QVERIFY(list->selectionModel()->isSelected(list->currentIndex()));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(updated.count(), 2);
    QCOMPARE(QApplication::focusWidget(), add);
    QCOMPARE(list->currentIndex().data(Qt::AccessibleTextRole).toString(),
        QStringLiteral("Jack Truong, jack.truong@jameshardie.com, on https://127.0.0.1:8443, "
                       "Signed in"));

    // Reordered, and a new account: still the same account, by id, wherever it is now.
    AccountListEntry extra = accounts.at(2);
    extra.id = QStringLiteral("d");
    extra.name = QStringLiteral("Second bot");
    accounts = {accounts.at(2), extra, accounts.at(0), accounts.at(1)};
    window.setAccounts(accounts);
    QCOMPARE(window.currentAccountId(), QStringLiteral("b"));
    QCOMPARE(list->currentIndex().row(), 3);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(QApplication::focusWidget(), add);

    // The current account leaves the list: the default one becomes current, once.
    accounts.removeAt(3);
    window.setAccounts(accounts);
    QCOMPARE(window.currentAccountId(), QStringLiteral("a"));
    QCOMPARE(changed.count(), 3);
    QCOMPARE(changed.last().at(0).toString(), QStringLiteral("a"));
    QCOMPARE(list->currentIndex().data(AccountListModel::IdRole).toString(), QStringLiteral("a"));
    // An unknown id changes nothing; an empty list has no current account.
    window.setCurrentAccount(QStringLiteral("nobody"));
    QCOMPARE(window.currentAccountId(), QStringLiteral("a"));
    window.setAccounts({});
    QCOMPARE(window.currentAccountId(), QString());
    QCOMPARE(changed.count(), 4);
    QCOMPARE(QApplication::focusWidget(), add);
}

void TestAccountGui::listTakesFocusFirstWithSeveralAccounts()
{
    {
        AccountWindow window;
        window.setAccounts(threeAccounts());
        QVERIFY(showActive(window));
        QCOMPARE(QApplication::focusWidget(), accountList(window));
    }
    {
        // With one account, the keyboard starts on the page, as before there was a list.
        AccountWindow window;
        window.setAccounts({threeAccounts().first()});
        QVERIFY(showActive(window));
        QCOMPARE(
            QApplication::focusWidget()->accessibleName(), QStringLiteral("Copy access token"));
    }
}

void TestAccountGui::arrowKeysSwitchAccounts()
{
    AccountWindow window;
    window.setAccounts(threeAccounts());
    QVERIFY(showActive(window));
    QListView *list = accountList(window);
    QCOMPARE(QApplication::focusWidget(), list);
    QSignalSpy changed(&window, &AccountWindow::currentAccountChanged);
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.last().at(0).toString(), QStringLiteral("b"));
    QCOMPARE(window.currentAccountId(), QStringLiteral("b"));
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(changed.last().at(0).toString(), QStringLiteral("c"));
    QTest::keyClick(list, Qt::Key_Up);
    QCOMPARE(changed.count(), 3);
    QCOMPARE(changed.last().at(0).toString(), QStringLiteral("b"));
    QVERIFY(list->selectionModel()->isSelected(list->currentIndex()));
}

void TestAccountGui::deleteAsksBeforeRemoving()
{
    AccountWindow window;
    window.setAccounts(threeAccounts());
    QVERIFY(showActive(window));
    QListView *list = accountList(window);
    QTest::keyClick(list, Qt::Key_Down); // Jack Truong
    QSignalSpy removeRequested(&window, &AccountWindow::removeAccountRequested);
    auto confirmation = [&window] {
        return window.findChild<QMessageBox *>(QStringLiteral("removeAccountConfirmation"));
    };

    // Delete in the list asks first; Cancel (the default button) removes nothing.
    QTest::keyClick(list, Qt::Key_Delete);
    QTRY_VERIFY(confirmation() && confirmation()->isVisible());
    QPointer<QMessageBox> box = confirmation();
    QCOMPARE(box->windowModality(), Qt::WindowModal);
    QCOMPARE(box->text(), QStringLiteral("Remove Jack Truong (jack.truong@jameshardie.com)?"));
    QCOMPARE(box->informativeText(),
        QStringLiteral("This signs the account out on the server and forgets it on this computer. "
                       "Its API access from other computers is not affected."));
    QVERIFY(!box->accessibleName().isEmpty());
    QAbstractButton *cancel = box->button(QMessageBox::Cancel);
    QVERIFY(cancel);
    QCOMPARE(cancel->text(), QStringLiteral("Cancel"));
    QCOMPARE(box->defaultButton(), cancel);
    QAbstractButton *remove = nullptr;
    for (QAbstractButton *button : box->buttons())
        if (button->text() == QStringLiteral("Remove account"))
            remove = button;
    QVERIFY(remove);
    QCOMPARE(box->buttonRole(remove), QMessageBox::DestructiveRole);
    // Return presses the default button: Cancel.
    QTRY_VERIFY(box->isActiveWindow());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(box.isNull());
    QCOMPARE(removeRequested.count(), 0);

    // The Remove account button asks the same; confirming asks to remove that account.
    QTest::mouseClick(findByAccessibleName<QPushButton>(&window, QStringLiteral("Remove account")),
        Qt::LeftButton);
    QTRY_VERIFY(confirmation() && confirmation()->isVisible());
    box = confirmation();
    for (QAbstractButton *button : box->buttons())
        if (button->text() == QStringLiteral("Remove account"))
            QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(removeRequested.count(), 1);
    QCOMPARE(removeRequested.last().at(0).toString(), QStringLiteral("b"));
    QTRY_VERIFY(box.isNull());

    // The account leaves the list while it is asked about: the question goes, unanswered.
    // (Xvfb has no window manager to give the window back its focus.)
    QVERIFY(showActive(window));
    list->setFocus(); // the click above left it on the Remove account button
    QTest::keyClick(list, Qt::Key_Delete);
    QTRY_VERIFY(confirmation() && confirmation()->isVisible());
    box = confirmation();
    QList<AccountListEntry> accounts = threeAccounts();
    accounts.removeAt(1);
    window.setAccounts(accounts);
    QTRY_VERIFY(box.isNull());
    QCOMPARE(removeRequested.count(), 1);
}

void TestAccountGui::makeDefaultOnlyForAnotherAccount()
{
    AccountWindow window;
    window.setAccounts(threeAccounts());
    auto *makeDefault = findByAccessibleName<QPushButton>(&window, QStringLiteral("Make default"));
    QSignalSpy requested(&window, &AccountWindow::makeDefaultRequested);
    QCOMPARE(window.currentAccountId(), QStringLiteral("a"));
    QVERIFY(!makeDefault->isEnabled()); // already the default
    window.setCurrentAccount(QStringLiteral("c"));
    QVERIFY(makeDefault->isEnabled());
    QTest::mouseClick(makeDefault, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.last().at(0).toString(), QStringLiteral("c"));
    // The app makes it so: the button follows.
    QList<AccountListEntry> accounts = threeAccounts();
    accounts[0].isDefault = false;
    accounts[2].isDefault = true;
    window.setAccounts(accounts);
    QCOMPARE(window.currentAccountId(), QStringLiteral("c"));
    QVERIFY(!makeDefault->isEnabled());
}

void TestAccountGui::ctrlNAsksToAddAnAccount()
{
    AccountWindow window;
    window.setAccounts(threeAccounts());
    QVERIFY(showActive(window));
    QSignalSpy requested(&window, &AccountWindow::addAccountRequested);
    QTest::keySequence(QApplication::focusWidget(), QKeySequence(QKeySequence::New));
    QCOMPARE(requested.count(), 1);
    QTest::mouseClick(
        findByAccessibleName<QPushButton>(&window, QStringLiteral("Add account")), Qt::LeftButton);
    QCOMPARE(requested.count(), 2);
}

void TestAccountGui::everyButtonReachableByTab()
{
    AccountWindow window;
    window.setAccounts(threeAccounts());
    window.setCurrentAccount(QStringLiteral("b")); // so that Make default is enabled
    QVERIFY(showActive(window));
    QListView *list = accountList(window);
    QCOMPARE(QApplication::focusWidget(), list);
    QStringList reached;
    for (int i = 0; i < 20; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        if (QApplication::focusWidget() == list)
            break;
        reached << QApplication::focusWidget()->accessibleName();
    }
    QCOMPARE(QApplication::focusWidget(), list); // round the window and back
    const QStringList expected {QStringLiteral("Add account"), QStringLiteral("Remove account"),
        QStringLiteral("Make default"), QStringLiteral("Settings"),
        QStringLiteral("Copy access token"), QStringLiteral("Refresh now"),
        QStringLiteral("Copy as Authorization header"), QStringLiteral("Copy curl command"),
        QStringLiteral("Account ID"), QStringLiteral("Copy account ID"), QStringLiteral("Sign out"),
        QStringLiteral("Account sections")}; // the tabs: then Left/Right choose one
    QCOMPARE(reached, expected);
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
