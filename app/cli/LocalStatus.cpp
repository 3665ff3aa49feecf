#include "LocalStatus.h"

#include "LocalAccounts.h"
#include "accounts/Account.h"
#include "auth/TokenStore.h"
#include "broker/AccountEntry.h"

#include <QDateTime>

namespace Smtpd::Cli {

LocalStatus::LocalStatus(const LocalAccounts *accounts, const QList<Account *> &which,
    TokenStore *store, const Done &done, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_which(which)
    , m_store(store)
    , m_done(done)
    , m_entries(which.size())
{ }

void LocalStatus::start()
{
    m_pending = int(m_which.size());
    for (qsizetype i = 0; i < m_which.size(); ++i) {
        const Account *account = m_which.at(i);
        StoreJob *job = m_store->load(account->id());
        connect(job, &StoreJob::finished, this, [this, job, i, account] {
            job->deleteLater();
            QJsonObject entry = Broker::accountEntry(
                account->record(), account->displayName(), m_accounts->isDefault(account));
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const StoreError &error = job->error();
            const StoredSession &stored = job->session();
            QString state = QStringLiteral("signed_out");
            QDateTime accessExpiry, sessionEnd;
            if (error && error.kind != StoreError::Kind::Corrupt
                && error.kind != StoreError::Kind::NewerFormat) {
                state = QStringLiteral("keychain_unavailable");
                m_keychainProblem = error.message;
            } else if (!error && job->found() && stored.isValid()
                && stored.origin == account->origin()) {
                sessionEnd = stored.localSessionEnd();
                accessExpiry = stored.localAccessExpiry();
                state = sessionEnd > now ? QStringLiteral("active") : QStringLiteral("expired");
            }
            Broker::addSessionStatus(
                &entry, state, accessExpiry, sessionEnd, m_store->storageName(), now);
            m_entries[i] = entry;
            --m_pending;
            finishIfDone();
        });
    }
    finishIfDone();
}

void LocalStatus::finishIfDone()
{
    if (m_pending != 0)
        return;
    m_pending = -1; // once
    QJsonArray entries;
    for (const QJsonObject &entry : std::as_const(m_entries))
        entries.append(entry);
    const QString problem = m_keychainProblem;
    QMetaObject::invokeMethod(
        this, [this, entries, problem] { m_done(entries, problem); }, Qt::QueuedConnection);
}

} // namespace Smtpd::Cli
