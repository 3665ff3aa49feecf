#pragma once

#include "ApiError.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace Smtpd {

// Reads typed fields out of a JSON object strictly. The first missing or mistyped field is
// remembered as a Protocol error that names it; later reads then return defaults, so a parser
// reads all its fields in a row and checks error() once at the end.
class JsonObjectReader
{
    Q_DECLARE_TR_FUNCTIONS(Smtpd::JsonObjectReader)

public:
    // Parses `body` as a JSON object. An empty body, a web page or other text is an error.
    JsonObjectReader(const QByteArray &body, const QString &what);
    explicit JsonObjectReader(const QJsonObject &object, const QString &what);

    QString requiredString(const QString &key);
    QString optionalString(const QString &key); // missing or null reads as empty
    qint64 requiredInteger(const QString &key);
    // A whole number of zero or more (a count, a limit).
    qint64 requiredCount(const QString &key);
    // An identifier sent as text or as a whole number; read as text either way.
    QString requiredId(const QString &key);
    QJsonObject requiredObject(const QString &key);
    bool requiredBool(const QString &key);
    QStringList requiredStringArray(const QString &key);
    QStringList optionalStringArray(const QString &key); // missing or null reads as empty
    // A UTC time given as a number since the epoch. Values below 10^11 are read as seconds,
    // others as milliseconds: the API uses both.
    QDateTime requiredEpochTime(const QString &key);
    QDateTime optionalEpochTime(const QString &key);

    const QJsonObject &object() const { return m_object; }
    const ApiError &error() const { return m_error; }
    bool ok() const { return !m_error; }

    // The sentence used when a body is not JSON at all.
    static QString notJsonMessage(const QString &what);

private:
    bool take(const QString &key, QJsonValue *value);
    // True when the key is missing or null (or an error was already met): optional reads stop.
    bool absent(const QString &key) const;
    // `problem` is marked with QT_TRANSLATE_NOOP: translated in the message, English in the detail.
    void failField(const QString &key, const char *problem);

    QJsonObject m_object;
    QString m_what;
    ApiError m_error;
};

// A time since the epoch as the API sends it: below 10^11 seconds, else milliseconds.
QDateTime utcFromEpoch(qint64 value);

// Parses `body` as a JSON array (a list answer). Anything else sets `error` to a Protocol
// error about `what` and returns an empty array.
QJsonArray parseJsonArray(const QByteArray &body, const QString &what, ApiError *error);

// True when the bytes look like a web page rather than an API answer.
bool looksLikeHtml(const QByteArray &body, const QByteArray &contentType);

// The {"code": 40102, "message": "..."} body of an SMTPD error answer. A body that is not one
// (a proxy's web page, plain text, other JSON) gives code 0 and an empty message.
struct ServerErrorBody
{
    int code = 0;
    QString message; // trimmed, at most 500 characters
};
ServerErrorBody decodeServerErrorBody(const QByteArray &body, const QByteArray &contentType);

} // namespace Smtpd
