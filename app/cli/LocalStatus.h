#pragma once

#include "CliResult.h"

#include <QJsonArray>
#include <QList>
#include <QObject>

namespace Smtpd {
class Account;
class TokenStore;
} // namespace Smtpd

namespace Smtpd::Cli {

class LocalAccounts;

// `status` without the app: each account's entry from what its keychain item holds, read
// without touching the session (no restore, no refresh, so no lock is needed). A session is
// "active" while its item holds one (a refresh is made when a token is asked for), "expired"
// past its 30 days, "signed_out" without an item, "keychain_unavailable" when it could not
// be read.
class LocalStatus final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const QJsonArray &entries, const QString &keychainProblem)>;

    LocalStatus(const LocalAccounts *accounts, const QList<Account *> &which, TokenStore *store,
        const Done &done, QObject *parent = nullptr);
    void start();

private:
    void finishIfDone();

    const LocalAccounts *m_accounts;
    QList<Account *> m_which;
    TokenStore *m_store;
    Done m_done;
    QList<QJsonObject> m_entries;
    int m_pending = 0;
    QString m_keychainProblem;
};

} // namespace Smtpd::Cli
