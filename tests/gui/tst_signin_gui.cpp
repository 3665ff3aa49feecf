// Signing in through the real widgets of the running app, under a real X server (Xvfb),
// against the emulator over TLS. Widgets are found by their accessible names, as a person
// using a screen reader would find them.
#include "AccountWindow.h"
#include "AppRig.h"
#include "Application.h"
#include "EmulatorFixture.h"
#include "SignInWindow.h"
#include "auth/KeychainTokenStore.h"
#include "auth/Session.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace Smtpd;
using namespace TestSupport;

class TestSignInGui : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void signInThroughWidgets();
    void wrongPasswordShowsServerMessage();
    void emptyFieldsAreCheckedBeforeAnyRequest();
    void serverNoteNamesTheServer();
    void renewalOfferSignsInAgainWithoutLosingTheSession();
    void typedPasswordSurvivesBackgroundChanges();
    void apiKeyModeSignsInWithKeyAndSecret();
    void malformedEmailIsCaughtBeforeAnyRequest_data();
    void malformedEmailIsCaughtBeforeAnyRequest();
    void cancelDuringSlowSignIn();

private:
    void type(QWidget *window, const QString &field, const QString &text);
    void press(QWidget *window, const QString &button);
    // Signs in through the form, then opens it again from the account window's renewal offer.
    void signInAndOpenTheRenewalForm();

    std::unique_ptr<EmulatorFixture> m_emulator;
    std::unique_ptr<Application> m_app;
};

void TestSignInGui::init()
{
    QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"),
        "GUI tests run on a real X server (Xvfb), not offscreen");
    // Each test starts signed out: nothing remembered, nothing in the keychain.
    QSettings().clear();
    KeychainTokenStore keychain;
    std::unique_ptr<StoreJob> wipe(keychain.clear(DemoEmail));
    QSignalSpy wiped(wipe.get(), &StoreJob::finished);
    QVERIFY(wiped.wait(15000));

    m_emulator = std::make_unique<EmulatorFixture>();
    QVERIFY(m_emulator->isRunning());
    AppOptions options;
    options.apiUrl = m_emulator->baseUrl();
    options.caCertificates = EmulatorFixture::caCertificates();
    options.avatarUrl = QUrl(m_emulator->baseUrl().toString() + QStringLiteral("/avatar/"));
    m_app = std::make_unique<Application>(options);
    m_app->start();
    QVERIFY(QTest::qWaitForWindowExposed(m_app->signInWindow()));
}

void TestSignInGui::cleanup()
{
    m_app.reset();
    m_emulator.reset();
}

void TestSignInGui::type(QWidget *window, const QString &field, const QString &text)
{
    auto *edit = findByAccessibleName<QLineEdit>(window, field);
    QVERIFY2(edit, qPrintable(field));
    QTest::mouseClick(edit, Qt::LeftButton);
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

void TestSignInGui::press(QWidget *window, const QString &button)
{
    auto *pushButton = findByAccessibleName<QPushButton>(window, button);
    QVERIFY2(pushButton, qPrintable(button));
    QVERIFY(pushButton->isEnabled());
    QTest::mouseClick(pushButton, Qt::LeftButton);
}

void TestSignInGui::signInThroughWidgets()
{
    SignInWindow *signIn = m_app->signInWindow();
    type(signIn, QStringLiteral("Email"), DemoEmail);
    type(signIn, QStringLiteral("Password"), DemoPassword);
    press(signIn, QStringLiteral("Sign in"));

    QTRY_VERIFY_WITH_TIMEOUT(m_app->accountWindow()->isVisible(), 15000);
    QVERIFY(!signIn->isVisible());
    auto *name = m_app->accountWindow()->findChild<QLabel *>(QStringLiteral("profileName"));
    auto *email = m_app->accountWindow()->findChild<QLabel *>(QStringLiteral("profileEmail"));
    QCOMPARE(name->text(), QStringLiteral("Dana Demo"));
    QCOMPARE(email->text(), DemoEmail);
    // The window shows as soon as the grant is in (the token's claims stand in); the profile
    // follows with one request.
    QTRY_COMPARE_WITH_TIMEOUT(
        m_emulator->server().requestCount("GET", QStringLiteral("/oauth/me")), 1, 10000);
    QCOMPARE(m_emulator->server().requestCount("POST", QStringLiteral("/oauth/token")), 1);
    // The password left the form once the attempt was over.
    QVERIFY(findByAccessibleName<QLineEdit>(signIn, QStringLiteral("Password"))->text().isEmpty());
}

void TestSignInGui::wrongPasswordShowsServerMessage()
{
    SignInWindow *signIn = m_app->signInWindow();
    type(signIn, QStringLiteral("Email"), DemoEmail);
    type(signIn, QStringLiteral("Password"), QStringLiteral("not-my-password"));
    QTest::keyClick(
        findByAccessibleName<QLineEdit>(signIn, QStringLiteral("Password")), Qt::Key_Return);

    auto *error = signIn->findChild<QLabel *>(QStringLiteral("signInError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 15000);
    QCOMPARE(error->text(), QStringLiteral("Username and password are incorrect."));
    QVERIFY(findByAccessibleName<QLineEdit>(signIn, QStringLiteral("Password"))->text().isEmpty());
    QCOMPARE(findByAccessibleName<QLineEdit>(signIn, QStringLiteral("Email"))->text(), DemoEmail);
    QVERIFY(findByAccessibleName<QPushButton>(signIn, QStringLiteral("Sign in"))->isEnabled());
    QVERIFY(!m_app->accountWindow()->isVisible());
}

void TestSignInGui::emptyFieldsAreCheckedBeforeAnyRequest()
{
    SignInWindow *signIn = m_app->signInWindow();
    findByAccessibleName<QLineEdit>(signIn, QStringLiteral("Email"))->clear();
    press(signIn, QStringLiteral("Sign in"));
    auto *error = signIn->findChild<QLabel *>(QStringLiteral("signInError"));
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("email")));
    type(signIn, QStringLiteral("Email"), DemoEmail);
    press(signIn, QStringLiteral("Sign in"));
    QVERIFY(error->text().contains(QStringLiteral("password")));
    QCOMPARE(m_emulator->server().requests().size(), 0);
}

void TestSignInGui::serverNoteNamesTheServer()
{
    auto *note = m_app->signInWindow()->findChild<QLabel *>(QStringLiteral("serverNote"));
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(m_emulator->baseUrl().host()));
}

void TestSignInGui::signInAndOpenTheRenewalForm()
{
    SignInWindow *signIn = m_app->signInWindow();
    type(signIn, QStringLiteral("Email"), DemoEmail);
    type(signIn, QStringLiteral("Password"), DemoPassword);
    press(signIn, QStringLiteral("Sign in"));
    QTRY_VERIFY_WITH_TIMEOUT(m_app->accountWindow()->isVisible(), 15000);
    // The session says its 30-day end is near (as it does a day before).
    emit m_app->session()->sessionEndingSoon(QDateTime::currentDateTimeUtc().addSecs(20 * 3600));
    auto *banner = m_app->accountWindow()->findChild<QWidget *>(QStringLiteral("renewalBanner"));
    QVERIFY(banner->isVisible());
    press(m_app->accountWindow(), QStringLiteral("Sign in again now"));
    QVERIFY(signIn->isVisible());
}

void TestSignInGui::renewalOfferSignsInAgainWithoutLosingTheSession()
{
    SignInWindow *signIn = m_app->signInWindow();
    signInAndOpenTheRenewalForm();
    if (QTest::currentTestFailed())
        return;
    auto *banner = m_app->accountWindow()->findChild<QWidget *>(QStringLiteral("renewalBanner"));
    QVERIFY(m_app->accountWindow()->isVisible()); // still signed in meanwhile
    QVERIFY(
        findByAccessibleName<QPushButton>(signIn, QStringLiteral("Cancel sign-in"))->isVisible());

    // A wrong password keeps the old session and shows the error.
    type(signIn, QStringLiteral("Password"), QStringLiteral("wrong"));
    press(signIn, QStringLiteral("Sign in"));
    auto *error = signIn->findChild<QLabel *>(QStringLiteral("signInError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 15000);
    QVERIFY(signIn->isVisible());
    QCOMPARE(toString(m_app->session()->state()), toString(Session::State::Active));

    type(signIn, QStringLiteral("Password"), DemoPassword);
    press(signIn, QStringLiteral("Sign in"));
    QTRY_VERIFY_WITH_TIMEOUT(!signIn->isVisible(), 15000);
    QVERIFY(m_app->accountWindow()->isVisible());
    QVERIFY(!banner->isVisible());
    QCOMPARE(m_emulator->server().requestCount("POST", QStringLiteral("/oauth/token")), 3);
}

// Defect 7: a background refresh or an offline retry cleared the password being typed in the
// renewal form.
void TestSignInGui::typedPasswordSurvivesBackgroundChanges()
{
    SignInWindow *signIn = m_app->signInWindow();
    signInAndOpenTheRenewalForm();
    if (QTest::currentTestFailed())
        return;
    auto *password = findByAccessibleName<QLineEdit>(signIn, QStringLiteral("Password"));
    QTest::keyClicks(password, QStringLiteral("half-typ"));

    QSignalSpy states(m_app->session(), &Session::stateChanged);
    m_app->session()->refreshNow(); // Refreshing, then Active
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(m_app->session()->state()), toString(Session::State::Active), 10000);
    QVERIFY(states.count() >= 2);
    QCOMPARE(password->text(), QStringLiteral("half-typ"));

    m_emulator->server().stopListening();
    m_app->session()->refreshNow(); // Refreshing, then Offline
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(m_app->session()->state()), toString(Session::State::Offline), 10000);
    QCOMPARE(password->text(), QStringLiteral("half-typ"));
    QVERIFY(password->isEnabled());
}

void TestSignInGui::apiKeyModeSignsInWithKeyAndSecret()
{
    SignInWindow *signIn = m_app->signInWindow();
    auto *keyMode = findByAccessibleName<QRadioButton>(
        signIn, QStringLiteral("Sign in with API key and secret"));
    QVERIFY(keyMode);
    QTest::mouseClick(keyMode, Qt::LeftButton, {}, QPoint(5, keyMode->height() / 2));
    QVERIFY(keyMode->isChecked());
    QVERIFY(!findByAccessibleName<QLineEdit>(signIn, QStringLiteral("Email"))); // relabelled
    type(signIn, QStringLiteral("API key"), DemoApiKey);
    type(signIn, QStringLiteral("Secret"), DemoApiSecret);
    press(signIn, QStringLiteral("Sign in"));
    QTRY_VERIFY_WITH_TIMEOUT(m_app->accountWindow()->isVisible(), 15000);
    QCOMPARE(m_app->accountWindow()->findChild<QLabel *>(QStringLiteral("profileEmail"))->text(),
        DemoEmail);
    // The API key is a credential: it is remembered only as an opaque key.
    QSettings settings;
    settings.beginGroup(QStringLiteral("lastAccount"));
    const QStringList servers = settings.childKeys();
    QCOMPARE(servers.size(), 1);
    const QString remembered = settings.value(servers.first()).toString();
    QVERIFY(remembered.startsWith(QStringLiteral("api-key-")));
    QVERIFY(!remembered.contains(DemoApiKey));
    QVERIFY(!servers.first().contains(DemoApiKey));
}

void TestSignInGui::malformedEmailIsCaughtBeforeAnyRequest_data()
{
    QTest::addColumn<QString>("email");
    QTest::newRow("no at") << QStringLiteral("demo.example.com");
    QTest::newRow("no domain dot") << QStringLiteral("demo@example");
    QTest::newRow("space inside") << QStringLiteral("de mo@example.com");
    QTest::newRow("two ats") << QStringLiteral("a@b@example.com");
}

void TestSignInGui::malformedEmailIsCaughtBeforeAnyRequest()
{
    QFETCH(QString, email);
    SignInWindow *signIn = m_app->signInWindow();
    type(signIn, QStringLiteral("Email"), email);
    type(signIn, QStringLiteral("Password"), DemoPassword);
    press(signIn, QStringLiteral("Sign in"));
    auto *error = signIn->findChild<QLabel *>(QStringLiteral("signInError"));
    QVERIFY(error->isVisible());
    QVERIFY2(
        error->text().contains(QStringLiteral("not an email address")), qPrintable(error->text()));
    QCOMPARE(m_emulator->server().requests().size(), 0);
}

void TestSignInGui::cancelDuringSlowSignIn()
{
    SmtpdEmulator::Fault slow(SmtpdEmulator::Fault::Kind::Slow);
    slow.delayMs = 5000;
    m_emulator->server().addFault(slow);
    SignInWindow *signIn = m_app->signInWindow();
    type(signIn, QStringLiteral("Email"), DemoEmail);
    type(signIn, QStringLiteral("Password"), DemoPassword);
    press(signIn, QStringLiteral("Sign in"));
    // Busy: inputs and the button are disabled, progress shows, Cancel works.
    QVERIFY(!findByAccessibleName<QLineEdit>(signIn, QStringLiteral("Email"))->isEnabled());
    QVERIFY(!findByAccessibleName<QPushButton>(signIn, QStringLiteral("Sign in"))->isEnabled());
    QVERIFY(signIn->findChild<QProgressBar *>(QStringLiteral("signInProgress"))->isVisible());
    press(signIn, QStringLiteral("Cancel sign-in"));
    QCOMPARE(toString(m_app->session()->state()), toString(Session::State::SignedOut));
    QVERIFY(findByAccessibleName<QPushButton>(signIn, QStringLiteral("Sign in"))->isEnabled());
    QVERIFY(findByAccessibleName<QLineEdit>(signIn, QStringLiteral("Password"))->text().isEmpty());
    QVERIFY(!m_app->accountWindow()->isVisible());
}

QTEST_MAIN(TestSignInGui)
#include "tst_signin_gui.moc"
