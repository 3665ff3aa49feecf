#include "ApiKeyRows.h"

#include "api/Role.h"

#include <QCoreApplication>

namespace Smtpd {

QList<ApiKeyRole> apiKeyRoleChoices()
{
    // Most useful first; each with its meaning from the docs' "Roles & Permissions". The
    // context is spelt out in each call: lupdate reads the literals, and a free function has
    // no class to lend it one.
    const QList<std::pair<ApiRole, ApiKeyRole>> words {
        {ApiRole::Standard,
            {{}, QCoreApplication::translate("ApiKeyRole", "Standard"),
                QCoreApplication::translate("ApiKeyRole", "Read everything and send email.")}},
        {ApiRole::SendOnly,
            {{}, QCoreApplication::translate("ApiKeyRole", "Send only"),
                QCoreApplication::translate("ApiKeyRole", "Send email, nothing else.")}},
        {ApiRole::ReadOnly,
            {{}, QCoreApplication::translate("ApiKeyRole", "Read only"),
                QCoreApplication::translate("ApiKeyRole", "Read everything, change nothing.")}},
        {ApiRole::Iac,
            {{}, QCoreApplication::translate("ApiKeyRole", "Infrastructure as code"),
                QCoreApplication::translate("ApiKeyRole",
                    "Create resources — sending profiles, web forms, templates — but "
                    "send no email.")}},
    };
    QList<ApiKeyRole> choices;
    for (const auto &[role, choice] : words) {
        if (!apiKeyRoles().contains(role))
            continue; // only what the API lets a key be
        ApiKeyRole named = choice;
        named.id = roleName(role);
        choices.append(named);
    }
    return choices;
}

} // namespace Smtpd
