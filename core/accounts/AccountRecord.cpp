#include "AccountRecord.h"

#include "../api/ServerConfig.h"
#include "../auth/StoredSession.h"

#include <QCoreApplication>
#include <QSettings>

namespace Smtpd {

namespace {
const QString ListGroup = QStringLiteral("accounts");
const QString DefaultKey = QStringLiteral("defaultAccount");
// What version 1 and 2 remembered (see AccountList::load()).
const QString LastAccountGroup = QStringLiteral("lastAccount");
const QString LegacyLastAccountKey = QStringLiteral("account/last");
const QString ApiKeyPrefix = QStringLiteral("api-key-");
} // namespace

QString AccountRecord::origin() const
{
    return serverOrigin(server);
}

QString AccountRecord::id() const
{
    return origin() + QLatin1Char('/') + principal;
}

bool AccountRecord::isProductionServer() const
{
    return origin() == productionOrigin();
}

bool AccountRecord::isApiKey() const
{
    return principal.startsWith(ApiKeyPrefix);
}

//: %1 is a short, non-secret fingerprint of the key (not the key itself)
constexpr const char *ApiKeyWho = QT_TRANSLATE_NOOP("Smtpd::AccountRecord", "API key %1");

QString AccountRecord::who() const
{
    if (isApiKey())
        return QCoreApplication::translate("Smtpd::AccountRecord", ApiKeyWho)
            .arg(principal.mid(ApiKeyPrefix.size(), 6));
    return principal;
}

QString AccountRecord::whoInEnglish() const
{
    if (isApiKey())
        return QString::fromUtf8(ApiKeyWho).arg(principal.mid(ApiKeyPrefix.size(), 6));
    return principal;
}

QString AccountRecord::translatedWho(const QString &whoInEnglish)
{
    const QString english = QString::fromUtf8(ApiKeyWho);
    const QString prefix = english.left(english.indexOf(QLatin1String("%1")));
    if (!whoInEnglish.startsWith(prefix) || whoInEnglish.contains(QLatin1Char('@')))
        return whoInEnglish;
    return QCoreApplication::translate("Smtpd::AccountRecord", ApiKeyWho)
        .arg(whoInEnglish.mid(prefix.size()));
}

AccountList AccountList::load(
    QSettings &settings, const QUrl &current, const QString &currentCaFile)
{
    AccountList list;
    if (settings.contains(ListGroup + QStringLiteral("/size"))) {
        const int count = settings.beginReadArray(ListGroup);
        for (int i = 0; i < count; ++i) {
            settings.setArrayIndex(i);
            AccountRecord record;
            record.server = QUrl(settings.value(QStringLiteral("server")).toString());
            record.principal = settings.value(QStringLiteral("principal")).toString();
            record.name = settings.value(QStringLiteral("name")).toString();
            record.caFile = settings.value(QStringLiteral("caFile")).toString();
            // A hand-edited or damaged entry is skipped rather than sending tokens anywhere odd.
            if (!validateApiUrl(record.server).isEmpty() || record.principal.isEmpty())
                continue;
            bool duplicate = false;
            for (const AccountRecord &seen : std::as_const(list.records))
                duplicate = duplicate || seen.id() == record.id();
            if (!duplicate)
                list.records.append(record);
        }
        settings.endArray();
        list.defaultId = settings.value(DefaultKey).toString();
    } else {
        const QString currentOrigin = serverOrigin(current);
        auto adopt = [&](const QString &origin, const QString &principal) {
            if (origin.isEmpty() || principal.isEmpty()
                || !origin.startsWith(QLatin1String("https://")))
                return;
            AccountRecord record;
            // Remembered as typed by the oldest version; a key's is a hash already.
            record.principal
                = principal.contains(QLatin1Char('@')) ? principalFor(principal) : principal;
            record.server = QUrl(origin);
            if (origin == currentOrigin) {
                record.server = current;
                record.caFile = currentCaFile;
            }
            for (const AccountRecord &seen : std::as_const(list.records))
                if (seen.id() == record.id())
                    return;
            // The account of the server the app runs for goes first and is the default.
            if (origin == currentOrigin)
                list.records.prepend(record);
            else
                list.records.append(record);
        };
        settings.beginGroup(LastAccountGroup);
        const QStringList keys = settings.childKeys();
        settings.endGroup();
        for (const QString &key : keys)
            adopt(QUrl::fromPercentEncoding(key.toLatin1()),
                settings.value(LastAccountGroup + QLatin1Char('/') + key).toString());
        adopt(productionOrigin(), settings.value(LegacyLastAccountKey).toString());
        if (!list.records.isEmpty())
            list.defaultId = list.records.first().id();
        list.adopted = !list.records.isEmpty();
        list.save(settings); // adopted once: from now on the list is the record
    }
    bool defaultListed = false;
    for (const AccountRecord &record : std::as_const(list.records))
        defaultListed = defaultListed || record.id() == list.defaultId;
    if (!defaultListed)
        list.defaultId = list.records.isEmpty() ? QString() : list.records.first().id();
    return list;
}

void AccountList::save(QSettings &settings) const
{
    settings.remove(ListGroup);
    settings.beginWriteArray(ListGroup, int(records.size()));
    for (int i = 0; i < records.size(); ++i) {
        settings.setArrayIndex(i);
        const AccountRecord &record = records.at(i);
        settings.setValue(QStringLiteral("server"), record.server.toString());
        settings.setValue(QStringLiteral("principal"), record.principal);
        settings.setValue(QStringLiteral("name"), record.name);
        settings.setValue(QStringLiteral("caFile"), record.caFile);
    }
    settings.endArray();
    // Written even for an empty list: it marks the adoption of older versions' data as done.
    settings.setValue(ListGroup + QStringLiteral("/size"), int(records.size()));
    if (defaultId.isEmpty())
        settings.remove(DefaultKey);
    else
        settings.setValue(DefaultKey, defaultId);
}

} // namespace Smtpd
