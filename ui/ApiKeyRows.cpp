#include "ApiKeyRows.h"

#include "api/Role.h"

#include <QCoreApplication>

namespace Smtpd {

QList<ApiKeyRole> apiKeyRoleChoices()
{
    auto tr
        = [](const char *text) { return QCoreApplication::translate("Smtpd::ApiKeyRole", text); };
    // Most useful first; each with its meaning from the docs' "Roles & Permissions".
    const QList<std::pair<ApiRole, ApiKeyRole>> words {
        {ApiRole::Standard, {{}, tr("Standard"), tr("Read everything and send email.")}},
        {ApiRole::SendOnly, {{}, tr("Send only"), tr("Send email, nothing else.")}},
        {ApiRole::ReadOnly, {{}, tr("Read only"), tr("Read everything, change nothing.")}},
        {ApiRole::Iac,
            {{}, tr("Infrastructure as code"),
                tr("Create resources — sending profiles, web forms, templates — but "
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
