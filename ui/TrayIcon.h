#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QIcon>
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

QString trayTooltip(const TraySummary &summary, const QDateTime &now);
// How long until trayTooltip()'s words next change (a minute goes by in one of its
// countdowns); -1 when they stay as they are.
qint64 msecsToTooltipChange(const TraySummary &summary, const QDateTime &now);

// The system-tray icon: an icon per state (shapes differ, not colour alone), a tooltip that
// tells the state at a glance, a menu with the actions that make sense now, and
// notifications. A tray that appears after the app started, or goes away, is noticed when it
// happens: nothing here asks every few seconds.
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
    void setSummary(const TraySummary &summary);
    const TraySummary &summary() const { return m_summary; }
    QString toolTip() const;
    QMenu *menu() const { return m_menu; }
    static QIcon iconFor(TraySummary::Look look);
    // Shows a desktop notification (quietly dropped during the grace period after a resume).
    void notify(const QString &title, const QString &message);
    void beQuietFor(int milliseconds);
    // The notifications shown so far (titles), for the record.
    const QStringList &shownNotifications() const { return m_shown; }

signals:
    void availabilityChanged(bool shown);
    void toggleWindowRequested();
    void openRequested();
    void copyTokenRequested();
    void refreshRequested();
    void signOutRequested();
    void quitRequested();

private slots:
    // Connected by name to Qt's X11 plugin (see watchForTrayHosts()).
    void ensureIcon();

private:
    void watchForTrayHosts();
    void refreshTooltip();

    QMenu *m_menu;
    QAction *m_open;
    QAction *m_copy;
    QAction *m_refresh;
    QAction *m_signOut;
    QAction *m_quit;
    QPointer<QSystemTrayIcon> m_icon;
    TraySummary m_summary;
    QTimer m_tooltipTicker; // one shot, at the next change of the tooltip's words
    QElapsedTimer m_sinceTooltipTick;
    QDateTime m_quietUntil;
    QStringList m_shown;
};

} // namespace Smtpd
