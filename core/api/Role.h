#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Smtpd {

// The roles of SMTPD principals (users and API keys), from the docs' "Roles & Permissions":
// owner (everything; the sign-up user), admin (everything but changing the owner role), iac
// (creates resources, no sending), standard (read-only plus sending), read_only, send_only.
enum class ApiRole { Owner, Admin, Iac, Standard, ReadOnly, SendOnly };

// The role as the API spells it: "owner", "admin", "iac", "standard", "read_only", "send_only".
QString roleName(ApiRole role);
// The role the API's spelling names; nothing for an unknown one.
std::optional<ApiRole> roleFromName(const QString &name);
// Whether an API key may be created with `role`: the docs' POST body lists iac, standard,
// read_only and send_only (a key is never an owner or an admin).
bool isApiKeyRole(ApiRole role);
// Those four, in the docs' order.
QList<ApiRole> apiKeyRoles();

} // namespace Smtpd
