// AccountWindow: the current account's page (profile, token panel, status, countdowns).
// (The window's make-up: AccountWindow.cpp; the list and the tabs: AccountWindowList.cpp.)
#include "AccountWindow.h"
#include "DurationText.h"
#include "api/Profile.h"

#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTimer>

namespace Smtpd {

namespace {
constexpr qint64 SecondMs = 1000;
constexpr qint64 MinuteMs = 60 * SecondMs;
constexpr qint64 DayMs = 24 * 60 * MinuteMs;
// A tick lands just after the words change, never just before (it would find them unchanged
// and have to tick again).
constexpr qint64 JustAfterMs = 20;

// When durationText() for a countdown of `ms` next changes: each second in the last minute,
// each minute up to 48 h, each day from there. -1 once it is over (the words stay).
qint64 msecsToNextChange(qint64 ms)
{
    if (ms <= 0)
        return -1;
    const qint64 unit = ms < MinuteMs ? SecondMs : ms < 2 * DayMs ? MinuteMs : DayMs;
    return ms % unit + JustAfterMs;
}

// Starts `ticker` for the next change of either countdown's words; stops it when neither will.
void tickAtNextChange(QTimer &ticker, const QDateTime &first, const QDateTime &second)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 soonest = -1;
    for (const QDateTime &end : {first, second}) {
        const qint64 next = end.isValid() ? msecsToNextChange(now.msecsTo(end)) : -1;
        if (next >= 0 && (soonest < 0 || next < soonest))
            soonest = next;
    }
    if (soonest < 0)
        ticker.stop();
    else
        ticker.start(static_cast<int>(qMin(soonest, DayMs)));
}

QString localDate(const QDateTime &utc)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime().date(), QLocale::LongFormat)
                         : AccountWindow::tr("unknown");
}
} // namespace

void AccountWindow::setProfile(const Profile &profile)
{
    m_name->setText(profile.displayName());
    m_email->setText(profile.email);
    QStringList badges;
    badges << (profile.isVerified ? tr("\u2713 Verified") : tr("Not verified"));
    if (profile.isOwner)
        badges << tr("Owner");
    // Until /oauth/me answers, only what the access token tells is known: no badges or dates.
    m_badges->setText(profile.isValid()
            ? badges.join(QStringLiteral("  \u00b7  "))
            : tr("Profile details could not be loaded yet; trying again."));
    m_dates->setVisible(profile.isValid());
    m_accountId->setText(profile.accountId);
    m_accountId->setCursorPosition(0);
    // Wide enough to show the whole id (a UUID), plus the line edit's own inner margins.
    m_accountId->setMinimumWidth(
        m_accountId->fontMetrics().horizontalAdvance(profile.accountId) + 4 * 4);
    m_dates->setText(tr("Member since %1 \u00b7 last updated %2")
                         .arg(localDate(profile.createdAt), localDate(profile.modifiedAt)));
}

void AccountWindow::setExpiries(const QDateTime &accessToken, const QDateTime &session)
{
    m_accessExpiry = accessToken;
    m_sessionExpiry = session;
    updateCountdowns();
}

void AccountWindow::updateCountdowns()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_accessExpiry.isValid()) {
        m_tokenValidity->setText(tr("No access token"));
    } else if (now < m_accessExpiry) {
        m_tokenValidity->setText(
            tr("Access token valid for %1").arg(durationText(now.msecsTo(m_accessExpiry))));
    } else {
        m_tokenValidity->setText(tr("Access token expired; a new one is fetched when needed"));
    }
    m_sessionEnd->setVisible(m_sessionExpiry.isValid());
    if (m_sessionExpiry.isValid())
        m_sessionEnd->setText(
            tr("Session ends in %1").arg(durationText(now.msecsTo(m_sessionExpiry))));
    if (isVisible() && !isMinimized())
        scheduleCountdowns();
    else
        m_ticker->stop();
}

void AccountWindow::scheduleCountdowns()
{
    tickAtNextChange(*m_ticker, m_accessExpiry, m_sessionExpiry);
}

void AccountWindow::setStorage(const QString &where)
{
    m_storage->setText(tr("Tokens are kept in %1.").arg(where));
}

void AccountWindow::setStatus(const QString &status)
{
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
}

void AccountWindow::setBusy(bool busy)
{
    m_refresh->setEnabled(!busy);
    m_signOut->setEnabled(!busy);
}

void AccountWindow::setCopyEnabled(bool enabled)
{
    for (QPushButton *copy : {m_copyToken, m_copyHeader, m_copyCurl})
        copy->setEnabled(enabled);
}

void AccountWindow::setCopyConfirmation(bool shown, int secondsLeft)
{
    m_copyConfirmation->setVisible(shown);
    m_copyConfirmation->setText(secondsLeft > 0
            ? tr("Copied. The clipboard will be cleared in %1 s.").arg(secondsLeft)
            : tr("Copied. It stays on the clipboard until you sign out or quit."));
}

void AccountWindow::setRenewalOffer(const QString &text)
{
    m_renewalText->setText(text);
    m_renewal->setVisible(!text.isEmpty());
}

} // namespace Smtpd
