// Decoding of the account endpoints' answers (API keys, billing): the docs' examples verbatim
// where the docs give one, bodies in the documented shape otherwise, and the ways an answer
// can be malformed. Strict where the docs are firm (keys, plans, usage), defensive where they
// say nothing (a key's sessions).
#include "api/ApiKey.h"
#include "api/Billing.h"
#include "api/JsonSecretMember.h"
#include "api/Role.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Smtpd;

namespace {

// The docs' 201 answer to POST /api/v1/account/api_key, verbatim.
const QByteArray DocsNewKey = R"({"ID": "...", "Name": "...", "Key": "...", "Secret": "..."})";

// The docs' usage answer, verbatim.
const QByteArray DocsUsage
    = R"({"total": 4087, "total_by_category": {"unknown": 40, "accepted": 6, "proccessed": 0,
    "sent": 2, "delivered": 4003, "bounced": 1, "complaint": 0, "rejected": 35}})";

// A key with the docs' fields and their example time (seconds).
const QByteArray DocsKey = R"({"id": "0b1c6f0e-7d51-4c3b-9b7e-3f1f2d9a8c11",
    "account_id": "811affc1-66c7-4982-b39e-29f9536b4720", "name": "CI deploy",
    "key": "k3yK3yK3yK3yK3yK3yK3yK3y", "is_active": true, "last_accessed_at_utc": 1627618270,
    "created_at_utc": 1627618270, "modified_at_utc": 1627618270})";

// A plan with the docs' fields (prices as strings such as "0.00").
const QByteArray DocsPlan = R"({"plan_id": "free", "plan_name": "Free",
    "price_usd_per_month": "0.00", "max_emails_per_month": 1000, "enforce_plan_limit": true,
    "extra_thousand_emails_cost": "0.00", "max_sending_profiles": 1, "max_retention_days": 3,
    "feature_email_validation": false, "feature_basic_reporting": true,
    "feature_advance_reporting": false})";

// A key's sessions as the SMTPD emulator sends them (the docs give no shape).
const QByteArray EmulatorSessions = R"([{"id": "5d0c9a3e-1111-4aaa-8bbb-222233334444",
    "created_at_utc": 1627618270, "expires_at_utc": 1630210270, "last_used_at_utc": 1627619000,
    "user_agent": "SMTPD-Accounts/0.1.0", "ip_address": "127.0.0.1", "is_active": true}])";

const QDateTime DocsKeyTime = QDateTime(QDate(2021, 7, 30), QTime(4, 11, 10), Qt::UTC);

QByteArray withField(const QByteArray &json, const QString &key, const QJsonValue &value)
{
    QJsonObject object = QJsonDocument::fromJson(json).object();
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
    return QJsonDocument(object).toJson();
}

QByteArray listOf(const QList<QByteArray> &entries)
{
    QJsonArray array;
    for (const QByteArray &entry : entries) {
        const QJsonDocument document = QJsonDocument::fromJson(entry);
        array.append(document.isObject() ? QJsonValue(document.object()) : QJsonValue(42));
    }
    return QJsonDocument(array).toJson();
}

QByteArray withCategory(
    const QString &key, const QJsonValue &value, const QByteArray &base = DocsUsage)
{
    QJsonObject usage = QJsonDocument::fromJson(base).object();
    QJsonObject categories = usage.value(QStringLiteral("total_by_category")).toObject();
    if (value.isUndefined())
        categories.remove(key);
    else
        categories.insert(key, value);
    usage.insert(QStringLiteral("total_by_category"), categories);
    return QJsonDocument(usage).toJson();
}

} // namespace

class TestDecodingConsole : public QObject
{
    Q_OBJECT

private slots:
    void roles();
    void apiKeyList_data();
    void apiKeyList();
    void docsKeyValues();
    void apiKeyTimesInSecondsOrMilliseconds_data();
    void apiKeyTimesInSecondsOrMilliseconds();
    void apiKeyMasked();
    void singleApiKey_data();
    void singleApiKey();
    void newApiKey_data();
    void newApiKey();
    void newApiKeyErrorNeverQuotesSecret();
    void secretTakenFromTheText_data();
    void secretTakenFromTheText();
    void sessions_data();
    void sessions();
    void emulatorSessionValues();
    void usdAmount_data();
    void usdAmount();
    void plan_data();
    void plan();
    void docsPlanValues();
    void planList_data();
    void planList();
    void usage_data();
    void usage();
    void docsUsageValues();
};

void TestDecodingConsole::roles()
{
    const QStringList names {QStringLiteral("owner"), QStringLiteral("admin"),
        QStringLiteral("iac"), QStringLiteral("standard"), QStringLiteral("read_only"),
        QStringLiteral("send_only")};
    for (const QString &name : names) {
        const std::optional<ApiRole> role = roleFromName(name);
        QVERIFY(role.has_value());
        QCOMPARE(roleName(*role), name);
    }
    QVERIFY(!roleFromName(QStringLiteral("Owner")).has_value());
    QVERIFY(!roleFromName(QStringLiteral("readonly")).has_value());
    QVERIFY(!roleFromName(QString()).has_value());
    // The four the docs' POST body lists, and only those.
    QCOMPARE(apiKeyRoles(),
        (QList<ApiRole> {ApiRole::Iac, ApiRole::Standard, ApiRole::ReadOnly, ApiRole::SendOnly}));
    QVERIFY(!isApiKeyRole(ApiRole::Owner));
    QVERIFY(!isApiKeyRole(ApiRole::Admin));
    QVERIFY(isApiKeyRole(ApiRole::ReadOnly));
}

void TestDecodingConsole::apiKeyList_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("count"); // -1: refused
    QTest::addColumn<QString>("mentions");

    QTest::newRow("docs fields") << listOf({DocsKey}) << 1 << QString();
    QTest::newRow("two keys") << listOf({DocsKey, DocsKey}) << 2 << QString();
    QTest::newRow("empty list") << QByteArray("[]") << 0 << QString();
    QTest::newRow("extra field") << listOf({withField(DocsKey, QStringLiteral("scopes"), 5)}) << 1
                                 << QString();
    QTest::newRow("role given") << listOf(
        {withField(DocsKey, QStringLiteral("role"), QStringLiteral("read_only"))})
                                << 1 << QString();
    for (const char *field : {"last_accessed_at_utc", "modified_at_utc", "role"})
        QTest::addRow("optional %s missing", field)
            << listOf({withField(DocsKey, QLatin1String(field), QJsonValue::Undefined)}) << 1
            << QString();
    QTest::newRow("last_accessed_at_utc null")
        << listOf({withField(DocsKey, QStringLiteral("last_accessed_at_utc"), QJsonValue::Null)})
        << 1 << QString();
    for (const char *field : {"id", "account_id", "name", "key", "is_active", "created_at_utc"})
        QTest::addRow("missing %s", field)
            << listOf({DocsKey, withField(DocsKey, QLatin1String(field), QJsonValue::Undefined)})
            << -1 << QStringLiteral("entry 2");
    QTest::newRow("is_active as text")
        << listOf({withField(DocsKey, QStringLiteral("is_active"), QStringLiteral("true"))}) << -1
        << QStringLiteral("is_active");
    QTest::newRow("is_active as 1") << listOf({withField(DocsKey, QStringLiteral("is_active"), 1)})
                                    << -1 << QStringLiteral("is_active");
    QTest::newRow("created_at_utc as text") << listOf(
        {withField(DocsKey, QStringLiteral("created_at_utc"), QStringLiteral("1627618270"))})
                                            << -1 << QStringLiteral("created_at_utc");
    QTest::newRow("created_at_utc negative")
        << listOf({withField(DocsKey, QStringLiteral("created_at_utc"), -1)}) << -1
        << QStringLiteral("created_at_utc");
    QTest::newRow("created_at_utc fractional")
        << listOf({withField(DocsKey, QStringLiteral("created_at_utc"), 1627618270.5)}) << -1
        << QStringLiteral("created_at_utc");
    QTest::newRow("name null") << listOf(
        {withField(DocsKey, QStringLiteral("name"), QJsonValue::Null)})
                               << -1 << QStringLiteral("name");
    QTest::newRow("key a number") << listOf({withField(DocsKey, QStringLiteral("key"), 12)}) << -1
                                  << QStringLiteral("key");
    QTest::newRow("id empty") << listOf({withField(DocsKey, QStringLiteral("id"), QString())}) << -1
                              << QStringLiteral("id");
    QTest::newRow("role a number")
        << listOf({withField(DocsKey, QStringLiteral("role"), 3)}) << -1 << QStringLiteral("role");
    QTest::newRow("entry not an object")
        << listOf({DocsKey, "42"}) << -1 << QStringLiteral("entry 2");
    QTest::newRow("one key, not a list") << DocsKey << -1 << QStringLiteral("not a JSON list");
    QTest::newRow("wrapped in an object")
        << QByteArray(R"({"data": [)" + DocsKey + "]}") << -1 << QStringLiteral("not a JSON list");
    QTest::newRow("not JSON") << QByteArray("oops") << -1 << QStringLiteral("not a JSON list");
    QTest::newRow("empty body") << QByteArray() << -1 << QStringLiteral("not a JSON list");
    QTest::newRow("HTML") << QByteArray("<html><body>proxy</body></html>") << -1
                          << QStringLiteral("not a JSON list");
}

void TestDecodingConsole::apiKeyList()
{
    QFETCH(QByteArray, body);
    QFETCH(int, count);
    QFETCH(QString, mentions);
    ApiError error;
    const QList<ApiKey> keys = ApiKey::listFromJson(body, &error);
    if (count >= 0) {
        QVERIFY2(!error, qPrintable(error.userMessage()));
        QCOMPARE(keys.size(), count);
        return;
    }
    QCOMPARE(error.kind(), ApiError::Kind::Protocol);
    QVERIFY2(error.userMessage().contains(mentions), qPrintable(error.userMessage()));
    QVERIFY(keys.isEmpty());
    // A message about a bad list never quotes a key.
    QVERIFY(!error.userMessage().contains(QStringLiteral("k3yK3y")));
}

void TestDecodingConsole::docsKeyValues()
{
    ApiError error;
    const QList<ApiKey> keys = ApiKey::listFromJson(listOf({DocsKey}), &error);
    QVERIFY(!error);
    QCOMPARE(keys.size(), 1);
    const ApiKey &key = keys.first();
    QCOMPARE(key.id, QStringLiteral("0b1c6f0e-7d51-4c3b-9b7e-3f1f2d9a8c11"));
    QCOMPARE(key.accountId, QStringLiteral("811affc1-66c7-4982-b39e-29f9536b4720"));
    QCOMPARE(key.name, QStringLiteral("CI deploy"));
    QCOMPARE(key.key, QStringLiteral("k3yK3yK3yK3yK3yK3yK3yK3y"));
    QVERIFY(key.isActive);
    QCOMPARE(key.createdAt, DocsKeyTime);
    QCOMPARE(key.lastAccessedAt, DocsKeyTime);
    QCOMPARE(key.modifiedAt, DocsKeyTime);
    QCOMPARE(key.role, QString());
}

void TestDecodingConsole::apiKeyTimesInSecondsOrMilliseconds_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QDateTime>("expected"); // invalid: "never"
    QTest::newRow("seconds (the docs)") << QJsonValue(1627618270) << DocsKeyTime;
    QTest::newRow("milliseconds (as /oauth/me)") << QJsonValue(1627618270000.0) << DocsKeyTime;
    QTest::newRow("just below 10^11: seconds")
        << QJsonValue(99999999999.0) << QDateTime::fromSecsSinceEpoch(99999999999LL, Qt::UTC);
    QTest::newRow("10^11: milliseconds")
        << QJsonValue(100000000000.0) << QDateTime::fromMSecsSinceEpoch(100000000000LL, Qt::UTC);
    QTest::newRow("0 is never") << QJsonValue(0) << QDateTime();
    QTest::newRow("null is never") << QJsonValue(QJsonValue::Null) << QDateTime();
}

void TestDecodingConsole::apiKeyTimesInSecondsOrMilliseconds()
{
    QFETCH(QJsonValue, value);
    QFETCH(QDateTime, expected);
    ApiError error;
    const ApiKey key = ApiKey::fromJson(
        withField(DocsKey, QStringLiteral("last_accessed_at_utc"), value), &error);
    QVERIFY2(!error, qPrintable(error.userMessage()));
    QCOMPARE(key.lastAccessedAt, expected);
    QCOMPARE(key.createdAt, DocsKeyTime);
}

void TestDecodingConsole::apiKeyMasked()
{
    ApiKey key;
    key.key = QStringLiteral("k3yK3yK3yK3yK3yK3yK3yAbCd");
    QCOMPARE(key.maskedKey(), QStringLiteral("k3yK\u2026AbCd"));
    key.key = QStringLiteral("short");
    QCOMPARE(key.maskedKey(), QString(5, QChar(0x2022)));
}

void TestDecodingConsole::singleApiKey_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid");
    QTest::newRow("docs fields") << DocsKey << true;
    QTest::newRow("a list") << listOf({DocsKey}) << false;
    QTest::newRow("missing is_active")
        << withField(DocsKey, QStringLiteral("is_active"), QJsonValue::Undefined) << false;
    QTest::newRow("not JSON") << QByteArray("{") << false;
}

void TestDecodingConsole::singleApiKey()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);
    ApiError error;
    const ApiKey key = ApiKey::fromJson(body, &error);
    QCOMPARE(!error, valid);
    QCOMPARE(key.id.isEmpty(), !valid);
    if (!valid)
        QCOMPARE(error.kind(), ApiError::Kind::Protocol);
}

void TestDecodingConsole::newApiKey_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("docs example") << DocsNewKey << true << QString();
    QTest::newRow("real values") << QByteArray(
        R"({"ID": "8d2e", "Name": "CI", "Key": "abcKEY", "Secret": "s3cr3t"})")
                                 << true << QString();
    QTest::newRow("lower-case names")
        << QByteArray(R"({"id": "8d2e", "name": "CI", "key": "abcKEY", "secret": "s3cr3t"})")
        << true << QString();
    QTest::newRow("extra field") << withField(
        DocsNewKey, QStringLiteral("role"), QStringLiteral("standard"))
                                 << true << QString();
    for (const char *field : {"ID", "Name", "Key", "Secret"})
        QTest::addRow("missing %s", field) << withField(DocsNewKey, QLatin1String(field),
            QJsonValue::Undefined) << false << QString::fromLatin1(field).toLower();
    QTest::newRow("Secret empty") << withField(DocsNewKey, QStringLiteral("Secret"), QString())
                                  << false << QStringLiteral("empty");
    QTest::newRow("Key empty") << withField(DocsNewKey, QStringLiteral("Key"), QString()) << false
                               << QStringLiteral("empty");
    QTest::newRow("Secret a number")
        << withField(DocsNewKey, QStringLiteral("Secret"), 7) << false << QStringLiteral("Secret");
    QTest::newRow("ID null") << withField(DocsNewKey, QStringLiteral("ID"), QJsonValue::Null)
                             << false << QStringLiteral("ID");
    QTest::newRow("a list") << QByteArray("[") + DocsNewKey + "]" << false
                            << QStringLiteral("not a JSON");
    QTest::newRow("not JSON") << QByteArray("created") << false << QStringLiteral("not a JSON");
}

void TestDecodingConsole::newApiKey()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);
    QFETCH(QString, mentions);
    ApiError error;
    const NewApiKey created = NewApiKey::fromJson(body, &error);
    if (valid) {
        QVERIFY2(!error, qPrintable(error.userMessage()));
        QVERIFY(created.isValid());
        return;
    }
    QCOMPARE(error.kind(), ApiError::Kind::Protocol);
    QVERIFY2(error.userMessage().contains(mentions, Qt::CaseInsensitive),
        qPrintable(error.userMessage()));
    QVERIFY(!created.isValid());
    QVERIFY(created.secret.isEmpty());
}

void TestDecodingConsole::newApiKeyErrorNeverQuotesSecret()
{
    const QByteArray body
        = R"({"ID": "8d2e", "Name": "CI", "Key": 5, "Secret": "TopSecretValue123"})";
    ApiError error;
    const NewApiKey created = NewApiKey::fromJson(body, &error);
    QVERIFY(error);
    QVERIFY(created.secret.isEmpty());
    QVERIFY(!error.userMessage().contains(QStringLiteral("TopSecretValue123")));
    QVERIFY(!error.detail().contains(QStringLiteral("TopSecretValue123")));
}

// The secret is read from the raw text before the JSON parser runs (JsonSecretMember.h): the
// same value the parser would give, its bytes in the text overwritten, nested members ignored.
void TestDecodingConsole::secretTakenFromTheText_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("member");
    QTest::addColumn<bool>("found");

    QTest::newRow("docs example") << QByteArray(DocsNewKey) << QStringLiteral("Secret") << true;
    QTest::newRow("lower case") << QByteArray(R"({"id":"1","secret":"abc"})")
                                << QStringLiteral("secret") << true;
    QTest::newRow("escapes") << QByteArray(R"({"Secret":"a\"b\\c\/d\n\u00e9\ud83d\ude00"})")
                             << QStringLiteral("Secret") << true;
    QTest::newRow("raw UTF-8") << QByteArray("{\"Secret\":\"gr\xc3\xbc\xc3\x9f \xe2\x82\xac\"}")
                               << QStringLiteral("Secret") << true;
    QTest::newRow("spaces and lines")
        << QByteArray("{\r\n  \"ID\" : 7 ,\n\t\"Secret\"\n:\n \"s3cr3t\" \n}")
        << QStringLiteral("Secret") << true;
    QTest::newRow("nested first") << QByteArray(
        R"({"meta":{"Secret":"nested","list":[1,{"Secret":"x"}]},"Secret":"top"})")
                                  << QStringLiteral("Secret") << true;
    QTest::newRow("only nested") << QByteArray(R"({"meta":{"Secret":"nested"}})")
                                 << QStringLiteral("Secret") << false;
    QTest::newRow("a number") << QByteArray(R"({"Secret":7})") << QStringLiteral("Secret") << false;
    QTest::newRow("null") << QByteArray(R"({"Secret":null})") << QStringLiteral("Secret") << false;
    QTest::newRow("empty") << QByteArray(R"({"Secret":""})") << QStringLiteral("Secret") << true;
    QTest::newRow("a list") << QByteArray(R"([{"Secret":"a"}])") << QStringLiteral("Secret")
                            << false;
    QTest::newRow("cut short") << QByteArray(R"({"ID":"1","Secret":"abc)")
                               << QStringLiteral("Secret") << false;
    QTest::newRow("bad escape") << QByteArray(R"({"Secret":"a\qb"})") << QStringLiteral("Secret")
                                << false;
    QTest::newRow("empty object") << QByteArray("{}") << QStringLiteral("Secret") << false;
    QTest::newRow("twice: the last")
        << QByteArray(R"({"Secret":"first1","ID":"1","Secret":"second"})")
        << QStringLiteral("Secret") << true;
    QTest::newRow("byte-order mark")
        << QByteArray("\xef\xbb\xbf{\"Secret\":\"abc\"}") << QStringLiteral("Secret") << true;
    QTest::newRow("invalid UTF-8") << QByteArray("{\"Secret\":\"a\xc3\x28"
                                                 "b\"}")
                                   << QStringLiteral("Secret") << false;
    QTest::newRow("overlong UTF-8") << QByteArray("{\"Secret\":\"a\xc0\xaf"
                                                  "b\"}")
                                    << QStringLiteral("Secret") << false;
    QTest::newRow("raw control character")
        << QByteArray("{\"Secret\":\"a\x01b\"}") << QStringLiteral("Secret") << false;
    QTest::newRow("trailing garbage")
        << QByteArray(R"({"Secret":"abc"} x)") << QStringLiteral("Secret") << false;
    {
        QByteArray deep = QByteArray(100, '[') + QByteArray(100, ']');
        QTest::newRow("deep nesting") << QByteArray(R"({"a":)") + deep + R"(,"Secret":"abc"})"
                                      << QStringLiteral("Secret") << true;
    }
    QTest::newRow("nothing") << QByteArray() << QStringLiteral("Secret") << false;
}

void TestDecodingConsole::secretTakenFromTheText()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, member);
    QFETCH(bool, found);
    const QJsonDocument parsed = QJsonDocument::fromJson(body);
    QByteArray text = body;
    const std::optional<QString> secret
        = takeTopLevelString(text, QLatin1String(member.toLatin1()));
    QCOMPARE(secret.has_value(), found);
    if (!found) {
        QCOMPARE(text, body); // untouched
        return;
    }
    QVERIFY(parsed.isObject()); // found only where the parser reads an object too
    QCOMPARE(*secret, parsed.object().value(member).toString()); // what the parser reads
    QCOMPARE(text.size(), body.size());
    // Still the same JSON, the value now stars; the secret's text is gone from it.
    const QJsonObject redacted = QJsonDocument::fromJson(text).object();
    QCOMPARE(redacted.keys(), parsed.object().keys());
    const QString stars = redacted.value(member).toString();
    QVERIFY(std::all_of(stars.begin(), stars.end(), [](QChar c) { return c == QLatin1Char('*'); }));
    if (secret->size() >= 3 && body.count(secret->toUtf8()) == 1) // only in the secret
        QVERIFY(!text.contains(secret->toUtf8()));
    // Every member of that name was overwritten (the parser of a duplicate keeps the last).
    QVERIFY(!text.contains("first1"));
}

void TestDecodingConsole::sessions_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("count"); // -1: refused
    QTest::addColumn<QString>("field"); // which field of the first session to check
    QTest::addColumn<QVariant>("expected");

    const QDateTime created = DocsKeyTime;
    const QJsonObject emulator
        = QJsonDocument::fromJson(EmulatorSessions).array().first().toObject();
    auto body
        = [&](const QJsonObject &entry) { return QJsonDocument(QJsonArray {entry}).toJson(); };
    auto change = [&](const char *key, const QJsonValue &value) {
        QJsonObject entry = emulator;
        if (value.isUndefined())
            entry.remove(QLatin1String(key));
        else
            entry.insert(QLatin1String(key), value);
        return body(entry);
    };

    QTest::newRow("emulator shape")
        << EmulatorSessions << 1 << QStringLiteral("created") << QVariant(created);
    QTest::newRow("milliseconds") << change("created_at_utc", 1627618270000.0) << 1
                                  << QStringLiteral("created") << QVariant(created);
    QTest::newRow("ISO 8601 text")
        << change("created_at_utc", QStringLiteral("2021-07-30T04:11:10Z")) << 1
        << QStringLiteral("created") << QVariant(created);
    QTest::newRow("seconds as text") << change("created_at_utc", QStringLiteral("1627618270")) << 1
                                     << QStringLiteral("created") << QVariant(created);
    QTest::newRow("created missing") << change("created_at_utc", QJsonValue::Undefined) << 1
                                     << QStringLiteral("created") << QVariant(QDateTime());
    QTest::newRow("created a bool") << change("created_at_utc", true) << 1
                                    << QStringLiteral("created") << QVariant(QDateTime());
    QTest::newRow("created 0") << change("created_at_utc", 0) << 1 << QStringLiteral("created")
                               << QVariant(QDateTime());
    QTest::newRow("created nonsense text")
        << change("created_at_utc", QStringLiteral("yesterday")) << 1 << QStringLiteral("created")
        << QVariant(QDateTime());
    QTest::newRow("other spelling: created_at")
        << body({{QStringLiteral("created_at"), 1627618270}}) << 1 << QStringLiteral("created")
        << QVariant(created);
    QTest::newRow("expires") << EmulatorSessions << 1 << QStringLiteral("expires")
                             << QVariant(QDateTime::fromSecsSinceEpoch(1630210270, Qt::UTC));
    QTest::newRow("last used") << EmulatorSessions << 1 << QStringLiteral("lastUsed")
                               << QVariant(QDateTime::fromSecsSinceEpoch(1627619000, Qt::UTC));
    QTest::newRow("other spelling: last_accessed_at_utc")
        << body({{QStringLiteral("last_accessed_at_utc"), 1627619000}}) << 1
        << QStringLiteral("lastUsed")
        << QVariant(QDateTime::fromSecsSinceEpoch(1627619000, Qt::UTC));
    QTest::newRow("user agent") << EmulatorSessions << 1 << QStringLiteral("userAgent")
                                << QVariant(QStringLiteral("SMTPD-Accounts/0.1.0"));
    QTest::newRow("user agent a number")
        << change("user_agent", 5) << 1 << QStringLiteral("userAgent")
        << QVariant(QStringLiteral("5"));
    QTest::newRow("user agent an object") << change("user_agent", QJsonObject {}) << 1
                                          << QStringLiteral("userAgent") << QVariant(QString());
    QTest::newRow("ip") << EmulatorSessions << 1 << QStringLiteral("ip")
                        << QVariant(QStringLiteral("127.0.0.1"));
    QTest::newRow("other spelling: ip")
        << body({{QStringLiteral("ip"), QStringLiteral("::1")}}) << 1 << QStringLiteral("ip")
        << QVariant(QStringLiteral("::1"));
    QTest::newRow("active") << EmulatorSessions << 1 << QStringLiteral("active")
                            << QVariant(QStringLiteral("true"));
    QTest::newRow("active false") << change("is_active", false) << 1 << QStringLiteral("active")
                                  << QVariant(QStringLiteral("false"));
    QTest::newRow("active as 0") << change("is_active", 0) << 1 << QStringLiteral("active")
                                 << QVariant(QStringLiteral("false"));
    QTest::newRow("active as text") << change("is_active", QStringLiteral("TRUE")) << 1
                                    << QStringLiteral("active") << QVariant(QStringLiteral("true"));
    QTest::newRow("active unknown")
        << change("is_active", QJsonValue::Undefined) << 1 << QStringLiteral("active")
        << QVariant(QStringLiteral("unknown"));
    QTest::newRow("active nonsense")
        << change("is_active", QStringLiteral("maybe")) << 1 << QStringLiteral("active")
        << QVariant(QStringLiteral("unknown"));
    QTest::newRow("other spelling: active")
        << body({{QStringLiteral("active"), false}}) << 1 << QStringLiteral("active")
        << QVariant(QStringLiteral("false"));
    QTest::newRow("id a number") << change("id", 77) << 1 << QStringLiteral("id")
                                 << QVariant(QStringLiteral("77"));
    QTest::newRow("extra fields") << change("device", QStringLiteral("laptop")) << 1
                                  << QStringLiteral("ip") << QVariant(QStringLiteral("127.0.0.1"));
    QTest::newRow("empty object") << QByteArray("[{}]") << 1 << QStringLiteral("active")
                                  << QVariant(QStringLiteral("unknown"));
    QTest::newRow("entries not objects skipped")
        << QByteArray("[1, \"x\", null, ") + QJsonDocument(emulator).toJson() + "]" << 1
        << QStringLiteral("ip") << QVariant(QStringLiteral("127.0.0.1"));
    QTest::newRow("wrapped: sessions")
        << QByteArray(R"({"sessions": )") + EmulatorSessions + "}" << 1 << QStringLiteral("ip")
        << QVariant(QStringLiteral("127.0.0.1"));
    QTest::newRow("wrapped: data") << QByteArray(R"({"data": )") + EmulatorSessions + "}" << 1
                                   << QStringLiteral("ip") << QVariant(QStringLiteral("127.0.0.1"));
    QTest::newRow("empty list") << QByteArray("[]") << 0 << QString() << QVariant();
    QTest::newRow("empty body") << QByteArray("  ") << 0 << QString() << QVariant();
    QTest::newRow("null") << QByteArray("null") << 0 << QString() << QVariant();
    QTest::newRow("object without a list")
        << QByteArray(R"({"count": 1})") << -1 << QString() << QVariant();
    QTest::newRow("a string") << QByteArray(R"("sessions")") << -1 << QString() << QVariant();
    QTest::newRow("not JSON") << QByteArray("oops") << -1 << QString() << QVariant();
    QTest::newRow("HTML") << QByteArray("<html></html>") << -1 << QString() << QVariant();
}

void TestDecodingConsole::sessions()
{
    QFETCH(QByteArray, body);
    QFETCH(int, count);
    QFETCH(QString, field);
    QFETCH(QVariant, expected);
    ApiError error;
    const QList<ApiKeySession> sessions = ApiKeySession::listFromJson(body, &error);
    if (count < 0) {
        QCOMPARE(error.kind(), ApiError::Kind::Protocol);
        QVERIFY(error.userMessage().contains(QStringLiteral("sessions")));
        QVERIFY(sessions.isEmpty());
        return;
    }
    QVERIFY2(!error, qPrintable(error.userMessage()));
    QCOMPARE(sessions.size(), count);
    if (field.isEmpty())
        return;
    const ApiKeySession &s = sessions.first();
    if (field == QLatin1String("created"))
        QCOMPARE(s.createdAt, expected.toDateTime());
    else if (field == QLatin1String("expires"))
        QCOMPARE(s.expiresAt, expected.toDateTime());
    else if (field == QLatin1String("lastUsed"))
        QCOMPARE(s.lastUsedAt, expected.toDateTime());
    else if (field == QLatin1String("userAgent"))
        QCOMPARE(s.userAgent, expected.toString());
    else if (field == QLatin1String("ip"))
        QCOMPARE(s.ipAddress, expected.toString());
    else if (field == QLatin1String("id"))
        QCOMPARE(s.id, expected.toString());
    else if (field == QLatin1String("active"))
        QCOMPARE(!s.isActive ? QStringLiteral("unknown")
                             : (*s.isActive ? QStringLiteral("true") : QStringLiteral("false")),
            expected.toString());
    else
        QFAIL("unknown field");
}

void TestDecodingConsole::emulatorSessionValues()
{
    ApiError error;
    const QList<ApiKeySession> sessions = ApiKeySession::listFromJson(EmulatorSessions, &error);
    QVERIFY(!error);
    QCOMPARE(sessions.size(), 1);
    ApiKeySession expected;
    expected.id = QStringLiteral("5d0c9a3e-1111-4aaa-8bbb-222233334444");
    expected.createdAt = DocsKeyTime;
    expected.expiresAt = DocsKeyTime.addDays(30);
    expected.lastUsedAt = DocsKeyTime.addSecs(730);
    expected.userAgent = QStringLiteral("SMTPD-Accounts/0.1.0");
    expected.ipAddress = QStringLiteral("127.0.0.1");
    expected.isActive = true;
    QVERIFY(sessions.first() == expected);
}

void TestDecodingConsole::usdAmount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");
    QTest::newRow("0.00 (the docs)") << QStringLiteral("0.00") << true << 0.0;
    QTest::newRow("15.50") << QStringLiteral("15.50") << true << 15.5;
    QTest::newRow("whole") << QStringLiteral("199") << true << 199.0;
    QTest::newRow("fractions of a cent") << QStringLiteral("0.125") << true << 0.125;
    QTest::newRow("negative") << QStringLiteral("-1.00") << false << 0.0;
    QTest::newRow("plus") << QStringLiteral("+1.00") << false << 0.0;
    QTest::newRow("exponent") << QStringLiteral("1e3") << false << 0.0;
    QTest::newRow("currency sign") << QStringLiteral("$5.00") << false << 0.0;
    QTest::newRow("comma") << QStringLiteral("5,00") << false << 0.0;
    QTest::newRow("spaces") << QStringLiteral(" 5.00") << false << 0.0;
    QTest::newRow("point only") << QStringLiteral(".50") << false << 0.0;
    QTest::newRow("trailing point") << QStringLiteral("5.") << false << 0.0;
    QTest::newRow("empty") << QString() << false << 0.0;
    QTest::newRow("nan") << QStringLiteral("nan") << false << 0.0;
}

void TestDecodingConsole::usdAmount()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(double, value);
    UsdAmount amount;
    QCOMPARE(UsdAmount::parse(text, &amount), valid);
    if (valid) {
        QCOMPARE(amount.decimal, text);
        QCOMPARE(amount.value, value);
    }
}

void TestDecodingConsole::plan_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("docs fields") << DocsPlan << true << QString();
    QTest::newRow("plan_id a number")
        << withField(DocsPlan, QStringLiteral("plan_id"), 7) << true << QString();
    QTest::newRow("extra field") << withField(DocsPlan, QStringLiteral("feature_webhooks"), true)
                                 << true << QString();
    for (const char *field : {"plan_id", "plan_name", "price_usd_per_month", "max_emails_per_month",
             "enforce_plan_limit", "extra_thousand_emails_cost", "max_sending_profiles",
             "max_retention_days", "feature_email_validation", "feature_basic_reporting",
             "feature_advance_reporting"})
        QTest::addRow("missing %s", field) << withField(DocsPlan, QLatin1String(field),
            QJsonValue::Undefined) << false << QString::fromLatin1(field);
    QTest::newRow("price as a number") << withField(DocsPlan, QStringLiteral("price_usd_per_month"),
        0) << false << QStringLiteral("price_usd_per_month");
    QTest::newRow("price not a decimal")
        << withField(DocsPlan, QStringLiteral("price_usd_per_month"), QStringLiteral("free"))
        << false << QStringLiteral("price_usd_per_month");
    QTest::newRow("extra cost negative") << withField(
        DocsPlan, QStringLiteral("extra_thousand_emails_cost"), QStringLiteral("-1.00"))
                                         << false << QStringLiteral("extra_thousand_emails_cost");
    QTest::newRow("max emails negative")
        << withField(DocsPlan, QStringLiteral("max_emails_per_month"), -5) << false
        << QStringLiteral("max_emails_per_month");
    QTest::newRow("max emails as text")
        << withField(DocsPlan, QStringLiteral("max_emails_per_month"), QStringLiteral("1000"))
        << false << QStringLiteral("max_emails_per_month");
    QTest::newRow("max emails fractional")
        << withField(DocsPlan, QStringLiteral("max_emails_per_month"), 10.5) << false
        << QStringLiteral("max_emails_per_month");
    QTest::newRow("feature as text")
        << withField(DocsPlan, QStringLiteral("feature_basic_reporting"), QStringLiteral("yes"))
        << false << QStringLiteral("feature_basic_reporting");
    QTest::newRow("plan_id a bool") << withField(DocsPlan, QStringLiteral("plan_id"), true) << false
                                    << QStringLiteral("plan_id");
    QTest::newRow("plan_id fractional") << withField(DocsPlan, QStringLiteral("plan_id"), 1.5)
                                        << false << QStringLiteral("plan_id");
    QTest::newRow("plan_id empty") << withField(DocsPlan, QStringLiteral("plan_id"), QString())
                                   << false << QStringLiteral("plan_id");
    QTest::newRow("a list") << listOf({DocsPlan}) << false << QStringLiteral("not a JSON");
    QTest::newRow("not JSON") << QByteArray("plan") << false << QStringLiteral("not a JSON");
}

void TestDecodingConsole::plan()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);
    QFETCH(QString, mentions);
    ApiError error;
    const Plan plan = Plan::fromJson(body, &error);
    if (valid) {
        QVERIFY2(!error, qPrintable(error.userMessage()));
        QVERIFY(plan.isValid());
        return;
    }
    QCOMPARE(error.kind(), ApiError::Kind::Protocol);
    QVERIFY2(error.userMessage().contains(mentions), qPrintable(error.userMessage()));
    QVERIFY(!plan.isValid());
}

void TestDecodingConsole::docsPlanValues()
{
    ApiError error;
    Plan plan = Plan::fromJson(DocsPlan, &error);
    QVERIFY(!error);
    QCOMPARE(plan.id, QStringLiteral("free"));
    QCOMPARE(plan.name, QStringLiteral("Free"));
    QCOMPARE(plan.pricePerMonth.decimal, QStringLiteral("0.00"));
    QCOMPARE(plan.pricePerMonth.value, 0.0);
    QCOMPARE(plan.maxEmailsPerMonth, 1000);
    QVERIFY(plan.enforcePlanLimit);
    QCOMPARE(plan.extraThousandEmailsCost.decimal, QStringLiteral("0.00"));
    QCOMPARE(plan.maxSendingProfiles, 1);
    QCOMPARE(plan.maxRetentionDays, 3);
    QVERIFY(!plan.featureEmailValidation);
    QVERIFY(plan.featureBasicReporting);
    QVERIFY(!plan.featureAdvanceReporting);

    const QByteArray paid
        = withField(DocsPlan, QStringLiteral("price_usd_per_month"), QStringLiteral("15.50"));
    plan = Plan::fromJson(paid, &error);
    QVERIFY(!error);
    QCOMPARE(plan.pricePerMonth.decimal, QStringLiteral("15.50")); // as sent, for display
    QCOMPARE(plan.pricePerMonth.value, 15.5);
    QCOMPARE(Plan::fromJson(withField(DocsPlan, QStringLiteral("plan_id"), 7), &error).id,
        QStringLiteral("7"));
}

void TestDecodingConsole::planList_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("count");
    QTest::newRow("two plans") << listOf(
        {DocsPlan, withField(DocsPlan, QStringLiteral("plan_id"), QStringLiteral("starter"))})
                               << 2;
    QTest::newRow("empty") << QByteArray("[]") << 0;
    QTest::newRow("one bad plan") << listOf(
        {DocsPlan, withField(DocsPlan, QStringLiteral("plan_name"), QJsonValue::Undefined)})
                                  << -1;
    QTest::newRow("entry not an object") << listOf({DocsPlan, "7"}) << -1;
    QTest::newRow("one plan, not a list") << DocsPlan << -1;
    QTest::newRow("not JSON") << QByteArray("[") << -1;
}

void TestDecodingConsole::planList()
{
    QFETCH(QByteArray, body);
    QFETCH(int, count);
    ApiError error;
    const QList<Plan> plans = Plan::listFromJson(body, &error);
    if (count < 0) {
        QCOMPARE(error.kind(), ApiError::Kind::Protocol);
        QVERIFY(plans.isEmpty());
        return;
    }
    QVERIFY2(!error, qPrintable(error.userMessage()));
    QCOMPARE(plans.size(), count);
}

void TestDecodingConsole::usage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("docs example") << DocsUsage << true << QString();
    QTest::newRow("processed spelt right") << withCategory(QStringLiteral("processed"), 3,
        withCategory(QStringLiteral("proccessed"), QJsonValue::Undefined))
                                           << true << QString();
    QTest::newRow("extra category")
        << withCategory(QStringLiteral("deferred"), 9) << true << QString();
    QTest::newRow("extra category not a count")
        << withCategory(QStringLiteral("deferred"), QStringLiteral("n/a")) << true << QString();
    for (const char *category : {"unknown", "accepted", "proccessed", "sent", "delivered",
             "bounced", "complaint", "rejected"})
        QTest::addRow("missing %s", category) << withCategory(QLatin1String(category),
            QJsonValue::Undefined) << false << QString::fromLatin1(category);
    QTest::newRow("category negative")
        << withCategory(QStringLiteral("sent"), -2) << false << QStringLiteral("sent");
    QTest::newRow("category as text") << withCategory(QStringLiteral("bounced"),
        QStringLiteral("1")) << false << QStringLiteral("bounced");
    QTest::newRow("category fractional") << withCategory(QStringLiteral("delivered"), 4003.5)
                                         << false << QStringLiteral("delivered");
    QTest::newRow("category null") << withCategory(QStringLiteral("complaint"), QJsonValue::Null)
                                   << false << QStringLiteral("complaint");
    QTest::newRow("total missing")
        << withField(DocsUsage, QStringLiteral("total"), QJsonValue::Undefined) << false
        << QStringLiteral("total");
    QTest::newRow("total as text")
        << withField(DocsUsage, QStringLiteral("total"), QStringLiteral("4087")) << false
        << QStringLiteral("total");
    QTest::newRow("total negative")
        << withField(DocsUsage, QStringLiteral("total"), -1) << false << QStringLiteral("total");
    QTest::newRow("by category missing")
        << withField(DocsUsage, QStringLiteral("total_by_category"), QJsonValue::Undefined) << false
        << QStringLiteral("total_by_category");
    QTest::newRow("by category a list") << withField(DocsUsage, QStringLiteral("total_by_category"),
        QJsonArray {40, 6}) << false << QStringLiteral("total_by_category");
    QTest::newRow("a list") << QByteArray("[") + DocsUsage + "]" << false
                            << QStringLiteral("not a JSON");
    QTest::newRow("not JSON") << QByteArray("4087") << false << QStringLiteral("not a JSON");
}

void TestDecodingConsole::usage()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);
    QFETCH(QString, mentions);
    ApiError error;
    const Usage usage = Usage::fromJson(body, &error);
    if (valid) {
        QVERIFY2(!error, qPrintable(error.userMessage()));
        QCOMPARE(usage.total, 4087);
        return;
    }
    QCOMPARE(error.kind(), ApiError::Kind::Protocol);
    QVERIFY2(error.userMessage().contains(mentions), qPrintable(error.userMessage()));
    QCOMPARE(usage.total, 0);
}

void TestDecodingConsole::docsUsageValues()
{
    ApiError error;
    const Usage usage = Usage::fromJson(DocsUsage, &error);
    QVERIFY(!error);
    QCOMPARE(usage.total, 4087);
    QCOMPARE(usage.unknown, 40);
    QCOMPARE(usage.accepted, 6);
    QCOMPARE(usage.proccessed, 0);
    QCOMPARE(usage.sent, 2);
    QCOMPARE(usage.delivered, 4003);
    QCOMPARE(usage.bounced, 1);
    QCOMPARE(usage.complaint, 0);
    QCOMPARE(usage.rejected, 35);
    // Every category as the API spells it.
    QCOMPARE(usage.byCategory.keys(),
        (QList<QString> {"accepted", "bounced", "complaint", "delivered", "proccessed", "rejected",
            "sent", "unknown"}));
    QCOMPARE(usage.byCategory.value(QStringLiteral("proccessed")), 0);

    // "processed", should the API ever correct its spelling, lands in the same member.
    QByteArray corrected = DocsUsage;
    corrected.replace("\"proccessed\": 0", "\"processed\": 12");
    QCOMPARE(Usage::fromJson(corrected, &error).proccessed, 12);
    QVERIFY(!error);
    // An extra category is kept beside the documented ones.
    const Usage extra = Usage::fromJson(withCategory(QStringLiteral("deferred"), 9), &error);
    QCOMPARE(extra.byCategory.value(QStringLiteral("deferred")), 9);
    QVERIFY(!extra.byCategory.contains(QStringLiteral("n/a")));

    // Dana's demo plan: 4,087 of 5,000 is near the limit.
    Plan starter;
    starter.maxEmailsPerMonth = 5000;
    QCOMPARE(usage.shareOf(starter), 0.8174);
    Plan unlimited;
    QCOMPARE(usage.shareOf(unlimited), -1.0);
}

QTEST_GUILESS_MAIN(TestDecodingConsole)
#include "tst_decoding_console.moc"
