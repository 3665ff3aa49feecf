// Pictures of the app for people to look at, saved under the build's artifacts folder:
// sign-in (empty, with an error), account (picture, initials, dark palette), the window with
// three accounts (light and dark). Run once at 100 % and once at 200 % (QT_SCALE_FACTOR=2),
// where the avatar must be asked for in device pixels so that it stays sharp.
#include "AppRig.h"
#include "AvatarImage.h"
#include "AvatarView.h"
#include "api/Profile.h"
#include "auth/Session.h"
#include "avatar/AvatarFetcher.h"

#include <QDir>
#include <QLabel>
#include <QListView>
#include <QStyleFactory>
#include <QTest>

using namespace Smtpd;
using namespace TestSupport;

class TestScreenshots : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void signInWindow();
    void accountWindowWithPicture();
    void accountWindowWithInitials();
    void accountListLight();
    void accountWindowDark();
    void accountListDark();

private:
    void save(QWidget *window, const QString &name);
    void saveAccountList(const QString &name, bool dark);
    QString m_suffix;
    qreal m_scale = 1;
};

void TestScreenshots::initTestCase()
{
    QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"), "run under Xvfb");
    m_scale = qEnvironmentVariableIntValue("QT_SCALE_FACTOR") > 1 ? 2 : 1;
    m_suffix = m_scale > 1 ? QStringLiteral("-200") : QString();
    QDir().mkpath(QStringLiteral(SMTPD_ARTIFACTS_DIR));
}

void TestScreenshots::save(QWidget *window, const QString &name)
{
    QVERIFY(QTest::qWaitForWindowExposed(window));
    const QPixmap picture = window->grab();
    QCOMPARE(picture.devicePixelRatio(), m_scale);
    QVERIFY(picture.width() >= window->width() * m_scale);
    QVERIFY(picture.save(QStringLiteral(SMTPD_ARTIFACTS_DIR "/%1%2.png").arg(name, m_suffix)));
}

void TestScreenshots::signInWindow()
{
    AppRig rig;
    QVERIFY(rig.isReady());
    SignInWindow *window = rig.app().signInWindow();
    findByAccessibleName<QLineEdit>(window, QStringLiteral("Email"))->clear();
    save(window, QStringLiteral("sign-in"));
    findByAccessibleName<QLineEdit>(window, QStringLiteral("Email"))->setText(DemoEmail);
    QTest::keyClicks(findByAccessibleName<QLineEdit>(window, QStringLiteral("Password")),
        QStringLiteral("wrong"));
    QTest::keyClick(
        findByAccessibleName<QLineEdit>(window, QStringLiteral("Password")), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        window->findChild<QLabel *>(QStringLiteral("signInError"))->isVisible(), 10000);
    save(window, QStringLiteral("sign-in-error"));
}

void TestScreenshots::accountWindowWithPicture()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    AvatarView *avatar = rig.app().accountWindow()->avatar();
    QTRY_VERIFY_WITH_TIMEOUT(avatar->showsPicture(), 10000);
    // Asked for in device pixels: 96 logical pixels at this scale.
    QCOMPARE(avatar->requestPixels(), qRound(96 * m_scale));
    bool sized = false;
    for (const auto &request : rig.emulator().server().requests())
        sized |= request.path.startsWith(QStringLiteral("/avatar/"))
            && request.query.contains(QStringLiteral("s=%1").arg(qRound(96 * m_scale)));
    QVERIFY(sized);
    save(rig.app().accountWindow(), QStringLiteral("account-picture"));
}

void TestScreenshots::accountWindowWithInitials()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(
        QStringLiteral("jack.truong@jameshardie.com"), QStringLiteral("jack-password")));
    QTRY_VERIFY_WITH_TIMEOUT(rig.emulator().server().requests().last().status == 404, 10000);
    QCOMPARE(rig.app().accountWindow()->avatar()->initials(), QStringLiteral("JT"));
    save(rig.app().accountWindow(), QStringLiteral("account-initials"));
}

static QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x16, 0x18, 0x1b));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x2c, 0x2f, 0x33));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xeb));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    return dark;
}

void TestScreenshots::accountWindowDark()
{
    const QPalette original = QApplication::palette();
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(darkPalette());
    {
        AppRig rig;
        QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
        QTRY_VERIFY_WITH_TIMEOUT(rig.app().accountWindow()->avatar()->showsPicture(), 10000);
        // Text stays readable: the labels draw with the dark palette's light text.
        auto *name = rig.app().accountWindow()->findChild<QLabel *>(QStringLiteral("profileName"));
        QCOMPARE(name->palette().color(QPalette::WindowText), QColor(0xe6, 0xe6, 0xe6));
        save(rig.app().accountWindow(), QStringLiteral("account-dark"));
    }
    QApplication::setPalette(original);
}

// The window with three accounts, made directly (no emulator): the default one with a picture
// on production (current), one on another server, one signed in with an API key.
void TestScreenshots::saveAccountList(const QString &name, bool dark)
{
    AccountWindow window;
    Profile profile;
    profile.id = QStringLiteral("u1");
    profile.accountId = QStringLiteral("811affc1-66c7-4982-b39e-29f9536b4720");
    profile.email = DemoEmail;
    profile.firstName = QStringLiteral("Dana");
    profile.surname = QStringLiteral("Demo");
    profile.isOwner = true;
    profile.isVerified = true;
    profile.createdAt = QDateTime(QDate(2020, 3, 14), QTime(9, 0), Qt::UTC);
    profile.modifiedAt = QDateTime(QDate(2024, 1, 8), QTime(9, 0), Qt::UTC);
    window.setProfile(profile);
    const QString hash = emailHash(DemoEmail);
    window.avatar()->setPicture(SmtpdEmulator::avatarPng(hash, window.avatar()->requestPixels()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    window.setExpiries(now.addSecs(59 * 60 + 30), now.addDays(29).addSecs(3600));
    window.setStorage(QStringLiteral("the GNOME keyring"));

    AccountListEntry dana;
    dana.id = QStringLiteral("a");
    dana.name = QStringLiteral("Dana Demo");
    dana.who = DemoEmail;
    dana.stateText = QStringLiteral("Signed in");
    dana.badge = AccountListEntry::Badge::Active;
    dana.isDefault = true;
    dana.avatarHash = hash;
    dana.avatar.loadFromData(SmtpdEmulator::avatarPng(hash, 96 * 2));
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
    bot.stateText = QStringLiteral("Session ended");
    bot.badge = AccountListEntry::Badge::Attention;
    window.setAccounts({dana, jack, bot});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // The entries' text follows the palette: an entry that is not selected has text in the
    // palette's Text colour (light on dark, dark on light), right of the avatar.
    auto *list = window.findChild<QListView *>(QStringLiteral("accountList"));
    const QRect second = list->visualRect(list->model()->index(1, 0));
    const QImage rows = list->viewport()->grab(second).toImage();
    const QColor text = list->palette().color(QPalette::Text);
    int inked = 0;
    for (int y = 0; y < rows.height(); ++y)
        for (int x = qRound(60 * m_scale); x < rows.width(); ++x) {
            const QColor pixel = rows.pixelColor(x, y);
            inked += qAbs(pixel.lightness() - text.lightness()) < 40;
        }
    QVERIFY2(inked > 50, qPrintable(QStringLiteral("%1 pixels of text colour").arg(inked)));
    QCOMPARE(text.lightness() > 128, dark);
    save(&window, name);
}

void TestScreenshots::accountListLight()
{
    saveAccountList(QStringLiteral("accounts"), false);
}

void TestScreenshots::accountListDark()
{
    const QPalette original = QApplication::palette();
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(darkPalette());
    saveAccountList(QStringLiteral("accounts-dark"), true);
    QApplication::setPalette(original);
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
