// Pictures of the app for people to look at, saved under the build's artifacts folder:
// sign-in (empty, with an error), account (picture, initials, dark palette). Run once at
// 100 % and once at 200 % (QT_SCALE_FACTOR=2), where the avatar must be asked for in device
// pixels so that it stays sharp.
#include "AppRig.h"
#include "AvatarView.h"
#include "auth/Session.h"

#include <QDir>
#include <QLabel>
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
    void accountWindowDark();

private:
    void save(QWidget *window, const QString &name);
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

void TestScreenshots::accountWindowDark()
{
    const QPalette original = QApplication::palette();
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
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
    QApplication::setPalette(dark);
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

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
