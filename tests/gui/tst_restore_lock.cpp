// The lock protocol's app side: at start the app loads an account from the keychain only
// while it holds that account's AccountLock. A command line that holds it (mid-refresh) is
// waited for on a 250 ms timer, the account showing Restoring meanwhile, at no CPU cost.
#include "AppRig.h"
#include "WaitUntil.h"
#include "accounts/AccountLock.h"
#include "accounts/AccountManager.h"
#include "accounts/LockedRestore.h"
#include "auth/Session.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <ctime>

using namespace Smtpd;
using namespace TestSupport;

namespace {
// This process's CPU time (user + system), in milliseconds.
qint64 cpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}
} // namespace

class TestRestoreLock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void restoreWaitsForAHeldLock();
    void freeLockRestoresAtOnceAndIsReleased();
};

void TestRestoreLock::initTestCase()
{
    QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"), "run under Xvfb");
}

void TestRestoreLock::restoreWaitsForAHeldLock()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    const QString id = rig.app().currentAccount()->id();
    // A command line mid-refresh holds the account's lock while the app starts.
    AccountLock held(id);
    QVERIFY(held.tryLock());
    rig.emulator().server().clearRequests();
    Application &app = rig.restartApp();
    Account *account = app.accounts()->find(DemoEmail);
    QVERIFY(account);
    Session *session = account->session();
    QCOMPARE(toString(session->state()), toString(Session::State::Restoring));
    auto *retry = app.accounts()->findChild<QTimer *>(QStringLiteral("accountLockRetry"));
    QVERIFY(retry);
    QVERIFY(retry->isActive());
    QCOMPARE(retry->interval(), LockedRestore::RetryMs);

    // Twelve tries of the lock: three seconds of waiting, on the timer alone.
    QSignalSpy tries(retry, &QTimer::timeout);
    QElapsedTimer elapsed;
    elapsed.start();
    const qint64 cpuBefore = cpuMs();
    QVERIFY(waitUntil([&] { return tries.count() >= 12; }, 10000));
    const qint64 cpu = cpuMs() - cpuBefore;
    qInfo("waited %lld ms for 12 tries of the lock, %lld ms of CPU", elapsed.elapsed(), cpu);
    QVERIFY2(elapsed.elapsed() >= 11 * LockedRestore::RetryMs, "tried faster than every 250 ms");
    QVERIFY2(cpu < 300, qPrintable(QStringLiteral("%1 ms of CPU while waiting").arg(cpu)));
    QCOMPARE(toString(session->state()), toString(Session::State::Restoring));
    QVERIFY(!session->hasTokens());
    QCOMPARE(rig.emulator().server().requests().size(), 0);
    QVERIFY(!app.signInWindow()->isVisible()); // it is being restored, not signed out

    // Let go: the next try takes it and restores.
    held.unlock();
    elapsed.restart();
    QTRY_COMPARE_WITH_TIMEOUT(toString(session->state()), toString(Session::State::Active), 5000);
    QVERIFY(session->hasTokens());
    QVERIFY2(elapsed.elapsed() < 2000, qPrintable(QString::number(elapsed.elapsed())));
    QTRY_VERIFY_WITH_TIMEOUT(!retry->isActive(), 1000);
    // The app let go of the lock once loaded: a command line can take it.
    AccountLock after(id);
    QTRY_VERIFY_WITH_TIMEOUT(after.tryLock(), 2000);
}

void TestRestoreLock::freeLockRestoresAtOnceAndIsReleased()
{
    AppRig rig;
    QVERIFY(rig.signInThroughWindow(DemoEmail, DemoPassword));
    const QString id = rig.app().currentAccount()->id();
    Application &app = rig.restartApp();
    Session *session = app.accounts()->find(DemoEmail)->session();
    // While it loads, the app holds the lock.
    QCOMPARE(toString(session->state()), toString(Session::State::Restoring));
    AccountLock probe(id);
    QVERIFY(!probe.tryLock());
    QTRY_COMPARE_WITH_TIMEOUT(toString(session->state()), toString(Session::State::Active), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(probe.tryLock(), 2000);
    auto *retry = app.accounts()->findChild<QTimer *>(QStringLiteral("accountLockRetry"));
    QVERIFY(retry && !retry->isActive());
}

QTEST_MAIN(TestRestoreLock)
#include "tst_restore_lock.moc"
