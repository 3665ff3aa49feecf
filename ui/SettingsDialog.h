#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace Smtpd {

class Autostart;
class Preferences;

// One server the accounts sign in to, as the Settings dialog lists it.
struct KnownServer
{
    QString origin; // the accounts' server origin: what a CA file change applies to
    QString server; // the API's base URL, as shown
    QString caFile; // empty: the system's certificate authorities only
    int accounts = 0;
};

// Settings (accessible name "Settings"): how long a copied token stays on the clipboard, start
// at login, start minimized, the servers known with their CA files, and where the tokens are
// kept (shown, not a choice). Every change applies at once; there is only Close.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(Preferences *preferences, const Autostart *autostart, QWidget *parent = nullptr);

    void setServers(const QList<Smtpd::KnownServer> &servers);
    // "the system keyring (Secret Service)": TokenStore::displayName().
    void setTokenStorage(const QString &where);
    // Without a tray, "start minimized" cannot hide the window: the dialog says so.
    void setTrayAvailable(bool available);
    // The CA file chosen for a server could not be used (empty: no problem).
    void showServerProblem(const QString &message);

signals:
    // A CA file for every account on `origin`; empty: the system's authorities only.
    void caFileChosen(const QString &origin, const QString &caFile);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void syncAutostart();
    void onAutostartToggled(bool enabled);
    void chooseCaFile();
    void updateServerButtons();
    QString selectedOrigin() const;
    static void showProblem(QLabel *label, const QString &message);

    Preferences *m_preferences;
    const Autostart *m_autostart;
    QSpinBox *m_clearAfter;
    QCheckBox *m_startAtLogin;
    QCheckBox *m_startMinimized;
    QLabel *m_startNote;
    QLabel *m_startProblem;
    QTreeWidget *m_servers;
    QPushButton *m_chooseCaFile;
    QPushButton *m_systemCertificates;
    QLabel *m_serverProblem;
    QLabel *m_storage;
    bool m_trayAvailable = true;
};

} // namespace Smtpd
