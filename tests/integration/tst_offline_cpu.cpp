// A minute offline, in real time with the product's real clock and timers: the session must
// sleep between its retries. (Defect 1 of issue 7 burnt a whole core here: 19.99 CPU seconds
// in 20 s.) A measurement window, not a wait for something to happen.
#include "Clock.h"
#include "EmulatorFixture.h"
#include "ProbeNetwork.h"
#include "api/ApiClient.h"
#include "auth/Session.h"
#include "auth/TokenStore.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <sys/resource.h>

using namespace Smtpd;
using namespace TestSupport;

namespace {
double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}
} // namespace

class TestOfflineCpu : public QObject
{
    Q_OBJECT

private slots:
    void aMinuteOfflineCostsAlmostNothing();
};

void TestOfflineCpu::aMinuteOfflineCostsAlmostNothing()
{
    EmulatorFixture emulator;
    QVERIFY(emulator.isRunning());
    emulator.server().accounts().setAccessTokenLifetimeSeconds(8); // due 6 s after sign-in
    SystemClock systemClock;
    ProbeNetwork network;
    ApiClient api(&network, &systemClock);
    api.setServer(emulator.baseUrl(), EmulatorFixture::caCertificates());
    MemoryTokenStore store;
    Session session(&api, &store, &systemClock);
    session.signIn(DemoEmail, DemoPassword);
    QTRY_COMPARE_WITH_TIMEOUT(toString(session.state()), toString(Session::State::Active), 15000);
    QVERIFY(network.waitQuiet());
    emulator.server().stopListening();
    QTRY_COMPARE_WITH_TIMEOUT(toString(session.state()), toString(Session::State::Offline), 20000);

    const int sentBefore = int(network.sent().size());
    const double cpuBefore = cpuSeconds();
    QElapsedTimer window;
    window.start();
    QTest::qWait(60 * 1000); // the measurement window: a minute offline
    const double cpu = cpuSeconds() - cpuBefore;
    const int attempts = int(network.sent().size()) - sentBefore;
    qInfo("a minute offline (%lld ms): %.3f CPU seconds, %d refresh attempts", window.elapsed(),
        cpu, attempts);
    QVERIFY2(cpu < 0.5, qPrintable(QString::number(cpu)));
    // Backoff 2, 4, 8, 16, 32 s (±20 %): four to six attempts in a minute.
    QVERIFY2(attempts >= 3 && attempts <= 6, qPrintable(QString::number(attempts)));
    QCOMPARE(toString(session.state()), toString(Session::State::Offline));
    QVERIFY(session.hasTokens());
}

QTEST_GUILESS_MAIN(TestOfflineCpu)
#include "tst_offline_cpu.moc"
