#include "AccountEntry.h"

#include "../accounts/Account.h"
#include "../auth/Session.h"
#include "ExitMapping.h"

namespace Smtpd::Broker {

QJsonObject accountEntry(const AccountRecord &record, const QString &displayName, bool isDefault)
{
    // English for scripts: an API key is "API key 3fa2c1" in every language.
    const bool noName = displayName.isEmpty() || displayName == record.who();
    return QJsonObject {{QStringLiteral("account"), record.whoInEnglish()},
        {QStringLiteral("name"), noName ? record.whoInEnglish() : displayName},
        {QStringLiteral("server"), record.server.toString()},
        {QStringLiteral("default"), isDefault}};
}

void addSessionStatus(QJsonObject *entry, const QString &state, const QDateTime &accessExpiry,
    const QDateTime &sessionEnd, const QString &storage, const QDateTime &now)
{
    entry->insert(QStringLiteral("state"), state);
    const qint64 accessLeft = accessExpiry.isValid() ? now.secsTo(accessExpiry) : 0;
    entry->insert(QStringLiteral("accessTokenValidSeconds"), qMax<qint64>(0, accessLeft));
    if (sessionEnd.isValid()) {
        entry->insert(QStringLiteral("sessionEndsAt"),
            sessionEnd.toUTC().toString(Qt::ISODate)); // "…Z"
        entry->insert(
            QStringLiteral("sessionValidSeconds"), qMax<qint64>(0, now.secsTo(sessionEnd)));
    }
    entry->insert(QStringLiteral("storage"), storage);
}

QJsonObject statusEntry(const Account &account, bool isDefault, const QDateTime &now)
{
    QJsonObject entry = accountEntry(account.record(), account.displayName(), isDefault);
    const Session *session = account.session();
    addSessionStatus(&entry, stateName(session->state()), session->accessTokenExpiry(),
        session->sessionEnd(), session->storageName(), now);
    return entry;
}

} // namespace Smtpd::Broker
