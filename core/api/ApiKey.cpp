#include "ApiKey.h"

#include "JsonObjectReader.h"
#include "JsonSecretMember.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace Smtpd {

namespace {

// A time that may be absent: missing, null and 0 all mean "never".
QDateTime optionalTime(JsonObjectReader &reader, const QString &key)
{
    const QDateTime time = reader.optionalEpochTime(key);
    return time.isValid() && time.toMSecsSinceEpoch() == 0 ? QDateTime() : time;
}

ApiError entryProblem(const ApiError &error, int index, const QString &what)
{
    return ApiError::protocol(QCoreApplication::translate("Smtpd::JsonObjectReader",
                                  "The server's %1 could not be read: entry %2 is not "
                                  "one the SMTPD API sends (%3).")
                                  .arg(what)
                                  .arg(index + 1)
                                  .arg(error.detail()),
        QStringLiteral("entry %1: %2").arg(index + 1).arg(error.detail()));
}

// ---- Lenient reading, for the undocumented sessions list --------------------------------

QJsonValue firstOf(const QJsonObject &object, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isUndefined() && !value.isNull())
            return value;
    }
    return QJsonValue::Undefined;
}

QString lenientText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble() && std::isfinite(value.toDouble())
        && std::trunc(value.toDouble()) == value.toDouble()
        && std::fabs(value.toDouble()) < 9007199254740992.0)
        return QString::number(static_cast<qint64>(value.toDouble()));
    return {};
}

QDateTime lenientTime(const QJsonValue &value)
{
    double number = std::nan("");
    if (value.isDouble()) {
        number = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        const qint64 whole = value.toString().trimmed().toLongLong(&ok);
        if (ok) {
            number = static_cast<double>(whole);
        } else {
            QDateTime parsed = QDateTime::fromString(value.toString().trimmed(), Qt::ISODateWithMs);
            return parsed.isValid() ? parsed.toUTC() : QDateTime();
        }
    }
    // Zero or less is "never"; beyond the year 9999 (in milliseconds) is nonsense.
    if (!std::isfinite(number) || number <= 0 || number > 253402300799999.0)
        return {};
    return utcFromEpoch(static_cast<qint64>(number));
}

std::optional<bool> lenientBool(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    if (value.isDouble() && (value.toDouble() == 0 || value.toDouble() == 1))
        return value.toDouble() == 1;
    if (value.isString()) {
        const QString text = value.toString().trimmed().toLower();
        if (text == QLatin1String("true"))
            return true;
        if (text == QLatin1String("false"))
            return false;
    }
    return std::nullopt;
}

} // namespace

// ---- ApiKey ------------------------------------------------------------------------------

QString ApiKey::maskedKey() const
{
    if (key.size() <= 8)
        return QString(key.size(), QChar(0x2022)); // too short to show any of it
    return key.left(4) + QChar(0x2026) + key.right(4);
}

ApiKey ApiKey::fromJsonObject(const QJsonObject &object, const QString &what, ApiError *error)
{
    JsonObjectReader reader(object, what);
    ApiKey key;
    key.id = reader.requiredString(QStringLiteral("id"));
    key.accountId = reader.requiredString(QStringLiteral("account_id"));
    key.name = reader.requiredString(QStringLiteral("name"));
    key.key = reader.requiredString(QStringLiteral("key"));
    key.isActive = reader.requiredBool(QStringLiteral("is_active"));
    key.lastAccessedAt = optionalTime(reader, QStringLiteral("last_accessed_at_utc"));
    key.createdAt = reader.requiredEpochTime(QStringLiteral("created_at_utc"));
    key.modifiedAt = optionalTime(reader, QStringLiteral("modified_at_utc"));
    key.role = reader.optionalString(QStringLiteral("role"));
    *error = reader.error();
    if (!*error && key.id.isEmpty())
        *error = ApiError::protocol(
            QCoreApplication::translate("Smtpd::JsonObjectReader",
                "The server's %1 could not be read: the field \u201cid\u201d is empty.")
                .arg(what),
            QStringLiteral("field id: empty"));
    return *error ? ApiKey {} : key;
}

ApiKey ApiKey::fromJson(const QByteArray &body, ApiError *error)
{
    const QString what = QCoreApplication::translate("Smtpd::JsonObjectReader", "API key");
    JsonObjectReader reader(body, what);
    if (!reader.ok()) {
        *error = reader.error();
        return {};
    }
    return fromJsonObject(reader.object(), what, error);
}

QList<ApiKey> ApiKey::listFromJson(const QByteArray &body, ApiError *error)
{
    const QString what = QCoreApplication::translate("Smtpd::JsonObjectReader", "list of API keys");
    const QJsonArray array = parseJsonArray(body, what, error);
    if (*error)
        return {};
    QList<ApiKey> keys;
    for (int i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            *error = ApiError::protocol(
                QCoreApplication::translate("Smtpd::JsonObjectReader",
                    "The server's %1 could not be read: entry %2 is not an API key.")
                    .arg(what)
                    .arg(i + 1),
                QStringLiteral("entry %1: not an object").arg(i + 1));
            return {};
        }
        ApiError entryError;
        keys.append(fromJsonObject(array.at(i).toObject(), what, &entryError));
        if (entryError) {
            *error = entryProblem(entryError, i, what);
            return {};
        }
    }
    return keys;
}

bool operator==(const ApiKey &a, const ApiKey &b)
{
    return a.id == b.id && a.accountId == b.accountId && a.name == b.name && a.key == b.key
        && a.isActive == b.isActive && a.lastAccessedAt == b.lastAccessedAt
        && a.createdAt == b.createdAt && a.modifiedAt == b.modifiedAt && a.role == b.role;
}

// ---- NewApiKey ---------------------------------------------------------------------------

NewApiKey NewApiKey::fromJson(const QByteArray &body, ApiError *error)
{
    const QString what = QCoreApplication::translate("Smtpd::JsonObjectReader", "new API key");
    // The secret is taken out of the text first: the parsed document below never holds it.
    QByteArray redacted = body;
    std::optional<QString> secret = takeTopLevelString(redacted, QLatin1String("Secret"));
    if (!secret)
        secret = takeTopLevelString(redacted, QLatin1String("secret"));
    JsonObjectReader reader(redacted, what);
    // The docs spell the fields with capitals ("ID", "Secret"); lower case is read too.
    auto spelling = [&reader](const QString &capitalised) {
        return reader.object().contains(capitalised) ? capitalised : capitalised.toLower();
    };
    NewApiKey created;
    created.id = reader.requiredString(spelling(QStringLiteral("ID")));
    created.name = reader.requiredString(spelling(QStringLiteral("Name")));
    created.key = reader.requiredString(spelling(QStringLiteral("Key")));
    created.secret = reader.requiredString(spelling(QStringLiteral("Secret"))); // or '*'s
    if (secret && !reader.error())
        created.secret = std::move(*secret);
    *error = reader.error();
    if (!*error && !created.isValid())
        *error = ApiError::protocol(
            QCoreApplication::translate("Smtpd::JsonObjectReader",
                "The server's %1 could not be read: its ID, key or secret is empty.")
                .arg(what),
            QStringLiteral("empty ID, Key or Secret"));
    if (*error)
        return {};
    return created;
}

// ---- ApiKeySession -----------------------------------------------------------------------

ApiKeySession ApiKeySession::fromJsonObject(const QJsonObject &o)
{
    ApiKeySession session;
    session.id = lenientText(firstOf(o, {"id", "ID", "session_id"}));
    session.createdAt = lenientTime(firstOf(o, {"created_at_utc", "created_at", "created"}));
    session.expiresAt = lenientTime(firstOf(o, {"expires_at_utc", "expires_at", "expires"}));
    session.lastUsedAt = lenientTime(
        firstOf(o, {"last_used_at_utc", "last_accessed_at_utc", "last_used_at", "last_used"}));
    session.userAgent = lenientText(firstOf(o, {"user_agent", "userAgent", "UserAgent"}));
    session.ipAddress = lenientText(firstOf(o, {"ip_address", "ip", "ipAddress", "IP"}));
    session.isActive = lenientBool(firstOf(o, {"is_active", "active", "isActive"}));
    return session;
}

QList<ApiKeySession> ApiKeySession::listFromJson(const QByteArray &body, ApiError *error)
{
    const QString what
        = QCoreApplication::translate("Smtpd::JsonObjectReader", "list of API key sessions");
    *error = {};
    if (body.trimmed().isEmpty() || body.trimmed() == "null")
        return {};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    QJsonArray array;
    bool found = parseError.error == QJsonParseError::NoError;
    if (found && document.isArray()) {
        array = document.array();
    } else if (found && document.isObject()) {
        found = false;
        for (const char *key : {"sessions", "data", "items", "results"}) {
            const QJsonValue value = document.object().value(QLatin1String(key));
            if (value.isArray()) {
                array = value.toArray();
                found = true;
                break;
            }
        }
    } else {
        found = false;
    }
    if (!found) {
        *error = ApiError::protocol(QCoreApplication::translate("Smtpd::JsonObjectReader",
                                        "The server's %1 could not be read: it is not a JSON list.")
                                        .arg(what),
            parseError.error != QJsonParseError::NoError
                ? QStringLiteral("JSON error at offset %1: %2")
                      .arg(parseError.offset)
                      .arg(parseError.errorString())
                : QStringLiteral("no list of sessions in the answer"));
        return {};
    }
    QList<ApiKeySession> sessions;
    for (const QJsonValue &entry : array)
        if (entry.isObject())
            sessions.append(fromJsonObject(entry.toObject()));
    return sessions;
}

bool operator==(const ApiKeySession &a, const ApiKeySession &b)
{
    return a.id == b.id && a.createdAt == b.createdAt && a.expiresAt == b.expiresAt
        && a.lastUsedAt == b.lastUsedAt && a.userAgent == b.userAgent && a.ipAddress == b.ipAddress
        && a.isActive == b.isActive;
}

} // namespace Smtpd
