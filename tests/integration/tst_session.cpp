// The session lifecycle against the emulator over TLS, in accelerated time (a manual clock
// that the emulator follows): restore, silent refresh, suspend, clock skew, single flight,
// rotation, offline faults, definitive rejection, the 30-day wall, sign-out.
#include "SessionRig.h"
#include "TestUnits.h"
#include "auth/Backoff.h"
#include "auth/RefreshScheduler.h"

#include <QSignalSpy>
#include <QTest>

using namespace Smtpd;
using namespace SmtpdEmulator;
using namespace TestSupport;
using State = Session::State;
using Reason = Session::Reason;

class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void signInSavesAndActivates();
    void profileFailureAfterSignInKeepsTheSession();
    void restoreWithValidTokenMakesNoRequestBeforeReady();
    void restoreWithExpiredTokenRefreshesFirst();
    void restoreWithNothingStoredIsSignedOut();
    void refreshesBeforeExpiryAndNeverShowsA401();
    void suspendPastDeadlineRefreshesAtOnce();
    void localClockSkewStillRefreshesOnTime_data();
    void localClockSkewStillRefreshesOnTime();
    void localClockSetBackStillRefreshes();
    void concurrentCallersShareOneRefresh();
    void rotatedRefreshTokenIsStored();
    void transientFaultsGoOfflineAndRecover_data();
    void transientFaultsGoOfflineAndRecover();
    void retryAfterIsHonoured();
    void offlineStillHandsOutAValidToken();
    void rejectedRefreshTokenExpiresSession();
    void grantElsewhereSaysAnotherDevice();
    void thirtyDayWarningThenEnd();
    void bearer401RefreshesOnceAndRetriesOnce();
    void bearer401NeverLoops();
    void signOutRevokesAndWipes();
    void signOutWhileOfflineWipesAndSaysSo();
    void withFreshTokenWhenSignedOutFails();
    void signingInAgainKeepsSessionUntilGranted();
};

void TestSession::signInSavesAndActivates()
{
    SessionRig rig;
    QVERIFY(rig.isReady());
    QVERIFY(rig.signIn());
    QCOMPARE(rig.session().profile().email, DemoEmail);
    bool found = false;
    const StoredSession stored = rig.stored(&found);
    QVERIFY(found);
    QCOMPARE(stored.account, DemoEmail);
    QCOMPARE(stored.refreshToken.size(), 128);
    QVERIFY(!stored.accessToken.isEmpty());
    QCOMPARE(stored.profile.email, DemoEmail);
    QVERIFY(qAbs(rig.clock().now().msecsTo(rig.session().sessionEnd()) - 30 * Day) < 5 * Second);
}

void TestSession::profileFailureAfterSignInKeepsTheSession()
{
    SessionRig rig;
    // /oauth/me fails twice; the grant itself is good.
    rig.server().addFault([] {
        Fault f(Fault::Kind::Status);
        f.status = 500;
        f.pathPrefixes = {QStringLiteral("/oauth/me")};
        f.count = 2;
        return f;
    }());
    QSignalSpy profiles(&rig.session(), &Session::profileChanged);
    QVERIFY(rig.signIn(false));
    // Signed in and stored, showing what the access token tells until /oauth/me answers.
    const Profile provisional = rig.session().profile();
    QVERIFY(!provisional.isValid());
    QCOMPARE(provisional.email, DemoEmail);
    QCOMPARE(provisional.displayName(), QStringLiteral("Dana Demo"));
    QCOMPARE(provisional.accountId, QStringLiteral("811affc1-66c7-4982-b39e-29f9536b4720"));
    bool found = false;
    QVERIFY(!rig.stored(&found).refreshToken.isEmpty());
    QVERIFY(found);
    // Tried again on its own (with the refresh backoff), until the real profile arrives.
    QVERIFY(rig.advanceUntil([&] { return rig.session().profile().isValid(); }, Second, 30));
    QVERIFY(rig.session().profile().isOwner);
    QCOMPARE(toString(rig.session().state()), toString(State::Active));
    QTRY_VERIFY_WITH_TIMEOUT(rig.stored().profile.isValid(), 5000);
    int meRequests = 0;
    for (const auto &r : rig.server().requests())
        meRequests += r.path == QLatin1String("/oauth/me");
    QCOMPARE(meRequests, 3);
    QVERIFY(profiles.count() >= 2);
}

void TestSession::restoreWithValidTokenMakesNoRequestBeforeReady()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    rig.clock().advance(10 * Minute);
    rig.server().clearRequests();
    Session &session = rig.restart();
    int requestsWhenActive = -1;
    QObject::connect(&session, &Session::stateChanged, [&](State state) {
        if (state == State::Active && requestsWhenActive < 0)
            requestsWhenActive = int(rig.server().requests().size());
    });
    session.restore(DemoEmail);
    QTRY_COMPARE_WITH_TIMEOUT(toString(session.state()), toString(State::Active), 10000);
    QCOMPARE(requestsWhenActive, 0);
    QCOMPARE(session.profile().displayName(), QStringLiteral("Dana Demo")); // from the keychain
    QTRY_COMPARE_WITH_TIMEOUT(countRequests(rig.server(), QStringLiteral("/oauth/me")), 1, 10000);
}

void TestSession::restoreWithExpiredTokenRefreshesFirst()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    rig.clock().sleep(2 * Hour); // the app is not running meanwhile: no refresh happens
    rig.server().clearRequests();
    Session &session = rig.restart();
    QList<int> requestsAtActive;
    QObject::connect(&session, &Session::stateChanged, [&](State state) {
        if (state == State::Active)
            requestsAtActive.append(int(rig.server().requests().size()));
    });
    session.restore(DemoEmail);
    QTRY_COMPARE_WITH_TIMEOUT(toString(session.state()), toString(State::Active), 10000);
    QCOMPARE(requestsAtActive.value(0), 1);
    QCOMPARE(rig.server().requests().first().query, QStringLiteral("grant_type=refresh_token"));
}

void TestSession::restoreWithNothingStoredIsSignedOut()
{
    SessionRig rig;
    QSignalSpy states(&rig.session(), &Session::stateChanged);
    rig.session().restore(DemoEmail);
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::SignedOut), 10000);
    QCOMPARE(rig.server().requests().size(), 0);
}

void TestSession::refreshesBeforeExpiryAndNeverShowsA401()
{
    SessionRig rig;
    rig.server().accounts().setAccessTokenLifetimeSeconds(400); // margin = 100 s
    QVERIFY(rig.signIn());
    // Just before the refresh point nothing happens; just after, one refresh.
    rig.clock().advance(290 * Second);
    QVERIFY(rig.network().waitQuiet()); // every check the clock passed has run: none refreshed
    QCOMPARE(rig.refreshCount(), 0);
    rig.clock().advance(12 * Second);
    QTRY_COMPARE_WITH_TIMEOUT(rig.refreshCount(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Active), 5000);

    // An hour of use in 20 s steps, with a bearer call at each: never a 401.
    int calls = 0;
    for (int step = 0; step < 180; ++step) {
        rig.clock().advance(20 * Second);
        bool done = false;
        rig.session().callWithToken(
            this, [&](const QString &token) { return rig.api().me(token); },
            [&](ApiReply *reply, const ApiError &) {
                QVERIFY(reply && !reply->error());
                ++calls;
                done = true;
            });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }
    QCOMPARE(calls, 180);
    QCOMPARE(countRequests(rig.server(), QStringLiteral("/oauth/me"), 401), 0);
    QVERIFY2(rig.refreshCount() >= 11 && rig.refreshCount() <= 13,
        qPrintable(QString::number(rig.refreshCount())));
}

void TestSession::suspendPastDeadlineRefreshesAtOnce()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    QSignalSpy resumed(&rig.session(), &Session::resumed);
    rig.clock().sleep(3 * Hour); // the lid was closed; no timer ran
    // Awake again: within a minute the wall-clock check notices, then the network gets a
    // moment to come back, then one refresh.
    rig.clock().advance(RefreshScheduler::ClockCheckMs);
    QCOMPARE(resumed.count(), 1);
    QCOMPARE(rig.refreshCount(), 0);
    rig.clock().advance(RefreshScheduler::ResumeGraceMs);
    QTRY_COMPARE_WITH_TIMEOUT(rig.refreshCount(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Active), 5000);
    QVERIFY(rig.clock().now().msecsTo(rig.session().accessTokenExpiry()) > 50 * Minute);
}

void TestSession::localClockSkewStillRefreshesOnTime_data()
{
    QTest::addColumn<qint64>("serverOffset");
    QTest::newRow("local clock an hour ahead") << -Hour;
    QTest::newRow("local clock an hour behind") << Hour;
}

void TestSession::localClockSkewStillRefreshesOnTime()
{
    QFETCH(qint64, serverOffset);
    SessionRig rig;
    rig.setServerOffsetMs(serverOffset);
    rig.server().accounts().setAccessTokenLifetimeSeconds(1200); // margin 5 min
    QVERIFY(rig.signIn());
    // Fifteen minutes in the server's clock is the refresh point, whatever our clock says.
    rig.clock().advance(14 * Minute);
    QVERIFY(rig.network().waitQuiet()); // every check the clock passed has run: none refreshed
    QCOMPARE(rig.refreshCount(), 0);
    QVERIFY(rig.clock().now().msecsTo(rig.session().accessTokenExpiry()) > 5 * Minute);
    rig.clock().advance(1 * Minute + 5 * Second);
    QTRY_COMPARE_WITH_TIMEOUT(rig.refreshCount(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Active), 5000);
}

void TestSession::localClockSetBackStillRefreshes()
{
    SessionRig rig;
    rig.server().accounts().setAccessTokenLifetimeSeconds(1200);
    QVERIFY(rig.signIn());
    rig.clock().shiftWall(-Hour); // someone sets the clock back; the monotonic clock goes on
    rig.clock().advance(15 * Minute + 5 * Second);
    QTRY_COMPARE_WITH_TIMEOUT(rig.refreshCount(), 1, 5000);
}

void TestSession::concurrentCallersShareOneRefresh()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    rig.clock().sleep(2 * Hour); // no timer runs: only the callers trigger the refresh
    QStringList tokens;
    for (int i = 0; i < 20; ++i)
        rig.session().withFreshToken(this, [&](const QString &token, const ApiError &error) {
            QVERIFY(!error);
            tokens.append(token);
        });
    QTRY_COMPARE_WITH_TIMEOUT(tokens.size(), 20, 10000);
    QCOMPARE(rig.refreshCount(), 1);
    QCOMPARE(tokens.count(tokens.first()), 20);
}

void TestSession::rotatedRefreshTokenIsStored()
{
    SessionRig rig;
    rig.server().accounts().setRefreshRotation(true);
    QVERIFY(rig.signIn());
    const QString first = rig.stored().refreshToken;
    rig.session().refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(rig.refreshCount(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(rig.stored().refreshToken != first, 5000);
    // The stored token is the one the server now honours.
    rig.session().refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(rig.refreshCount(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Active), 5000);
}

void TestSession::transientFaultsGoOfflineAndRecover_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("server down") << QStringLiteral("down");
    QTest::newRow("slow past the timeout") << QStringLiteral("slow,delay=3000");
    QTest::newRow("500") << QStringLiteral("status=500");
    QTest::newRow("502") << QStringLiteral("status=502,body=<html>bad gateway</html>");
    QTest::newRow("503 with Retry-After") << QStringLiteral("status=503,retry-after=0");
    QTest::newRow("404 from a proxy") << QStringLiteral("status=404,body=Not Found");
    QTest::newRow("malformed JSON") << QStringLiteral("malformed");
    QTest::newRow("HTML page") << QStringLiteral("html");
    QTest::newRow("truncated") << QStringLiteral("truncated");
}

void TestSession::transientFaultsGoOfflineAndRecover()
{
    QFETCH(QString, fault);
    SessionRig rig;
    rig.api().setRequestPolicy({std::chrono::milliseconds(500), 1024 * 1024});
    QVERIFY(rig.signIn());
    const QString refreshToken = rig.stored().refreshToken;
    Fault spec;
    QCOMPARE(parseFaultSpec(fault + QStringLiteral(",paths=/oauth/token"), &spec), QString());
    rig.server().addFault(spec);

    rig.session().refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Offline), 10000);
    QCOMPARE(toString(rig.session().reason()), toString(Reason::Offline));
    QVERIFY(rig.session().offlineSince().isValid());
    QCOMPARE(rig.stored().refreshToken, refreshToken); // tokens kept
    QVERIFY(rig.session().hasTokens());
    // It keeps retrying by itself, spaced by the backoff (2 s, 4 s, 8 s… ±20 %).
    QVERIFY(rig.advanceUntil([&] { return rig.refreshCount() >= 4; }, Second, 30));

    rig.server().clearFaults();
    QVERIFY(rig.advanceUntil([&] { return rig.session().state() == State::Active; }, Second, 60));
    QVERIFY(!rig.session().offlineSince().isValid());
}

void TestSession::retryAfterIsHonoured()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    Fault fault;
    QCOMPARE(
        parseFaultSpec(QStringLiteral("status=503,retry-after=20,count=1"), &fault), QString());
    rig.server().addFault(fault);
    rig.session().refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Offline), 5000);
    // The first backoff is 2 s ±20 %: only Retry-After explains no retry for 19 s.
    rig.clock().advance(19 * Second);
    QVERIFY(rig.network().waitQuiet());
    QCOMPARE(rig.refreshCount(), 1);
    rig.clock().advance(2 * Second);
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Active), 10000);
    QCOMPARE(rig.refreshCount(), 2);
}

void TestSession::offlineStillHandsOutAValidToken()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    rig.server().stopListening();
    rig.session().refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Offline), 5000);
    QString handed;
    rig.session().withFreshToken(
        this, [&](const QString &token, const ApiError &) { handed = token; });
    QTRY_VERIFY_WITH_TIMEOUT(!handed.isEmpty(), 5000);

    // Once the token is too old to hand out, callers get the offline error instead.
    rig.clock().advance(Hour - 30 * Second);
    ApiError offlineError;
    bool answered = false;
    rig.session().withFreshToken(this, [&](const QString &token, const ApiError &error) {
        QVERIFY(token.isEmpty());
        offlineError = error;
        answered = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
    QCOMPARE(offlineError.kind(), ApiError::Kind::Network);
    QVERIFY(rig.session().hasTokens());
    QVERIFY(rig.server().resumeListening());
    QVERIFY(
        rig.advanceUntil([&] { return rig.session().state() == State::Active; }, 10 * Second, 60));
}

void TestSession::rejectedRefreshTokenExpiresSession()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    rig.server().addFault([] {
        Fault f(Fault::Kind::Status);
        f.status = 403;
        f.body = R"({"code": 40106, "message": "Refresh token is invalid"})";
        f.pathPrefixes = {QStringLiteral("/oauth/token")};
        return f;
    }());
    QSignalSpy notices(&rig.session(), &Session::notice);
    rig.session().refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Expired), 5000);
    QVERIFY(!rig.session().hasTokens());
    QCOMPARE(rig.session().account(), DemoEmail); // the email stays for the sign-in form
    QCOMPARE(notices.count(), 1);
    bool found = true;
    QTRY_VERIFY_WITH_TIMEOUT((rig.stored(&found), !found), 5000);
}

void TestSession::grantElsewhereSaysAnotherDevice()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    rig.session().refreshNow(); // a refresh that worked: the session was healthy
    QTRY_COMPARE_WITH_TIMEOUT(rig.refreshCount(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Active), 5000);
    // The same user signs in on another machine.
    std::unique_ptr<TokenReply> elsewhere(rig.api().grantPassword(DemoEmail, DemoPassword));
    QVERIFY(waitForReply(elsewhere.get()));
    rig.clock().advance(Hour);
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Expired), 5000);
    QCOMPARE(toString(rig.session().reason()), toString(Reason::SignedInElsewhere));
}

void TestSession::thirtyDayWarningThenEnd()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    QSignalSpy warning(&rig.session(), &Session::sessionEndingSoon);
    rig.clock().advance(29 * Day + Hour);
    QTRY_COMPARE_WITH_TIMEOUT(warning.count(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(rig.session().state()), toString(State::Active), 5000); // still refreshes
    QVERIFY(rig.refreshCount() >= 1);
    rig.clock().advance(Day);
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Expired), 5000);
    QCOMPARE(toString(rig.session().reason()), toString(Reason::SessionLimitReached));
    QCOMPARE(warning.count(), 1);
}

void TestSession::bearer401RefreshesOnceAndRetriesOnce()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    rig.server().clearRequests();
    // The server's clock runs ahead by two hours: it rejects a token we think is fine.
    rig.setServerOffsetMs(2 * Hour);
    int status = 0;
    rig.session().callWithToken(
        this, [&](const QString &token) { return rig.api().me(token); },
        [&](ApiReply *reply, const ApiError &) { status = reply ? reply->httpStatus() : -1; });
    QTRY_COMPARE_WITH_TIMEOUT(status, 200, 10000);
    const auto &log = rig.server().requests();
    QCOMPARE(log.size(), 3);
    QCOMPARE(log[0].status, 401);
    QCOMPARE(log[1].query, QStringLiteral("grant_type=refresh_token"));
    QCOMPARE(log[2].status, 200);
}

void TestSession::bearer401NeverLoops()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    rig.server().clearRequests();
    Fault always401(Fault::Kind::Status);
    always401.status = 401;
    always401.pathPrefixes = {QStringLiteral("/oauth/me")};
    rig.server().addFault(always401);
    bool done = false;
    rig.session().callWithToken(
        this, [&](const QString &token) { return rig.api().me(token); },
        [&](ApiReply *reply, const ApiError &) {
            QVERIFY(reply);
            QCOMPARE(reply->httpStatus(), 401);
            done = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QTest::qWait(100); // give a (wrong) third attempt the chance to show up
    QCOMPARE(countRequests(rig.server(), QStringLiteral("/oauth/me")), 2);
    QCOMPARE(rig.refreshCount(), 1);
}

void TestSession::signOutRevokesAndWipes()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    const QString refreshToken = rig.stored().refreshToken;
    rig.session().signOut();
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::SignedOut), 10000);
    QCOMPARE(toString(rig.session().reason()), toString(Reason::SignedOut));
    QCOMPARE(countRequests(rig.server(), QStringLiteral("/oauth/revoke"), 200), 1);
    QCOMPARE(rig.server().requests().last().authScheme, QStringLiteral("Bearer"));
    bool found = true;
    rig.stored(&found);
    QVERIFY(!found);
    QVERIFY(!rig.session().hasTokens());
    // The server no longer honours the refresh token.
    std::unique_ptr<TokenReply> refresh(rig.api().refresh(refreshToken));
    QVERIFY(waitForReply(refresh.get()));
    QVERIFY(refresh->error().isRefreshTokenRejected());
}

void TestSession::signOutWhileOfflineWipesAndSaysSo()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    rig.server().stopListening();
    rig.session().signOut();
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::SignedOut), 10000);
    QCOMPARE(toString(rig.session().reason()), toString(Reason::SignedOutServerNotTold));
    bool found = true;
    rig.stored(&found);
    QVERIFY(!found);
}

void TestSession::withFreshTokenWhenSignedOutFails()
{
    SessionRig rig;
    bool answered = false;
    rig.session().withFreshToken(this, [&](const QString &token, const ApiError &error) {
        QVERIFY(token.isEmpty());
        QVERIFY(error);
        answered = true;
    });
    QVERIFY(!answered); // never synchronous
    QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
}

void TestSession::signingInAgainKeepsSessionUntilGranted()
{
    SessionRig rig;
    QVERIFY(rig.signIn());
    const QString first = rig.stored().refreshToken;
    QSignalSpy failed(&rig.session(), &Session::signInFailed);
    rig.session().signIn(DemoEmail, QStringLiteral("wrong password"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QCOMPARE(toString(rig.session().state()), toString(State::Active)); // nothing was lost
    QCOMPARE(rig.stored().refreshToken, first);

    rig.clock().advance(20 * Day);
    rig.session().signIn(DemoEmail, DemoPassword); // a new 30-day session
    QTRY_VERIFY_WITH_TIMEOUT(rig.stored().refreshToken != first, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(toString(rig.session().state()), toString(State::Active), 10000);
    QVERIFY(qAbs(rig.clock().now().msecsTo(rig.session().sessionEnd()) - 30 * Day) < 5 * Second);
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
