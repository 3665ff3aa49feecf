// The tray's tooltip: its words for one account or several, and when they next change.
// (The icon and its menu: TrayIcon.cpp.)
#include "DurationText.h"
#include "TrayIcon.h"

#include <QLocale>

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
    return ms < MinuteMs ? TrayIcon::tr("less than a minute") : durationText(ms);
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

// An account's line in the tooltip of several: its state and its token's countdown.
QString accountLine(const TrayAccount &account, const QDateTime &now)
{
    const TraySummary &s = account.summary;
    QString line = account.isDefault
        ? TrayIcon::tr("%1 (default): %2").arg(account.label, s.headline)
        : TrayIcon::tr("%1: %2").arg(account.label, s.headline);
    if (s.accessTokenExpiry.isValid())
        line += now < s.accessTokenExpiry
            ? TrayIcon::tr(", access token %1 left")
                  .arg(minutesLeftText(now.msecsTo(s.accessTokenExpiry)))
            : TrayIcon::tr(", access token expired");
    return line;
}

} // namespace

QString trayTooltip(const TraySummary &s, const QDateTime &now)
{
    QStringList lines {QStringLiteral("SMTPD Accounts \u2013 %1").arg(s.headline)};
    if (!s.who.isEmpty())
        lines << s.who;
    if (s.accessTokenExpiry.isValid())
        lines << (now < s.accessTokenExpiry
                ? TrayIcon::tr("Access token: %1 left")
                      .arg(minutesLeftText(now.msecsTo(s.accessTokenExpiry)))
                : TrayIcon::tr("Access token: expired"));
    if (s.sessionEnd.isValid())
        lines << TrayIcon::tr("Session: %1 left")
                     .arg(now < s.sessionEnd ? minutesLeftText(now.msecsTo(s.sessionEnd))
                                             : durationText(0));
    if (s.offlineSince.isValid())
        lines << TrayIcon::tr("Offline since %1")
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

QString trayTooltip(const QList<TrayAccount> &accounts, const QDateTime &now)
{
    if (accounts.size() <= 1)
        return trayTooltip(accounts.value(0).summary, now);
    QStringList lines {QStringLiteral("SMTPD Accounts")};
    for (const TrayAccount &account : accounts)
        lines << accountLine(account, now);
    return lines.join(QLatin1Char('\n'));
}

qint64 msecsToTooltipChange(const QList<TrayAccount> &accounts, const QDateTime &now)
{
    if (accounts.size() <= 1)
        return msecsToTooltipChange(accounts.value(0).summary, now);
    // Each line counts down its access token only.
    qint64 soonest = -1;
    for (const TrayAccount &account : accounts) {
        const QDateTime &end = account.summary.accessTokenExpiry;
        const qint64 next = end.isValid() ? msecsToNextChange(now.msecsTo(end)) : -1;
        if (next >= 0 && (soonest < 0 || next < soonest))
            soonest = next;
    }
    return soonest;
}

} // namespace Smtpd
