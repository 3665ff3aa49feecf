// One test per defect found when the app was used against an independent server (issue 7),
// each named after the behaviour it guarantees. Manual time at the product's real intervals.
#include "ScriptedStore.h"
#include "SessionRig.h"
#include "TestUnits.h"
#include "auth/RefreshScheduler.h"
#include "auth/SessionStorage.h"
#include "auth/TokenBroker.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Smtpd;
using namespace SmtpdEmulator;
using namespace TestSupport;
using State = Session::State;
using Reason = Session::Reason;

namespace {

QString refreshTokenIn(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("refresh_token")).toString();
}
} // namespace

class TestSessionDefects : public QObject
{
    Q_OBJECT

private slots:
    void offlineWaitsBetweenRetries();
    void restoreOutsideTheMarginMakesNoRefresh();
    void restoreInsideTheMarginRefreshesOnce();
    void signOutWithRotationRevokesTheLiveToken();
    void noOtherRefreshOnceSignOutBegan();
    void revokeAnswered40106IsACompletedSignOut();
    void signOutBehindACaptivePortalSaysSo_data();
    void signOutBehindACaptivePortalSaysSo();
    void storedSessionStaysWithItsServer();
    void grantIsSavedBeforeTheProfile();
    void signOutStopsRetryAndProfileTimers();
    void bearerCallsLeaveNothingBehind();
    void tokensAreHandedOutDuringARenewal();
    void failedRemovalIsNotCalledSignedOut();
    void olderTokensNeverLandAfterNewer();
    void renewalDuringARefreshKeepsRefreshing();
    void deadTokenIsNotRefreshedAgainDuringARenewal();
    void thirtyDayWarningComesOnce();
    void lateRenewalGrantBecomesTheSession();
    void cancelledFirstSignInIsRevoked();
};

// Defect 1: offline, the session slept between retries only in theory; a zero-interval timer
// re-armed itself and burnt a core. At the real intervals, a minute offline is a handful of
// wake-ups: the backoff's (2, 4, 8, 16, 32 s) and the minute's clock check.
void TestSessionDefects::offlineWaitsBetweenRetries()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    rig.server().stopListening();
    rig.clock().advance(56 * Minute); // the refresh is due: it fails, the retries begin
    QVERIFY(rig.network().waitQuiet());
    QCOMPARE(toString(rig.session().state()), toString(State::Offline));
    const int firedBefore = rig.clock().firedCount();
    const int refreshesBefore = int(rig.network().sent().size());
    for (int second = 0; second < 60; ++second) {
        rig.clock().advance(Second);
        QVERIFY(rig.network().waitQuiet());
    }
    const int wakeUps = rig.clock().firedCount() - firedBefore;
    const int attempts = int(rig.network().sent().size()) - refreshesBefore;
    qInfo("a minute offline: %d timer wake-ups, %d refresh attempts", wakeUps, attempts);
    QCOMPARE(rig.clock().busyLoops(), 0);
    QVERIFY2(wakeUps <= 8, qPrintable(QString::number(wakeUps)));
    QVERIFY2(attempts >= 3 && attempts <= 6, qPrintable(QString::number(attempts)));
    QVERIFY(rig.clock().nextDeadline() > rig.clock().monotonicMs());
}

// Defect 2: a restart with a short-lived token sent a burst of refreshes and profile calls.
void TestSessionDefects::restoreOutsideTheMarginMakesNoRefresh()
{
    SessionRig rig;
    rig.server().accounts().setAccessTokenLifetimeSeconds(40); // margin 10 s
    QVERIFY(rig.signIn());
    rig.clock().sleep(2 * Second); // the app restarts two seconds later
    rig.network().clearSent();
    Session &session = rig.restart();
    session.restore(DemoEmail);
    QTRY_COMPARE_WITH_TIMEOUT(toString(session.state()), toString(State::Active), 10000);
    QVERIFY(rig.network().waitQuiet());
    QCoreApplication::processEvents();
    QVERIFY(rig.network().waitQuiet());
    int refreshes = 0, profiles = 0;
    for (const auto &sent : rig.network().sent()) {
        refreshes += sent.query == QLatin1String("grant_type=refresh_token");
        profiles += sent.path == QLatin1String("/oauth/me");
    }
    QCOMPARE(refreshes, 0);
    QCOMPARE(profiles, 1);
}

void TestSessionDefects::restoreInsideTheMarginRefreshesOnce()
{
    SessionRig rig;
    rig.server().accounts().setAccessTokenLifetimeSeconds(40);
    QVERIFY(rig.signIn());
    rig.clock().sleep(33 * Second); // 7 s left: inside the 10 s margin
    rig.network().clearSent();
    Session &session = rig.restart();
    session.restore(DemoEmail);
    QTRY_COMPARE_WITH_TIMEOUT(toString(session.state()), toString(State::Active), 10000);
    for (int i = 0; i < 5; ++i) { // let anything that would follow happen
        QVERIFY(rig.network().waitQuiet());
        rig.clock().fireDue();
        QCoreApplication::processEvents();
    }
    int refreshes = 0, profiles = 0;
    for (const auto &sent : rig.network().sent()) {
        refreshes += sent.query == QLatin1String("grant_type=refresh_token");
        profiles += sent.path == QLatin1String("/oauth/me");
    }
    QCOMPARE(refreshes, 1);
    QCOMPARE(profiles, 1);
}

// Defect 3: with rotation, sign-out refreshed and then revoked the refresh token that this
// very refresh had replaced: the server kept a live session.
void TestSessionDefects::signOutWithRotationRevokesTheLiveToken()
{
    SessionRig rig;
    rig.server().accounts().setRefreshRotation(true);
    rig.server().accounts().setAccessTokenLifetimeSeconds(50); // margin 12.5 s
    QVERIFY(rig.signIn());
    rig.clock().sleep(45 * Second); // 5 s left: the revoke needs a fresh bearer token first
    rig.network().clearSent();
    rig.session().signOut();
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::SignedOut), 10000);
    QCOMPARE(toString(rig.session().reason()), toString(Reason::SignedOut));
    const auto &sent = rig.network().sent();
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent[0].query, QStringLiteral("grant_type=refresh_token"));
    QCOMPARE(sent[1].path, QStringLiteral("/oauth/revoke"));
    QVERIFY(refreshTokenIn(sent[1].body) != refreshTokenIn(sent[0].body)); // the rotated one
    QCOMPARE(countRequests(rig.server(), QStringLiteral("/oauth/revoke"), 200), 1);
    QCOMPARE(rig.server().accounts().validRefreshTokenCount(), 0);
}

void TestSessionDefects::noOtherRefreshOnceSignOutBegan()
{
    SessionRig rig;
    rig.server().accounts().setRefreshRotation(true);
    QVERIFY(rig.signIn());
    rig.server().addFault(
        faultOn(QStringLiteral("slow,delay=300"), QStringLiteral("/oauth/revoke")));
    rig.network().clearSent();
    rig.server().clearRequests();
    rig.session().signOut();
    // The revoke has reached the server (its answer is on the way) before time moves on.
    QTRY_COMPARE_WITH_TIMEOUT(rig.server().requests().size(), 1, 5000);
    bool answered = false;
    rig.session().refreshNow();
    rig.session().withFreshToken(
        this,
        [&](const QString &token, const ApiError &error) {
            QVERIFY(token.isEmpty());
            QVERIFY(error);
            answered = true;
        },
        0);
    rig.clock().advance(2 * Hour); // every deadline passes while the revoke is on its way
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::SignedOut), 10000);
    QVERIFY(answered);
    for (const auto &sent : rig.network().sent())
        QCOMPARE(sent.path, QStringLiteral("/oauth/revoke"));
    QCOMPARE(rig.server().accounts().validRefreshTokenCount(), 0);
}

// A 40106 answer to a revoke means the session is over already: a completed sign-out.
void TestSessionDefects::revokeAnswered40106IsACompletedSignOut()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    std::unique_ptr<TokenReply> elsewhere(rig.api().grantPassword(DemoEmail, DemoPassword));
    QVERIFY(waitForReply(elsewhere.get())); // expires our refresh token
    QSignalSpy notices(&rig.session(), &Session::notice);
    rig.session().signOut();
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::SignedOut), 10000);
    QCOMPARE(toString(rig.session().reason()), toString(Reason::SignedOut));
    QCOMPARE(countRequests(rig.server(), QStringLiteral("/oauth/revoke"), 401), 1);
    QCOMPARE(rig.refreshCount(), 0);
    QCOMPARE(notices.count(), 0); // never "you signed in on another device"
}

// Found by the model-based test: a 200 that is not the API's (a captive portal's page) was
// taken for a revoke, and the person told "signed out" while the server session lived on.
void TestSessionDefects::signOutBehindACaptivePortalSaysSo_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("a portal's web page") << QStringLiteral("html");
    QTest::newRow("200 with broken JSON") << QStringLiteral("malformed");
}

void TestSessionDefects::signOutBehindACaptivePortalSaysSo()
{
    QFETCH(QString, fault);
    SessionRig rig;
    QVERIFY(rig.signIn());
    rig.server().addFault(faultOn(fault, QStringLiteral("/oauth/revoke")));
    rig.session().signOut();
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::SignedOut), 10000);
    QCOMPARE(toString(rig.session().reason()), toString(Reason::SignedOutServerNotTold));
}

// Defect 4: started against another server, the app sent the stored refresh token there.
void TestSessionDefects::storedSessionStaysWithItsServer()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    EmulatorFixture other;
    rig.api().setServer(other.baseUrl(), EmulatorFixture::caCertificates());
    rig.network().clearSent();
    Session &session = rig.restart();
    session.restore(DemoEmail);
    QTRY_COMPARE_WITH_TIMEOUT(toString(session.state()), toString(State::SignedOut), 10000);
    QCOMPARE(rig.network().sent().size(), 0);
    QCOMPARE(other.server().requests().size(), 0);
    QVERIFY(!session.hasTokens());
    // Its own server's session is still there, untouched.
    rig.api().setServer(rig.server().baseUrl(), EmulatorFixture::caCertificates());
    Session &back = rig.restart();
    back.restore(DemoEmail);
    QTRY_COMPARE_WITH_TIMEOUT(toString(back.state()), toString(State::Active), 10000);
    // And a running session never follows the client to another server either.
    rig.api().setServer(other.baseUrl(), EmulatorFixture::caCertificates());
    back.refreshNow();
    bool answered = false;
    back.withFreshToken(
        this,
        [&](const QString &token, const ApiError &error) {
            QVERIFY(token.isEmpty() && error);
            answered = true;
        },
        2 * Hour);
    QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
    QCOMPARE(other.server().requests().size(), 0);
}

// Defect 5: a cancel after the grant but before /oauth/me lost the session (the grant had
// killed the older refresh token; the new one was never saved).
void TestSessionDefects::grantIsSavedBeforeTheProfile()
{
    SessionRig rig;
    // /oauth/me never answers well: only the grant can have saved the tokens.
    rig.server().addFault(faultOn(QStringLiteral("status=500"), QStringLiteral("/oauth/me")));
    rig.session().signIn(DemoEmail, DemoPassword);
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Active), 10000);
    QVERIFY(!rig.session().profile().isValid());
    QTRY_VERIFY_WITH_TIMEOUT(!rig.stored().refreshToken.isEmpty(), 5000); // saved at once
    rig.session().cancelSignIn(); // the person gives up waiting: nothing is lost
    QVERIFY(rig.network().waitQuiet());
    rig.server().clearFaults();
    Session &session = rig.restart();
    session.restore(DemoEmail);
    QTRY_COMPARE_WITH_TIMEOUT(toString(session.state()), toString(State::Active), 10000);
    session.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(rig.refreshCount(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(toString(session.state()), toString(State::Active), 5000);
}

// Defect 6: sign-out left the retry and profile timers running.
void TestSessionDefects::signOutStopsRetryAndProfileTimers()
{
    SessionRig rig;
    rig.server().addFault(faultOn(QStringLiteral("status=500"), QStringLiteral("/oauth/me")));
    QVERIFY(rig.signIn(false));
    QVERIFY(rig.network().waitQuiet()); // the profile failed: a retry is armed
    rig.server().addFault(faultOn(QStringLiteral("status=503"), QStringLiteral("/oauth/token")));
    rig.session().refreshNow(); // the refresh fails: a retry is armed
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Offline), 5000);
    rig.server().clearFaults();
    QVERIFY(rig.clock().activeTimerCount() >= 2); // the profile retry and the refresh timer
    rig.session().signOut();
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::SignedOut), 10000);
    QCOMPARE(rig.clock().activeTimerCount(), 0);
    rig.network().clearSent();
    rig.clock().advance(Hour);
    QVERIFY(rig.network().waitQuiet());
    QCOMPARE(rig.network().sent().size(), 0);
}

// Defect 8: callWithToken leaked its closure on the error and dead-context paths.
void TestSessionDefects::bearerCallsLeaveNothingBehind()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    // Dead context: the caller is gone before the answer.
    auto *caller = new QObject;
    bool called = false;
    rig.session().callWithToken(
        caller, [&](const QString &token) { return rig.api().me(token); },
        [&](ApiReply *, const ApiError &) { called = true; });
    delete caller;
    // Error path: no token can be had (server down, token too old).
    rig.server().stopListening();
    rig.clock().sleep(2 * Hour);
    bool failed = false;
    rig.session().callWithToken(
        this, [&](const QString &token) { return rig.api().me(token); },
        [&](ApiReply *reply, const ApiError &error) { failed = !reply && error; });
    QTRY_VERIFY_WITH_TIMEOUT(failed, 10000);
    QVERIFY(rig.network().waitQuiet());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!called);
    QCOMPARE(rig.session().findChildren<BearerCall *>().size(), 0);
}

// Defect 8: withFreshToken refused during a renewal sign-in although valid tokens existed.
void TestSessionDefects::tokensAreHandedOutDuringARenewal()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    rig.server().addFault(
        faultOn(QStringLiteral("slow,delay=800"), QStringLiteral("/oauth/token")));
    rig.session().signIn(DemoEmail, DemoPassword);
    QCOMPARE(toString(rig.session().state()), toString(State::SigningIn));
    QString token;
    rig.session().withFreshToken(this, [&](const QString &t, const ApiError &) { token = t; });
    QTRY_VERIFY_WITH_TIMEOUT(!token.isEmpty(), 5000);
    QCOMPARE(toString(rig.session().state()), toString(State::SigningIn));
}

// Defect 12: a removal that failed still told the person the sign-out was complete.
void TestSessionDefects::failedRemovalIsNotCalledSignedOut()
{
    ScriptedStore store;
    SessionRig rig(&store);
    QVERIFY(rig.signIn());
    store.setFailClears(true);
    rig.session().signOut();
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::SignedOut), 10000);
    QCOMPARE(toString(rig.session().reason()), toString(Reason::SignedOutItemKept));
    QVERIFY(!rig.session().reasonDetail().isEmpty());
}

// With a slow keychain, saves are one at a time and the newest wins: an older token set (its
// refresh token already rotated away) can never overwrite a newer one.
void TestSessionDefects::olderTokensNeverLandAfterNewer()
{
    ScriptedStore store;
    SessionRig rig(&store);
    rig.server().accounts().setRefreshRotation(true);
    QVERIFY(rig.signIn());
    const int appliedBefore = store.writesApplied();
    store.setHoldWrites(true);
    for (int i = 0; i < 3; ++i) {
        rig.session().refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(rig.refreshCount(), i + 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Active), 5000);
    }
    QVERIFY(rig.session().storage()->isBusy());
    // The keychain answers out of order: whatever it holds, only one write is ever asked of it
    // at a time, so the order of answers cannot matter.
    while (store.heldWrites() > 0) {
        store.releaseWritesNewestFirst();
        QVERIFY(QTest::qWaitFor(
            [&] { return store.heldWrites() > 0 || !rig.session().storage()->isBusy(); }, 5000));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!rig.session().storage()->isBusy(), 5000);
    QCOMPARE(store.writesApplied() - appliedBefore, 2); // the first, then the newest of the rest
    const StoredSession stored = rig.stored();
    QCOMPARE(stored.localAccessExpiry(), rig.session().accessTokenExpiry());
    std::unique_ptr<TokenReply> check(rig.api().refresh(stored.refreshToken));
    QVERIFY(waitForReply(check.get()));
    QVERIFY(!check->error()); // the stored refresh token is the live one
}

// Review finding: a grant that landed while a refresh was in flight left the scheduler
// believing a refresh was still running: no refresh was ever scheduled again, and callers
// queued behind it were never answered.
void TestSessionDefects::renewalDuringARefreshKeepsRefreshing()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    Fault slow = faultOn(QStringLiteral("slow,delay=1500"), QStringLiteral("/oauth/token"));
    slow.count = 1; // the refresh only; the grant after it answers at once
    rig.server().addFault(slow);
    rig.session().refreshNow();
    QString handed;
    rig.session().withFreshToken(
        this, [&](const QString &t, const ApiError &) { handed = t; },
        2 * Hour); // more than any token: it waits for the refresh
    rig.session().signIn(DemoEmail, DemoPassword);
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Active), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!handed.isEmpty(), 5000); // served with the new grant's token
    QVERIFY(rig.network().waitQuiet());
    const int before = rig.refreshCount();
    QVERIFY(rig.advanceUntil([&] { return rig.refreshCount() > before; }, Minute, 70));
    QCOMPARE(rig.refreshCount(), before + 1);
}

// Review finding: a refresh answered 40106 during a renewal was sent again and again (once a
// round trip) until the grant answered.
void TestSessionDefects::deadTokenIsNotRefreshedAgainDuringARenewal()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    std::unique_ptr<TokenReply> elsewhere(rig.api().grantPassword(DemoEmail, DemoPassword));
    QVERIFY(waitForReply(elsewhere.get())); // our refresh token is dead now
    Fault slow = faultOn(QStringLiteral("slow,delay=1500"), QStringLiteral("/oauth/token"));
    slow.count = 1;
    rig.server().addFault(slow);
    rig.session().signIn(DemoEmail, DemoPassword); // the grant takes 1.5 s
    rig.clock().advance(56 * Minute); // meanwhile the refresh falls due: 40106
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Active), 10000);
    QCOMPARE(rig.refreshCount(), 1);
    QCOMPARE(rig.clock().busyLoops(), 0);
}

// Review finding: the clock skew measured at each answer moved the 30-day end by a few
// milliseconds, and every refresh in the last day warned again.
void TestSessionDefects::thirtyDayWarningComesOnce()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    QSignalSpy warnings(&rig.session(), &Session::sessionEndingSoon);
    QSignalSpy notices(&rig.session(), &Session::notice);
    rig.clock().advance(29 * Day + Hour);
    QTRY_COMPARE_WITH_TIMEOUT(warnings.count(), 1, 5000);
    for (int i = 1; i <= 4; ++i) {
        rig.setServerOffsetMs(i * 700); // each answer measures another skew
        rig.session().refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Active), 5000);
        QVERIFY(rig.network().waitQuiet());
        rig.clock().advance(Minute);
    }
    QCOMPARE(warnings.count(), 1);
    QCOMPARE(notices.count(), 1);
}

// A cancelled renewal whose request had reached the server: the grant ended the old session
// there, so the late grant becomes the session (even after the old one was found dead).
void TestSessionDefects::lateRenewalGrantBecomesTheSession()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    Fault slow = faultOn(QStringLiteral("slow,delay=800"), QStringLiteral("/oauth/token"));
    slow.count = 1;
    rig.server().addFault(slow);
    rig.server().clearRequests();
    rig.session().signIn(DemoEmail, DemoPassword);
    QTRY_COMPARE_WITH_TIMEOUT(rig.server().requests().size(), 1, 5000); // it reached the server
    rig.session().cancelSignIn();
    QCOMPARE(toString(rig.session().state()), toString(State::Active));
    rig.session().refreshNow(); // the old refresh token is dead: 40106
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Expired), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Active), 5000);
    QVERIFY(rig.session().hasTokens());
    QTRY_VERIFY_WITH_TIMEOUT(!rig.stored().refreshToken.isEmpty(), 5000);
    QCOMPARE(rig.server().accounts().validRefreshTokenCount(), 1);
}

// A cancelled first sign-in whose request had reached the server leaves no session open there.
void TestSessionDefects::cancelledFirstSignInIsRevoked()
{
    SessionRig rig;
    rig.server().addFault(
        faultOn(QStringLiteral("slow,delay=500"), QStringLiteral("/oauth/token")));
    rig.session().signIn(DemoEmail, DemoPassword);
    QTRY_COMPARE_WITH_TIMEOUT(rig.server().requests().size(), 1, 5000);
    rig.session().cancelSignIn();
    QCOMPARE(toString(rig.session().state()), toString(State::SignedOut));
    QTRY_COMPARE_WITH_TIMEOUT(
        countRequests(rig.server(), QStringLiteral("/oauth/revoke"), 200), 1, 5000);
    QCOMPARE(rig.server().accounts().validRefreshTokenCount(), 0);
    QVERIFY(!rig.session().hasTokens());
    bool found = true;
    rig.stored(&found);
    QVERIFY(!found);
}

QTEST_GUILESS_MAIN(TestSessionDefects)
#include "tst_session_defects.moc"
