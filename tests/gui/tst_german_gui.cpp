// The app in German: LANG=de_DE.UTF-8 before the QApplication, the catalogues installed as
// app/main.cpp installs them, then the real windows and the tray menu against the emulator.
// The same checks run once more in a child process under LANG=C.UTF-8, where every control
// must read English: the translations must not leak. A picture of the German sign-in window
// is left in the artifacts folder (signin-de.png).
#include "AccountListModel.h"
#include "AccountWindow.h"
#include "AppRig.h"
#include "Application.h"
#include "PlanUsagePage.h"
#include "SignInWindow.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "WaitUntil.h"
#include "auth/Session.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

using namespace Smtpd;
using namespace TestSupport;

namespace {
// The LANG this process runs under (set in main() before the QApplication) and what
// installTranslations() answered.
QByteArray g_lang;
QString g_installed;

bool german()
{
    return g_lang.startsWith("de");
}

// The German text in the German run, the English one under C.UTF-8.
QString expected(const char *germanText, const char *englishText)
{
    return QString::fromUtf8(german() ? germanText : englishText);
}

QLabel *labelFor(QWidget *window, QWidget *field)
{
    const QList<QLabel *> labels = window->findChildren<QLabel *>();
    for (QLabel *label : labels)
        if (label->buddy() == field)
            return label;
    return nullptr;
}

template<typename T> T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}
} // namespace

class TestGermanGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void signInWindow();
    void accountWindowAndTray();
    void plansCountInTheLanguage();
    void englishUnderCLocale();

private:
    // Signs in through the form's fields, found by object name (their accessible names are
    // translated); true once the account window shows the signed-in profile.
    bool signIn(AppRig &rig);
};

void TestGermanGui::initTestCase()
{
    QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"), "run under Xvfb");
    QDir().mkpath(QStringLiteral(SMTPD_ARTIFACTS_DIR));
    if (german()) {
        QVERIFY2(g_installed.startsWith(QLatin1String("de")), qPrintable(g_installed));
        QCOMPARE(QLocale().language(), QLocale::German);
    } else {
        QVERIFY2(g_installed.isEmpty() || g_installed.startsWith(QLatin1String("en")),
            qPrintable(g_installed));
    }
}

void TestGermanGui::signInWindow()
{
    AppRig rig;
    QVERIFY(rig.isReady());
    SignInWindow *window = rig.app().signInWindow();
    QCOMPARE(
        window->windowTitle(), expected("Anmelden – SMTPD Accounts", "Sign in – SMTPD Accounts"));
    QCOMPARE(child<QPushButton>(window, "signIn")->text(), expected("Anmelden", "Sign in"));
    QCOMPARE(
        child<QPushButton>(window, "signIn")->accessibleName(), expected("Anmelden", "Sign in"));
    QCOMPARE(child<QRadioButton>(window, "modeEmail")->text(),
        expected("E-Mail-Adresse und Passwort", "Email and password"));
    QCOMPARE(child<QRadioButton>(window, "modeApiKey")->text(),
        expected("API-Schlüssel und Secret", "API key and secret"));
    QCOMPARE(child<QToolButton>(window, "otherServer")->text(),
        expected("Anderer Server…", "Other server…"));

    auto *email = child<QLineEdit>(window, "email");
    auto *password = child<QLineEdit>(window, "password");
    QVERIFY(email && password);
    QCOMPARE(labelFor(window, email)->text(), expected("&E-Mail-Adresse", "&Email"));
    QCOMPARE(labelFor(window, password)->text(), expected("&Passwort", "&Password"));
    QCOMPARE(email->accessibleName(), expected("E-Mail-Adresse", "Email"));
    QCOMPARE(password->accessibleName(), expected("Passwort", "Password"));
    QCOMPARE(email->placeholderText(), expected("name@example.com", "you@example.com"));
    // The other mode's labels follow.
    child<QRadioButton>(window, "modeApiKey")->click();
    QCOMPARE(labelFor(window, email)->text(), expected("API-&Schlüssel", "API &key"));
    QCOMPARE(labelFor(window, password)->text(), expected("S&ecret", "&Secret"));
    child<QRadioButton>(window, "modeEmail")->click();

    email->clear();
    if (german()) {
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QVERIFY(window->grab().save(QStringLiteral(SMTPD_ARTIFACTS_DIR "/signin-de.png")));
    }
    // A check before any request, in words.
    child<QPushButton>(window, "signIn")->click();
    auto *error = child<QLabel>(window, "signInError");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 5000);
    QCOMPARE(
        error->text(), expected("Geben Sie Ihre E-Mail-Adresse ein.", "Enter your email address."));
}

bool TestGermanGui::signIn(AppRig &rig)
{
    SignInWindow *window = rig.app().signInWindow();
    auto *email = child<QLineEdit>(window, "email");
    auto *password = child<QLineEdit>(window, "password");
    if (!email || !password)
        return false;
    email->clear();
    QTest::keyClicks(email, DemoEmail);
    QTest::keyClicks(password, DemoPassword);
    QTest::keyClick(password, Qt::Key_Return);
    return waitUntil(
        [&rig] {
            return rig.app().accountWindow()->isVisible()
                && rig.session().state() == Session::State::Active
                && rig.session().profile().isValid();
        },
        15000);
}

void TestGermanGui::accountWindowAndTray()
{
    AppRig rig;
    QVERIFY(rig.isReady());
    QVERIFY(signIn(rig));
    AccountWindow *window = rig.app().accountWindow();

    QCOMPARE(child<QPushButton>(window, "copyAccessToken")->text(),
        expected("Zugriffstoken &kopieren", "&Copy access token"));
    QCOMPARE(child<QPushButton>(window, "copyAccessToken")->accessibleName(),
        expected("Zugriffstoken kopieren", "Copy access token"));
    QCOMPARE(child<QPushButton>(window, "refreshNow")->text(),
        expected("Jetzt e&rneuern", "&Refresh now"));
    QCOMPARE(child<QPushButton>(window, "signOut")->text(), expected("&Abmelden", "Sign &out"));
    QCOMPARE(child<QPushButton>(window, "addAccount")->text(),
        expected("Konto &hinzufügen", "&Add account"));
    QCOMPARE(child<QPushButton>(window, "makeDefault")->text(),
        expected("Als &Standard festlegen", "Make &default"));
    QCOMPARE(
        child<QGroupBox>(window, "tokenPanel")->title(), expected("Zugriffstoken", "Access token"));
    auto *tabs = child<QTabWidget>(window, "accountTabs");
    QCOMPARE(tabs->tabText(0), expected("Konto", "Account"));
    QCOMPARE(tabs->tabText(1), expected("API-Schlüssel", "API keys"));
    QCOMPARE(tabs->tabText(2), expected("Tarif und Nutzung", "Plan && usage"));

    // The state, in the list and in the status words.
    auto *list = child<QListView>(window, "accountList");
    QTRY_COMPARE_WITH_TIMEOUT(
        list->model()->index(0, 0).data(AccountListModel::StateTextRole).toString(),
        expected("Angemeldet", "Signed in"), 5000);
    QVERIFY2(list->model()
                 ->index(0, 0)
                 .data(Qt::AccessibleTextRole)
                 .toString()
                 .endsWith(expected(", Angemeldet, Standardkonto", ", Signed in, default account")),
        qPrintable(list->model()->index(0, 0).data(Qt::AccessibleTextRole).toString()));
    const QString validity = child<QLabel>(window, "tokenValidity")->text();
    QVERIFY2(validity.startsWith(expected("Zugriffstoken noch ", "Access token valid for ")),
        qPrintable(validity));
    // A plural: the 30-day session has 29 whole days left.
    QCOMPARE(child<QLabel>(window, "sessionEnd")->text(),
        expected("Sitzung läuft noch 29 Tage", "Session ends in 29 days"));

    // The tray menu and its tooltip.
    TrayIcon *tray = rig.app().tray();
    QCOMPARE(child<QAction>(tray->menu(), "trayOpen")->text(),
        expected("SMTPD Accounts &öffnen", "&Open SMTPD Accounts"));
    QCOMPARE(child<QAction>(tray->menu(), "trayCopy")->text(),
        expected("Zugriffstoken &kopieren", "&Copy access token"));
    QCOMPARE(child<QAction>(tray->menu(), "trayRefresh")->text(),
        expected("Jetzt e&rneuern", "&Refresh now"));
    QCOMPARE(
        child<QAction>(tray->menu(), "traySignOut")->text(), expected("&Abmelden", "Sign &out"));
    QCOMPARE(child<QAction>(tray->menu(), "trayQuit")->text(), expected("&Beenden", "&Quit"));
    const QString tip = tray->toolTip();
    QVERIFY2(tip.startsWith(expected("SMTPD Accounts – Angemeldet", "SMTPD Accounts – Signed in")),
        qPrintable(tip));
    QVERIFY2(tip.contains(expected("\nZugriffstoken: noch ", "\nAccess token: ")), qPrintable(tip));
    QVERIFY2(tip.contains(expected("\nSitzung: noch 29 Tage", "\nSession: 29 days left")),
        qPrintable(tip));

    // Qt's own words (qtbase_de): the Cancel of Remove's confirmation is a standard button.
    child<QPushButton>(window, "removeAccount")->click();
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = window->findChild<QMessageBox *>(QStringLiteral("removeAccountConfirmation"))),
        5000);
    QCOMPARE(box->windowTitle(), expected("Konto entfernen", "Remove account"));
    QCOMPARE(child<QPushButton>(box, "confirmRemoveAccount")->text(),
        expected("Konto entfernen", "Remove account"));
    QCOMPARE(box->button(QMessageBox::Cancel)->text(), expected("Abbrechen", "Cancel"));
    box->reject();
    QTRY_VERIFY_WITH_TIMEOUT(
        !window->findChild<QMessageBox *>(QStringLiteral("removeAccountConfirmation")), 5000);
    QVERIFY(rig.session().state() == Session::State::Active);
}

void TestGermanGui::plansCountInTheLanguage()
{
    PlanUsagePage page;
    PlanFacts plan;
    plan.name = QStringLiteral("Starter");
    plan.pricePerMonth = QStringLiteral("9.50");
    plan.maxEmailsPerMonth = 5000;
    plan.limitEnforced = true;
    plan.maxSendingProfiles = 1;
    plan.retentionDays = 30;
    plan.basicReporting = true;
    page.setPlan(plan);
    const QStringList lines = child<QLabel>(&page, "planDetails")->text().split(QLatin1Char('\n'));
    QCOMPARE(child<QLabel>(&page, "planName")->text(), expected("Tarif Starter", "Starter plan"));
    // Plural forms (one and many) and the locale's digits.
    for (const QString &line : {expected("9,50 US$ pro Monat", "US$9.50 a month"),
             expected("Bis zu 5.000 E-Mails pro Monat (feste Obergrenze)",
                 "Up to 5,000 emails a month (a hard limit)"),
             expected("1 Versandprofil", "1 sending profile"),
             expected("Daten werden 30 Tage aufbewahrt", "Data kept for 30 days"),
             expected("Funktionen: einfache Berichte", "Features: basic reporting")})
        QVERIFY2(lines.contains(line), qPrintable(lines.join(QLatin1String(" | "))));
    plan.maxSendingProfiles = 3;
    plan.retentionDays = 1;
    page.setPlan(plan);
    const QString details = child<QLabel>(&page, "planDetails")->text();
    QVERIFY2(
        details.contains(expected("3 Versandprofile", "3 sending profiles")), qPrintable(details));
    QVERIFY2(details.contains(expected("Daten werden 1 Tag aufbewahrt", "Data kept for 1 day")),
        qPrintable(details));
}

// The checks above once more, in a child process under LANG=C.UTF-8: English throughout.
void TestGermanGui::englishUnderCLocale()
{
    if (!german())
        QSKIP("this is the English run");
    QProcess run;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SMTPD_TEST_UI_LANG"), QStringLiteral("C.UTF-8"));
    run.setProcessEnvironment(environment);
    run.setProcessChannelMode(QProcess::MergedChannels);
    QSignalSpy finished(&run, &QProcess::finished);
    run.start(QCoreApplication::applicationFilePath(),
        {QStringLiteral("signInWindow"), QStringLiteral("accountWindowAndTray"),
            QStringLiteral("plansCountInTheLanguage")});
    QVERIFY(run.waitForStarted(10000));
    QVERIFY(finished.wait(150000));
    const QByteArray output = run.readAll();
    QVERIFY2(run.exitStatus() == QProcess::NormalExit && run.exitCode() == 0, output.constData());
    QVERIFY2(output.contains("Totals: "), output.constData());
}

int main(int argc, char *argv[])
{
    // Before the QApplication: the locale and the UI languages come from the environment.
    g_lang = qEnvironmentVariableIsSet("SMTPD_TEST_UI_LANG") ? qgetenv("SMTPD_TEST_UI_LANG")
                                                             : QByteArray("de_DE.UTF-8");
    qputenv("LANG", g_lang);
    for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_NUMERIC", "LC_TIME"})
        qunsetenv(name);
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    g_installed = installTranslations(&app); // as app/main.cpp does
    TestGermanGui test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_german_gui.moc"
