// ApiClient against the emulator over real TLS: every endpoint, every documented error, and
// the transport rules (https only, trusted certificates, same-origin redirects, timeout,
// size cap, strict decoding).
#include "Clock.h"
#include "EmulatorFixture.h"
#include "TestUnits.h"
#include "api/ApiClient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Smtpd;
using namespace SmtpdEmulator;
using namespace TestSupport;

class TestApiClient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void grantSucceeds_data();
    void grantSucceeds();
    void grantWrongPassword();
    void refreshSucceeds();
    void refreshRejected();
    void meReturnsProfile();
    void meRejectsBadToken();
    void revokeSucceedsThenRejects();
    void requestsCarryDocumentedHeaders();
    void lifetimeInServerClock();
    void plainHttpRefused();
    void untrustedCertificateIsTlsError();
    void crossOriginRedirectNotFollowed();
    void sameOriginRedirectFollowed();
    void redirectedTokenRequestNeverRepeated();
    void timeout();
    void hugeBodyAbortedWhileStreaming();
    void faultsMapToErrorKinds_data();
    void faultsMapToErrorKinds();
    void connectionRefused();
    void abortGivesCancelled();
    void abortReportsThroughEventLoop();
    void abortAfterFinishIsNoOp();
    void deletedAfterAbortEmitsNothing();
    void finishedNeverSynchronous();
    void accountCallsUseDocumentedRequests();
    void forbiddenOnlyForAccountCalls();
    void accountCallErrorsCarryServerMessage();

private:
    ApiClient *client(bool trustTestCa = true);
    TokenGrant signIn();

    SystemClock m_clock;
    std::unique_ptr<EmulatorFixture> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;
};

void TestApiClient::init()
{
    m_emulator = std::make_unique<EmulatorFixture>();
    QVERIFY2(m_emulator->isRunning(), qPrintable(m_emulator->error()));
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestApiClient::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_emulator.reset();
}

ApiClient *TestApiClient::client(bool trustTestCa)
{
    m_client = std::make_unique<ApiClient>(m_network.get(), &m_clock);
    const QString problem = m_client->setServer(m_emulator->baseUrl(),
        trustTestCa ? EmulatorFixture::caCertificates() : QList<QSslCertificate> {});
    if (!problem.isEmpty())
        qWarning("%s", qPrintable(problem));
    return m_client.get();
}

TokenGrant TestApiClient::signIn()
{
    std::unique_ptr<TokenReply> reply(client()->grantPassword(DemoEmail, DemoPassword));
    if (!waitForReply(reply.get()) || reply->error())
        return {};
    return reply->grant();
}

static void verifyNoSecretIn(const ApiError &error)
{
    for (const QString &text : {error.userMessage(), error.detail(), error.serverMessage()}) {
        QVERIFY(!text.contains(DemoPassword));
        QVERIFY(!text.contains(QStringLiteral("eyJ")));
    }
}

void TestApiClient::grantSucceeds_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("scope");
    QTest::newRow("email and password") << DemoEmail << DemoPassword << QStringLiteral("admin");
    // The demo key is a standard one: its sessions have its role.
    QTest::newRow("API key and secret")
        << DemoApiKey << DemoApiSecret << QStringLiteral("standard");
}

void TestApiClient::grantSucceeds()
{
    QFETCH(QString, user);
    QFETCH(QString, secret);
    QFETCH(QString, scope);
    std::unique_ptr<TokenReply> reply(client()->grantPassword(user, secret));
    QVERIFY(waitForReply(reply.get()));
    QVERIFY2(!reply->error(), qPrintable(reply->error().userMessage()));
    const TokenGrant &grant = reply->grant();
    QCOMPARE(grant.tokenType, QStringLiteral("bearer"));
    QCOMPARE(grant.refreshToken.size(), 128);
    QCOMPARE(grant.scopes, QStringList {scope});
    QCOMPARE(grant.claims.subject, DemoEmail);
    QCOMPARE(grant.expiresAt, grant.claims.expiresAt);
    QVERIFY(grant.serverDate.isValid());
}

void TestApiClient::grantWrongPassword()
{
    std::unique_ptr<TokenReply> reply(client()->grantPassword(DemoEmail, QStringLiteral("wrong")));
    QVERIFY(waitForReply(reply.get()));
    const ApiError &error = reply->error();
    QCOMPARE(error.kind(), ApiError::Kind::Http);
    QCOMPARE(error.httpStatus(), 403);
    QCOMPARE(error.serverCode(), ApiError::CodeBadCredentials);
    QCOMPARE(error.serverMessage(), QStringLiteral("Username and password are incorrect"));
    QCOMPARE(error.userMessage(), QStringLiteral("Username and password are incorrect."));
    QVERIFY(!error.isRefreshTokenRejected());
    verifyNoSecretIn(error);
}

void TestApiClient::refreshSucceeds()
{
    const TokenGrant first = signIn();
    QVERIFY(!first.refreshToken.isEmpty());
    std::unique_ptr<TokenReply> reply(m_client->refresh(first.refreshToken));
    QVERIFY(waitForReply(reply.get()));
    QVERIFY2(!reply->error(), qPrintable(reply->error().userMessage()));
    QCOMPARE(reply->grant().refreshToken, first.refreshToken);
    QVERIFY(!reply->grant().accessToken.isEmpty());
}

void TestApiClient::refreshRejected()
{
    const TokenGrant first = signIn();
    signIn(); // a grant elsewhere expires the first refresh token
    std::unique_ptr<TokenReply> reply(m_client->refresh(first.refreshToken));
    QVERIFY(waitForReply(reply.get()));
    const ApiError &error = reply->error();
    QCOMPARE(error.httpStatus(), 403);
    QCOMPARE(error.serverCode(), ApiError::CodeRefreshTokenInvalid);
    QCOMPARE(error.serverMessage(), QStringLiteral("Refresh token is invalid"));
    QVERIFY(error.isRefreshTokenRejected());
    verifyNoSecretIn(error);
}

void TestApiClient::meReturnsProfile()
{
    const TokenGrant grant = signIn();
    std::unique_ptr<ProfileReply> reply(m_client->me(grant.accessToken));
    QVERIFY(waitForReply(reply.get()));
    QVERIFY2(!reply->error(), qPrintable(reply->error().userMessage()));
    const Profile &profile = reply->profile();
    QCOMPARE(profile.email, DemoEmail);
    QCOMPARE(profile.displayName(), QStringLiteral("Dana Demo"));
    QCOMPARE(profile.id, QStringLiteral("19ab52c7-da60-4dd2-af27-19f17d6afe37"));
    QVERIFY(profile.isOwner);
    QCOMPARE(profile.createdAt, QDateTime::fromMSecsSinceEpoch(1598610725000, Qt::UTC));
}

void TestApiClient::meRejectsBadToken()
{
    std::unique_ptr<ProfileReply> reply(client()->me(QStringLiteral("a.b.c")));
    QVERIFY(waitForReply(reply.get()));
    QVERIFY(reply->error().isAccessTokenRejected());
    QCOMPARE(reply->error().httpStatus(), 401);
    QVERIFY(!reply->error().userMessage().isEmpty());
}

void TestApiClient::revokeSucceedsThenRejects()
{
    const TokenGrant grant = signIn();
    std::unique_ptr<ApiReply> revoke(m_client->revoke(grant.accessToken, grant.refreshToken));
    QVERIFY(waitForReply(revoke.get()));
    QVERIFY2(!revoke->error(), qPrintable(revoke->error().userMessage()));
    std::unique_ptr<ApiReply> again(m_client->revoke(grant.accessToken, grant.refreshToken));
    QVERIFY(waitForReply(again.get()));
    QCOMPARE(again->error().httpStatus(), 401);
    QCOMPARE(again->error().serverCode(), ApiError::CodeRefreshTokenInvalid);
    std::unique_ptr<TokenReply> refresh(m_client->refresh(grant.refreshToken));
    QVERIFY(waitForReply(refresh.get()));
    QVERIFY(refresh->error().isRefreshTokenRejected());
}

void TestApiClient::requestsCarryDocumentedHeaders()
{
    const TokenGrant grant = signIn();
    std::unique_ptr<ProfileReply> me(m_client->me(grant.accessToken));
    QVERIFY(waitForReply(me.get()));
    std::unique_ptr<TokenReply> refresh(m_client->refresh(grant.refreshToken));
    QVERIFY(waitForReply(refresh.get()));
    std::unique_ptr<ApiReply> revoke(
        m_client->revoke(refresh->grant().accessToken, grant.refreshToken));
    QVERIFY(waitForReply(revoke.get()));
    const auto &log = m_emulator->server().requests();
    QCOMPARE(log.size(), 4);
    QCOMPARE(log[0].method + ' ' + log[0].path.toLatin1() + '?' + log[0].query.toLatin1(),
        QByteArray("POST /oauth/token?grant_type=password"));
    QCOMPARE(log[0].authScheme, QStringLiteral("Basic"));
    QCOMPARE(log[1].method + ' ' + log[1].path.toLatin1(), QByteArray("GET /oauth/me"));
    QCOMPARE(log[1].authScheme, QStringLiteral("Bearer"));
    QCOMPARE(log[2].query, QStringLiteral("grant_type=refresh_token"));
    QCOMPARE(log[2].authScheme, QString());
    QCOMPARE(log[2].contentType, QStringLiteral("application/json"));
    QCOMPARE(log[3].path, QStringLiteral("/oauth/revoke"));
    QCOMPARE(log[3].authScheme, QStringLiteral("Bearer"));
    QCOMPARE(log[3].contentType, QStringLiteral("application/json"));
    for (const auto &r : log)
        QCOMPARE(r.status, 200);
}

void TestApiClient::lifetimeInServerClock()
{
    // The server's clock is two hours behind ours: the lifetime is still the server's hour.
    m_emulator->server().accounts().setClockOffsetMs(-2 * 3600 * 1000);
    const TokenGrant grant = signIn();
    QVERIFY(grant.serverDate.isValid());
    QVERIFY(qAbs(grant.lifetimeMs() - 3600 * 1000) < 2000);
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(grant.localExpiry()) - 3600) <= 2);
}

void TestApiClient::plainHttpRefused()
{
    ApiClient api(m_network.get(), &m_clock);
    QUrl plain = m_emulator->baseUrl();
    plain.setScheme(QStringLiteral("http"));
    const QString problem = api.setServer(plain);
    QVERIFY2(problem.contains(QStringLiteral("HTTPS")), qPrintable(problem));
    QVERIFY(!api.isConfigured());
    std::unique_ptr<TokenReply> reply(api.grantPassword(DemoEmail, DemoPassword));
    QVERIFY(waitForReply(reply.get()));
    QCOMPARE(reply->error().kind(), ApiError::Kind::Configuration);
    QVERIFY(reply->error().userMessage().contains(QStringLiteral("HTTPS")));
    QCOMPARE(m_emulator->server().requests().size(), 0); // nothing was sent anywhere
}

void TestApiClient::untrustedCertificateIsTlsError()
{
    std::unique_ptr<TokenReply> reply(client(false)->grantPassword(DemoEmail, DemoPassword));
    QVERIFY(waitForReply(reply.get()));
    const ApiError &error = reply->error();
    QCOMPARE(error.kind(), ApiError::Kind::Tls);
    // The reason is named (the test CA is unknown to the system).
    QVERIFY2(error.userMessage().contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
        qPrintable(error.userMessage()));
    QCOMPARE(m_emulator->server().requests().size(), 0); // no credentials went out
    verifyNoSecretIn(error);
}

void TestApiClient::crossOriginRedirectNotFollowed()
{
    EmulatorFixture other; // another origin (another port), with its own request log
    QVERIFY(other.isRunning());
    Fault redirect(Fault::Kind::Redirect);
    redirect.redirectTarget = other.baseUrl();
    m_emulator->server().addFault(redirect);
    std::unique_ptr<TokenReply> reply(client()->grantPassword(DemoEmail, DemoPassword));
    QVERIFY(waitForReply(reply.get()));
    QCOMPARE(reply->error().kind(), ApiError::Kind::Protocol);
    QVERIFY(reply->error().userMessage().contains(QStringLiteral("another site")));
    QCOMPARE(m_emulator->server().requests().size(), 1);
    QCOMPARE(other.server().requests().size(), 0); // the other origin never saw a request
}

void TestApiClient::sameOriginRedirectFollowed()
{
    const TokenGrant grant = signIn();
    m_emulator->server().clearRequests();
    Fault redirect(Fault::Kind::Redirect);
    redirect.redirectTarget = m_emulator->baseUrl();
    redirect.count = 1;
    m_emulator->server().addFault(redirect);
    std::unique_ptr<ProfileReply> reply(m_client->me(grant.accessToken));
    QVERIFY(waitForReply(reply.get()));
    QVERIFY2(!reply->error(), qPrintable(reply->error().userMessage()));
    QCOMPARE(reply->profile().email, DemoEmail);
    const auto log = m_emulator->server().requests();
    // A GET may be sent again by Qt when it retires the redirected connection: harmless.
    QVERIFY(log.size() >= 2);
    QCOMPARE(log.first().status, 307);
    QCOMPARE(log.last().status, 200);
    for (const auto &r : log) {
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.authScheme, QStringLiteral("Bearer"));
    }
}

void TestApiClient::redirectedTokenRequestNeverRepeated()
{
    // Even to the same origin: a grant sent twice would expire the first grant's refresh token.
    Fault redirect(Fault::Kind::Redirect);
    redirect.redirectTarget = m_emulator->baseUrl();
    m_emulator->server().addFault(redirect);
    std::unique_ptr<TokenReply> reply(client()->grantPassword(DemoEmail, DemoPassword));
    QVERIFY(waitForReply(reply.get()));
    QCOMPARE(reply->error().kind(), ApiError::Kind::Protocol);
    QVERIFY2(reply->error().userMessage().contains(QStringLiteral("not sent again")),
        qPrintable(reply->error().userMessage()));
    verifyNoSecretIn(reply->error());
    QCOMPARE(m_emulator->server().requests().size(), 1);
    QCOMPARE(m_emulator->server().requests().first().status, 307);
}

void TestApiClient::timeout()
{
    Fault slow(Fault::Kind::Slow);
    slow.delayMs = 5000;
    m_emulator->server().addFault(slow);
    ApiClient *api = client();
    api->setRequestPolicy({std::chrono::milliseconds(400), 1024 * 1024});
    std::unique_ptr<TokenReply> reply(api->grantPassword(DemoEmail, DemoPassword));
    QVERIFY(waitForReply(reply.get()));
    QCOMPARE(reply->error().kind(), ApiError::Kind::Timeout);
    QVERIFY(reply->error().userMessage().contains(QStringLiteral("did not answer")));
}

void TestApiClient::hugeBodyAbortedWhileStreaming()
{
    Fault huge(Fault::Kind::HugeBody);
    huge.hugeBytes = 256LL * 1024 * 1024;
    m_emulator->server().addFault(huge);
    std::unique_ptr<ProfileReply> reply(client()->me(QStringLiteral("a.b.c")));
    QVERIFY(waitForReply(reply.get()));
    QCOMPARE(reply->error().kind(), ApiError::Kind::Protocol);
    QVERIFY(reply->error().userMessage().contains(QStringLiteral("larger than")));
    // The download was stopped, not read to its end: the server wrote only a sliver of it.
    QTRY_VERIFY_WITH_TIMEOUT(m_emulator->server().hugeBytesWritten() < 16LL * 1024 * 1024, 5000);
    qInfo("the server wrote %lld of %lld bytes before the client stopped reading",
        m_emulator->server().hugeBytesWritten(), huge.hugeBytes);
}

void TestApiClient::faultsMapToErrorKinds_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("serverCode"); // the {code} of the answer's body; 0 when it has none
    QTest::addColumn<QString>("mentions");
    const auto row = [](const char *name, const char *spec, ApiError::Kind kind, int status,
                         int serverCode, const char *mentions) {
        QTest::newRow(name) << QString::fromUtf8(spec) << kind << status << serverCode
                            << QString::fromUtf8(mentions);
    };
    using K = ApiError::Kind;
    row("dropped connection", "down", K::Network, 0, 0, "cut off");
    row("truncated body", "truncated", K::Network, 0, 0, "cut off");
    row("malformed JSON", "malformed", K::Protocol, 0, 0, "not a JSON");
    row("HTML page", "html", K::Protocol, 0, 0, "web page");
    // The emulator's default error body is {"code": status * 100, "message": "Emulated ..."}.
    row("500 with JSON", "status=500", K::Http, 500, 50000, "Emulated server error");
    row("502 HTML from a proxy", "status=502,body=<html><body>Bad gateway</body></html>", K::Http,
        502, 0, "has a problem right now");
    row("503 with Retry-After", "status=503,retry-after=9,body=Service Unavailable", K::Http, 503,
        0, "HTTP 503");
    row("404 from a proxy", "status=404,body=not here", K::Http, 404, 0, "does not offer");
    // Statuses Qt gives error codes of their own (not in the ranges most 4xx/5xx fall into):
    // each is still the server's answer, never "could not reach the server".
    row("400 with JSON", "status=400", K::Http, 400, 40000, "Emulated server error");
    row("405 with JSON", "status=405", K::Http, 405, 40500, "Emulated server error");
    // 407 is how a proxy asks for credentials, and Qt reports it as the proxy's refusal even
    // from a server: left so, as the SMTPD API never sends it and through a proxy it is right.
    row("407 reads as a proxy's", "status=407", K::Network, 0, 0, "proxy");
    row("401 with JSON", "status=401", K::Http, 401, 40100, "Emulated server error");
    row("409 with the server's message",
        R"(status=409,body={"code":40901,"message":"The account was changed elsewhere"})", K::Http,
        409, 40901, "The account was changed elsewhere.");
    row("409 with JSON", "status=409", K::Http, 409, 40900, "Emulated server error");
    row("409 without a body", "status=409,body= ", K::Http, 409, 0,
        "answered with an error (HTTP 409");
    row("410 with the server's message",
        R"(status=410,body={"code":41000,"message":"This API version is retired"})", K::Http, 410,
        41000, "This API version is retired.");
    row("410 as plain text", "status=410,body=Gone", K::Http, 410, 0, "(HTTP 410");
    row("418 with JSON", "status=418", K::Http, 418, 41800, "Emulated server error");
    row("422 with JSON", "status=422", K::Http, 422, 42200, "Emulated server error");
    row("429 with Retry-After", "status=429,retry-after=30", K::Http, 429, 42900,
        "Emulated server error");
    row("429 as plain text with Retry-After", "status=429,retry-after=7,body=slow down", K::Http,
        429, 0, "too many requests");
    row("451 with the server's message",
        R"(status=451,body={"code":45100,"message":"Not available in your country"})", K::Http, 451,
        45100, "Not available in your country.");
    row("501 with JSON", "status=501", K::Http, 501, 50100, "Emulated server error");
    row("504 as plain text", "status=504,body=Gateway Timeout", K::Http, 504, 0,
        "has a problem right now");
}

void TestApiClient::faultsMapToErrorKinds()
{
    QFETCH(QString, spec);
    QFETCH(ApiError::Kind, kind);
    QFETCH(int, status);
    QFETCH(int, serverCode);
    QFETCH(QString, mentions);
    Fault fault;
    QCOMPARE(parseFaultSpec(spec, &fault), QString());
    m_emulator->server().addFault(fault);
    std::unique_ptr<TokenReply> reply(client()->grantPassword(DemoEmail, DemoPassword));
    QVERIFY(waitForReply(reply.get()));
    const ApiError &error = reply->error();
    QCOMPARE(ApiError::kindName(error.kind()), ApiError::kindName(kind));
    QCOMPARE(error.httpStatus(), status);
    QCOMPARE(error.serverCode(), serverCode);
    QVERIFY2(error.userMessage().contains(mentions), qPrintable(error.userMessage()));
    if (kind == ApiError::Kind::Http) {
        // The server answered: the message must not send the user to check their connection.
        for (const char *wrong : {"reach", "connect", "cut off", "proxy"})
            QVERIFY2(!error.userMessage().contains(QLatin1String(wrong), Qt::CaseInsensitive),
                qPrintable(error.userMessage()));
    }
    int retryAfter = -1;
    for (const auto &header : fault.headers) {
        if (header.first == "Retry-After")
            retryAfter = header.second.toInt();
    }
    QCOMPARE(error.retryAfterSeconds(), retryAfter);
    verifyNoSecretIn(error);
}

void TestApiClient::connectionRefused()
{
    m_emulator->server().stopListening();
    std::unique_ptr<TokenReply> reply(client()->grantPassword(DemoEmail, DemoPassword));
    QVERIFY(waitForReply(reply.get()));
    QCOMPARE(reply->error().kind(), ApiError::Kind::Network);
    QVERIFY(reply->error().userMessage().contains(QStringLiteral("refused")));
}

void TestApiClient::abortGivesCancelled()
{
    Fault slow(Fault::Kind::Slow);
    slow.delayMs = 3000;
    m_emulator->server().addFault(slow);
    std::unique_ptr<TokenReply> reply(client()->grantPassword(DemoEmail, DemoPassword));
    QSignalSpy finished(reply.get(), &ApiReply::finished);
    reply->abort();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QCOMPARE(reply->error().kind(), ApiError::Kind::Cancelled);
}

// Runs the event loop until everything queued so far (a deferred finished() included) has
// been delivered: a queued call posted now runs after them.
static void drainQueuedEvents()
{
    bool drained = false;
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [&drained] { drained = true; }, Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(drained, 5000);
}

void TestApiClient::abortReportsThroughEventLoop()
{
    Fault slow(Fault::Kind::Slow);
    slow.delayMs = 3000;
    m_emulator->server().addFault(slow);
    std::unique_ptr<TokenReply> reply(client()->grantPassword(DemoEmail, DemoPassword));
    QSignalSpy finished(reply.get(), &ApiReply::finished);
    reply->abort();
    // Never from inside the call that caused it: the caller may still be mid-way in its slot.
    QCOMPARE(finished.count(), 0);
    QVERIFY(!reply->isFinished());
    reply->abort(); // a second abort changes nothing
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->error().kind(), ApiError::Kind::Cancelled);
    reply->abort();
    drainQueuedEvents();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(reply->error().kind(), ApiError::Kind::Cancelled);
}

void TestApiClient::abortAfterFinishIsNoOp()
{
    std::unique_ptr<TokenReply> reply(client()->grantPassword(DemoEmail, DemoPassword));
    QSignalSpy finished(reply.get(), &ApiReply::finished);
    QVERIFY(finished.wait(15000));
    QVERIFY2(!reply->error(), qPrintable(reply->error().userMessage()));
    reply->abort();
    drainQueuedEvents();
    QCOMPARE(finished.count(), 1);
    QVERIFY(!reply->error());
    QVERIFY(!reply->grant().accessToken.isEmpty());
}

void TestApiClient::deletedAfterAbortEmitsNothing()
{
    Fault slow(Fault::Kind::Slow);
    slow.delayMs = 3000;
    m_emulator->server().addFault(slow);
    int emitted = 0;
    auto *reply = client()->grantPassword(DemoEmail, DemoPassword);
    connect(reply, &ApiReply::finished, this, [&emitted] { ++emitted; });
    reply->abort();
    delete reply;
    drainQueuedEvents();
    QCOMPARE(emitted, 0);
}

void TestApiClient::finishedNeverSynchronous()
{
    ApiClient unconfigured(m_network.get(), &m_clock);
    std::unique_ptr<TokenReply> reply(unconfigured.grantPassword(DemoEmail, DemoPassword));
    QSignalSpy finished(reply.get(), &ApiReply::finished);
    QCOMPARE(finished.count(), 0); // even an immediate failure arrives through the event loop
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(reply->error().kind(), ApiError::Kind::Configuration);
    std::unique_ptr<TokenReply> empty(client()->grantPassword(DemoEmail, QString()));
    QSignalSpy emptyFinished(empty.get(), &ApiReply::finished);
    QCOMPARE(emptyFinished.count(), 0);
    QVERIFY(emptyFinished.wait(5000));
    QCOMPARE(m_emulator->server().requests().size(), 0);
}

void TestApiClient::accountCallsUseDocumentedRequests()
{
    const QString token = signIn().accessToken;
    m_emulator->server().clearRequests();
    std::unique_ptr<NewApiKeyReply> created(
        m_client->createApiKey(token, QStringLiteral("CI"), ApiRole::Iac));
    QVERIFY(waitForReply(created.get()));
    QVERIFY2(!created->error(), qPrintable(created->error().userMessage()));
    QCOMPARE(created->httpStatus(), 201);
    NewApiKey key = created->takeNewKey();
    QVERIFY(key.isValid());
    QVERIFY(!created->takeNewKey().isValid()); // handed out once
    std::unique_ptr<ApiKeyListReply> list(m_client->listApiKeys(token));
    std::unique_ptr<ApiKeyReply> one(m_client->apiKey(token, key.id));
    std::unique_ptr<ApiKeySessionsReply> sessions(m_client->apiKeySessions(token, key.id));
    std::unique_ptr<PlanReply> plan(m_client->currentPlan(token));
    std::unique_ptr<UsageReply> usage(m_client->usage(token));
    std::unique_ptr<PlanListReply> plans(m_client->plans(token));
    std::unique_ptr<PlanReply> free(m_client->catalogPlan(token, QStringLiteral("free")));
    for (ApiReply *reply : std::initializer_list<ApiReply *> {list.get(), one.get(), sessions.get(),
             plan.get(), usage.get(), plans.get(), free.get()}) {
        QVERIFY(waitForReply(reply));
        QVERIFY2(!reply->error(), qPrintable(reply->error().userMessage()));
    }
    std::unique_ptr<ApiKeyRevokeReply> revoked(m_client->revokeApiKey(token, key.id));
    QVERIFY(waitForReply(revoked.get()));
    QVERIFY2(!revoked->error(), qPrintable(revoked->error().userMessage()));
    QCOMPARE(list->keys().size(), 2);
    QCOMPARE(one->key().name, QStringLiteral("CI"));
    QCOMPARE(one->key().role, QStringLiteral("iac"));
    QVERIFY(one->key().isActive);
    QVERIFY(sessions->sessions().isEmpty());
    QCOMPARE(plan->plan().id, QStringLiteral("starter"));
    QCOMPARE(usage->usage().total, 4087);
    QCOMPARE(plans->plans().size(), 4);
    QCOMPARE(free->plan().pricePerMonth.decimal, QStringLiteral("0.00"));

    QStringList seen;
    for (const RecordedRequest &r : m_emulator->server().requests()) {
        QCOMPARE(r.authScheme, QStringLiteral("Bearer"));
        seen << QString::fromLatin1(r.method) + QLatin1Char(' ')
                + QString(r.path).replace(key.id, QStringLiteral(":id"))
                + (r.contentType.isEmpty() ? QString() : QLatin1Char(' ') + r.contentType);
    }
    seen.sort();
    QCOMPARE(seen,
        (QStringList {"GET /api/v1/account/api_key", "GET /api/v1/account/api_key/:id",
            "GET /api/v1/account/api_key/:id/sessions", "GET /api/v1/account/billing/plan/current",
            "GET /api/v1/account/billing/usage", "GET /api/v1/billing/plan",
            "GET /api/v1/billing/plan/free", "POST /api/v1/account/api_key application/json",
            "PUT /api/v1/account/api_key/:id/revoke"}));
}

void TestApiClient::forbiddenOnlyForAccountCalls()
{
    const QString token = signIn().accessToken;
    m_emulator->server().addFault(
        faultOn(QStringLiteral("status=403"), QStringLiteral("/api/v1/account/billing")));
    std::unique_ptr<UsageReply> usage(m_client->usage(token));
    QVERIFY(waitForReply(usage.get()));
    QCOMPARE(ApiError::kindName(usage->error().kind()), QStringLiteral("Forbidden"));
    QVERIFY(usage->error().isForbidden());
    QCOMPARE(usage->error().httpStatus(), 403);
    QCOMPARE(usage->error().serverCode(), 40300);
    QCOMPARE(usage->error().userMessage(), QStringLiteral("Emulated server error."));
    // Without the server's message, still one a person can read.
    m_emulator->server().addFault(faultOn(
        QStringLiteral("status=403,body=<html>no</html>"), QStringLiteral("/api/v1/billing")));
    std::unique_ptr<PlanListReply> plans(m_client->plans(token));
    QVERIFY(waitForReply(plans.get()));
    QVERIFY(plans->error().isForbidden());
    QVERIFY2(plans->error().userMessage().contains(QStringLiteral("did not allow")),
        qPrintable(plans->error().userMessage()));
    // The token endpoint's 403 is about credentials: it stays Http.
    std::unique_ptr<TokenReply> grant(m_client->grantPassword(DemoEmail, QStringLiteral("wrong")));
    QVERIFY(waitForReply(grant.get()));
    QCOMPARE(grant->error().kind(), ApiError::Kind::Http);
    QVERIFY(!grant->error().isForbidden());
}

void TestApiClient::accountCallErrorsCarryServerMessage()
{
    const QString token = signIn().accessToken;
    std::unique_ptr<NewApiKeyReply> created(
        m_client->createApiKey(token, QString(), ApiRole::ReadOnly));
    QVERIFY(waitForReply(created.get()));
    QCOMPARE(created->error().kind(), ApiError::Kind::Http);
    QCOMPARE(created->error().httpStatus(), 400);
    QCOMPARE(created->error().serverCode(), 40000);
    QCOMPARE(created->error().serverMessage(), QStringLiteral("name must not be empty"));
    QVERIFY(!created->takeNewKey().isValid());

    std::unique_ptr<ApiKeyReply> missing(m_client->apiKey(token, QStringLiteral("nope")));
    QVERIFY(waitForReply(missing.get()));
    QCOMPARE(missing->error().httpStatus(), 404);
    QCOMPARE(missing->error().serverMessage(), QStringLiteral("API key not found"));

    // A 401 is a rejected access token, as for any bearer call.
    std::unique_ptr<PlanReply> plan(m_client->currentPlan(QStringLiteral("x.y.z")));
    QVERIFY(waitForReply(plan.get()));
    QVERIFY(plan->error().isAccessTokenRejected());
    QCOMPARE(plan->error().serverCode(), 40101);

    // Ids that are not plain identifiers are never sent.
    m_emulator->server().clearRequests();
    for (const QString &id : {QString(), QStringLiteral("a/b"), QStringLiteral(".."),
             QStringLiteral("a b"), QStringLiteral("a?b")}) {
        std::unique_ptr<ApiKeyRevokeReply> revoke(m_client->revokeApiKey(token, id));
        QVERIFY(!revoke->isFinished());
        QVERIFY(waitForReply(revoke.get()));
        QCOMPARE(revoke->error().kind(), ApiError::Kind::Configuration);
    }
    QCOMPARE(m_emulator->server().requests().size(), 0);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
