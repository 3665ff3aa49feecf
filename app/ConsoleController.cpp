#include "ConsoleController.h"

#include "AccountWindow.h"
#include "ApiKeysPage.h"
#include "PlanUsagePage.h"
#include "TokenClipboard.h"
#include "accounts/Account.h"
#include "accounts/AccountConsole.h"
#include "api/Role.h"
#include "auth/Session.h"

namespace Smtpd {

namespace {
ApiKeyRow rowFor(const ApiKey &key)
{
    return {key.id, key.name, key.key, key.isActive, key.lastAccessedAt, key.createdAt};
}

PlanFacts factsFor(const Plan &plan)
{
    PlanFacts facts;
    facts.name = plan.name;
    facts.pricePerMonth = plan.pricePerMonth.decimal;
    facts.maxEmailsPerMonth = plan.maxEmailsPerMonth;
    facts.limitEnforced = plan.enforcePlanLimit;
    facts.extraThousandCost = plan.extraThousandEmailsCost.decimal;
    facts.maxSendingProfiles = int(plan.maxSendingProfiles);
    facts.retentionDays = int(plan.maxRetentionDays);
    facts.emailValidation = plan.featureEmailValidation;
    facts.basicReporting = plan.featureBasicReporting;
    facts.advancedReporting = plan.featureAdvanceReporting;
    return facts;
}

UsageFacts factsFor(const Usage &usage)
{
    UsageFacts facts;
    facts.total = usage.total;
    // The documented categories in the docs' order, then any the server added.
    const QStringList documented {QStringLiteral("unknown"), QStringLiteral("accepted"),
        QStringLiteral("proccessed"), QStringLiteral("sent"), QStringLiteral("delivered"),
        QStringLiteral("bounced"), QStringLiteral("complaint"), QStringLiteral("rejected")};
    const qint64 values[] {usage.unknown, usage.accepted, usage.proccessed, usage.sent,
        usage.delivered, usage.bounced, usage.complaint, usage.rejected};
    for (int i = 0; i < documented.size(); ++i)
        facts.categories.append({documented.at(i), values[i]});
    for (auto it = usage.byCategory.cbegin(); it != usage.byCategory.cend(); ++it)
        if (!documented.contains(it.key()) && it.key() != QLatin1String("processed"))
            facts.categories.append({it.key(), it.value()});
    return facts;
}
} // namespace

ConsoleController::ConsoleController(
    AccountWindow *window, TokenClipboard *clipboard, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_clipboard(clipboard)
{
    ApiKeysPage *keys = window->apiKeysPage();
    connect(keys, &ApiKeysPage::refreshRequested, this, &ConsoleController::loadKeys);
    connect(window->planUsagePage(), &PlanUsagePage::refreshRequested, this,
        &ConsoleController::loadPlan);
    connect(window, &AccountWindow::sectionShown, this, [this] { loadShown(); });
    connect(keys, &ApiKeysPage::copyRequested, this, [this](const QString &text, bool) {
        if (!m_account)
            return;
        // A key authenticates on its own, a secret with it: both go as secrets (marked for
        // clipboard managers, cleared after the timeout).
        m_clipboard->copy(text);
        emit copied(m_account->id());
    });
    connect(keys, &ApiKeysPage::createRequested, this,
        [this, keys](const QString &name, const QString &roleId) {
            const std::optional<ApiRole> role = roleFromName(roleId);
            if (!m_account || !role)
                return;
            // The context is the controller, not the account's calls: a switch to another
            // account while the key is being made must not lose its one-time secret.
            m_account->console()->createKey(
                this, name, *role, [keys](NewApiKey created, const ApiError &error) {
                    if (error) {
                        keys->setMessage(
                            tr("The key could not be created: %1").arg(error.userMessage()));
                        return;
                    }
                    keys->setMessage({});
                    // Moved on: the dialog holds the secret's only copy (core kept none).
                    keys->showNewKey(created.name, created.key, std::move(created.secret));
                });
        });
    connect(keys, &ApiKeysPage::revokeRequested, this, [this, keys](const QString &id) {
        if (!m_account)
            return;
        m_account->console()->revokeKey(m_calls, id, [keys](const ApiError &error) {
            keys->setMessage(error ? tr("The key could not be revoked: %1").arg(error.userMessage())
                                   : QString());
        });
    });
    connect(keys, &ApiKeysPage::sessionsRequested, this, [this, keys](const QString &id) {
        if (!m_account)
            return;
        m_account->console()->keySessions(
            m_calls, id, [keys, id](const QList<ApiKeySession> &sessions, const ApiError &error) {
                if (error) {
                    keys->setMessage(
                        tr("The key's sessions could not be loaded: %1").arg(error.userMessage()));
                    return;
                }
                QList<ApiKeySessionRow> rows;
                for (const ApiKeySession &s : sessions)
                    rows.append({s.createdAt, s.expiresAt, s.lastUsedAt, s.userAgent, s.ipAddress,
                        s.isActive.value_or(false)});
                keys->showSessions(id, rows);
            });
    });
}

void ConsoleController::setAccount(Account *account)
{
    if (account == m_account)
        return;
    delete m_calls; // the old account's answers are of no use now
    m_calls = new QObject(this);
    m_account = account;
    m_keysLoaded = m_planLoaded = false;
    m_signedIn = account && account->session()->hasTokens();
    ApiKeysPage *keys = m_window->apiKeysPage();
    keys->setKeys({});
    keys->setMessage({});
    keys->setLoading(false);
    keys->setCanManage(false); // until this account's list says it may
    m_window->planUsagePage()->clear();
    if (account) {
        connect(account->console(), &AccountConsole::keysChanged, m_calls, [this] {
            m_keysLoaded = false;
            loadShown();
        });
        connect(
            account->session(), &Session::stateChanged, m_calls, [this] { onSessionChanged(); });
    }
    loadShown();
}

// Signed in or out (or the session ended): what the tabs show is loaded again.
void ConsoleController::onSessionChanged()
{
    const bool signedIn = m_account && m_account->session()->hasTokens();
    if (signedIn == m_signedIn)
        return;
    m_signedIn = signedIn;
    m_keysLoaded = m_planLoaded = false;
    if (!signedIn) {
        m_window->apiKeysPage()->setKeys({});
        m_window->apiKeysPage()->setCanManage(false);
        m_window->planUsagePage()->clear();
    }
    loadShown();
}

void ConsoleController::loadShown(bool force)
{
    switch (m_window->shownSection()) {
    case AccountWindow::Section::ApiKeys:
        if (force || !m_keysLoaded)
            loadKeys();
        break;
    case AccountWindow::Section::PlanUsage:
        if (force || !m_planLoaded)
            loadPlan();
        break;
    case AccountWindow::Section::Account:
        break;
    }
}

QString ConsoleController::wordsFor(const ApiError &error, const QString &forbidden) const
{
    if (error.isForbidden())
        return forbidden;
    return error.userMessage();
}

void ConsoleController::loadKeys()
{
    ApiKeysPage *page = m_window->apiKeysPage();
    if (!m_account || !m_account->session()->hasTokens()) {
        page->setKeys({});
        page->setMessage(
            m_account ? tr("Sign in to this account to see its API keys.") : QString());
        return;
    }
    m_keysLoaded = true;
    const quint64 generation = ++m_keysGeneration;
    page->setLoading(true);
    m_account->console()->listKeys(
        m_calls, [this, page, generation](const QList<ApiKey> &keys, const ApiError &error) {
            if (generation != m_keysGeneration)
                return; // a newer list is on its way
            page->setLoading(false);
            if (error) {
                m_keysLoaded = false; // the next look tries again
                if (error.isForbidden())
                    page->setCanManage(false);
                page->setKeys({});
                page->setMessage(wordsFor(error,
                    tr("Your role on this account may not see or manage its API keys (the "
                       "server said: %1). Ask the account's owner or an admin.")
                        .arg(error.serverMessage().isEmpty() ? error.userMessage()
                                                             : error.serverMessage())));
                return;
            }
            QList<ApiKeyRow> rows;
            for (const ApiKey &key : keys)
                rows.append(rowFor(key));
            page->setCanManage(true);
            page->setMessage({});
            page->setKeys(rows);
        });
}

void ConsoleController::loadPlan()
{
    PlanUsagePage *page = m_window->planUsagePage();
    if (!m_account || !m_account->session()->hasTokens()) {
        page->setMessage(m_account ? tr("Sign in to this account to see its plan.") : QString());
        return;
    }
    m_planLoaded = true;
    const quint64 generation = ++m_planGeneration;
    auto current = [this, generation] { return generation == m_planGeneration; };
    auto failed = [this, page](const ApiError &error) {
        m_planLoaded = false;
        page->setMessage(wordsFor(error,
            tr("Your role on this account may not see its plan and usage. Ask the account's "
               "owner or an admin.")));
    };
    m_account->console()->plan(
        m_calls, [page, failed, current](const Plan &plan, const ApiError &error) {
            if (!current())
                return;
            if (error)
                return failed(error);
            page->setMessage({});
            page->setPlan(factsFor(plan));
        });
    m_account->console()->usage(
        m_calls, [page, failed, current](const Usage &usage, const ApiError &error) {
            if (!current())
                return;
            if (error)
                return failed(error);
            page->setUsage(factsFor(usage));
        });
}

} // namespace Smtpd
