#include "JsonObjectReader.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace Smtpd {

namespace {
constexpr double MaxSafeInteger = 9007199254740991.0; // 2^53 - 1: exact in a JSON double
constexpr qint64 SecondsThreshold = 100000000000LL; // 10^11
} // namespace

bool looksLikeHtml(const QByteArray &body, const QByteArray &contentType)
{
    if (contentType.toLower().contains("html"))
        return true;
    const QByteArray start = body.left(512).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html")
        || start.startsWith("<head") || start.startsWith("<body");
}

ServerErrorBody decodeServerErrorBody(const QByteArray &body, const QByteArray &contentType)
{
    ServerErrorBody result;
    if (looksLikeHtml(body, contentType))
        return result;
    const QJsonObject object = JsonObjectReader(body, QStringLiteral("error")).object();
    const QJsonValue code = object.value(QStringLiteral("code"));
    const QJsonValue message = object.value(QStringLiteral("message"));
    if (code.isDouble())
        result.code = code.toInt();
    if (message.isString())
        result.message = message.toString().trimmed().left(500);
    return result;
}

QJsonArray parseJsonArray(const QByteArray &body, const QString &what, ApiError *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isArray()) {
        *error = {};
        return document.array();
    }
    const QString detail = parseError.error != QJsonParseError::NoError
        ? QStringLiteral("JSON error at offset %1: %2")
              .arg(parseError.offset)
              .arg(parseError.errorString())
        : QStringLiteral("the JSON value is not a list");
    *error = ApiError::protocol(QCoreApplication::translate("Smtpd::JsonObjectReader",
                                    "The server's %1 could not be read: it is not a JSON list.")
                                    .arg(what),
        detail);
    return {};
}

QString JsonObjectReader::notJsonMessage(const QString &what)
{
    return tr("The server's %1 could not be read: it is not a JSON object.").arg(what);
}

JsonObjectReader::JsonObjectReader(const QByteArray &body, const QString &what)
    : m_what(what)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        const QString detail = parseError.error != QJsonParseError::NoError
            ? QStringLiteral("JSON error at offset %1: %2")
                  .arg(parseError.offset)
                  .arg(parseError.errorString())
            : QStringLiteral("the JSON value is not an object");
        m_error = ApiError::protocol(notJsonMessage(what), detail);
        return;
    }
    m_object = document.object();
}

JsonObjectReader::JsonObjectReader(const QJsonObject &object, const QString &what)
    : m_object(object)
    , m_what(what)
{ }

void JsonObjectReader::failField(const QString &key, const char *problem)
{
    if (m_error)
        return;
    //: %1 is what was read ("sign-in answer", "list of plans"), %2 a field's name, %3 what is
    //: wrong with it ("is missing", "should be text")
    m_error
        = ApiError::protocol(tr("The server's %1 could not be read: the field \u201c%2\u201d %3.")
                                 .arg(m_what, key, tr(problem)),
            QStringLiteral("field %1: %2").arg(key, QLatin1String(problem)));
}

bool JsonObjectReader::take(const QString &key, QJsonValue *value)
{
    if (m_error)
        return false;
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd()) {
        failField(key, QT_TRANSLATE_NOOP("Smtpd::JsonObjectReader", "is missing"));
        return false;
    }
    *value = it.value();
    return true;
}

QString JsonObjectReader::requiredString(const QString &key)
{
    QJsonValue value;
    if (!take(key, &value))
        return {};
    if (!value.isString()) {
        failField(key, QT_TRANSLATE_NOOP("Smtpd::JsonObjectReader", "should be text"));
        return {};
    }
    return value.toString();
}

bool JsonObjectReader::absent(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    return m_error || value.isUndefined() || value.isNull();
}

QString JsonObjectReader::optionalString(const QString &key)
{
    return absent(key) ? QString() : requiredString(key);
}

qint64 JsonObjectReader::requiredInteger(const QString &key)
{
    QJsonValue value;
    if (!take(key, &value))
        return 0;
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || !std::isfinite(number) || std::trunc(number) != number
        || std::fabs(number) > MaxSafeInteger) {
        failField(key, QT_TRANSLATE_NOOP("Smtpd::JsonObjectReader", "should be a whole number"));
        return 0;
    }
    return static_cast<qint64>(number);
}

qint64 JsonObjectReader::requiredCount(const QString &key)
{
    const qint64 value = requiredInteger(key);
    if (!m_error && value < 0) {
        failField(key, QT_TRANSLATE_NOOP("Smtpd::JsonObjectReader", "should be zero or more"));
        return 0;
    }
    return value;
}

QString JsonObjectReader::requiredId(const QString &key)
{
    QJsonValue value;
    if (!take(key, &value))
        return {};
    if (value.isString())
        return value.toString();
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || !std::isfinite(number) || std::trunc(number) != number
        || std::fabs(number) > MaxSafeInteger) {
        failField(
            key, QT_TRANSLATE_NOOP("Smtpd::JsonObjectReader", "should be text or a whole number"));
        return {};
    }
    return QString::number(static_cast<qint64>(number));
}

QJsonObject JsonObjectReader::requiredObject(const QString &key)
{
    QJsonValue value;
    if (!take(key, &value))
        return {};
    if (!value.isObject()) {
        failField(key, QT_TRANSLATE_NOOP("Smtpd::JsonObjectReader", "should be an object"));
        return {};
    }
    return value.toObject();
}

bool JsonObjectReader::requiredBool(const QString &key)
{
    QJsonValue value;
    if (!take(key, &value))
        return false;
    if (!value.isBool()) {
        failField(key, QT_TRANSLATE_NOOP("Smtpd::JsonObjectReader", "should be true or false"));
        return false;
    }
    return value.toBool();
}

QStringList JsonObjectReader::requiredStringArray(const QString &key)
{
    QJsonValue value;
    if (!take(key, &value))
        return {};
    if (!value.isArray()) {
        failField(key, QT_TRANSLATE_NOOP("Smtpd::JsonObjectReader", "should be a list of text"));
        return {};
    }
    QStringList result;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString()) {
            failField(
                key, QT_TRANSLATE_NOOP("Smtpd::JsonObjectReader", "should be a list of text"));
            return {};
        }
        result.append(item.toString());
    }
    return result;
}

QStringList JsonObjectReader::optionalStringArray(const QString &key)
{
    return absent(key) ? QStringList() : requiredStringArray(key);
}

QDateTime utcFromEpoch(qint64 value)
{
    const qint64 millis = std::llabs(value) < SecondsThreshold ? value * 1000 : value;
    return QDateTime::fromMSecsSinceEpoch(millis, Qt::UTC);
}

QDateTime JsonObjectReader::requiredEpochTime(const QString &key)
{
    const qint64 value = requiredInteger(key);
    if (m_error)
        return {};
    if (value < 0) {
        failField(key, QT_TRANSLATE_NOOP("Smtpd::JsonObjectReader", "should be a time after 1970"));
        return {};
    }
    return utcFromEpoch(value);
}

QDateTime JsonObjectReader::optionalEpochTime(const QString &key)
{
    return absent(key) ? QDateTime() : requiredEpochTime(key);
}

} // namespace Smtpd
