#pragma once

#include "../api/Profile.h"
#include "../api/TokenGrant.h"

#include <QDateTime>
#include <QString>
#include <QUrl>

namespace Smtpd {

// Everything one account's session needs to survive a restart, kept as one small JSON blob
// in the keychain so that a save is a single atomic write. The profile travels with it so
// the window can show who is signed in before any network call. A session belongs to the
// server origin that granted it: the origin is part of its storage key and of the item, and
// its tokens are never sent anywhere else.
struct StoredSession
{
    // The item's format. An item of a newer format is left alone (a downgrade must not wipe
    // the session); one of format 1 has no origin (see isLegacy()).
    static constexpr int FormatVersion = 2;

    QString origin; // "https://host[:port]" of the server that granted the tokens
    QString account; // the email (or API key) the user signed in with
    QString refreshToken;
    QString accessToken;
    QDateTime accessExpiresAt; // server clock (expires_at)
    qint64 accessLifetimeMs = 0; // expires_at - Date of the answer that handed the token out
    qint64 clockSkewMs = 0; // server clock minus local clock, measured at the last answer
    QDateTime grantedAt; // server clock: when the password grant happened (30-day limit)
    Profile profile;

    bool isValid() const { return !refreshToken.isEmpty() && !account.isEmpty(); }
    // Written by a version that did not record the server (format 1).
    bool isLegacy() const { return origin.isEmpty(); }
    // When the access token expires, in the local clock.
    QDateTime localAccessExpiry() const { return accessExpiresAt.addMSecs(-clockSkewMs); }
    // When the refresh token dies for good (granted-at + 30 days), in the local clock.
    QDateTime localSessionEnd() const;
    // The key this item is stored under.
    QString storageKey() const;

    enum class Decoded { Ok, Unreadable, NewerFormat };
    QByteArray toJson() const;
    static Decoded fromJson(const QByteArray &json, StoredSession *session);
};

inline constexpr qint64 RefreshTokenLifespanMs = 30LL * 24 * 60 * 60 * 1000;

// "https://host[:port]" (port only when not 443; host lower-cased): what a session is tied to.
QString serverOrigin(const QUrl &url);
// The production server's origin: the only one a format-1 item (no origin) can belong to.
QString productionOrigin();

// The name an account is known by without revealing a credential. An email is used as it is
// (trimmed, lower-cased); an API key is itself a credential (it alone authenticates API
// calls), so it is replaced by an opaque hash that can sit in settings and item names.
QString principalFor(const QString &account);

// The keychain item of (server origin, account): "<origin>/<principal>". Format-1 items
// were stored under the principal alone.
QString storageKeyFor(const QString &origin, const QString &account);

} // namespace Smtpd
