// The refresh margin and the offline backoff, exactly.
#include "auth/RefreshPolicy.h"
#include "auth/StoredSession.h"

#include <QTest>

using namespace Smtpd;

class TestRefreshPolicy : public QObject
{
    Q_OBJECT

private slots:
    void margin_data();
    void margin();
    void backoff_data();
    void backoff();
    void storedSessionRoundTrip();
    void storedSessionRejectsForeignData_data();
    void storedSessionRejectsForeignData();
    void storedSessionFormats();
    void serverOrigins_data();
    void serverOrigins();
};

void TestRefreshPolicy::margin_data()
{
    QTest::addColumn<qint64>("lifetime");
    QTest::addColumn<qint64>("margin");
    QTest::newRow("one hour: capped at 5 min") << qint64(3600000) << qint64(300000);
    QTest::newRow("twenty minutes: a quarter") << qint64(1200000) << qint64(300000);
    QTest::newRow("ten minutes: a quarter") << qint64(600000) << qint64(150000);
    QTest::newRow("one second: a quarter") << qint64(1000) << qint64(250);
    QTest::newRow("already expired") << qint64(-5) << qint64(0);
}

void TestRefreshPolicy::margin()
{
    QFETCH(qint64, lifetime);
    QFETCH(qint64, margin);
    QCOMPARE(RefreshPolicy::refreshMarginMs(lifetime), margin);
}

void TestRefreshPolicy::backoff_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<qint64>("expected");
    // 2 s doubling to 5 min, spread by +-20 %.
    QTest::newRow("first, middle") << 0 << 0.5 << -1 << qint64(2000);
    QTest::newRow("first, lowest") << 0 << 0.0 << -1 << qint64(1600);
    QTest::newRow("first, highest") << 0 << 0.999999 << -1 << qint64(2399);
    QTest::newRow("second") << 1 << 0.5 << -1 << qint64(4000);
    QTest::newRow("fifth") << 4 << 0.5 << -1 << qint64(32000);
    QTest::newRow("ninth: capped") << 8 << 0.5 << -1 << qint64(300000);
    QTest::newRow("fortieth: still capped") << 40 << 0.5 << -1 << qint64(300000);
    QTest::newRow("Retry-After longer") << 0 << 0.5 << 30 << qint64(30000);
    QTest::newRow("Retry-After shorter") << 3 << 0.5 << 1 << qint64(16000);
    QTest::newRow("Retry-After over an hour") << 0 << 0.5 << 86400 << qint64(3600000);
}

void TestRefreshPolicy::backoff()
{
    QFETCH(int, attempt);
    QFETCH(double, random);
    QFETCH(int, retryAfter);
    QFETCH(qint64, expected);
    QCOMPARE(RefreshPolicy::backoffDelayMs(attempt, 2000, 300000, random, retryAfter), expected);
}

void TestRefreshPolicy::storedSessionRoundTrip()
{
    StoredSession s;
    s.origin = QStringLiteral("https://api.smtpd.dev");
    s.account = QStringLiteral("a@b.c");
    s.refreshToken = QStringLiteral("r");
    s.accessToken = QStringLiteral("x.y.z");
    s.accessExpiresAt = QDateTime::fromMSecsSinceEpoch(1712531293539, Qt::UTC);
    s.grantedAt = QDateTime::fromMSecsSinceEpoch(1712527693000, Qt::UTC);
    s.clockSkewMs = 7200000;
    s.profile.id = QStringLiteral("id");
    s.profile.email = s.account;
    s.profile.createdAt = QDateTime::fromMSecsSinceEpoch(1598610725000, Qt::UTC);
    StoredSession back;
    QCOMPARE(int(StoredSession::fromJson(s.toJson(), &back)), int(StoredSession::Decoded::Ok));
    QCOMPARE(back.refreshToken, s.refreshToken);
    QCOMPARE(back.accessExpiresAt, s.accessExpiresAt);
    QCOMPARE(back.grantedAt, s.grantedAt);
    QCOMPARE(back.profile, s.profile);
    // Local times come from the server's, corrected by the measured skew.
    QCOMPARE(back.localAccessExpiry(), s.accessExpiresAt.addMSecs(-7200000));
    QCOMPARE(back.localSessionEnd(), s.grantedAt.addDays(30).addMSecs(-7200000));
}

void TestRefreshPolicy::storedSessionRejectsForeignData_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("not JSON") << QByteArray("hunter2");
    QTest::newRow("format 2 without its origin") << QByteArray(
        R"({"v":2,"account":"a","refresh_token":"r","access_expires_at":1,"granted_at":1})");
    QTest::newRow("clock skew out of range") << QByteArray(
        R"({"v":2,"origin":"https://a","account":"a","refresh_token":"r","access_expires_at":1,"granted_at":1,"clock_skew_ms":-9223372036854775808})");
    QTest::newRow("expiry out of range") << QByteArray(
        R"({"v":2,"origin":"https://a","account":"a","refresh_token":"r","access_expires_at":-5,"granted_at":1})");
    QTest::newRow("version as text") << QByteArray(
        R"({"v":"1","account":"a","refresh_token":"r","access_expires_at":1,"granted_at":1})");
    QTest::newRow("no refresh token")
        << QByteArray(R"({"v":1,"account":"a","access_expires_at":1,"granted_at":1})");
    QTest::newRow("no account") << QByteArray(
        R"({"v":1,"refresh_token":"r","access_expires_at":1,"granted_at":1})");
    QTest::newRow("expiry as text") << QByteArray(
        R"({"v":1,"account":"a","refresh_token":"r","access_expires_at":"1","granted_at":1})");
}

void TestRefreshPolicy::storedSessionRejectsForeignData()
{
    QFETCH(QByteArray, data);
    StoredSession session;
    QCOMPARE(int(StoredSession::fromJson(data, &session)), int(StoredSession::Decoded::Unreadable));
}

void TestRefreshPolicy::storedSessionFormats()
{
    StoredSession session;
    // A newer version's item is recognised as such (and so kept, not removed).
    const QByteArray newer = R"({"v":3,"origin":"https://x","account":"a","refresh_token":"r"})";
    QCOMPARE(
        int(StoredSession::fromJson(newer, &session)), int(StoredSession::Decoded::NewerFormat));
    // Format 1 (no origin) is read as a legacy item.
    const QByteArray legacy
        = R"({"v":1,"account":"a@b.c","refresh_token":"r","access_expires_at":1,"granted_at":1})";
    QCOMPARE(int(StoredSession::fromJson(legacy, &session)), int(StoredSession::Decoded::Ok));
    QVERIFY(session.isLegacy());
    QCOMPARE(session.storageKey(), QStringLiteral("a@b.c"));
    // Format 2 round-trips, origin and lifetime included.
    StoredSession written;
    written.origin = QStringLiteral("https://api.smtpd.dev");
    written.account = QStringLiteral("Dana@Example.com");
    written.refreshToken = QStringLiteral("r");
    written.accessToken = QStringLiteral("a");
    written.accessExpiresAt = QDateTime::fromMSecsSinceEpoch(1712531293539, Qt::UTC);
    written.grantedAt = QDateTime::fromMSecsSinceEpoch(1712527693539, Qt::UTC);
    written.accessLifetimeMs = 3600000;
    QCOMPARE(
        int(StoredSession::fromJson(written.toJson(), &session)), int(StoredSession::Decoded::Ok));
    QCOMPARE(session.origin, written.origin);
    QCOMPARE(session.accessLifetimeMs, qint64(3600000));
    QCOMPARE(session.storageKey(), QStringLiteral("https://api.smtpd.dev/dana@example.com"));
}

void TestRefreshPolicy::serverOrigins_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("origin");
    QTest::newRow("production") << "https://api.smtpd.dev"
                                << "https://api.smtpd.dev";
    QTest::newRow("explicit 443") << "https://API.smtpd.dev:443/"
                                  << "https://api.smtpd.dev";
    QTest::newRow("other port") << "https://127.0.0.1:4433"
                                << "https://127.0.0.1:4433";
    QTest::newRow("path ignored") << "https://staging.example.com/v1"
                                  << "https://staging.example.com";
}

void TestRefreshPolicy::serverOrigins()
{
    QFETCH(QString, url);
    QFETCH(QString, origin);
    QCOMPARE(serverOrigin(QUrl(url)), origin);
}

QTEST_GUILESS_MAIN(TestRefreshPolicy)
#include "tst_refreshpolicy.moc"
