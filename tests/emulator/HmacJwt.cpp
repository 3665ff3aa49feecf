#include "HmacJwt.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>

namespace SmtpdEmulator {

static QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray signJwt(const QJsonObject &payload, const QByteArray &key)
{
    const QByteArray header = base64Url(R"({"alg":"HS256","typ":"JWT"})");
    const QByteArray body = base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QByteArray signingInput = header + '.' + body;
    const QByteArray signature
        = QMessageAuthenticationCode::hash(signingInput, key, QCryptographicHash::Sha256);
    return signingInput + '.' + base64Url(signature);
}

bool verifyJwt(const QByteArray &token, const QByteArray &key, QJsonObject *payload)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return false;
    const QByteArray expected = base64Url(QMessageAuthenticationCode::hash(
        parts.at(0) + '.' + parts.at(1), key, QCryptographicHash::Sha256));
    if (expected != parts.at(2))
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(
        parts.at(1), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded);
    if (!document.isObject())
        return false;
    *payload = document.object();
    return true;
}

} // namespace SmtpdEmulator
