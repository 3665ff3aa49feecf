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
#include <QUuid>

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
    void usersFileRejects_data();
    void usersFileRejects();

    // The account endpoints: API keys and billing.
    void apiKeyCreateShowsSecretOnce();
    void apiKeyListAndGetShape();
    void apiKeyCreateAcceptsTheFourRoles_data();
    void apiKeyCreateAcceptsTheFourRoles();
    void apiKeyCreateRejectsBadInput_data();
    void apiKeyCreateRejectsBadInput();
    void apiKeyRevokedSignsInNoMore();
    void apiKeyRevokeEndsItsSessions();
    void apiKeyInactiveAfterNinetyDays();
    void apiKeyOfAnotherAccountIsNotFound_data();
    void apiKeyOfAnotherAccountIsNotFound();
    void apiKeySessionsAreItsSignIns();
    void apiKeyGrantEndsOnlyItsOwnSessions();
    void rolesDecideAccess_data();
    void rolesDecideAccess();
    void keyPrincipalHasItsRole();
    void billingPlanAndUsage();
    void planCatalogue();
    void accountEndpointErrors_data();
    void accountEndpointErrors();

private:
    RawResult call(const QByteArray &method, const QString &pathAndQuery,
        const QByteArray &authorization = {}, const QByteArray &body = {},
        const QByteArray &contentType = {}, const QByteArray &ifNoneMatch = {});
    QJsonObject grantDemo();
    QString accessTokenFor(const QString &user, const QString &secret);
    RawResult createKey(const QString &accessToken, const QString &name, const QString &role);
    QJsonArray listKeys(const QString &accessToken);
    QJsonObject keyById(const QString &accessToken, const QString &id);
    void addUserWithRole(const QString &role);

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
    QTest::addColumn<QString>("scope"); // the docs show ["admin"] for an owner
    QTest::addColumn<QStringList>("extraClaims");
    QTest::newRow("email and password")
        << DemoEmail << DemoPassword << QStringLiteral("admin") << QStringList();
    QTest::newRow("email in other case") << QStringLiteral("Demo@Example.COM") << DemoPassword
                                         << QStringLiteral("admin") << QStringList();
    // A key's sign-in: the key's role, and which key and session (the emulator's own claims).
    QTest::newRow("API key and secret") << DemoApiKey << DemoApiSecret << QStringLiteral("standard")
                                        << QStringList {"key_id", "sid"};
}

void TestEmulator::grantIssuesDocumentedShape()
{
    QFETCH(QString, user);
    QFETCH(QString, secret);
    QFETCH(QString, scope);
    QFETCH(QStringList, extraClaims);
    const RawResult result
        = call("POST", QStringLiteral("/oauth/token?grant_type=password"), basic(user, secret));
    QCOMPARE(result.status, 200);
    const QJsonObject &o = result.json;
    QCOMPARE(o.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
    QCOMPARE(o.value(QStringLiteral("Scope")).toArray(), QJsonArray {scope});
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
    QStringList expectedKeys {
        "account_id", "exp", "id", "is_account_verified", "iss", "name", "scope", "sub", "subject"};
    expectedKeys += extraClaims;
    expectedKeys.sort();
    QCOMPARE(claims.keys(), expectedKeys);
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
    QCOMPARE(accounts.users().size(), 2);
    const User &ada = accounts.users().first();
    QCOMPARE(ada.apiKeys.size(), 1);
    QCOMPARE(ada.role, QStringLiteral("owner"));
    QCOMPARE(accounts.users().last().role, QStringLiteral("read_only"));
    QCOMPARE(accounts.users().last().accountId, ada.accountId);
    QCOMPARE(
        accounts
            .grant(basic(QStringLiteral("ada@example.com"), QStringLiteral("a long passphrase")))
            .status,
        200);
    // Role, plan and usage from the file.
    QCOMPARE(accounts.billing().planOf(ada.accountId), QStringLiteral("starter"));
    QCOMPARE(
        accounts.billing().usageOf(ada.accountId).value(QStringLiteral("total")).toInteger(), 4087);
    const QList<const ApiKeyService::Key *> keys = accounts.apiKeys().inAccount(ada.accountId);
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.first()->name, QStringLiteral("Ada's laptop"));
    QCOMPARE(keys.first()->role, QStringLiteral("standard"));
    const QJsonObject keyGrant = QJsonDocument::fromJson(
        accounts.grant(basic(QStringLiteral("ada-key"), QStringLiteral("ada-secret"))).body)
                                     .object();
    QCOMPARE(
        keyGrant.value(QStringLiteral("Scope")).toArray(), QJsonArray {QStringLiteral("standard")});
    const QJsonObject readerGrant
        = QJsonDocument::fromJson(accounts
                                      .grant(basic(QStringLiteral("reader@example.com"),
                                          QStringLiteral("another long passphrase")))
                                      .body)
              .object();
    QCOMPARE(readerGrant.value(QStringLiteral("Scope")).toArray(),
        QJsonArray {QStringLiteral("read_only")});
}

void TestEmulator::usersFileRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    const QByteArray user = R"("email_address": "a@b.c", "password": "p")";
    QTest::newRow("unknown role") << "[{" + user + R"(, "role": "superuser"}])"
                                  << QStringLiteral("role");
    QTest::newRow("unknown plan") << "[{" + user + R"(, "plan": "platinum"}])"
                                  << QStringLiteral("plan");
    QTest::newRow("unknown usage category")
        << "[{" + user + R"(, "usage": {"processed": 3}})" + "]" << QStringLiteral("usage");
    QTest::newRow("negative usage")
        << "[{" + user + R"(, "usage": {"sent": -3}})" + "]" << QStringLiteral("usage");
    QTest::newRow("key without a secret")
        << "[{" + user + R"(, "api_keys": [{"key": "k"}]}])" << QStringLiteral("secret");
    QTest::newRow("key with an owner's role")
        << "[{" + user + R"(, "api_keys": [{"key": "k", "secret": "s", "role": "owner"}]}])"
        << QStringLiteral("role");
}

void TestEmulator::usersFileRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    AccountService accounts;
    const QString error = accounts.loadUsers(json);
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

// ---- The account endpoints -----------------------------------------------------------------

namespace {

const QString DanaAccountId = QStringLiteral("811affc1-66c7-4982-b39e-29f9536b4720");
const QString DemoKeyId = QStringLiteral("6a1f3c0e-2b7d-4e59-9c1a-0d5e8f2b7a41");
const QString JackEmail = QStringLiteral("jack.truong@jameshardie.com");
const QString JackPassword = QStringLiteral("jack-password");
const QString KeysPath = QStringLiteral("/api/v1/account/api_key");
constexpr qint64 DayMs = 24LL * 3600 * 1000;

QByteArray keyBody(const QString &name, const QString &role)
{
    return QJsonDocument(QJsonObject {{"name", name}, {"role", role}}).toJson();
}

QByteArray grantPath()
{
    return "/oauth/token?grant_type=password";
}

} // namespace

QString TestEmulator::accessTokenFor(const QString &user, const QString &secret)
{
    return call("POST", QString::fromLatin1(grantPath()), basic(user, secret))
        .json.value(QStringLiteral("access_token"))
        .toString();
}

RawResult TestEmulator::createKey(
    const QString &accessToken, const QString &name, const QString &role)
{
    return call("POST", KeysPath, bearer(accessToken), keyBody(name, role), "application/json");
}

QJsonArray TestEmulator::listKeys(const QString &accessToken)
{
    const RawResult result = call("GET", KeysPath, bearer(accessToken));
    if (result.status != 200)
        qWarning("listing keys: HTTP %d", result.status);
    return QJsonDocument::fromJson(result.body).array();
}

QJsonObject TestEmulator::keyById(const QString &accessToken, const QString &id)
{
    return call("GET", KeysPath + QLatin1Char('/') + id, bearer(accessToken)).json;
}

void TestEmulator::addUserWithRole(const QString &role)
{
    User user;
    user.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    user.accountId = DanaAccountId; // Dana's account
    user.email = role + QStringLiteral("@example.com");
    user.password = QStringLiteral("pw-") + role;
    user.role = role;
    user.isOwner = role == QLatin1String("owner");
    m_emulator->server().accounts().addUser(user);
}

void TestEmulator::apiKeyCreateShowsSecretOnce()
{
    const QString token = accessTokenFor(DemoEmail, DemoPassword);
    const RawResult created = createKey(token, QStringLiteral("CI deploy"), QStringLiteral("iac"));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json.keys(), (QStringList {"ID", "Key", "Name", "Secret"}));
    const QString secret = created.json.value(QStringLiteral("Secret")).toString();
    const QString id = created.json.value(QStringLiteral("ID")).toString();
    QVERIFY(secret.size() >= 32);
    QCOMPARE(created.json.value(QStringLiteral("Name")).toString(), QStringLiteral("CI deploy"));
    QVERIFY(!created.json.value(QStringLiteral("Key")).toString().contains(QLatin1Char(':')));

    // Never again: not in the list, not in the key, not in its sessions.
    for (const QString &path : {KeysPath, KeysPath + QLatin1Char('/') + id,
             KeysPath + QLatin1Char('/') + id + QStringLiteral("/sessions")}) {
        const RawResult later = call("GET", path, bearer(token));
        QCOMPARE(later.status, 200);
        QVERIFY2(!later.body.contains(secret.toUtf8()), qPrintable(path));
        QVERIFY2(!later.body.toLower().contains("secret"), qPrintable(path));
    }
    // The secret works once it is known: key:secret signs in.
    QCOMPARE(call("POST", QString::fromLatin1(grantPath()),
                 basic(created.json.value(QStringLiteral("Key")).toString(), secret))
                 .status,
        200);
}

void TestEmulator::apiKeyListAndGetShape()
{
    const QString token = accessTokenFor(DemoEmail, DemoPassword);
    const QJsonArray keys = listKeys(token);
    QCOMPARE(keys.size(), 1);
    const QJsonObject demo = keys.first().toObject();
    // The docs' fields (and "role", which the docs do not list).
    QCOMPARE(demo.keys(),
        (QStringList {"account_id", "created_at_utc", "id", "is_active", "key",
            "last_accessed_at_utc", "modified_at_utc", "name", "role"}));
    QCOMPARE(demo.value(QStringLiteral("id")).toString(), DemoKeyId);
    QCOMPARE(demo.value(QStringLiteral("account_id")).toString(), DanaAccountId);
    QCOMPARE(demo.value(QStringLiteral("key")).toString(), DemoApiKey);
    QCOMPARE(demo.value(QStringLiteral("is_active")), QJsonValue(true));
    // Times in seconds, as the docs show them (below 10^11); 0 for never used.
    const qint64 created = demo.value(QStringLiteral("created_at_utc")).toInteger();
    QVERIFY(created > 1600000000 && created < 100000000000LL);
    QVERIFY(qAbs(created - QDateTime::currentSecsSinceEpoch()) < 60);
    QCOMPARE(demo.value(QStringLiteral("last_accessed_at_utc")).toInteger(), 0);
    QCOMPARE(keyById(token, DemoKeyId), demo);

    // A use shows as the last access, in seconds.
    QCOMPARE(call("GET", QStringLiteral("/oauth/me"), basic(DemoApiKey, QString())).status, 200);
    const qint64 used
        = keyById(token, DemoKeyId).value(QStringLiteral("last_accessed_at_utc")).toInteger();
    QVERIFY(qAbs(used - QDateTime::currentSecsSinceEpoch()) < 60);
}

void TestEmulator::apiKeyCreateAcceptsTheFourRoles_data()
{
    QTest::addColumn<QString>("role");
    for (const char *role : {"iac", "standard", "read_only", "send_only"})
        QTest::newRow(role) << QString::fromLatin1(role);
}

void TestEmulator::apiKeyCreateAcceptsTheFourRoles()
{
    QFETCH(QString, role);
    const QString token = accessTokenFor(DemoEmail, DemoPassword);
    const RawResult created = createKey(token, QStringLiteral("k"), role);
    QCOMPARE(created.status, 201);
    const QJsonObject key = keyById(token, created.json.value(QStringLiteral("ID")).toString());
    QCOMPARE(key.value(QStringLiteral("role")).toString(), role);
    // Signing in with it gives a session of that role.
    const RawResult grant = call("POST", QString::fromLatin1(grantPath()),
        basic(created.json.value(QStringLiteral("Key")).toString(),
            created.json.value(QStringLiteral("Secret")).toString()));
    QCOMPARE(grant.json.value(QStringLiteral("Scope")).toArray(), QJsonArray {role});
}

void TestEmulator::apiKeyCreateRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    const QString roles = QStringLiteral("role must be one of iac, standard, read_only, send_only");
    QTest::newRow("not JSON") << QByteArray("name=CI&role=iac")
                              << QStringLiteral("The request body must be a JSON object");
    QTest::newRow("empty body") << QByteArray()
                                << QStringLiteral("The request body must be a JSON object");
    QTest::newRow("a JSON list") << QByteArray(R"([{"name": "CI", "role": "iac"}])")
                                 << QStringLiteral("The request body must be a JSON object");
    QTest::newRow("missing name") << QByteArray(R"({"role": "iac"})")
                                  << QStringLiteral("name is required");
    QTest::newRow("null name") << QByteArray(R"({"name": null, "role": "iac"})")
                               << QStringLiteral("name is required");
    QTest::newRow("empty name") << QByteArray(R"({"name": "", "role": "iac"})")
                                << QStringLiteral("name must not be empty");
    QTest::newRow("blank name") << QByteArray(R"({"name": "  ", "role": "iac"})")
                                << QStringLiteral("name must not be empty");
    QTest::newRow("name a number")
        << QByteArray(R"({"name": 5, "role": "iac"})") << QStringLiteral("name must be a string");
    QTest::newRow("missing role") << QByteArray(R"({"name": "CI"})")
                                  << QStringLiteral("role is required");
    QTest::newRow("role a list") << QByteArray(R"({"name": "CI", "role": ["iac"]})")
                                 << QStringLiteral("role must be a string");
    QTest::newRow("unknown role") << QByteArray(R"({"name": "CI", "role": "superuser"})") << roles;
    QTest::newRow("role in capitals") << QByteArray(R"({"name": "CI", "role": "IAC"})") << roles;
    // Roles a user may have, but a key may not: the docs' body lists four.
    QTest::newRow("owner") << QByteArray(R"({"name": "CI", "role": "owner"})") << roles;
    QTest::newRow("admin") << QByteArray(R"({"name": "CI", "role": "admin"})") << roles;
}

void TestEmulator::apiKeyCreateRejectsBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const QString token = accessTokenFor(DemoEmail, DemoPassword);
    const RawResult result = call("POST", KeysPath, bearer(token), body, "application/json");
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json, (QJsonObject {{"code", 40000}, {"message", message}}));
    QCOMPARE(listKeys(token).size(), 1); // nothing was created
}

void TestEmulator::apiKeyRevokedSignsInNoMore()
{
    const QString token = accessTokenFor(DemoEmail, DemoPassword);
    const RawResult created = createKey(token, QStringLiteral("CI"), QStringLiteral("standard"));
    const QString id = created.json.value(QStringLiteral("ID")).toString();
    const QString key = created.json.value(QStringLiteral("Key")).toString();
    const QString secret = created.json.value(QStringLiteral("Secret")).toString();
    QCOMPARE(call("GET", QStringLiteral("/oauth/me"), basic(key, QString())).status, 200);

    const RawResult revoked
        = call("PUT", KeysPath + QLatin1Char('/') + id + QStringLiteral("/revoke"), bearer(token));
    QCOMPARE(revoked.status, 200);
    QCOMPARE(revoked.json.value(QStringLiteral("is_active")), QJsonValue(false));
    QCOMPARE(keyById(token, id).value(QStringLiteral("is_active")), QJsonValue(false));

    const RawResult signIn = call("POST", QString::fromLatin1(grantPath()), basic(key, secret));
    QCOMPARE(signIn.status, 403);
    QCOMPARE(signIn.json,
        (QJsonObject {{"code", 40102}, {"message", "Username and password are incorrect"}}));
    // Nor does the key alone authenticate a call any more.
    QCOMPARE(call("GET", QStringLiteral("/oauth/me"), basic(key, QString())).status, 401);
    // Revoking again is no error; the key stays revoked.
    QCOMPARE(
        call("PUT", KeysPath + QLatin1Char('/') + id + QStringLiteral("/revoke"), bearer(token))
            .status,
        200);
    QCOMPARE(call("POST", QString::fromLatin1(grantPath()), basic(key, secret)).status, 403);
}

void TestEmulator::apiKeyRevokeEndsItsSessions()
{
    const QString token = accessTokenFor(DemoEmail, DemoPassword);
    const RawResult created = createKey(token, QStringLiteral("CI"), QStringLiteral("standard"));
    const QString id = created.json.value(QStringLiteral("ID")).toString();
    const QJsonObject grant = call("POST", QString::fromLatin1(grantPath()),
        basic(created.json.value(QStringLiteral("Key")).toString(),
            created.json.value(QStringLiteral("Secret")).toString()))
                                  .json;
    const QString keyAccess = grant.value(QStringLiteral("access_token")).toString();
    const QString keyRefresh = grant.value(QStringLiteral("refresh_token")).toString();
    QCOMPARE(call("GET", QStringLiteral("/oauth/me"), bearer(keyAccess)).status, 200);

    QCOMPARE(
        call("PUT", KeysPath + QLatin1Char('/') + id + QStringLiteral("/revoke"), bearer(token))
            .status,
        200);
    const RawResult refreshed
        = call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"), {},
            refreshBody(keyRefresh), "application/json");
    QCOMPARE(refreshed.status, 403);
    QCOMPARE(
        refreshed.json, (QJsonObject {{"code", 40106}, {"message", "Refresh token is invalid"}}));
    // Its access token is refused too (a 401, so a client refreshes, and learns of it).
    QCOMPARE(call("GET", QStringLiteral("/oauth/me"), bearer(keyAccess)).status, 401);
    // The owner's own session is untouched.
    QCOMPARE(call("GET", QStringLiteral("/oauth/me"), bearer(token)).status, 200);
    QVERIFY(!m_emulator->server().accounts().liveRefreshTokens().contains(keyRefresh));
}

void TestEmulator::apiKeyInactiveAfterNinetyDays()
{
    AccountService &accounts = m_emulator->server().accounts();
    QString token = accessTokenFor(DemoEmail, DemoPassword);
    const RawResult created = createKey(token, QStringLiteral("CI"), QStringLiteral("standard"));
    const QString id = created.json.value(QStringLiteral("ID")).toString();
    const QString key = created.json.value(QStringLiteral("Key")).toString();
    const QString secret = created.json.value(QStringLiteral("Secret")).toString();

    // Used on day 60: the 90 days count from then.
    accounts.setClockOffsetMs(60 * DayMs);
    const QString keyRefresh = call("POST", QString::fromLatin1(grantPath()), basic(key, secret))
                                   .json.value(QStringLiteral("refresh_token"))
                                   .toString();
    QVERIFY(!keyRefresh.isEmpty());
    accounts.setClockOffsetMs(149 * DayMs);
    token = accessTokenFor(DemoEmail, DemoPassword);
    QCOMPARE(keyById(token, id).value(QStringLiteral("is_active")), QJsonValue(true));
    // Looking at it is no use: on day 151 it has gone 91 days unused.
    accounts.setClockOffsetMs(151 * DayMs);
    token = accessTokenFor(DemoEmail, DemoPassword);
    const QJsonObject inactive = keyById(token, id);
    QCOMPARE(inactive.value(QStringLiteral("is_active")), QJsonValue(false));
    const qint64 lastUsedMs
        = inactive.value(QStringLiteral("last_accessed_at_utc")).toInteger() * 1000;
    QVERIFY(qAbs(lastUsedMs - (QDateTime::currentMSecsSinceEpoch() + 60 * DayMs)) < 60 * 1000);
    const RawResult signIn = call("POST", QString::fromLatin1(grantPath()), basic(key, secret));
    QCOMPARE(signIn.status, 403);
    QCOMPARE(signIn.json.value(QStringLiteral("code")).toInt(), 40102);
    QCOMPARE(call("GET", QStringLiteral("/oauth/me"), basic(key, QString())).status, 401);

    // A key never used counts from its creation (the demo key was made at start).
    QCOMPARE(keyById(token, DemoKeyId).value(QStringLiteral("is_active")), QJsonValue(false));
    const RawResult fresh = createKey(token, QStringLiteral("new"), QStringLiteral("iac"));
    accounts.setClockOffsetMs(151 * DayMs + 89 * DayMs);
    token = accessTokenFor(DemoEmail, DemoPassword);
    QCOMPARE(keyById(token, fresh.json.value(QStringLiteral("ID")).toString())
                 .value(QStringLiteral("is_active")),
        QJsonValue(true));
}

void TestEmulator::apiKeyOfAnotherAccountIsNotFound_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("get") << QByteArray("GET") << QString();
    QTest::newRow("sessions") << QByteArray("GET") << QStringLiteral("/sessions");
    QTest::newRow("revoke") << QByteArray("PUT") << QStringLiteral("/revoke");
}

void TestEmulator::apiKeyOfAnotherAccountIsNotFound()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, suffix);
    // Jack owns another account: Dana's key is not there for him.
    const QString jack = accessTokenFor(JackEmail, JackPassword);
    QVERIFY(listKeys(jack).isEmpty());
    const RawResult result
        = call(method, KeysPath + QLatin1Char('/') + DemoKeyId + suffix, bearer(jack));
    QCOMPARE(result.status, 404);
    QCOMPARE(result.json, (QJsonObject {{"code", 40400}, {"message", "API key not found"}}));
    // Nor is a key that does not exist anywhere.
    QCOMPARE(
        call(method, KeysPath + QStringLiteral("/no-such-key") + suffix, bearer(jack)).status, 404);
    // The key is untouched.
    QCOMPARE(
        call("POST", QString::fromLatin1(grantPath()), basic(DemoApiKey, DemoApiSecret)).status,
        200);
}

void TestEmulator::apiKeySessionsAreItsSignIns()
{
    const QString token = accessTokenFor(DemoEmail, DemoPassword);
    const RawResult created = createKey(token, QStringLiteral("CI"), QStringLiteral("standard"));
    const QString id = created.json.value(QStringLiteral("ID")).toString();
    const QByteArray credentials = basic(created.json.value(QStringLiteral("Key")).toString(),
        created.json.value(QStringLiteral("Secret")).toString());
    const QString sessionsPath = KeysPath + QLatin1Char('/') + id + QStringLiteral("/sessions");
    QCOMPARE(call("GET", sessionsPath, bearer(token)).body, QByteArray("[]"));

    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const QString firstRefresh = call("POST", QString::fromLatin1(grantPath()), credentials)
                                     .json.value(QStringLiteral("refresh_token"))
                                     .toString();
    m_emulator->server().accounts().setClockOffsetMs(60 * 1000);
    const QString secondRefresh = call("POST", QString::fromLatin1(grantPath()), credentials)
                                      .json.value(QStringLiteral("refresh_token"))
                                      .toString();
    m_emulator->server().accounts().setClockOffsetMs(120 * 1000);
    QCOMPARE(call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"), {},
                 refreshBody(secondRefresh), "application/json")
                 .status,
        200);
    QCOMPARE(call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"), {},
                 refreshBody(firstRefresh), "application/json")
                 .status,
        403); // the second sign-in ended the first

    const QJsonArray sessions
        = QJsonDocument::fromJson(call("GET", sessionsPath, bearer(token)).body).array();
    QCOMPARE(sessions.size(), 2);
    const QJsonObject first = sessions.at(0).toObject();
    const QJsonObject second = sessions.at(1).toObject();
    QCOMPARE(first.keys(),
        (QStringList {"created_at_utc", "expires_at_utc", "id", "ip_address", "is_active",
            "last_used_at_utc", "user_agent"}));
    const qint64 startedAt = first.value(QStringLiteral("created_at_utc")).toInteger();
    QVERIFY(startedAt >= before && startedAt < before + 10); // seconds
    QCOMPARE(first.value(QStringLiteral("expires_at_utc")).toInteger(), startedAt + 30 * 24 * 3600);
    QCOMPARE(first.value(QStringLiteral("last_used_at_utc")).toInteger(), startedAt);
    QCOMPARE(first.value(QStringLiteral("ip_address")).toString(), QStringLiteral("127.0.0.1"));
    QVERIFY(first.value(QStringLiteral("user_agent")).isString());
    QCOMPARE(first.value(QStringLiteral("is_active")), QJsonValue(false));
    QCOMPARE(second.value(QStringLiteral("is_active")), QJsonValue(true));
    QVERIFY(
        qAbs(second.value(QStringLiteral("created_at_utc")).toInteger() - (startedAt + 60)) <= 1);
    QVERIFY(qAbs(second.value(QStringLiteral("last_used_at_utc")).toInteger() - (startedAt + 120))
        <= 1);
    QVERIFY(first.value(QStringLiteral("id")).toString()
        != second.value(QStringLiteral("id")).toString());
    // Dana's own sign-ins are no key's sessions.
    QCOMPARE(call("GET", KeysPath + QLatin1Char('/') + DemoKeyId + QStringLiteral("/sessions"),
                 bearer(token))
                 .body,
        QByteArray("[]"));
}

void TestEmulator::apiKeyGrantEndsOnlyItsOwnSessions()
{
    const QJsonObject dana = grantDemo();
    const QString danaRefresh = dana.value(QStringLiteral("refresh_token")).toString();
    const QString keyRefresh
        = call("POST", QString::fromLatin1(grantPath()), basic(DemoApiKey, DemoApiSecret))
              .json.value(QStringLiteral("refresh_token"))
              .toString();
    auto refreshStatus = [&](const QString &token) {
        return call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"), {},
            refreshBody(token), "application/json")
            .status;
    };
    QCOMPARE(refreshStatus(danaRefresh), 200); // the key's sign-in did not end Dana's
    const QString danaAgain = grantDemo().value(QStringLiteral("refresh_token")).toString();
    QCOMPARE(refreshStatus(keyRefresh), 200); // nor Dana's sign-in the key's
    QCOMPARE(refreshStatus(danaRefresh), 403); // but Dana's earlier one, as the docs say
    QCOMPARE(refreshStatus(danaAgain), 200);
}

void TestEmulator::rolesDecideAccess_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("status");
    const QStringList operations {"list keys", "get key", "key sessions", "create key",
        "revoke key", "current plan", "usage", "catalogue", "catalogue plan"};
    for (const char *role : {"owner", "admin", "iac", "standard", "read_only", "send_only"}) {
        const QString r = QString::fromLatin1(role);
        const bool manages = r == QLatin1String("owner") || r == QLatin1String("admin");
        const bool readsBilling
            = manages || r == QLatin1String("standard") || r == QLatin1String("read_only");
        for (const QString &operation : operations) {
            int status = 200;
            if (operation.contains(QLatin1String("key")))
                status = manages ? (operation == QLatin1String("create key") ? 201 : 200) : 403;
            else if (operation == QLatin1String("current plan")
                || operation == QLatin1String("usage"))
                status = readsBilling ? 200 : 403;
            QTest::addRow("%s: %s", role, qPrintable(operation)) << r << operation << status;
        }
    }
}

void TestEmulator::rolesDecideAccess()
{
    QFETCH(QString, role);
    QFETCH(QString, operation);
    QFETCH(int, status);
    addUserWithRole(role);
    const QString token
        = accessTokenFor(role + QStringLiteral("@example.com"), QStringLiteral("pw-") + role);
    QVERIFY(!token.isEmpty());
    // A key of the account to revoke, made by its owner.
    const QString victim = createKey(
        accessTokenFor(DemoEmail, DemoPassword), QStringLiteral("v"), QStringLiteral("iac"))
                               .json.value(QStringLiteral("ID"))
                               .toString();
    const QString keyPath = KeysPath + QLatin1Char('/') + DemoKeyId;
    RawResult result;
    if (operation == QLatin1String("list keys"))
        result = call("GET", KeysPath, bearer(token));
    else if (operation == QLatin1String("get key"))
        result = call("GET", keyPath, bearer(token));
    else if (operation == QLatin1String("key sessions"))
        result = call("GET", keyPath + QStringLiteral("/sessions"), bearer(token));
    else if (operation == QLatin1String("create key"))
        result = createKey(token, QStringLiteral("mine"), QStringLiteral("standard"));
    else if (operation == QLatin1String("revoke key"))
        result = call(
            "PUT", KeysPath + QLatin1Char('/') + victim + QStringLiteral("/revoke"), bearer(token));
    else if (operation == QLatin1String("current plan"))
        result = call("GET", QStringLiteral("/api/v1/account/billing/plan/current"), bearer(token));
    else if (operation == QLatin1String("usage"))
        result = call("GET", QStringLiteral("/api/v1/account/billing/usage"), bearer(token));
    else if (operation == QLatin1String("catalogue"))
        result = call("GET", QStringLiteral("/api/v1/billing/plan"), bearer(token));
    else if (operation == QLatin1String("catalogue plan"))
        result = call("GET", QStringLiteral("/api/v1/billing/plan/free"), bearer(token));
    QCOMPARE(result.status, status);
    if (status == 403) {
        QCOMPARE(result.json.value(QStringLiteral("code")).toInt(), 40300);
        const QString message = result.json.value(QStringLiteral("message")).toString();
        QVERIFY2(message.startsWith(QStringLiteral("The role %1 may not").arg(role)),
            qPrintable(message));
        // Refused means refused: nothing was created or revoked.
        const QString owner = accessTokenFor(DemoEmail, DemoPassword);
        QCOMPARE(listKeys(owner).size(), 2);
        QCOMPARE(keyById(owner, victim).value(QStringLiteral("is_active")), QJsonValue(true));
    }
}

void TestEmulator::keyPrincipalHasItsRole()
{
    const QString owner = accessTokenFor(DemoEmail, DemoPassword);
    const RawResult created
        = createKey(owner, QStringLiteral("auditor"), QStringLiteral("read_only"));
    const QJsonObject grant = call("POST", QString::fromLatin1(grantPath()),
        basic(created.json.value(QStringLiteral("Key")).toString(),
            created.json.value(QStringLiteral("Secret")).toString()))
                                  .json;
    QCOMPARE(
        grant.value(QStringLiteral("Scope")).toArray(), QJsonArray {QStringLiteral("read_only")});
    const QByteArray reader = bearer(grant.value(QStringLiteral("access_token")).toString());
    QCOMPARE(call("GET", KeysPath, reader).status, 403);
    QCOMPARE(call("GET", QStringLiteral("/api/v1/account/billing/usage"), reader).status, 200);
    // HTTP Basic with a key alone: the key's role too (the demo key is a standard one).
    const QByteArray demoKey = basic(DemoApiKey, QString());
    QCOMPARE(call("GET", KeysPath, demoKey).status, 403);
    QCOMPARE(call("POST", KeysPath, demoKey, keyBody(QStringLiteral("x"), QStringLiteral("iac")),
                 "application/json")
                 .status,
        403);
    QCOMPARE(
        call("GET", QStringLiteral("/api/v1/account/billing/plan/current"), demoKey).status, 200);
}

void TestEmulator::billingPlanAndUsage()
{
    const QString dana = accessTokenFor(DemoEmail, DemoPassword);
    const RawResult plan
        = call("GET", QStringLiteral("/api/v1/account/billing/plan/current"), bearer(dana));
    QCOMPARE(plan.status, 200);
    QCOMPARE(plan.json.keys(),
        (QStringList {"enforce_plan_limit", "extra_thousand_emails_cost",
            "feature_advance_reporting", "feature_basic_reporting", "feature_email_validation",
            "max_emails_per_month", "max_retention_days", "max_sending_profiles", "plan_id",
            "plan_name", "price_usd_per_month"}));
    QCOMPARE(plan.json.value(QStringLiteral("plan_id")).toString(), QStringLiteral("starter"));
    QCOMPARE(plan.json.value(QStringLiteral("max_emails_per_month")).toInteger(), 5000);
    // Prices are strings, as the docs show.
    QCOMPARE(plan.json.value(QStringLiteral("price_usd_per_month")), QJsonValue("15.00"));
    QCOMPARE(plan.json.value(QStringLiteral("extra_thousand_emails_cost")), QJsonValue("1.50"));

    // Dana's usage is the docs' example: 4,087 of her 5,000.
    const RawResult usage
        = call("GET", QStringLiteral("/api/v1/account/billing/usage"), bearer(dana));
    QCOMPARE(usage.status, 200);
    QCOMPARE(usage.body,
        QByteArray(R"({"total":4087,"total_by_category":{"accepted":6,"bounced":1,"complaint":0,)"
                   R"("delivered":4003,"proccessed":0,"rejected":35,"sent":2,"unknown":40}})"));

    // Another account, its own.
    const QString jack = accessTokenFor(JackEmail, JackPassword);
    QCOMPARE(call("GET", QStringLiteral("/api/v1/account/billing/plan/current"), bearer(jack))
                 .json.value(QStringLiteral("plan_id"))
                 .toString(),
        QStringLiteral("free"));
    QCOMPARE(call("GET", QStringLiteral("/api/v1/account/billing/usage"), bearer(jack))
                 .json.value(QStringLiteral("total"))
                 .toInteger(),
        217);
}

void TestEmulator::planCatalogue()
{
    const QString jack = accessTokenFor(JackEmail, JackPassword);
    const RawResult list = call("GET", QStringLiteral("/api/v1/billing/plan"), bearer(jack));
    QCOMPARE(list.status, 200);
    const QJsonArray plans = QJsonDocument::fromJson(list.body).array();
    QCOMPARE(plans.size(), 4);
    for (const QJsonValue &p : plans) {
        const QString id = p.toObject().value(QStringLiteral("plan_id")).toString();
        QVERIFY(p.toObject().value(QStringLiteral("price_usd_per_month")).isString());
        const RawResult one
            = call("GET", QStringLiteral("/api/v1/billing/plan/") + id, bearer(jack));
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json, p.toObject());
    }
    const RawResult missing
        = call("GET", QStringLiteral("/api/v1/billing/plan/platinum"), bearer(jack));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json, (QJsonObject {{"code", 40400}, {"message", "Plan not found"}}));
}

void TestEmulator::accountEndpointErrors_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("authorization"); // "none", "bad", "good"
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code");
    const QString usage = QStringLiteral("/api/v1/account/billing/usage");
    QTest::newRow("no authentication")
        << QByteArray("GET") << usage << QStringLiteral("none") << 401 << 40100;
    QTest::newRow("catalogue without authentication")
        << QByteArray("GET") << QStringLiteral("/api/v1/billing/plan") << QStringLiteral("none")
        << 401 << 40100;
    QTest::newRow("bad bearer") << QByteArray("GET") << KeysPath << QStringLiteral("bad") << 401
                                << 40101;
    QTest::newRow("unknown path") << QByteArray("GET") << QStringLiteral("/api/v1/account/nope")
                                  << QStringLiteral("good") << 404 << 40400;
    QTest::newRow("trailing slash") << QByteArray("GET") << KeysPath + QLatin1Char('/')
                                    << QStringLiteral("good") << 404 << 40400;
    QTest::newRow("DELETE a key") << QByteArray("DELETE") << KeysPath + QLatin1Char('/') + DemoKeyId
                                  << QStringLiteral("good") << 405 << 40500;
    QTest::newRow("GET revoke") << QByteArray("GET")
                                << KeysPath + QLatin1Char('/') + DemoKeyId + "/revoke"
                                << QStringLiteral("good") << 405 << 40500;
    QTest::newRow("POST usage") << QByteArray("POST") << usage << QStringLiteral("good") << 405
                                << 40500;
    QTest::newRow("PUT the list") << QByteArray("PUT") << KeysPath << QStringLiteral("good") << 405
                                  << 40500;
}

void TestEmulator::accountEndpointErrors()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, authorization);
    QFETCH(int, status);
    QFETCH(int, code);
    QByteArray header;
    if (authorization == QLatin1String("good"))
        header = bearer(accessTokenFor(DemoEmail, DemoPassword));
    else if (authorization == QLatin1String("bad"))
        header = "Bearer x.y.z";
    const RawResult result = call(method, path, header);
    QCOMPARE(result.status, status);
    QCOMPARE(result.json.value(QStringLiteral("code")).toInt(), code);
    QVERIFY(!result.json.value(QStringLiteral("message")).toString().isEmpty());
    if (status == 405)
        QVERIFY(!result.headers.value("allow").isEmpty());
}

QTEST_MAIN(TestEmulator)
#include "tst_emulator.moc"
