#pragma once

#include "ApiError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Smtpd {

// One API key as GET /api/v1/account/api_key lists it (and GET …/api_key/:id returns it):
//   {"id", "account_id", "name", "key", "is_active", "last_accessed_at_utc",
//    "created_at_utc", "modified_at_utc"}
// The docs give the times in seconds here (milliseconds in /oauth/me); either is read (a
// value below 10^11 is seconds). Never the secret: the API shows that once, at creation.
struct ApiKey
{
    QString id;
    QString accountId;
    QString name;
    // The key itself. With HTTP Basic it authenticates on its own, so it is a credential:
    // never logged; show maskedKey().
    QString key;
    bool isActive = false; // false once revoked, or after 90 days unused
    QDateTime lastAccessedAt; // UTC; invalid when never used (0, null or absent)
    QDateTime createdAt; // UTC
    QDateTime modifiedAt; // UTC; invalid when absent
    // Not in the docs' field list (the SMTPD emulator sends it): empty when the server does
    // not say. As the API spells it ("read_only"; see Role.h).
    QString role;

    // "abcd…wxyz": enough to tell keys apart, not enough to use one.
    QString maskedKey() const;

    static ApiKey fromJson(const QByteArray &body, ApiError *error);
    static ApiKey fromJsonObject(const QJsonObject &object, const QString &what, ApiError *error);
    // A JSON list of keys; one malformed entry fails the whole list (naming it).
    static QList<ApiKey> listFromJson(const QByteArray &body, ApiError *error);

    friend bool operator==(const ApiKey &a, const ApiKey &b);
};

// The answer of POST /api/v1/account/api_key (201): {"ID", "Name", "Key", "Secret"}, spelt
// with capitals as the docs show (lower-case names are read too). The secret is shown only
// this once. Core hands a NewApiKey to its caller and keeps no copy; it cannot be copied by
// accident (move only), and it has no debug output.
struct NewApiKey
{
    QString id;
    QString name;
    QString key;
    QString secret;

    NewApiKey() = default;
    NewApiKey(NewApiKey &&) = default;
    NewApiKey &operator=(NewApiKey &&) = default;
    NewApiKey(const NewApiKey &) = delete;
    NewApiKey &operator=(const NewApiKey &) = delete;

    bool isValid() const { return !id.isEmpty() && !key.isEmpty() && !secret.isEmpty(); }

    static NewApiKey fromJson(const QByteArray &body, ApiError *error);
};

// One session of an API key: a refresh-token session started by signing in with the key and
// its secret. The docs do not give the shape of GET …/api_key/:id/sessions, so it is read
// defensively: a JSON list (or an object holding one under "sessions", "data", "items" or
// "results"; an empty body or null is no sessions); entries that are not objects are skipped;
// every field may be missing or mistyped (it is then left unset); several spellings are read.
// What the SMTPD emulator sends (times in seconds, like the key objects):
//   [{"id": "…", "created_at_utc": 1627618270, "expires_at_utc": 1630210270,
//     "last_used_at_utc": 1627619000, "user_agent": "SMTPD-Accounts/1.0",
//     "ip_address": "127.0.0.1", "is_active": true}]
struct ApiKeySession
{
    QString id; // "id" (text or number); may be empty
    QDateTime createdAt; // "created_at_utc", "created_at", "created"
    QDateTime expiresAt; // "expires_at_utc", "expires_at", "expires"
    QDateTime lastUsedAt; // "last_used_at_utc", "last_accessed_at_utc", "last_used_at", "last_used"
    QString userAgent; // "user_agent", "userAgent"
    QString ipAddress; // "ip_address", "ip", "ipAddress"
    std::optional<bool> isActive; // "is_active", "active"; unset when the server does not say

    static QList<ApiKeySession> listFromJson(const QByteArray &body, ApiError *error);
    // One entry; never fails (a field it cannot read stays unset).
    static ApiKeySession fromJsonObject(const QJsonObject &object);

    friend bool operator==(const ApiKeySession &a, const ApiKeySession &b);
};

} // namespace Smtpd

Q_DECLARE_METATYPE(Smtpd::ApiKey)
Q_DECLARE_METATYPE(Smtpd::ApiKeySession)
