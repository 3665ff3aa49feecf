#pragma once

#include <QString>
#include <QStringList>

// What each role may do on the account endpoints, as the emulator decides it from the docs'
// "Roles & Permissions" (owner: everything; admin: everything but changing the owner role;
// iac: creates resources, no sending; standard: read-only plus sending; read_only;
// send_only):
// - API keys (list, get, sessions, create, revoke): owner and admin only. A key is a
//   credential on its own (HTTP Basic with the key as user name), so even reading the list
//   would hand a read-only principal every other key's powers.
// - Billing (current plan, usage): owner, admin, and the reading roles standard and
//   read_only. Not iac (its resources are sending profiles, web forms, templates) nor
//   send_only.
// - The plan catalogue: every signed-in principal (it is public information; the docs'
//   transport rules still want every call authenticated).
// Anyone else gets 403 {"code": 40300, "message": "..."}.
namespace SmtpdEmulator::Roles {

inline const QStringList &all()
{
    static const QStringList roles {QStringLiteral("owner"), QStringLiteral("admin"),
        QStringLiteral("iac"), QStringLiteral("standard"), QStringLiteral("read_only"),
        QStringLiteral("send_only")};
    return roles;
}

// The roles POST /api/v1/account/api_key accepts: the four its body lists in the docs.
inline const QStringList &forApiKeys()
{
    static const QStringList roles {QStringLiteral("iac"), QStringLiteral("standard"),
        QStringLiteral("read_only"), QStringLiteral("send_only")};
    return roles;
}

inline bool mayManageApiKeys(const QString &role)
{
    return role == QLatin1String("owner") || role == QLatin1String("admin");
}

inline bool mayReadBilling(const QString &role)
{
    return mayManageApiKeys(role) || role == QLatin1String("standard")
        || role == QLatin1String("read_only");
}

// The token answer's "Scope": the docs show ["admin"] for an owner; other roles by name.
inline QString scopeFor(const QString &role)
{
    return role == QLatin1String("owner") ? QStringLiteral("admin") : role;
}

} // namespace SmtpdEmulator::Roles
