#include "ApiKeyRows.h"

#include <QCoreApplication>

namespace Smtpd {

QList<ApiKeyRole> apiKeyRoles()
{
    auto tr
        = [](const char *text) { return QCoreApplication::translate("Smtpd::ApiKeyRole", text); };
    // The roles of the SMTPD documentation ("Roles & Permissions"); `owner` belongs to the
    // person who signed up and is never given to a key.
    return {
        {QStringLiteral("standard"), tr("Standard"), tr("Read everything and send email.")},
        {QStringLiteral("send_only"), tr("Send only"), tr("Send email, nothing else.")},
        {QStringLiteral("read_only"), tr("Read only"), tr("Read everything, change nothing.")},
        {QStringLiteral("iac"), tr("Infrastructure as code"),
            tr("Create resources — sending profiles, web forms, templates — but send no email.")},
        {QStringLiteral("admin"), tr("Admin"), tr("Everything except changing the owner's role.")},
    };
}

} // namespace Smtpd
