#include "TrayIcon.h"

#include "DurationText.h"

#include <QAction>
#include <QLocale>
#include <QMenu>
#include <QSystemTrayIcon>

namespace Smtpd {

QString trayTooltip(const TraySummary &s, const QDateTime &now)
{
    QStringList lines {QStringLiteral("SMTPD Accounts \u2013 %1").arg(s.headline)};
    if (!s.who.isEmpty())
        lines << s.who;
    if (s.accessTokenExpiry.isValid())
        lines << (now < s.accessTokenExpiry
                ? QObject::tr("Access token: %1 left")
                      .arg(durationText(now.msecsTo(s.accessTokenExpiry)))
                : QObject::tr("Access token: expired"));
    if (s.sessionEnd.isValid())
        lines << QObject::tr("Session: %1 left").arg(durationText(now.msecsTo(s.sessionEnd)));
    if (s.offlineSince.isValid())
        lines << QObject::tr("Offline since %1")
                     .arg(QLocale().toString(
                         s.offlineSince.toLocalTime().time(), QLocale::ShortFormat));
    return lines.join(QLatin1Char('\n'));
}

QIcon TrayIcon::iconFor(TraySummary::Look look)
{
    switch (look) {
    case TraySummary::Look::Active:
        return QIcon(QStringLiteral(":/icons/tray-active.svg"));
    case TraySummary::Look::Refreshing:
        return QIcon(QStringLiteral(":/icons/tray-refreshing.svg"));
    case TraySummary::Look::Offline:
        return QIcon(QStringLiteral(":/icons/tray-offline.svg"));
    case TraySummary::Look::Attention:
        return QIcon(QStringLiteral(":/icons/tray-attention.svg"));
    case TraySummary::Look::SignedOut:
        return QIcon(QStringLiteral(":/icons/tray-signed-out.svg"));
    }
    return {};
}

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
    , m_menu(new QMenu)
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_open = m_menu->addAction(tr("&Open SMTPD Accounts"), this, &TrayIcon::openRequested);
    m_menu->addSeparator();
    m_copy = m_menu->addAction(tr("&Copy access token"), this, &TrayIcon::copyTokenRequested);
    m_refresh = m_menu->addAction(tr("&Refresh now"), this, &TrayIcon::refreshRequested);
    m_signOut = m_menu->addAction(tr("Sign &out"), this, &TrayIcon::signOutRequested);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
    m_open->setObjectName(QStringLiteral("trayOpen"));
    m_copy->setObjectName(QStringLiteral("trayCopy"));
    m_refresh->setObjectName(QStringLiteral("trayRefresh"));
    m_signOut->setObjectName(QStringLiteral("traySignOut"));
    m_quit->setObjectName(QStringLiteral("trayQuit"));

    // At login the tray host may start after us: keep looking for it.
    m_trayWatch.setInterval(2000);
    connect(&m_trayWatch, &QTimer::timeout, this, &TrayIcon::ensureIcon);
    m_trayWatch.start();
    m_tooltipTicker.setInterval(30 * 1000);
    connect(&m_tooltipTicker, &QTimer::timeout, this, &TrayIcon::refreshTooltip);
    m_tooltipTicker.start();
    ensureIcon();
    setSummary({});
}

TrayIcon::~TrayIcon()
{
    delete m_icon;
    delete m_menu;
}

bool TrayIcon::isShown() const
{
    return m_icon && m_icon->isVisible();
}

QRect TrayIcon::geometry() const
{
    return isShown() ? m_icon->geometry() : QRect();
}

void TrayIcon::ensureIcon()
{
    const bool available = QSystemTrayIcon::isSystemTrayAvailable();
    if (available && !m_icon) {
        m_icon = new QSystemTrayIcon(iconFor(m_summary.look), this);
        m_icon->setContextMenu(m_menu);
        connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                // A click toggles the window. A double-click (a habit from other desktops)
                // starts with a click that hides it, so its second half brings it back.
                if (reason == QSystemTrayIcon::Trigger)
                    emit toggleWindowRequested();
                else if (reason == QSystemTrayIcon::DoubleClick)
                    emit openRequested();
            });
        connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayIcon::openRequested);
        refreshTooltip();
        m_icon->show();
        emit availabilityChanged(true);
    } else if (!available && m_icon) {
        delete m_icon;
        emit availabilityChanged(false);
    }
}

void TrayIcon::setSummary(const TraySummary &summary)
{
    m_summary = summary;
    m_copy->setEnabled(summary.canCopy);
    m_refresh->setEnabled(summary.canRefresh);
    m_signOut->setEnabled(summary.canSignOut);
    if (m_icon)
        m_icon->setIcon(iconFor(summary.look));
    refreshTooltip();
}

QString TrayIcon::toolTip() const
{
    return trayTooltip(m_summary, QDateTime::currentDateTimeUtc());
}

void TrayIcon::refreshTooltip()
{
    if (m_icon)
        m_icon->setToolTip(toolTip());
}

void TrayIcon::beQuietFor(int milliseconds)
{
    m_quietUntil = QDateTime::currentDateTimeUtc().addMSecs(milliseconds);
}

void TrayIcon::notify(const QString &title, const QString &message)
{
    if (!m_icon || (m_quietUntil.isValid() && QDateTime::currentDateTimeUtc() < m_quietUntil))
        return;
    m_shown.append(title);
    m_icon->showMessage(title, message, QSystemTrayIcon::Information, 10000);
}

} // namespace Smtpd
