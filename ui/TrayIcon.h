#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QIcon>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRect>
#include <QTimer>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace Smtpd {

// What the tray shows: a summary of the session, set by the app on every change.
struct TraySummary
{
    enum class Look { Active, Refreshing, Offline, Attention, SignedOut };
    Look look = Look::SignedOut;
    QString who; // "Dana Demo <demo@example.com>"; empty when signed out
    QString headline; // "Signed in", "Offline", "Signed out — sign in again"…
    QDateTime accessTokenExpiry; // local; invalid when none
    QDateTime sessionEnd;
    QDateTime offlineSince;
    bool canCopy = false;
    bool canRefresh = false;
    bool canSignOut = false;
};

// One account in the tray: its summary, and what tells it apart from the others.
struct TrayAccount
{
    QString id; // handed back with each action's signal
    QString label; // "demo@example.com", the title of its submenu
    bool isDefault = false; // exactly one in a non-empty list
    TraySummary summary;
};

QString trayTooltip(const TraySummary &summary, const QDateTime &now);
// How long until trayTooltip()'s words next change (a minute goes by in one of its
// countdowns); -1 when they stay as they are.
qint64 msecsToTooltipChange(const TraySummary &summary, const QDateTime &now);
// The tooltip for several accounts: with one, exactly trayTooltip(its summary); with more,
// "SMTPD Accounts", then a line per account in the list's order: "<label> (default):
// <headline>, access token 12 min left" (no countdown without a token).
QString trayTooltip(const QList<TrayAccount> &accounts, const QDateTime &now);
// How long until those words next change: the soonest over all the accounts' lines.
qint64 msecsToTooltipChange(const QList<TrayAccount> &accounts, const QDateTime &now);
// Whether an account other than the default one needs the person: Offline, or Attention (its
// session ended, or its keychain failed). One the person signed out of does not.
bool otherAccountNeedsAttention(const QList<TrayAccount> &accounts);

// The system-tray icon: an icon per state (shapes differ, not colour alone), a tooltip that
// tells the state at a glance, a menu with the actions that make sense now, and
// notifications. With several accounts the icon is the default account's, marked with a badge
// when another one needs attention; each account has a submenu. A tray that appears after the app
// started, or goes away, is noticed when it happens: nothing here asks every few seconds.
class TrayIcon final : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    // Whether an icon is in a tray right now (else the app behaves as a window app).
    bool isShown() const;
    // Where the icon sits on the screen (empty when it is not shown or the tray does not say).
    QRect geometry() const;
    // The accounts, in the order the menu and tooltip list them. An empty list reads as one
    // signed-out account; the first marked isDefault is the default (the first, if none is).
    void setAccounts(const QList<TrayAccount> &accounts);
    const QList<TrayAccount> &accounts() const { return m_accounts; }
    // Shorthand for one account with an empty id.
    void setSummary(const TraySummary &summary);
    // The default account's summary.
    const TraySummary &summary() const;
    QString toolTip() const;
    // The icon as the tray shows it (also while no tray is there).
    QIcon icon() const { return m_currentIcon; }
    QMenu *menu() const { return m_menu; }
    static QIcon iconFor(TraySummary::Look look);
    // The look's icon with a trouble badge (a "!" in a disc, lower right) when
    // troubleElsewhere; exactly iconFor(look) otherwise.
    static QIcon iconFor(TraySummary::Look look, bool troubleElsewhere);
    // Shows a desktop notification (quietly dropped during the grace period after a resume).
    void notify(const QString &title, const QString &message);
    void beQuietFor(int milliseconds);
    // The notifications shown so far (titles), for the record.
    const QStringList &shownNotifications() const { return m_shown; }
    // Their messages, in the same order.
    const QStringList &shownMessages() const { return m_shownMessages; }

signals:
    void availabilityChanged(bool shown);
    void toggleWindowRequested();
    void openRequested();
    void copyTokenRequested(const QString &accountId);
    void refreshRequested(const QString &accountId);
    void signOutRequested(const QString &accountId);
    void settingsRequested();
    void quitRequested();

private slots:
    // Connected by name to Qt's X11 plugin (see watchForTrayHosts()).
    void ensureIcon();

private:
    // One account's actions: flat in the menu (one account, menu null) or in its submenu.
    struct AccountItems
    {
        QMenu *menu = nullptr;
        QAction *copy = nullptr;
        QAction *refresh = nullptr;
        QAction *signOut = nullptr;
        int look = -1; // the look its submenu's icon shows
    };

    void watchForTrayHosts();
    void refreshTooltip();
    // Makes the menu's account items anew for m_accounts (only when the accounts, their
    // labels or the default change: an open menu would flicker).
    void rebuildAccountItems();
    void updateAccountItems();
    void updateIcon();
    QAction *addAccountAction(QMenu *menu, QAction *before, const QString &text,
        const QString &accountId, void (TrayIcon::*signal)(const QString &));

    QMenu *m_menu;
    QAction *m_open;
    QAction *m_copy; // the default account's, at the top
    QAction *m_settings = nullptr;
    QAction *m_quitSeparator;
    QAction *m_quit;
    QAction *m_accountsSeparator = nullptr; // before the submenus (several accounts)
    QList<AccountItems> m_items; // per account, in m_accounts' order
    QPointer<QSystemTrayIcon> m_icon;
    QIcon m_currentIcon;
    int m_iconKey = -1; // the look and badge m_currentIcon shows
    QList<TrayAccount> m_accounts;
    int m_default = 0;
    QTimer m_tooltipTicker; // one shot, at the next change of the tooltip's words
    QElapsedTimer m_sinceTooltipTick;
    QDateTime m_quietUntil;
    QStringList m_shown;
    QStringList m_shownMessages;
};

} // namespace Smtpd
