// The emulator against the SMTPD documentation, one test per documented behaviour, using a
// raw QNetworkAccessManager so that it is checked independently of the app's ApiClient.
#include "EmulatorFixture.h"
#include "HmacJwt.h"
#include "HttpRequestParser.h"
#include "TestUnits.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
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

// AddressSanitizer keeps freed memory in quarantine and maps its own: resident memory then
// grows with any traffic, and says nothing about what the server keeps.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool ResidentMemoryIsMeaningful = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool ResidentMemoryIsMeaningful = false;
#else
constexpr bool ResidentMemoryIsMeaningful = true;
#endif
#else
constexpr bool ResidentMemoryIsMeaningful = true;
#endif

// The emulator runs in this process: its resident memory is ours.
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = status.readAll();
    const qsizetype at = text.indexOf("VmRSS:");
    return text.mid(at + 6, text.indexOf('\n', at) - at - 6)
        .replace("kB", "")
        .trimmed()
        .toLongLong();
}

struct RawResponse
{
    bool complete = false;
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
};

// One raw HTTP/1.x client over TLS (or plain TCP), to send what QNetworkAccessManager would
// never send and to see exactly what comes back. Every wait is bounded and runs the event
// loop (the emulator is in this process).
class RawClient
{
public:
    RawClient()
        : m_readyRead(&m_socket, &QIODevice::readyRead)
        , m_disconnected(&m_socket, &QAbstractSocket::disconnected)
    { }

    QSslSocket &socket() { return m_socket; }

    bool open(quint16 port)
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(EmulatorFixture::caCertificates());
        m_socket.setSslConfiguration(tls);
        QSignalSpy encrypted(&m_socket, &QSslSocket::encrypted);
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        return encrypted.wait(10000) || m_socket.isEncrypted();
    }

    void send(const QByteArray &bytes) { m_socket.write(bytes); }

    // The next response; a HEAD answer's Content-Length announces a body that is not sent.
    RawResponse read(bool headOnly = false, int timeoutMs = 10000)
    {
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            m_buffer += m_socket.readAll();
            RawResponse response = take(headOnly);
            if (response.complete || deadline.hasExpired()
                || (m_socket.state() == QAbstractSocket::UnconnectedState
                    && m_socket.bytesAvailable() == 0))
                return response;
            if (m_readyRead.isEmpty())
                m_readyRead.wait(static_cast<int>(qMin<qint64>(deadline.remainingTime(), 100)));
            m_readyRead.clear();
        }
    }

    // Bytes received and not yet taken as a response.
    QByteArray pending()
    {
        m_buffer += m_socket.readAll();
        return m_buffer;
    }

    bool waitClosed(int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (m_socket.state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired())
            m_disconnected.wait(static_cast<int>(qMin<qint64>(deadline.remainingTime(), 100)));
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }

private:
    RawResponse take(bool headOnly)
    {
        RawResponse response;
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return response;
        const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
        response.status = lines.first().split(' ').value(1).toInt();
        for (const QByteArray &line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            response.headers.insert(
                line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const bool bodiless
            = headOnly || response.status < 200 || response.status == 204 || response.status == 304;
        const qint64 length = bodiless ? 0 : response.headers.value("content-length").toLongLong();
        if (m_buffer.size() < headEnd + 4 + length)
            return response;
        response.body = m_buffer.mid(headEnd + 4, length);
        m_buffer.remove(0, headEnd + 4 + length);
        response.complete = true;
        return response;
    }

    QSslSocket m_socket;
    QSignalSpy m_readyRead;
    QSignalSpy m_disconnected;
    QByteArray m_buffer;
};

QByteArray requestHead(const QByteArray &method, const QByteArray &target,
    const QByteArray &extraFields = {}, const QByteArray &version = "HTTP/1.1")
{
    return method + ' ' + target + ' ' + version + "\r\nHost: 127.0.0.1\r\n" + extraFields + "\r\n";
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

    // HTTP done properly, and abuse survived.
    void abortedHandshakesDoNotBlock();
    void oversizedHeaderIsRefusedFast();
    void malformedHeadsAreRefused_data();
    void malformedHeadsAreRefused();
    void parserTakesAnySplit();
    void optionsTakesAsteriskForm();
    void chunkedBodyFraming_data();
    void chunkedBodyFraming();
    void oversizedBodyIsRefusedUnread_data();
    void oversizedBodyIsRefusedUnread();
    void revokeRejectsExpiredRefreshToken();
    void headHasNoBody_data();
    void headHasNoBody();
    void connectionPersistence_data();
    void connectionPersistence();
    void idleConnectionTimesOut_data();
    void idleConnectionTimesOut();
    void expectContinue_data();
    void expectContinue();
    void tokenAnswersAreNotCached_data();
    void tokenAnswersAreNotCached();
    void badOptionValuesAreRejected_data();
    void badOptionValuesAreRejected();

private:
    QNetworkRequest networkRequest(const QString &pathAndQuery) const;
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

QNetworkRequest TestEmulator::networkRequest(const QString &pathAndQuery) const
{
    QNetworkRequest request(QUrl(m_emulator->baseUrl().toString() + pathAndQuery));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(EmulatorFixture::caCertificates());
    request.setSslConfiguration(tls);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return request;
}

RawResult TestEmulator::call(const QByteArray &method, const QString &pathAndQuery,
    const QByteArray &authorization, const QByteArray &body, const QByteArray &contentType,
    const QByteArray &ifNoneMatch)
{
    QNetworkRequest request = networkRequest(pathAndQuery);
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
    QTest::newRow("negative delay") << QStringLiteral("slow,delay=-1") << false << 0;
    QTest::newRow("delay over a day") << QStringLiteral("slow,delay=86400001") << false << 0;
    QTest::newRow("status out of range") << QStringLiteral("status=99") << false << 0;
    QTest::newRow("status not a number") << QStringLiteral("status=5xx") << false << 0;
    QTest::newRow("zero count") << QStringLiteral("status=500,count=0") << false << 0;
    QTest::newRow("negative bytes") << QStringLiteral("huge,bytes=-5") << false << 0;
    QTest::newRow("retry-after words")
        << QStringLiteral("status=503,retry-after=soon") << false << 0;
    QTest::newRow("redirect to ftp")
        << QStringLiteral("redirect,target=ftp://x.example") << false << 0;
    QTest::newRow("path without slash") << QStringLiteral("down,paths=oauth") << false << 0;
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

void TestEmulator::abortedHandshakesDoNotBlock()
{
    // Clients that start a TLS handshake and never finish it: half of them reset the
    // connection, half stay silent. Neither may keep anyone else out.
    HttpTimeouts timeouts;
    timeouts.handshakeMs = 500;
    m_emulator->server().setHttpTimeouts(timeouts);
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 40; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, m_emulator->server().port());
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(clients.begin(), clients.end(),
            [](const auto &c) { return c->state() == QAbstractSocket::ConnectedState; }),
        10000);
    for (int i = 0; i < 40; ++i) {
        // A TLS record header announcing a ClientHello of 512 bytes, then only its first byte.
        clients[i]->write(QByteArray::fromHex("160301020001"));
        clients[i]->flush();
        if (i % 2 == 0)
            clients[i]->abort();
    }
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(call("GET", QStringLiteral("/oauth/me")).status, 401);
    const qint64 answeredMs = timer.elapsed();
    // The silent ones are dropped at the handshake timeout.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(clients.begin(), clients.end(),
            [](const auto &c) { return c->state() == QAbstractSocket::UnconnectedState; }),
        5000);
    const qint64 droppedMs = timer.elapsed();
    qInfo("a request after 40 stuck handshakes: answered in %lld ms; the 20 silent clients "
          "dropped after %lld ms (handshake timeout 500 ms)",
        answeredMs, droppedMs);
    QVERIFY2(answeredMs < 2000, qPrintable(QString::number(answeredMs)));
    QVERIFY(droppedMs >= 400);
}

void TestEmulator::oversizedHeaderIsRefusedFast()
{
    RawClient big;
    QVERIFY(big.open(m_emulator->server().port()));
    QElapsedTimer timer;
    timer.start();
    big.send("GET /oauth/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + QByteArray(16 << 20, 'a')
        + "\r\n\r\n");
    // Another client at the same time.
    std::unique_ptr<QNetworkReply> normal(
        m_network->get(networkRequest(QStringLiteral("/oauth/me"))));
    qint64 normalMs = -1;
    QObject::connect(normal.get(), &QNetworkReply::finished, [&] { normalMs = timer.elapsed(); });
    const RawResponse refused = big.read(false, 10000);
    const qint64 refusedMs = timer.elapsed();
    QTRY_VERIFY_WITH_TIMEOUT(normalMs >= 0, 10000);
    qInfo("16 MiB header: refused in %lld ms; a concurrent normal request answered in %lld ms",
        refusedMs, normalMs);
    QCOMPARE(refused.status, 431);
    QCOMPARE(refused.headers.value("connection"), QByteArray("close"));
    QCOMPARE(normal->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    QVERIFY2(refusedMs < 2000, qPrintable(QString::number(refusedMs)));
    QVERIFY2(normalMs < 2000, qPrintable(QString::number(normalMs)));
    QVERIFY(big.waitClosed(10000));
    QCOMPARE(m_emulator->server().requests().size(), 1); // only the normal one
}

void TestEmulator::malformedHeadsAreRefused_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    const QByteArray hundredFields = [] {
        QByteArray fields;
        for (int i = 0; i < 100; ++i) // with Host, 101
            fields += "X-Field-" + QByteArray::number(i) + ": 1\r\n";
        return fields;
    }();
    QTest::newRow("101 header fields") << requestHead("GET", "/oauth/me", hundredFields) << 431;
    QTest::newRow("header fields over 64 KiB")
        << requestHead("GET", "/oauth/me", "X-Big: " + QByteArray(64 * 1024, 'a') + "\r\n") << 431;
    QTest::newRow("request line over 64 KiB")
        << requestHead("GET", "/oauth/me?x=" + QByteArray(64 * 1024, 'a')) << 414;
    QTest::newRow("obsolete line folding")
        << requestHead("GET", "/oauth/me", "X-A: 1\r\n  folded\r\n") << 400;
    QTest::newRow("space before the colon")
        << requestHead("GET", "/oauth/me", "X-A : 1\r\n") << 400;
    QTest::newRow("two Content-Lengths")
        << requestHead("POST", "/oauth/revoke", "Content-Length: 1\r\nContent-Length: 2\r\n")
        << 400;
    QTest::newRow("Content-Length not a number")
        << requestHead("POST", "/oauth/revoke", "Content-Length: 1x\r\n") << 400;
    QTest::newRow("Transfer-Encoding and Content-Length") << requestHead(
        "POST", "/oauth/revoke", "Content-Length: 1\r\nTransfer-Encoding: chunked\r\n")
                                                          << 400;
    QTest::newRow("gzip transfer coding")
        << requestHead("POST", "/oauth/revoke", "Transfer-Encoding: gzip, chunked\r\n") << 501;
    // RFC 9112 §6.1: chunked is never applied twice; a request that says so is malformed.
    QTest::newRow("chunked twice in one field")
        << requestHead("POST", "/oauth/revoke", "Transfer-Encoding: chunked, chunked\r\n") << 400;
    QTest::newRow("chunked in two fields") << requestHead(
        "POST", "/oauth/revoke", "Transfer-Encoding: chunked\r\nTransfer-Encoding: Chunked\r\n")
                                           << 400;
    QTest::newRow("chunked twice around gzip")
        << requestHead("POST", "/oauth/revoke", "Transfer-Encoding: chunked, gzip, chunked\r\n")
        << 400;
    // RFC 9112 §3.2.4: the asterisk-form is for OPTIONS only (and methods are case-sensitive).
    QTest::newRow("asterisk-form with GET") << requestHead("GET", "*") << 400;
    QTest::newRow("asterisk-form with POST")
        << requestHead("POST", "*", "Content-Length: 0\r\n") << 400;
    QTest::newRow("asterisk-form with lower-case options") << requestHead("options", "*") << 400;
    QTest::newRow("HTTP/1.1 without Host") << QByteArray("GET /oauth/me HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("HTTP/2.0") << requestHead("GET", "/oauth/me", {}, "HTTP/2.0") << 505;
    QTest::newRow("not HTTP") << QByteArray("HELLO\r\n\r\n") << 400;
    QTest::newRow("unknown expectation")
        << requestHead("GET", "/oauth/me", "Expect: coffee\r\n") << 417;
}

void TestEmulator::malformedHeadsAreRefused()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    RawClient client;
    QVERIFY(client.open(m_emulator->server().port()));
    QSignalSpy refused(&m_emulator->server(), &EmulatorServer::requestRefused);
    client.send(request);
    const RawResponse response = client.read();
    QVERIFY(response.complete);
    QCOMPARE(response.status, status);
    QCOMPARE(response.headers.value("connection"), QByteArray("close"));
    QCOMPARE(QJsonDocument::fromJson(response.body).object().value(QStringLiteral("code")).toInt(),
        status * 100);
    QVERIFY(client.waitClosed(10000));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(m_emulator->server().requests().size(), 0);
}

void TestEmulator::parserTakesAnySplit()
{
    // Two pipelined requests, the first with a chunked body and a trailer field, read from
    // pieces of every size: the same requests come out.
    const QByteArray stream = "\r\nPOST /oauth/token?grant_type=refresh_token HTTP/1.1\r\n"
                              "Host: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                              "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"
                              "GET /avatar/%61b?s=1 HTTP/1.0\nConnection: keep-alive\n\n";
    for (int piece : {1, 2, 3, 7, 64, int(stream.size())}) {
        HttpRequestParser parser;
        QList<HttpRequest> requests;
        for (qsizetype at = 0; at < stream.size(); at += piece) {
            parser.append(stream.mid(at, piece));
            for (auto step = parser.advance(); step != HttpRequestParser::Step::NeedMore;
                 step = parser.advance()) {
                QVERIFY(step != HttpRequestParser::Step::Failed);
                if (step == HttpRequestParser::Step::RequestReady)
                    requests.append(parser.takeRequest());
            }
        }
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[0].method(), HttpRequest::Method::Post);
        QCOMPARE(requests[0].url().path(), QStringLiteral("/oauth/token"));
        QCOMPARE(requests[0].query().queryItemValue(QStringLiteral("grant_type")),
            QStringLiteral("refresh_token"));
        QCOMPARE(requests[0].body(), QByteArray("hello world"));
        QVERIFY(requests[0].keepAlive());
        QCOMPARE(requests[1].methodName(), QByteArray("GET"));
        QCOMPARE(requests[1].url().path(), QStringLiteral("/avatar/ab"));
        QCOMPARE(requests[1].minorVersion(), 0);
        QVERIFY(requests[1].keepAlive());
        QVERIFY(!parser.hasPartialRequest());
    }
}

void TestEmulator::optionsTakesAsteriskForm()
{
    // The one method the asterisk-form is for: the request reaches the API (which has no
    // resource "*").
    RawClient client;
    QVERIFY(client.open(m_emulator->server().port()));
    QSignalSpy refused(&m_emulator->server(), &EmulatorServer::requestRefused);
    client.send(requestHead("OPTIONS", "*"));
    const RawResponse response = client.read();
    QVERIFY(response.complete);
    QCOMPARE(response.status, 404);
    QCOMPARE(refused.size(), 0);
    QCOMPARE(m_emulator->server().requests().size(), 1);
    QCOMPARE(m_emulator->server().requests().first().method, QByteArray("OPTIONS"));
}

void TestEmulator::chunkedBodyFraming_data()
{
    QTest::addColumn<QByteArray>("chunkedBody"); // what follows the head
    QTest::addColumn<int>("status"); // the refusal, or 0 when the request is taken
    QTest::addColumn<QByteArray>("decoded"); // the body, when it is taken
    QTest::newRow("CRLF throughout")
        << QByteArray("5\r\nhello\r\n0\r\n\r\n") << 0 << QByteArray("hello");
    QTest::newRow("CRLF with a trailer field")
        << QByteArray("5\r\nhello\r\n0\r\nX-Trailer: t\r\n\r\n") << 0 << QByteArray("hello");
    // The head may end its lines with a bare LF (RFC 9112 §2.2); the chunked framing may not.
    QTest::newRow("bare LF ending the trailer section")
        << QByteArray("5\r\nhello\r\n0\r\n\n") << 400 << QByteArray();
    QTest::newRow("bare LF after a trailer field")
        << QByteArray("5\r\nhello\r\n0\r\nX-Trailer: t\n\r\n") << 400 << QByteArray();
    QTest::newRow("bare LF after the last chunk")
        << QByteArray("5\r\nhello\r\n0\n\r\n") << 400 << QByteArray();
    QTest::newRow("bare LF after a chunk size")
        << QByteArray("5\nhello\r\n0\r\n\r\n") << 400 << QByteArray();
    QTest::newRow("bare LF after chunk data")
        << QByteArray("5\r\nhello\n0\r\n\r\n") << 400 << QByteArray();
    // Leading zeros do not change a chunk size; only its value can be over the limit.
    QTest::newRow("15 leading zeros")
        << QByteArray("0000000000000005\r\nhello\r\n0\r\n\r\n") << 0 << QByteArray("hello");
    QTest::newRow("18 leading zeros")
        << QByteArray("0000000000000000005\r\nhello\r\n0\r\n\r\n") << 0 << QByteArray("hello");
    QTest::newRow("1000 leading zeros") << QByteArray(1000, '0') + "5;ext=1\r\nhello\r\n0\r\n\r\n"
                                        << 0 << QByteArray("hello");
    QTest::newRow("last chunk with 20 zeros")
        << QByteArray("5\r\nhello\r\n00000000000000000000\r\n\r\n") << 0 << QByteArray("hello");
    QTest::newRow("1 MiB in one chunk, leading zeros")
        << QByteArray("0000000000000000100000\r\n") + QByteArray(1 << 20, 'a') + "\r\n0\r\n\r\n"
        << 0 << QByteArray(1 << 20, 'a');
    QTest::newRow("1 MiB + 1 in one chunk, leading zeros")
        << QByteArray("0000000000000000100001\r\n") << 413 << QByteArray();
    QTest::newRow("16 hex digits") << QByteArray("ffffffffffffffff\r\n") << 413 << QByteArray();
    QTest::newRow("20 hex digits") << QByteArray("10000000000000000000\r\n") << 413 << QByteArray();
    QTest::newRow("not hex") << QByteArray("5g\r\nhello\r\n0\r\n\r\n") << 400 << QByteArray();
    QTest::newRow("0x prefix") << QByteArray("0x5\r\nhello\r\n0\r\n\r\n") << 400 << QByteArray();
    QTest::newRow("zeros, then not hex")
        << QByteArray("0000000000000000000z\r\n") << 400 << QByteArray();
}

void TestEmulator::chunkedBodyFraming()
{
    QFETCH(QByteArray, chunkedBody);
    QFETCH(int, status);
    QFETCH(QByteArray, decoded);
    const QByteArray request
        = requestHead("POST", "/oauth/revoke", "Transfer-Encoding: chunked\r\n") + chunkedBody;

    // What the parser makes of it...
    HttpRequestParser parser;
    parser.append(request);
    auto step = parser.advance();
    QCOMPARE(step, HttpRequestParser::Step::HeadReady);
    QVERIFY(parser.expectsBody());
    step = parser.advance();
    if (status == 0) {
        QCOMPARE(step, HttpRequestParser::Step::RequestReady);
        QCOMPARE(parser.takeRequest().body(), decoded);
        QVERIFY(!parser.hasPartialRequest());
    } else {
        QCOMPARE(step, HttpRequestParser::Step::Failed);
        QCOMPARE(parser.errorStatus(), status);
    }

    // ...and what the server answers.
    RawClient client;
    QVERIFY(client.open(m_emulator->server().port()));
    QSignalSpy refused(&m_emulator->server(), &EmulatorServer::requestRefused);
    client.send(request);
    const RawResponse response = client.read();
    QVERIFY(response.complete);
    if (status == 0) {
        // The API's own answer to a revoke without credentials.
        QCOMPARE(refused.size(), 0);
        QCOMPARE(m_emulator->server().requests().size(), 1);
        QCOMPARE(m_emulator->server().requests().first().status, response.status);
        return;
    }
    QCOMPARE(response.status, status);
    QCOMPARE(response.headers.value("connection"), QByteArray("close"));
    QCOMPARE(QJsonDocument::fromJson(response.body).object().value(QStringLiteral("code")).toInt(),
        status * 100);
    QVERIFY(client.waitClosed(10000));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(m_emulator->server().requests().size(), 0);
}

void TestEmulator::oversizedBodyIsRefusedUnread_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::newRow("Content-Length 1 GiB") << false;
    QTest::newRow("chunked, past 1 MiB") << true;
}

void TestEmulator::oversizedBodyIsRefusedUnread()
{
    QFETCH(bool, chunked);
    HttpTimeouts timeouts;
    timeouts.lingerMs = 300;
    m_emulator->server().setHttpTimeouts(timeouts);
    RawClient client;
    QVERIFY(client.open(m_emulator->server().port()));
    const qint64 before = residentKiB();
    QVERIFY(before > 0);
    qint64 peak = before;

    client.send(requestHead("POST", "/oauth/revoke",
        chunked ? QByteArray("Transfer-Encoding: chunked\r\n")
                : QByteArray("Content-Length: 1073741824\r\n")));
    // The body follows at once (no Expect), as fast as the connection takes it, up to
    // 64 MiB: a server that kept it would grow by that much.
    const QByteArray piece(64 * 1024, '0');
    const QByteArray framed = "10000\r\n" + piece + "\r\n";
    qint64 sent = 0;
    bool answered = false;
    auto pump = [&] {
        QSslSocket &socket = client.socket();
        while (!answered && sent < 64LL * 1024 * 1024
            && socket.state() == QAbstractSocket::ConnectedState
            && socket.bytesToWrite() + socket.encryptedBytesToWrite() < 256 * 1024) {
            client.send(chunked ? framed : piece);
            sent += piece.size();
        }
        peak = qMax(peak, residentKiB());
    };
    QObject::connect(&client.socket(), &QSslSocket::encryptedBytesWritten, pump);
    pump();
    QElapsedTimer timer;
    timer.start();
    const RawResponse response = client.read(false, 10000);
    answered = true;
    const qint64 answerMs = timer.elapsed();
    peak = qMax(peak, residentKiB());
    qInfo("%s: 413 after %lld ms, %lld KiB of body sent by then; resident memory %lld KiB "
          "before, %lld KiB at most (+%lld KiB)%s",
        chunked ? "chunked" : "Content-Length 1 GiB", answerMs, sent / 1024, before, peak,
        peak - before, ResidentMemoryIsMeaningful ? "" : " (not checked under AddressSanitizer)");
    QCOMPARE(response.status, 413);
    QCOMPARE(response.headers.value("connection"), QByteArray("close"));
    QVERIFY(client.waitClosed(10000));
    if (ResidentMemoryIsMeaningful)
        QVERIFY2(peak - before < 6 * 1024, qPrintable(QString::number(peak - before)));
    QVERIFY(answerMs < 2000);
    QCOMPARE(m_emulator->server().requests().size(), 0);
}

void TestEmulator::revokeRejectsExpiredRefreshToken()
{
    AccountService &accounts = m_emulator->server().accounts();
    const QString refreshToken = grantDemo().value(QStringLiteral("refresh_token")).toString();
    const qint64 day = 24LL * 3600 * 1000;
    // An access token from the last minute of the refresh token's 30 days...
    accounts.setClockOffsetMs(30 * day - 60 * 1000);
    const QString access = call("POST", QStringLiteral("/oauth/token?grant_type=refresh_token"), {},
        refreshBody(refreshToken), "application/json")
                               .json.value(QStringLiteral("access_token"))
                               .toString();
    QVERIFY(!access.isEmpty());
    // ...is still valid past them; the refresh token is not.
    accounts.setClockOffsetMs(30 * day + 1000);
    const RawResult result = call("POST", QStringLiteral("/oauth/revoke"), bearer(access),
        refreshBody(refreshToken), "application/json");
    QCOMPARE(result.status, 401);
    QCOMPARE(result.json, (QJsonObject {{"code", 40106}, {"message", "Refresh token is invalid"}}));
    QCOMPARE(call("GET", QStringLiteral("/oauth/me"), bearer(access)).status, 200);
}

void TestEmulator::headHasNoBody_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    const QByteArray hash
        = QCryptographicHash::hash(DemoEmail.toUtf8(), QCryptographicHash::Md5).toHex();
    QTest::newRow("avatar") << QByteArray("/avatar/" + hash + "?s=64") << 200;
    QTest::newRow("me without a token") << QByteArray("/oauth/me") << 401;
    QTest::newRow("unknown path") << QByteArray("/nope") << 404;
    QTest::newRow("POST-only path") << QByteArray("/oauth/token?grant_type=password") << 405;
}

void TestEmulator::headHasNoBody()
{
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    RawClient client;
    QVERIFY(client.open(m_emulator->server().port()));
    client.send(requestHead("GET", target));
    const RawResponse get = client.read();
    QVERIFY(get.complete);
    // HEAD, and a GET after it on the same connection: the GET's status line must follow
    // HEAD's head at once, with no body between.
    client.send(requestHead("HEAD", target) + requestHead("GET", "/nope"));
    const RawResponse head = client.read(true);
    QVERIFY(head.complete);
    QCOMPARE(head.status, status);
    QCOMPARE(head.headers.value("content-length"), QByteArray::number(get.body.size()));
    QCOMPARE(head.headers.value("content-type"), get.headers.value("content-type"));
    QTRY_VERIFY_WITH_TIMEOUT(client.pending().size() >= 12, 10000);
    QVERIFY2(client.pending().startsWith("HTTP/1.1 404"), client.pending().left(40).constData());
    if (status == 405) {
        QCOMPARE(head.headers.value("allow"), QByteArray("POST"));
    } else {
        QCOMPARE(get.status, status);
        QVERIFY(!get.body.isEmpty());
    }
    QCOMPARE(
        m_emulator->server().requestCount("HEAD", QString::fromLatin1(target.split('?').first())),
        1);
}

void TestEmulator::connectionPersistence_data()
{
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<bool>("staysOpen");
    QTest::addColumn<QByteArray>("connectionField");
    QTest::newRow("HTTP/1.1") << QByteArray("HTTP/1.1") << QByteArray() << true << QByteArray();
    QTest::newRow("HTTP/1.1, Connection: close")
        << QByteArray("HTTP/1.1") << QByteArray("Connection: close\r\n") << false
        << QByteArray("close");
    QTest::newRow("HTTP/1.1, Connection: keep-alive, Close")
        << QByteArray("HTTP/1.1") << QByteArray("Connection: keep-alive, Close\r\n") << false
        << QByteArray("close");
    QTest::newRow("HTTP/1.0") << QByteArray("HTTP/1.0") << QByteArray() << false
                              << QByteArray("close");
    QTest::newRow("HTTP/1.0, Connection: keep-alive")
        << QByteArray("HTTP/1.0") << QByteArray("Connection: keep-alive\r\n") << true
        << QByteArray("keep-alive");
}

void TestEmulator::connectionPersistence()
{
    QFETCH(QByteArray, version);
    QFETCH(QByteArray, fields);
    QFETCH(bool, staysOpen);
    QFETCH(QByteArray, connectionField);
    RawClient client;
    QVERIFY(client.open(m_emulator->server().port()));
    client.send(requestHead("GET", "/oauth/me", fields, version));
    const RawResponse first = client.read();
    QCOMPARE(first.status, 401);
    QCOMPARE(first.headers.value("connection"), connectionField);
    if (!staysOpen) {
        QVERIFY(client.waitClosed(5000));
        return;
    }
    client.send(requestHead("GET", "/nope", fields, version));
    QCOMPARE(client.read().status, 404);
    QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
}

void TestEmulator::idleConnectionTimesOut_data()
{
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<int>("status"); // of what the server sends at the timeout, 0: nothing
    QTest::newRow("idle after an answer") << requestHead("GET", "/oauth/me") << 0;
    QTest::newRow("nothing ever sent") << QByteArray() << 0;
    QTest::newRow("half a request") << QByteArray("GET /oauth/me HTTP/1.1\r\nHost: x") << 408;
}

void TestEmulator::idleConnectionTimesOut()
{
    QFETCH(QByteArray, sent);
    QFETCH(int, status);
    QCOMPARE(HttpTimeouts().idleMs, 30 * 1000); // the realistic default
    HttpTimeouts timeouts;
    timeouts.idleMs = 300;
    timeouts.lingerMs = 100;
    m_emulator->server().setHttpTimeouts(timeouts);
    RawClient client;
    QVERIFY(client.open(m_emulator->server().port()));
    client.send(sent);
    if (sent.endsWith("\r\n\r\n"))
        QCOMPARE(client.read().status, 401);
    QElapsedTimer idle;
    idle.start();
    if (status != 0)
        QCOMPARE(client.read(false, 5000).status, status);
    QVERIFY(client.waitClosed(5000));
    qInfo("closed after %lld ms idle (timeout 300 ms)", idle.elapsed());
    QVERIFY(idle.elapsed() >= 250);
    if (status == 0)
        QVERIFY(client.pending().isEmpty());
}

void TestEmulator::expectContinue_data()
{
    QTest::addColumn<bool>("withinLimit");
    QTest::newRow("body within the limit: 100, then the answer") << true;
    QTest::newRow("body over the limit: 413 at once") << false;
}

void TestEmulator::expectContinue()
{
    QFETCH(bool, withinLimit);
    const QByteArray body
        = refreshBody(grantDemo().value(QStringLiteral("refresh_token")).toString());
    RawClient client;
    QVERIFY(client.open(m_emulator->server().port()));
    const QByteArray length = withinLimit ? QByteArray::number(body.size()) : "2000000";
    client.send(requestHead("POST", "/oauth/token?grant_type=refresh_token",
        "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " + length
            + "\r\n"));
    const RawResponse interim = client.read();
    if (!withinLimit) {
        QCOMPARE(interim.status, 413);
        QVERIFY(client.waitClosed(10000));
        QCOMPARE(m_emulator->server().requests().size(), 1); // the grant only
        return;
    }
    QCOMPARE(interim.status, 100);
    QVERIFY(client.pending().isEmpty()); // nothing more until the body is sent
    client.send(body);
    const RawResponse answer = client.read();
    QCOMPARE(answer.status, 200);
    QVERIFY(QJsonDocument::fromJson(answer.body).object().contains(QStringLiteral("access_token")));
}

void TestEmulator::tokenAnswersAreNotCached_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("grant") << QStringLiteral("grant");
    QTest::newRow("bad credentials") << QStringLiteral("bad credentials");
    QTest::newRow("refresh") << QStringLiteral("refresh");
    QTest::newRow("dead refresh token") << QStringLiteral("dead refresh token");
    QTest::newRow("wrong method") << QStringLiteral("wrong method");
    QTest::newRow("slow fault") << QStringLiteral("slow");
    QTest::newRow("new API key") << QStringLiteral("new key"); // its one-time secret
}

void TestEmulator::tokenAnswersAreNotCached()
{
    QFETCH(QString, kind);
    const QString refreshToken = grantDemo().value(QStringLiteral("refresh_token")).toString();
    const QString grantPath = QStringLiteral("/oauth/token?grant_type=password");
    const QString refreshPath = QStringLiteral("/oauth/token?grant_type=refresh_token");
    RawResult result;
    if (kind == QLatin1String("grant"))
        result = call("POST", grantPath, basic(DemoEmail, DemoPassword));
    else if (kind == QLatin1String("bad credentials"))
        result = call("POST", grantPath, basic(DemoEmail, QStringLiteral("nope")));
    else if (kind == QLatin1String("refresh"))
        result = call("POST", refreshPath, {}, refreshBody(refreshToken), "application/json");
    else if (kind == QLatin1String("dead refresh token"))
        result
            = call("POST", refreshPath, {}, refreshBody(QStringLiteral("x")), "application/json");
    else if (kind == QLatin1String("wrong method"))
        result = call("GET", grantPath);
    else if (kind == QLatin1String("new key")) {
        result = createKey(grantDemo().value(QStringLiteral("access_token")).toString(),
            QStringLiteral("cache check"), QStringLiteral("standard"));
        QCOMPARE(result.status, 201);
    } else {
        m_emulator->server().addFault(
            faultOn(QStringLiteral("slow,delay=10"), QStringLiteral("/oauth/token")));
        result = call("POST", grantPath, basic(DemoEmail, DemoPassword));
    }
    QVERIFY(result.status != 0);
    QCOMPARE(result.headers.value("cache-control"), QByteArray("no-store"));
    QCOMPARE(result.headers.value("pragma"), QByteArray("no-cache"));
    // Not on other endpoints' answers.
    QVERIFY(!call("GET", QStringLiteral("/oauth/me")).headers.contains("pragma"));
}

void TestEmulator::badOptionValuesAreRejected_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    auto row = [](const char *name, const QStringList &arguments, const QString &named) {
        QTest::newRow(name) << arguments << named;
    };
    row("port abc", {"--port", "abc"}, "--port");
    row("port 65536", {"--port", "65536"}, "--port");
    row("port -1", {"--port", "-1"}, "--port");
    row("token lifetime abc", {"--token-lifetime", "abc"}, "--token-lifetime");
    row("token lifetime 0", {"--token-lifetime", "0"}, "--token-lifetime");
    row("token lifetime 1.5", {"--token-lifetime", "1.5"}, "--token-lifetime");
    row("clock offset abc", {"--clock-offset", "abc"}, "--clock-offset");
    row("clock offset 1e3", {"--clock-offset", "1e3"}, "--clock-offset");
    row("clock offset beyond 100 years", {"--clock-offset", "99999999999"}, "--clock-offset");
    row("fault delay -1", {"--fault", "slow,delay=-1"}, "delay");
    row("fault delay soon", {"--fault", "slow,delay=soon"}, "delay");
    row("fault status 99", {"--fault", "status=99"}, "status");
    row("fault count 0", {"--fault", "status=500,count=0"}, "count");
    row("fault bytes -5", {"--fault", "huge,bytes=-5"}, "bytes");
    row("fault retry-after soon", {"--fault", "status=503,retry-after=soon"}, "retry-after");
    row("fault redirect target", {"--fault", "redirect,target=notaurl"}, "target");
}

void TestEmulator::badOptionValuesAreRejected()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const QString certs = EmulatorFixture::certificateDirectory();
    QProcess emulator;
    QSignalSpy finished(&emulator, &QProcess::finished);
    emulator.start(QStringLiteral(SMTPD_EMULATOR_EXE),
        QStringList {QStringLiteral("--cert"), certs + QStringLiteral("/server.pem"),
            QStringLiteral("--key"), certs + QStringLiteral("/server.key")}
            + arguments);
    if (!finished.wait(15000)) {
        emulator.kill();
        QFAIL("the emulator started with a bad value");
    }
    const QString message = QString::fromUtf8(emulator.readAllStandardError());
    qInfo("%s", qPrintable(message.trimmed()));
    QCOMPARE(emulator.exitStatus(), QProcess::NormalExit);
    QCOMPARE(emulator.exitCode(), 2);
    QVERIFY2(message.startsWith(QStringLiteral("smtpd-emulator: ")), qPrintable(message));
    QVERIFY2(message.contains(named), qPrintable(message));
    QVERIFY2(message.contains(arguments.last().section(QLatin1Char('='), -1)), qPrintable(message));
}

QTEST_MAIN(TestEmulator)
#include "tst_emulator.moc"
