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

    bool isValid() const { return !id.isEmpty(); }
    // "First Surname", or the email when the server has no name for the user.
    QString displayName() const;

    static Profile fromJson(const QByteArray &body, ApiError *error);

    friend bool operator==(const Profile &a, const Profile &b);
};

} // namespace Smtpd

Q_DECLARE_METATYPE(Smtpd::Profile)
