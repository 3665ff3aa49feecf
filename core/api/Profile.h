#pragma once

#include "ApiError.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Smtpd {

// The signed-in user as GET /oauth/me describes them.
struct Profile
{
    QString id;
    QString accountId;
    QString email;
    QString firstName;
    QString surname;
    QString gravatarUrl; // may be empty
    bool isOwner = false;
    bool isVerified = false;
    QDateTime createdAt; // UTC
    QDateTime modifiedAt; // UTC, invalid when the server did not say

    // True for a profile read from GET /oauth/me; false for none, or for one made from the
    // access token's claims while /oauth/me could not be read (see fromAccessToken()).
    bool isValid() const { return !id.isEmpty(); }
    // "First Surname", or the email when the server has no name for the user.
    QString displayName() const;

    static Profile fromJson(const QByteArray &body, ApiError *error);
    // What the access token's claims tell (email, name, account id), to show until
    // /oauth/me answers. Never isValid(), so it is never stored and is fetched again.
    static Profile fromAccessToken(const QString &accessToken);

    friend bool operator==(const Profile &a, const Profile &b);
};

} // namespace Smtpd

Q_DECLARE_METATYPE(Smtpd::Profile)
