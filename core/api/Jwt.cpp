#include "Jwt.h"

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

bool decodeJwtClaims(const QString &token, JwtClaims *claims, QString *problem)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty()) {
        *problem = QStringLiteral("it is not a JSON Web Token (it has no three parts)");
        return false;
    }
    QJsonObject header;
    if (!decodeSegment(parts.at(0), &header)) {
        *problem = QStringLiteral("its JWT header is not base64url-encoded JSON");
        return false;
    }
    if (!decodeSegment(parts.at(1), &claims->payload)) {
        *problem = QStringLiteral("its JWT payload is not base64url-encoded JSON");
        return false;
    }
    const QJsonObject &payload = claims->payload;
    claims->subject = payload.value(QStringLiteral("subject"))
                          .toString(payload.value(QStringLiteral("sub")).toString());
    claims->name = payload.value(QStringLiteral("name")).toString();
    claims->accountId = payload.value(QStringLiteral("account_id")).toString();
    const QJsonValue exp = payload.value(QStringLiteral("exp"));
    if (exp.isDouble())
        claims->expiresAt
            = QDateTime::fromSecsSinceEpoch(static_cast<qint64>(exp.toDouble()), Qt::UTC);
    return true;
}

} // namespace Smtpd
