// Decoding of every example answer in the SMTPD documentation, verbatim, and of the ways an
// answer can be malformed.
#include "api/HttpDate.h"
#include "api/JsonObjectReader.h"
#include "api/Jwt.h"
#include "api/Profile.h"
#include "api/TokenGrant.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <ctime>

using namespace Smtpd;

namespace {

// The documentation's grant (login) answer, verbatim.
const QByteArray DocsGrant = R"({
"token_type": "bearer",
"access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhY2NvdW50X2lkIjoiNDFkZmM2NTYtNWJmNi00YzgxLWI0ODUtZTcxMTFhNmEzMDQxIiwiZXhwIjoxNTk5MTI3OTU3LCJpZCI6IjQ4ZmFmNzEwLTc4MTgtNDk0ZC1hMjQ3LTIzZGI3MjFkNmZlYSIsImlzX2FjY291bnRfdmVyaWZpZWQiOmZhbHNlLCJpc3MiOiJTTVRQRCBJbmMiLCJuYW1lIjoiIiwic2NvcGUiOlsxXSwic3ViIjoiamFjay50cnVvbmdAamFtZXNoYXJkaWUuY29tIiwic3ViamVjdCI6ImphY2sudHJ1b25nQGphbWVzaGFyZGllLmNvbSJ9.lE0XewYrOZDCevHINLGodAQ8RJH5nSr9GnY60ZwqWfk",
"expires_at": 1712531293539,
"Scope": [
"admin"
],
"refresh_token": "6f4T4ws_JPkwCu9xOkul7ZkTxPyL_eB-6TFZBgITCyuV86r-yU7aF5Y4_8Y4Y7-4fzqstRDdaVX1R49ND-wkjXUMe4B3EXngkkP7sg_dP8nE7yuem3HF0sUmfVyiInhU"
})";

// The documentation's refresh answer, verbatim.
const QByteArray DocsRefresh = R"({
"token_type": "bearer",
"access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhY2NvdW50X2lkIjoiNDFkZmM2NTYtNWJmNi00YzgxLWI0ODUtZTcxMTFhNmEzMDQxIiwiZXhwIjoxNTk5MTI4MjAzLCJpZCI6IjQ4ZmFmNzEwLTc4MTgtNDk0ZC1hMjQ3LTIzZGI3MjFkNmZlYSIsImlzX2FjY291bnRfdmVyaWZpZWQiOmZhbHNlLCJpc3MiOiJTTVRQRCBJbmMiLCJuYW1lIjoiIiwic2NvcGUiOlsxXSwic3ViIjoiamFjay50cnVvbmdAamFtZXNoYXJkaWUuY29tIiwic3ViamVjdCI6ImphY2sudHJ1b25nQGphbWVzaGFyZGllLmNvbSJ9.zUOD-Zf3mfcMF56ex5J__3KmWFNSKQrVyY5ZE28Uu3M",
"expires_at": 1712531293539,
"Scope": [
"admin"
],
"refresh_token": "6f4T4ws_JPkwCu9xOkul7ZkTxPyL_eB-6TFZBgITCyuV86r-yU7aF5Y4_8Y4Y7-4fzqstRDdaVX1R49ND-wkjXUMe4B3EXngkkP7sg_dP8nE7yuem3HF0sUmfVyiInhU"
})";

// The documentation's /oauth/me answer, verbatim.
const QByteArray DocsMe = R"({
"id": "19ab52c7-da60-4dd2-af27-19f17d6afe37",
"account_id": "811affc1-66c7-4982-b39e-29f9536b4720",
"email_address": "jack.truong@jameshardie.com",
"first_name": "Jack",
"surname": "Truong",
"gravatar_url": "",
"is_owner": true,
"is_verified": false,
"created_at_utc": 1598610725000,
"modified_at_utc": 1598610725000
})";

// An hour before the documented expires_at, as the server's Date header would say.
const QByteArray DocsServerDate = "Sun, 07 Apr 2024 22:08:13 GMT";

QByteArray withField(const QByteArray &json, const QString &key, const QJsonValue &value)
{
    QJsonObject object = QJsonDocument::fromJson(json).object();
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
    return QJsonDocument(object).toJson();
}

QString jwtWithPayload(const QByteArray &payload)
{
    const auto part = [](const QByteArray &bytes) {
        return QString::fromLatin1(
            bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    return part(R"({"alg":"HS256","typ":"JWT"})") + QLatin1Char('.') + part(payload)
        + QStringLiteral(".c2lnbmF0dXJl");
}

} // namespace

class TestDecoding : public QObject
{
    Q_OBJECT

private slots:
    void tokenGrant_data();
    void tokenGrant();
    void docsGrantValues();
    void scopeSpellings();
    void lifetimeUsesServerClock();
    void profile_data();
    void profile();
    void docsProfileValues();
    void httpDate_data();
    void httpDate();
    void httpDateInLocalDaylightSavingGap_data();
    void httpDateInLocalDaylightSavingGap();
    void jwtClaimsOfDocsToken();
    void jwtExpiry_data();
    void jwtExpiry();
    void jwtClaimsNotCarriedOver();
    void serverErrorBody_data();
    void serverErrorBody();
};

void TestDecoding::tokenGrant_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("mentions"); // what the error message must name

    QTest::newRow("docs grant example") << DocsGrant << true << QString();
    QTest::newRow("docs refresh example") << DocsRefresh << true << QString();
    for (const char *field : {"token_type", "access_token", "expires_at", "refresh_token"})
        QTest::addRow("missing %s", field) << withField(DocsGrant, QLatin1String(field),
            QJsonValue::Undefined) << false << QString::fromLatin1(field);
    QTest::newRow("expires_at as text")
        << withField(DocsGrant, QStringLiteral("expires_at"), QStringLiteral("1712531293539"))
        << false << QStringLiteral("expires_at");
    QTest::newRow("expires_at fractional") << withField(DocsGrant, QStringLiteral("expires_at"),
        1712531293539.5) << false << QStringLiteral("expires_at");
    QTest::newRow("expires_at negative") << withField(DocsGrant, QStringLiteral("expires_at"), -5)
                                         << false << QStringLiteral("expires_at");
    // Scope only informs: absent, or spelt the OAuth way, the grant is still usable.
    QTest::newRow("missing Scope")
        << withField(DocsGrant, QStringLiteral("Scope"), QJsonValue::Undefined) << true
        << QString();
    QTest::newRow("lower-case scope")
        << withField(withField(DocsGrant, QStringLiteral("Scope"), QJsonValue::Undefined),
               QStringLiteral("scope"), QJsonArray {QStringLiteral("admin")})
        << true << QString();
    QTest::newRow("Scope not an array")
        << withField(DocsGrant, QStringLiteral("Scope"), QStringLiteral("admin")) << false
        << QStringLiteral("Scope");
    QTest::newRow("Scope holds a number") << withField(DocsGrant, QStringLiteral("Scope"),
        QJsonArray {1}) << false << QStringLiteral("Scope");
    QTest::newRow("access_token a number") << withField(DocsGrant, QStringLiteral("access_token"),
        12) << false << QStringLiteral("access_token");
    QTest::newRow("refresh_token null") << withField(DocsGrant, QStringLiteral("refresh_token"),
        QJsonValue::Null) << false << QStringLiteral("refresh_token");
    QTest::newRow("refresh_token empty") << withField(DocsGrant, QStringLiteral("refresh_token"),
        QString()) << false << QStringLiteral("refresh token");
    QTest::newRow("token_type not bearer") << withField(DocsGrant, QStringLiteral("token_type"),
        QStringLiteral("mac")) << false << QStringLiteral("bearer");
    QTest::newRow("not JSON") << QByteArray("token=abc") << false << QStringLiteral("not a JSON");
    QTest::newRow("empty") << QByteArray() << false << QStringLiteral("not a JSON");
    QTest::newRow("JSON array") << QByteArray("[1,2]") << false << QStringLiteral("not a JSON");
    QTest::newRow("HTML") << QByteArray("<!DOCTYPE html><html><body>Log in to Wi-Fi</body></html>")
                          << false << QStringLiteral("not a JSON");
    QTest::newRow("expires_at in the past") << withField(DocsGrant, QStringLiteral("expires_at"),
        1712527693000.0) << false << QStringLiteral("already expired");
    QTest::newRow("JWT with a broken payload") << withField(DocsGrant,
        QStringLiteral("access_token"), QStringLiteral("eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln"))
                                               << false << QStringLiteral("payload");
    QTest::newRow("JWT payload not base64") << withField(
        DocsGrant, QStringLiteral("access_token"), QStringLiteral("eyJhbGciOiJIUzI1NiJ9.%%%.c2ln"))
                                            << false << QStringLiteral("payload");
    QTest::newRow("access token not a JWT")
        << withField(DocsGrant, QStringLiteral("access_token"), QStringLiteral("opaque-token"))
        << false << QStringLiteral("three parts");
}

void TestDecoding::scopeSpellings()
{
    const QDateTime received = QDateTime::currentDateTimeUtc();
    const QByteArray withoutScope
        = withField(DocsGrant, QStringLiteral("Scope"), QJsonValue::Undefined);
    ApiError error;
    TokenGrant grant = TokenGrant::fromJson(
        withField(withoutScope, QStringLiteral("scope"), QJsonArray {QStringLiteral("read_only")}),
        parseHttpDate(DocsServerDate), received, &error);
    QVERIFY(!error);
    QCOMPARE(grant.scopes, QStringList {QStringLiteral("read_only")});
    grant = TokenGrant::fromJson(withoutScope, parseHttpDate(DocsServerDate), received, &error);
    QVERIFY(!error);
    QVERIFY(grant.scopes.isEmpty());
}

void TestDecoding::tokenGrant()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);
    QFETCH(QString, mentions);
    ApiError error;
    const QDateTime received = QDateTime::currentDateTimeUtc();
    const TokenGrant grant
        = TokenGrant::fromJson(body, parseHttpDate(DocsServerDate), received, &error);
    if (valid) {
        QVERIFY2(!error, qPrintable(error.userMessage()));
        QVERIFY(!grant.accessToken.isEmpty());
        QVERIFY(!grant.refreshToken.isEmpty());
        return;
    }
    QCOMPARE(error.kind(), ApiError::Kind::Protocol);
    QVERIFY2(error.userMessage().contains(mentions), qPrintable(error.userMessage()));
    QVERIFY(grant.accessToken.isEmpty());
    // A message about a bad answer never quotes the token it was about.
    QVERIFY(!error.userMessage().contains(QStringLiteral("6f4T4ws")));
    QVERIFY(!error.userMessage().contains(QStringLiteral("eyJ")));
}

void TestDecoding::docsGrantValues()
{
    ApiError error;
    const TokenGrant grant = TokenGrant::fromJson(
        DocsGrant, parseHttpDate(DocsServerDate), QDateTime::currentDateTimeUtc(), &error);
    QVERIFY(!error);
    QCOMPARE(grant.tokenType, QStringLiteral("bearer"));
    QCOMPARE(grant.expiresAt, QDateTime::fromMSecsSinceEpoch(1712531293539, Qt::UTC));
    QCOMPARE(grant.scopes, QStringList {QStringLiteral("admin")});
    QCOMPARE(grant.refreshToken.size(), 128);
    QCOMPARE(grant.claims.subject, QStringLiteral("jack.truong@jameshardie.com"));
    QCOMPARE(grant.claims.accountId, QStringLiteral("41dfc656-5bf6-4c81-b485-e7111a6a3041"));
}

void TestDecoding::lifetimeUsesServerClock()
{
    // Our clock is two hours ahead of the server's: the lifetime still comes out right.
    const QDateTime serverDate = parseHttpDate(DocsServerDate);
    const QDateTime localNow = serverDate.addSecs(7200);
    ApiError error;
    const TokenGrant grant = TokenGrant::fromJson(DocsGrant, serverDate, localNow, &error);
    QVERIFY(!error);
    QCOMPARE(grant.lifetimeMs(), 3600539);
    QCOMPARE(grant.localExpiry(), localNow.addMSecs(3600539));
}

void TestDecoding::profile_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("docs example") << DocsMe << true << QString();
    for (const char *field :
        {"id", "account_id", "email_address", "is_owner", "is_verified", "created_at_utc"})
        QTest::addRow("missing %s", field) << withField(DocsMe, QLatin1String(field),
            QJsonValue::Undefined) << false << QString::fromLatin1(field);
    for (const char *field : {"first_name", "surname", "gravatar_url", "modified_at_utc"})
        QTest::addRow("optional %s missing", field)
            << withField(DocsMe, QLatin1String(field), QJsonValue::Undefined) << true << QString();
    QTest::newRow("gravatar_url null")
        << withField(DocsMe, QStringLiteral("gravatar_url"), QJsonValue::Null) << true << QString();
    QTest::newRow("is_owner as text")
        << withField(DocsMe, QStringLiteral("is_owner"), QStringLiteral("true")) << false
        << QStringLiteral("is_owner");
    QTest::newRow("first_name a number") << withField(DocsMe, QStringLiteral("first_name"), 3)
                                         << false << QStringLiteral("first_name");
    QTest::newRow("created_at_utc as text")
        << withField(DocsMe, QStringLiteral("created_at_utc"), QStringLiteral("2020-08-28"))
        << false << QStringLiteral("created_at_utc");
    QTest::newRow("id empty") << withField(DocsMe, QStringLiteral("id"), QString()) << false
                              << QStringLiteral("id");
    QTest::newRow("not JSON") << QByteArray("oops") << false << QStringLiteral("not a JSON");
    QTest::newRow("HTML") << QByteArray("<html><body>proxy</body></html>") << false
                          << QStringLiteral("not a JSON");
}

void TestDecoding::profile()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);
    QFETCH(QString, mentions);
    ApiError error;
    const Profile profile = Profile::fromJson(body, &error);
    if (valid) {
        QVERIFY2(!error, qPrintable(error.userMessage()));
        QVERIFY(profile.isValid());
        return;
    }
    QCOMPARE(error.kind(), ApiError::Kind::Protocol);
    QVERIFY2(error.userMessage().contains(mentions), qPrintable(error.userMessage()));
    QVERIFY(!profile.isValid());
}

void TestDecoding::docsProfileValues()
{
    ApiError error;
    const Profile profile = Profile::fromJson(DocsMe, &error);
    QVERIFY(!error);
    QCOMPARE(profile.id, QStringLiteral("19ab52c7-da60-4dd2-af27-19f17d6afe37"));
    QCOMPARE(profile.email, QStringLiteral("jack.truong@jameshardie.com"));
    QCOMPARE(profile.displayName(), QStringLiteral("Jack Truong"));
    QVERIFY(profile.isOwner);
    QVERIFY(!profile.isVerified);
    QCOMPARE(profile.createdAt, QDateTime(QDate(2020, 8, 28), QTime(10, 32, 5), Qt::UTC));

    // The API-key list uses seconds where /oauth/me uses milliseconds: both read the same.
    const QByteArray inSeconds = withField(DocsMe, QStringLiteral("created_at_utc"), 1598610725);
    QCOMPARE(Profile::fromJson(inSeconds, &error).createdAt, profile.createdAt);
}

void TestDecoding::httpDate_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime when(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << when;
    QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << when;
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << when;
    QTest::newRow("IMF-fixdate, surrounding space")
        << QByteArray("  Sun, 06 Nov 1994 08:49:37 GMT \r\n") << when;
    // Qt's "yy" reads 23 as 1923, a Monday: checked against "Sunday", every RFC 850 date
    // after 1999 was refused.
    QTest::newRow("RFC 850, year 2023") << QByteArray("Sunday, 26-Mar-23 02:30:00 GMT")
                                        << QDateTime(QDate(2023, 3, 26), QTime(2, 30), Qt::UTC);
    QTest::newRow("asctime, two-digit day") << QByteArray("Sun Mar 26 02:30:00 2023")
                                            << QDateTime(QDate(2023, 3, 26), QTime(2, 30), Qt::UTC);
    QTest::newRow("weekday not the date's") << QByteArray("Mon, 06 Nov 1994 08:49:37 GMT") << when;
    QTest::newRow("garbage") << QByteArray("yesterday") << QDateTime();
    QTest::newRow("not a weekday") << QByteArray("Xyz, 06 Nov 1994 08:49:37 GMT") << QDateTime();
    QTest::newRow("signed day") << QByteArray("Sun, +6 Nov 1994 08:49:37 GMT") << QDateTime();
    QTest::newRow("lower-case month") << QByteArray("Sun, 06 nov 1994 08:49:37 GMT") << QDateTime();
    QTest::newRow("RFC 850, four-digit year")
        << QByteArray("Sunday, 06-Nov-1994 08:49:37 GMT") << QDateTime();
    QTest::newRow("asctime with a zone")
        << QByteArray("Sun Nov  6 08:49:37 1994 GMT") << QDateTime();
    QTest::newRow("empty") << QByteArray() << QDateTime();
    QTest::newRow("no zone") << QByteArray("Sun, 06 Nov 1994 08:49:37") << QDateTime();
    QTest::newRow("another zone") << QByteArray("Sun, 06 Nov 1994 08:49:37 CET") << QDateTime();
    QTest::newRow("31 February") << QByteArray("Sat, 31 Feb 2024 10:00:00 GMT") << QDateTime();
    QTest::newRow("hour 25") << QByteArray("Sun, 06 Nov 1994 25:49:37 GMT") << QDateTime();
    QTest::newRow("unknown month") << QByteArray("Sun, 06 Foo 1994 08:49:37 GMT") << QDateTime();
    QTest::newRow("numbers only") << QByteArray("1994-11-06T08:49:37Z") << QDateTime();
    QTest::newRow("truncated") << QByteArray("Sun, 06 Nov 1994 08:4") << QDateTime();
    QTest::newRow("not Latin-1 text") << QByteArray("\xff\xfe\x00\x01", 4) << QDateTime();
}

void TestDecoding::httpDate()
{
    QFETCH(QByteArray, header);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = parseHttpDate(header);
    QCOMPARE(parsed, expected);
    if (expected.isValid()) {
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
        QCOMPARE(parseHttpDate(formatHttpDate(expected)), expected);
    }
}

// A Date header names a UTC time; it must be read as one whatever the local zone. Read as a
// local time first, a time inside the local spring-forward gap does not exist and the server's
// clock would be lost (or shifted by the gap) for every answer sent in that hour.
void TestDecoding::httpDateInLocalDaylightSavingGap_data()
{
    QTest::addColumn<QByteArray>("timeZone");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime gap(QDate(2023, 3, 26), QTime(2, 30), Qt::UTC); // 02:00-03:00 skipped
    QTest::newRow("IMF-fixdate in Berlin's gap")
        << QByteArray("Europe/Berlin") << QByteArray("Sun, 26 Mar 2023 02:30:00 GMT") << gap;
    QTest::newRow("RFC 850 in Berlin's gap")
        << QByteArray("Europe/Berlin") << QByteArray("Sunday, 26-Mar-23 02:30:00 GMT") << gap;
    QTest::newRow("asctime in Berlin's gap")
        << QByteArray("Europe/Berlin") << QByteArray("Sun Mar 26 02:30:00 2023") << gap;
    // The repeated hour of autumn: one UTC time, not either of two local ones.
    QTest::newRow("IMF-fixdate in Berlin's repeated hour")
        << QByteArray("Europe/Berlin") << QByteArray("Sun, 29 Oct 2023 02:30:00 GMT")
        << QDateTime(QDate(2023, 10, 29), QTime(2, 30), Qt::UTC);
    QTest::newRow("IMF-fixdate in New York's gap")
        << QByteArray("America/New_York") << QByteArray("Sun, 12 Mar 2023 02:30:00 GMT")
        << QDateTime(QDate(2023, 3, 12), QTime(2, 30), Qt::UTC);
}

void TestDecoding::httpDateInLocalDaylightSavingGap()
{
    QFETCH(QByteArray, timeZone);
    QFETCH(QByteArray, header);
    QFETCH(QDateTime, expected);
    const QByteArray previous = qgetenv("TZ");
    const bool hadPrevious = qEnvironmentVariableIsSet("TZ");
    qputenv("TZ", timeZone);
    tzset();
    const QDateTime parsed = parseHttpDate(header);
    if (hadPrevious)
        qputenv("TZ", previous);
    else
        qunsetenv("TZ");
    tzset();
    QVERIFY2(parsed.isValid(), header.constData());
    QCOMPARE(parsed.timeSpec(), Qt::UTC);
    QCOMPARE(parsed, expected);
    QCOMPARE(parsed.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
}

void TestDecoding::jwtClaimsOfDocsToken()
{
    JwtClaims claims;
    QString problem;
    const QString token = QJsonDocument::fromJson(DocsGrant)
                              .object()
                              .value(QStringLiteral("access_token"))
                              .toString();
    QVERIFY(decodeJwtClaims(token, &claims, &problem));
    QCOMPARE(claims.payload.value(QStringLiteral("iss")).toString(), QStringLiteral("SMTPD Inc"));
    QCOMPARE(claims.expiresAt, QDateTime::fromSecsSinceEpoch(1599127957, Qt::UTC));
    QVERIFY(!decodeJwtClaims(jwtWithPayload("[1]"), &claims, &problem));
    QVERIFY(decodeJwtClaims(jwtWithPayload(R"({"sub":"a@b.c"})"), &claims, &problem));
    QCOMPARE(claims.subject, QStringLiteral("a@b.c"));
}

// "exp" is a number of seconds (RFC 7519 NumericDate, which may have a fraction). One the
// conversion cannot hold (found by fuzz_jwt: 1.59e25 overflowed the cast to qint64, undefined
// behaviour) or before 1970 is no expiry: the claims are for display only.
void TestDecoding::jwtExpiry_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime docs = QDateTime::fromSecsSinceEpoch(1599127957, Qt::UTC);
    QTest::newRow("seconds") << QByteArray(R"({"exp":1599127957})") << docs;
    QTest::newRow("fraction") << QByteArray(R"({"exp":1599127957.75})") << docs;
    QTest::newRow("the last second of 9999") << QByteArray(
        R"({"exp":253402300799})") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC);
    QTest::newRow("fuzz_jwt: 1.59e25")
        << QByteArray(R"({"account_id":"41dfc656","exp":15900719925474099399127957,"sub":"j"})")
        << QDateTime();
    QTest::newRow("past year 9999") << QByteArray(R"({"exp":253402300800})") << QDateTime();
    QTest::newRow("1e300") << QByteArray(R"({"exp":1e300})") << QDateTime();
    QTest::newRow("-1e300") << QByteArray(R"({"exp":-1e300})") << QDateTime();
    QTest::newRow("2^63") << QByteArray(R"({"exp":9223372036854775808})") << QDateTime();
    QTest::newRow("before 1970") << QByteArray(R"({"exp":-5})") << QDateTime();
    QTest::newRow("text") << QByteArray(R"({"exp":"1599127957"})") << QDateTime();
    QTest::newRow("missing") << QByteArray(R"({"sub":"a@b.c"})") << QDateTime();
}

void TestDecoding::jwtExpiry()
{
    QFETCH(QByteArray, payload);
    QFETCH(QDateTime, expected);
    JwtClaims claims;
    QString problem;
    QVERIFY2(decodeJwtClaims(jwtWithPayload(payload), &claims, &problem), qPrintable(problem));
    QCOMPARE(claims.expiresAt, expected);
}

void TestDecoding::jwtClaimsNotCarriedOver()
{
    // Claims decoded into an object that held another token's keep nothing of that token.
    JwtClaims claims;
    QString problem;
    QVERIFY(decodeJwtClaims(
        jwtWithPayload(R"({"sub":"a@b.c","name":"A","account_id":"1","exp":1599127957})"), &claims,
        &problem));
    QVERIFY(decodeJwtClaims(jwtWithPayload(R"({"subject":"d@e.f"})"), &claims, &problem));
    QCOMPARE(claims.subject, QStringLiteral("d@e.f"));
    QCOMPARE(claims.name, QString());
    QCOMPARE(claims.accountId, QString());
    QCOMPARE(claims.expiresAt, QDateTime());
}

void TestDecoding::serverErrorBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QByteArray json = "application/json";
    QTest::newRow("bad credentials")
        << QByteArray(R"({"code": 40102, "message": "Username and password are incorrect"})")
        << json << 40102 << QStringLiteral("Username and password are incorrect");
    QTest::newRow("message trimmed") << QByteArray(R"({"code": 1, "message": "  Gone \n"})") << json
                                     << 1 << QStringLiteral("Gone");
    QTest::newRow("message capped") << QByteArray(R"({"message": ")" + QByteArray(600, 'x') + "\"}")
                                    << json << 0 << QString(500, QLatin1Char('x'));
    QTest::newRow("code as text") << QByteArray(R"({"code": "40102", "message": "m"})") << json << 0
                                  << QStringLiteral("m");
    QTest::newRow("code fractional")
        << QByteArray(R"({"code": 40102.5})") << json << 0 << QString();
    QTest::newRow("code beyond int") << QByteArray(R"({"code": 1e300})") << json << 0 << QString();
    QTest::newRow("message a number")
        << QByteArray(R"({"code": 7, "message": 7})") << json << 7 << QString();
    QTest::newRow("JSON array") << QByteArray(R"([{"code": 7}])") << json << 0 << QString();
    QTest::newRow("plain text") << QByteArray("Service Unavailable") << QByteArray("text/plain")
                                << 0 << QString();
    QTest::newRow("web page by type") << QByteArray(R"({"code": 7, "message": "m"})")
                                      << QByteArray("text/html") << 0 << QString();
    QTest::newRow("web page by body")
        << QByteArray("<html><body>Bad gateway</body></html>") << QByteArray() << 0 << QString();
}

void TestDecoding::serverErrorBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, code);
    QFETCH(QString, message);
    const ServerErrorBody decoded = decodeServerErrorBody(body, contentType);
    QCOMPARE(decoded.code, code);
    QCOMPARE(decoded.message, message);
}

QTEST_GUILESS_MAIN(TestDecoding)
#include "tst_decoding.moc"
