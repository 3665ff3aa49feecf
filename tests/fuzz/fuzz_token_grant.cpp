// TokenGrant::fromJson (and through it JsonObjectReader and the JWT decoder) on any bytes: the
// body of a 200 answer of POST /oauth/token.
#include "FuzzSupport.h"
#include "api/HttpDate.h"
#include "api/TokenGrant.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Smtpd;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = Fuzz::bytes(data, size);
    // An hour before the docs' expires_at; and once without a Date header, as that is
    // judged differently.
    const QDateTime serverDate = parseHttpDate("Sun, 07 Apr 2024 22:08:13 GMT");
    const QDateTime receivedAt = QDateTime::fromMSecsSinceEpoch(1712527693000, Qt::UTC);
    const QJsonObject input = QJsonDocument::fromJson(body).object();
    for (const QDateTime &date : {serverDate, QDateTime()}) {
        ApiError error;
        const TokenGrant grant = TokenGrant::fromJson(body, date, receivedAt, &error);
        if (error) {
            Fuzz::check(error.kind() == ApiError::Kind::Protocol, "grant error is not Protocol");
            Fuzz::check(!error.userMessage().isEmpty(), "grant error without a message");
            Fuzz::check(grant.accessToken.isEmpty() && grant.refreshToken.isEmpty(),
                "a refused grant still holds tokens");
            for (const char *key : {"access_token", "refresh_token"}) {
                const QString secret = input.value(QLatin1String(key)).toString();
                Fuzz::checkNotQuoted(error.userMessage(), secret, "grant message quotes a token");
                Fuzz::checkNotQuoted(error.detail(), secret, "grant detail quotes a token");
            }
            continue;
        }
        Fuzz::check(!grant.accessToken.isEmpty() && !grant.refreshToken.isEmpty(),
            "an accepted grant without tokens");
        Fuzz::check(grant.expiresAt.isValid(), "an accepted grant without an expiry");
        Fuzz::check(!date.isValid() || grant.expiresAt > date, "an accepted grant already expired");
        // What Session does with every grant.
        (void)grant.lifetimeMs();
        (void)grant.localExpiry();
    }
    return 0;
}
