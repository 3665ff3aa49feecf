#include "Role.h"

namespace Smtpd {

QString roleName(ApiRole role)
{
    switch (role) {
    case ApiRole::Owner:
        return QStringLiteral("owner");
    case ApiRole::Admin:
        return QStringLiteral("admin");
    case ApiRole::Iac:
        return QStringLiteral("iac");
    case ApiRole::Standard:
        return QStringLiteral("standard");
    case ApiRole::ReadOnly:
        return QStringLiteral("read_only");
    case ApiRole::SendOnly:
        return QStringLiteral("send_only");
    }
    return {};
}

std::optional<ApiRole> roleFromName(const QString &name)
{
    for (ApiRole role : {ApiRole::Owner, ApiRole::Admin, ApiRole::Iac, ApiRole::Standard,
             ApiRole::ReadOnly, ApiRole::SendOnly})
        if (roleName(role) == name)
            return role;
    return std::nullopt;
}

bool isApiKeyRole(ApiRole role)
{
    return apiKeyRoles().contains(role);
}

QList<ApiRole> apiKeyRoles()
{
    return {ApiRole::Iac, ApiRole::Standard, ApiRole::ReadOnly, ApiRole::SendOnly};
}

} // namespace Smtpd
