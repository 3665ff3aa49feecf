// Signing in through the real widgets of the running app, under a real X server (Xvfb),
// against the emulator over TLS. Widgets are found by their accessible names, as a person
// using a screen reader would find them.
#include "AccountWindow.h"
#include "AppRig.h"
#include "Application.h"
#include "EmulatorFixture.h"
#include "SignInWindow.h"
#include "accounts/AccountManager.h"
#include "api/ServerConfig.h"
#include "auth/KeychainTokenStore.h"
#include "auth/Session.h"

#include <QAccessible>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

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
    // Another server (staging, self-hosted): the expander, prefill, checks before any request.
    void serverControlsAreNamedAndCollapsed();
    void expanderTogglesFromTheKeyboard_data();
    void expanderTogglesFromTheKeyboard();
    void tabOrderRunsThroughTheServerFields();
    void serverIsPrefilledFromTheAppsApiUrl();
    void setServerPrefillsAndTheNoteFollowsTheField();
    void badServerIsRefusedBeforeAnyRequest_data();
    void badServerIsRefusedBeforeAnyRequest();
    void badCaFileIsRefusedBeforeAnyRequest_data();
    void badCaFileIsRefusedBeforeAnyRequest();
    void validCaFileFromBrowseIsHandedOver();
    void emptyServerMeansProduction();
    void returnInAnyFieldSubmits_data();
    void returnInAnyFieldSubmits();
    void lockedServerIsReadOnly();

private:
    void type(QWidget *window, const QString &field, const QString &text);
    void press(QWidget *window, const QString &button);
    // Signs in through the form, then opens it again from the account window's renewal offer.
    void signInAndOpenTheRenewalForm();
    // The app as the other GUI suites start it (AppRig: the emulator's URL as --api-url), in
    // place of this suite's own.
    AppRig &useAppRig();
    // A sign-in form on its own, shown, with the demo email and password typed in.
    std::unique_ptr<SignInWindow> filledForm();

    std::unique_ptr<EmulatorFixture> m_emulator;
    std::unique_ptr<Application> m_app;
    std::unique_ptr<AppRig> m_rig;
};

namespace {
const QString CaPem = QStringLiteral(SMTPD_TEST_CERT_DIR "/ca.pem");

QToolButton *expander(QWidget *window)
{
    return findByAccessibleName<QToolButton>(window, QStringLiteral("Other server"));
}

QLineEdit *field(QWidget *window, const QString &name)
{
    return findByAccessibleName<QLineEdit>(window, name);
}
} // namespace

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
    m_rig.reset();
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
    // The API key is a credential: the list of accounts knows it only as an opaque key.
    QSettings settings;
    QCOMPARE(settings.beginReadArray(QStringLiteral("accounts")), 1);
    settings.setArrayIndex(0);
    const QString remembered = settings.value(QStringLiteral("principal")).toString();
    settings.endArray();
    QVERIFY(remembered.startsWith(QStringLiteral("api-key-")));
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains(remembered.toUtf8()));
    QVERIFY(!text.contains(DemoApiKey.toUtf8()));
    QVERIFY(!text.contains(DemoApiSecret.toUtf8()));
    // The list shows it as "API key" and a short fingerprint, never the key.
    QVERIFY(m_app->currentAccount()->who().startsWith(QStringLiteral("API key ")));
    QVERIFY(!m_app->currentAccount()->who().contains(DemoApiKey));
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
    QPointer<Session> attempt = m_app->session(); // the new account's, while it signs in
    QVERIFY(attempt);
    press(signIn, QStringLiteral("Cancel sign-in"));
    QVERIFY(!attempt || attempt->state() == Session::State::SignedOut);
    QVERIFY(!m_app->session()); // no account came of it
    QVERIFY(m_app->accounts()->accounts().isEmpty());
    QVERIFY(findByAccessibleName<QPushButton>(signIn, QStringLiteral("Sign in"))->isEnabled());
    QVERIFY(findByAccessibleName<QLineEdit>(signIn, QStringLiteral("Password"))->text().isEmpty());
    QVERIFY(!m_app->accountWindow()->isVisible());
}

AppRig &TestSignInGui::useAppRig()
{
    m_app.reset();
    m_emulator.reset();
    m_rig = std::make_unique<AppRig>();
    return *m_rig;
}

std::unique_ptr<SignInWindow> TestSignInGui::filledForm()
{
    auto window = std::make_unique<SignInWindow>();
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return {};
    field(window.get(), QStringLiteral("Email"))->setText(DemoEmail);
    field(window.get(), QStringLiteral("Password"))->setText(DemoPassword);
    return window;
}

void TestSignInGui::serverControlsAreNamedAndCollapsed()
{
    SignInWindow *signIn = m_app->signInWindow();
    QToolButton *other = expander(signIn);
    QVERIFY(other);
    QCOMPARE(other->objectName(), QStringLiteral("otherServer"));
    QCOMPARE(other->text(), QStringLiteral("Other server\u2026"));
    QVERIFY(other->isCheckable());
    QVERIFY(other->isVisible());
    QLineEdit *server = field(signIn, QStringLiteral("Server"));
    QLineEdit *caFile = field(signIn, QStringLiteral("CA file"));
    auto *browse = findByAccessibleName<QPushButton>(signIn, QStringLiteral("Choose CA file"));
    QVERIFY(server);
    QVERIFY(caFile);
    QVERIFY(browse);
    QCOMPARE(server->objectName(), QStringLiteral("server"));
    QCOMPARE(caFile->objectName(), QStringLiteral("caFile"));
    QCOMPARE(browse->text(), QStringLiteral("Browse\u2026"));
    // Collapsed at first: the fields are there but do not show.
    QVERIFY(!other->isChecked());
    QVERIFY(!server->isVisible());
    QVERIFY(!caFile->isVisible());
    QVERIFY(!browse->isVisible());
    QTest::mouseClick(other, Qt::LeftButton);
    QVERIFY(server->isVisible());
    QVERIFY(caFile->isVisible());
    QVERIFY(browse->isVisible());
    auto *hint = signIn->findChild<QLabel *>(QStringLiteral("caFileHint"));
    QVERIFY(hint->isVisible());
    QVERIFY(hint->text().contains(QStringLiteral("private certificate authority")));
}

void TestSignInGui::expanderTogglesFromTheKeyboard_data()
{
    QTest::addColumn<int>("key");
    QTest::newRow("Space") << int(Qt::Key_Space);
    QTest::newRow("Return") << int(Qt::Key_Return);
    QTest::newRow("Enter") << int(Qt::Key_Enter);
}

void TestSignInGui::expanderTogglesFromTheKeyboard()
{
    QFETCH(int, key);
    SignInWindow *signIn = m_app->signInWindow();
    QToolButton *other = expander(signIn);
    QLineEdit *server = field(signIn, QStringLiteral("Server"));
    QLineEdit *caFile = field(signIn, QStringLiteral("CA file"));
    other->setFocus();
    QTest::keyClick(other, Qt::Key(key));
    QVERIFY(other->isChecked());
    QVERIFY(server->isVisible());
    QVERIFY(caFile->isVisible());
    QTest::keyClick(other, Qt::Key(key));
    QVERIFY(!other->isChecked());
    QVERIFY(!server->isVisible());
    QVERIFY(!caFile->isVisible());
    QCOMPARE(m_emulator->server().requests().size(), 0); // toggling never submits
}

void TestSignInGui::tabOrderRunsThroughTheServerFields()
{
    SignInWindow *signIn = m_app->signInWindow();
    signIn->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(signIn));
    QTest::keyClick(expander(signIn), Qt::Key_Space); // expanded: every field takes part
    auto *modeEmail = signIn->findChild<QRadioButton *>(QStringLiteral("modeEmail"));
    const QList<QWidget *> expected {modeEmail, field(signIn, QStringLiteral("Email")),
        field(signIn, QStringLiteral("Password")), expander(signIn),
        field(signIn, QStringLiteral("Server")), field(signIn, QStringLiteral("CA file")),
        findByAccessibleName<QPushButton>(signIn, QStringLiteral("Choose CA file")),
        findByAccessibleName<QPushButton>(signIn, QStringLiteral("Sign in"))};
    modeEmail->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), modeEmail);
    for (int i = 1; i < expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), expected.at(i));
    }
}

void TestSignInGui::serverIsPrefilledFromTheAppsApiUrl()
{
    AppRig &rig = useAppRig();
    QVERIFY(rig.isReady());
    SignInWindow *signIn = rig.app().signInWindow();
    QVERIFY(!expander(signIn)->isChecked()); // prefilled, still collapsed
    QCOMPARE(field(signIn, QStringLiteral("Server"))->text(), rig.emulator().baseUrl().toString());
    QCOMPARE(signIn->server(), rig.emulator().baseUrl());
    QCOMPARE(signIn->caFile(), QString()); // the rig hands over certificates, not a file
    auto *note = signIn->findChild<QLabel *>(QStringLiteral("serverNote"));
    QVERIFY(note->isVisible());
    QCOMPARE(
        note->text(), QStringLiteral("Signing in to %1").arg(rig.emulator().baseUrl().toString()));
}

void TestSignInGui::setServerPrefillsAndTheNoteFollowsTheField()
{
    SignInWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *note = window.findChild<QLabel *>(QStringLiteral("serverNote"));
    QLineEdit *server = field(&window, QStringLiteral("Server"));
    QLineEdit *caFile = field(&window, QStringLiteral("CA file"));

    window.setServer(QUrl(QLatin1String(DefaultApiUrl)), QString());
    QCOMPARE(server->text(), QLatin1String(DefaultApiUrl));
    QVERIFY(!note->isVisible()); // production needs no note
    QVERIFY(!expander(&window)->isChecked());

    const QUrl staging(QStringLiteral("https://staging.smtpd.dev"));
    window.setServer(staging, CaPem);
    QCOMPARE(server->text(), staging.toString());
    QCOMPARE(caFile->text(), CaPem);
    QCOMPARE(window.server(), staging);
    QCOMPARE(window.caFile(), CaPem);
    QVERIFY(!expander(&window)->isChecked());
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), QStringLiteral("Signing in to https://staging.smtpd.dev"));

    // The note follows what is typed.
    QTest::keyClick(expander(&window), Qt::Key_Space);
    server->clear();
    QVERIFY(!note->isVisible()); // empty: production
    QTest::keyClicks(server, QStringLiteral("https://mail.example.org"));
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), QStringLiteral("Signing in to https://mail.example.org"));
    for (const QString &production :
        {QStringLiteral("https://api.smtpd.dev/"), QStringLiteral("https://api.smtpd.dev:443"),
            QStringLiteral("https://API.smtpd.dev")}) {
        server->setText(production);
        QVERIFY2(!note->isVisible(), qPrintable(production));
    }
}

void TestSignInGui::badServerIsRefusedBeforeAnyRequest_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("http") << QStringLiteral("http://127.0.0.1:1") << QStringLiteral("HTTPS");
    QTest::newRow("ftp") << QStringLiteral("ftp://x") << QStringLiteral("HTTPS");
    QTest::newRow("not a url") << QStringLiteral("not a url")
                               << QStringLiteral("\u201cnot a url\u201d is not a server address");
    QTest::newRow("no host") << QStringLiteral("https://")
                             << QStringLiteral("\u201chttps://\u201d is not a server address");
    QTest::newRow("path and query")
        << QStringLiteral("https://host/path?x=1") << QStringLiteral("query");
    QTest::newRow("user info") << QStringLiteral("https://me:pw@host")
                               << QStringLiteral("user name or password");
    QTest::newRow("user info, not parsing")
        << QStringLiteral("https://me:pw@ho st") << QStringLiteral("is not a server address");
}

// Through the whole app: a refused server never reaches the session, so nothing reaches the
// emulator; once corrected, the one sign-in goes through.
void TestSignInGui::badServerIsRefusedBeforeAnyRequest()
{
    QFETCH(QString, server);
    QFETCH(QString, mentions);
    AppRig &rig = useAppRig();
    QVERIFY(rig.isReady());
    SignInWindow *signIn = rig.app().signInWindow();
    QSignalSpy requested(signIn, &SignInWindow::signInRequested);
    type(signIn, QStringLiteral("Email"), DemoEmail);
    type(signIn, QStringLiteral("Password"), DemoPassword);
    QTest::keyClick(expander(signIn), Qt::Key_Space);
    type(signIn, QStringLiteral("Server"), server);
    // Collapse again: a problem must open the expander by itself.
    QTest::keyClick(expander(signIn), Qt::Key_Space);
    QVERIFY(!field(signIn, QStringLiteral("Server"))->isVisible());
    press(signIn, QStringLiteral("Sign in"));

    auto *error = signIn->findChild<QLabel *>(QStringLiteral("signInError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(mentions), qPrintable(error->text()));
    // A password in the address is never echoed, in the error or in the note.
    QVERIFY(!error->text().contains(QStringLiteral("pw@")));
    QVERIFY(!signIn->findChild<QLabel *>(QStringLiteral("serverNote"))
                 ->text()
                 .contains(QStringLiteral("pw@")));
    QVERIFY(expander(signIn)->isChecked());
    QVERIFY(field(signIn, QStringLiteral("Server"))->isVisible());
    QCOMPARE(signIn->focusWidget(), field(signIn, QStringLiteral("Server")));
    QCOMPARE(requested.count(), 0);
    QCOMPARE(rig.emulator().server().requests().size(), 0);

    type(signIn, QStringLiteral("Server"), rig.emulator().baseUrl().toString());
    press(signIn, QStringLiteral("Sign in"));
    QCOMPARE(requested.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(rig.app().accountWindow()->isVisible(), 15000);
    QCOMPARE(rig.emulator().server().requestCount("POST", QStringLiteral("/oauth/token")), 1);
}

void TestSignInGui::badCaFileIsRefusedBeforeAnyRequest_data()
{
    QTest::addColumn<QByteArray>("contents"); // empty: no file at all
    QTest::addColumn<QString>("mentions");
    QTest::newRow("missing") << QByteArray() << QStringLiteral("Cannot read");
    QTest::newRow("not PEM") << QByteArray("hello, not a certificate")
                             << QStringLiteral("holds no PEM certificate");
}

void TestSignInGui::badCaFileIsRefusedBeforeAnyRequest()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ca.pem"));
    if (!contents.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
    }
    SignInWindow *signIn = m_app->signInWindow();
    QSignalSpy requested(signIn, &SignInWindow::signInRequested);
    type(signIn, QStringLiteral("Email"), DemoEmail);
    type(signIn, QStringLiteral("Password"), DemoPassword);
    signIn->setServer(m_emulator->baseUrl(), path); // collapsed
    press(signIn, QStringLiteral("Sign in"));

    auto *error = signIn->findChild<QLabel *>(QStringLiteral("signInError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(mentions), qPrintable(error->text()));
    QVERIFY(expander(signIn)->isChecked());
    QCOMPARE(signIn->focusWidget(), field(signIn, QStringLiteral("CA file")));
    QCOMPARE(requested.count(), 0);
    QCOMPARE(m_emulator->server().requests().size(), 0);
}

void TestSignInGui::validCaFileFromBrowseIsHandedOver()
{
    std::unique_ptr<SignInWindow> window = filledForm();
    QVERIFY(window);
    const QUrl selfHosted(QStringLiteral("https://smtpd.example.org:8443"));
    window->setServer(selfHosted, QString());
    QTest::keyClick(expander(window.get()), Qt::Key_Space);

    press(window.get(), QStringLiteral("Choose CA file"));
    auto *dialog = window->findChild<QFileDialog *>(QStringLiteral("caFileDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->nameFilters().join(QLatin1Char(';')).contains(QStringLiteral("*.pem *.crt")));
    QCOMPARE(dialog->fileMode(), QFileDialog::ExistingFile);
    dialog->selectFile(CaPem);
    QVERIFY(QMetaObject::invokeMethod(dialog, "accept")); // as the Open button does
    QCOMPARE(field(window.get(), QStringLiteral("CA file"))->text(), CaPem);

    QSignalSpy requested(window.get(), &SignInWindow::signInRequested);
    press(window.get(), QStringLiteral("Sign in"));
    QCOMPARE(requested.count(), 1);
    const auto request = requested.first().first().value<SignInRequest>();
    QCOMPARE(request.username, DemoEmail);
    QCOMPARE(request.secret, DemoPassword);
    QCOMPARE(request.server, selfHosted);
    QCOMPARE(request.caFile, CaPem);
    QVERIFY(!request.caCertificates.isEmpty());
    QCOMPARE(request.caCertificates, EmulatorFixture::caCertificates());
    QVERIFY(!window->findChild<QLabel *>(QStringLiteral("signInError"))->isVisible());
}

void TestSignInGui::emptyServerMeansProduction()
{
    std::unique_ptr<SignInWindow> window = filledForm();
    QVERIFY(window);
    window->setServer(QUrl(), QString());
    QCOMPARE(window->server(), QUrl(QLatin1String(DefaultApiUrl)));
    QVERIFY(!window->findChild<QLabel *>(QStringLiteral("serverNote"))->isVisible());
    QSignalSpy requested(window.get(), &SignInWindow::signInRequested);
    press(window.get(), QStringLiteral("Sign in"));
    QCOMPARE(requested.count(), 1);
    const auto request = requested.first().first().value<SignInRequest>();
    QCOMPARE(request.server, QUrl(QLatin1String(DefaultApiUrl)));
    QVERIFY(request.caFile.isEmpty());
    QVERIFY(request.caCertificates.isEmpty());
}

void TestSignInGui::returnInAnyFieldSubmits_data()
{
    QTest::addColumn<QString>("fieldName");
    QTest::newRow("Email") << QStringLiteral("Email");
    QTest::newRow("Password") << QStringLiteral("Password");
    QTest::newRow("Server") << QStringLiteral("Server");
    QTest::newRow("CA file") << QStringLiteral("CA file");
}

void TestSignInGui::returnInAnyFieldSubmits()
{
    QFETCH(QString, fieldName);
    std::unique_ptr<SignInWindow> window = filledForm();
    QVERIFY(window);
    window->setServer(m_emulator->baseUrl(), CaPem);
    QTest::keyClick(expander(window.get()), Qt::Key_Space);
    QSignalSpy requested(window.get(), &SignInWindow::signInRequested);
    QTest::keyClick(field(window.get(), fieldName), Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    const auto request = requested.first().first().value<SignInRequest>();
    QCOMPARE(request.server, m_emulator->baseUrl());
    QCOMPARE(request.caCertificates.size(), 1);
}

void TestSignInGui::lockedServerIsReadOnly()
{
    std::unique_ptr<SignInWindow> window = filledForm();
    QVERIFY(window);
    window->setServer(m_emulator->baseUrl(), CaPem);
    window->setServerLocked(true);
    QTest::keyClick(expander(window.get()), Qt::Key_Space); // the expander still shows them
    QLineEdit *server = field(window.get(), QStringLiteral("Server"));
    QLineEdit *caFile = field(window.get(), QStringLiteral("CA file"));
    auto *browse
        = findByAccessibleName<QPushButton>(window.get(), QStringLiteral("Choose CA file"));
    QVERIFY(server->isVisible());
    QVERIFY(caFile->isVisible());
    QVERIFY(server->isReadOnly());
    QVERIFY(caFile->isReadOnly());
    QVERIFY(!browse->isEnabled());
    QTest::keyClicks(server, QStringLiteral("x"));
    QTest::keyClicks(caFile, QStringLiteral("x"));
    QCOMPARE(server->text(), m_emulator->baseUrl().toString());
    QCOMPARE(caFile->text(), CaPem);
    // Busy and back: still locked.
    window->setBusy(true);
    window->setBusy(false); // an attempt ended: the password went
    QVERIFY(server->isReadOnly());
    QVERIFY(!browse->isEnabled());
    field(window.get(), QStringLiteral("Password"))->setText(DemoPassword);
    QSignalSpy requested(window.get(), &SignInWindow::signInRequested);
    press(window.get(), QStringLiteral("Sign in"));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().value<SignInRequest>().server, m_emulator->baseUrl());

    window->setServerLocked(false);
    QVERIFY(!server->isReadOnly());
    QVERIFY(!caFile->isReadOnly());
    QVERIFY(browse->isEnabled());
}

QTEST_MAIN(TestSignInGui)
#include "tst_signin_gui.moc"
