// The secrets audit: sign in through the real windows, refresh, hand out a token, sign out,
// with every logging category on. No password or token value may appear in any log line,
// any file under the test's HOME and XDG folders, any window title or accessible name.
#include "AccountWindow.h"
#include "ApiKeysPage.h"
#include "Application.h"
#include "EmulatorFixture.h"
#include "EmulatorProcess.h"
#include "SignInWindow.h"
#include "TrayIcon.h"
#include "accounts/AccountManager.h"
#include "auth/KeychainTokenStore.h"
#include "auth/Session.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDirIterator>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenu>
#include <QMutex>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Smtpd;
using namespace TestSupport;

namespace {
QMutex logMutex;
QStringList capturedLog;
void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&logMutex);
    capturedLog.append(
        QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message);
}
} // namespace

class TestSecretsAudit : public QObject
{
    Q_OBJECT

private slots:
    void noSecretLeaks();
};

void TestSecretsAudit::noSecretLeaks()
{
    QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"), "run under Xvfb");
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    qInstallMessageHandler(captureMessage);

    // The emulator runs in its own process: only the app's own logging is captured here.
    EmulatorProcess emulator(
        {QStringLiteral("--rotate-refresh-tokens")}); // more tokens to look for
    QVERIFY(emulator.isRunning());
    AppOptions options;
    options.apiUrl = emulator.baseUrl();
    options.caCertificates = EmulatorFixture::caCertificates();
    options.avatarUrl = QUrl(emulator.baseUrl().toString() + QStringLiteral("/avatar/"));
    Application app(options);
    app.start();
    Session *session = nullptr; // the account's, once it exists

    QStringList secrets {DemoPassword};
    auto collectToken = [&] {
        QString token;
        session->withFreshToken(this, [&](const QString &t, const ApiError &) { token = t; });
        QTRY_VERIFY_WITH_TIMEOUT(!token.isEmpty(), 10000);
        secrets.append(token);
    };
    auto collectRefreshToken = [&] {
        KeychainTokenStore store;
        std::unique_ptr<StoreJob> job(store.load(storageKeyFor(session->origin(), DemoEmail)));
        QSignalSpy done(job.get(), &StoreJob::finished);
        QVERIFY(done.wait(15000));
        QVERIFY(job->found());
        secrets.append(job->session().refreshToken);
    };

    // Sign in through the widgets.
    auto *email = app.signInWindow()->findChild<QLineEdit *>(QStringLiteral("email"));
    auto *password = app.signInWindow()->findChild<QLineEdit *>(QStringLiteral("password"));
    QTest::keyClicks(email, DemoEmail);
    QTest::keyClicks(password, DemoPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        (session = app.session()) && session->state() == Session::State::Active, 15000);
    collectToken();
    collectRefreshToken();

    // A refresh (rotating the refresh token), then another hand-out.
    QSignalSpy tokenChanged(session, &Session::accessTokenChanged);
    QTest::mouseClick(app.accountWindow()->findChild<QPushButton *>(QStringLiteral("refreshNow")),
        Qt::LeftButton);
    QVERIFY(tokenChanged.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(toString(session->state()), toString(Session::State::Active), 10000);
    collectToken();
    collectRefreshToken();
    QCOMPARE(secrets.size(), 5);

    // A second account, signed in with an API key and its secret (both credentials).
    app.addAccount();
    QTRY_VERIFY(app.signInWindow()->isVisible());
    auto *keyMode = app.signInWindow()->findChild<QRadioButton *>(QStringLiteral("modeApiKey"));
    QVERIFY(keyMode);
    keyMode->click();
    email->clear();
    QTest::keyClicks(email, DemoApiKey);
    QTest::keyClicks(password, DemoApiSecret);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(app.accounts()->accounts().size() == 2
            && app.currentAccount()->session()->state() == Session::State::Active,
        15000);
    secrets << DemoApiKey << DemoApiSecret;
    {
        QString keyToken;
        app.currentAccount()->session()->withFreshToken(
            this, [&](const QString &t, const ApiError &) { keyToken = t; });
        QTRY_VERIFY_WITH_TIMEOUT(!keyToken.isEmpty(), 10000);
        secrets << keyToken;
    }
    app.setCurrentAccount(app.accounts()->accounts().first());

    // A new API key created in the API keys tab: its secret is shown once, then must be
    // nowhere (no log line, file, setting, title or accessible name).
    app.accountWindow()->showSection(AccountWindow::Section::ApiKeys);
    auto *keysPage = app.accountWindow()->apiKeysPage();
    emit keysPage->createRequested(QStringLiteral("audit key"), QStringLiteral("standard"));
    QDialog *shown = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (shown = app.accountWindow()->findChild<QDialog *>(QStringLiteral("oneTimeSecretDialog")))
            && shown->isVisible(),
        15000);
    const QString newSecret = shown->findChild<QLineEdit *>(QStringLiteral("newSecret"))->text();
    QVERIFY(newSecret.size() >= 8);
    secrets << newSecret;
    for (QWidget *widget : shown->findChildren<QWidget *>())
        QVERIFY(!widget->accessibleName().contains(newSecret)
            && !widget->windowTitle().contains(newSecret));
    shown->findChild<QCheckBox *>(QStringLiteral("secretStored"))->setChecked(true);
    shown->accept();
    QTRY_VERIFY(!app.accountWindow()->findChild<QDialog *>(QStringLiteral("oneTimeSecretDialog")));
    app.accountWindow()->showSection(AccountWindow::Section::Account);

    // Everything visible about the app, while signed in: widgets, the account list's entries,
    // the tray's tooltip and menus.
    QStringList visible;
    for (QWidget *widget : QApplication::allWidgets())
        visible << widget->windowTitle() << widget->accessibleName()
                << widget->accessibleDescription() << widget->toolTip();
    auto *list = app.accountWindow()->findChild<QAbstractItemView *>(QStringLiteral("accountList"));
    QVERIFY(list && list->model()->rowCount() == 2);
    for (int row = 0; row < list->model()->rowCount(); ++row)
        for (int role : {int(Qt::DisplayRole), int(Qt::AccessibleTextRole), int(Qt::ToolTipRole)})
            visible << list->model()->index(row, 0).data(role).toString();
    visible << app.tray()->toolTip();
    const QList<QMenu *> menus = app.tray()->menu()->findChildren<QMenu *>();
    for (QMenu *menu : menus) {
        visible << menu->title();
        for (QAction *action : menu->actions())
            visible << action->text() << action->toolTip();
    }
    for (QAction *action : app.tray()->menu()->actions())
        visible << action->text();

    // Sign out through the window.
    QTest::mouseClick(
        app.accountWindow()->findChild<QPushButton *>(QStringLiteral("signOut")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(session->state()), toString(Session::State::SignedOut), 15000);
    QCOMPARE(toString(session->reason()), toString(Session::Reason::SignedOut));
    QSettings().sync();
    qInstallMessageHandler(nullptr);

    QVERIFY2(capturedLog.size() > 10, "the logging categories were not on");
    for (const QString &secret : std::as_const(secrets)) {
        QVERIFY(secret.size() >= 8);
        for (const QString &line : std::as_const(capturedLog))
            QVERIFY2(!line.contains(secret),
                qPrintable(QStringLiteral("a log line holds a secret: ") + line.left(60)));
        for (const QString &text : std::as_const(visible))
            QVERIFY2(!text.contains(secret), "a window title or accessible name holds a secret");
    }

    // No file in the session's folders holds any of them (the keyring's own file is encrypted).
    QStringList roots {QDir::homePath()};
    for (const char *variable : {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"})
        if (!qEnvironmentVariableIsEmpty(variable))
            roots << qEnvironmentVariable(variable);
    int filesChecked = 0;
    for (const QString &root : roots) {
        QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = file.readAll();
            ++filesChecked;
            for (const QString &secret : std::as_const(secrets))
                QVERIFY2(!content.contains(secret.toUtf8()), qPrintable(file.fileName()));
        }
    }
    QVERIFY2(filesChecked > 0, "no files were written at all: the audit looked in the wrong place");
    qInfo("checked %d log lines and %d files for %d secrets", int(capturedLog.size()), filesChecked,
        int(secrets.size()));
}

QTEST_MAIN(TestSecretsAudit)
#include "tst_secrets_audit.moc"
