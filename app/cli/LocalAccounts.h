#pragma once

#include "accounts/AccountRecord.h"

#include <QList>
#include <QObject>

class QNetworkAccessManager;

namespace Smtpd {
class Account;
class Clock;
class TokenStore;
} // namespace Smtpd

namespace Smtpd::Cli {

// The remembered accounts as the command line sees them when the app is not running: the
// list the app keeps in QSettings, with an Account object per entry whose session is left
// alone until a command restores it (under that account's lock). Edits to the list re-read
// it under a lock of its own, so two command lines at once keep each other's changes.
class LocalAccounts final : public QObject
{
    Q_OBJECT

public:
    LocalAccounts(QNetworkAccessManager *network, const Clock *clock, TokenStore *store,
        QObject *parent = nullptr);

    // Reads the list (the first run ever adopts what older versions remembered, as the app
    // does; `launchServer` plays the app's --api-url there).
    void load(const QUrl &launchServer);

    const QList<Account *> &accounts() const { return m_accounts; }
    bool isDefault(const Account *account) const;

    enum class Match { Found, None, Ambiguous };
    // The account `name` names (Account::matches()), or the default one for an empty name.
    Match find(const QString &name, Account **found) const;
    // Adds `record` to the remembered list, or updates the entry with its id (name, CA file);
    // the first account becomes the default. Returns an error sentence, or empty.
    static QString remember(const AccountRecord &record);
    // Takes the entry `id` out of the list (the first one left becomes the default if it was).
    static QString forget(const QString &id);

private:
    QList<Account *> m_accounts;
    QString m_defaultId;
    QNetworkAccessManager *m_network;
    const Clock *m_clock;
    TokenStore *m_store;
};

} // namespace Smtpd::Cli
