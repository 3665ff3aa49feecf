#pragma once

#include <QPixmap>
#include <QString>

namespace Smtpd {

// One account as the account window's list shows it. The window shows what it is given:
// the app decides the words and the badge.
struct AccountListEntry
{
    QString id;
    QString name; // display name, e.g. "Dana Demo"
    QString who; // the email, or for an API-key sign-in a label like "API key 3fa2c1"
    QString server; // empty for the production server, else "https://host:port"
    QString stateText; // "Signed in", "Offline", "Signed out"…
    enum class Badge { Active, Busy, Offline, Attention, SignedOut } badge = Badge::SignedOut;
    bool isDefault = false;
    QPixmap avatar; // may be null: then initials are drawn
    QString avatarHash; // for the initials colour
};

} // namespace Smtpd
