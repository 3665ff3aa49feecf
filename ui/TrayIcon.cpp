#include "TrayIcon.h"

#include "DurationText.h"

#include <QAction>
#include <QDBusConnection>
#include <QDBusServiceWatcher>
#include <QGuiApplication>
#include <QIconEngine>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

#include <algorithm>

namespace Smtpd {

namespace {
constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 DayMs = 24 * 60 * MinuteMs;
// The first account marked default, else the first (-1 for none).
int defaultIndex(const QList<TrayAccount> &accounts)
{
    for (int i = 0; i < accounts.size(); ++i) {
        if (accounts.at(i).isDefault)
            return i;
    }
    return accounts.isEmpty() ? -1 : 0;
}

// Another account's trouble, marked on the default account's icon: a red disc with a white
// "!" and a white rim in the lower-right corner, painted (not scaled from a pixmap) at
// whatever size the tray asks for.
class TroubleBadgeEngine final : public QIconEngine
{
public:
    explicit TroubleBadgeEngine(const QIcon &base)
        : m_base(base)
    { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        m_base.paint(painter, rect, Qt::AlignCenter, mode, state);
        const qreal side = qMin(rect.width(), rect.height());
        if (side <= 0)
            return;
        // Whole pixels, even sizes: the disc, the "!" and its dot sit on the pixel grid, so that
        // even a 16 px icon shows a sharp mark.
        const qreal diameter = 2 * qRound(side * 0.3);
        const QRectF square(rect.x() + (rect.width() - side) / 2,
            rect.y() + (rect.height() - side) / 2, side, side);
        const QRectF disc(
            square.right() - diameter, square.bottom() - diameter, diameter, diameter);
        const qreal rim = qMax(1, qRound(diameter * 0.08));
        const qreal stroke = 2 * qMax(1, qRound(diameter * 0.1));
        const qreal left = disc.center().x() - stroke / 2;
        const QRectF bar(
            left, disc.top() + qRound(diameter * 0.19), stroke, qRound(diameter * 0.34));
        const QRectF dot(left, bar.bottom() + qMax(1, qRound(diameter * 0.08)), stroke, stroke);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xff, 0xff, 0xff));
        painter->drawEllipse(disc);
        painter->setBrush(QColor(0xcf, 0x22, 0x2e));
        painter->drawEllipse(disc.adjusted(rim, rim, -rim, -rim));
        painter->setBrush(QColor(0xff, 0xff, 0xff));
        painter->drawRoundedRect(bar, stroke / 4, stroke / 4);
        painter->drawEllipse(dot);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(), size), mode, state);
        return pixmap;
    }

    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return m_base.availableSizes(mode, state);
    }

    QString key() const override { return QStringLiteral("SmtpdTroubleBadge"); }
    QIconEngine *clone() const override { return new TroubleBadgeEngine(m_base); }

private:
    QIcon m_base;
};
} // namespace

bool otherAccountNeedsAttention(const QList<TrayAccount> &accounts)
{
    using Look = TraySummary::Look;
    const int defaultAt = defaultIndex(accounts);
    for (int i = 0; i < accounts.size(); ++i) {
        const Look look = accounts.at(i).summary.look;
        // Signed out by the person is no trouble; a session that ended (Attention) is.
        if (i != defaultAt && (look == Look::Offline || look == Look::Attention))
            return true;
    }
    return false;
}

QIcon TrayIcon::iconFor(TraySummary::Look look, bool troubleElsewhere)
{
    return troubleElsewhere ? QIcon(new TroubleBadgeEngine(iconFor(look))) : iconFor(look);
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
    // The default account's, first: the one most often wanted. The accounts' own items go
    // between it and the separator before Quit (rebuildAccountItems()).
    m_copy = m_menu->addAction(tr("&Copy access token"), this,
        [this] { emit copyTokenRequested(m_accounts.value(m_default).id); });
    m_quitSeparator = m_menu->addSeparator();
    m_settings = m_menu->addAction(tr("&Settings\u2026"), this, &TrayIcon::settingsRequested);
    m_settings->setObjectName(QStringLiteral("traySettings"));
    m_quit = m_menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
    m_open->setObjectName(QStringLiteral("trayOpen"));
    m_copy->setObjectName(QStringLiteral("trayCopy"));
    m_quit->setObjectName(QStringLiteral("trayQuit"));

    m_tooltipTicker.setSingleShot(true);
    // It fires once a minute at most, at the moment the words change, not a little before.
    m_tooltipTicker.setTimerType(Qt::PreciseTimer);
    connect(&m_tooltipTicker, &QTimer::timeout, this, [this] {
        m_sinceTooltipTick.start();
        refreshTooltip();
    });
    setSummary({});
    watchForTrayHosts();
    ensureIcon();
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
        m_icon = new QSystemTrayIcon(m_currentIcon, this);
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
    setAccounts({TrayAccount {QString(), QString(), true, summary}});
}

const TraySummary &TrayIcon::summary() const
{
    return m_accounts.at(m_default).summary;
}

void TrayIcon::setAccounts(const QList<TrayAccount> &accounts)
{
    QList<TrayAccount> next = accounts;
    if (next.isEmpty())
        next.append(TrayAccount {QString(), QString(), true, TraySummary()});
    const int defaultAt = defaultIndex(next);
    for (int i = 0; i < next.size(); ++i)
        next[i].isDefault = i == defaultAt;
    const auto sameItem = [](const TrayAccount &a, const TrayAccount &b) {
        return a.id == b.id && a.label == b.label && a.isDefault == b.isDefault;
    };
    const bool sameItems = !m_items.isEmpty()
        && std::equal(m_accounts.cbegin(), m_accounts.cend(), next.cbegin(), next.cend(), sameItem);
    m_accounts = next;
    m_default = defaultAt;
    if (!sameItems)
        rebuildAccountItems();
    updateAccountItems();
    updateIcon();
    refreshTooltip();
}

void TrayIcon::updateIcon()
{
    const TraySummary::Look look = m_accounts.at(m_default).summary.look;
    const bool trouble = otherAccountNeedsAttention(m_accounts);
    const int key = int(look) * 2 + (trouble ? 1 : 0);
    if (key == m_iconKey)
        return;
    m_iconKey = key;
    m_currentIcon = iconFor(look, trouble);
    if (m_icon)
        m_icon->setIcon(m_currentIcon);
}

QString TrayIcon::toolTip() const
{
    return trayTooltip(m_accounts, QDateTime::currentDateTimeUtc());
}

void TrayIcon::refreshTooltip()
{
    if (!m_icon) {
        m_tooltipTicker.stop();
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_icon->setToolTip(trayTooltip(m_accounts, now));
    qint64 next = msecsToTooltipChange(m_accounts, now);
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
    m_shownMessages.append(message);
    m_icon->showMessage(title, message, QSystemTrayIcon::Information, 10000);
}

} // namespace Smtpd
