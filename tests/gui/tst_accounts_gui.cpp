// Several accounts through the real windows: two emulators (server A from the AppRig, server
// B beside it), accounts added, switched, made default and removed by keyboard and mouse; the
// tray's per-account menu; notifications that name their account; --account.
#include "ApiKeysPage.h"
#include "AppRig.h"
#include "Clock.h"
#include "PlanUsagePage.h"
#include "TestUnits.h"
#include "TokenClipboard.h"
#include "TrayHost.h"
#include "TrayIcon.h"
#include "WaitUntil.h"
#include "accounts/AccountManager.h"
#include "api/ApiClient.h"
#include "api/TypedReplies.h"
#include "auth/Session.h"

#include <QAbstractItemView>
#include <QAccessible>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Smtpd;
using namespace TestSupport;

namespace {
const QString JackEmail = QStringLiteral("jack.truong@jameshardie.com");
const QString JackPassword = QStringLiteral("jack-password");
const QString CaFile = QStringLiteral(SMTPD_TEST_CERT_DIR "/ca.pem");
} // namespace

class TestAccountsGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void addAccountOnAnotherServer();
    void keyboardOnlyAddSwitchRemove();
    void sameAccountAgainRenewsInPlace();
    void defaultAccountDrivesTrayAndCopy();
    void trayMenuActsOnEachAccount();
    void notificationsNameTheirAccount();
    void accountOptionChoosesTheShownAccount();
    void accountsRestoreAtStart();
    void renewalFormIsForTheShownAccount();
    void lastAccountSignedOutStillHasAWindow();
    void missingCaFileIsExplained();
    void apiKeyCreatedHereSignsInUntilRevoked();
    void revokedKeyIsRefusedAtTheSignInForm();
    void keyboardOnlyThroughTheConsole();
    void copiedSecretIsMarkedAndClearedAfterTheTimeout();
    void roleThatMayNotManageKeysIsToldSo();
    void consoleLoadsOnceAndFollowsTheShownAccount();

private:
    // Adds an account through Add account → the sign-in window, on `server` (with `caFile`)
    // unless it is empty; true once the list has grown by `added` and the account is shown.
    static bool addThroughWindow(AppRig &rig, const QUrl &server, const QString &email,
        const QString &password, const QString &caFile = CaFile, int added = 1);
    static QAbstractItemView *list(AppRig &rig);
    static QStringList entryNames(AppRig &rig);
    static QMessageBox *visibleConfirmation(QWidget *window);
    // Create key (by mouse) on the shown account's API keys tab, named `name`; the one-time
    // secret dialog once it shows, else null.
    static QDialog *createKeyWithMouse(AppRig &rig, const QString &name);
    // Presses Tab (Shift+Tab when `backwards`) on whatever has the keyboard focus until
    // `target` has it, as a person would; false when it is not reached in `presses`. The
    // widgets passed on the way go to `visited` (for the failure message).
    static bool tabTo(
        QWidget *target, QStringList *visited, int presses = 30, bool backwards = false);
    // Makes `window` the active window: there is no window manager on Xvfb to do it when a
    // dialog opens or closes.
    static bool activate(QWidget *window);
};

void TestAccountsGui::initTestCase()
{
    QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"), "run under Xvfb");
    QSettings().setValue(QStringLiteral("clipboard/clearAfterSeconds"), 2);
}

QAbstractItemView *TestAccountsGui::list(AppRig &rig)
{
    return findByAccessibleName<QAbstractItemView>(
        rig.app().accountWindow(), QStringLiteral("Accounts"));
}

QStringList TestAccountsGui::entryNames(AppRig &rig)
{
    QStringList names;
    QAbstractItemView *view = list(rig);
    for (int row = 0; view && row < view->model()->rowCount(); ++row)
        names.append(view->model()->index(row, 0).data(Qt::AccessibleTextRole).toString());
    return names;
}

QMessageBox *TestAccountsGui::visibleConfirmation(QWidget *window)
{
    const QList<QMessageBox *> boxes
        = window->findChildren<QMessageBox *>(QStringLiteral("removeAccountConfirmation"));
    for (QMessageBox *box : boxes)
        if (box->isVisible())
            return box;
    return nullptr;
}

namespace {
QString describe(QWidget *widget)
{
    if (!widget)
        return QStringLiteral("(nothing)");
    QString name = widget->accessibleName();
    if (name.isEmpty())
        name = widget->objectName();
    return QStringLiteral("%1 \u201c%2\u201d")
        .arg(QLatin1String(widget->metaObject()->className()), name);
}
} // namespace

bool TestAccountsGui::tabTo(QWidget *target, QStringList *visited, int presses, bool backwards)
{
    for (int i = 0; i < presses && QApplication::focusWidget() != target; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            return false;
        QTest::keyClick(focus, backwards ? Qt::Key_Backtab : Qt::Key_Tab,
            backwards ? Qt::ShiftModifier : Qt::NoModifier);
        if (visited)
            visited->append(describe(QApplication::focusWidget()));
    }
    return QApplication::focusWidget() == target;
}

bool TestAccountsGui::activate(QWidget *window)
{
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

QDialog *TestAccountsGui::createKeyWithMouse(AppRig &rig, const QString &name)
{
    AccountWindow *window = rig.app().accountWindow();
    window->showSection(AccountWindow::Section::ApiKeys);
    auto *create = findByAccessibleName<QPushButton>(window, QStringLiteral("Create key"));
    if (!waitUntil([&] { return create->isVisible() && create->isEnabled(); }, 10000))
        return nullptr;
    QTest::mouseClick(create, Qt::LeftButton);
    QDialog *dialog = nullptr;
    if (!waitUntil(
            [&] {
                dialog = window->findChild<QDialog *>(QStringLiteral("createKeyDialog"));
                return dialog && dialog->isVisible();
            },
            5000))
        return nullptr;
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("newKeyName")), name);
    QTest::mouseClick(
        findByAccessibleName<QPushButton>(dialog, QStringLiteral("Create key")), Qt::LeftButton);
    QDialog *secret = nullptr;
    waitUntil(
        [&] {
            secret = window->findChild<QDialog *>(QStringLiteral("oneTimeSecretDialog"));
            return secret && secret->isVisible();
        },
        10000);
    return secret;
}

bool TestAccountsGui::addThroughWindow(AppRig &rig, const QUrl &server, const QString &email,
    const QString &password, const QString &caFile, int added)
{
    const qsizetype before = rig.app().accounts()->accounts().size();
    auto *add = findByAccessibleName<QPushButton>(
        rig.app().accountWindow(), QStringLiteral("Add account"));
    if (!add)
        return false;
    QTest::mouseClick(add, Qt::LeftButton);
    SignInWindow *window = rig.app().signInWindow();
    if (!waitUntil([&] { return window->isVisible(); }, 5000))
        return false;
    if (!server.isEmpty()) {
        auto *other = findByAccessibleName<QToolButton>(window, QStringLiteral("Other server"));
        if (!other)
            return false;
        if (!other->isChecked())
            QTest::mouseClick(other, Qt::LeftButton);
        auto *serverField = findByAccessibleName<QLineEdit>(window, QStringLiteral("Server"));
        auto *caField = findByAccessibleName<QLineEdit>(window, QStringLiteral("CA file"));
        if (!serverField || !caField || !serverField->isVisible())
            return false;
        serverField->clear();
        QTest::keyClicks(serverField, server.toString());
        caField->clear();
        QTest::keyClicks(caField, caFile);
    }
    auto *emailField = findByAccessibleName<QLineEdit>(window, QStringLiteral("Email"));
    auto *passwordField = findByAccessibleName<QLineEdit>(window, QStringLiteral("Password"));
    emailField->clear();
    QTest::keyClicks(emailField, email);
    QTest::keyClicks(passwordField, password);
    QTest::keyClick(passwordField, Qt::Key_Return);
    const bool done = waitUntil(
        [&] {
            Account *current = rig.app().currentAccount();
            return rig.app().accounts()->accounts().size() == before + added && current
                && current->session()->state() == Session::State::Active
                && current->session()->profile().isValid() && !window->isVisible()
                && rig.app().accountWindow()->isVisible();
        },
        15000);
    if (!done) // say why, for the log
        if (auto *error = window->findChild<QLabel *>(QStringLiteral("signInError"));
            error && error->isVisible())
            qWarning("the sign-in form says: %s", qPrintable(error->text()));
    return done;
}

void TestAccountsGui::addAccountOnAnotherServer()
{
    AppRig rig;
    EmulatorFixture b;
    QVERIFY(rig.isReady() && b.isRunning());
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QCOMPARE(entryNames(rig).size(), 1);

    QVERIFY(addThroughWindow(rig, b.baseUrl(), JackEmail, JackPassword));
    Account *jack = rig.app().currentAccount();
    QCOMPARE(jack->origin(), serverOrigin(b.baseUrl()));
    QCOMPARE(jack->record().caFile, CaFile);
    // Each entry names the account and, off the production server, its server.
    const QStringList names = entryNames(rig);
    QCOMPARE(names.size(), 2);
    QVERIFY2(names.at(0).contains(DemoEmail)
            && names.at(0).contains(serverOrigin(rig.emulator().baseUrl())),
        qPrintable(names.at(0)));
    QVERIFY2(names.at(1).contains(JackEmail) && names.at(1).contains(serverOrigin(b.baseUrl())),
        qPrintable(names.at(1)));
    // Jack's token went to B only; Dana's stays on A.
    QCOMPARE(countRequests(b.server(), QStringLiteral("/oauth/token")), 1);
    QCOMPARE(countRequests(rig.emulator().server(), QStringLiteral("/oauth/token")), 1);
    QCOMPARE(rig.app().accounts()->defaultAccount()->who(), DemoEmail); // the first stays default
}

void TestAccountsGui::keyboardOnlyAddSwitchRemove()
{
    AppRig rig;
    QVERIFY(rig.isReady());
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    AccountWindow *window = rig.app().accountWindow();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));

    // Ctrl+N: Add account, typed in and sent with Return.
    QTest::keySequence(window, QKeySequence::New);
    SignInWindow *signIn = rig.app().signInWindow();
    QTRY_VERIFY_WITH_TIMEOUT(signIn->isVisible(), 5000);
    signIn->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(signIn));
    auto *email = findByAccessibleName<QLineEdit>(signIn, QStringLiteral("Email"));
    QTRY_VERIFY(email->hasFocus());
    email->selectAll();
    QTest::keyClicks(email, JackEmail);
    QTest::keyClick(email, Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), JackPassword);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        rig.app().accounts()->accounts().size() == 2 && !signIn->isVisible(), 15000);
    QCOMPARE(rig.app().currentAccount()->who(), JackEmail);

    // Up/Down switch the page.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QAbstractItemView *view = list(rig);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Up);
    QTRY_COMPARE(rig.app().currentAccount()->who(), DemoEmail);
    QTest::keyClick(view, Qt::Key_Down);
    QTRY_COMPARE(rig.app().currentAccount()->who(), JackEmail);
    // Alt+Up moves Jack to the top (and it stays so); Alt+Down back.
    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
    QTRY_COMPARE(rig.app().accounts()->accounts().first()->who(), JackEmail);
    QVERIFY(entryNames(rig).first().contains(JackEmail));
    QCOMPARE(rig.app().currentAccount()->who(), JackEmail);
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QTRY_COMPARE(rig.app().accounts()->accounts().last()->who(), JackEmail);

    // Delete asks first; Escape keeps the account.
    QTest::keyClick(view, Qt::Key_Delete);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = visibleConfirmation(window)));
    QVERIFY(box->text().contains(JackEmail) || box->informativeText().contains(JackEmail)
        || box->text().contains(QStringLiteral("Jack")));
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!box->isVisible());
    QCOMPARE(rig.app().accounts()->accounts().size(), 2);

    // Delete again, then the Remove account button, pressed with the space bar. (No window
    // manager here: the window is made active again by hand after the box.)
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Delete);
    QTRY_VERIFY((box = visibleConfirmation(window)));
    QAbstractButton *remove = nullptr;
    for (QAbstractButton *button : box->buttons())
        if (box->buttonRole(button) == QMessageBox::DestructiveRole
            || box->buttonRole(button) == QMessageBox::AcceptRole)
            remove = button;
    QVERIFY(remove);
    // Cancel has the focus; Tab reaches Remove account.
    box->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(box));
    QTRY_COMPARE(QApplication::focusWidget(), box->defaultButton());
    for (int i = 0; i < 4 && QApplication::focusWidget() != remove; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), remove);
    QTest::keyClick(remove, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(rig.app().accounts()->accounts().size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(
        countRequests(rig.emulator().server(), QStringLiteral("/oauth/revoke"), 200), 1, 10000);
    QCOMPARE(rig.app().currentAccount()->who(), DemoEmail);
    QCOMPARE(toString(rig.session().state()), toString(Session::State::Active));
    QCOMPARE(rig.emulator().server().accounts().liveRefreshTokens().size(), 1); // Dana's
}

void TestAccountsGui::sameAccountAgainRenewsInPlace()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    Account *dana = rig.app().currentAccount();
    auto *add = findByAccessibleName<QPushButton>(
        rig.app().accountWindow(), QStringLiteral("Add account"));
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_VERIFY(rig.app().signInWindow()->isVisible());
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QTRY_VERIFY(!rig.app().signInWindow()->isVisible());
    QCOMPARE(rig.app().accounts()->accounts().size(), 1);
    QCOMPARE(rig.app().currentAccount(), dana);
    QCOMPARE(countRequests(rig.emulator().server(), QStringLiteral("/oauth/token")), 2);
}

void TestAccountsGui::defaultAccountDrivesTrayAndCopy()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QVERIFY(addThroughWindow(rig, {}, JackEmail, JackPassword));
    Account *jack = rig.app().currentAccount();
    auto *makeDefault = findByAccessibleName<QPushButton>(
        rig.app().accountWindow(), QStringLiteral("Make default"));
    QVERIFY(makeDefault && makeDefault->isEnabled());
    QTest::mouseClick(makeDefault, Qt::LeftButton);
    QCOMPARE(rig.app().accounts()->defaultAccount(), jack);
    QVERIFY(!makeDefault->isEnabled());
    QVERIFY(entryNames(rig).at(1).contains(QStringLiteral("default")));

    // The tray's top Copy access token copies the default account's token.
    QAction *copy = rig.app().tray()->menu()->findChild<QAction *>(QStringLiteral("trayCopy"));
    QVERIFY(copy);
    copy->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!readXClipboard().isEmpty(), 10000);
    QString jackToken;
    jack->session()->withFreshToken(
        this, [&](const QString &t, const ApiError &) { jackToken = t; });
    QTRY_VERIFY(!jackToken.isEmpty());
    QCOMPARE(QString::fromUtf8(readXClipboard()), jackToken);
    // The default survives a restart.
    rig.restartApp();
    QCOMPARE(rig.app().accounts()->defaultAccount()->who(), JackEmail);
    QCOMPARE(rig.app().currentAccount()->who(), JackEmail); // the window opens on it
}

void TestAccountsGui::trayMenuActsOnEachAccount()
{
    AppRig rig;
    EmulatorFixture b;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QVERIFY(addThroughWindow(rig, b.baseUrl(), DemoEmail, DemoPassword));
    QMenu *menu = rig.app().tray()->menu();
    QList<QMenu *> submenus;
    for (QAction *action : menu->actions())
        if (action->menu())
            submenus.append(action->menu());
    QCOMPARE(submenus.size(), 2);
    QVERIFY(submenus.at(1)->title().contains(QString::number(b.baseUrl().port())));
    // Same name, same email: the titles still tell them apart (and name the email).
    QVERIFY(submenus.at(0)->title() != submenus.at(1)->title());
    QVERIFY(submenus.at(0)->title().contains(DemoEmail));
    // Refresh now in B's submenu refreshes on B only.
    const int refreshesOnA = countRequests(rig.emulator().server(), QStringLiteral("/oauth/token"));
    QAction *refresh = nullptr;
    for (QAction *action : submenus.at(1)->actions())
        if (action->text().remove(QLatin1Char('&')) == QStringLiteral("Refresh now"))
            refresh = action;
    QVERIFY(refresh && refresh->isEnabled());
    refresh->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(countRequests(b.server(), QStringLiteral("/oauth/token")), 2, 10000);
    QCOMPARE(countRequests(rig.emulator().server(), QStringLiteral("/oauth/token")), refreshesOnA);
    // The tooltip lists both accounts.
    const QString tip = rig.app().tray()->toolTip();
    QVERIFY2(tip.count(QStringLiteral("Dana Demo")) == 2, qPrintable(tip));
}

void TestAccountsGui::notificationsNameTheirAccount()
{
    TrayHost host; // notifications go through the tray
    QVERIFY(host.isUp());
    AppRig rig;
    EmulatorFixture b;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QVERIFY(addThroughWindow(rig, b.baseUrl(), JackEmail, JackPassword));
    Account *jack = rig.app().currentAccount();
    Account *dana = rig.app().accounts()->accounts().first();
    // Jack signs in on another machine; his next refresh learns it.
    {
        QNetworkAccessManager network;
        SystemClock clock;
        ApiClient api(&network, &clock);
        api.setServer(b.baseUrl(), EmulatorFixture::caCertificates());
        std::unique_ptr<TokenReply> grant(api.grantPassword(JackEmail, JackPassword));
        QVERIFY(waitForReply(grant.get()));
    }
    jack->session()->refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(jack->session()->state()), toString(Session::State::Expired), 10000);
    QCOMPARE(toString(dana->session()->state()), toString(Session::State::Active));
    QTRY_VERIFY(!rig.app().tray()->shownMessages().isEmpty());
    const QStringList shown = rig.app().tray()->shownMessages();
    QVERIFY2(shown.last().contains(QStringLiteral("Jack Truong")), qPrintable(shown.last()));
    // Jack's entry says so; with two accounts the window stays, and the sign-in form opens for
    // Jack (his account is the one shown).
    QTRY_VERIFY(entryNames(rig).at(1).contains(QStringLiteral("sign in again"), Qt::CaseInsensitive)
        || entryNames(rig).at(1).contains(QStringLiteral("ended"), Qt::CaseInsensitive));
    rig.app().raiseWindow(); // with a tray the windows may sit in it
    QTRY_VERIFY(rig.app().accountWindow()->isVisible());
    QTRY_VERIFY(rig.app().signInWindow()->isVisible());
    auto *email
        = findByAccessibleName<QLineEdit>(rig.app().signInWindow(), QStringLiteral("Email"));
    QCOMPARE(email->text(), JackEmail);
    auto *server
        = findByAccessibleName<QLineEdit>(rig.app().signInWindow(), QStringLiteral("Server"));
    QCOMPARE(serverOrigin(QUrl(server->text())), serverOrigin(b.baseUrl()));
    QVERIFY(server->isReadOnly());
    // Closed, the form leaves Jack listed as signed out; his page offers the way back in.
    rig.app().signInWindow()->close();
    QTRY_VERIFY(!rig.app().signInWindow()->isVisible());
    QVERIFY(rig.app().accountWindow()->isVisible());
    QCOMPARE(rig.app().currentAccount(), jack);
    auto *again = findByAccessibleName<QPushButton>(
        rig.app().accountWindow(), QStringLiteral("Sign in again now"));
    QVERIFY(again && again->isVisible());
    QTest::mouseClick(again, Qt::LeftButton);
    QTRY_VERIFY(rig.app().signInWindow()->isVisible());
    QCOMPARE(email->text(), JackEmail);
    // Signing in again there renews Jack's account in place.
    QVERIFY(rig.signInThroughWindow(JackEmail, JackPassword));
    QTRY_VERIFY(!again->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(jack->session()->state()), toString(Session::State::Active), 10000);
    QCOMPARE(rig.app().accounts()->accounts().size(), 2);
}

void TestAccountsGui::accountOptionChoosesTheShownAccount()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QVERIFY(addThroughWindow(rig, {}, JackEmail, JackPassword));
    rig.restartApp(QStringLiteral("Jack Truong"));
    QCOMPARE(rig.app().currentAccount()->who(), JackEmail);
    rig.restartApp(DemoEmail);
    QCOMPARE(rig.app().currentAccount()->who(), DemoEmail);
    rig.restartApp(QStringLiteral("nobody@example.com")); // unknown: the default one
    QCOMPARE(rig.app().currentAccount()->who(), DemoEmail);
}

void TestAccountsGui::accountsRestoreAtStart()
{
    AppRig rig;
    EmulatorFixture b;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QVERIFY(addThroughWindow(rig, {}, JackEmail, JackPassword));
    QVERIFY(addThroughWindow(rig, b.baseUrl(), DemoEmail, DemoPassword));
    rig.emulator().server().clearRequests();
    b.server().clearRequests();
    Application &app = rig.restartApp();
    QTRY_VERIFY_WITH_TIMEOUT(
        app.accounts()->accounts().size() == 3 &&
            [&] {
                for (Account *account : app.accounts()->accounts())
                    if (account->session()->state() != Session::State::Active)
                        return false;
                return true;
            }(),
        15000);
    QTRY_VERIFY_WITH_TIMEOUT(app.accountWindow()->isVisible(), 5000);
    QVERIFY(!app.signInWindow()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(
        countRequests(rig.emulator().server(), QStringLiteral("/oauth/me")) == 2
            && countRequests(b.server(), QStringLiteral("/oauth/me")) == 1,
        10000);
    QCOMPARE(countRequests(rig.emulator().server(), QStringLiteral("/oauth/token")), 0);
    QCOMPARE(countRequests(b.server(), QStringLiteral("/oauth/token")), 0);
    QCOMPARE(entryNames(rig).size(), 3);
}

// Renewing one account while another was the last one added: the form is for the shown
// account (its email, its server), renews it, and leaves the other alone.
void TestAccountsGui::renewalFormIsForTheShownAccount()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QVERIFY(addThroughWindow(rig, {}, JackEmail, JackPassword)); // Jack typed last
    Account *dana = rig.app().accounts()->accounts().first();
    Account *jack = rig.app().currentAccount();
    QAbstractItemView *view = list(rig);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
        view->visualRect(view->model()->index(0, 0)).center());
    QTRY_COMPARE(rig.app().currentAccount(), dana);
    // Dana's session says its 30-day end is near; then Jack is shown, then Dana again: the
    // offer is still there for her.
    emit dana->session()->sessionEndingSoon(QDateTime::currentDateTimeUtc().addSecs(20 * 3600));
    auto *again = findByAccessibleName<QPushButton>(
        rig.app().accountWindow(), QStringLiteral("Sign in again now"));
    QTRY_VERIFY(again->isVisible());
    rig.app().setCurrentAccount(jack);
    QTRY_VERIFY(!again->isVisible());
    rig.app().setCurrentAccount(dana);
    QTRY_VERIFY(again->isVisible());
    QTest::mouseClick(again, Qt::LeftButton);
    SignInWindow *form = rig.app().signInWindow();
    QTRY_VERIFY(form->isVisible());
    QCOMPARE(findByAccessibleName<QLineEdit>(form, QStringLiteral("Email"))->text(), DemoEmail);
    auto *password = findByAccessibleName<QLineEdit>(form, QStringLiteral("Password"));
    QTest::keyClicks(password, DemoPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!form->isVisible(), 10000);
    QCOMPARE(rig.app().currentAccount(), dana);
    QTRY_VERIFY(!again->isVisible());
    // Dana signed in twice, Jack once; both active.
    QCOMPARE(countRequests(rig.emulator().server(), QStringLiteral("/oauth/token")), 3);
    QCOMPARE(toString(jack->session()->state()), toString(Session::State::Active));
    QCOMPARE(toString(dana->session()->state()), toString(Session::State::Active));
}

// The form of a signed-out account was closed, then the other account removed: the app does
// not vanish — the sign-in form comes back for the one left.
void TestAccountsGui::lastAccountSignedOutStillHasAWindow()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QVERIFY(addThroughWindow(rig, {}, JackEmail, JackPassword));
    Account *jack = rig.app().currentAccount();
    Account *dana = rig.app().accounts()->accounts().first();
    jack->session()->signOut();
    QTRY_VERIFY(rig.app().signInWindow()->isVisible());
    rig.app().signInWindow()->close();
    QTRY_VERIFY(!rig.app().signInWindow()->isVisible());
    QVERIFY(rig.app().accountWindow()->isVisible());
    rig.app().accounts()->remove(dana);
    QTRY_VERIFY(rig.app().signInWindow()->isVisible());
    QCOMPARE(rig.app().currentAccount(), jack);
    QCOMPARE(
        findByAccessibleName<QLineEdit>(rig.app().signInWindow(), QStringLiteral("Email"))->text(),
        JackEmail);
}

// An account's CA file went away: the page says why it cannot connect, and Add account with
// a working CA file mends it in place.
void TestAccountsGui::missingCaFileIsExplained()
{
    AppRig rig;
    EmulatorFixture b;
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("private-ca.pem"));
    QVERIFY(QFile::copy(CaFile, copy));
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QVERIFY(addThroughWindow(rig, b.baseUrl(), JackEmail, JackPassword, copy));
    QVERIFY(QFile::remove(copy));
    Application &app = rig.restartApp(JackEmail);
    Account *jack = app.currentAccount();
    QCOMPARE(jack->who(), JackEmail);
    QVERIFY(!jack->problem().isEmpty());
    auto *status = app.accountWindow()->findChild<QLabel *>(QStringLiteral("sessionStatus"));
    QVERIFY(status);
    QTRY_VERIFY(status->text().contains(QStringLiteral("server settings cannot be used")));
    QVERIFY2(status->text().contains(copy), qPrintable(status->text()));
    QTRY_VERIFY_WITH_TIMEOUT(jack->session()->state() != Session::State::Restoring, 10000);
    QVERIFY(addThroughWindow(rig, b.baseUrl(), JackEmail, JackPassword, CaFile, 0));
    QVERIFY(jack->problem().isEmpty());
    QCOMPARE(jack->record().caFile, CaFile);
    QCOMPARE(app.accounts()->accounts().size(), 2);
}

// Issue 9, point 6, through the widgets: Create key → the secret shown once → sign in with it
// (a second account) → Revoke → that key's sign-in fails with the server's message and its
// session ends.
void TestAccountsGui::apiKeyCreatedHereSignsInUntilRevoked()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    Account *dana = rig.app().currentAccount();
    AccountWindow *window = rig.app().accountWindow();
    window->showSection(AccountWindow::Section::ApiKeys);
    auto *table = window->findChild<QTableView *>(QStringLiteral("apiKeyTable"));
    QTRY_VERIFY_WITH_TIMEOUT(table->isVisible() && table->model()->rowCount() >= 1, 10000);
    const int before = table->model()->rowCount();

    QTest::mouseClick(
        findByAccessibleName<QPushButton>(window, QStringLiteral("Create key")), Qt::LeftButton);
    QDialog *create = nullptr;
    QTRY_VERIFY((create = window->findChild<QDialog *>(QStringLiteral("createKeyDialog")))
        && create->isVisible());
    QTest::keyClicks(
        create->findChild<QLineEdit *>(QStringLiteral("newKeyName")), QStringLiteral("CI runner"));
    QTest::mouseClick(
        findByAccessibleName<QPushButton>(create, QStringLiteral("Create key")), Qt::LeftButton);
    QDialog *secretDialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (secretDialog = window->findChild<QDialog *>(QStringLiteral("oneTimeSecretDialog")))
            && secretDialog->isVisible(),
        10000);
    const QString key = secretDialog->findChild<QLineEdit *>(QStringLiteral("newKey"))->text();
    const QString secret
        = secretDialog->findChild<QLineEdit *>(QStringLiteral("newSecret"))->text();
    QVERIFY(!key.isEmpty() && !secret.isEmpty());
    secretDialog->findChild<QCheckBox *>(QStringLiteral("secretStored"))->setChecked(true);
    QTest::mouseClick(
        findByAccessibleName<QPushButton>(secretDialog, QStringLiteral("Close")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), before + 1, 10000); // listed
    QVERIFY(!QSettings().allKeys().join(QLatin1Char(' ')).contains(secret));

    // Sign in with it: a second account, by key and secret.
    QTest::mouseClick(
        findByAccessibleName<QPushButton>(window, QStringLiteral("Add account")), Qt::LeftButton);
    SignInWindow *form = rig.app().signInWindow();
    QTRY_VERIFY(form->isVisible());
    form->findChild<QRadioButton *>(QStringLiteral("modeApiKey"))->click();
    auto *user = findByAccessibleName<QLineEdit>(form, QStringLiteral("API key"));
    auto *pass = findByAccessibleName<QLineEdit>(form, QStringLiteral("Secret"));
    QVERIFY(user && pass);
    user->clear();
    QTest::keyClicks(user, key);
    QTest::keyClicks(pass, secret);
    QTest::keyClick(pass, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(rig.app().accounts()->accounts().size() == 2
            && rig.app().currentAccount()->session()->state() == Session::State::Active,
        10000);
    Account *keyAccount = rig.app().currentAccount();

    // Back on Dana's keys: revoke it, after the confirmation naming it.
    rig.app().setCurrentAccount(dana);
    window->showSection(AccountWindow::Section::ApiKeys);
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), before + 1, 10000);
    int row = -1;
    for (int r = 0; r < table->model()->rowCount(); ++r)
        if (table->model()->index(r, 0).data().toString() == QStringLiteral("CI runner"))
            row = r;
    QVERIFY(row >= 0);
    table->selectRow(row);
    QTest::mouseClick(
        findByAccessibleName<QPushButton>(window, QStringLiteral("Revoke key")), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window->findChild<QMessageBox *>(QStringLiteral("revokeKeyConfirmation")))
        && box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("CI runner")));
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == QMessageBox::DestructiveRole)
            b->click();
    auto revoked = [&] { // PUT /api/v1/account/api_key/:id/revoke answered 200
        for (const auto &r : rig.emulator().server().requests())
            if (r.path.startsWith(QStringLiteral("/api/v1/"))
                && r.path.endsWith(QStringLiteral("/revoke")) && r.status == 200)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(revoked(), 10000);

    // Its sign-in now fails with the server's message; its session ends at the next refresh.
    QNetworkAccessManager network;
    SystemClock clock;
    ApiClient api(&network, &clock);
    api.setServer(rig.emulator().baseUrl(), EmulatorFixture::caCertificates());
    std::unique_ptr<TokenReply> grant(api.grantPassword(key, secret));
    QVERIFY(waitForReply(grant.get()));
    QCOMPARE(grant->error().serverCode(), 40102);
    QVERIFY(!grant->error().userMessage().isEmpty());
    keyAccount->session()->refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(keyAccount->session()->state()), toString(Session::State::Expired), 10000);
    QCOMPARE(toString(dana->session()->state()), toString(Session::State::Active));
}

// A key revoked here is refused at the sign-in form: typed in API key mode and sent with
// Return, the form says in words that the key cannot sign in, and no account is added.
void TestAccountsGui::revokedKeyIsRefusedAtTheSignInForm()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    Account *dana = rig.app().currentAccount();
    AccountWindow *window = rig.app().accountWindow();
    QPointer<QDialog> secretDialog = createKeyWithMouse(rig, QStringLiteral("Old deploy"));
    QVERIFY(secretDialog);
    const QString key = secretDialog->findChild<QLineEdit *>(QStringLiteral("newKey"))->text();
    const QString secret
        = secretDialog->findChild<QLineEdit *>(QStringLiteral("newSecret"))->text();
    QVERIFY(!key.isEmpty() && !secret.isEmpty());
    QTest::mouseClick(
        secretDialog->findChild<QCheckBox *>(QStringLiteral("secretStored")), Qt::LeftButton);
    QTest::mouseClick(
        findByAccessibleName<QPushButton>(secretDialog, QStringLiteral("Close")), Qt::LeftButton);
    QTRY_VERIFY(!secretDialog || !secretDialog->isVisible());

    // Revoke it, confirmed.
    auto *table = window->findChild<QTableView *>(QStringLiteral("apiKeyTable"));
    auto rowOf = [&](const QString &name) {
        for (int r = 0; r < table->model()->rowCount(); ++r)
            if (table->model()->index(r, 0).data().toString() == name)
                return r;
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("Old deploy")) >= 0, 10000);
    table->selectRow(rowOf(QStringLiteral("Old deploy")));
    QTest::mouseClick(
        findByAccessibleName<QPushButton>(window, QStringLiteral("Revoke key")), Qt::LeftButton);
    QPointer<QMessageBox> box;
    QTRY_VERIFY((box = window->findChild<QMessageBox *>(QStringLiteral("revokeKeyConfirmation")))
        && box->isVisible());
    QTest::mouseClick(
        findByAccessibleName<QPushButton>(box, QStringLiteral("Revoke key")), Qt::LeftButton);
    auto revokes = [&] {
        int n = 0;
        for (const auto &r : rig.emulator().server().requests())
            n += r.path.startsWith(QStringLiteral("/api/v1/account/api_key/"))
                && r.path.endsWith(QStringLiteral("/revoke")) && r.status == 200;
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(revokes(), 1, 10000);

    // Add account → API key and secret → the revoked key, Return.
    const int refusedBefore
        = countRequests(rig.emulator().server(), QStringLiteral("/oauth/token"), 403);
    QTest::mouseClick(
        findByAccessibleName<QPushButton>(window, QStringLiteral("Add account")), Qt::LeftButton);
    SignInWindow *form = rig.app().signInWindow();
    QTRY_VERIFY(form->isVisible());
    QTest::mouseClick(
        form->findChild<QRadioButton *>(QStringLiteral("modeApiKey")), Qt::LeftButton);
    auto *user = findByAccessibleName<QLineEdit>(form, QStringLiteral("API key"));
    auto *pass = findByAccessibleName<QLineEdit>(form, QStringLiteral("Secret"));
    QVERIFY(user && pass && user->isVisible());
    user->selectAll();
    QTest::keyClicks(user, key);
    QTest::keyClicks(pass, secret);
    QTest::keyClick(pass, Qt::Key_Return);

    // The server refused it (403 40102); the form says why, in words about the key.
    auto *error = form->findChild<QLabel *>(QStringLiteral("signInError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() && !error->text().isEmpty(), 10000);
    QCOMPARE(countRequests(rig.emulator().server(), QStringLiteral("/oauth/token"), 403),
        refusedBefore + 1);
    const QString shown = error->text();
    QVERIFY2(shown.contains(QStringLiteral("API key"))
            && shown.contains(QStringLiteral("cannot sign in")),
        qPrintable(shown));
    QVERIFY2(!shown.contains(secret), "the secret is never echoed");
    QVERIFY(form->isVisible());
    QVERIFY(pass->text().isEmpty()); // the secret is not kept in the form
    QCOMPARE(rig.app().accounts()->accounts().size(), 1);
    QCOMPARE(rig.app().currentAccount(), dana);
    QCOMPARE(toString(dana->session()->state()), toString(Session::State::Active));
}

// The console by keyboard alone, through the real app: Ctrl+Tab to API keys; Tab to the
// filter, Create key (a name, a role by the arrow keys, Return); in the one-time secret
// dialog Copy API key, Copy secret, the confirmation and Close; the new key's row, its
// sessions and Revoke (confirmed); Ctrl+Tab to Plan & usage, its Refresh and the figures in
// words.
void TestAccountsGui::keyboardOnlyThroughTheConsole()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    AccountWindow *window = rig.app().accountWindow();
    QVERIFY(activate(window));
    QTRY_VERIFY(QApplication::focusWidget() && window->isAncestorOf(QApplication::focusWidget()));
    auto answered = [&](const char *method, const QString &path, int status) {
        int n = 0;
        for (const auto &r : rig.emulator().server().requests())
            n += r.method == method && r.path == path && r.status == status;
        return n;
    };
    auto keyCalls = [&](const char *method, const QString &suffix) {
        int n = 0;
        for (const auto &r : rig.emulator().server().requests())
            n += r.method == method && r.path.startsWith(QStringLiteral("/api/v1/account/api_key/"))
                && r.path.endsWith(suffix) && r.status == 200;
        return n;
    };
    const QString keysPath = QStringLiteral("/api/v1/account/api_key");
    QStringList visited; // where the focus went, for a failure's message
    auto path = [&] { return qPrintable(visited.join(QStringLiteral(" \u2192 "))); };

    // Ctrl+Tab brings up API keys; the keyboard goes along, and the list loads.
    QCOMPARE(window->shownSection(), AccountWindow::Section::Account);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(window->shownSection(), AccountWindow::Section::ApiKeys);
    ApiKeysPage *page = window->apiKeysPage();
    QVERIFY2(page->isAncestorOf(QApplication::focusWidget()),
        qPrintable(describe(QApplication::focusWidget())));
    auto *table = page->findChild<QTableView *>(QStringLiteral("apiKeyTable"));
    QTRY_VERIFY_WITH_TIMEOUT(table->isVisible() && table->model()->rowCount() >= 1, 10000);
    QCOMPARE(answered("GET", keysPath, 200), 1);

    // Tab to the filter and type: no key has that name yet.
    auto *filter = findByAccessibleName<QLineEdit>(page, QStringLiteral("Filter keys"));
    QVERIFY2(tabTo(filter, &visited), path());
    QTest::keyClicks(filter, QStringLiteral("CI runner"));
    QCOMPARE(table->model()->rowCount(), 0);

    // Tab, Tab: Refresh keys, then Create key (the row's order); Space: the dialog opens on
    // the name; a role by the arrow keys; Return.
    auto *create = findByAccessibleName<QPushButton>(page, QStringLiteral("Create key"));
    visited.clear();
    QVERIFY2(tabTo(create, &visited, 2), path());
    QTest::keyClick(create, Qt::Key_Space);
    QPointer<QDialog> createDialog;
    QTRY_VERIFY((createDialog = window->findChild<QDialog *>(QStringLiteral("createKeyDialog")))
        && createDialog->isVisible());
    QVERIFY(activate(createDialog));
    auto *name = findByAccessibleName<QLineEdit>(createDialog, QStringLiteral("Key name"));
    QTRY_COMPARE(QApplication::focusWidget(), name);
    QTest::keyClicks(name, QStringLiteral("CI runner"));
    auto *role = findByAccessibleName<QComboBox>(createDialog, QStringLiteral("Role"));
    visited.clear();
    QVERIFY2(tabTo(role, &visited), path());
    for (int i = 0; i < role->count() && role->currentText() != QStringLiteral("Read only"); ++i)
        QTest::keyClick(role, Qt::Key_Down);
    QCOMPARE(role->currentText(), QStringLiteral("Read only"));
    QVERIFY2(role->accessibleDescription().contains(QStringLiteral("change nothing")),
        qPrintable(role->accessibleDescription())); // the meaning follows the choice
    const QString roleId = role->currentData().toString();
    QTest::keyClick(role, Qt::Key_Return);
    QTRY_VERIFY(!createDialog || !createDialog->isVisible());

    // The one-time secret: Copy API key, Copy secret, each by Tab and Space.
    QPointer<QDialog> secretDialog;
    QTRY_VERIFY_WITH_TIMEOUT(
        (secretDialog = window->findChild<QDialog *>(QStringLiteral("oneTimeSecretDialog")))
            && secretDialog->isVisible(),
        10000);
    QCOMPARE(answered("POST", keysPath, 200) + answered("POST", keysPath, 201), 1);
    const QString key = secretDialog->findChild<QLineEdit *>(QStringLiteral("newKey"))->text();
    const QString secret
        = secretDialog->findChild<QLineEdit *>(QStringLiteral("newSecret"))->text();
    QVERIFY(!key.isEmpty() && !secret.isEmpty());
    const auto *made = rig.emulator().server().accounts().apiKeys().findByKey(key);
    QVERIFY(made);
    QCOMPARE(made->name, QStringLiteral("CI runner"));
    QCOMPARE(made->role, roleId);
    QVERIFY(activate(secretDialog));
    QTRY_VERIFY(
        QApplication::focusWidget() && secretDialog->isAncestorOf(QApplication::focusWidget()));
    auto *copyKey = findByAccessibleName<QPushButton>(secretDialog, QStringLiteral("Copy API key"));
    auto *copySecret
        = findByAccessibleName<QPushButton>(secretDialog, QStringLiteral("Copy secret"));
    auto *stored
        = findByAccessibleName<QCheckBox>(secretDialog, QStringLiteral("I have copied the secret"));
    auto *close = findByAccessibleName<QPushButton>(secretDialog, QStringLiteral("Close"));
    QVERIFY(copyKey && copySecret && stored && close);
    visited.clear();
    QVERIFY2(tabTo(copyKey, &visited), path());
    QTest::keyClick(copyKey, Qt::Key_Space);
    QCOMPARE(QString::fromUtf8(readXClipboard()), key);
    visited.clear();
    QVERIFY2(tabTo(copySecret, &visited), path());
    QTest::keyClick(copySecret, Qt::Key_Space);
    QCOMPARE(QString::fromUtf8(readXClipboard()), secret);
    // Close waits for the confirmation: Tab to it, Space; then Tab to Close, Space.
    QVERIFY(!close->isEnabled());
    visited.clear();
    QVERIFY2(tabTo(stored, &visited), path());
    QTest::keyClick(stored, Qt::Key_Space);
    QVERIFY(stored->isChecked());
    QVERIFY(close->isEnabled());
    visited.clear();
    QVERIFY2(tabTo(close, &visited), path());
    QTest::keyClick(close, Qt::Key_Space);
    QTRY_VERIFY(!secretDialog || !secretDialog->isVisible());
    QVERIFY(!window->findChild<QMessageBox *>(QStringLiteral("closeSecretConfirmation")));

    // Back in the window, on Create key; the filter shows the new key alone. Tab: the list
    // (under the filter row); Space selects the row.
    QVERIFY(activate(window));
    QCOMPARE(QApplication::focusWidget(), create);
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 10000);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("CI runner"));
    QCOMPARE(answered("GET", keysPath, 200), 2); // listed again after the create
    visited.clear();
    QVERIFY2(tabTo(table, &visited, 1), path());
    QTest::keyClick(table, Qt::Key_Space);
    QVERIFY(table->selectionModel()->isRowSelected(0, {}));

    // Tab, Tab: Copy key, then Show sessions (left to right under the list); Space: the side
    // panel, from the key's sessions.
    auto *sessions = findByAccessibleName<QPushButton>(page, QStringLiteral("Show sessions"));
    visited.clear();
    QVERIFY2(tabTo(sessions, &visited, 2), path());
    QTest::keyClick(sessions, Qt::Key_Space);
    auto *panel = page->findChild<QGroupBox *>(QStringLiteral("keySessions"));
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 10000);
    QVERIFY2(panel->title().contains(QStringLiteral("CI runner")), qPrintable(panel->title()));
    QCOMPARE(keyCalls("GET", QStringLiteral("/sessions")), 1);

    // Tab: Revoke key, Space: the confirmation names the key, Cancel has the focus; Tab
    // reaches Revoke key (the destructive one), Space.
    auto *revoke = findByAccessibleName<QPushButton>(page, QStringLiteral("Revoke key"));
    visited.clear();
    QVERIFY2(tabTo(revoke, &visited, 1), path());
    QTest::keyClick(revoke, Qt::Key_Space);
    QPointer<QMessageBox> box;
    QTRY_VERIFY((box = window->findChild<QMessageBox *>(QStringLiteral("revokeKeyConfirmation")))
        && box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("CI runner")));
    QVERIFY(activate(box));
    QTRY_COMPARE(QApplication::focusWidget(), box->defaultButton());
    auto *confirm = findByAccessibleName<QPushButton>(box, QStringLiteral("Revoke key"));
    QCOMPARE(box->buttonRole(confirm), QMessageBox::DestructiveRole);
    visited.clear();
    QVERIFY2(tabTo(confirm, &visited, 6), path());
    QTest::keyClick(confirm, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(keyCalls("PUT", QStringLiteral("/revoke")), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(
        table->model()->index(0, 2).data().toString(), QStringLiteral("Inactive"), 10000);
    QCOMPARE(table->model()->rowCount(), 1);
    // The list came again; the keyboard is still on Revoke key.
    QVERIFY(activate(window));
    QCOMPARE(describe(QApplication::focusWidget()), describe(revoke));

    // The other way to a tab: Shift+Tab back to the tab bar, Right arrow: Plan & usage, which
    // loads; Tab goes into it.
    auto *tabBar = findByAccessibleName<QTabBar>(window, QStringLiteral("Account sections"));
    QVERIFY(tabBar);
    visited.clear();
    QVERIFY2(tabTo(tabBar, &visited, 12, true), path());
    QTest::keyClick(tabBar, Qt::Key_Right);
    QCOMPARE(window->shownSection(), AccountWindow::Section::PlanUsage);
    QTest::keyClick(tabBar, Qt::Key_Tab);
    PlanUsagePage *plan = window->planUsagePage();
    QVERIFY2(plan->isAncestorOf(QApplication::focusWidget()),
        qPrintable(describe(QApplication::focusWidget())));
    const QString planPath = QStringLiteral("/api/v1/account/billing/plan/current");
    const QString usagePath = QStringLiteral("/api/v1/account/billing/usage");
    auto *summary = plan->findChild<QLabel *>(QStringLiteral("usageSummary"));
    QTRY_VERIFY_WITH_TIMEOUT(!summary->text().isEmpty(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(answered("GET", planPath, 200), 1, 10000);
    QCOMPARE(answered("GET", usagePath, 200), 1);

    // Tab to Refresh, Space: both asked again.
    auto *refresh
        = findByAccessibleName<QPushButton>(plan, QStringLiteral("Refresh plan and usage"));
    visited.clear();
    QVERIFY2(tabTo(refresh, &visited), path());
    QTest::keyClick(refresh, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(answered("GET", planPath, 200), 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(answered("GET", usagePath, 200), 2, 10000);

    // The figures in words: Tab reaches them, and a screen reader gets a name and the text.
    visited.clear();
    QVERIFY2(tabTo(summary, &visited), path());
    QAccessibleInterface *words = QAccessible::queryAccessibleInterface(summary);
    QVERIFY(words);
    QCOMPARE(words->text(QAccessible::Name), QStringLiteral("Usage in words"));
    QVERIFY(words->state().focused);
    const QString description = words->text(QAccessible::Description);
    QVERIFY2(description.contains(QStringLiteral("emails"))
            && description.contains(QStringLiteral("By category")),
        qPrintable(description));
    QCOMPARE(description, summary->text());
}

// Copy secret in the one-time dialog: the X clipboard holds exactly the secret, marked for
// password managers, and is cleared after the clipboard timeout (the clipboard/clearAfterSeconds
// setting, on real timers), while the dialog is still open.
void TestAccountsGui::copiedSecretIsMarkedAndClearedAfterTheTimeout()
{
    const QString clearKey = QStringLiteral("clipboard/clearAfterSeconds");
    const QVariant suiteValue = QSettings().value(clearKey);
    QSettings().setValue(clearKey, 4); // the app reads it at start; room for the checks below
    const auto restore = qScopeGuard([&] { QSettings().setValue(clearKey, suiteValue); });
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QCOMPARE(rig.app().clipboard()->clearAfterSeconds(), 4);
    QPointer<QDialog> dialog = createKeyWithMouse(rig, QStringLiteral("Clipboard check"));
    QVERIFY(dialog);
    const QString secret = dialog->findChild<QLineEdit *>(QStringLiteral("newSecret"))->text();
    QVERIFY(!secret.isEmpty());
    QVERIFY(QString::fromUtf8(readXClipboard()) != secret);

    QTest::mouseClick(
        findByAccessibleName<QPushButton>(dialog, QStringLiteral("Copy secret")), Qt::LeftButton);
    QElapsedTimer sinceCopy;
    sinceCopy.start();
    QCOMPARE(QString::fromUtf8(readXClipboard()), secret);
    QVERIFY(readXClipboard(QStringLiteral("TARGETS")).contains("x-kde-passwordManagerHint"));
    QCOMPARE(readXClipboard(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
    const qint64 checked = sinceCopy.elapsed();
    QVERIFY2(checked < 3000, qPrintable(QString::number(checked))); // read before the clear

    QTRY_VERIFY_WITH_TIMEOUT(readXClipboard().isEmpty(), 4000 + 6000);
    QVERIFY2(sinceCopy.elapsed() >= 3500, qPrintable(QString::number(sinceCopy.elapsed())));
    QVERIFY(dialog && dialog->isVisible()); // only the clipboard was cleared
    QVERIFY(!rig.app().clipboard()->isTracking());
}

// Signed in with a standard-role key, the principal may read the plan but not the keys: the
// API keys tab says so in words and offers no Create or Revoke.
void TestAccountsGui::roleThatMayNotManageKeysIsToldSo()
{
    AppRig rig;
    SignInWindow *form = rig.app().signInWindow();
    form->findChild<QRadioButton *>(QStringLiteral("modeApiKey"))->click();
    QTest::keyClicks(findByAccessibleName<QLineEdit>(form, QStringLiteral("API key")), DemoApiKey);
    auto *secret = findByAccessibleName<QLineEdit>(form, QStringLiteral("Secret"));
    QTest::keyClicks(secret, DemoApiSecret);
    QTest::keyClick(secret, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(rig.app().currentAccount()
            && rig.app().currentAccount()->session()->state() == Session::State::Active,
        10000);
    AccountWindow *window = rig.app().accountWindow();
    QTRY_VERIFY(window->isVisible());
    window->showSection(AccountWindow::Section::ApiKeys);
    auto *message = window->findChild<QLabel *>(QStringLiteral("apiKeysMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 10000);
    QVERIFY2(message->text().contains(QStringLiteral("may not")), qPrintable(message->text()));
    QVERIFY(!window->findChild<QPushButton *>(QStringLiteral("createKey"))->isVisible());
    QVERIFY(!window->findChild<QPushButton *>(QStringLiteral("revokeKey"))->isVisible());
    // The plan is readable for this role.
    window->showSection(AccountWindow::Section::PlanUsage);
    auto *name = window->findChild<QLabel *>(QStringLiteral("planName"));
    QTRY_VERIFY_WITH_TIMEOUT(name->text().contains(QStringLiteral("plan")), 10000);
    QVERIFY(!window->findChild<QLabel *>(QStringLiteral("planMessage"))->isVisible());
}

// The tabs load once per account (flipping between them sends nothing more), show nothing of
// the previous account after a switch, and follow a sign-out.
void TestAccountsGui::consoleLoadsOnceAndFollowsTheShownAccount()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QVERIFY(addThroughWindow(rig, {}, JackEmail, JackPassword));
    Account *jack = rig.app().currentAccount();
    Account *dana = rig.app().accounts()->accounts().first();
    rig.app().setCurrentAccount(dana);
    AccountWindow *window = rig.app().accountWindow();
    auto *planName = window->findChild<QLabel *>(QStringLiteral("planName"));
    window->showSection(AccountWindow::Section::PlanUsage);
    QTRY_VERIFY_WITH_TIMEOUT(planName->text() == QStringLiteral("Starter plan"), 10000);
    auto billing = [&](const char *path) {
        return countRequests(rig.emulator().server(), QLatin1String(path));
    };
    QTRY_COMPARE(billing("/api/v1/account/billing/usage"), 1);
    for (int i = 0; i < 5; ++i) {
        window->showSection(AccountWindow::Section::Account);
        window->showSection(AccountWindow::Section::PlanUsage);
    }
    QCoreApplication::processEvents(); // anything the flips queued has gone out
    QCOMPARE(billing("/api/v1/account/billing/plan/current"), 1);
    QCOMPARE(billing("/api/v1/account/billing/usage"), 1);

    // Jack: Dana's figures go at once; his come.
    rig.app().setCurrentAccount(jack);
    QVERIFY(planName->text() != QStringLiteral("Starter plan"));
    QTRY_VERIFY_WITH_TIMEOUT(!planName->text().isEmpty(), 10000);
    QCOMPARE(billing("/api/v1/account/billing/plan/current"), 2);

    // Jack signs out on this tab: his figures go, the page says why.
    jack->session()->signOut();
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(jack->session()->state()), toString(Session::State::SignedOut), 10000);
    QTRY_VERIFY(planName->text().isEmpty());
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("planMessage"))
                ->text()
                .contains(QStringLiteral("Sign in")));
}

QTEST_MAIN(TestAccountsGui)
#include "tst_accounts_gui.moc"
