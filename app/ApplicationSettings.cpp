// The Settings dialog's side of Application: it opens from the account window and the tray,
// lists the servers the accounts sign in to, and applies a server's new CA file at once.
#include "AccountWindow.h"
#include "Application.h"
#include "SettingsDialog.h"
#include "TokenClipboard.h"
#include "TrayIcon.h"
#include "accounts/AccountManager.h"
#include "api/ServerConfig.h"
#include "auth/StoredSession.h" // serverOrigin()
#include "auth/TokenStore.h"
#include "settings/Preferences.h"

#include <QMap>

namespace Smtpd {

namespace {
// How long a start in the tray waits for a tray that is not there yet (a desktop starting).
constexpr int TrayStartWaitMs = 30000;
} // namespace

// The preferences reach what they govern; Settings… opens the dialog.
void Application::connectSettings()
{
    m_clipboard->setClearAfterSeconds(m_preferences->clipboardClearSeconds());
    connect(m_preferences, &Preferences::clipboardClearSecondsChanged, m_clipboard,
        &TokenClipboard::setClearAfterSeconds);
    connect(m_tray, &TrayIcon::settingsRequested, this, &Application::showSettings);
    connect(m_accountWindow, &AccountWindow::settingsRequested, this, &Application::showSettings);
    connect(m_accounts, &AccountManager::listChanged, this, &Application::updateSettingsServers);
}

// --minimized (start at login) or the setting starts in the tray, when there is one, or when
// one appears soon (the tray's availabilityChanged()).
void Application::startInTrayIfAsked()
{
    const bool minimized = m_options.minimized || m_preferences->startMinimized();
    m_hiddenToTray = minimized && m_tray->isShown();
    if (minimized && !m_tray->isShown())
        m_trayStartDeadline = QDeadlineTimer(TrayStartWaitMs);
}

void Application::showSettings()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(m_preferences, &m_autostart);
        m_settingsDialog->setTokenStorage(m_store->displayName());
        connect(m_settingsDialog, &SettingsDialog::caFileChosen, this,
            &Application::onServerCaFileChosen);
    }
    m_settingsDialog->setTrayAvailable(m_tray->isShown());
    updateSettingsServers();
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
}

// The servers of the accounts, in the list's order, and the server the app was started for
// (where a new account signs in) even before an account exists there.
void Application::updateSettingsServers()
{
    if (!m_settingsDialog)
        return;
    QList<KnownServer> servers;
    QMap<QString, qsizetype> rowOf;
    for (const Account *account : m_accounts->accounts()) {
        const QString origin = account->origin();
        if (!rowOf.contains(origin)) {
            rowOf.insert(origin, servers.size());
            servers.append({origin, account->server().toString(), account->record().caFile, 0});
        }
        ++servers[rowOf.value(origin)].accounts;
    }
    const QString launchOrigin = serverOrigin(m_options.apiUrl);
    if (!rowOf.contains(launchOrigin))
        servers.append({launchOrigin, m_options.apiUrl.toString(), m_options.caFile, 0});
    m_settingsDialog->setServers(servers);
}

void Application::onServerCaFileChosen(const QString &origin, const QString &caFile)
{
    QList<QSslCertificate> authorities;
    if (!caFile.isEmpty()) {
        if (const QString problem = loadCaCertificates(caFile, &authorities); !problem.isEmpty()) {
            m_settingsDialog->showServerProblem(problem);
            return;
        }
    }
    m_settingsDialog->showServerProblem(QString());
    m_accounts->setCertificateAuthority(origin, caFile, authorities);
    updateSettingsServers();
}

} // namespace Smtpd
