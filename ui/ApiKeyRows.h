#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Smtpd {

// What the API keys page shows of one key (no secret: the API never returns it again).
struct ApiKeyRow
{
    QString id;
    QString name;
    QString key; // the key's identifier as the API lists it
    bool active = false;
    QDateTime lastUsed; // invalid: never
    QDateTime created;
};

// One session of a key: a sign-in made with it.
struct ApiKeySessionRow
{
    QDateTime created;
    QDateTime expires;
    QDateTime lastUsed;
    QString userAgent;
    QString ip;
    bool active = false;
};

// The roles a new key can have, with their meaning from the SMTPD documentation.
struct ApiKeyRole
{
    QString id; // as the API spells it: "standard", "read_only"…
    QString title;
    QString meaning;
};
// The roles a key can be created with (the API's own list), worded for people.
QList<ApiKeyRole> apiKeyRoleChoices();

} // namespace Smtpd
