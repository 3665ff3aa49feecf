// The emulator against the SMTPD documentation, one test per documented behaviour, using a
// raw QNetworkAccessManager so that it is checked independently of the app's ApiClient.
#include "EmulatorFixture.h"
#include "HmacJwt.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>
#include <QTimeZone>

using namespace SmtpdEmulator;
using namespace TestSupport;

namespace {

struct RawResult
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QHash<QByteArray, QByteArray> headers;
};

QByteArray basic(const QString &user, const QString &secret)
{
    return "Basic " + (user + QLatin1Char(':') + secret).toUtf8().toBase64();
}

QByteArray bearer(const QString &token)
{
    return "Bearer " + token.toUtf8();
}

QByteArray refreshBody(const QString &token)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("refresh_token"), token}}).toJson();
}

} // namespace

class TestEmulator : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void grantIssuesDocumentedShape_data();
    void grantIssuesDocumentedShape();
    void grantRejectsBadCredentials_data();
    void grantRejectsBadCredentials();
    void grantWithoutAuthenticationFails();
    void refreshKeepsTokenWithoutRotation();
    void refreshRotatesWhenAsked();
    void refreshRejectsUnknownToken();
    void refreshAcceptsFormEncoding();
    void grantExpiresOlderRefreshTokens();
    void refreshTokenLivesThirtyDaysFromGrant();
    void revokeEndsRefreshToken();
    void revokeRejections_data();
    void revokeRejections();
    void meReturnsDocumentedShape();
    void meRejectsBadBearer_data();
    void meRejectsBadBearer();
    void meAcceptsApiKeyBasic();
    void dateHeaderFollowsEmulatorClock();
    void avatar_data();
    void avatar();
    void avatarRevalidates();
    void plainHttpFails();
    void unknownPathAndMethod();
    void faultDrop();
    void faultSlow();
    void faultStatusWithRetryAfter();
    void faultMalformedJson();
    void faultHugeBodyIsStreamed();
    void faultTruncatedBody();
    void faultRedirect();
    void faultHtmlPage();
    void faultLimitedByPathAndCount();
    void faultSpecParsing_data();
    void faultSpecParsing();
    void recordsRequestsWithoutSecrets();
    void stopAndResumeListening();
    void usersFile();

private:
    RawResult call(const QByteArray &method, const QString &pathAndQuery,
        const QByteArray &authorization = {}, const QByteArray &body = {},
        const QByteArray &contentType = {}, const QByteArray &ifNoneMatch = {});
    QJsonObject grantDemo();

    std::unique_ptr<EmulatorFixture> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestEmulator::init()
{
    m_emulator = std::make_unique<EmulatorFixture>();
    QVERIFY2(m_emulator->isRunning(), qPrintable(m_emulator->error()));
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestEmulator::cleanup()
{
    m_network.reset();
    m_emulator.reset();
}

RawResult TestEmulator::call(const QByteArray &method, const QString &pathAndQuery,
    const QByteArray &authorization, const QByteArray &body, const QByteArray &contentType,
    const QByteArray &ifNoneMatch)
{
    QNetworkRequest request(QUrl(m_emulator->baseUrl().toString() + pathAndQuery));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(EmulatorFixture::caCertificates());
    request.setSslConfiguration(tls);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    if (!ifNoneMatch.isEmpty())
        request.setRawHeader("If-None-Match", ifNoneMatch);
    std::unique_ptr<QNetworkReply> reply(m_network->sendCustomRequest(request, method, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(15000))
        qWarning("request did not finish");
    RawResult result;
    result.error = reply->error();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.insert(pair.first.toLower(), pair.second);
    return result;
}

QJsonObject TestEmulator::grantDemo()
{
    return call(
        "POST", QStringLiteral("/oauth/token?grant_type=password"), basic(DemoEmail, DemoPassword))
        .json;
}

void TestEmulator::grantIssuesDocumentedShape_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("secret");
    QTest::newRow("email and password") << DemoEmail << DemoPassword;
    QTest::newRow("email in other case") << QStringLiteral("Demo@Example.COM") << DemoPassword;
    QTest::newRow("API key and secret") << DemoApiKey << DemoApiSecret;
}

void TestEmulator::grantIssuesDocumentedShape()
{
    QFETCH(QString, user);
    QFETCH(QString, secret);
    const RawResult result
        = call("POST", QStringLiteral("/oauth/token?grant_type=password"), basic(user, secret));
    QCOMPARE(result.status, 200);
    const QJsonObject &o = result.json;
    QCOMPARE(o.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
    QCOMPARE(o.value(QStringLiteral("Scope")).toArray(), QJsonArray {QStringLiteral("admin")});
    const QString refreshToken = o.value(QStringLiteral("refresh_token")).toString();
    QVERIFY(
        QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{128}$")).match(refreshToken).hasMatch());

    // The access token is an HS256 JWT with the claims the docs show; expires_at = exp * 1000.
    const QByteArray jwt = o.value(QStringLiteral("access_token")).toString().toLatin1();
    const QList<QByteArray> parts = jwt.split('.');
    QCOMPARE(parts.size(), 3);
    const QJsonObject header
        = QJsonDocument::fromJson(QByteArray::fromBase64(parts[0], QByteArray::Base64UrlEncoding))
              .object();
    QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
    const QJsonObject claims
        = QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding))
              .object();
    QStringList keys = claims.keys();
    QCOMPARE(keys,
        (QStringList {"account_id", "exp", "id", "is_account_verified", "iss", "name", "scope",
            "sub", "subject"}));
    QCOMPARE(claims.value(QStringLiteral("iss")).toString(), QStringLiteral("SMTPD Inc"));
    QCOMPARE(claims.value(QStringLiteral("subject")).toString(), DemoEmail);
    QCOMPARE(claims.value(QStringLiteral("sub")).toString(), DemoEmail);
    QCOMPARE(claims.value(QStringLiteral("scope")).toArray(), QJsonArray {1});
    const qint64 exp = claims.value(QStringLiteral("exp")).toInteger();
    QCOMPARE(o.value(QStringLiteral("expires_at")).toInteger(), exp * 1000);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QVERIFY(qAbs(exp - (now + 3600)) <= 5);
}

void TestEmulator::grantRejectsBadCredentials_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::newRow("wrong password") << basic(DemoEmail, QStringLiteral("nope"));
    QTest::newRow("unknown user") << basic(QStringLiteral("nobody@example.com"), DemoPassword);
    QTest::newRow("API key with wrong secret") << basic(DemoApiKey, QStringLiteral("nope"));
    QTest::newRow("password of another user") << basic(DemoEmail, QStringLiteral("jack-password"));
    QTest::newRow("no colon") << QByteArray("Basic " + QByteArray("demo@example.com").toBase64());
}

void TestEmulator::grantRejectsBadCredentials()
{
    QFETCH(QByteArray, authorization);
    const RawResult result
        = call("POST", QStringLiteral("/oauth/token?grant_type=password"), authorization);
    QCOMPARE(result.status, 403);
    QCOMPARE(result.json,
        (QJsonObject {{"code", 40102}, {"message", "Username and password are incorrect"}}));
}

void TestEmulator::grantWithoutAuthenticationFails()
{
    const RawResult result = call("POST", QStringLiteral("/oauth/token?grant_type=password"));
    QCOMPARE(result.status, 401);
    QVERIFY(result.json.value(QStringLiteral("code")).isDouble());
    QVERIFY(!result.json.value(QStringLiteral("message")).toString().isEmpty());
}

void TestEmulator::refreshKeepsTokenWithoutRotation()
{
    const QString refreshToken = grantDemo().value(QStringLiteral("refresh_token")).toString();
    const RawResult result = call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"),
        {}, refreshBody(refreshToken), "application/json");
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json.value(QStringLiteral("refresh_token")).toString(), refreshToken);
    QCOMPARE(result.json.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
    QVERIFY(result.json.value(QStringLiteral("expires_at")).isDouble());
    QVERIFY(result.json.value(QStringLiteral("Scope")).isArray());
}

void TestEmulator::refreshRotatesWhenAsked()
{
    m_emulator->server().accounts().setRefreshRotation(true);
    const QString first = grantDemo().value(QStringLiteral("refresh_token")).toString();
    const RawResult rotated = call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"),
        {}, refreshBody(first), "application/json");
    QCOMPARE(rotated.status, 200);
    const QString second = rotated.json.value(QStringLiteral("refresh_token")).toString();
    QVERIFY(second != first);
    QCOMPARE(call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"), {},
                 refreshBody(first), "application/json")
                 .status,
        403);
    QCOMPARE(call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"), {},
                 refreshBody(second), "application/json")
                 .status,
        200);
}

void TestEmulator::refreshRejectsUnknownToken()
{
    const RawResult result = call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"),
        {}, refreshBody(QStringLiteral("not-a-token")), "application/json");
    QCOMPARE(result.status, 403);
    QCOMPARE(result.json, (QJsonObject {{"code", 40106}, {"message", "Refresh token is invalid"}}));
}

void TestEmulator::refreshAcceptsFormEncoding()
{
    const QString refreshToken = grantDemo().value(QStringLiteral("refresh_token")).toString();
    const RawResult result = call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"),
        {}, "refresh_token=" + QUrl::toPercentEncoding(refreshToken),
        "application/x-www-form-urlencoded");
    QCOMPARE(result.status, 200);
}

void TestEmulator::grantExpiresOlderRefreshTokens()
{
    const QString older = grantDemo().value(QStringLiteral("refresh_token")).toString();
    const QString newer = grantDemo().value(QStringLiteral("refresh_token")).toString();
    QCOMPARE(call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"), {},
                 refreshBody(older), "application/json")
                 .json.value(QStringLiteral("code"))
                 .toInt(),
        40106);
    QCOMPARE(call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"), {},
                 refreshBody(newer), "application/json")
                 .status,
        200);
    QCOMPARE(m_emulator->server().accounts().validRefreshTokenCount(), 1);
}

void TestEmulator::refreshTokenLivesThirtyDaysFromGrant()
{
    AccountService &accounts = m_emulator->server().accounts();
    accounts.setRefreshRotation(true); // even a rotated token keeps the grant's lifespan
    QString token = grantDemo().value(QStringLiteral("refresh_token")).toString();
    const qint64 day = 24LL * 3600 * 1000;
    accounts.setClockOffsetMs(29 * day);
    RawResult result = call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"), {},
        refreshBody(token), "application/json");
    QCOMPARE(result.status, 200); // refreshing does not extend the lifespan...
    token = result.json.value(QStringLiteral("refresh_token")).toString();
    accounts.setClockOffsetMs(30 * day - 60 * 1000);
    result = call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"), {},
        refreshBody(token), "application/json");
    QCOMPARE(result.status, 200);
    token = result.json.value(QStringLiteral("refresh_token")).toString();
    accounts.setClockOffsetMs(30 * day + 1000); // ...so 30 days after the grant it is over
    result = call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"), {},
        refreshBody(token), "application/json");
    QCOMPARE(result.status, 403);
    QCOMPARE(result.json.value(QStringLiteral("code")).toInt(), 40106);
}

void TestEmulator::revokeEndsRefreshToken()
{
    const QJsonObject grant = grantDemo();
    const QString access = grant.value(QStringLiteral("access_token")).toString();
    const QString refresh = grant.value(QStringLiteral("refresh_token")).toString();
    const RawResult revoked = call("POST", QStringLiteral("/oauth/revoke"), bearer(access),
        refreshBody(refresh), "application/json");
    QCOMPARE(revoked.status, 200);
    QCOMPARE(call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"), {},
                 refreshBody(refresh), "application/json")
                 .status,
        403);
    // Revoking again: the refresh token is now invalid.
    const RawResult again = call("POST", QStringLiteral("/oauth/revoke"), bearer(access),
        refreshBody(refresh), "application/json");
    QCOMPARE(again.status, 401);
    QCOMPARE(again.json, (QJsonObject {{"code", 40106}, {"message", "Refresh token is invalid"}}));
}

void TestEmulator::revokeRejections_data()
{
    QTest::addColumn<bool>("goodBearer");
    QTest::addColumn<bool>("goodRefresh");
    QTest::newRow("bad bearer") << false << true;
    QTest::newRow("bad refresh token") << true << false;
}

void TestEmulator::revokeRejections()
{
    QFETCH(bool, goodBearer);
    QFETCH(bool, goodRefresh);
    const QJsonObject grant = grantDemo();
    const QString access = goodBearer ? grant.value(QStringLiteral("access_token")).toString()
                                      : QStringLiteral("x.y.z");
    const QString refresh = goodRefresh ? grant.value(QStringLiteral("refresh_token")).toString()
                                        : QStringLiteral("nope");
    const RawResult result = call("POST", QStringLiteral("/oauth/revoke"), bearer(access),
        refreshBody(refresh), "application/json");
    QCOMPARE(result.status, 401);
    QVERIFY(result.json.value(QStringLiteral("code")).isDouble());
    QVERIFY(result.json.value(QStringLiteral("message")).isString());
    if (!goodRefresh)
        QCOMPARE(result.json.value(QStringLiteral("code")).toInt(), 40106);
}

void TestEmulator::meReturnsDocumentedShape()
{
    const QString access = grantDemo().value(QStringLiteral("access_token")).toString();
    const RawResult result = call("GET", QStringLiteral("/oauth/me"), bearer(access));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json.keys(),
        (QStringList {"account_id", "created_at_utc", "email_address", "first_name", "gravatar_url",
            "id", "is_owner", "is_verified", "modified_at_utc", "surname"}));
    QCOMPARE(result.json.value(QStringLiteral("email_address")).toString(), DemoEmail);
    QVERIFY(result.json.value(QStringLiteral("created_at_utc")).toInteger()
        > 100000000000LL); // milliseconds
    QVERIFY(result.json.value(QStringLiteral("is_owner")).isBool());
}

void TestEmulator::meRejectsBadBearer_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("none") << QStringLiteral("none");
    QTest::newRow("garbage") << QStringLiteral("garbage");
    QTest::newRow("forged signature") << QStringLiteral("forged");
    QTest::newRow("expired") << QStringLiteral("expired");
}

void TestEmulator::meRejectsBadBearer()
{
    QFETCH(QString, kind);
    m_emulator->server().accounts().setAccessTokenLifetimeSeconds(60);
    QString access = grantDemo().value(QStringLiteral("access_token")).toString();
    QByteArray authorization = bearer(access);
    if (kind == QLatin1String("none"))
        authorization.clear();
    else if (kind == QLatin1String("garbage"))
        authorization = "Bearer abc";
    else if (kind == QLatin1String("forged"))
        authorization = "Bearer "
            + signJwt(
                QJsonObject {{"id", "19ab52c7-da60-4dd2-af27-19f17d6afe37"}, {"exp", 4102444800LL}},
                "guessed-key");
    else if (kind == QLatin1String("expired"))
        m_emulator->server().accounts().setClockOffsetMs(61 * 1000);
    const RawResult result = call("GET", QStringLiteral("/oauth/me"), authorization);
    QCOMPARE(result.status, 401);
    QVERIFY(result.json.value(QStringLiteral("code")).isDouble());
    QVERIFY(!result.json.value(QStringLiteral("message")).toString().isEmpty());
}

void TestEmulator::meAcceptsApiKeyBasic()
{
    // "HTTP Basic with an API key as the username and an empty password."
    const RawResult result = call("GET", QStringLiteral("/oauth/me"), basic(DemoApiKey, QString()));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json.value(QStringLiteral("email_address")).toString(), DemoEmail);
}

void TestEmulator::dateHeaderFollowsEmulatorClock()
{
    m_emulator->server().accounts().setClockOffsetMs(-3600 * 1000);
    const RawResult result = call(
        "POST", QStringLiteral("/oauth/token?grant_type=password"), basic(DemoEmail, DemoPassword));
    const QDateTime date
        = QLocale::c().toDateTime(QString::fromLatin1(result.headers.value("date")),
            QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    QVERIFY(date.isValid());
    QDateTime utc = date;
    utc.setTimeZone(QTimeZone::utc());
    QVERIFY(qAbs(utc.secsTo(QDateTime::currentDateTimeUtc()) - 3600) <= 5);
    const qint64 expiresAt = result.json.value(QStringLiteral("expires_at")).toInteger();
    QVERIFY(qAbs(expiresAt / 1000 - (utc.toSecsSinceEpoch() + 3600)) <= 2);
}

void TestEmulator::avatar_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QCryptographicHash::Algorithm>("algorithm");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("pixels");
    QTest::newRow("sha256, picture")
        << QStringLiteral(" Demo@Example.com ") << QCryptographicHash::Sha256
        << QStringLiteral("?s=96&d=404") << 200 << 96;
    QTest::newRow("md5, picture") << DemoEmail << QCryptographicHash::Md5
                                  << QStringLiteral("?s=40&d=404") << 200 << 40;
    QTest::newRow("no picture, d=404")
        << QStringLiteral("jack.truong@jameshardie.com") << QCryptographicHash::Sha256
        << QStringLiteral("?s=80&d=404") << 404 << 0;
    QTest::newRow("no picture, default image")
        << QStringLiteral("jack.truong@jameshardie.com") << QCryptographicHash::Sha256
        << QStringLiteral("?s=32") << 200 << 32;
    QTest::newRow("unknown, d=404")
        << QStringLiteral("nobody@example.com") << QCryptographicHash::Md5
        << QStringLiteral("?d=404") << 404 << 0;
}

void TestEmulator::avatar()
{
    QFETCH(QString, email);
    QFETCH(QCryptographicHash::Algorithm, algorithm);
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(int, pixels);
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(email.trimmed().toLower().toUtf8(), algorithm).toHex());
    const RawResult result = call("GET", QStringLiteral("/avatar/") + hash + query);
    QCOMPARE(result.status, status);
    if (status != 200)
        return;
    QCOMPARE(result.headers.value("content-type"), QByteArray("image/png"));
    QImage image;
    QVERIFY(image.loadFromData(result.body, "PNG"));
    QCOMPARE(image.size(), QSize(pixels, pixels));
}

void TestEmulator::avatarRevalidates()
{
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(DemoEmail.toUtf8(), QCryptographicHash::Sha256).toHex());
    const RawResult first = call("GET", QStringLiteral("/avatar/%1?s=64&d=404").arg(hash));
    QCOMPARE(first.status, 200);
    QVERIFY(first.headers.value("cache-control").contains("max-age"));
    const QByteArray etag = first.headers.value("etag");
    QVERIFY(!etag.isEmpty());
    const RawResult second
        = call("GET", QStringLiteral("/avatar/%1?s=64&d=404").arg(hash), {}, {}, {}, etag);
    QCOMPARE(second.status, 304);
    QVERIFY(second.body.isEmpty());
}

void TestEmulator::plainHttpFails()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_emulator->server().port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /oauth/me HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    QVERIFY(disconnected.wait(10000) || socket.state() == QAbstractSocket::UnconnectedState);
    QVERIFY(!socket.readAll().contains("HTTP/1.1 200"));
    QCOMPARE(m_emulator->server().requests().size(), 0);
}

void TestEmulator::unknownPathAndMethod()
{
    RawResult result = call("GET", QStringLiteral("/nope"));
    QCOMPARE(result.status, 404);
    QVERIFY(result.json.value(QStringLiteral("code")).isDouble());
    result = call("GET", QStringLiteral("/oauth/token?grant_type=password"));
    QCOMPARE(result.status, 405);
    QCOMPARE(result.headers.value("allow"), QByteArray("POST"));
    result = call("POST", QStringLiteral("/oauth/token?grant_type=client_credentials"),
        basic(DemoEmail, DemoPassword));
    QCOMPARE(result.status, 400);
}

void TestEmulator::faultDrop()
{
    m_emulator->server().addFault({Fault::Kind::Drop});
    const RawResult result = call(
        "POST", QStringLiteral("/oauth/token?grant_type=password"), basic(DemoEmail, DemoPassword));
    QVERIFY(result.error != QNetworkReply::NoError);
    QCOMPARE(result.status, 0);
}

void TestEmulator::faultSlow()
{
    Fault slow {Fault::Kind::Slow};
    slow.delayMs = 700;
    m_emulator->server().addFault(slow);
    QElapsedTimer timer;
    timer.start();
    const RawResult result = call(
        "POST", QStringLiteral("/oauth/token?grant_type=password"), basic(DemoEmail, DemoPassword));
    QCOMPARE(result.status, 200);
    QVERIFY(timer.elapsed() >= 650);
}

void TestEmulator::faultStatusWithRetryAfter()
{
    Fault fault;
    QVERIFY(parseFaultSpec(
        QStringLiteral(
            "status=503,retry-after=7,body={\"code\":50300,\"message\":\"Maintenance\"}"),
        &fault)
                .isEmpty());
    m_emulator->server().addFault(fault);
    const RawResult result = call("GET", QStringLiteral("/oauth/me"));
    QCOMPARE(result.status, 503);
    QCOMPARE(result.headers.value("retry-after"), QByteArray("7"));
    QCOMPARE(
        result.json.value(QStringLiteral("message")).toString(), QStringLiteral("Maintenance"));
}

void TestEmulator::faultMalformedJson()
{
    m_emulator->server().addFault({Fault::Kind::MalformedJson});
    const RawResult result = call(
        "POST", QStringLiteral("/oauth/token?grant_type=password"), basic(DemoEmail, DemoPassword));
    QCOMPARE(result.status, 200);
    QJsonParseError error;
    QJsonDocument::fromJson(result.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
}

void TestEmulator::faultHugeBodyIsStreamed()
{
    Fault huge {Fault::Kind::HugeBody};
    huge.hugeBytes = 3 * 1024 * 1024;
    m_emulator->server().addFault(huge);
    const RawResult result = call("GET", QStringLiteral("/oauth/me"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body.size(), huge.hugeBytes);
    QCOMPARE(m_emulator->server().hugeBytesWritten(), huge.hugeBytes);
}

void TestEmulator::faultTruncatedBody()
{
    m_emulator->server().addFault({Fault::Kind::TruncatedBody});
    const RawResult result = call(
        "POST", QStringLiteral("/oauth/token?grant_type=password"), basic(DemoEmail, DemoPassword));
    QVERIFY(result.error != QNetworkReply::NoError);
}

void TestEmulator::faultRedirect()
{
    Fault redirect {Fault::Kind::Redirect};
    redirect.redirectTarget = QUrl(QStringLiteral("https://elsewhere.example:8443"));
    m_emulator->server().addFault(redirect);
    const RawResult result = call("GET", QStringLiteral("/oauth/me?x=1"));
    QCOMPARE(result.status, 307);
    QCOMPARE(result.headers.value("location"),
        QByteArray("https://elsewhere.example:8443/oauth/me?x=1"));
}

void TestEmulator::faultHtmlPage()
{
    m_emulator->server().addFault({Fault::Kind::HtmlPage});
    const RawResult result = call("GET", QStringLiteral("/oauth/me"));
    QCOMPARE(result.status, 200);
    QVERIFY(result.headers.value("content-type").startsWith("text/html"));
    QVERIFY(result.body.contains("<html>"));
}

void TestEmulator::faultLimitedByPathAndCount()
{
    Fault fault;
    QVERIFY(parseFaultSpec(QStringLiteral("status=500,paths=/oauth/me:/avatar,count=2"), &fault)
                .isEmpty());
    m_emulator->server().addFault(fault);
    QCOMPARE(call("POST", QStringLiteral("/oauth/token?grant_type=password"),
                 basic(DemoEmail, DemoPassword))
                 .status,
        200);
    QCOMPARE(call("GET", QStringLiteral("/oauth/me")).status, 500);
    QCOMPARE(call("GET", QStringLiteral("/avatar/00")).status, 500);
    QCOMPARE(call("GET", QStringLiteral("/oauth/me")).status, 401); // the fault is used up
}

void TestEmulator::faultSpecParsing_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("kind");
    QTest::newRow("down") << QStringLiteral("down") << true << int(Fault::Kind::Drop);
    QTest::newRow("slow") << QStringLiteral("slow,delay=100") << true << int(Fault::Kind::Slow);
    QTest::newRow("status") << QStringLiteral("status=502") << true << int(Fault::Kind::Status);
    QTest::newRow("malformed") << QStringLiteral("malformed,count=1") << true
                               << int(Fault::Kind::MalformedJson);
    QTest::newRow("huge") << QStringLiteral("huge,bytes=10") << true << int(Fault::Kind::HugeBody);
    QTest::newRow("truncated") << QStringLiteral("truncated") << true
                               << int(Fault::Kind::TruncatedBody);
    QTest::newRow("redirect") << QStringLiteral("redirect,target=https://x.example") << true
                              << int(Fault::Kind::Redirect);
    QTest::newRow("html") << QStringLiteral("html,paths=/oauth") << true
                          << int(Fault::Kind::HtmlPage);
    QTest::newRow("unknown kind") << QStringLiteral("explode") << false << 0;
    QTest::newRow("bad number") << QStringLiteral("slow,delay=soon") << false << 0;
    QTest::newRow("redirect without target") << QStringLiteral("redirect") << false << 0;
    QTest::newRow("unknown setting") << QStringLiteral("status=500,colour=red") << false << 0;
}

void TestEmulator::faultSpecParsing()
{
    QFETCH(QString, spec);
    QFETCH(bool, valid);
    QFETCH(int, kind);
    Fault fault;
    const QString error = parseFaultSpec(spec, &fault);
    QCOMPARE(error.isEmpty(), valid);
    if (valid)
        QCOMPARE(int(fault.kind), kind);
}

void TestEmulator::recordsRequestsWithoutSecrets()
{
    const QJsonObject grant = grantDemo();
    const QString access = grant.value(QStringLiteral("access_token")).toString();
    const QString refresh = grant.value(QStringLiteral("refresh_token")).toString();
    call("GET", QStringLiteral("/oauth/me"), bearer(access));
    call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"), {}, refreshBody(refresh),
        "application/json");
    const QList<RecordedRequest> &requests = m_emulator->server().requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests[0].method, QByteArray("POST"));
    QCOMPARE(requests[0].path, QStringLiteral("/oauth/token"));
    QCOMPARE(requests[0].query, QStringLiteral("grant_type=password"));
    QCOMPARE(requests[0].authScheme, QStringLiteral("Basic"));
    QCOMPARE(requests[0].status, 200);
    QCOMPARE(requests[1].authScheme, QStringLiteral("Bearer"));
    QCOMPARE(requests[2].contentType, QStringLiteral("application/json"));
    QCOMPARE(requests[2].authScheme, QString());
    QCOMPARE(m_emulator->server().requestCount("POST", QStringLiteral("/oauth/token")), 2);
    for (const RecordedRequest &r : requests) {
        const QString all = QString::fromLatin1(r.method) + r.path + r.query + r.authScheme
            + r.contentType + r.host;
        QVERIFY(!all.contains(DemoPassword));
        QVERIFY(!all.contains(access));
        QVERIFY(!all.contains(refresh));
    }
}

void TestEmulator::stopAndResumeListening()
{
    m_emulator->server().stopListening();
    const RawResult refused = call("GET", QStringLiteral("/oauth/me"));
    QCOMPARE(refused.error, QNetworkReply::ConnectionRefusedError);
    QVERIFY(m_emulator->server().resumeListening());
    QCOMPARE(call("GET", QStringLiteral("/oauth/me")).status, 401);
}

void TestEmulator::usersFile()
{
    AccountService accounts;
    QVERIFY(!accounts.loadUsers("{}").isEmpty());
    QVERIFY(!accounts.loadUsers(R"([{"email_address": "a@b.c"}])").isEmpty());
    QFile example(QStringLiteral(SMTPD_EMULATOR_SOURCE_DIR "/users.example.json"));
    QVERIFY(example.open(QIODevice::ReadOnly));
    QCOMPARE(accounts.loadUsers(example.readAll()), QString());
    QCOMPARE(accounts.users().size(), 1);
    QCOMPARE(accounts.users().first().apiKeys.size(), 1);
    QCOMPARE(
        accounts
            .grant(basic(QStringLiteral("ada@example.com"), QStringLiteral("a long passphrase")))
            .status,
        200);
}

QTEST_MAIN(TestEmulator)
#include "tst_emulator.moc"
