#pragma once

#include "../api/Profile.h"
#include "../api/TokenGrant.h"

#include <QDateTime>
#include <QString>

namespace Smtpd {

// Everything one account's session needs to survive a restart, kept as one small JSON blob
// in the keychain so that a save is a single atomic write. The profile travels with it so
// the window can show who is signed in before any network call.
struct StoredSession
{
    QString account; // the email (or API key) the user signed in with
    QString refreshToken;
    QString accessToken;
    QDateTime accessExpiresAt; // server clock (expires_at)
    qint64 clockSkewMs = 0; // server clock minus local clock, measured at the last answer
    QDateTime grantedAt; // server clock: when the password grant happened (30-day limit)
    Profile profile;

    bool isValid() const { return !refreshToken.isEmpty() && !account.isEmpty(); }
    // When the access token expires, in the local clock.
    QDateTime localAccessExpiry() const { return accessExpiresAt.addMSecs(-clockSkewMs); }
    // When the refresh token dies for good (granted-at + 30 days), in the local clock.
    QDateTime localSessionEnd() const;

    QByteArray toJson() const;
    // Returns false when the bytes are not a session this app wrote.
    static bool fromJson(const QByteArray &json, StoredSession *session);
};

inline constexpr qint64 RefreshTokenLifespanMs = 30LL * 24 * 60 * 60 * 1000;

// The name a session is stored and remembered under. An email is used as it is; an API key
// is itself a credential (it alone authenticates API calls), so it is replaced by an opaque
// hash that can sit in settings and keychain item names without revealing the key.
QString storageKeyFor(const QString &account);

} // namespace Smtpd
