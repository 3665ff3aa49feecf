#include "Jwt.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace Smtpd {

static bool decodeSegment(const QString &segment, QJsonObject *object)
{
    const auto decoded = QByteArray::fromBase64Encoding(segment.toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    *object = document.object();
    return true;
}

// 9999-12-31T23:59:59Z. "exp" beyond it is no date the app can show, and a double far beyond
// it does not fit the integer it is converted to (undefined behaviour; found by fuzz_jwt).
constexpr double MaxNumericDate = 253402300799.0;

bool decodeJwtClaims(const QString &token, JwtClaims *claims, QString *problem)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty()) {
        *problem = QCoreApplication::translate(
            "Smtpd::JsonObjectReader", "it is not a JSON Web Token (it has no three parts)");
        return false;
    }
    QJsonObject header;
    if (!decodeSegment(parts.at(0), &header)) {
        *problem = QCoreApplication::translate(
            "Smtpd::JsonObjectReader", "its JWT header is not base64url-encoded JSON");
        return false;
    }
    // Built afresh, so claims the caller's object held for another token never stay behind.
    JwtClaims decoded;
    if (!decodeSegment(parts.at(1), &decoded.payload)) {
        *problem = QCoreApplication::translate(
            "Smtpd::JsonObjectReader", "its JWT payload is not base64url-encoded JSON");
        return false;
    }
    const QJsonObject &payload = decoded.payload;
    decoded.subject = payload.value(QStringLiteral("subject"))
                          .toString(payload.value(QStringLiteral("sub")).toString());
    decoded.name = payload.value(QStringLiteral("name")).toString();
    decoded.accountId = payload.value(QStringLiteral("account_id")).toString();
    // A NumericDate: seconds, possibly with a fraction (dropped). NaN fails both comparisons.
    const double exp = payload.value(QStringLiteral("exp")).toDouble(-1);
    if (exp >= 0 && exp <= MaxNumericDate)
        decoded.expiresAt = QDateTime::fromSecsSinceEpoch(static_cast<qint64>(exp), Qt::UTC);
    *claims = decoded;
    return true;
}

} // namespace Smtpd
