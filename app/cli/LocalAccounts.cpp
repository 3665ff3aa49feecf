#include "LocalAccounts.h"

#include "accounts/Account.h"
#include "accounts/AccountLock.h"

#include <QCoreApplication>
#include <QDir>
#include <QLockFile>
#include <QSettings>

#include <functional>

namespace Smtpd::Cli {

namespace {

// How long an edit of the list waits for another command line's edit (a few milliseconds).
constexpr int ListLockWaitMs = 5000;

// Runs `edit` on the freshly read list and saves it, holding the list's lock file.
QString editList(const std::function<void(AccountList *list)> &edit)
{
    const QString folder = AccountLock::defaultFolder();
    QDir().mkpath(folder);
    QFile::setPermissions(
        folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QLockFile lock(folder + QStringLiteral("/accounts-list.lock"));
    if (!lock.tryLock(ListLockWaitMs))
        return QCoreApplication::translate("Smtpd::Cli::LocalAccounts",
            "The list of accounts is being changed by another command; try "
            "again.");
    QSettings settings;
    settings.sync(); // another process may have written it since this one started
    AccountList list = AccountList::load(settings, QUrl(), QString());
    edit(&list);
    list.save(settings);
    settings.sync();
    return settings.status() == QSettings::NoError
        ? QString()
        : QCoreApplication::translate(
            "Smtpd::Cli::LocalAccounts", "The list of accounts could not be saved to %1.")
              .arg(settings.fileName());
}

} // namespace

LocalAccounts::LocalAccounts(
    QNetworkAccessManager *network, const Clock *clock, TokenStore *store, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
    , m_store(store)
{ }

void LocalAccounts::load(const QUrl &launchServer)
{
    QSettings settings;
    const AccountList list = AccountList::load(settings, launchServer, QString());
    m_defaultId = list.defaultId;
    for (const AccountRecord &record : list.records)
        m_accounts.append(new Account(record, {}, m_network, m_clock, m_store, this));
}

bool LocalAccounts::isDefault(const Account *account) const
{
    return account->id() == m_defaultId;
}

LocalAccounts::Match LocalAccounts::find(const QString &name, Account **found) const
{
    *found = nullptr;
    if (name.isEmpty()) {
        for (Account *account : m_accounts)
            if (isDefault(account))
                *found = account;
        if (!*found)
            *found = m_accounts.value(0);
        return *found ? Match::Found : Match::None;
    }
    int matches = 0;
    for (Account *account : m_accounts) {
        if (account->matches(name)) {
            *found = account;
            ++matches;
        }
    }
    if (matches > 1) {
        *found = nullptr;
        return Match::Ambiguous;
    }
    return matches == 1 ? Match::Found : Match::None;
}

QString LocalAccounts::remember(const AccountRecord &record)
{
    return editList([&record](AccountList *list) {
        for (AccountRecord &known : list->records) {
            if (known.id() == record.id()) {
                if (!record.name.isEmpty())
                    known.name = record.name;
                if (!record.caFile.isEmpty())
                    known.caFile = record.caFile;
                return;
            }
        }
        list->records.append(record);
        if (list->records.size() == 1 || list->defaultId.isEmpty())
            list->defaultId = record.id();
    });
}

QString LocalAccounts::forget(const QString &id)
{
    return editList([&id](AccountList *list) {
        list->records.removeIf([&id](const AccountRecord &record) { return record.id() == id; });
        if (list->defaultId == id)
            list->defaultId = list->records.isEmpty() ? QString() : list->records.first().id();
    });
}

} // namespace Smtpd::Cli
