#include "AppRig.h"

#include "Clock.h"
#include "Translations.h"
#include "WaitUntil.h"
#include "api/ApiClient.h"
#include "auth/KeychainTokenStore.h"
#include "auth/Session.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Smtpd;

namespace TestSupport {

void AppRig::clearPersistentState()
{
    QSettings settings;
    // The remembered accounts (and what older versions remembered); preferences stay.
    for (const char *key : {"account", "accounts", "defaultAccount", "lastAccount"})
        settings.remove(QLatin1String(key));
    settings.sync();
    QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).removeRecursively();
    KeychainTokenStore keychain;
    for (const QString &account : {DemoEmail, QStringLiteral("jack.truong@jameshardie.com")}) {
        std::unique_ptr<StoreJob> job(keychain.clear(account));
        QSignalSpy done(job.get(), &StoreJob::finished);
        done.wait(15000);
    }
}

AppRig::AppRig()
{
    // As app/main.cpp does: the English plural forms ("1 account"), or the locale's language.
    static const QString language = installTranslations(QCoreApplication::instance());
    Q_UNUSED(language);
    clearPersistentState();
    m_emulator = std::make_unique<EmulatorFixture>();
    if (!m_emulator->isRunning())
        return;
    m_app = std::make_unique<Application>(options());
    m_app->start();
    m_ready = QTest::qWaitForWindowExposed(m_app->signInWindow());
}

AppRig::~AppRig()
{
    m_app.reset();
    m_emulator.reset();
}

AppOptions AppRig::options(const QString &account) const
{
    AppOptions options;
    options.account = account;
    options.apiUrl = m_emulator->baseUrl();
    options.caCertificates = EmulatorFixture::caCertificates();
    options.avatarUrl = QUrl(m_emulator->baseUrl().toString() + QStringLiteral("/avatar/"));
    return options;
}

Application &AppRig::restartApp(const QString &account)
{
    m_app.reset();
    m_app = std::make_unique<Application>(options(account));
    m_app->start();
    return *m_app;
}

bool AppRig::signInThroughWindow(const QString &email, const QString &password, bool waitForProfile)
{
    SignInWindow *window = m_app->signInWindow();
    auto *emailField = findByAccessibleName<QLineEdit>(window, QStringLiteral("Email"));
    auto *passwordField = findByAccessibleName<QLineEdit>(window, QStringLiteral("Password"));
    if (!emailField || !passwordField)
        return false;
    emailField->clear();
    QTest::keyClicks(emailField, email);
    QTest::keyClicks(passwordField, password);
    QTest::keyClick(passwordField, Qt::Key_Return);
    return waitUntil(
        [this, waitForProfile] {
            return m_app->accountWindow()->isVisible()
                && session().state() == Session::State::Active
                && (!waitForProfile || session().profile().isValid());
        },
        15000);
}

QString AppRig::currentToken()
{
    QString token;
    session().withFreshToken(m_app.get(), [&](const QString &t, const ApiError &) { token = t; });
    waitUntil([&] { return !token.isEmpty(); }, 10000);
    return token;
}

bool AppRig::signInElsewhere(const QString &email, const QString &password)
{
    QNetworkAccessManager network;
    SystemClock clock;
    ApiClient api(&network, &clock);
    api.setServer(m_emulator->baseUrl(), EmulatorFixture::caCertificates());
    std::unique_ptr<TokenReply> grant(api.grantPassword(email, password));
    return waitForReply(grant.get()) && !grant->error();
}

QByteArray readXClipboard(const QString &target)
{
    QProcess xclip;
    xclip.start(QStringLiteral("xclip"),
        {QStringLiteral("-o"), QStringLiteral("-selection"), QStringLiteral("clipboard"),
            QStringLiteral("-t"), target});
    QSignalSpy finished(&xclip, &QProcess::finished);
    if (!finished.wait(10000) || xclip.exitCode() != 0)
        return {};
    return xclip.readAllStandardOutput();
}

bool writeXClipboardFromOutside(const QByteArray &text)
{
    // xclip keeps serving the selection from the background until someone else takes it.
    QProcess xclip;
    xclip.start(QStringLiteral("xclip"),
        {QStringLiteral("-i"), QStringLiteral("-selection"), QStringLiteral("clipboard")});
    if (!xclip.waitForStarted(5000))
        return false;
    xclip.write(text);
    xclip.closeWriteChannel();
    QSignalSpy finished(&xclip, &QProcess::finished);
    finished.wait(10000);
    return readXClipboard() == text;
}

} // namespace TestSupport
