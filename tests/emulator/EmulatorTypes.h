#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace SmtpdEmulator {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// An API key given in the users file (or the demo users), beside those created through
// POST /api/v1/account/api_key.
struct ApiKeyCredential
{
    QString key;
    QString secret;
    QString name; // empty: "<key>"
    QString role = QStringLiteral("standard"); // one of the four an API key may have
    QString id; // empty: a new UUID
};

struct User
{
    QString id;
    QString accountId;
    QString email;
    QString password;
    QString firstName;
    QString surname;
    QString gravatarUrl;
    // owner, admin, iac, standard, read_only or send_only (see Roles.h); the users file's
    // "role", else owner for an owner and admin for anyone else.
    QString role = QStringLiteral("owner");
    bool isOwner = true;
    bool isVerified = true;
    qint64 createdAtMs = 1598610725000;
    qint64 modifiedAtMs = 1598610725000;
    bool hasPicture = false; // whether /avatar/<hash> has a picture for this user
    QList<ApiKeyCredential> apiKeys;
    // The account's billing (shared by every user of the account; the last user that sets
    // it wins): a plan of the catalogue (BillingService) and the last 30 days' emails by
    // category. Empty: the free plan, no emails.
    QString planId;
    QMap<QString, qint64> usage;
};

// Who is calling: a user (signed in with their password) or an API key (signed in with its
// secret, or by HTTP Basic with the key as user name), and the role that decides what it may
// do.
struct Principal
{
    const User *user = nullptr; // the key's owner for an API key
    QString keyId; // empty for a user
    QString role;
    explicit operator bool() const { return user != nullptr; }
};

// The client a request came from, for a session's record.
struct ClientInfo
{
    QString userAgent;
    QString address;
};

// One HTTP answer, before it is written to the socket.
struct Response
{
    int status = 200;
    HeaderList headers;
    QByteArray body;
};

// What the emulator saw: never a secret, only what tests need to assert on.
struct RecordedRequest
{
    QByteArray method;
    QString path;
    QString query;
    QString authScheme; // "Basic", "Bearer", another scheme, or empty when none was sent
    QString contentType;
    QString host; // the Host header, so tests can tell which origin a request reached
    int status = 0; // 0 when the connection was dropped without an answer
};

// A deliberate misbehaviour, for the next `count` matching requests (-1 = until cleared).
struct Fault
{
    enum class Kind {
        Drop, // close the connection without answering ("down")
        Slow, // answer normally, but only after delayMs
        Status, // answer with `status`, `body` and `headers`
        MalformedJson, // 200 with JSON that ends half-way
        HugeBody, // 200 with a body of hugeBytes, streamed
        TruncatedBody, // the real answer, cut off half-way through its body
        Redirect, // 307 to redirectTarget + the request's path and query
        HtmlPage, // 200 with a captive-portal style web page
    };
    Fault(Kind faultKind = Kind::Status)
        : kind(faultKind)
    { }

    Kind kind;
    QStringList pathPrefixes; // empty: every path
    int count = -1;
    int delayMs = 0;
    int status = 503;
    QByteArray body;
    HeaderList headers;
    QUrl redirectTarget;
    qint64 hugeBytes = 64LL * 1024 * 1024;
};

} // namespace SmtpdEmulator
