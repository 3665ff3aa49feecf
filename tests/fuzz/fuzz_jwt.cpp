// decodeJwtClaims on any text, and on any bytes as the payload of a well-formed token (so the
// fuzzer spends its time on the JSON, not on finding two dots and base64).
#include "FuzzSupport.h"
#include "api/Jwt.h"
#include "api/Profile.h"

using namespace Smtpd;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

static void decode(const QString &token)
{
    JwtClaims claims;
    QString problem;
    if (!decodeJwtClaims(token, &claims, &problem)) {
        Fuzz::check(!problem.isEmpty(), "a refused token without a reason");
        Fuzz::checkNotQuoted(problem, token, "the reason quotes the token");
        for (const QString &part : token.split(QLatin1Char('.')))
            Fuzz::checkNotQuoted(problem, part, "the reason quotes part of the token");
    }
    // What the window shows until /oauth/me answers.
    Fuzz::check(!Profile::fromAccessToken(token).isValid(), "a token made a valid profile");
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    decode(QString::fromUtf8(input));
    decode(QStringLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.")
        + QString::fromLatin1(
            input.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
        + QStringLiteral(".c2lnbmF0dXJl"));
    return 0;
}
