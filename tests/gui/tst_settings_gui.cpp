// The Settings dialog through the real app: opened from the account window (button, Ctrl+,)
// and the tray; each setting applies at once (no OK): the clipboard's clear time (the X
// clipboard empties after the new time), start at login (an XDG autostart entry that
// desktop-file-validate accepts, starting the app with --minimized; removed again), start
// minimized (a restart shows no window while a tray is there), the servers with their CA
// files (a new CA file applies to the server's accounts and is remembered; an unreadable one
// is refused in words), and the token storage shown, with nothing to change.
#include "AppRig.h"
#include "SettingsDialog.h"
#include "TokenClipboard.h"
#include "TrayHost.h"
#include "TrayIcon.h"
#include "accounts/AccountManager.h"
#include "auth/Session.h"
#include "settings/Autostart.h"
#include "settings/Preferences.h"

#include <QAccessible>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>

using namespace Smtpd;
using namespace TestSupport;

class TestSettingsGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void openedFromTheWindowTheShortcutAndTheTray();
    void everyControlHasAName();
    void clipboardClearTimeAppliesAtOnce();
    void startAtLoginWritesAndRemovesTheAutostartEntry();
    void autostartEntryFollowsTheDesktopsSwitch();
    void autostartExecLineIsQuoted_data();
    void autostartExecLineIsQuoted();
    void startMinimizedStartsInTheTray();
    void startMinimizedWaitsForALateTray();
    void serversAndTheirCaFiles();
    void tokenStorageIsShownNotOffered();

private:
    static SettingsDialog *openSettings(AppRig &rig);
    static QString autostartPath();
    static QString readFile(const QString &path);
};

void TestSettingsGui::initTestCase()
{
    QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"), "run under Xvfb");
}

void TestSettingsGui::init()
{
    QSettings settings;
    settings.remove(QStringLiteral("clipboard"));
    settings.remove(QStringLiteral("window"));
    QFile::remove(autostartPath());
}

QString TestSettingsGui::autostartPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart/dev.smtpd.Accounts.desktop");
}

QString TestSettingsGui::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

SettingsDialog *TestSettingsGui::openSettings(AppRig &rig)
{
    auto *button
        = findByAccessibleName<QPushButton>(rig.app().accountWindow(), QStringLiteral("Settings"));
    if (!button)
        return nullptr;
    QTest::mouseClick(button, Qt::LeftButton);
    SettingsDialog *dialog = rig.app().settingsDialog();
    return dialog && QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
}

void TestSettingsGui::openedFromTheWindowTheShortcutAndTheTray()
{
    AppRig rig;
    QVERIFY(rig.isReady());
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));

    SettingsDialog *dialog = openSettings(rig);
    QVERIFY(dialog);
    QCOMPARE(dialog->accessibleName(), QStringLiteral("Settings"));
    QCOMPARE(QAccessible::queryAccessibleInterface(dialog)->text(QAccessible::Name),
        QStringLiteral("Settings"));
    // Only Close: settings apply as they change.
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("closeSettings")));
    QVERIFY(!findByAccessibleName<QPushButton>(dialog, QStringLiteral("OK")));
    QDir().mkpath(QStringLiteral(SMTPD_ARTIFACTS_DIR));
    QVERIFY(dialog->grab().save(QStringLiteral(SMTPD_ARTIFACTS_DIR "/settings.png")));
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog->isVisible());

    // Ctrl+, in the account window.
    rig.app().accountWindow()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(rig.app().accountWindow()));
    QTest::keyClick(rig.app().accountWindow(), Qt::Key_Comma, Qt::ControlModifier);
    QTRY_VERIFY(dialog->isVisible());
    dialog->close();

    // The tray menu's Settings… (the same dialog, not a second one).
    QAction *fromTray
        = rig.app().tray()->menu()->findChild<QAction *>(QStringLiteral("traySettings"));
    QVERIFY(fromTray);
    QVERIFY(fromTray->isEnabled());
    fromTray->trigger();
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(rig.app().settingsDialog(), dialog);
    const QWidgetList windows = QApplication::topLevelWidgets();
    QCOMPARE(std::count_if(windows.begin(), windows.end(),
                 [](QWidget *w) { return qobject_cast<SettingsDialog *>(w) != nullptr; }),
        1);
}

void TestSettingsGui::everyControlHasAName()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    SettingsDialog *dialog = openSettings(rig);
    QVERIFY(dialog);
    const QList<QWidget *> widgets = dialog->findChildren<QWidget *>();
    int controls = 0;
    for (QWidget *widget : widgets) {
        if (!widget->isVisibleTo(dialog) || widget->focusPolicy() == Qt::NoFocus
            || qobject_cast<QAbstractSpinBox *>(widget->parentWidget()))
            continue; // a spin box's own line edit is part of it
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        QVERIFY(accessible);
        if (accessible->role() == QAccessible::ScrollBar || widget->inherits("QHeaderView"))
            continue;
        ++controls;
        QVERIFY2(!accessible->text(QAccessible::Name).trimmed().isEmpty(),
            qPrintable(
                QStringLiteral("%1 (%2) has no accessible name")
                    .arg(widget->objectName(), QLatin1String(widget->metaObject()->className()))));
    }
    QVERIFY2(controls >= 8, "spin box, two checkboxes, server list, two buttons, storage, Close");
    for (const char *name : {"Start at login", "Start minimized to the tray",
             "Clear a copied token after, in seconds", "Servers", "Token storage"})
        QVERIFY2(findByAccessibleName<QWidget>(dialog, QLatin1String(name)), name);
}

void TestSettingsGui::clipboardClearTimeAppliesAtOnce()
{
    QSettings().setValue(QStringLiteral("clipboard/clearAfterSeconds"), 600);
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    SettingsDialog *dialog = openSettings(rig);
    QVERIFY(dialog);
    auto *seconds = findByAccessibleName<QSpinBox>(
        dialog, QStringLiteral("Clear a copied token after, in seconds"));
    QVERIFY(seconds);
    QCOMPARE(seconds->value(), 600);
    QCOMPARE(seconds->minimum(), Preferences::MinClipboardClearSeconds);

    // Typed, as a person does; no OK anywhere.
    seconds->setFocus();
    QTest::keyClick(seconds, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(seconds, QStringLiteral("3"));
    QCOMPARE(rig.app().clipboard()->clearAfterSeconds(), 3);
    QCOMPARE(QSettings().value(QStringLiteral("clipboard/clearAfterSeconds")).toInt(), 3);

    // The next copy follows it: on the X clipboard, then gone after about 3 s.
    QTest::mouseClick(findByAccessibleName<QPushButton>(
                          rig.app().accountWindow(), QStringLiteral("Copy access token")),
        Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(QString::fromUtf8(readXClipboard()), rig.currentToken(), 5000);
    QElapsedTimer held;
    held.start();
    QTRY_VERIFY_WITH_TIMEOUT(readXClipboard().isEmpty(), 10000);
    QVERIFY2(held.elapsed() >= 2000, "cleared by the 3 s timer, not by something else");

    // Out of range by hand: brought back into range.
    QSettings().setValue(QStringLiteral("clipboard/clearAfterSeconds"), 0);
    QCOMPARE(
        rig.app().preferences()->clipboardClearSeconds(), Preferences::MinClipboardClearSeconds);
}

void TestSettingsGui::startAtLoginWritesAndRemovesTheAutostartEntry()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    SettingsDialog *dialog = openSettings(rig);
    QVERIFY(dialog);
    auto *atLogin = findByAccessibleName<QCheckBox>(dialog, QStringLiteral("Start at login"));
    QVERIFY(atLogin);
    QVERIFY(!atLogin->isChecked());
    QVERIFY(!QFile::exists(autostartPath()));

    atLogin->setFocus();
    QTest::keyClick(atLogin, Qt::Key_Space);
    QVERIFY(atLogin->isChecked());
    QVERIFY(QFile::exists(autostartPath()));
    const QString entry = readFile(autostartPath());
    QVERIFY2(entry.contains(QStringLiteral("\nExec=")
                 + Autostart::execValue(
                     {QCoreApplication::applicationFilePath(), QStringLiteral("--minimized")})
                 + QLatin1Char('\n')),
        qPrintable(entry));
    QVERIFY(entry.startsWith(QStringLiteral("[Desktop Entry]\n")));
    QVERIFY(entry.contains(QStringLiteral("\nIcon=dev.smtpd.Accounts\n")));
    // The desktop's own validator accepts it.
    QProcess validate;
    validate.start(QStringLiteral("desktop-file-validate"), {autostartPath()});
    QVERIFY(validate.waitForFinished(30000));
    QVERIFY2(validate.exitCode() == 0 && validate.readAll().trimmed().isEmpty(),
        qPrintable(QString::fromUtf8(validate.readAllStandardError())));

    QTest::keyClick(atLogin, Qt::Key_Space);
    QVERIFY(!atLogin->isChecked());
    QVERIFY(!QFile::exists(autostartPath()));
}

void TestSettingsGui::autostartEntryFollowsTheDesktopsSwitch()
{
    // A desktop's "startup applications" switch writes X-GNOME-Autostart-enabled=false; the
    // dialog, opened again, shows what holds.
    const Autostart autostart(QStringLiteral("/usr/bin/smtpd-accounts"));
    QVERIFY(autostart.setEnabled(true).isEmpty());
    QVERIFY(autostart.isEnabled());
    QVERIFY(readFile(autostartPath())
                .contains(QStringLiteral("\nExec=/usr/bin/smtpd-accounts --minimized\n")));
    QString entry = readFile(autostartPath());
    entry.replace(QStringLiteral("X-GNOME-Autostart-enabled=true"),
        QStringLiteral("X-GNOME-Autostart-enabled=false"));
    {
        QFile file(autostartPath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(entry.toUtf8());
    }
    QVERIFY(!autostart.isEnabled());

    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    SettingsDialog *dialog = openSettings(rig);
    QVERIFY(dialog);
    auto *atLogin = findByAccessibleName<QCheckBox>(dialog, QStringLiteral("Start at login"));
    QVERIFY(!atLogin->isChecked());
    dialog->close();
    QVERIFY(autostart.setEnabled(true).isEmpty());
    dialog->show();
    QTRY_VERIFY(atLogin->isChecked());
    QVERIFY(autostart.setEnabled(false).isEmpty());
    QVERIFY(!QFile::exists(autostartPath()));
}

void TestSettingsGui::autostartExecLineIsQuoted_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("exec");
    QTest::newRow("plain") << "/usr/bin/smtpd-accounts"
                           << "/usr/bin/smtpd-accounts --minimized";
    QTest::newRow("space") << "/opt/SMTPD Accounts/smtpd-accounts"
                           << "\"/opt/SMTPD Accounts/smtpd-accounts\" --minimized";
    // Inside quotes ", `, $ and \ take a backslash, which the string escape doubles again.
    QTest::newRow("dollar") << "/home/a$b/app"
                            << "\"/home/a\\\\$b/app\" --minimized";
    QTest::newRow("quote") << "/x/\"q\"/app"
                           << "\"/x/\\\\\"q\\\\\"/app\" --minimized";
    QTest::newRow("percent") << "/x/100%/app"
                             << "/x/100%%/app --minimized";
}

void TestSettingsGui::autostartExecLineIsQuoted()
{
    QFETCH(QString, program);
    QFETCH(QString, exec);
    QCOMPARE(Autostart::execValue({program, QStringLiteral("--minimized")}), exec);
    // desktop-file-validate agrees with the quoting.
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("dev.smtpd.Accounts.desktop"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(Autostart::desktopEntry(program).toUtf8());
    file.close();
    QProcess validate;
    validate.start(QStringLiteral("desktop-file-validate"), {path});
    QVERIFY(validate.waitForFinished(30000));
    QVERIFY2(validate.exitCode() == 0, qPrintable(QString::fromUtf8(validate.readAll())));
}

void TestSettingsGui::startMinimizedStartsInTheTray()
{
    TrayHost host;
    QVERIFY(host.isUp());
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QTRY_VERIFY(rig.app().tray()->isShown());
    SettingsDialog *dialog = openSettings(rig);
    QVERIFY(dialog);
    auto *minimized
        = findByAccessibleName<QCheckBox>(dialog, QStringLiteral("Start minimized to the tray"));
    QVERIFY(minimized && !minimized->isChecked());
    minimized->setFocus();
    QTest::keyClick(minimized, Qt::Key_Space);
    QVERIFY(QSettings().value(QStringLiteral("window/startMinimized")).toBool());

    // The next start: the session restores, the tray is there, no window shows.
    Application &app = rig.restartApp();
    QTRY_VERIFY_WITH_TIMEOUT(
        app.currentAccount() && app.currentAccount()->session()->state() == Session::State::Active,
        15000);
    QTRY_VERIFY(app.tray()->isShown());
    QVERIFY(!app.accountWindow()->isVisible());
    QVERIFY(!app.signInWindow()->isVisible());
    app.raiseWindow(); // the tray's Open brings it back
    QVERIFY(QTest::qWaitForWindowExposed(app.accountWindow()));

    // Switched off again: the next start shows the window.
    app.preferences()->setStartMinimized(false);
    Application &again = rig.restartApp();
    QTRY_VERIFY_WITH_TIMEOUT(again.accountWindow()->isVisible(), 15000);
}

// At login the app may start before the desktop's tray: its window shows, and goes to the tray
// once the tray appears.
void TestSettingsGui::startMinimizedWaitsForALateTray()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    QVERIFY(!rig.app().tray()->isShown());
    rig.app().preferences()->setStartMinimized(true);
    Application &app = rig.restartApp();
    QTRY_VERIFY_WITH_TIMEOUT(app.accountWindow()->isVisible(), 15000); // no tray: reachable
    TrayHost host;
    QVERIFY(host.isUp());
    QTRY_VERIFY_WITH_TIMEOUT(app.tray()->isShown() && !app.accountWindow()->isVisible(), 15000);
    QVERIFY(!app.signInWindow()->isVisible());
}

void TestSettingsGui::serversAndTheirCaFiles()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    Account *account = rig.app().currentAccount();
    SettingsDialog *dialog = openSettings(rig);
    QVERIFY(dialog);
    auto *servers = findByAccessibleName<QTreeWidget>(dialog, QStringLiteral("Servers"));
    QVERIFY(servers);
    QCOMPARE(servers->topLevelItemCount(), 1); // the emulator: the launch server and the account's
    QTreeWidgetItem *row = servers->topLevelItem(0);
    QCOMPARE(row->text(0), account->server().toString());
    QCOMPARE(row->text(1), QStringLiteral("System certificates"));
    QCOMPARE(row->text(2), QStringLiteral("1"));
    QCOMPARE(row->data(2, Qt::AccessibleTextRole).toString(), QStringLiteral("1 account"));

    auto choose = [&](const QString &path) {
        servers->setCurrentItem(servers->topLevelItem(0));
        auto *button = findByAccessibleName<QPushButton>(
            dialog, QStringLiteral("Choose CA file for the selected server"));
        QVERIFY(button && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QFileDialog *files = nullptr;
        QTRY_VERIFY(
            (files = dialog->findChild<QFileDialog *>(QStringLiteral("serverCaFileDialog"))));
        files->selectFile(path);
        QMetaObject::invokeMethod(files, "accept");
    };

    // Not a certificate: refused in words, nothing changes.
    QTemporaryDir directory;
    const QString junk = directory.filePath(QStringLiteral("junk.pem"));
    {
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a certificate\n");
    }
    choose(junk);
    auto *problem = dialog->findChild<QLabel *>(QStringLiteral("serverProblem"));
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("junk.pem")), qPrintable(problem->text()));
    QVERIFY(account->record().caFile.isEmpty());

    // The emulator's CA: listed, remembered, and the session goes on over it.
    const QString ca = EmulatorFixture::certificateDirectory() + QStringLiteral("/ca.pem");
    choose(ca);
    QTRY_COMPARE(account->record().caFile, ca);
    QVERIFY(!problem->isVisible());
    QTRY_COMPARE(servers->topLevelItem(0)->text(1), ca);
    account->session()->refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(
        account->session()->state() == Session::State::Active && account->session()->isIdle(),
        15000);

    // Remembered: the next start trusts it for that account.
    Application &app = rig.restartApp();
    QTRY_VERIFY_WITH_TIMEOUT(
        app.currentAccount() && app.currentAccount()->session()->state() == Session::State::Active,
        15000);
    account = app.currentAccount();
    QCOMPARE(account->record().caFile, ca);
    app.showSettings();
    dialog = app.settingsDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    servers = findByAccessibleName<QTreeWidget>(dialog, QStringLiteral("Servers"));
    QCOMPARE(servers->topLevelItem(0)->text(1), ca);
    servers->setCurrentItem(servers->topLevelItem(0));

    // Back to the system's certificate authorities.
    auto *system = findByAccessibleName<QPushButton>(dialog,
        QStringLiteral("Use only the system's certificate authorities for the selected server"));
    QVERIFY(system && system->isEnabled());
    QTest::mouseClick(system, Qt::LeftButton);
    QTRY_VERIFY(account->record().caFile.isEmpty());
    QCOMPARE(servers->topLevelItem(0)->text(1), QStringLiteral("System certificates"));
}

void TestSettingsGui::tokenStorageIsShownNotOffered()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    SettingsDialog *dialog = openSettings(rig);
    QVERIFY(dialog);
    auto *storage = findByAccessibleName<QLabel>(dialog, QStringLiteral("Token storage"));
    QVERIFY(storage);
    QVERIFY2(storage->text().contains(QStringLiteral("the system keyring (Secret Service)")),
        qPrintable(storage->text()));
    // Its group holds the words and nothing to change.
    auto *group = qobject_cast<QGroupBox *>(storage->parentWidget());
    QVERIFY(group);
    QVERIFY(group->findChildren<QAbstractButton *>().isEmpty());
    QVERIFY(group->findChildren<QComboBox *>().isEmpty());
    QVERIFY(group->findChildren<QLineEdit *>().isEmpty());
    // No secret anywhere in the dialog's texts.
    const QString token = rig.currentToken();
    QVERIFY(!token.isEmpty());
    for (QLabel *label : dialog->findChildren<QLabel *>())
        QVERIFY(!label->text().contains(token));
}

QTEST_MAIN(TestSettingsGui)
#include "tst_settings_gui.moc"
