#include "AccountUi.h"

#include "AccountListEntry.h"
#include "AppOptions.h"
#include "SessionPresenter.h"
#include "TrayIcon.h"
#include "accounts/Account.h"
#include "auth/Session.h"
#include "avatar/AvatarFetcher.h"

#include <QPixmap>

namespace Smtpd {

AccountUi::AccountUi(
    Account *account, QNetworkAccessManager *network, const AppOptions &options, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_presenter(new SessionPresenter(account->session(), this))
    , m_avatars(new AvatarFetcher(network, options.avatarUrl, options.caCertificates, this))
{
    connect(m_avatars, &AvatarFetcher::pictureReady, this,
        [this](const QByteArray &bytes) { setPicture(bytes); });
    connect(m_avatars, &AvatarFetcher::noPicture, this, [this] {
        if (!m_picture.isEmpty())
            setPicture({});
    });
}

QString AccountUi::label() const
{
    const QString name = m_account->displayName();
    const QString who = m_account->who();
    QString label = name == who ? name : QStringLiteral("%1 (%2)").arg(name, who);
    if (!m_account->record().isProductionServer()) {
        const QUrl server = m_account->server();
        //: An account's label off the production server: "Dana Demo (demo@example.com) on
        //: staging.example:8443"
        label = tr("%1 on %2:%3").arg(label, server.host()).arg(server.port(443));
    }
    return label;
}

static AccountListEntry::Badge badgeFor(TraySummary::Look look)
{
    switch (look) {
    case TraySummary::Look::Active:
        return AccountListEntry::Badge::Active;
    case TraySummary::Look::Refreshing:
        return AccountListEntry::Badge::Busy;
    case TraySummary::Look::Offline:
        return AccountListEntry::Badge::Offline;
    case TraySummary::Look::Attention:
        return AccountListEntry::Badge::Attention;
    case TraySummary::Look::SignedOut:
        break;
    }
    return AccountListEntry::Badge::SignedOut;
}

AccountListEntry AccountUi::listEntry(bool isDefault) const
{
    const TraySummary summary = m_presenter->traySummary();
    AccountListEntry entry;
    entry.id = m_account->id();
    entry.name = m_account->displayName();
    entry.who = m_account->who();
    if (!m_account->record().isProductionServer())
        entry.server = m_account->origin();
    entry.stateText = summary.headline;
    entry.badge = badgeFor(summary.look);
    entry.isDefault = isDefault;
    if (!m_picture.isEmpty())
        entry.avatar = m_pixmap;
    const QString email = m_account->session()->profile().email;
    entry.avatarHash = emailHash(email.isEmpty() ? m_account->who() : email);
    return entry;
}

TrayAccount AccountUi::trayAccount(bool isDefault) const
{
    TrayAccount tray;
    tray.id = m_account->id();
    tray.label = label();
    tray.isDefault = isDefault;
    tray.summary = m_presenter->traySummary();
    return tray;
}

// Decoded once here: the list asks for the picture on every state change.
void AccountUi::setPicture(const QByteArray &bytes)
{
    m_picture = bytes;
    m_pixmap = QPixmap();
    if (!bytes.isEmpty())
        m_pixmap.loadFromData(bytes);
    emit pictureChanged();
}

void AccountUi::updatePicture(const Profile &profile, int pixels)
{
    if (profile.email == m_pictureEmail && profile.gravatarUrl == m_pictureUrl)
        return;
    if (profile.email != m_pictureEmail && !m_picture.isEmpty())
        setPicture({});
    m_pictureEmail = profile.email;
    m_pictureUrl = profile.gravatarUrl;
    if (!profile.email.isEmpty())
        m_avatars->fetch(profile, pixels);
}

} // namespace Smtpd
