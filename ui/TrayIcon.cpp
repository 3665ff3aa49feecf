#include "TrayIcon.h"

#include "DurationText.h"

#include <QAction>
#include <QDBusConnection>
#include <QDBusServiceWatcher>
#include <QGuiApplication>
#include <QLocale>
#include <QMenu>
#include <QSystemTrayIcon>

namespace Smtpd {

namespace {
constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 DayMs = 24 * 60 * MinuteMs;
// A tick lands just after the words change, never just before (it would find them unchanged
// and have to tick again).
constexpr qint64 JustAfterMs = 20;

// The tooltip counts down in whole minutes (its last minute is one), so that it changes at
// most once a minute: it is not looked at often enough to be worth waking up every second.
QString minutesLeftText(qint64 ms)
{
    return ms < MinuteMs ? QObject::tr("less than a minute") : durationText(ms);
}

// When the words for a countdown of `ms` next change: durationText() counts minutes up to
// 48 h and days from there; the last minute is one. -1 once it is over (the words stay).
qint64 msecsToNextChange(qint64 ms)
{
    if (ms <= 0)
        return -1;
    if (ms < MinuteMs)
        return ms + JustAfterMs;
    return ms % (ms >= 2 * DayMs ? DayMs : MinuteMs) + JustAfterMs;
}
} // namespace

QString trayTooltip(const TraySummary &s, const QDateTime &now)
{
    QStringList lines {QStringLiteral("SMTPD Accounts \u2013 %1").arg(s.headline)};
    if (!s.who.isEmpty())
        lines << s.who;
    if (s.accessTokenExpiry.isValid())
        lines << (now < s.accessTokenExpiry
                ? QObject::tr("Access token: %1 left")
                      .arg(minutesLeftText(now.msecsTo(s.accessTokenExpiry)))
                : QObject::tr("Access token: expired"));
    if (s.sessionEnd.isValid())
        lines << QObject::tr("Session: %1 left")
                     .arg(now < s.sessionEnd ? minutesLeftText(now.msecsTo(s.sessionEnd))
                                             : durationText(0));
    if (s.offlineSince.isValid())
        lines << QObject::tr("Offline since %1")
                     .arg(QLocale().toString(
                         s.offlineSince.toLocalTime().time(), QLocale::ShortFormat));
    return lines.join(QLatin1Char('\n'));
}

qint64 msecsToTooltipChange(const TraySummary &s, const QDateTime &now)
{
    qint64 soonest = -1;
    for (const QDateTime &end : {s.accessTokenExpiry, s.sessionEnd}) {
        const qint64 next = end.isValid() ? msecsToNextChange(now.msecsTo(end)) : -1;
        if (next >= 0 && (soonest < 0 || next < soonest))
            soonest = next;
    }
    return soonest;
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

    m_tooltipTicker.setSingleShot(true);
    // It fires once a minute at most, at the moment the words change, not a little before.
    m_tooltipTicker.setTimerType(Qt::PreciseTimer);
    connect(&m_tooltipTicker, &QTimer::timeout, this, [this] {
        m_sinceTooltipTick.start();
        refreshTooltip();
    });
    watchForTrayHosts();
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

// At login the tray host may start after us, and it may restart. Both kinds of tray say when
// they come and go, so the app waits to be told instead of asking every few seconds.
void TrayIcon::watchForTrayHosts()
{
    // StatusNotifierItem trays (KDE, GNOME's AppIndicator extension, most panels) register
    // this name on the session bus.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        auto *watcher = new QDBusServiceWatcher(QStringLiteral("org.kde.StatusNotifierWatcher"),
            bus, QDBusServiceWatcher::WatchForOwnerChange, this);
        connect(watcher, &QDBusServiceWatcher::serviceOwnerChanged, this, &TrayIcon::ensureIcon);
    }
    // XEmbed trays (the freedesktop system tray) own a manager selection, which Qt's X11
    // plugin already follows; it says when the tray window changes through a signal of its
    // native interface. That class is private API: the signal is looked up by name, and the
    // pointer taken as the QObject it is (its only base, at the same address).
    if (QGuiApplication::platformName() != QLatin1String("xcb"))
        return;
    auto *native = reinterpret_cast<QObject *>(QGuiApplication::platformNativeInterface());
    if (native && native->metaObject()->indexOfSignal("systemTrayWindowChanged(QScreen*)") >= 0)
        connect(native, SIGNAL(systemTrayWindowChanged(QScreen *)), this, SLOT(ensureIcon()));
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
        m_tooltipTicker.stop();
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
    if (!m_icon) {
        m_tooltipTicker.stop();
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_icon->setToolTip(trayTooltip(m_summary, now));
    qint64 next = msecsToTooltipChange(m_summary, now);
    if (next < 0) {
        m_tooltipTicker.stop();
        return;
    }
    // Two countdowns changing out of step (the token's and the session's last two days)
    // would wake it twice a minute: the later one waits for the next minute.
    if (m_sinceTooltipTick.isValid())
        next = qMax(next, MinuteMs - m_sinceTooltipTick.elapsed());
    m_tooltipTicker.start(static_cast<int>(qMin(next, DayMs)));
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
