// The Settings dialog's side of Application: it opens from the account window and the tray,
// lists the servers the accounts sign in to, and applies a server's new CA file at once.
#include "Application.h"
#include "SettingsDialog.h"
#include "TrayIcon.h"
#include "accounts/AccountManager.h"
#include "api/ServerConfig.h"
#include "auth/TokenStore.h"
#include "settings/Preferences.h"

#include <QMap>

namespace Smtpd {

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
    const QUrl launch = m_options.apiUrl;
    const QString launchOrigin = launch
                                     .adjusted(QUrl::RemovePath | QUrl::RemoveQuery
                                         | QUrl::RemoveFragment | QUrl::StripTrailingSlash)
                                     .toString();
    bool launchListed = false;
    for (const KnownServer &server : std::as_const(servers))
        launchListed = launchListed
            || QUrl(server.origin)
                   .matches(launch,
                       QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                           | QUrl::StripTrailingSlash);
    if (!launchListed)
        servers.append({launchOrigin, launch.toString(), m_options.caFile, 0});
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
